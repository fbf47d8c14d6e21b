"""`ladder-docs release`: one directory with everything a version's release attaches.

`release/<version>/` (default; `<version>` is the tag, else HEAD's short sha) holds:

    release-notes.md, changelog.html, changelog.json   the changelog since the previous version tag
    handbooks/…                                         every handbook in every format (as `build`)
    redlines/…                                          the changed levels with their changes marked
    <name>-<version>.zip                                all of the above
    <name>-<version>-html.zip, -pdf.zip, -docx.zip      every file of that format
    manifest.json, SHA256SUMS                           every file but these two

`<name>` is the config `name` slugified (`Brightwater Career Ladder` → `brightwater-career-ladder`).
Every zip holds its files under one folder `<name>-<version>/` at their release-relative paths, so
the per-format zips unpacked together give the full zip. The directory is assembled beside the
target and renamed into place, so a failed release leaves an earlier one intact; it holds real
files only (handbooks and redlines are built in a temporary directory and copied out).
"""

from __future__ import annotations

import fnmatch
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from . import manifest
from .build import build
from .check import check, failed
from .errors import LadderError, UsageError
from .gitlog import Git
from .model import Diagnostic, Ladder
from .reader import load_config, read_ladder
from .release_files import changelog_files, copy_tree_files, publish_dir, redline_files
from .slug import slugify
from .source import Repository
from .zipper import write_zip

FORMATS = ("html", "pdf", "docx")
WHAT = "the release"


@dataclass(frozen=True)
class ReleaseResult:
    """What a release wrote: where, for which revision, and every listed file."""

    out: Path
    version: str
    tag: str | None
    revision: str
    previous: str | None
    artifacts: tuple[manifest.Artifact, ...]
    diagnostics: tuple[Diagnostic, ...]
    changes: int
    bump: str

    def of_kind(self, *kinds: str) -> tuple[manifest.Artifact, ...]:
        """The artifacts of these kinds, by path."""
        return tuple(a for a in self.artifacts if a.kind in kinds)


class ReleaseBlocked(LadderError):
    """`check` found errors (or warnings, when strict): nothing was released."""

    def __init__(self, version: str, diagnostics: list[Diagnostic], strict: bool) -> None:
        self.diagnostics = tuple(diagnostics)
        errors = sum(d.severity == "error" for d in diagnostics)
        warnings = sum(d.severity == "warning" for d in diagnostics)
        what = f"{errors} error(s)" + (f" and {warnings} warning(s) (--strict)" if strict and warnings else "")
        super().__init__(f"the ladder at {version} has {what}: nothing released")


def file_safe(text: str) -> str:
    """A tag or name as one file-name component: `release/v2` → `release-v2`."""
    return re.sub(r"[^A-Za-z0-9._+-]+", "-", text).strip("-.") or "release"


def previous_tag(git: Git, pattern: str, sha: str) -> str | None:
    """The nearest version tag strictly before commit `sha` (None: this is the first)."""
    # `sha^` leaves out tags on the release commit itself; a root commit has no `^`: no tag.
    return git.latest_tag(pattern, f"{sha}^")


def refuse_build_output(out: Path, repo: Repository) -> None:
    """A release inside a build's output would be swapped away by the next `build`."""
    real = Path(os.path.realpath(out))
    if any(part.endswith(".ladder-docs") for part in real.parts):
        raise UsageError(f"--out {out}: inside a build's output directory, which the next build replaces")
    if repo.workdir is not None:
        dist = Path(os.path.realpath(repo.workdir / "dist"))
        if real == dist or dist in real.parents:
            raise UsageError(f"--out {out}: inside dist/, which `ladder-docs build` replaces; use release/")
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise UsageError(f"--out {out}: exists and is not a directory")
    if out.is_dir() and any(out.iterdir()) and not (out / manifest.MANIFEST).is_file():
        raise UsageError(f"--out {out}: a non-empty directory that is not a release: refusing to replace it")


def _target(repo: Repository, tag: str | None, pattern: str) -> tuple[str, str | None]:
    """(sha, tag) of what to release: `tag`, else the version tag at HEAD, else HEAD untagged."""
    if tag is not None:
        sha = repo.resolve(tag)
        if tag not in repo.tags_at(sha):
            raise UsageError(f"--tag {tag}: no such tag (git tag {tag} <commit> first)")
        return sha, tag
    sha = repo.resolve("HEAD")
    tags = [t for t in repo.tags_at(sha) if fnmatch.fnmatchcase(t, pattern)]
    return sha, (tags[-1] if tags else None)


