"""The dimensions of a level's redline: headings, competencies, examples and notes as lines.

The semantic diff (diff.diff_level) says what happened to each item: its changes carry B's
dimension index and position, or, for a removed item, A's. Here they are laid over both levels:
B's items in B's order, each item gone from A after the kept item it followed, a moved item
deleted where it was and inserted where it is. Kept items that changed their order (the diff
ignores order) are moved too, so rejecting every change gives A's text in A's order.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import zip_longest

from .changeset import Change, CommitRef
from .diffmatch import REWORD_THRESHOLD, similarity
from .model import Dimension, Item, Level
from .redline_pieces import Line, Status, make_line, markdown, plain_nodes

Who = Callable[[Change | None], tuple[CommitRef, ...]]
TextWho = Callable[[str | None, str | None], tuple[CommitRef, ...]]


@dataclass(frozen=True)
class Section:
    """A dimension: heading, competencies, examples (with their "For example" label) and notes."""

    heading: Line
    emoji: str
    competencies: tuple[Line, ...]
    examples: tuple[Line, ...]
    examples_label: Status
    notes: tuple[Line, ...]


def doc_who(changes: Sequence[Change], who: Who, dimension: str | None) -> TextWho:
    """Commits of a free-text edit: the `document.*` change with these texts, else one with either."""
    docs = [c for c in changes if c.kind.startswith("document.") and c.dimension == dimension]

    def find(before: str | None, after: str | None) -> tuple[CommitRef, ...]:
        exact = next((c for c in docs if (c.before, c.after) == (before, after)), None)
        loose = next((c for c in docs if (before is not None and c.before == before)
                      or (after is not None and c.after == after)), None)
        return who(exact or loose)

    return find


def free_text(a: Sequence[tuple[str, str]], b: Sequence[tuple[str, str]], find: TextWho) -> tuple[Line, ...]:
    """Free-text blocks `(kind, text)` of both sides as lines: similar blocks as word diffs."""
    out: list[Line] = []
    ops = SequenceMatcher(None, [t for _, t in a], [t for _, t in b], autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            out += [make_line(markdown(t), markdown(t), (), kind=k) for k, t in b[j1:j2]]
            continue
        for old, new in zip_longest(a[i1:i2], b[j1:j2]):
            if old is not None and new is not None and similarity(old[1], new[1]) >= REWORD_THRESHOLD:
                out.append(make_line(markdown(old[1]), markdown(new[1]), find(old[1], new[1]), kind=new[0]))
                continue
            if old is not None:
                out.append(make_line(markdown(old[1]), None, find(old[1], None), kind=old[0]))
            if new is not None:
                out.append(make_line(None, markdown(new[1]), find(None, new[1]), kind=new[0]))
    return tuple(out)


def _partners(x: Level, y: Level, changes: Sequence[Change]) -> dict[int, int]:
    """B dimension index → A dimension index, from the diff's dimension changes."""
    heads = {c.order[1]: c for c in changes if c.kind.startswith("dimension.") and c.kind != "dimension.removed"}
    partner: dict[int, int] = {}
    for j, d in enumerate(y.dimensions):
        c = heads.get(j)
        if c is not None and c.kind == "dimension.added":
            continue
        name = c.before if c is not None else d.name
        i = next((i for i, e in enumerate(x.dimensions) if e.name == name and i not in partner.values()), None)
        if i is not None:
            partner[j] = i
    return partner


def sections(x: Level, y: Level, changes: Sequence[Change], who: Who) -> tuple[Section, ...]:
    """The dimensions of levels `x` (A) and `y` (B) as sections: B's in B's order, each dimension
    gone from A after the one it followed; `changes` are diff_level(x, y)'s."""
    partner = _partners(x, y, changes)
    heads = {c.order[1]: c for c in changes if c.kind.startswith("dimension.")}
    comps = _items(x, y, partner, changes, "competency", who)
    examples = _items(x, y, partner, changes, "example", who)

    def section(da: Dimension | None, db: Dimension | None, key: tuple[str, int], change: Change | None) -> Section:
        one = db if db is not None else da
        assert one is not None
        name = one.name if db is None else db.name
        notes = free_text([("para", n.text) for n in da.notes] if da else [],
                          [("para", n.text) for n in db.notes] if db else [], doc_who(changes, who, name))
        has_a, has_b = bool(da and da.examples), bool(db and db.examples)
        label: Status = "same" if has_a == has_b else "added" if has_b else "removed"
        heading = make_line(plain_nodes(da.name) if da else None, plain_nodes(db.name) if db else None, who(change))
        return Section(heading, one.emoji, tuple(comps[key]), tuple(examples[key]), label, notes)

    a_to_b = {i: j for j, i in partner.items()}
    alone: dict[int, list[int]] = defaultdict(list)  # A dimensions gone, after the B one they followed
    anchor = -1
    for i in range(len(x.dimensions)):
        if i in a_to_b:
            anchor = a_to_b[i]
        else:
            alone[anchor].append(i)
    gone = {c.dimension: c for c in changes if c.kind == "dimension.removed"}
    out = [section(x.dimensions[i], None, ("a", i), gone.get(x.dimensions[i].name)) for i in alone[-1]]
    for j, d in enumerate(y.dimensions):
        k = partner.get(j)
        out.append(section(x.dimensions[k] if k is not None else None, d, ("b", j), heads.get(j)))
        out += [section(x.dimensions[k], None, ("a", k), gone.get(x.dimensions[k].name)) for k in alone[j]]
    return tuple(out)


Claims = dict[tuple[int, int], tuple[str, Change | None, int]]  # A item → (how, change, B position)


def _family(family: str) -> Callable[[Dimension], tuple[Item, ...]]:
    return (lambda d: d.examples) if family == "example" else (lambda d: d.competencies)


