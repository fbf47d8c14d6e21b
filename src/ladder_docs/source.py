"""The git edge: the only module (with gitlog.py) that talks to git. Reads trees and blobs."""

from __future__ import annotations

import os
import re
import stat
import zlib
from dataclasses import dataclass
from pathlib import Path

import git
from gitdb.exc import BadName, BadObject

from .errors import RepoError, UsageError

# A revision argument must never reach git as an option (`--output=/tmp/x`, `-c core.pager=…`).
_SAFE_REV = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./@{}^~+:-]*$")
SYMLINK, SUBMODULE = 0o120000, 0o160000


@dataclass(frozen=True)
class Entry:
    """A file of a tree (or of the working tree): mode, blob sha (None on disk) and path."""

    path: str
    mode: int
    blob: str | None


def check_rev(rev: str) -> str:
    """Reject revision arguments that git could read as options or that are not revision syntax."""
    if not rev or rev.startswith("-") or not _SAFE_REV.match(rev) or ".." in rev:
        raise UsageError(f"invalid revision {rev!r}")
    return rev


class Repository:
    """A git repository opened once; a persistent `cat-file --batch` serves every blob."""

    def __init__(self, repo: git.Repo) -> None:
        self.repo = repo
        self.git = repo.git
        # Reading must not write: without this `git status` refreshes .git/index (index.lock).
        self.git.update_environment(GIT_OPTIONAL_LOCKS="0")
        self._blobs: dict[str, bytes] = {}

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Repository:
        """Open the repository at or around `path` (default: the current directory)."""
        where = Path(path) if path is not None else Path.cwd()
        if not where.exists():
            raise RepoError(f"{where}: no such directory")
        try:
            return cls(git.Repo(where, search_parent_directories=path is None))
        except (git.InvalidGitRepositoryError, git.NoSuchPathError) as exc:
            raise RepoError(f"{where}: not a git repository") from exc

    @property
    def workdir(self) -> Path | None:
        """The working tree, or None for a bare repository."""
        return None if self.repo.bare else Path(self.repo.working_tree_dir or ".")

    def run(self, *args: str) -> str:
        """Run a git command; failures become RepoError."""
        try:
            return str(self.git.execute(["git", *args], strip_newline_in_stdout=False))
        except git.GitCommandError as exc:
            msg = (exc.stderr or "").strip().splitlines()
            raise RepoError(f"git {args[0]}: {msg[-1] if msg else exc}".replace("stderr: ", "")) from exc

    def resolve(self, rev: str) -> str:
        """The full commit sha a revision names (exit 3 when unknown)."""
        check_rev(rev)
        try:
            return str(self.run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}").strip())
        except RepoError as exc:
            if self.is_shallow():
                # In a shallow clone (a depth-1 CI checkout) the revision may exist but not be fetched.
                raise RepoError(
                    f"unknown revision {rev!r}: this clone is shallow and may simply not have fetched it; "
                    "fetch the full history with `git fetch --unshallow` (in GitHub Actions: actions/checkout "
                    "with `fetch-depth: 0`)") from exc
            raise RepoError(f"unknown revision {rev!r}") from exc

    def head(self) -> str | None:
        """HEAD's sha, or None in a repository without commits."""
        try:
            return self.resolve("HEAD")
        except RepoError:
            return None

    def commit_date(self, sha: str) -> str:
        """Committer date in strict ISO 8601 (the date ladder-docs shows and stamps outputs with)."""
        return self.run("show", "-s", "--format=%cI", sha, "--").strip()

    def tags_at(self, sha: str) -> list[str]:
        """Tags that point at a commit, sorted."""
        out = self.run("tag", "--points-at", sha)
        return sorted(t for t in out.split("\n") if t)

    def is_shallow(self) -> bool:
        """True in a shallow clone (history cut off)."""
        return self.run("rev-parse", "--is-shallow-repository").strip() == "true"

    def tree(self, sha: str, root: str = "") -> list[Entry]:
        """Every file under `root` at a commit (`ls-tree -r -z`); symlinks and submodules included."""
        args = ["ls-tree", "-r", "-z", "--full-tree", sha]
        if root:
            args += ["--", root]
        out = self.run(*args)
        entries = []
        for rec in out.split("\0"):
            if not rec:
                continue
            meta, _, path = rec.partition("\t")
            mode, _kind, blob = meta.split(" ")
            entries.append(Entry(path, int(mode, 8), blob))
        return sorted(entries, key=lambda e: e.path)

    def read_blob(self, blob: str, path: str = "?") -> bytes:
        """A blob's bytes through the persistent cat-file stream, cached by sha."""
        data = self._blobs.get(blob)
        if data is None:
            try:
                data = self.repo.odb.stream(bytes.fromhex(blob)).read()
            except (BadObject, BadName, ValueError, zlib.error, OSError) as exc:
                raise RepoError(f"missing or corrupt object {blob[:12]} for {path}") from exc
            self._blobs[blob] = data
        return data

    def read_path(self, sha: str, path: str) -> bytes | None:
        """One file's bytes at a commit, or None where it does not exist."""
        for e in self.tree(sha, path):
            if e.path == path and e.mode not in (SYMLINK, SUBMODULE):
                return self.read_blob(e.blob or "", path)
        return None

    def worktree_files(self, root: str = "") -> list[Entry]:
        """Tracked and untracked, not ignored, files of the working tree under `root`."""
        if self.workdir is None:
            raise UsageError("a bare repository has no working tree: pass --rev")
        args = ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--deduplicate"]
        if root:
            args += ["--", root]
        seen: dict[str, Entry] = {}
        top = os.path.realpath(self.workdir)
        for path in self.run(*args).split("\0"):
            if not path or path in seen:
                continue
            full = self.workdir / path
            try:
                st = full.lstat()
            except FileNotFoundError:
                continue  # deleted in the working tree
            # read_worktree's O_NOFOLLOW guards the last part only: a tracked folder replaced by a
            # symlink would lead out of the repository, so a path through one counts as a symlink.
            through_link = os.path.realpath(full.parent) != os.path.normpath(os.path.join(top, os.path.dirname(path)))
            if through_link or stat.S_ISLNK(st.st_mode):
                seen[path] = Entry(path, SYMLINK, None)
            elif stat.S_ISDIR(st.st_mode):
                seen[path] = Entry(path, SUBMODULE, None)
            elif stat.S_ISREG(st.st_mode):
                seen[path] = Entry(path, 0o100644, None)
        return sorted(seen.values(), key=lambda e: e.path)

    def read_worktree(self, path: str) -> bytes:
        """A working-tree file's bytes, never following a symlink out of the repository."""
        assert self.workdir is not None
        full = self.workdir / path
        fd = os.open(full, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as fh:
            return fh.read()

    def dirty(self, paths: list[str]) -> bool:
        """True when the working tree differs from HEAD under any of `paths`."""
        out = self.run("status", "--porcelain", "-z", "--untracked-files=all", "--", *paths)
        return bool(out.strip("\0").strip())
