"""A long first-parent walk in two processes: a worker walks the later part of the history from
the ladder as it stood at the split, while the caller walks the earlier part.

The walk is sequential (each commit's diff starts from the state the one before left), so the
only cut is in time; the worker starts by reading the whole tree at its first commit, and
returns its changes as plain tuples (pickling frozen dataclasses one by one costs more).
"""

from __future__ import annotations

import gc
import os
import pickle
import subprocess
import sys

from .changeset import Change, LevelRef, Severity
from .config import Config
from .errors import LadderDocsError
from .gitlog import Commit, FileChange, Git
from .revwalk import Differ, Tree, walk

PARALLEL_FROM = 10000  # commits: below this a second Python costs more than it saves (measured)
# Commits' worth of work the worker spends starting Python and reading its first tree: it takes
# that many fewer commits so that both halves end together.
WORKER_START = 1500

Ref = tuple[str, str, str | None, str]
Frozen = tuple[str, Severity, Ref, str | None, str | None, str | None, str | None, Ref | None,
               str | None, tuple[int, ...]]


def freeze(c: Change) -> Frozen:
    """A change as plain tuples (commits are attributed later, by the caller)."""
    def ref(r: LevelRef) -> Ref:
        return (r.key, r.path, r.id, r.title)

    return (c.kind, c.severity, ref(c.level), c.dimension, c.attribute, c.before, c.after,
            ref(c.old_level) if c.old_level else None, c.old_dimension, c.order)


def thaw(t: Frozen) -> Change:
    """The change `freeze` made tuples of."""
    kind, severity, level, dimension, attribute, before, after, old, old_dimension, order = t
    return Change(kind, severity, LevelRef(*level), dimension, attribute, before, after,
                  LevelRef(*old) if old else None, old_dimension, (), order)


def split_point(commits: int) -> int | None:
    """Where to cut a walk of this many commits, or None to walk it in one process."""
    if commits < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return None
    return (commits + WORKER_START) // 2


CommitTuple = tuple[str, tuple[str, ...], str, str, str, str]
Found = list[tuple[CommitTuple, CommitTuple | None, list[Frozen]]]


def _commit(c: Commit) -> CommitTuple:
    return (c.sha, c.parents, c.author, c.date, c.committed, c.subject)


def tail(path: str, config: Config, root: str, base: str, head: str, show_all: bool) -> Found:
    """In the worker: the commits after `base` up to `head` that changed the ladder, each with
    its first parent (for the section's "from") and its changes."""
    git = Git(path)
    entries = list(git.log([head, f"^{base}"], first_parent=True, reverse=True))
    commits = {e.commit.sha: e.commit for e in git.log([base], max_count=1, raw=False)}
    commits.update((e.commit.sha, e.commit) for e in entries)
    with git.blobs() as blobs:
        differ = Differ(lambda blob, p: blobs.read(blob or "", p), config, root)
        seed = [FileChange("A", None, p, None, blob) for p, blob in git.tree(base)
                if differ.rel(p) is not None]
        blobs.prefetch([f.new_blob or "" for f in seed]
                       + [sha for e in entries for sha in differ.wanted(e.files)])
        tree = Tree()
        differ.apply(tree, seed)  # the ladder at `base`; its "changes" are not this walk's
        found = walk(differ, tree, entries, show_all)
        parents = [commits.get(e.commit.parents[0]) if e.commit.parents else None for e, _c in found]
        return [(_commit(e.commit), _commit(p) if p else None, [freeze(c) for c in changes])
                for (e, changes), p in zip(found, parents, strict=True)]


class Later:
    """The worker: `python -m ladder_docs.walksplit`, fed its task as a pickle on stdin (a plain
    child process, so no re-import of the caller's main module and no fork of its threads)."""

    def __init__(self, path: str, config: Config, root: str, base: str, head: str,
                 show_all: bool) -> None:
        self._proc = subprocess.Popen([sys.executable, "-m", "ladder_docs.walksplit"],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE)
        assert self._proc.stdin is not None
        self._proc.stdin.write(pickle.dumps((path, config, root, base, head, show_all)))
        self._proc.stdin.close()
        self._proc.stdin = None  # sent; communicate() must not flush it again

    def result(self) -> list[tuple[Commit, Commit | None, list[Change]]]:
        """Wait for the worker's commits and changes (a LadderDocsError as it failed, if so)."""
        out, err = self._proc.communicate()
        if self._proc.returncode != 0:
            lines = err.decode("utf-8", "replace").strip().splitlines()
            raise LadderDocsError(f"changelog worker failed: {lines[-1] if lines else 'no reason given'}")
        found: Found = pickle.loads(out)
        return [(Commit(*c), Commit(*p) if p else None, [thaw(t) for t in frozen])
                for c, p, frozen in found]

    def stop(self) -> None:
        """End the worker if it is still running (the caller failed first)."""
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.communicate()


if __name__ == "__main__":
    gc.disable()  # a short-lived process of long-lived acyclic objects (see changelog.py)
    pickle.dump(tail(*pickle.load(sys.stdin.buffer)), sys.stdout.buffer)