def _claims(x: Level, y: Level, partner: Mapping[int, int], mine: Sequence[Change], family: str) -> tuple[
        Claims, dict[int, Item]]:
    """What became of each A item (kept at a B position, removed, moved to another dimension)
    and, by change, the A item a rewording started from."""
    items = _family(family)
    at_b = {(c.order[1], c.order[2]): c for c in mine if not c.kind.endswith(".removed")}
    claims: Claims = {}
    source: dict[int, Item] = {}  # id(change) → the A item it rewords

    def claim(dims: Sequence[int], text: str | None, how: str, change: Change | None, pos: int) -> None:
        for i in dims:
            for p, item in enumerate(items(x.dimensions[i])):
                if item.flat == text and (i, p) not in claims:
                    claims[(i, p)] = (how, change, pos)
                    if change is not None:
                        source[id(change)] = item
                    return

    for gone in (c for c in mine if c.kind.endswith(".removed")):
        n = gone.order[1] - 1000
        for i in (partner.get(n), n):  # a removed item sits under its dimension's B index, if any
            if i is not None and 0 <= i < len(x.dimensions) and x.dimensions[i].name == gone.dimension:
                claim([i], gone.before, "removed", gone, -1)
                break
    for (_j, p), moved in at_b.items():
        if moved.kind.endswith(".moved"):
            src = moved.old_dimension or moved.dimension
            claim([i for i, d in enumerate(x.dimensions) if d.name == src], moved.before, "moved", moved, p)
    for reworded in (False, True):  # exact matches first, as the diff pairs them
        for j, d in enumerate(y.dimensions):
            for p, item in enumerate(items(d)):
                edit = at_b.get((j, p))
                edited = edit is not None and edit.kind.endswith((".reworded", ".formatting"))
                if j in partner and ((edit is None and not reworded) or (edited and reworded)):
                    claim([partner[j]], edit.before if edit is not None else item.flat, "kept", edit, p)
    return claims, source


def _items(x: Level, y: Level, partner: Mapping[int, int], changes: Sequence[Change], family: str,
           who: Who) -> dict[tuple[str, int], list[Line]]:
    """Lines per dimension (`("b", j)`, or `("a", i)` for a dimension that is gone): B's items in
    B's order, each item gone from A after the kept item it followed."""
    items = _family(family)
    mine = [c for c in changes if c.kind.startswith(family + ".")]
    at_b = {(c.order[1], c.order[2]): c for c in mine if not c.kind.endswith(".removed")}
    claims, source = _claims(x, y, partner, mine, family)
    shuffled = _reorder(claims, partner)

    out: dict[tuple[str, int], list[Line]] = defaultdict(list)
    for j, d in enumerate(y.dimensions):
        for p, item in enumerate(items(d)):
            change = at_b.get((j, p))
            old = source.get(id(change)) if change is not None else item
            if change is not None and change.kind.endswith(".moved"):
                note = f"Moved from {change.old_dimension or change.dimension}"
                out[("b", j)].append(make_line(None, markdown(item.text), who(change), group=item.group, note=note))
            elif (j, p) in shuffled:
                out[("b", j)].append(make_line(None, markdown(item.text), who(change), group=item.group,
                                               note=_REORDERED))
            else:
                before = markdown(old.text) if old is not None else None
                out[("b", j)].append(make_line(before, markdown(item.text), who(change), group=item.group))
    a_to_b = {i: j for j, i in partner.items()}
    for i, d in enumerate(x.dimensions):
        anchor, gone = -1, defaultdict[int, list[Line]](list)
        for p, item in enumerate(items(d)):
            how, by, pos = claims.get((i, p), ("removed", None, -1))
            if how == "kept":
                anchor = pos
                continue
            to = f"Moved to {by.dimension}" if how == "moved" and by is not None else None
            to = _REORDERED if how == "reordered" else to
            gone[anchor].append(make_line(markdown(item.text), None, who(by), group=item.group, note=to))
        if i not in a_to_b:
            out[("a", i)] = [line for k in sorted(gone) for line in gone[k]]
            continue
        kept = out[("b", a_to_b[i])]
        merged = list(gone[-1])
        for p, line in enumerate(kept):
            merged += [line, *gone[p]]
        out[("b", a_to_b[i])] = merged
    return out


_REORDERED = "Moved within this dimension"


def _reorder(claims: Claims, partner: Mapping[int, int]) -> set[tuple[int, int]]:
    """Kept items out of A's order in B (the diff ignores order) become "reordered": deleted at
    A's place and inserted at B's, so rejecting every change restores A's order. The longest run
    of items in the same order stays put. Returns the B places (dimension, position) of the rest."""
    moved: set[tuple[int, int]] = set()
    for j, i in partner.items():
        kept = sorted((pos, p) for (k, p), (how, _c, pos) in claims.items() if k == i and how == "kept")
        order = [p for _pos, p in kept]
        stay = _increasing(order)
        for pos, p in kept:
            if p not in stay:
                _how, change, _pos = claims[(i, p)]
                claims[(i, p)] = ("reordered", change, pos)
                moved.add((j, pos))
    return moved


def _increasing(seq: Sequence[int]) -> set[int]:
    """The values of a longest strictly increasing subsequence of `seq` (distinct values)."""
    tails: list[int] = []  # index into seq of the smallest tail of each length
    back: list[int] = [-1] * len(seq)
    for k, value in enumerate(seq):
        n = bisect_left([seq[t] for t in tails], value)
        back[k] = tails[n - 1] if n else -1
        tails[n:n + 1] = [k]
    out: set[int] = set()
    k = tails[-1] if tails else -1
    while k >= 0:
        out.add(seq[k])
        k = back[k]
    return out

