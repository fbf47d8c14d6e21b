"""Redlines: every level changed between two revisions, whole, with its changes marked.

`redline(repo, "A..B", formats=…, out=…)` reads both states (reader.read_ladder), pairs their
levels (diff.pair_levels) and diffs each pair (diff.diff_level). The changes are then laid over
the whole level: its title, summary paragraphs, attributes, dimension headings, competencies,
examples and notes each become a `Line` of inline pieces (equal, inserted, deleted), so a reader
sees the level as it now reads with what changed marked in place. Each changed line carries the
commits that made it, from the changelog of the same range (changelog.changelog).

A moved competency is deleted where it was and inserted where it is, so accepting every change
gives B's text of the level and rejecting every change gives A's. Rendering: redline_render.py.
"""

from __future__ import annotations

import os
import tempfile
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import zip_longest
from pathlib import Path
from typing import Literal

from . import inline
from .changelog import changelog, parse_range
from .changeset import Change, CommitRef
from .diff import diff_level, pair_levels
from .diffitems import block_text
from .diffmatch import REWORD_THRESHOLD, fold, similarity
from .model import Dimension, Item, Level, Revision
from .publish import check_relpath
from .reader import read_ladder
from .redline_pieces import Nodes, Piece, diff_nodes, markdown, plain_nodes, whole
from .redline_render import render_all
from .source import Repository

Status = Literal["same", "changed", "added", "removed"]
Who = Callable[[Change | None], tuple[CommitRef, ...]]


@dataclass(frozen=True)
class Line:
    """One marked-up line of a level: a title, paragraph, attribute value, heading or item."""

    status: Status
    pieces: tuple[Piece, ...]
    commits: tuple[CommitRef, ...] = ()
    kind: str = "item"  # of free text: para, heading, item, quote, code, table
    group: str | None = None
    note: str | None = None  # e.g. "Moved from Domain Expertise"

    def text(self, side: Literal["before", "after"]) -> str:
        """The plain text of one side (what rejecting, or accepting, every change leaves)."""
        skip = "insert" if side == "before" else "delete"
        return "".join(inline.plain(list(p.nodes)) for p in self.pieces if p.op != skip)


@dataclass(frozen=True)
class Row:
    """An attribute: its name, the name as a line (added or removed with the value) and its value."""

    name: str
    label: Line
    value: Line


@dataclass(frozen=True)
class Section:
    """A dimension: heading, competencies, examples (with their "For example" label) and notes."""

    heading: Line
    emoji: str
    competencies: tuple[Line, ...]
    examples: tuple[Line, ...]
    examples_label: Status
    notes: tuple[Line, ...]


@dataclass(frozen=True)
class LevelRedline:
    """One level from A to B. `name` is the file stem (the key's slug, `-removed` on a clash)."""

    key: str
    name: str
    track: str
    status: Literal["changed", "added", "removed"]
    level_id: str | None
    title: Line
    moved_from: str | None
    summary: tuple[Line, ...]
    attributes: tuple[Row, ...]
    sections: tuple[Section, ...]
    notes: tuple[Line, ...]
    rank: tuple[int, int, int] = (0, 0, 0)

    def lines(self) -> Iterator[Line]:
        """Every line, in document order."""
        yield self.title
        yield from self.summary
        yield from (r.value for r in self.attributes)
        for s in self.sections:
            yield s.heading
            yield from (*s.competencies, *s.examples, *s.notes)
        yield from self.notes

    @property
    def counts(self) -> dict[str, int]:
        """How many lines were changed, added and removed."""
        out = {"changed": 0, "added": 0, "removed": 0}
        for line in self.lines():
            if line.status != "same":
                out[line.status] += 1
        return out

    @property
    def commits(self) -> tuple[CommitRef, ...]:
        """Every commit that made a change shown here, oldest first."""
        return tuple(sorted({c for line in self.lines() for c in line.commits}))


@dataclass(frozen=True)
class Redlines:
    """Every changed level of a range, in track and rank order."""

    ladder: str
    range: str
    base: Revision
    head: Revision
    levels: tuple[LevelRedline, ...]


@dataclass(frozen=True)
class RedlineResult:
    """What `redline` wrote: paths relative to `out`, the changed level keys, failed artifacts."""

    out: Path
    base: Revision
    head: Revision
    levels: tuple[str, ...]
    files: tuple[str, ...]
    failures: tuple[str, ...] = ()


