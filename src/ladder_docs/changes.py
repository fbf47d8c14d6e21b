"""What changes between two adjacent levels of a track: new, evolved and dropped competencies.

The corpus's READMEs tell readers to "open multiple tabs and contrast the expectations across
adjacent levels"; this module does the contrasting. Competencies are matched across the two levels
(any dimension, identical texts first, then the most similar pairs above a threshold), so a
competency that moved to another dimension or was reworded reads as evolved, not as dropped + new.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .model import Item, Level
from .worddiff import similarity, tokenize

# Below this word-level similarity two competencies are different expectations, not one evolved.
# Chosen on the corpus: rewordings of one expectation score 0.55–0.9, unrelated ones under 0.4.
THRESHOLD = 0.5
_SAME_DIMENSION_BONUS = 0.05
_NORMAL = re.compile(r"[\s.]+")


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
    """How `after` differs from `before` (its previous level in the track)."""

    new: tuple[Placed, ...]
    evolved: tuple[Evolved, ...]
    dropped: tuple[Placed, ...]
    unchanged: tuple[Placed, ...]


def _placed(level: Level) -> list[Placed]:
    return [Placed(d.name, item) for d in level.dimensions for item in d.competencies]


def _normal(text: str) -> str:
    return _NORMAL.sub(" ", text.casefold()).strip()


def _words(text: str) -> Counter[str]:
    return Counter(t for t in tokenize(text.lower()) if not t.isspace())


def _upper_bound(a: Counter[str], b: Counter[str], na: int, nb: int) -> float:
    """difflib's quick_ratio: an upper bound of the similarity, far cheaper to compute."""
    return 2.0 * sum((a & b).values()) / (na + nb) if na + nb else 1.0


def compare(before: Level, after: Level, threshold: float = THRESHOLD) -> LevelChanges:
    """Match the competencies of two levels; deterministic (ties break on position)."""
    old, cur = _placed(before), _placed(after)
    unmatched_old = list(range(len(old)))
    unchanged: list[Placed] = []
    matched_cur: set[int] = set()
    by_text: dict[str, list[int]] = {}
    for i in unmatched_old:
        by_text.setdefault(_normal(old[i].item.text), []).append(i)
    for j, placed in enumerate(cur):
        same = by_text.get(_normal(placed.item.text))
        if same:
            unmatched_old.remove(same.pop(0))
            matched_cur.add(j)
            unchanged.append(placed)
    rest_cur = [j for j in range(len(cur)) if j not in matched_cur]
    words_old = {i: _words(old[i].item.text) for i in unmatched_old}
    words_cur = {j: _words(cur[j].item.text) for j in rest_cur}
    candidates: list[tuple[float, int, int]] = []
    for j in rest_cur:
        wj = words_cur[j]
        nj = sum(wj.values())
        for i in unmatched_old:
            wi = words_old[i]
            bonus = _SAME_DIMENSION_BONUS if old[i].dimension == cur[j].dimension else 0.0
            if _upper_bound(wi, wj, sum(wi.values()), nj) + bonus < threshold:
                continue
            score = similarity(old[i].item.text, cur[j].item.text)
            if score >= threshold:
                candidates.append((score + bonus, j, i))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    pairs: dict[int, tuple[int, float]] = {}
    taken: set[int] = set()
    for score, j, i in candidates:
        if j not in pairs and i not in taken:
            pairs[j] = (i, score)
            taken.add(i)
    evolved = tuple(
        Evolved(old[pairs[j][0]], cur[j], round(min(pairs[j][1], 1.0), 3))
        for j in rest_cur if j in pairs
    )
    new = tuple(cur[j] for j in rest_cur if j not in pairs)
    dropped = tuple(old[i] for i in unmatched_old if i not in taken)
    return LevelChanges(new, evolved, dropped, tuple(unchanged))
