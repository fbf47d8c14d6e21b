"""The git edge of the changelog (the only module of it that runs git): one `git log --raw` per
walk for commits and the files they changed, `cat-file --batch` for blobs, pull requests.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

from .changeset import CommitRef
from .errors import RepoError, ShallowCloneError
from .source import check_rev

if sys.platform == "linux":
    import fcntl

_NULL = "0" * 40
_NOT_FILES = ("120000", "160000")  # symbolic links and submodules
_MERGE_PR = re.compile(r"^Merge pull request #(\d+) from ")
_SQUASH_PR = re.compile(r"\(#(\d+)\)\s*$")
# One commit per record: \x01 then sha, parents, author, author date, committer date, subject.
_FORMAT = "--format=%x01%H%x00%P%x00%an%x00%aI%x00%cI%x00%s%x00"


@dataclass(frozen=True)
class Commit:
    """A commit's facts: sha, parents, author, author and committer dates (ISO), subject."""

    sha: str
    parents: tuple[str, ...]
    author: str
    date: str
    committed: str
    subject: str

    @property
    def own_pr(self) -> int | None:
        """The pull request this commit's subject names (`Merge pull request #76 …`, `… (#96)`)."""
        m = _MERGE_PR.match(self.subject) or _SQUASH_PR.search(self.subject)
        return int(m.group(1)) if m else None

    def ref(self, pr: int | None) -> CommitRef:
        """This commit as a change lists it."""
        return CommitRef(self.date, self.sha[:7], self.author, self.subject, pr)


@dataclass(frozen=True)
class FileChange:
    """One raw record: status letter (A, M, D, R, C, T) and both sides (None where absent)."""

    status: str
    old_path: str | None
    new_path: str | None
    old_blob: str | None
    new_blob: str | None


@dataclass(frozen=True)
class LogEntry:
    """A commit and the files it changed (against its first parent)."""

    commit: Commit
    files: tuple[FileChange, ...]


def _records(tokens: Sequence[str]) -> Iterator[FileChange]:
    """Raw records; a symbolic link or submodule side counts as absent, as the reader skips
    them (a file that became a link reads as removed)."""
    i = 0
    while i < len(tokens):
        meta = tokens[i]
        if not meta.startswith(":"):
            i += 1
            continue
        old_mode, new_mode, old, new, status = meta[1:].split(" ")
        letter = status[0]
        two = letter in "RC"
        first, second = tokens[i + 1], tokens[i + 2] if two else tokens[i + 1]
        i += 3 if two else 2
        old_path = None if letter in "AC" or old_mode in _NOT_FILES else first
        new_path = None if letter == "D" or new_mode in _NOT_FILES else second
        if old_path is not None or new_path is not None:
            yield FileChange(letter, old_path, new_path, None if old_path is None else old,
                             None if new_path is None else new)