def release(repo: Repository, *, tag: str | None, out: Path | None, strict: bool, root: str | None = None,
            progress: bool = False) -> ReleaseResult:
    """Check the ladder at `tag` (default: the version tag at HEAD, else HEAD), build every handbook,
    the changelog since the previous version tag, the redlines, zips, manifest.json and SHA256SUMS
    into `out` (default `release/<version>/` in the working tree). See the module docstring.

    Raises ShallowCloneError (exit 3) in a clone without the history the changelog needs, and
    ReleaseBlocked (exit 1) when `check` fails (warnings too when `strict`)."""
    head_config = load_config(repo, repo.resolve("HEAD"))
    sha, tag = _target(repo, tag, head_config.tag_pattern)
    config = load_config(repo, sha)
    git = Git(repo.workdir or Path(repo.repo.git_dir))
    previous = previous_tag(git, config.tag_pattern, sha)
    git.require_history(WHAT, git.resolve(previous) if previous else None)
    rev = tag or sha
    ladder = read_ladder(repo, rev, root, config)
    version = tag or ladder.revision.short
    if tag is not None:  # the handbooks name the version being released, whatever else is tagged there
        ladder = replace(ladder, revision=replace(ladder.revision, version=tag, tag=tag))
    out = Path(out) if out is not None else (repo.workdir or Path.cwd()) / "release" / file_safe(version)
    refuse_build_output(out, repo)
    diags = check(ladder, [e.path for e in repo.tree(sha)])
    if failed(diags, strict):
        raise ReleaseBlocked(version, [d for d in diags if d.severity == "error" or strict], strict)

    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.release-", dir=out.parent))
    try:
        with tempfile.TemporaryDirectory(prefix="ladder-docs-release-") as work:
            artifacts, problems = _handbooks(ladder, Path(work) / "handbooks", staging, progress)
            log, notes = changelog_files(repo, previous, rev, root, config.name, staging)
            artifacts += notes
            if previous is not None:
                artifacts += redline_files(repo, f"{previous}..{rev}", FORMATS, Path(work) / "redlines",
                                           staging, root)
        artifacts += _zips(staging, artifacts, f"{slugify(config.name) or 'ladder'}-{file_safe(version)}",
                           ladder.revision.timestamp)
        head = {"ladder": ladder.name, "version": version, "revision": sha, "tag": tag, "previous": previous}
        (staging / manifest.MANIFEST).write_bytes(manifest.manifest_json(head, artifacts))
        (staging / manifest.SUMS).write_bytes(manifest.sha256sums(artifacts))
        publish_dir(staging, out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    # The build reports a broken link again as "rendered as plain text": `check` said it already.
    said = {(d.path, d.line, d.code) for d in diags}
    kept = tuple(sorted({*diags, *(d for d in problems if (d.path, d.line, d.code) not in said)}))
    bump = log.sections[0].bump if log.sections else "none"
    changes = sum(len(s.changes) for s in log.sections)
    return ReleaseResult(out, version, tag, sha, previous, tuple(sorted(artifacts, key=lambda a: a.path)),
                         kept, changes, bump)


def _handbooks(ladder: Ladder, work: Path, staging: Path,
               progress: bool) -> tuple[list[manifest.Artifact], tuple[Diagnostic, ...]]:
    """Build every handbook in every format into `work`, copy the files to `staging/handbooks`."""
    built = build(ladder, work, formats=set(FORMATS), progress=progress)
    copied = copy_tree_files(work, staging / "handbooks", [a.path for a in built.artifacts])
    return [replace(a, path=f"handbooks/{a.path}") for a in built.artifacts if a.path in copied], built.problems


def _zips(staging: Path, artifacts: list[manifest.Artifact], base: str, timestamp: int) -> list[manifest.Artifact]:
    """The full zip and one per format, each listing its files under the folder `base/`."""
    groups = {f"{base}.zip": [a.path for a in artifacts]}
    for fmt in FORMATS:
        groups[f"{base}-{fmt}.zip"] = [a.path for a in artifacts if a.format == fmt]
    made = []
    for name, paths in sorted(groups.items()):
        write_zip(staging / name, {f"{base}/{p}": staging / p for p in paths}, timestamp=timestamp)
        made.append(manifest.artifact(name, (staging / name).read_bytes(), "zip"))
    return made
