"""Shared fixtures: the real corpus (cloned once), a committed copy of the example ladder, golden files."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT.parent / "shared" / "corpora" / "octopus-people.bundle"
SEED = ROOT.parent / "shared" / "seeds" / "L4-Lead-Cloud-Engineer.md"
GOLDEN = Path(__file__).parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


def need_shared(path: Path) -> None:
    """Skip when ../shared data is absent, except under CI where that is a failure."""
    if path.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{path} is missing: CI must have ../shared", pytrace=False)
    pytest.skip(f"{path} is absent (../shared not beside the project)")


def git(cwd: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """Run git in `cwd` with a fixed identity; returns stdout."""
    full = {**os.environ, "GIT_AUTHOR_NAME": "Test Author", "GIT_AUTHOR_EMAIL": "author@example.com",
            "GIT_COMMITTER_NAME": "Test Author", "GIT_COMMITTER_EMAIL": "author@example.com",
            "GIT_CONFIG_NOSYSTEM": "1", **(env or {})}
    return subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
                          cwd=cwd, check=True, capture_output=True, text=True, env=full).stdout


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A full clone of the real ladder corpus (all branches as remote refs)."""
    need_shared(BUNDLE)
    dest = tmp_path_factory.mktemp("corpus") / "people"
    subprocess.run(["git", "clone", "-q", str(BUNDLE), str(dest)], check=True)
    return dest


@pytest.fixture(scope="session")
def seed() -> Path:
    need_shared(SEED)
    return SEED


def make_repo(path: Path, files: dict[str, str | bytes], message: str = "init",
              date: str = "2026-01-15T10:00:00+00:00") -> Path:
    """A git repo at `path` with `files` committed (bytes written as-is)."""
    path.mkdir(parents=True, exist_ok=True)
    if not (path / ".git").exists():
        git(path, "init", "-q")
    for name, content in files.items():
        f = path / name
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", message, env={"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date})
    return path


@pytest.fixture
def example_repo(tmp_path: Path) -> Iterator[Path]:
    """This project's example ladder and config, committed in a fresh repository."""
    dest = tmp_path / "example"
    shutil.copytree(ROOT / "ladder", dest / "ladder")
    shutil.copy(ROOT / "pyproject.toml", dest / "pyproject.toml")
    make_repo(dest, {}, "Example ladder")
    yield dest


def golden(request: pytest.FixtureRequest, name: str, actual: str) -> None:
    """Compare with tests/golden/NAME, or rewrite it under --update-golden."""
    path = GOLDEN / name
    if request.config.getoption("--update-golden"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"golden file {path} missing: run pytest --update-golden and review the diff")
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from the golden file"