class Git:
    """git commands for one repository (paths are repository-relative)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._introducers: dict[str, dict[str, str]] = {}

    def run(self, *args: str) -> str:
        """Run git; a failure becomes RepoError with git's last line of complaint."""
        proc = subprocess.run(["git", "-C", self.path, *args], capture_output=True, check=False)
        if proc.returncode != 0:
            lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            raise RepoError(f"git {args[0]}: {lines[-1] if lines else 'failed'}")
        return proc.stdout.decode("utf-8", "surrogateescape")

    def _try(self, *args: str) -> str | None:
        """Run git for an answer that may be "no": its output, or None when it failed."""
        proc = subprocess.run(["git", "-C", self.path, *args], capture_output=True, text=True,
                              check=False)
        return proc.stdout.strip() if proc.returncode == 0 else None

    def resolve(self, rev: str) -> str:
        """The full sha of a commit (RepoError when unknown)."""
        sha = self._try("rev-parse", "--verify", "--quiet", "--end-of-options",
                        f"{check_rev(rev)}^{{commit}}")
        if not sha:
            if rev == "HEAD":
                raise RepoError("the repository has no commits yet: commit the ladder first")
            if self._try("rev-parse", "--is-shallow-repository") == "true":
                # A depth-1 CI checkout: the revision may exist upstream but was never fetched.
                raise RepoError(
                    f"unknown revision {rev!r}: this clone is shallow and may simply not have fetched it; "
                    "fetch the full history with `git fetch --unshallow` (in GitHub Actions: actions/checkout "
                    "with `fetch-depth: 0`)")
            raise RepoError(f"unknown revision {rev!r}")
        return sha

    def log(self, revs: Sequence[str], *, first_parent: bool = False, no_merges: bool = False,
            reverse: bool = False, raw: bool = True, max_count: int | None = None,
            before: str | None = None, paths: Sequence[str] = ()) -> Iterator[LogEntry]:
        """`git log --raw -z --no-abbrev -M` over `revs` (shas or `^sha` exclusions), limited
        to commits that touch `paths` when given."""
        args = ["log", "-z", "--no-abbrev", "-M", _FORMAT, "--no-color", "--no-ext-diff"]
        args += ["--raw"] if raw else []
        args += ["--first-parent"] if first_parent else []
        args += ["--no-merges"] if no_merges else []
        args += ["--reverse", "--topo-order"] if reverse else []
        args += [f"--max-count={max_count}"] if max_count is not None else []
        args += [f"--before={before}"] if before is not None else []
        out = self.run(*args, *revs, "--", *paths)
        for chunk in out.split("\x01")[1:]:
            sha, parents, author, date, committed, subject, rest = chunk.split("\0", 6)
            commit = Commit(sha, tuple(parents.split()), author, date, committed, subject)
            tokens = [t for t in rest.lstrip("\n").split("\0") if t and t != "\n"]
            yield LogEntry(commit, tuple(_records([t.lstrip("\n") for t in tokens])))

    def tree(self, sha: str) -> list[tuple[str, str]]:
        """(path, blob) of every regular file at a commit."""
        out = self.run("ls-tree", "-r", "-z", "--full-tree", sha)
        entries = (rec.split("\t", 1) for rec in out.split("\0") if rec)
        return [(path, meta.split(" ")[2]) for meta, path in entries
                if meta.split(" ")[0] not in _NOT_FILES]

    def latest_tag(self, pattern: str, rev: str) -> str | None:
        """The nearest tag matching `pattern` reachable from `rev`, or None."""
        return self._try("describe", "--tags", "--abbrev=0", f"--match={pattern}", rev) or None

    def require_history(self, what: str, base: str | None) -> None:
        """Raise ShallowCloneError when the clone is shallow and a walk down to `base` (None:
        the root) would reach the cut-off (a commit whose parents were not fetched)."""
        if self.run("rev-parse", "--is-shallow-repository").strip() != "true":
            return
        if base is not None:
            where = Path(self.run("rev-parse", "--git-path", "shallow").strip())
            cut = where if where.is_absolute() else Path(self.path) / where
            shas = cut.read_text().split() if cut.exists() else []
            if shas and all(self._try("merge-base", "--is-ancestor", s, base) is not None
                            for s in shas):
                return
        raise ShallowCloneError(what)

    def default_branch(self) -> str:
        """origin's HEAD branch, else main, else master, else HEAD."""
        origin = self._try("symbolic-ref", "-q", "refs/remotes/origin/HEAD")
        if origin:
            return origin
        return next((name for name in ("refs/heads/main", "refs/heads/master")
                     if self._try("rev-parse", "--verify", "--quiet", name)), "HEAD")

    def introducers(self, tip_sha: str) -> dict[str, str]:
        """Every commit reachable from commit `tip_sha` → the first-parent commit of it that
        brought it in (itself for first-parent commits; the merge for a merged branch's)."""
        if tip_sha not in self._introducers:
            parents: dict[str, list[str]] = {}
            for line in self.run("rev-list", "--parents", tip_sha, "--").splitlines():
                sha, *ps = line.split()
                parents[sha] = ps
            chain = []
            tip: str | None = tip_sha
            while tip is not None:
                chain.append(tip)
                tip = next(iter(parents.get(tip, [])), None)
            owner: dict[str, str] = {}
            for merge in reversed(chain):
                stack = [merge]
                while stack:
                    c = stack.pop()
                    if c not in owner:
                        owner[c] = merge
                        stack += parents.get(c, [])
            self._introducers[tip_sha] = owner
        return self._introducers[tip_sha]

    def blobs(self) -> BlobReader:
        """A `git cat-file --batch` reader (use as a context manager)."""
        return BlobReader(self.path)