def redline(
    repo: Repository, range_: str, *, formats: set[str], out: Path, root: str | None = None,
    templates: Path | None = None,
) -> RedlineResult:
    """Write `<out>/<track-key>/<level-slug>.redline.{html,pdf,docx}` for every level changed in
    `range_` (`A..B`, or `A..` for A against the working tree) and `<out>/index.html`.

    Everything is rendered in memory first; an artifact that fails to render is listed in
    `failures` and the rest are still written. Raises ShallowCloneError without full history."""
    redlines = collect(repo, range_, root=root)
    files, failures = render_all(redlines, formats=formats, templates=templates)
    write_files(out, files)
    return RedlineResult(out, redlines.base, redlines.head, tuple(sorted(lv.key for lv in redlines.levels)),
                         tuple(sorted(files)), tuple(failures))


def collect(repo: Repository, range_: str, *, root: str | None = None) -> Redlines:
    """The redlines of `range_` as data: each level with a visible change between A and B."""
    a_rev, b_rev = parse_range(range_)
    log = changelog(repo, range_, all=True, root=root)  # attribution; ShallowCloneError
    old, new = read_ladder(repo, a_rev, root), read_ladder(repo, b_rev, root)
    known: dict[Change, tuple[CommitRef, ...]] = {}
    pools: dict[str, set[CommitRef]] = defaultdict(set)
    for c in (c for s in log.sections for c in s.changes):
        known[replace(c, commits=())] = c.commits
        pools[c.level.key].update(c.commits)
    levels: list[LevelRedline] = []
    for a, b in pair_levels(old.levels, new.levels):
        one = b if b is not None else a
        assert one is not None
        track = (new if b is not None else old).track(one.track)
        lr = level_redline(a, b, known, tuple(sorted(pools[one.key])), track.name if track else one.track)
        if lr.status != "changed" or any(line.status != "same" for line in lr.lines()):
            levels.append(lr)
    taken = {lv.key for lv in levels if lv.status != "removed"}
    levels = [replace(lv, name=lv.name + "-removed") if lv.status == "removed" and lv.key in taken else lv
              for lv in levels]
    levels.sort(key=lambda lv: (lv.key.partition("/")[0], lv.rank, lv.name))
    return Redlines(new.name, range_, old.revision, new.revision, tuple(levels))


