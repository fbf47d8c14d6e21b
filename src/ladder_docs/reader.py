"""Read a whole ladder at one revision (or the working tree) into the model."""

from __future__ import annotations

import fnmatch
import posixpath
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from .assemble import assemble
from .config import Config, parse_config
from .errors import ConfigError, RepoError, UsageError
from .model import Diagnostic, Ladder, Level, Revision
from .parse import ParsedFile, parse_document
from .source import SUBMODULE, SYMLINK, Entry, Repository

_PARSED: dict[tuple[str, str, bool], ParsedFile] = {}


def parse_cached(path: str, blob: str | None, overview: bool, read: Callable[[], bytes]) -> ParsedFile:
    """Parse a blob once per (sha, path): the file name matters (it may carry the level id)."""
    if blob is None:
        return parse_document(path, read(), None, overview=overview)
    key = (blob, path, overview)
    hit = _PARSED.get(key)
    if hit is None:
        hit = _PARSED[key] = parse_document(path, read(), blob, overview=overview)
    return hit


def load_config(repo: Repository, sha: str | None) -> Config:
    """The configuration at a commit (None: the working tree)."""

    def read(name: str) -> bytes | None:
        if sha is not None:
            return repo.read_path(sha, name)
        wd = repo.workdir
        f = wd / name if wd is not None else None
        return f.read_bytes() if f is not None and f.is_file() and not f.is_symlink() else None

    return parse_config(read("pyproject.toml"), read("ladder-docs.toml"))


def matches(rel: str, patterns: tuple[str, ...]) -> bool:
    """Does a root-relative path match any glob (a glob without `/` matches the file name)?"""
    base = posixpath.basename(rel)
    return any(fnmatch.fnmatchcase(rel if "/" in p else base, p) for p in patterns)


def selected(rel: str, config: Config) -> bool:
    """Does the ladder include this root-relative path? Never LICENSE files or dotfiles."""
    if any(part.startswith(".") for part in rel.split("/")):
        return False
    if posixpath.basename(rel).upper().startswith(("LICENSE", "LICENCE", "COPYING")):
        return False
    return matches(rel, config.include) and not matches(rel, config.exclude)


def resolve_root(repo: Repository, sha: str | None, config: Config, root: str | None) -> str:
    """The ladder root inside the repository ('' for the repository root)."""
    chosen = root if root is not None else config.root
    if chosen is not None:
        chosen = chosen.strip()
        # Test for an absolute path BEFORE stripping slashes: `/etc` must be refused, not read as `etc/`.
        if chosen.startswith("/") or ".." in chosen.split("/") or "\\" in chosen:
            raise ConfigError(f"ladder root {chosen!r} must be a path inside the repository")
        chosen = chosen.strip("/")
        return "" if chosen in ("", ".") else chosen
    if sha is not None:
        return "ladder" if any(e.path.startswith("ladder/") for e in repo.tree(sha, "ladder")) else ""
    wd = repo.workdir
    return "ladder" if wd is not None and (wd / "ladder").is_dir() else ""


def revision(repo: Repository, rev: str | None, config: Config, paths: list[str]) -> Revision:
    """Revision facts: sha, commit date, version (tag, else short sha; `+uncommitted` when dirty)."""
    sha = repo.resolve(rev) if rev is not None else repo.head()
    if sha is None:
        raise RepoError("the repository has no commits yet: commit the ladder first")
    tags = [t for t in repo.tags_at(sha) if fnmatch.fnmatchcase(t, config.tag_pattern)]
    tag = tags[-1] if tags else None
    dirty = rev is None and repo.dirty(paths)
    version = f"{sha[:7]}+uncommitted" if dirty else (tag or sha[:7])
    return Revision(rev or "working-tree", sha, repo.commit_date(sha), dirty, version, None if dirty else tag)


def _read(repo: Repository, e: Entry) -> bytes:
    return repo.read_blob(e.blob, e.path) if e.blob is not None else repo.read_worktree(e.path)


def read_files(
    repo: Repository, sha: str | None, root: str, config: Config
) -> tuple[list[ParsedFile], list[Diagnostic]]:
    """Parse every ladder file under `root` at `sha` (None: working tree)."""
    entries: list[Entry] = repo.tree(sha, root) if sha is not None else repo.worktree_files(root)
    files: list[ParsedFile] = []
    diags: list[Diagnostic] = []
    for e in entries:
        rel = e.path[len(root) + 1 :] if root else e.path
        if not selected(rel, config):
            continue
        if e.mode == SYMLINK:
            msg = "symbolic link in the ladder: skipped, never followed"
            diags.append(Diagnostic(e.path, 0, "warning", "symlink", msg))
            continue
        if e.mode == SUBMODULE:
            diags.append(Diagnostic(e.path, 0, "warning", "submodule", "submodule in the ladder: skipped"))
            continue
        overview = matches(rel, config.documents)
        files.append(parse_cached(e.path, e.blob, overview, partial(_read, repo, e)))
    return files, diags


def read_ladder(
    repo: Repository, rev: str | None, root: str | None = None, config: Config | None = None
) -> Ladder:
    """The ladder at `rev` (None: the working tree), read straight from git objects."""
    sha = repo.resolve(rev) if rev is not None else None
    config = config if config is not None else load_config(repo, sha)
    ladder_root = resolve_root(repo, sha, config, root)
    rev_info = revision(repo, rev, config, [ladder_root or ".", "pyproject.toml", "ladder-docs.toml"])
    try:
        files, diags = read_files(repo, sha, ladder_root, config)
    except RepoError as exc:
        raise RepoError(f"{exc} at revision {rev} ({sha[:7]})" if sha else str(exc)) from exc
    ladder = assemble(files, ladder_root, config)
    if not ladder.levels:
        where = f"under {ladder_root}/" if ladder_root else "in the repository"
        diags.append(Diagnostic(ladder_root or ".", 0, "error", "empty-ladder",
                                f"no level files {where} (check `root` and `include` in the configuration)"))
    all_diags = sorted({*diags, *ladder.diagnostics, *(d for f in files for d in f.diagnostics)})
    return replace(ladder, revision=rev_info, diagnostics=tuple(all_diags))


def find_level(ladder: Ladder, ref: str) -> Level:
    """A level by key, or by path (repository-relative or relative to the ladder root)."""
    found = ladder.level(ref)
    if found is not None:
        return found
    norm = ref.replace("\\", "/").lstrip("./")
    for lv in ladder.levels:
        if norm in (lv.path, lv.path[len(ladder.root) + 1 :] if ladder.root else lv.path):
            return lv
    raise UsageError(f"no level {ref!r}: give a level key (see `ladder-docs show`) or a path")
