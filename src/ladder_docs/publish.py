"""Atomic, all-or-nothing publishing of a build, and the lock that serialises builds.

Layout, for `--out dist`:

    dist -> .dist.ladder-docs/builds/<id>     a relative symlink to the published tree
    .dist.ladder-docs/lock                    flock(2) lock: one build at a time per out dir
    .dist.ladder-docs/builds/<id>/            complete trees (the published one and its predecessor)
    .dist.ladder-docs/cache/                  the incremental cache (ladder_docs.build_cache)

A new tree is written completely (and fsynced) under `builds/`, then published in ONE step: a new
symlink is created beside `dist` and rename(2)d over it, which atomically replaces the old symlink
(POSIX guarantees readers see the old or the new target, never no `dist`). When `dist` is a real
directory (an output made by something else, or a first run), the swap is Linux
renameat2(RENAME_EXCHANGE), called through ctypes, which exchanges the directory and the new
symlink in one step; the old directory is then removed. A build killed at any moment leaves `dist`
pointing at a complete tree; leftovers under `builds/` are removed by the next build.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import ArtifactError

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_SAFE_PATH_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")


def state_dir(out: Path) -> Path:
    """The directory beside `out` that holds its builds, cache and lock."""
    return out.parent / f".{out.name}.ladder-docs"


@contextlib.contextmanager
def build_lock(out: Path, *, wait: float = 600.0, notify: Callable[[str], None] | None = None) -> Iterator[Path]:
    """Hold the out dir's lock; a second build waits (telling `notify`) up to `wait` seconds."""
    state = state_dir(out)
    try:
        state.mkdir(parents=True, exist_ok=True)
        fd = os.open(state / "lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise ArtifactError(f"cannot lock {out}: {exc.strerror}") from exc
    try:
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told and notify is not None:
                    notify(f"another ladder-docs build is publishing into {out}: waiting for it")
                    told = True
                if time.monotonic() > deadline:
                    raise ArtifactError(f"another ladder-docs build still holds {out} after {wait:.0f}s") from None
                time.sleep(0.05)
        yield state
    finally:
        os.close(fd)  # closing releases the flock, also when the process dies


def check_relpath(path: str) -> str:
    """A relative output path that cannot leave the out dir (no `..`, no absolute, no oddities)."""
    parts = path.split("/")
    if (not path or path.startswith("/") or any(p in ("", ".", "..") for p in parts)
            or not all(set(p) <= _SAFE_PATH_CHARS for p in parts)):
        raise ArtifactError(f"refusing to write {path!r}: not a safe path inside the output directory")
    return path


def new_tree(state: Path) -> Path:
    """A new, empty tree directory under `state/builds/` (published only by `swap`)."""
    builds = state / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    tree = Path(os.path.realpath(builds)) / f"build-{os.getpid()}-{time.monotonic_ns()}"
    tree.mkdir()
    return tree


def write_file(tree: Path, rel: str, data: bytes | Path) -> None:
    """Write one file of a new tree (never through a symlink, never over an existing file)."""
    target = tree / check_relpath(rel)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    with os.fdopen(fd, "wb") as fh:
        if isinstance(data, Path):
            with data.open("rb") as src:
                shutil.copyfileobj(src, fh, 1 << 20)
        else:
            fh.write(data)


def flush(tree: Path) -> None:
    """Flush a written tree to disk before it is published."""
    _syncfs(tree)  # one flush of the filesystem instead of an fsync per file


def swap(out: Path, tree: Path) -> None:
    """Make `out` show `tree` in one atomic step (see the module docstring)."""
    for stale in out.parent.glob(f".{out.name}.ladder-docs-swap-*"):  # left by a killed build
        if stale.is_symlink():
            stale.unlink()
    link = out.parent / f".{out.name}.ladder-docs-swap-{os.getpid()}"
    os.symlink(os.path.relpath(tree, os.path.realpath(out.parent)), link)
    try:
        if out.is_symlink() or not out.exists():
            os.rename(link, out)
        elif out.is_dir():
            _exchange(link, out)
            # `link` now names the old directory; it is no longer published.
            old = state_dir(out) / "builds" / f"replaced-{os.getpid()}-{time.monotonic_ns()}"
            os.rename(link, old)
            shutil.rmtree(old)
        else:
            raise ArtifactError(f"{out} exists and is not a directory: refusing to replace it")
    finally:
        if link.is_symlink():
            link.unlink()
    try:
        _fsync_dir(out.parent)
    except OSError as exc:
        # The rename is done: the new tree is live, only its durability across a crash is in doubt.
        raise ArtifactError(f"published {out}, but could not flush its directory to disk: {exc.strerror}") from exc


def _exchange(a: Path, b: Path) -> None:
    """renameat2(a, b, RENAME_EXCHANGE): swap two names atomically (Linux >= 3.15)."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        raise ArtifactError(f"{b} is a directory and this system cannot exchange it atomically: "
                            "move it away once; later builds replace a symlink")
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) != 0:
        err = ctypes.get_errno()
        raise ArtifactError(f"cannot swap {b} atomically: {os.strerror(err)}"
                            + (" (filesystem lacks RENAME_EXCHANGE: move it away once)"
                               if err in (errno.EINVAL, errno.ENOSYS) else ""))


def published_tree(out: Path) -> Path | None:
    """The tree `out` currently shows (None when there is none)."""
    return Path(os.path.realpath(out)) if out.exists() else None


def prune(state: Path, keep: set[Path]) -> None:
    """Remove every tree under `state/builds` but `keep` (the published one and its predecessor,
    which stays one more build so a reader that opened it just before the swap can finish)."""
    builds = state / "builds"
    if not builds.is_dir():
        return
    kept = {Path(os.path.realpath(p)) for p in keep}
    for p in sorted(builds.iterdir()):
        if Path(os.path.realpath(p)) not in kept:
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p)
            else:
                p.unlink()


def _syncfs(path: Path) -> None:
    """Flush the filesystem holding `path` (Linux syncfs(2); elsewhere sync(2))."""
    syncfs = getattr(ctypes.CDLL(None, use_errno=True), "syncfs", None)
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        if syncfs is None:
            os.sync()
        elif syncfs(fd) != 0:
            # A failed flush (EIO, ENOSPC on write-back) means the tree may not be on disk: never
            # publish it as if it were.
            err = ctypes.get_errno()
            raise OSError(err, os.strerror(err), str(path))
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
