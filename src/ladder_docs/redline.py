"""Redlines: every level changed between two revisions, whole, with its changes marked.

`redline(repo, "A..B", formats=…, out=…)` reads both states (reader.read_ladder), pairs their
levels (diff.pair_levels) and diffs each pair (diff.diff_level). The changes are then laid over
the whole level: its title, summary paragraphs, attributes, dimension headings, competencies,
examples and notes each become a `Line` of inline pieces (equal, inserted, deleted), so a reader
sees the level as it now reads with what changed marked in place. Each changed line carries the
commits that made it, from the changelog of the same range (changelog.changelog).

Accepting every change gives B's text of the level, rejecting every change gives A's. Lines and
word diffs: redline_pieces.py; dimensions and items: redline_items.py; rendering: redline_render.py.
"""

from __future__ import annotations

import os
import tempfile
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import zip_longest
from pathlib import Path
from typing import Literal

from .changelog import changelog, parse_range
from .changeset import Change, CommitRef
from .diff import diff_level, pair_levels
from .diffitems import block_text
from .diffmatch import fold
from .errors import UsageError
from .model import Level, Revision
from .publish import check_relpath
from .reader import read_ladder
from .redline_items import Section, Who, doc_who, free_text, sections
from .redline_pieces import Line, make_line, markdown, plain_nodes
from .redline_render import FORMATS, render_all
from .source import Repository


@dataclass(frozen=True)
class Row:
    """An attribute: its name, the name as a line (added or removed with the value) and its value."""

    name: str
    label: Line
    value: Line


@dataclass(frozen=True)
class LevelRedline:
    """One level from A to B (B's key; A's for a removed level). Its files are named after `name`:
    the key, or `<key>-removed` for a removed level whose key a level of B now has."""

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
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown or not formats:
        raise UsageError(f"redline formats: unknown {', '.join(unknown) or '(none given)'}; use html, pdf, docx")
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
    taken = {lv.key for lv in new.levels}
    levels = [replace(lv, name=lv.name + "-removed") if lv.status == "removed" and lv.key in taken else lv
              for lv in levels]
    levels.sort(key=lambda lv: (lv.key.partition("/")[0], lv.rank, lv.name))
    return Redlines(new.name, range_, old.revision, new.revision, tuple(levels))


def write_files(out: Path, files: Mapping[str, bytes]) -> None:
    """Write `files` (relative paths, checked) under `out`, each replaced atomically; redlines
    left there by an earlier run (`<track>/<level>.redline.<fmt>`) that this run did not make go."""
    checked = {check_relpath(rel) for rel in files}
    for old in sorted(out.glob("*/*.redline.*")) if out.is_dir() else ():
        rel = old.relative_to(out).as_posix()
        if rel not in checked and old.suffix.lstrip(".") in FORMATS and old.is_file() and not old.is_symlink():
            old.unlink()
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


def _empty(like: Level) -> Level:
    """A level with nothing in it: the missing side of an added or removed level."""
    return Level(like.key, like.slug, None, like.rank, "", "", (), (), like.source, like.track)



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
        _attributes(x, y, changes, who), sections(x, y, changes, who),
        free_text([(bk.kind, block_text(bk)) for bk in x.notes], [(bk.kind, block_text(bk)) for bk in y.notes],
                  doc_who(changes, who, None)),
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

