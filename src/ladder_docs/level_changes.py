"""What changes between two adjacent levels of a track: new, evolved and dropped competencies.

The corpus's READMEs tell readers to "open multiple tabs and contrast the expectations across
adjacent levels"; this module does the contrasting for the "What changes from …" section. The
competencies of both levels are matched with the changelog's rules (ladder_docs.diffmatch):
identical texts first, then the most similar pairs above a threshold (stricter across dimensions),
so a reworded or moved competency reads as evolved, not as dropped plus new.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .diffmatch import MOVE_THRESHOLD, REWORD_THRESHOLD, fold, pair_exact, pair_similar, similarity
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
def _bag(text: str) -> tuple[frozenset[tuple[str, int]], int]:
    """The words as a set of (word, occurrence) pairs: set intersection = multiset intersection."""
    seen: dict[str, int] = {}
    bag = set()
    for w in fold(text).lower().split():
        seen[w] = seen.get(w, 0) + 1
        bag.add((w, seen[w]))
    return frozenset(bag), len(bag)


def _score(a: Placed, b: Placed) -> float:
    # Within a dimension a rewording is evolution; across dimensions only a close match is.
    limit = REWORD_THRESHOLD if a.dimension == b.dimension else MOVE_THRESHOLD
    (wa, na), (wb, nb) = _bag(a.item.text), _bag(b.item.text)
    # difflib's quick_ratio bounds the similarity from above; computed in C it skips most pairs.
    if na + nb and 2.0 * len(wa & wb) / (na + nb) < limit:
        return -1.0
    s = similarity(a.item.text, b.item.text)
    return s if s >= limit else -1.0


def compare(before: Level, after: Level) -> LevelChanges:
    """Match the competencies of `before` (the previous level) and `after`; deterministic."""
    old, cur = _placed(before), _placed(after)
    taken_old: set[int] = set()
    taken_cur: set[int] = set()
    exact = pair_exact(old, cur, [lambda p: fold(p.item.text).lower()], taken_old, taken_cur)
    pairs = {j: i for i, j in pair_similar(old, cur, _score, taken_old, taken_cur)}
    evolved = tuple(
        Evolved(old[i], cur[j], round(similarity(old[i].item.text, cur[j].item.text), 3))
        for j, i in sorted(pairs.items())
    )
    new = tuple(cur[j] for j in range(len(cur)) if j not in taken_cur)
    dropped = tuple(old[i] for i in range(len(old)) if i not in taken_old)
    unchanged = tuple(cur[j] for _i, j in sorted(exact, key=lambda p: p[1]))
    return LevelChanges(new, evolved, dropped, unchanged)
