"""Matching for the semantic diff: formatting-blind folding, spelling-only edits, greedy pairing.

Pure helpers shared by diff.py (items, blocks, levels) and attribution.py (text chains).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")

# Emphasis markers, punctuation and underscores all fold to a space: what survives is the words.
_NON_WORD = re.compile(r"[\W_]+")

# An item this similar to an old one is the same item reworded, not a removal plus an addition.
REWORD_THRESHOLD = 0.5
# Across dimensions a looser match would pair unrelated sentences that share stock phrases.
MOVE_THRESHOLD = 0.65


# An ASCII text is its own NFKC form, and its \W and _ are every character but letters and
# digits: bytes.translate spaces them out as the pattern does, at a fraction of the cost.
_ASCII_NON_WORD = bytes(c if chr(c).isascii() and chr(c).isalnum() else 0x20 for c in range(256))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Text with whitespace, line breaks, punctuation and emphasis folded away (case kept)."""
    if text.isascii():
        return " ".join(text.encode("ascii").translate(_ASCII_NON_WORD).decode("ascii").split())
    return " ".join(_NON_WORD.sub(" ", unicodedata.normalize("NFKC", text)).split())


Profile = tuple[tuple[str, ...], frozenset[str]]  # a text's words, and the set of them


@lru_cache(maxsize=65536)
def profile(text: str) -> Profile:
    """The folded, lower-cased words of a text, as `similarity` compares them, and their set."""
    words = tuple(fold(text).lower().split())
    return words, frozenset(words)


def similarity(a: str, b: str, floor: float = 0.0) -> float:
    """Word-sequence similarity in [0, 1] of two texts, formatting and case ignored.

    Below `floor` the result is only an upper bound: callers that reject low scores skip the
    full comparison (set overlap plus repeated words bounds the matching words)."""
    pa, pb = profile(a), profile(b)
    bound = _bound(pa, pb)
    if bound < floor or (not pa[0] and not pb[0]):
        return bound
    return SequenceMatcher(None, pa[0], pb[0], autojunk=False).ratio()


def similarity_to(b: str) -> Callable[[str], float]:
    """`lambda a: similarity(a, b)` (the same floats) that indexes the words of `b` only once.

    difflib's matcher indexes its second sequence; one matcher serves every text scored against
    `b`, made on the first call (most candidate pairs are rejected before they are scored)."""
    pb = profile(b)
    matcher: list[SequenceMatcher[str]] = []

    def score(a: str) -> float:
        pa = profile(a)
        if not pa[0] and not pb[0]:
            return 1.0  # what `_bound` gives two empty texts
        if not matcher:
            matcher.append(SequenceMatcher(None, pa[0], pb[0], autojunk=False))
        else:
            matcher[0].set_seq1(pa[0])
        return matcher[0].ratio()

    return score


def _bound(pa: Profile, pb: Profile) -> float:
    """An upper bound of the similarity: the shared distinct words plus any repeats."""
    (wa, sa), (wb, sb) = pa, pb
    if not wa and not wb:
        return 1.0
    common = len(sa & sb) + min(len(wa) - len(sa), len(wb) - len(sb))
    return 2.0 * common / (len(wa) + len(wb))


def overlap(a: str, b: str) -> float:
    """Order-blind word overlap in [0, 1] (difflib's quick ratio): cheap for long texts."""
    ca, cb = Counter(profile(a)[0]), Counter(profile(b)[0])
    total = ca.total() + cb.total()
    return 2.0 * (ca & cb).total() / total if total else 1.0


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping early once it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _misspelling(a: str, b: str) -> bool:
    """One word for another that differs by a typo: `unfamilary` → `unfamilar`, `teh` → `the`."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    shortest = min(len(a), len(b))
    if shortest < 3:
        return False  # `is` → `it` is a different word, not a typo
    return _distance(a, b, 2) <= (1 if shortest <= 4 else 2)


def spelling_only(before: str, after: str) -> bool:
    """True when `after` only fixes the spelling (or case) of at most two words of `before`."""
    wa, wb = fold(before).split(), fold(after).split()
    if abs(len(wa) - len(wb)) > 2 or len(set(wa) ^ set(wb)) > 4:
        return False  # more than two words differ: no need to align them
    if len(wa) == len(wb):  # word for word: no need to align them either
        pairs = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
        return 0 < len(pairs) <= 2 and all(_misspelling(x, y) for x, y in pairs)
    changed = 0
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        old, new = wa[i1:i2], wb[j1:j2]
        if tag != "replace":
            return False
        if len(old) != len(new):
            # A split or joined word (`fulltime` → `full time`) is spelling too.
            if "".join(old).lower() != "".join(new).lower():
                return False
            changed += 1
            continue
        if not all(_misspelling(x, y) for x, y in zip(old, new, strict=True)):
            return False
        changed += len(old)
    return 0 < changed <= 2


def pair_exact(
    old: Sequence[T], new: Sequence[T], keys: Sequence[Callable[[T], Hashable]],
    taken_old: set[int], taken_new: set[int],
) -> list[tuple[int, int]]:
    """Pair items whose key is equal, one pass per key function, first come first paired."""
    pairs: list[tuple[int, int]] = []
    free_old = [i for i in range(len(old)) if i not in taken_old]
    free_new = [j for j in range(len(new)) if j not in taken_new]
    for key in keys:
        if not free_old or not free_new:
            break
        pending: dict[Hashable, list[int]] = defaultdict(list)
        for i in free_old:
            pending[key(old[i])].append(i)
        left = []
        for j in free_new:
            queue = pending.get(key(new[j]))
            if queue:
                i = queue.pop(0)
                taken_old.add(i)
                taken_new.add(j)
                pairs.append((i, j))
            else:
                left.append(j)
        free_new = left
        free_old = [i for i in free_old if i not in taken_old]
    return pairs


def pair_similar(
    old: Sequence[T], new: Sequence[T], score: Callable[[T, T], float],
    taken_old: set[int], taken_new: set[int], text: Callable[[T], str] | None = None,
    floor: float = 0.0,
) -> list[tuple[int, int]]:
    """Greedy best-first pairing of the items left; `score` returns < 0 for "never pair".

    With `text`, pairs whose texts cannot reach `floor` similarity are never scored (a
    rewritten level has many items on each side: most pairs share too few words)."""
    free_old = [i for i in range(len(old)) if i not in taken_old]
    free_new = [j for j in range(len(new)) if j not in taken_new]
    candidates = []
    prof_old = {i: profile(text(old[i])) for i in free_old} if text else {}
    prof_new = {j: profile(text(new[j])) for j in free_new} if text else {}
    for i in free_old:
        for j in free_new:
            if text is not None and _bound(prof_old[i], prof_new[j]) < floor:
                continue
            s = score(old[i], new[j])
            if s >= 0:
                candidates.append((-s, i, j))
    candidates.sort()
    pairs: list[tuple[int, int]] = []
    for _s, i, j in candidates:
        if i in taken_old or j in taken_new:
            continue
        taken_old.add(i)
        taken_new.add(j)
        pairs.append((i, j))
    return sorted(pairs)
