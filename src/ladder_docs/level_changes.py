"""What changes between two adjacent levels of a track: new, evolved and dropped competencies.

The corpus's READMEs tell readers to "open multiple tabs and contrast the expectations across
adjacent levels"; this module does the contrasting for the "What changes from …" section. The
competencies of both levels are matched with the changelog's rules (ladder_docs.diffmatch):
identical texts first, then the most similar pairs above a threshold (stricter across dimensions),
so a reworded or moved competency reads as evolved, not as dropped plus new.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat

from .diffmatch import MOVE_THRESHOLD, REWORD_THRESHOLD, fold, profile, similarity_to
from .model import Item, Level


@dataclass(frozen=True)
class Placed:
    """A competency with the dimension it sits in."""

    dimension: str
    item: Item


@dataclass(frozen=True)
class Evolved:
    """A competency of the previous level and the one that replaces it."""

    before: Placed
    after: Placed
    score: float


@dataclass(frozen=True)
class LevelChanges:
    """How a level differs from the previous level of its track."""

    new: tuple[Placed, ...]
    evolved: tuple[Evolved, ...]
    dropped: tuple[Placed, ...]
    unchanged: tuple[Placed, ...]


def _placed(level: Level) -> list[Placed]:
    return [Placed(d.name, item) for d in level.dimensions for item in d.competencies]


@lru_cache(maxsize=65536)
def _bag(text: str) -> tuple[frozenset[str], int]:
    """The words as a set in which the k-th repeat of a word is `word\0k` (folded words never
    hold a NUL): set intersection = multiset intersection. And the number of words."""
    ws, distinct = profile(text)
    if len(distinct) == len(ws):  # most competencies repeat no word
        return distinct, len(ws)
    seen: dict[str, int] = {}
    bag = []
    for w in ws:
        k = seen[w] = seen.get(w, 0) + 1
        bag.append(w if k == 1 else f"{w}\0{k}")
    return frozenset(bag), len(bag)


def _scored(old: list[Placed], cur: list[Placed], taken_old: set[int],
            taken_cur: set[int]) -> list[tuple[float, int, int]]:
    """(-similarity, i, j) of every free pair similar enough to pair (diffmatch.pair_similar's
    candidates, for a `score` that rejects below a threshold)."""
    free_old = [i for i in range(len(old)) if i not in taken_old]
    free_cur = [j for j in range(len(cur)) if j not in taken_cur]
    if not free_old or not free_cur:
        return []
    bags_old = [_bag(old[i].item.text) for i in free_old]
    bags_cur = [_bag(cur[j].item.text) for j in free_cur]
    # Only words on both sides can be shared: one bit each, so the words two items share are
    # the bits their masks share, counted in C for every pair (most pairs share too few).
    common = frozenset().union(*(b[0] for b in bags_old)) & frozenset().union(*(b[0] for b in bags_cur))
    bit = {w: 1 << k for k, w in enumerate(common)}
    masks = [sum(map(bit.get, b[0], repeat(0))) for b in bags_old]
    fewest = min(b[1] for b in bags_old)
    out: list[tuple[float, int, int]] = []
    for j, (wb, nb) in zip(free_cur, bags_cur, strict=True):
        b = cur[j]
        mb = sum(map(bit.get, wb, repeat(0)))
        # Every limit is >= 1/2, so a pair sharing fewer than (na + nb) / 4 words never pairs
        # (exact, in integers): only the others are looked at.
        cut = -(-(fewest + nb) // 4)
        shared = list(map(int.bit_count, map(mb.__and__, masks)))
        score: Callable[[str], float] | None = None
        for k in compress(range(len(free_old)), map(cut.__le__, shared)):
            a = old[free_old[k]]
            # Within a dimension a rewording is evolution; across dimensions only a close match is.
            limit = REWORD_THRESHOLD if a.dimension == b.dimension else MOVE_THRESHOLD
            na = bags_old[k][1]
            # difflib's quick_ratio bounds the similarity from above: most pairs stop here.
            if na + nb and 2.0 * shared[k] / (na + nb) < limit:
                continue
            score = score or similarity_to(b.item.text)
            s = score(a.item.text)
            if s >= limit:
                out.append((-s, free_old[k], j))
    return out


def compare(before: Level, after: Level) -> LevelChanges:
    """Match the competencies of `before` (the previous level) and `after`; deterministic."""
    old, cur = _placed(before), _placed(after)
    taken_old: set[int] = set()
    taken_cur: set[int] = set()
    # Identical texts first (diffmatch.pair_exact with one key: the first free one pairs).
    pending: dict[str, list[int]] = {}
    for i, p in enumerate(old):
        pending.setdefault(fold(p.item.text).lower(), []).append(i)
    exact: list[tuple[int, int]] = []
    for j, p in enumerate(cur):
        queue = pending.get(fold(p.item.text).lower())
        if queue:
            i = queue.pop(0)
            taken_old.add(i)
            taken_cur.add(j)
            exact.append((i, j))
    # Greedy best-first, as diffmatch.pair_similar pairs them.
    pairs: dict[int, tuple[int, float]] = {}
    for s, i, j in sorted(_scored(old, cur, taken_old, taken_cur)):
        if i not in taken_old and j not in taken_cur:
            taken_old.add(i)
            taken_cur.add(j)
            pairs[j] = (i, -s)
    evolved = tuple(Evolved(old[i], cur[j], round(s, 3)) for j, (i, s) in sorted(pairs.items()))
    new = tuple(cur[j] for j in range(len(cur)) if j not in taken_cur)
    dropped = tuple(old[i] for i in range(len(old)) if i not in taken_old)
    unchanged = tuple(cur[j] for _i, j in sorted(exact, key=lambda p: p[1]))
    return LevelChanges(new, evolved, dropped, unchanged)
