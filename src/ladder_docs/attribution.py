"""Which commits made each change: chains of per-commit changes that lead from `before` to `after`.

A range's change says "X became Y". Each commit of the range has its own changes (computed from
its changed blobs); the commits that made the range's change are those whose changes form a chain
X → … → Y on the same level (followed across moves) and the same kind of thing. Pure.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .changeset import Change, CommitRef
from .diffmatch import fold
from .gitlog import Commit


@dataclass(frozen=True)
class Event:
    """One change made by one commit; `seq` orders events oldest first. `family`, `x` and `y`
    (what kind of thing changed, and its normalised before and after) are computed once."""

    seq: int
    commit: Commit
    change: Change
    family: str = ""
    x: str | None = None
    y: str | None = None

    @classmethod
    def of(cls, seq: int, commit: Commit, change: Change) -> Event:
        """An event with its family and normalised ends."""
        fam = _family(change)
        return cls(seq, commit, change, fam, _norm(fam, change.before), _norm(fam, change.after))


def _family(change: Change) -> str:
    kind = change.kind
    if kind.endswith(".moved") and kind.startswith(("level.", "document.")):
        return "move"
    base = kind.partition(".")[0]
    if base == "attribute":
        return f"attribute:{fold(change.attribute or '').lower()}"
    return base


def _norm(family: str, text: str | None) -> str | None:
    if text is None or family == "move":
        return text
    return fold(text).lower()


class _Groups:
    """Union-find over paths: a level keeps its identity through renames and moves."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, p: str) -> str:
        root = self.parent.setdefault(p, p)
        while root != self.parent[root]:
            root = self.parent[root]
        while p != root:
            self.parent[p], p = root, self.parent[p]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _paths(change: Change) -> tuple[str, ...]:
    old = change.old_level.path if change.old_level is not None else change.level.path
    return (change.level.path, old)


def _titles(change: Change) -> set[str]:
    refs = (change.level, change.old_level or change.level)
    return {fold(r.title).lower() for r in refs}


def _forward(events: Sequence[Event], x: str | None, y: str | None) -> list[Event]:
    """Events from `x` onwards, up to the last that reaches `y` ([] when none does)."""
    cur, picked, reached = x, list[Event](), -1
    for ev in events:
        ex, ey = ev.x, ev.y
        if ex is not None and ex == cur:
            picked.append(ev)
            cur = ey
            if cur == y:
                reached = len(picked)
    return picked[:reached] if reached > 0 else []


def _backward(events: Sequence[Event], x: str | None, y: str | None) -> list[Event]:
    """Events leading to `y`, newest first back towards `x` (may stop short)."""
    cur, picked = y, list[Event]()
    for ev in reversed(events):
        ex, ey = ev.x, ev.y
        if ey is not None and ey == cur and ex != ey:
            picked.append(ev)
            cur = ex
            if cur == x:
                break
    return picked[::-1]


def _chain(change: Change, same: Sequence[Event]) -> list[Event]:
    """The events (all of `change`'s family, on its level) that lead from its before to after."""
    fam = _family(change)
    x, y = _norm(fam, change.before), _norm(fam, change.after)
    if x is not None:
        forward = _forward(same, x, y)
        if forward:
            return forward
    backward = _backward(same, x, y) if y is not None else []
    # No complete chain (the item came from a file that was deleted, say): the partial chain
    # back from `y` plus whatever touched either end.
    ends = [ev for ev in same if (x is not None and ev.x == x) or (y is not None and ev.y == y)]
    return sorted({ev.seq: ev for ev in (*backward, *ends)}.values(), key=lambda ev: ev.seq)


def attribute(
    changes: Sequence[Change], steps: Sequence[tuple[Commit, Sequence[Change]]],
    pr: Callable[[Commit], int | None],
) -> list[Change]:
    """`changes` (of a range) with `commits` filled in from the range's per-commit changes
    (`steps`, oldest first). A change no chain explains gets the commits that touched its level."""
    groups = _Groups()
    events = [Event.of(i, commit, ch) for i, (commit, chs) in enumerate(steps) for ch in chs]
    for ch in (*changes, *(ev.change for ev in events)):
        groups.union(*_paths(ch))
    by_group: dict[str, list[Event]] = defaultdict(list)
    by_family: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for ev in events:
        root = groups.find(ev.change.level.path)
        by_group[root].append(ev)
        by_family[root, ev.family].append(ev)
    refs: dict[str, CommitRef] = {}
    out = []
    for ch in changes:
        root = groups.find(ch.level.path)
        pool = by_group.get(root, [])
        # Texts tell items apart; titles only narrow the fallback (several roles in one file).
        chain = _chain(ch, by_family.get((root, _family(ch)), [])) or [
            ev for ev in pool if _titles(ch) & _titles(ev.change)] or pool
        commits = []
        for ev in chain:
            sha = ev.commit.sha
            if sha not in refs:
                refs[sha] = ev.commit.ref(pr(ev.commit))
            if refs[sha] not in commits:
                commits.append(refs[sha])
        out.append(ch.with_commits(tuple(commits)))
    return out
