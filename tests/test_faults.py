"""Faults: builds killed at random moments, two builds at once, pandoc and typst failing, a full disk,
missing or corrupt git objects. What must hold (docs/reliability.md): the output directory is always
exactly the previous complete build or exactly the new one (`verify` passes on it); every failure
is reported; exit codes are 1 (artifacts) and 3 (repository).
"""

from __future__ import annotations

import ctypes
import dataclasses
import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from conftest import git, make_repo
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladder_docs import manifest, publish
from ladder_docs.cli import main
from ladder_docs.pandoc_engine import pandoc_path

TRACKS = ("Alpha", "Beta", "Gamma")


def level_text(track: str, n: int, extra: str = "") -> str:
    """A small level file; `extra` makes a revision differ."""
    return (f"# L{n}: {track} Engineer {n}\n\n> I work at level {n}.\n\n**Planning horizon:** {n} months\n\n"
            f"## Craft\n\n- I build {track.lower()} things at level {n}.\n- I review code{extra}.\n\n"
            f"## Teaching\n\n- I mentor {n} people.\n")


def ladder_files(extra: str = "") -> dict[str, str | bytes]:
    """Three tracks of four levels each."""
    return {f"{t}/L{n}-{t}-Engineer-{n}.md": level_text(t, n, extra if n == 2 else "") for t in TRACKS
            for n in range(1, 5)}


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """The CLI as a child process (`python -m ladder_docs.cli`)."""
    return subprocess.Popen([sys.executable, "-m", "ladder_docs.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})


def finish(proc: subprocess.Popen[str], timeout: float = 300) -> tuple[int, str]:
    """Wait for a child started by `cli`: (exit code, stderr)."""
    _out, err = proc.communicate(timeout=timeout)
    return proc.returncode, err


def tree(out: Path) -> dict[str, bytes]:
    """Every file the output directory shows, by relative path."""
    root = out.resolve()
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def manifest_of(out: Path) -> dict[str, Any]:
    return dict(json.loads((out / "manifest.json").read_text()))


@pytest.fixture
def revisions(tmp_path: Path) -> tuple[Path, list[str]]:
    """A repository with 23 commits, each rewording one competency of every track's L2."""
    repo = make_repo(tmp_path / "r", ladder_files(), "revision 0")
    for i in range(1, 23):
        make_repo(repo, ladder_files(f" carefully, take {i}"), f"revision {i}")
    shas = git(repo, "rev-list", "--reverse", "HEAD").split()
    return repo, shas


# ---- killed at random moments ----------------------------------------------------------------

def test_a_build_killed_at_random_moments_leaves_the_previous_or_the_new_output(
        revisions: tuple[Path, list[str]], tmp_path: Path) -> None:
    repo, shas = revisions
    out = tmp_path / "dist"
    started = time.monotonic()
    first = finish(cli("build", "--repo", str(repo), "--rev", shas[0], "--out", str(out), "--formats", "html", "-q"))
    assert first[0] == 0, first
    full = time.monotonic() - started  # a whole build, interpreter start included (the first: the slowest)
    rng = random.Random(20261126)
    outcomes: list[str] = []
    for i, sha in enumerate(shas[1:], start=1):
        formats = "html,pdf,docx" if i % 5 == 0 else "html"
        before = (out / "manifest.json").read_bytes()
        proc = cli("build", "--repo", str(repo), "--rev", sha, "--out", str(out), "--formats", formats, "-q")
        # From inside the interpreter start to past the end: publishing comes last, so most trials
        # land in rendering and a good share in writing, swapping or after.
        time.sleep(rng.uniform(0.2, 2.5 if i % 5 == 0 else 1.5) * full)
        proc.send_signal(signal.SIGKILL)
        finish(proc, 60)
        now = (out / "manifest.json").read_bytes()
        assert manifest.verify(out) == [], f"trial {i}"
        # Finish the interrupted build: the manifest a complete build of this revision publishes.
        assert main(["build", "--repo", str(repo), "--rev", sha, "--out", str(out), "--formats", formats, "-q"]) == 0
        after = (out / "manifest.json").read_bytes()
        assert now in (before, after), f"trial {i}: neither the previous nor the new build"
        assert json.loads(after)["revision"] == sha
        outcomes.append("previous" if now == before else "new")
        assert main(["verify", str(out), "-q"]) == 0
    assert len(outcomes) == 22 and {"previous", "new"} <= set(outcomes), outcomes
    # Leftovers of killed builds are pruned: the published tree and its predecessor remain.
    assert len(list((tmp_path / ".dist.ladder-docs" / "builds").iterdir())) <= 2


def test_a_first_build_killed_early_leaves_no_output(revisions: tuple[Path, list[str]], tmp_path: Path) -> None:
    repo, shas = revisions
    rng = random.Random(7)
    for i in range(3):
        out = tmp_path / f"dist{i}"
        proc = cli("build", "--repo", str(repo), "--rev", shas[0], "--out", str(out), "--formats", "html", "-q")
        time.sleep(rng.uniform(0.1, 0.5))
        proc.send_signal(signal.SIGKILL)
        finish(proc, 60)
        assert not os.path.lexists(out) or manifest.verify(out) == []


def test_a_swap_link_left_by_a_killed_build_is_cleaned_up(revisions: tuple[Path, list[str]], tmp_path: Path) -> None:
    repo, shas = revisions
    out = tmp_path / "dist"
    assert main(["build", "--repo", str(repo), "--rev", shas[0], "--out", str(out), "--formats", "html", "-q"]) == 0
    # What SIGKILL between os.symlink() and os.rename() in publish.swap leaves (pid of a dead process).
    os.symlink(os.readlink(out), tmp_path / ".dist.ladder-docs-swap-999999")
    assert main(["build", "--repo", str(repo), "--rev", shas[1], "--out", str(out), "--formats", "html", "-q"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [".dist.ladder-docs", "dist", "r"]


# ---- two builds at once ----------------------------------------------------------------------

def test_two_builds_into_one_output_directory_serialise(revisions: tuple[Path, list[str]], tmp_path: Path) -> None:
    repo, shas = revisions
    out = tmp_path / "dist"
    procs = [cli("build", "--repo", str(repo), "--rev", sha, "--out", str(out), "--formats", "html,pdf")
             for sha in (shas[3], shas[4])]
    results = [finish(p) for p in procs]
    assert [code for code, _err in results] == [0, 0], results
    assert manifest.verify(out) == []
    shown = manifest_of(out)["revision"]
    assert shown in (shas[3], shas[4])
    # Both published in turn: the second one to take the lock is what `dist` shows.
    published = [err for _code, err in results if "(published;" in err]
    assert len(published) == 2, results


def test_a_build_waits_while_another_holds_the_output(revisions: tuple[Path, list[str]], tmp_path: Path) -> None:
    repo, shas = revisions
    out = tmp_path / "dist"
    assert main(["build", "--repo", str(repo), "--rev", shas[0], "--out", str(out), "--formats", "html", "-q"]) == 0
    before = tree(out)
    with publish.build_lock(out):
        proc = cli("build", "--repo", str(repo), "--rev", shas[1], "--out", str(out), "--formats", "html")
        time.sleep(2.0)
        assert proc.poll() is None  # still waiting for the lock
        assert tree(out) == before
    code, err = finish(proc)
    assert code == 0 and manifest_of(out)["revision"] == shas[1], err


def test_a_waiting_build_says_so(revisions: tuple[Path, list[str]], tmp_path: Path) -> None:
    repo, shas = revisions
    out = tmp_path / "dist"
    with publish.build_lock(out):
        proc = cli("build", "--repo", str(repo), "--rev", shas[1], "--out", str(out), "--formats", "html")
        time.sleep(1.5)
    err = finish(proc)[1]
    assert f"ladder-docs: another ladder-docs build is publishing into {out}: waiting for it" in err


# ---- pandoc and typst failing ------------------------------------------------------------------

@pytest.fixture
def stand_in_pandoc(tmp_path: Path) -> dict[str, str]:
    """Environment naming a pandoc that answers `--version` and other queries but fails every conversion
    (`pandoc lua …`). pypandoc honours PYPANDOC_PANDOC, and pandoc_engine.pandoc_path() asks pypandoc."""
    fake = tmp_path / "bin" / "pandoc"
    fake.parent.mkdir()
    fake.write_text(f'#!/bin/sh\nif [ "$1" = lua ]; then echo "pandoc: stand-in failure" >&2; exit 83; fi\n'
                    f'exec {pandoc_path()} "$@"\n')
    fake.chmod(0o755)
    return {"PYPANDOC_PANDOC": str(fake)}


def test_a_pandoc_on_path_never_replaces_the_bundled_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pypandoc

    other = tmp_path / "bin" / "pandoc"
    other.parent.mkdir()
    other.write_text('#!/bin/sh\necho "pandoc 99.0"\n')
    other.chmod(0o755)
    monkeypatch.setenv("PATH", f"{other.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv("PYPANDOC_PANDOC", raising=False)
    monkeypatch.setattr(pypandoc, "__pandoc_path", None)  # pypandoc caches its choice per process
    assert Path(pandoc_path()).resolve() == (Path(pypandoc.__file__).parent / "files" / "pandoc").resolve()


def _docx_paths() -> list[str]:
    return sorted([f"{t.lower()}/l{n}-{t.lower()}-engineer-{n}.docx" for t in TRACKS for n in range(1, 5)]
                  + [f"{t.lower()}/handbook.docx" for t in TRACKS] + ["ladder.docx"])


def test_pandoc_failing_reports_every_failure_and_keeps_the_previous_output(
        revisions: tuple[Path, list[str]], tmp_path: Path, stand_in_pandoc: dict[str, str]) -> None:
    repo, shas = revisions
    out = tmp_path / "dist"
    assert main(["build", "--repo", str(repo), "--rev", shas[0], "--out", str(out), "-q"]) == 0
    before = tree(out)
    proc = cli("build", "--repo", str(repo), "--rev", shas[1], "--out", str(out), env=stand_in_pandoc)
    code, stderr = finish(proc)
    err = stderr.splitlines()
    assert code == 1
    failed = sorted(line.removeprefix("ladder-docs: failed: ").split(": ")[0] for line in err
                    if line.startswith("ladder-docs: failed: "))
    assert failed == _docx_paths()
    assert all("pandoc: the batch failed: pandoc: stand-in failure" in line for line in err
               if line.startswith("ladder-docs: failed: "))
    assert err[-1].startswith(f"ladder-docs: error: {len(failed)} artifact(s) failed, nothing published:")
    assert tree(out) == before and manifest.verify(out) == []


def test_pandoc_failing_with_partial_publishes_the_rest_and_lists_the_failures(
        revisions: tuple[Path, list[str]], tmp_path: Path, stand_in_pandoc: dict[str, str]) -> None:
    repo, shas = revisions
    out = tmp_path / "dist"
    assert main(["build", "--repo", str(repo), "--rev", shas[0], "--out", str(out), "-q"]) == 0
    proc = cli("build", "--repo", str(repo), "--rev", shas[1], "--out", str(out), "--partial", env=stand_in_pandoc)
    code, err = finish(proc)
    assert code == 1, err
    doc = manifest_of(out)
    assert doc["revision"] == shas[1]
    assert sorted(f["path"] for f in doc["failures"]) == _docx_paths()
    assert {f["format"] for f in doc["failures"]} == {"docx"}
    assert all("stand-in failure" in f["error"] for f in doc["failures"])
    listed = {a["path"] for a in doc["artifacts"]}
    assert not listed & set(_docx_paths()) and not [p for p in tree(out) if p.endswith(".docx")]
    assert len([p for p in listed if p.endswith((".html", ".pdf"))]) == 2 * 16 + 1
    assert manifest.verify(out) == [] and main(["verify", str(out), "-q"]) == 0


def _failing_typst_templates(tmp_path: Path, key: str) -> Path:
    """User templates whose level PDF template makes typst fail for one level only."""
    builtin = (resources.files("ladder_docs.templates") / "typst" / "level.typ.j2").read_text("utf-8")
    custom = tmp_path / "templates" / "typst" / "level.typ.j2"
    custom.parent.mkdir(parents=True)
    custom.write_text(builtin + f'\n{{% if level.key == "{key}" %}}#panic("stand-in typst failure"){{% endif %}}\n')
    return tmp_path / "templates"


def test_typst_failing_on_one_document_is_reported_and_keeps_the_previous_output(
        revisions: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo, shas = revisions
    out = tmp_path / "dist"
    templates = _failing_typst_templates(tmp_path, "beta/l3-beta-engineer-3")
    assert main(["build", "--repo", str(repo), "--rev", shas[0], "--out", str(out), "--formats", "html,pdf",
                 "-q"]) == 0
    before = tree(out)
    capsys.readouterr()
    code = main(["build", "--repo", str(repo), "--rev", shas[1], "--out", str(out), "--formats", "html,pdf",
                 "--templates", str(templates)])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert [line for line in err if line.startswith("ladder-docs: failed: ")] == [
        "ladder-docs: failed: beta/l3-beta-engineer-3.pdf: typst: panicked with: stand-in typst failure "
        f"(line {_panic_line(err)}, column 1)"]
    assert tree(out) == before

    code = main(["build", "--repo", str(repo), "--rev", shas[1], "--out", str(out), "--formats", "html,pdf",
                 "--templates", str(templates), "--partial"])
    assert code == 1
    doc = manifest_of(out)
    assert [(f["path"], f["kind"], f["level"]) for f in doc["failures"]] == [
        ("beta/l3-beta-engineer-3.pdf", "level", "beta/l3-beta-engineer-3")]
    assert "beta/l3-beta-engineer-3.html" in tree(out) and "beta/l3-beta-engineer-3.pdf" not in tree(out)
    assert len(doc["artifacts"]) == 2 * 16 + 1 - 1 and manifest.verify(out) == []


def _panic_line(err: list[str]) -> str:
    found = [line for line in err if "stand-in typst failure" in line]
    return found[0].rsplit("(line ", 1)[1].split(",")[0] if found else "?"


# Content never makes typst fail: every value is escaped (render_typst). Random text full of typst,
# markdown and HTML syntax goes through the parser, the context and the typst templates to a PDF.
_SPECIAL = st.sampled_from([*"\\#$*_`<>@=-+/~[]:.{}()\"'\t%&;|!?^", "\x00", "\x0b", "\u2028", "\u202e",
                            "\ufeff", "//", "/*", "*/", "```", "$$", "#{", "<lbl>", "@ref", "= ", "- ", "+ ",
                            "/ t:", "1. ", "--", "...", "http://x.y", "<!--", "]]", "[[", "&#0;", "&lt;",
                            "#read(\"x\")", "#panic()", "\\u{41}", "`#raw`"])
_TEXT = st.lists(st.one_of(_SPECIAL, st.text(st.characters(exclude_categories=["Cs"]), max_size=4)),
                 max_size=20).map("".join)


@settings(max_examples=200 if os.environ.get("CI") == "true" else 25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(title=_TEXT, summary=_TEXT, dimension=_TEXT, item=_TEXT)
def test_no_content_makes_typst_fail(tmp_path: Path, title: str, summary: str, dimension: str, item: str) -> None:
    from ladder_docs.assemble import assemble
    from ladder_docs.build import build
    from ladder_docs.config import Config
    from ladder_docs.model import Revision
    from ladder_docs.parse import parse_document

    source = f"# L3: {title}\n\n> {summary}\n\n## {dimension}\n\n- {item}\n- plain\n"
    parsed = parse_document("T/L3-X.md", source.encode("utf-8", "surrogatepass"), "b" * 40)
    revision = Revision("HEAD", "0" * 40, "2024-06-01T12:00:00+00:00", False, "v1", "v1")
    ladder = dataclasses.replace(assemble([parsed], "", Config()), revision=revision)
    result = build(ladder, tmp_path / "dist", formats={"pdf"})  # BuildFailed names any typst error
    assert result.failures == () and all(a.bytes > 1000 for a in result.artifacts if a.format == "pdf")


# ---- the disk filling up -----------------------------------------------------------------------

class _FullDisk:
    """A file object whose writes fail with ENOSPC once `budget` bytes (shared) have been written."""

    budget = 0

    def __init__(self, real: Any) -> None:
        self._real = real

    def write(self, data: bytes) -> int:
        if _FullDisk.budget < len(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        _FullDisk.budget -= len(data)
        return int(self._real.write(data))

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[_FullDisk]]:
    """Every file ladder-docs writes through os.fdopen (the publisher's tree, the build cache, atomic
    writes) runs out of space after `_FullDisk.budget` bytes."""
    real = os.fdopen

    def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        fh = real(fd, mode, *args, **kwargs)
        return _FullDisk(fh) if "w" in mode or "a" in mode else fh

    monkeypatch.setattr(os, "fdopen", fdopen)
    yield _FullDisk


@pytest.mark.parametrize(("budget", "where"), [
    (0, "cannot write the build cache in"),  # the first rendered artifact
    (-1, "cannot publish"),  # the cache written, then part of the new tree
])
def test_a_full_disk_is_a_clear_error_and_keeps_the_previous_output(
        budget: int, where: str, revisions: tuple[Path, list[str]], tmp_path: Path, full_disk: type[_FullDisk],
        capsys: pytest.CaptureFixture[str]) -> None:
    repo, shas = revisions
    out = tmp_path / "dist"
    full_disk.budget = 10**9
    assert main(["build", "--repo", str(repo), "--rev", shas[0], "--out", str(out), "--formats", "html", "-q"]) == 0
    before = tree(out)
    capsys.readouterr()
    if budget < 0:  # fail inside the new tree: measure what a full build of shas[1] writes, allow 3/4
        full_disk.budget = 10**9
        assert main(["build", "--repo", str(repo), "--rev", shas[1], "--out", str(tmp_path / "scratch"),
                     "--formats", "html", "-q"]) == 0
        budget = (10**9 - full_disk.budget) * 3 // 4
    full_disk.budget = budget
    code = main(["build", "--repo", str(repo), "--rev", shas[1], "--out", str(out), "--formats", "html"])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    errors = [line for line in err if line.startswith("ladder-docs: error: ")]
    assert len(errors) == 1 and errors[0].startswith(f"ladder-docs: error: {where}"), err
    assert "No space left on device" in errors[0]
    assert tree(out) == before and manifest.verify(out) == []
    full_disk.budget = 10**9  # space again: the next build publishes and clears the partial tree
    assert main(["build", "--repo", str(repo), "--rev", shas[1], "--out", str(out), "--formats", "html", "-q"]) == 0
    assert manifest_of(out)["revision"] == shas[1] and manifest.verify(out) == []
    assert len(list((tmp_path / ".dist.ladder-docs" / "builds").iterdir())) <= 2


def test_a_full_disk_reported_at_flush_time_keeps_the_previous_output(
        revisions: tuple[Path, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Delayed allocation: every write succeeds, and syncfs(2) reports ENOSPC."""
    repo, shas = revisions
    out = tmp_path / "dist"
    assert main(["build", "--repo", str(repo), "--rev", shas[0], "--out", str(out), "--formats", "html", "-q"]) == 0
    before = tree(out)
    capsys.readouterr()
    real = ctypes.CDLL

    class Libc:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self._real = real(*args, **kwargs)

        def syncfs(self, fd: int) -> int:
            ctypes.set_errno(errno.ENOSPC)
            return -1

        def __getattr__(self, name: str) -> Any:
            return getattr(self._real, name)

    monkeypatch.setattr(ctypes, "CDLL", Libc)
    code = main(["build", "--repo", str(repo), "--rev", shas[1], "--out", str(out), "--formats", "html"])
    err = capsys.readouterr().err.splitlines()
    assert code == 1 and "No space left on device" in err[-1], err
    assert tree(out) == before and manifest.verify(out) == []


def test_an_error_after_the_swap_is_reported_truthfully(
        revisions: tuple[Path, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    repo, shas = revisions
    out = tmp_path / "dist"
    assert main(["build", "--repo", str(repo), "--rev", shas[0], "--out", str(out), "--formats", "html", "-q"]) == 0
    before = tree(out)
    capsys.readouterr()

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fsync)
    main(["build", "--repo", str(repo), "--rev", shas[1], "--out", str(out), "--formats", "html"])
    said_intact = "the previous output is intact" in capsys.readouterr().err
    assert manifest.verify(out) == []
    assert said_intact == (tree(out) == before)


# ---- missing or corrupt repository objects ----------------------------------------------------

def _damage(repo: Path, path: str, how: str) -> str:
    """Remove or corrupt the blob of `path` at HEAD; return its sha."""
    blob = git(repo, "rev-parse", f"HEAD:{path}").strip()
    obj = repo / ".git" / "objects" / blob[:2] / blob[2:]
    obj.chmod(0o644)
    if how == "missing":
        obj.unlink()
    else:
        obj.write_bytes(b"garbage")
    return blob


@pytest.mark.parametrize("how", ["missing", "corrupt"])
def test_a_damaged_object_stops_build_changelog_and_redline_with_exit_3(
        how: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    files = ladder_files()
    repo = make_repo(tmp_path / "r", files, "one")
    out = tmp_path / "dist"
    assert main(["build", "--repo", str(repo), "--out", str(out), "--formats", "html", "-q"]) == 0
    before = tree(out)
    path = "Beta/L2-Beta-Engineer-2.md"
    make_repo(repo, {path: level_text("Beta", 2, f" with {how} objects in {tmp_path.name}")}, "two")
    blob = _damage(repo, path, how)
    named = f"ladder-docs: error: missing or corrupt object {blob[:12]} for {path} at revision"
    capfd.readouterr()
    for argv in (["build", "--rev", "HEAD", "--out", str(out), "--formats", "html"],
                 ["changelog", "HEAD~1..HEAD"],
                 ["redline", "HEAD~1..HEAD", "--out", str(tmp_path / "redline")]):
        code = main([argv[0], "--repo", str(repo), *argv[1:]])
        err = capfd.readouterr().err.splitlines()
        assert (code, len(err)) == (3, 1) and err[0].startswith(named), (argv[0], err)
    assert tree(out) == before and not (tmp_path / "redline").exists()


@pytest.mark.parametrize("range_", [None, "HEAD~1.."])
def test_a_damaged_object_in_a_changelog_walk_names_the_revision(
        range_: str | None, tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    path = "Beta/L2-Beta-Engineer-2.md"
    repo = make_repo(tmp_path / "r", ladder_files(), "one")
    make_repo(repo, {path: level_text("Beta", 2, f" walked {range_} {tmp_path.name}")}, "two")
    blob = _damage(repo, path, "corrupt")
    capfd.readouterr()
    code = main(["changelog", "--repo", str(repo), *([range_] if range_ else [])])
    err = capfd.readouterr().err.splitlines()
    assert code == 3 and err == [f"ladder-docs: error: missing or corrupt object {blob[:12]} for {path} "
                                 f"at revision {git(repo, 'rev-parse', '--short', 'HEAD').strip()}"]
