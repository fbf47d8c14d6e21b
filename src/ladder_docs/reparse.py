"""Re-parse after a small edit: derive a file's new parse from its old one when a commit only
replaced, added or removed whole top-level bullet lines of one list of items.

Most commits of a ladder's history are such edits, and a full parse costs ~1 ms per file: this
costs a tenth of that. Anything less plain (wrapped bullets, groups, comments, code fences, HTML,
headings, a changed title) returns None and the caller parses in full. tests/test_diff.py checks
that the result equals `parse_document` on every commit of the synthetic and real histories.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

from .decode import decode
from .lines import classify
from .model import Dimension, Item, Level, Source
from .parse import MAX_FILE_BYTES, MAX_ITEMS, ParsedFile, clean

# Where the items sit: (level index, dimension index, 0 competencies / 1 examples, item index).
Place = tuple[int, int, int, int]


def _place(levels: tuple[Level, ...], line: int) -> Place | None:
    """The item that starts on `line`, if any (lists are in line order)."""
    for li, lv in enumerate(levels):
        for di, d in enumerate(lv.dimensions):
            for kind, items in enumerate((d.competencies, d.examples)):
                if items and items[0].line <= line <= items[-1].line:
                    ii = bisect_left(items, line, key=lambda i: i.line)
                    return (li, di, kind, ii) if items[ii].line == line else None
    return None


def _plain_bullet(no: int, raw: str) -> str | None:
    line = classify(no, raw)
    if line.kind != "bullet" or line.depth != 0 or not line.text or line.text.endswith(":"):
        return None
    return clean(line.text)


def _shift_items(items: tuple[Item, ...], after: int, delta: int) -> tuple[Item, ...]:
    # Constructors, not dataclasses.replace, and untouched tuples kept as they are: this runs
    # for every edited file, and the diff skips what it finds identical.
    if not items or items[-1].line <= after:
        return items
    return tuple(Item(i.text, i.line + delta, i.group) if i.line > after else i for i in items)


def _with_items(d: Dimension, examples: bool, items: tuple[Item, ...]) -> Dimension:
    if examples:
        return Dimension(d.name, d.emoji, d.competencies, items, d.line, d.notes)
    return Dimension(d.name, d.emoji, items, d.examples, d.line, d.notes)


def _shift_dim(d: Dimension, after: int, delta: int, ends: int | None) -> Dimension:
    """`d` with the lines after `after` moved by `delta`; `ends`, the line the next dimension
    starts on, tells cheaply that nothing of `d` comes after the edit."""
    if ends is not None and ends <= after:
        return d
    return Dimension(d.name, d.emoji, _shift_items(d.competencies, after, delta),
                     _shift_items(d.examples, after, delta),
                     d.line + delta if d.line > after else d.line,
                     _shift_items(d.notes, after, delta))


def _shift_level(lv: Level, after: int, delta: int, source: Source, edited: int | None = None,
                 edit: Dimension | None = None) -> Level:
    """`lv` from a new blob: lines shifted, and dimension `edited` replaced by `edit`."""
    dims = lv.dimensions
    if delta:
        dims = tuple(_shift_dim(d, after, delta, dims[k + 1].line if k + 1 < len(dims) else None)
                     for k, d in enumerate(dims))
    if edit is not None and edited is not None:
        dims = (*dims[:edited], edit, *dims[edited + 1 :])
    notes, line = lv.notes, lv.line
    if delta:
        notes = tuple(replace(b, line=b.line + delta) if b.line > after else b for b in notes)
        line = line + delta if line > after else line
    # The constructor with every field named, not dataclasses.replace (several times slower):
    # this runs once per edited file of the history.
    return Level(key=lv.key, slug=lv.slug, id=lv.id, rank=lv.rank, title=lv.title,
                 summary=lv.summary, attributes=lv.attributes, dimensions=dims, source=source,
                 track=lv.track, line=line, notes=notes)


@dataclass(frozen=True)
class Edit:
    """A small edit and its result: in level `level`, dimension `dimension`, the competencies
    (or examples) `gone` were replaced by `came` (either may be empty)."""

    parsed: ParsedFile
    level: int
    dimension: int
    examples: bool
    index: int  # position of the first gone (or came) item in its list
    gone: tuple[Item, ...]
    came: tuple[Item, ...]
    lines: list[str]


def _region(a: list[str], b: list[str]) -> tuple[int, int]:
    """Lengths of the common prefix and (non-overlapping) common suffix of two line lists."""
    p, limit = 0, min(len(a), len(b))
    while p < limit and a[p] == b[p]:
        p += 1
    s = 0
    while s < limit - p and a[-1 - s] == b[-1 - s]:
        s += 1
    return p, s


# What may follow an edit without changing how the parser reads the lines after it: text, code,
# HTML or a fence could continue the last bullet; a nested bullet could change its group.
_SAFE_NEXT = frozenset(("heading", "bold", "examples", "quote", "rule"))


def _calm_edges(a: list[str], p: int, s: int, emptied: bool) -> bool:
    """The lines around the edit read the same whatever the edit was: the first non-blank line
    after it, and a sub-heading before an edit that leaves it no bullets (it would become an
    item of its own)."""
    nxt = next((classify(0, raw) for raw in a[len(a) - s :] if raw.strip()), None)
    if nxt is not None and nxt.kind == "bullet":
        return nxt.depth == 0
    if emptied and next((classify(0, raw).kind for raw in reversed(a[:p]) if raw.strip()),
                        "bullet") != "bullet":
        return False
    return nxt is None or nxt.kind in _SAFE_NEXT


def _locate(old: ParsedFile, a: list[str], p: int, s: int, gone: int) -> tuple[Place, int, int] | None:
    """Where the edited items sit in the old parse, how many there are, and the position of the
    item whose group new bullets join (the replaced one, the one they follow, or precede)."""
    if gone:
        spots = [_place(old.levels, p + 1 + k) for k in range(gone)]
        first = spots[0]
        if first is None or any(sp != (*first[:3], first[3] + k) for k, sp in enumerate(spots)):
            return None
        return first, gone, first[3]
    # An insertion after a top-level bullet item (a nested one's group would not carry over)…
    after = _place(old.levels, p) if p > 0 and _plain_bullet(p, a[p - 1]) is not None else None
    if after is not None:
        li, di, kind, ii = after
        return (li, di, kind, ii + 1), 0, ii
    before = _place(old.levels, len(a) - s + 1) if s else None
    return (before, 0, before[3]) if before is not None else None  # …or before one


def reparse(old: ParsedFile, data: bytes, blob: str | None,
            old_lines: list[str] | None = None) -> Edit | None:
    """The parse of `data` derived from `old` (the same path's previous parse), or None.

    `old_lines`, `old`'s text split in lines, saves splitting it again (the Edit's `lines` are
    the new text's, for the next edit)."""
    if old.document is not None or old.diagnostics or not old.levels or len(data) > MAX_FILE_BYTES:
        return None
    d, o = decode(data), old.decoded
    if (d.binary or d.repaired_from is not None or o.repaired_from is not None
            or (d.encoding, d.bom, d.line_endings) != (o.encoding, o.bom, o.line_endings)):
        return None
    if "<!--" in o.text:  # a comment could hide the edited lines (fences cannot: see below)
        return None
    a, b = old_lines if old_lines is not None else o.text.split("\n"), d.text.split("\n")
    p, s = _region(a, b)
    gone, came = a[p : len(a) - s], b[p : len(b) - s]
    # The text around the edit is the same before and after, so a code fence or comment that
    # spans the edit would make the old lines or their neighbours something other than items,
    # which the checks here reject; only a comment opened inside the edit remains.
    texts = [_plain_bullet(p + 1 + k, raw) if "<!--" not in raw else None
             for k, raw in enumerate(came)]
    if None in texts or any(_plain_bullet(p + 1 + k, raw) is None for k, raw in enumerate(gone)):
        return None
    found = _locate(old, a, p, s, len(gone)) if _calm_edges(a, p, s, not came) else None
    if found is None:
        return None
    (li, di, kind, ii), drop, near = found
    dims = old.levels[li].dimensions
    items = dims[di].examples if kind else dims[di].competencies
    if sum(len(x.competencies) + len(x.examples) for x in dims) + len(came) >= MAX_ITEMS:
        return None
    group = items[near].group  # new bullets join the group in force where they stand
    if any(it.group != group for it in items[ii : ii + drop]):
        return None
    fresh = tuple(Item(t or "", p + 1 + k, group) for k, t in enumerate(texts))
    delta, end = len(came) - len(gone), p + len(gone)  # end: the last old line of the edit
    source = Source(old.path, blob)
    ends = dims[di + 1].line if di + 1 < len(dims) else None
    shifted = _shift_dim(dims[di], end, delta, ends) if delta else dims[di]
    seq = shifted.examples if kind else shifted.competencies
    dim = _with_items(shifted, bool(kind), (*seq[:ii], *fresh, *seq[ii + drop :]))
    levels = [_shift_level(lv, end, delta, source, *((di, dim) if k == li else ()))
              for k, lv in enumerate(old.levels)]
    parsed = ParsedFile(old.path, blob, tuple(levels), None, (), d, old.roles)
    return Edit(parsed, li, di, bool(kind), ii, items[ii : ii + drop], fresh, b)
