"""The one template context of level, track and ladder handbooks (see templates/README.md).

Plain JSON data (dicts, lists, strings, numbers), so `ladder-docs context LEVEL` can dump it, the
build can hash it for its cache, and every template (HTML, typst, the DOCX builder) reads the same
facts. Item text is parsed here, once, into safe inline nodes (ladder_docs.inline) whose relative
links already point at handbooks; broken or unsafe links become diagnostics in `problems`.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

import orjson

from . import inline
from .context_blocks import blocks_data
from .errors import UsageError
from .handbook_links import Targets, level_anchor, slug_anchor, track_anchor
from .level_changes import LevelChanges, Placed, compare
from .model import Block, Diagnostic, Document, Item, Ladder, Level, Track
from .worddiff import word_diff

SCHEMA = 1
Data = dict[str, Any]
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def meta(ladder: Ladder) -> Data:
    """Title-block and footer facts: ladder name, version, commit and its date (never the clock)."""
    rev = ladder.revision
    version = rev.version or (rev.tag or rev.short) + ("+uncommitted" if rev.dirty else "")
    when = datetime.fromisoformat(rev.date)
    return {
        "ladder": ladder.name, "version": version, "commit": rev.sha, "short": rev.short,
        "tag": rev.tag, "dirty": rev.dirty, "datetime": rev.date, "date": when.date().isoformat(),
        "date_long": f"{when.day} {_MONTHS[when.month - 1]} {when.year}",
    }


class Contexts:
    """Builds contexts for one ladder; level data is parsed once and shared by all handbooks."""

    def __init__(self, ladder: Ladder) -> None:
        self.ladder = ladder
        self.meta = meta(ladder)
        self.targets = Targets(ladder)
        self._problems: set[Diagnostic] = set()
        self._levels: dict[str, Data] = {}
        self._level_ids: dict[int, str] = {}  # id of a level's data → its key
        self._digests: dict[str, str] = {}
        # Parts of contexts that hold no level data (meta, documents): fingerprint need not look
        # inside them. Kept here so their ids stay theirs while this object lives.
        self._opaque: dict[int, Data] = {id(self.meta): self.meta}
        # By key, the first of a key winning as in Ladder.track and Ladder.level.
        self._tracks = {t.key: t for t in reversed(ladder.tracks)}
        self._heads: dict[str, Data] = {}  # a track's head in its level contexts
        self._items_seen: dict[int, tuple[Item, str, Data]] = {}  # id of an item → its data
        self._track_data: dict[str, tuple[Track, Data]] = {}
        self._documents: dict[tuple[str, str | None], tuple[Document, Track | None, Data]] = {}
        self._by_key = {lv.key: lv for lv in reversed(ladder.levels)}

    @property
    def problems(self) -> list[Diagnostic]:
        """Broken and unsafe links found so far, sorted."""
        return sorted(self._problems)

    def level(self, key: str) -> Data:
        """The context of one level's handbook."""
        lv = self._find(key)
        head = self._heads.get(lv.track)
        if head is None:
            track = self._tracks[lv.track]
            head = self._heads[lv.track] = self._plain(
                {**self._track_head(track), "levels": [_head(x) for x in track.levels]})
        return {"schema": SCHEMA, "kind": "level", "meta": self.meta, "track": head,
                "level": self.level_data(lv)}

    def track(self, key: str) -> Data:
        """The context of a track's handbook: its overview, then every level in rank order."""
        track = self._tracks.get(key)
        if track is None:
            raise UsageError(f"unknown track {key!r}")
        return {"schema": SCHEMA, "kind": "track", "meta": self.meta,
                "track": self.track_data(track)}

    def whole(self) -> Data:
        """The context of the whole-ladder handbook."""
        return {
            "schema": SCHEMA, "kind": "ladder", "meta": self.meta,
            # The README introduces the ladder: it comes first.
            "documents": [self._document(d, None) for d in sorted(
                self.ladder.documents, key=lambda d: (not d.path.lower().endswith("readme.md"), d.path))],
            "tracks": [self.track_data(t) for t in self.ladder.tracks],
        }

    def index(self) -> Data:
        """The context of the site's front page: tracks and their levels, no content."""
        return {
            "schema": SCHEMA, "kind": "index", "meta": self.meta,
            "tracks": [self._plain({**self._track_head(t), "levels": [_head(lv) for lv in t.levels]})
                       for t in self.ladder.tracks],
        }

    def fingerprint(self, context: Data) -> str:
        """sha256 of a context, as a hash tree: each level's data is serialised once per build.

        Track and ladder contexts embed the same level data as the level pages; hashing it once
        and standing the digest in for it keeps a no-change rebuild cheap.
        """
        digests, opaque = self._level_ids, self._opaque

        def shrink(obj: Any) -> Any:
            if isinstance(obj, dict):
                key = digests.get(id(obj))
                if key is not None:
                    return {"@level": self._level_digest(key)}
                if id(obj) in opaque:
                    return obj
                return {k: shrink(v) for k, v in obj.items()}
            if isinstance(obj, list):
                return [shrink(v) for v in obj]
            return obj

        return _sha256(shrink(context))

    def _level_digest(self, key: str) -> str:
        digest = self._digests.get(key)
        if digest is None:
            digest = self._digests[key] = _sha256(self._levels[key])
        return digest

    def _find(self, key: str) -> Level:
        prefix = self.ladder.root + "/" if self.ladder.root else ""
        lv = self._by_key.get(key) or next(
            (x for x in self.ladder.levels if key in (x.path, x.path.removeprefix(prefix))), None)
        if lv is None:
            raise UsageError(f"unknown level {key!r}")
        return lv

    def _track_head(self, track: Track) -> Data:
        return {"key": track.key, "name": track.name, "path": track.path,
                "anchor": track_anchor(track.key)}

    def track_data(self, track: Track) -> Data:
        """A track with its overview documents and full level data (memoized, like level data)."""
        known = self._track_data.get(track.key)
        if known is not None and known[0] is track:
            return known[1]
        data = {**self._track_head(track),
                "overview": [self._document(d, track) for d in track.overview],
                "levels": [self.level_data(lv) for lv in track.levels]}
        self._track_data[track.key] = (track, data)
        return data

    def level_data(self, lv: Level) -> Data:
        """Everything about one level, including what changes from the previous one (memoized)."""
        if lv.key in self._levels:
            return self._levels[lv.key]
        track = self._tracks[lv.track]
        prev = track.previous(lv)
        i = track.levels.index(lv)
        nxt = track.levels[i + 1] if i + 1 < len(track.levels) else None
        anchor = level_anchor(lv.key)
        data: Data = {
            "key": lv.key, "slug": lv.slug, "anchor": anchor, "id": lv.id, "title": lv.title,
            "label": lv.label, "rank": i + 1, "pointer": lv.is_pointer,
            "summary": [self._inlines(para, lv.path, lv.line) for para in _paragraphs(lv.summary)],
            "summary_text": lv.summary,
            "attributes": [{"name": n, "text": v, "value": self._inlines(v, lv.path, lv.line)}
                           for n, v in lv.attributes],
            "dimensions": self._dimensions(lv, anchor),
            "notes": self._blocks(lv.notes, lv.path),
            "source": {"path": lv.path, "blob": lv.source.blob, "line": lv.line},
            "previous": _head(prev), "next": _head(nxt),
            "changes": self._changes(prev, lv) if prev is not None else None,
        }
        self._levels[lv.key] = data
        self._level_ids[id(data)] = lv.key
        return data

    def _dimensions(self, lv: Level, anchor: str) -> list[Data]:
        out: list[Data] = []
        seen: set[str] = set()
        for d in lv.dimensions:
            competencies = self._items(d.competencies, lv.path)
            examples = self._items(d.examples, lv.path)
            out.append({
                "name": d.name, "emoji": d.emoji, "anchor": f"{anchor}-{slug_anchor(d.name, seen)}",
                "competencies": competencies, "examples": examples,
                "notes": self._items(d.notes, lv.path),
                "competency_groups": _groups(competencies), "example_groups": _groups(examples),
            })
        return out

    def _items(self, items: tuple[Item, ...], path: str) -> list[Data]:
        return [self._item(it, path) for it in items]

    def _item(self, it: Item, path: str) -> Data:
        data = {"text": it.text, "group": it.group, "line": it.line,
                "inlines": self._inlines(it.text, path, it.line)}
        self._items_seen[id(it)] = (it, path, data)
        return data

    def _inlines(self, text: str, path: str, line: int) -> list[inline.Node]:
        nodes = inline.parse_unlinked(text)
        if nodes is not None:  # most text: no link, so no resolver or reporter to make
            return nodes

        def report(code: str, message: str) -> None:
            self._problems.add(Diagnostic(path, line, "warning", code, message))

        return inline.parse(text, self.targets.resolver(path), report)

    def _changes(self, prev: Level, lv: Level) -> Data:
        head = _head(prev)
        if prev.is_pointer or lv.is_pointer:
            return {"previous": head, "comparable": False, "sections": [],
                    "counts": {"new": 0, "evolved": 0, "dropped": 0, "unchanged": 0}}
        ch: LevelChanges = compare(prev, lv)
        emoji = {d.name: d.emoji for d in (*prev.dimensions, *lv.dimensions)}
        order = list(dict.fromkeys(d.name for d in (*lv.dimensions, *prev.dimensions)))
        sections: dict[str, Data] = {n: {"dimension": n, "emoji": emoji.get(n, ""), "new": [],
                                         "evolved": [], "dropped": []} for n in order}
        for p in ch.new:
            sections[p.dimension]["new"].append(self._placed(p, lv))
        for e in ch.evolved:
            before = inline.plain(self._inlines(e.before.item.text, prev.path, e.before.item.line))
            after = inline.plain(self._inlines(e.after.item.text, lv.path, e.after.item.line))
            sections[e.after.dimension]["evolved"].append({
                "before": self._placed(e.before, prev), "after": self._placed(e.after, lv),
                "moved_from": _moved(e.before.dimension, e.after.dimension),
                "similarity": e.score,
                "diff": [{"op": op, "text": text} for op, text in word_diff(before, after)],
            })
        for p in ch.dropped:
            sections[p.dimension]["dropped"].append(self._placed(p, prev))
        return {
            "previous": head, "comparable": True,
            "sections": [s for s in sections.values() if s["new"] or s["evolved"] or s["dropped"]],
            "counts": {"new": len(ch.new), "evolved": len(ch.evolved), "dropped": len(ch.dropped),
                       "unchanged": len(ch.unchanged)},
        }

    def _placed(self, p: Placed, lv: Level) -> Data:
        # The item as its level's dimensions hold it, when that level's data is made already.
        seen = self._items_seen.get(id(p.item))
        if seen is not None and seen[0] is p.item and seen[1] == lv.path:
            return {"dimension": p.dimension, **seen[2]}
        return {"dimension": p.dimension, **self._item(p.item, lv.path)}

    def _document(self, doc: Document, track: Track | None) -> Data:
        """A document's data, made once: the ladder, track and PDF contexts share it."""
        key = (doc.path, track.key if track else None)
        known = self._documents.get(key)
        if known is not None and known[0] is doc and known[1] is track:
            return known[2]
        data = self._document_data(doc, track)
        self._documents[key] = (doc, track, data)
        return self._plain(data)

    def _document_data(self, doc: Document, track: Track | None) -> Data:
        blocks = list(doc.blocks)
        if blocks and blocks[0].kind == "heading" and blocks[0].text.strip() == doc.title.strip():
            blocks = blocks[1:]  # the title is shown once, as the section heading
        # A README titled like its track (or ladder) would repeat the heading just above it.
        owner = track.name if track else self.ladder.name
        title = doc.title
        if title.strip().casefold() == owner.strip().casefold():
            title = "Overview" if track else "Introduction"
        return {"key": doc.key, "title": title, "anchor": self.targets.document_anchor(doc),
                "track": track.key if track else None,
                "source": {"path": doc.path, "blob": doc.source.blob},
                "blocks": self._blocks(tuple(blocks), doc.path)}

    def _plain(self, data: Data) -> Data:
        """`data`, noted as holding no level data: fingerprint serialises it as it is."""
        self._opaque[id(data)] = data
        return data

    def _blocks(self, blocks: tuple[Block, ...], path: str) -> list[Data]:
        return blocks_data(blocks, lambda text, line: self._inlines(text, path, line))


def _head(lv: Level | None) -> Data | None:
    if lv is None:
        return None
    return {"key": lv.key, "id": lv.id, "title": lv.title, "label": lv.label,
            "anchor": level_anchor(lv.key)}


def _sha256(obj: Any) -> str:
    # orjson writes the bytes json.dumps(obj, ensure_ascii=False, separators=(",", ":")) would
    # (checked on every context of the corpus), ten times faster.
    return hashlib.sha256(orjson.dumps(obj)).hexdigest()


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _moved(before: str, after: str) -> str | None:
    return before if before != after else None


def _groups(items: list[Data]) -> list[Data]:
    """Consecutive items of one group, for templates that show group headings."""
    out: list[Data] = []
    for it in items:
        if not out or out[-1]["name"] != it["group"]:
            out.append({"name": it["group"], "entries": []})
        out[-1]["entries"].append(it)
    return out


def level_context(ladder: Ladder, level_key: str) -> Data:
    """The template context of one level's handbook (`ladder-docs context LEVEL`); key or path."""
    return Contexts(ladder).level(level_key)