def _next_blob(out: IO[bytes], path: str) -> tuple[str, bytes | None]:
    """One `cat-file --batch` answer: (sha, bytes), or (name, None) for a missing object."""
    header = out.readline().split()
    if len(header) == 2 and header[1] == b"missing":
        return header[0].decode("ascii", "replace"), None
    if len(header) != 3:
        raise RepoError(f"git cat-file: unexpected answer reading {path}")
    data = out.read(int(header[2]) + 1)
    return header[0].decode("ascii"), data[:-1]


class BlobReader:
    """Blobs by sha through one persistent `git cat-file --batch` process; blobs named in
    advance with `prefetch` stream through a second one, fed by a thread, without a round trip
    per blob."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._proc, self._in, self._out = self._start()
        self._stream: tuple[subprocess.Popen[bytes], IO[bytes], threading.Thread] | None = None
        self._pending: set[str] = set()  # prefetched blobs not yet read off the stream
        self._ready: dict[str, bytes] = {}

    def _start(self) -> tuple[subprocess.Popen[bytes], IO[bytes], IO[bytes]]:
        # git's own messages about a damaged object would interleave with ours: the RepoError
        # raised for a missing blob says what happened, once.
        proc = subprocess.Popen(["git", "-C", self._path, "cat-file", "--batch"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert proc.stdin is not None and proc.stdout is not None
        if sys.platform == "linux":
            # A 1 MB pipe lets cat-file run ~200 blobs ahead of a prefetch instead of ~12, so a
            # busy scheduler does not stall the walk at every blob. Elsewhere, or above the
            # system's cap, the default size works, only more slowly.
            with contextlib.suppress(OSError):
                fcntl.fcntl(proc.stdout.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
        return proc, proc.stdin, proc.stdout

    def prefetch(self, shas: Sequence[str]) -> None:
        """Start streaming these blobs (read them in about this order for a small footprint)."""
        self._end_stream()
        wanted = list(dict.fromkeys(shas))
        proc, feed, out = self._start()

        def write() -> None:
            try:
                feed.write(b"".join(s.encode("ascii") + b"\n" for s in wanted))
                feed.close()
            except (BrokenPipeError, ValueError):
                pass  # the reader stopped early and ended the process: nothing left to do

        thread = threading.Thread(target=write, daemon=True)
        thread.start()
        self._stream, self._pending = (proc, out, thread), set(wanted)

    def read(self, sha: str, path: str = "?") -> bytes:
        """The blob's bytes (RepoError when missing)."""
        data = self._ready.pop(sha, None)
        while data is None and self._stream is not None and sha in self._pending:
            got, blob = _next_blob(self._stream[1], path)
            self._pending.discard(got)
            if got == sha:
                data = blob
            elif blob is not None:
                self._ready[got] = blob  # asked for out of order: kept until wanted
        if data is not None:
            return data
        self._in.write(sha.encode("ascii") + b"\n")
        self._in.flush()
        _got, blob = _next_blob(self._out, path)
        if blob is None:
            raise RepoError(f"missing or corrupt object {sha[:12]} for {path}")
        return blob

    def _end_stream(self) -> None:
        if self._stream is not None:
            proc, out, thread = self._stream
            proc.kill()
            proc.wait()
            thread.join()
            out.close()
            self._stream, self._pending = None, set()
        self._ready.clear()

    def close(self) -> None:
        """End the cat-file processes."""
        self._end_stream()
        self._in.close()
        self._proc.wait()
        self._out.close()

    def __enter__(self) -> BlobReader:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
