"""The inside of a level's diff: dimensions, competencies, examples and free-text blocks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .changeset import Change, LevelRef, text_change
from .diffmatch import MOVE_THRESHOLD, REWORD_THRESHOLD, fold, pair_exact, pair_similar, similarity
from .model import Block, Dimension, Item, Level


@dataclass(frozen=True)
class _Slot:
    dim: int  # index of the B-side dimension (A side: its partner's, or -1 - own index)
    name: str
    pos: int
    text: str


def _pair_dimensions(a: Sequence[Dimension], b: Sequence[Dimension]) -> dict[int, int]:
    """A-side index → B-side index: same name, then same competencies or a similar name."""
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    pairs = pair_exact(a, b, [lambda d: fold(d.name).lower()], taken_a, taken_b)

    def score(x: Dimension, y: Dimension) -> float:
        tx = {fold(i.text) for i in x.competencies}
        ty = {fold(i.text) for i in y.competencies}
        overlap = len(tx & ty) / len(tx | ty) if tx | ty else 0.0
        s = max(overlap, similarity(x.name, y.name, 0.5))
        return s if s >= 0.5 else -1.0

    pairs += pair_similar(a, b, score, taken_a, taken_b)
    return dict(pairs)


def _same(x: Dimension, y: Dimension, examples: bool) -> bool:
    a, b = (x.examples, y.examples) if examples else (x.competencies, y.competencies)
    return a is b or (len(a) == len(b) and all(
        i.text == j.text and i.group == j.group for i, j in zip(a, b, strict=True)))


def _slots(dims: Sequence[Dimension], examples: bool, where: dict[int, int] | None,
           skip: set[int]) -> list[_Slot]:
    out = []
    for k, d in enumerate(dims):
        if k in skip:
            continue
        index = k if where is None else where.get(k, -1 - k)
        for pos, item in enumerate(d.examples if examples else d.competencies):
            out.append(_Slot(index, d.name, pos, item.flat))
    return out


def _score(x: _Slot, y: _Slot) -> float:
    s = similarity(x.text, y.text, REWORD_THRESHOLD if x.dim == y.dim else MOVE_THRESHOLD)
    if x.dim == y.dim:
        return s + 0.1 if s >= REWORD_THRESHOLD else -1.0
    return s if s >= MOVE_THRESHOLD else -1.0


def _items(ref: LevelRef, old: LevelRef | None, a: list[_Slot], b: list[_Slot], family: str,
           rank: int) -> list[Change]:
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    pairs: list[tuple[int, int]] = []
    if len(a) == len(b) == 1:  # one item for one (the usual edit): pair it or not, directly
        if a[0].text == b[0].text or fold(a[0].text) == fold(b[0].text) or _score(a[0], b[0]) >= 0:
            pairs, taken_a, taken_b = [(0, 0)], {0}, {0}
    elif a and b:
        pairs = pair_exact(a, b, [lambda s: (s.dim, s.text), lambda s: s.text,
                                  lambda s: (s.dim, fold(s.text)), lambda s: fold(s.text)],
                           taken_a, taken_b)
        pairs += pair_similar(a, b, _score, taken_a, taken_b, lambda s: s.text,
                              min(REWORD_THRESHOLD, MOVE_THRESHOLD))
    out = []
    for i, j in pairs:
        x, y = a[i], b[j]
        if x.dim != y.dim:
            kind = f"{family}.moved"
        elif x.text != y.text:
            kind = f"{family}.reworded"
        else:
            continue
        out.append(text_change(kind, ref, old, x.text, y.text, order=(4 + rank, y.dim, y.pos),
                               dimension=y.name, old_dimension=x.name))
    out += [text_change(f"{family}.removed", ref, old, a[i].text, None, dimension=a[i].name,
                        order=(4 + rank, 1000 + max(a[i].dim, -1 - a[i].dim), a[i].pos))
            for i in range(len(a)) if i not in taken_a]
    out += [text_change(f"{family}.added", ref, old, None, b[j].text, dimension=b[j].name,
                        order=(4 + rank, b[j].dim, b[j].pos))
            for j in range(len(b)) if j not in taken_b]
    return out


def diff_dimensions(a: Level, b: Level, ref: LevelRef, old: LevelRef | None) -> list[Change]:
    """Dimension renames, additions and removals; then every competency and example."""
    where = _pair_dimensions(a.dimensions, b.dimensions)
    out = []
    partner = {j: i for i, j in where.items()}
    for j, d in enumerate(b.dimensions):
        if j not in partner:
            out.append(text_change("dimension.added", ref, old, None, d.name, order=(3, j),
                                   dimension=d.name))
            continue
        da = a.dimensions[partner[j]]
        if da.name != d.name:
            out.append(text_change("dimension.renamed", ref, old, da.name, d.name, order=(3, j),
                                   dimension=d.name))
        if da.notes != d.notes:
            out += diff_blocks([_note(n) for n in da.notes], [_note(n) for n in d.notes], ref, old,
                               order=(5, j), dimension=d.name)
    for i, d in enumerate(a.dimensions):
        if i not in where:
            out.append(text_change("dimension.removed", ref, old, d.name, None,
                                   order=(3, 1000 + i), dimension=d.name))
    for rank, (examples, family) in enumerate(((False, "competency"), (True, "example"))):
        # Dimensions whose items read exactly as before take no part in the matching.
        same = {i for i, j in where.items() if _same(a.dimensions[i], b.dimensions[j], examples)}
        out += _items(ref, old, _slots(a.dimensions, examples, where, same),
                      _slots(b.dimensions, examples, None, {where[i] for i in same}), family, rank)
    return out


def diff_edit(a: Level, b: Level, dim: int, examples: bool, index: int, gone: Sequence[Item],
              came: Sequence[Item]) -> list[Change]:
    """The changes of a level whose only edit is known: in dimension `dim`, items `gone` gave
    way to `came` at `index` (what diff_dimensions finds, without comparing the rest)."""
    ref = LevelRef.of(b)
    name = b.dimensions[dim].name
    family, rank = ("example", 1) if examples else ("competency", 0)
    slots_a = [_Slot(dim, name, index + k, item.flat) for k, item in enumerate(gone)]
    slots_b = [_Slot(dim, name, index + k, item.flat) for k, item in enumerate(came)]
    return _items(ref, LevelRef.of(a), slots_a, slots_b, family, rank)


def level_items(level: Level, ref: LevelRef, *, added: bool) -> list[Change]:
    """Every competency and example of a level as added (or removed) changes."""
    out = []
    for j, d in enumerate(level.dimensions):
        for rank, (family, items) in enumerate((("competency", d.competencies),
                                                ("example", d.examples))):
            for pos, item in enumerate(items):
                before, after = (None, item.flat) if added else (item.flat, None)
                kind = f"{family}.{'added' if added else 'removed'}"
                out.append(text_change(kind, ref, None, before, after, dimension=d.name,
                                       order=(4 + rank, j, pos)))
    return out


def _note(item: Item) -> Block:
    return Block("para", item.text, item.line)


def block_text(block: Block) -> str:
    """A block as one line of text (a table row per line)."""
    if block.kind == "table":
        return "\n".join(" | ".join(row) for row in block.rows)
    return block.text


def diff_blocks(a: Sequence[Block], b: Sequence[Block], ref: LevelRef, old: LevelRef | None, *,
                order: tuple[int, ...], dimension: str | None = None) -> list[Change]:
    """Free text, block by block: a changed block is `document.changed` (or `.formatting`)."""
    ta = [t for t in map(block_text, a) if t]
    tb = [t for t in map(block_text, b) if t]
    if ta == tb:
        return []
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    pairs = pair_exact(ta, tb, [lambda t: t, fold], taken_a, taken_b)

    def score(x: str, y: str) -> float:
        s = similarity(x, y, REWORD_THRESHOLD)
        return s if s >= REWORD_THRESHOLD else -1.0

    pairs += pair_similar(ta, tb, score, taken_a, taken_b, str, REWORD_THRESHOLD)
    out = [text_change("document.changed", ref, old, ta[i], tb[j], order=(*order, j),
                       dimension=dimension)
           for i, j in pairs if ta[i] != tb[j]]
    out += [text_change("document.changed", ref, old, ta[i], None, order=(*order, 1000 + i),
                        dimension=dimension) for i in range(len(ta)) if i not in taken_a]
    out += [text_change("document.changed", ref, old, None, tb[j], order=(*order, j),
                        dimension=dimension) for j in range(len(tb)) if j not in taken_b]
    return out
