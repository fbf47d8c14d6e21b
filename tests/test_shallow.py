"""Shallow clones (GitHub's default `fetch-depth: 1`): every command that needs history exits 3
with a message that says how to fetch it, never a silently short changelog."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import git, make_repo

from ladder_docs.cli import main
from ladder_docs.errors import ShallowCloneError
from ladder_docs.source import Repository

LEVEL = "# L2: Engineer\n\n> I deliver.\n\n## 🦉 Domain Expertise\n\n- I write {} code.\n"
FETCH_HINT = ("needs the full git history, but this clone is shallow: fetch it with `git fetch --unshallow` "
              "(in GitHub Actions: actions/checkout with `fetch-depth: 0`)")


@pytest.fixture(scope="module")
def shallow(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """origin: v1.0.0 → an edit → v1.1.0 (HEAD). The clone: `--depth 1` at HEAD, then v1.0.0
    fetched with depth 1 too, as actions/checkout's `fetch-tags: true` does: the commit between
    them is missing."""
    tmp = tmp_path_factory.mktemp("shallow")
    origin = make_repo(tmp / "origin", {"ladder/Eng/L2-Engineer.md": LEVEL.format("good")}, "v1",
                       "2025-01-01T00:00:00+00:00")
    git(origin, "tag", "v1.0.0")
    make_repo(origin, {"ladder/Eng/L2-Engineer.md": LEVEL.format("clean")}, "Edit", "2025-02-01T00:00:00+00:00")
    make_repo(origin, {"ladder/Eng/L2-Engineer.md": LEVEL.format("clear")}, "Edit", "2025-03-01T00:00:00+00:00")
    git(origin, "tag", "v1.1.0")
    clone = tmp / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(clone)], check=True)
    git(clone, "fetch", "-q", "--depth", "1", "origin", "tag", "v1.0.0")
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"
    assert git(clone, "tag", "--list").split() == ["v1.0.0", "v1.1.0"]
    return clone


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["changelog"],                      # no tag reachable in the cut history: the whole history
    ["changelog", "v1.0.0..v1.1.0"],    # both ends present, the commit between them missing
    ["changelog", "--since", "2024-01-01"],
    ["history", "engineering/l2-engineer"],
], ids=["changelog-default", "changelog-range", "changelog-since", "history"])
def test_history_commands_exit_3_saying_to_fetch_history(shallow: Path, argv: list[str],
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _run([*argv, "--repo", str(shallow)], capsys)
    assert code == 3
    assert FETCH_HINT in err, err


def test_redline_exits_3_saying_to_fetch_history(shallow: Path, capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    code, err = _run(["redline", "v1.0.0..v1.1.0", "--repo", str(shallow), "--out", str(tmp_path / "r")], capsys)
    assert code == 3 and FETCH_HINT in err, err
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize("tag", [None, "v1.1.0"])
def test_release_exits_3_saying_to_fetch_history(shallow: Path, tag: str | None, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "rel"
    code, err = _run(["release", "--repo", str(shallow), "--out", str(out), *(["--tag", tag] if tag else [])], capsys)
    assert code == 3 and f"the release {FETCH_HINT}" in err, err
    assert not out.exists()


def test_a_plain_depth_1_checkout_of_the_tag_cannot_release(tmp_path: Path) -> None:
    """What a release workflow without `fetch-depth: 0` gets: only the tagged commit."""
    from ladder_docs.release import release

    origin = make_repo(tmp_path / "origin", {"ladder/Eng/L2-Engineer.md": LEVEL.format("good")})
    git(origin, "tag", "v1.0.0")
    make_repo(origin, {"ladder/Eng/L2-Engineer.md": LEVEL.format("clear")}, "Edit", "2026-02-01T00:00:00+00:00")
    git(origin, "tag", "v1.1.0")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", "--branch", "v1.1.0", f"file://{origin}", str(clone)],
                   check=True, capture_output=True)
    with pytest.raises(ShallowCloneError, match="fetch-depth: 0"):
        release(Repository.open(clone), tag="v1.1.0", out=tmp_path / "rel", strict=False)
    # Once unshallowed, the same clone releases v1.1.0 against v1.0.0.
    git(clone, "fetch", "-q", "--unshallow", "--tags")
    result = release(Repository.open(clone), tag="v1.1.0", out=tmp_path / "rel", strict=False)
    assert (result.previous, result.changes) == ("v1.0.0", 1)


def test_an_unfetched_base_in_a_shallow_clone_says_to_fetch_history(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    origin = make_repo(tmp_path / "origin", {"ladder/Eng/L2-Engineer.md": LEVEL.format("good")})
    base = git(origin, "rev-parse", "HEAD").strip()
    make_repo(origin, {"ladder/Eng/L2-Engineer.md": LEVEL.format("clear")}, "Edit", "2026-02-01T00:00:00+00:00")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(clone)], check=True)
    code, err = _run(["changelog", f"{base}..HEAD", "--repo", str(clone)], capsys)
    assert code == 3 and "fetch-depth: 0" in err, err
