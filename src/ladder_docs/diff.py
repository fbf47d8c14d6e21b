"""The semantic diff: two states of a ladder (or of some of its files) → a list of changes.

Pure: levels and documents in, frozen `Change`s out. Levels are paired across files (git renames,
then title, then content), competencies and examples within and across dimensions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from .changeset import (
    SEVERITY,
    Bump,
    Change,
    CommitRef,
    LevelRef,
    Severity,
    suggested_bump,
    text_change,
)
from .diffitems import diff_blocks, diff_dimensions, level_items
from .diffmatch import fold, overlap, pair_exact, pair_similar
from .model import Document, Ladder, Level

__all__ = [
    "SEVERITY", "Bump", "Change", "CommitRef", "LevelRef", "Severity", "diff_document",
    "diff_ladders", "diff_level", "diff_states", "pair_documents", "pair_levels", "suggested_bump",
]

def _level_changes(a: Level, b: Level) -> list[Change]:
    ref, old = LevelRef.of(b), LevelRef.of(a)
    out: list[Change] = []
    if a.path != b.path:
        out.append(text_change("level.moved", ref, old, a.path, b.path, order=(0,)))
    if a.label != b.label:
        out.append(text_change("level.retitled", ref, old, a.label, b.label, order=(1,)))
    if a.summary != b.summary:
        out.append(text_change("summary.changed", ref, old, a.summary or None, b.summary or None,
                               order=(2,)))
    names_a = {fold(k).lower(): (k, v) for k, v in a.attributes}
    names_b = {fold(k).lower(): (k, v) for k, v in b.attributes}
    ordered = [fold(k).lower() for k, _ in b.attributes]
    ordered += [n for n in (fold(k).lower() for k, _ in a.attributes) if n not in names_b]
    for i, name in enumerate(ordered):
        before, after = names_a.get(name), names_b.get(name)
        if before is None or after is None or before[1] != after[1]:
            name_shown = (after or before or ("", ""))[0]
            out.append(text_change(
                "attribute.changed", ref, old, before[1] if before else None,
                after[1] if after else None, order=(3, i), attribute=name_shown))
    out += diff_dimensions(a, b, ref, old)
    out += diff_blocks(a.notes, b.notes, ref, old, order=(6,))
    return out


def diff_level(a: Level | None, b: Level | None, *, detail: bool = False) -> list[Change]:
    """The changes from level `a` to level `b`; either may be None (added, removed).

    With `detail`, an added or removed level also lists each of its items (for attribution and
    history, which need to know where every competency came from)."""
    if a is not None and b is not None:
        return _level_changes(a, b)
    one = b if b is not None else a
    assert one is not None
    ref = LevelRef.of(one)
    kind = "level.added" if b is not None else "level.removed"
    out = [text_change(kind, ref, None, None if b else one.label, one.label if b else None,
                       order=(0,))]
    if detail:
        out += level_items(one, ref, added=b is not None)
    return out


def diff_document(a: Document | None, b: Document | None) -> list[Change]:
    """The changes from overview document `a` to `b` (block by block); either may be None."""
    one = b if b is not None else a
    assert one is not None
    ref = LevelRef.of(one)
    if a is None or b is None:
        kind = "document.added" if b is not None else "document.removed"
        return [text_change(kind, ref, None, None if b else one.title, one.title if b else None,
                            order=(0,))]
    old = LevelRef.of(a)
    out = []
    if a.path != b.path:
        out.append(text_change("document.moved", ref, old, a.path, b.path, order=(0,)))
    return out + diff_blocks(a.blocks, b.blocks, ref, old, order=(1,))


def _content(level: Level) -> str:
    return " ".join(i.text for d in level.dimensions for i in (*d.competencies, *d.examples))


def _folder(path: str) -> str:
    return path.rpartition("/")[0]


def pair_levels(
    old: Sequence[Level], new: Sequence[Level], renames: Mapping[str, str] | None = None,
) -> list[tuple[Level | None, Level | None]]:
    """Pair the levels of two states: same file (after git renames) and title, same key, same
    title elsewhere, the one level left in a file, then content similarity.

    Unpaired levels come back as (a, None) or (None, b)."""
    renames = renames or {}
    taken_a: set[int] = set()
    taken_b: set[int] = set()

    def path(lv: Level) -> str:
        return renames.get(lv.path, lv.path)

    pairs = pair_exact(old, new, [
        lambda lv: (path(lv), fold(lv.label).lower()),
        lambda lv: ("key", lv.key) if lv.key else ("nokey", id(lv)),
        lambda lv: (fold(lv.label).lower(), lv.id),
    ], taken_a, taken_b)
    left_a = [i for i in range(len(old)) if i not in taken_a]
    left_b = [j for j in range(len(new)) if j not in taken_b]
    for p in {path(old[i]) for i in left_a}:
        in_a = [i for i in left_a if path(old[i]) == p]
        in_b = [j for j in left_b if new[j].path == p]
        if len(in_a) == 1 and len(in_b) == 1:  # the one level of a rewritten file
            pairs.append((in_a[0], in_b[0]))
            taken_a.add(in_a[0])
            taken_b.add(in_b[0])

    def score(a: Level, b: Level) -> float:
        s = overlap(_content(a), _content(b))
        # A level replaced in place (same rank, same folder) needs less likeness to count.
        floor = 0.3 if a.id == b.id and _folder(path(a)) == _folder(b.path) else 0.5
        return s if s >= floor else -1.0

    pairs += pair_similar(old, new, score, taken_a, taken_b)
    out: list[tuple[Level | None, Level | None]] = [(old[i], new[j]) for i, j in sorted(pairs)]
    out += [(old[i], None) for i in range(len(old)) if i not in taken_a]
    out += [(None, new[j]) for j in range(len(new)) if j not in taken_b]
    return out


def pair_documents(
    old: Sequence[Document], new: Sequence[Document], renames: Mapping[str, str] | None = None,
) -> list[tuple[Document | None, Document | None]]:
    """Pair overview documents by path (after renames), then by title and similar text."""
    renames = renames or {}
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    pairs = pair_exact(old, new, [lambda d: renames.get(d.path, d.path)], taken_a, taken_b)

    def score(a: Document, b: Document) -> float:
        s = overlap(" ".join(x.text for x in a.blocks), " ".join(x.text for x in b.blocks))
        return s if s >= 0.6 and fold(a.title).lower() == fold(b.title).lower() else -1.0

    pairs += pair_similar(old, new, score, taken_a, taken_b)
    out: list[tuple[Document | None, Document | None]] = [
        (old[i], new[j]) for i, j in sorted(pairs)
    ]
    out += [(old[i], None) for i in range(len(old)) if i not in taken_a]
    out += [(None, new[j]) for j in range(len(new)) if j not in taken_b]
    return out


def diff_states(
    old_levels: Sequence[Level], new_levels: Sequence[Level],
    old_docs: Sequence[Document] = (), new_docs: Sequence[Document] = (),
    renames: Mapping[str, str] | None = None, *, detail: bool = False,
) -> list[Change]:
    """Changes between two sets of levels and documents (whole ladders, or the files a commit
    touched with `renames` from git's rename detection), sorted.

    A file whose bytes changed while nothing in it did (line endings, wrapping, emphasis, …)
    yields one `level.formatting` or `document.formatting` change."""
    out: list[Change] = []
    edited: list[tuple[Level | Document, Level | Document]] = []
    for a, b in pair_levels(old_levels, new_levels, renames):
        out += diff_level(a, b, detail=detail)
        if a is not None and b is not None:
            edited.append((a, b))
    for da, db in pair_documents(old_docs, new_docs, renames):
        out += diff_document(da, db)
        if da is not None and db is not None:
            edited.append((da, db))
    seen = {p for c in out if not c.kind.endswith(".moved")
            for p in (c.level.path, c.old_level.path if c.old_level else None)}
    # Only a file that is the level (or document) on both sides: a role split out of a
    # several-roles file has other bytes without any formatting edit.
    per_file = Counter(lv.path for lv in old_levels), Counter(lv.path for lv in new_levels)
    for x, y in edited:
        if x.source.blob != y.source.blob and None not in (x.source.blob, y.source.blob) and (
                y.path not in seen) and (isinstance(y, Document) or per_file[0][x.path] == per_file[1][y.path] == 1):
            seen.add(y.path)
            kind = "level.formatting" if isinstance(y, Level) else "document.formatting"
            out.append(text_change(kind, LevelRef.of(y), LevelRef.of(x), None, None, order=(9,)))
    return sorted(out, key=lambda c: c.sort_key)


def diff_ladders(a: Ladder, b: Ladder, *, detail: bool = False) -> list[Change]:
    """Every change from ladder `a` to ladder `b`, sorted."""

    def documents(ladder: Ladder) -> list[Document]:
        # A README shared by two tracks of one folder is listed under both: diff it once.
        return list({d.path: d for d in reversed(ladder.all_documents())}.values())[::-1]

    return diff_states(a.levels, b.levels, documents(a), documents(b), detail=detail)