def write_files(out: Path, files: Mapping[str, bytes]) -> None:
    """Write `files` (relative paths, checked) under `out`, each replaced atomically."""
    for rel in sorted(files):
        target = out / check_relpath(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".redline-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(files[rel])
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


# ---- one level ------------------------------------------------------------------------------


def _empty(like: Level) -> Level:
    """A level with nothing in it: the missing side of an added or removed level."""
    return Level(like.key, like.slug, None, like.rank, "", "", (), (), like.source, like.track)


def make_line(a: Nodes | None, b: Nodes | None, commits: tuple[CommitRef, ...], *, kind: str = "item",
              group: str | None = None, note: str | None = None) -> Line:
    """A line from A's and B's inline nodes (None: absent on that side)."""
    a, b = a or (), b or ()
    if not a and b:
        status: Status = "added"
        pieces = whole("insert", b)
    elif a and not b:
        status, pieces = "removed", whole("delete", a)
    else:
        pieces = diff_nodes(a, b)
        status = "same" if all(p.op == "equal" for p in pieces) else "changed"
    return Line(status, pieces, commits if status != "same" else (), kind, group, note)


def level_redline(a: Level | None, b: Level | None, known: Mapping[Change, tuple[CommitRef, ...]],
                  pool: tuple[CommitRef, ...], track: str) -> LevelRedline:
    """The redline of one pair of levels (either may be None: added, removed).

    `known` maps each change of the range (commits stripped) to its commits; a change it does not
    hold (the items of an added level, say) gets `pool`, the commits that touched the level."""
    one = b if b is not None else a
    assert one is not None
    x, y = a if a is not None else _empty(one), b if b is not None else _empty(one)
    changes = diff_level(x, y)

    def who(change: Change | None) -> tuple[CommitRef, ...]:
        found = known.get(replace(change, commits=())) if change is not None else None
        return found or pool

    def first(*kinds: str) -> Change | None:
        return next((c for c in changes if c.kind in kinds), None)

    title = make_line(plain_nodes(x.label), plain_nodes(y.label), who(first("level.retitled", "level.formatting")))
    summary_change = who(first("summary.changed", "summary.formatting"))
    summary = tuple(make_line(markdown(p), markdown(q), summary_change)
                    for p, q in zip_longest(_paragraphs(x.summary), _paragraphs(y.summary)))
    status: Literal["changed", "added", "removed"] = "added" if a is None else "removed" if b is None else "changed"
    return LevelRedline(
        one.key, one.key, track, status, one.id, title,
        a.path if a is not None and b is not None and a.path != b.path else None, summary,
        _attributes(x, y, changes, who), _sections(x, y, changes, who),
        free_text([(bk.kind, block_text(bk)) for bk in x.notes], [(bk.kind, block_text(bk)) for bk in y.notes],
                  _doc_who(changes, who, None)),
        one.rank)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _attributes(x: Level, y: Level, changes: Sequence[Change], who: Who) -> tuple[Row, ...]:
    # Names are matched as the diff matches them: formatting and case aside.
    names_a = {fold(k).lower(): (k, v) for k, v in x.attributes}
    names_b = {fold(k).lower(): (k, v) for k, v in y.attributes}
    rows = []
    for name in dict.fromkeys([*names_b, *names_a]):
        before, after = names_a.get(name), names_b.get(name)
        change = next((c for c in changes if c.kind.startswith("attribute.")
                       and fold(c.attribute or "").lower() == name), None)
        shown = (after or before or ("", ""))[0]
        commits = who(change)
        # A name whose case or punctuation changed is the same attribute, as in the diff: B's name.
        label = make_line(plain_nodes(shown) if before else None, plain_nodes(shown) if after else None, commits)
        rows.append(Row(shown, label, make_line(markdown(before[1]) if before else None,
                                                markdown(after[1]) if after else None, commits)))
    return tuple(rows)


def _doc_who(changes: Sequence[Change], who: Who, dimension: str | None) -> Callable[[str | None, str | None],
                                                                                     tuple[CommitRef, ...]]:
    """Commits of a free-text edit: the `document.*` change with these texts, else one with either."""
    docs = [c for c in changes if c.kind.startswith("document.") and c.dimension == dimension]

    def find(before: str | None, after: str | None) -> tuple[CommitRef, ...]:
        exact = next((c for c in docs if (c.before, c.after) == (before, after)), None)
        loose = next((c for c in docs if (before is not None and c.before == before)
                      or (after is not None and c.after == after)), None)
        return who(exact or loose)

    return find


def free_text(a: Sequence[tuple[str, str]], b: Sequence[tuple[str, str]],
              find: Callable[[str | None, str | None], tuple[CommitRef, ...]]) -> tuple[Line, ...]:
    """Free-text blocks `(kind, text)` of both sides as lines: similar blocks as word diffs."""
    from difflib import SequenceMatcher

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


# ---- dimensions and their items ------------------------------------------------------------------


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


def _sections(x: Level, y: Level, changes: Sequence[Change], who: Who) -> tuple[Section, ...]:
    partner = _partners(x, y, changes)
    heads = {c.order[1]: c for c in changes if c.kind.startswith("dimension.")}
    comps = _items(x, y, partner, changes, "competency", who)
    examples = _items(x, y, partner, changes, "example", who)

    def section(da: Dimension | None, db: Dimension | None, key: tuple[str, int], change: Change | None) -> Section:
        one = db if db is not None else da
        assert one is not None
        name = one.name if db is None else db.name
        notes = free_text([("para", n.text) for n in da.notes] if da else [],
                          [("para", n.text) for n in db.notes] if db else [], _doc_who(changes, who, name))
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


def _items(x: Level, y: Level, partner: Mapping[int, int], changes: Sequence[Change], family: str,
           who: Who) -> dict[tuple[str, int], list[Line]]:
    """Lines per dimension (`("b", j)`, or `("a", i)` for a dimension that is gone): B's items in
    B's order, each item gone from A after the kept item it followed."""
    def items(d: Dimension) -> tuple[Item, ...]:
        return d.examples if family == "example" else d.competencies

    mine = [c for c in changes if c.kind.startswith(family + ".")]
    at_b = {(c.order[1], c.order[2]): c for c in mine if not c.kind.endswith(".removed")}
    claims: dict[tuple[int, int], tuple[str, Change | None, int]] = {}  # A item → (how, change, B pos)
    source: dict[int, Item] = {}  # id(change) → the A item it rewords

    def claim(dims: Sequence[int], text: str | None, how: str, change: Change | None, pos: int) -> None:
        for i in dims:
            for p, item in enumerate(items(x.dimensions[i])):
                if item.flat == text and (i, p) not in claims:
                    claims[(i, p)] = (how, change, pos)
                    if change is not None:
                        source[id(change)] = item
                    return

    for gone_change in (c for c in mine if c.kind.endswith(".removed")):
        n = gone_change.order[1] - 1000
        for i in (partner.get(n), n):  # a removed item sits under its dimension's B index, if any
            if i is not None and 0 <= i < len(x.dimensions) and x.dimensions[i].name == gone_change.dimension:
                claim([i], gone_change.before, "removed", gone_change, -1)
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


def _reorder(claims: dict[tuple[int, int], tuple[str, Change | None, int]], partner: Mapping[int, int]) -> set[
        tuple[int, int]]:
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
