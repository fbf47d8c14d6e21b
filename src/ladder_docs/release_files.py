"""The disk edge of `ladder-docs release`: the changelog files, redlines and handbooks copied into
the staging directory as real files, and the staging directory renamed into place."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from . import manifest
from .changelog import Changelog, between, changelog
from .changelog_render import render_html, render_json, render_markdown
from .errors import ArtifactError
from .gitlog import Git
from .publish import check_relpath
from .reader import load_config
from .source import Repository

NOTES, CHANGELOG_HTML, CHANGELOG_JSON = "release-notes.md", "changelog.html", "changelog.json"


def copy_tree_files(src: Path, dest: Path, paths: Iterable[str]) -> set[str]:
    """Copy `paths` (relative to `src`, which may be a build's published symlink) into `dest` as
    regular files; returns the paths copied."""
    done = set()
    for rel in sorted(paths):
        target = dest / check_relpath(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copyfile(src / rel, target)  # follows the build's symlink: a real file lands
        except OSError as exc:
            raise ArtifactError(f"cannot copy {rel} into the release: {exc.strerror or exc}") from exc
        done.add(rel)
    return done


def release_changelog(repo: Repository, previous: str | None, rev: str, root: str | None, name: str) -> Changelog:
    """The changes from `previous` (None: from the empty ladder, for a first release) to `rev`."""
    if previous is not None:
        log = changelog(repo, f"{previous}..{rev}", root=root)
    else:
        git = Git(repo.workdir or Path(repo.repo.git_dir))
        log = between(repo, None, rev, root=root, config=load_config(repo, git.resolve(rev)))
    return replace(log, name=name)  # the name configured at the release, not in the working tree


def changelog_files(repo: Repository, previous: str | None, rev: str, root: str | None, name: str,
                    staging: Path) -> tuple[Changelog, list[manifest.Artifact]]:
    """release-notes.md (the release body), changelog.html and changelog.json in `staging`."""
    log = release_changelog(repo, previous, rev, root, name)
    files = {NOTES: (render_markdown(log), "notes"), CHANGELOG_HTML: (render_html(log), "changelog"),
             CHANGELOG_JSON: (render_json(log), "changelog")}
    made = []
    for path, (text, kind) in sorted(files.items()):
        data = text.encode("utf-8")
        (staging / path).write_bytes(data)
        made.append(manifest.artifact(path, data, kind))
    return log, made


def redline_files(repo: Repository, range_: str, formats: tuple[str, ...], work: Path, staging: Path,
                  root: str | None) -> list[manifest.Artifact]:
    """The redlines of every level changed in `range_` (and their index), copied into
    `staging/redlines`; any redline that failed to render fails the release."""
    from .redline import redline

    result = redline(repo, range_, formats=set(formats), out=work, root=root)
    if result.failures:
        shown = "; ".join(result.failures[:10]) + ("; …" if len(result.failures) > 10 else "")
        raise ArtifactError(f"{len(result.failures)} redline(s) failed, nothing released: {shown}")
    copy_tree_files(work, staging / "redlines", result.files)
    levels = set(result.levels)
    made = []
    for rel in sorted(result.files):
        stem = rel.split(".", 1)[0]  # `<track-key>/<level-slug>[-removed].redline.<ext>`
        level = stem if stem in levels else stem.removesuffix("-removed") if stem.endswith("-removed") else None
        made.append(manifest.artifact(f"redlines/{rel}", (staging / "redlines" / rel).read_bytes(), "redline",
                                      level=level if level in levels else None))
    return made


def publish_dir(staging: Path, out: Path) -> None:
    """Rename the complete `staging` directory to `out`, replacing an earlier release there.

    A release directory is not served live, so a moment between the two renames without `out` is
    acceptable; what matters is that `out` is never a half-written release."""
    try:
        os.chmod(staging, 0o755)  # mkdtemp makes it private; a release is for everyone
        if not out.exists():
            os.rename(staging, out)
            return
        old = out.parent / f".{out.name}.replaced-{os.getpid()}-{time.monotonic_ns()}"
        os.rename(out, old)
        try:
            os.rename(staging, out)
        except OSError:
            os.rename(old, out)
            raise
        shutil.rmtree(old)
    except OSError as exc:
        raise ArtifactError(f"cannot publish {out}: {exc.strerror or exc}; an earlier release there is intact") from exc
