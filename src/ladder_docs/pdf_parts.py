"""The parts of the PDF handbooks, each page typeset once, and their place in the build cache.

typst typesets, without footers, the levels of all tracks in LEVEL_DOCUMENTS documents of about
equal size (typst/track-levels.typ.j2; with many tracks the smallest goes first on its own so the
second typst thread starts sooner), and the ladder's documents and every track's introduction (its
name and overview) in another (typst/ladder-parts.typ.j2). Each part opens with a marker bookmark
where ladder_docs.pdf_layout cuts it out. Few documents: each costs fixed work (font subsets,
export), so 17 tracks typeset in 2 documents rather than 17 take a fifth less typst time.
Typeset documents are kept in the build cache with a record of where each track's levels are in
them, so a rebuild typesets only the tracks that changed. A levels document that fails is typeset
again track by track, so a failure fails only the handbooks holding its track, with its message.
ladder_docs.pdf_handbooks assembles the handbooks from these parts.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import render_typst
from .build_cache import BuildCache
from .build_plan import Job, tool_versions
from .context import Contexts
from .errors import LadderDocsError
from .handbook_links import artifact_path
from .model import Block, Track
from .pdf_assemble import Body, Done, Use
from .pdf_layout import layout_of, split
from .pdf_read import RawPdf
from .templating import templates_digest

LEVEL_DOCUMENTS = 2  # the levels are typeset in this many documents: one per typst thread
LEAD_AFTER = 6  # from this many tracks on, the smallest is typeset first on its own
Compile = Callable[[str], bytes]
Key = tuple[str, str | None]


@dataclass(frozen=True)
class Batch:
    """A document of parts to typeset: its markup, and each part's key and out-dir path."""

    key: Key
    base: str
    mark: str
    source: str
    parts: list[tuple[Key, str]]
    tracks: tuple[tuple[str, int], ...] = ()  # a levels document: each track's key and first part


class PdfParts:
    """Typesets the parts of the PDF handbooks of a build on `pool` (see the module docstring)."""

    def __init__(self, contexts: Contexts, templates: Path | None, timestamp: int,
                 cache: BuildCache, pool: Executor, compile_part: Compile, done: Done,
                 errors: tuple[type[BaseException], ...], compiled: Path | None = None) -> None:
        self.ctx, self.templates, self.timestamp = contexts, templates, timestamp
        self.compiled = compiled  # where compiled templates are kept for later builds
        self.cache, self.pool, self.compile_part, self.done, self.errors = cache, pool, compile_part, done, errors
        self.jobs: dict[Key, Job] = {}
        self.ladder, self.meta = contexts.ladder, contexts.meta
        self.bodies: dict[Key, Body] = {}
        self.views: dict[Key, Use] = {}  # where each part is: a level, documents, an introduction, a front
        self.futures: list[Future[None]] = []
        self.level_futures: list[Future[None]] = []  # the documents of levels, typeset or from the cache
        self.prefix = json.dumps([tool_versions(), timestamp]).encode()
        self.templates_digest = templates_digest(templates)
        self.batches: list[Batch] = []
        self.track_keys: dict[str, str] = {}  # a track's levels → their record in the cache
        self.lock = threading.Lock()  # a failed levels document is typeset again track by track on a typst thread

    def start(self) -> None:
        """Submit the documents of parts, biggest first: every level, the ladder's documents and each
        track's introduction (called before the build knows which handbooks its cache holds: parts it
        typeset before come from the cache, so starting typst first costs nothing).

        The levels of tracks typeset before (same content, templates and tools) are reused from the
        build cache; the others are typeset in LEVEL_DOCUMENTS documents of about equal size, one
        per typst thread (a document costs fixed work: fonts, export), the ladder's parts counted in.
        """
        # a first build (no record in the cache) starts typst without computing what it would look up
        first = not self.cache.holds("pdf-levels:")
        fresh = [t for t in self.ladder.tracks if t.levels and (first or not self._reuse(t))]
        extra = sum(_size(d.blocks) for d in self.ladder.documents) + sum(
            200 + sum(_size(d.blocks) for d in t.overview) for t in self.ladder.tracks)
        # With many tracks, the smallest goes first on its own: its markup is ready at once, so typst
        # starts while this thread renders the big documents.
        lead = [min(fresh, key=lambda t: (_weight(t), t.key))] if len(fresh) >= LEAD_AFTER else []
        rest = [t for t in fresh if t not in lead]
        groups = sorted((g for g in _balance(rest, LEVEL_DOCUMENTS, extra + sum(map(_weight, lead))) if g),
                        key=lambda g: -sum(_weight(t) for t in g))
        for group in [lead, *groups] if lead else groups:
            self._submit(self._levels(group))
        parts: list[tuple[Key, str]] = []
        items: list[dict[str, Any]] = []
        anchors: set[str] = set()
        if self.ladder.documents:
            documents = self.ctx.whole()["documents"]
            parts.append((("documents", None), "ladder.pdf"))
            items.append({"documents": documents})
            anchors |= {d["anchor"] for d in documents}
        for track in self.ladder.tracks:
            data = self.ctx.track_data(track)
            parts.append((("intro", track.key), "ladder.pdf"))
            items.append({"track": data})
            anchors |= {data["anchor"], *(d["anchor"] for d in data["overview"])}
        if parts:
            self._submit(self._batch(("ladder-parts", None), "ladder.pdf", "typst/ladder-parts.typ.j2",
                                     {"meta": self.meta, "parts": items}, anchors, parts))

    def _wait(self, some: list[Future[None]] | None = None) -> None:
        """Wait for `some` of the submitted documents, else for all."""
        if some is not None:
            for future in wait(some).done:
                future.result()  # tasks catch what a document can raise; anything else is a bug
            return
        while self.futures:
            futures, self.futures = self.futures, []
            for future in wait(futures).done:
                future.result()

    def _levels(self, tracks: list[Track]) -> Batch:
        """A document of the levels of `tracks`; its links are made from its first level's folder."""
        groups: list[dict[str, Any]] = []
        parts: list[tuple[Key, str]] = []
        anchors: set[str] = set()
        for track in tracks:
            levels = [self.ctx.level_data(lv) for lv in track.levels]
            groups.append({"track": self._head(track), "levels": levels, "first": len(parts)})
            parts += [(("level", lv.key), artifact_path("level", lv.key, "pdf")) for lv in track.levels]
            anchors |= {lv["anchor"] for lv in levels}
        return self._batch(("levels", ",".join(t.key for t in tracks)), parts[0][1], "typst/track-levels.typ.j2",
                           {"meta": self.meta, "groups": groups}, anchors, parts,
                           tuple((g["track"]["key"], g["first"]) for g in groups))

    def _head(self, track: Track) -> dict[str, Any]:
        head: dict[str, Any] = self.ctx.level(track.levels[0].key)["track"]
        return head

    def _batch(self, key: Key, base: str, template: str, context: dict[str, Any], anchors: set[str],
               parts: list[tuple[Key, str]], tracks: tuple[tuple[str, int], ...] = ()) -> Batch:
        """A document of parts, rendered (a failing template fails its parts)."""
        # The marker's digest: content cannot know the digest of the context that holds it.
        mark = f"ld-part:{self.ctx.fingerprint(context)[:16]}:"
        with self.lock:
            body = self.bodies[key] = Body(f"p{len(self.bodies)}", base)
            for k, (part, _path) in enumerate(parts):
                self.views[part] = Use(body, base, k)
        try:
            source = render_typst.render(self.templates, template, {**context, "mark": mark}, {"path": base},
                                         anchors, compiled=self.compiled)
        except self.errors as err:
            body.error, source = " ".join(str(err).split()), ""
        batch = Batch(key, base, mark, source, parts, tracks)
        with self.lock:
            self.batches.append(batch)
        return batch

    def _prepare(self, batch: Batch) -> Body | None:
        """The batch's body with its cache key (and its PDF when cached); None when it failed to render."""
        body = self.bodies[batch.key]
        if body.error is not None:
            return None
        body.cache_key = "pdf-part:" + hashlib.sha256(self.prefix + batch.source.encode()).hexdigest()
        entry = self.cache.lookup(body.cache_key)
        if entry is not None:
            body.pdf = self.cache.read(entry)
        return body

    def _submit(self, batch: Batch) -> None:
        body = self._prepare(batch)
        future = None
        if body is not None:
            future = self.pool.submit(self._make, body, batch)
        elif len(batch.tracks) > 1:
            future = self.pool.submit(self._apart, batch)
        if future is not None:
            self.futures.append(future)
            if batch.tracks:
                self.level_futures.append(future)

    def _make(self, body: Body, batch: Batch) -> None:
        try:
            if body.pdf is None:
                body.pdf = self.compile_part(batch.source)
            body.raw = RawPdf(body.pdf)
            body.layout = layout_of(body.raw)
            body.views = split(body.layout, [path for _, path in batch.parts], batch.mark, batch.base)
        except self.errors as err:
            body.error, body.pdf = " ".join(str(err).split()), None
            if len(batch.tracks) > 1:
                self._apart(batch)

    def _apart(self, batch: Batch) -> None:
        """Typeset each track of a failed levels document on its own: a failure stays its track's."""
        for key, _first in batch.tracks:
            track = self.ladder.track(key)
            assert track is not None
            part = self._levels([track])
            body = self._prepare(part)
            if body is not None:
                self._make(body, part)

    def _track_key(self, track: Track) -> str:
        """The cache key of the record of where `track`'s levels are typeset (content, templates, tools)."""
        key = self.track_keys.get(track.key)
        if key is None:
            data = {"meta": self.meta, "track": self._head(track),
                    "levels": [self.ctx.level_data(lv) for lv in track.levels]}
            key = self.track_keys[track.key] = "pdf-levels:" + hashlib.sha256(
                self.prefix + self.templates_digest.encode() + self.ctx.fingerprint(data).encode()).hexdigest()
        return key

    def _reuse(self, track: Track) -> bool:
        """Use the levels of `track` typeset by an earlier build, when its record and PDF are cached."""
        entry = self.cache.lookup(self._track_key(track))
        if entry is None:
            return False
        try:
            record = json.loads(self.cache.read(entry))
            names, first = list(record["names"]), int(record["first"])
            paths = [artifact_path("level", lv.key, "pdf") for lv in track.levels]
            found = self.cache.lookup(str(record["body"]))
            if found is None or names[first:first + len(paths)] != paths:
                return False
            body = self.bodies.get(("cached", found.sha256))
            if body is None:
                body = self.bodies[("cached", found.sha256)] = Body(f"p{len(self.bodies)}", str(record["base"]))
                body.pdf, body.cache_key = self.cache.read(found), str(record["body"])
                batch = Batch(("cached", found.sha256), body.base, str(record["mark"]), "",
                               [(("cached", p), p) for p in names])
                future = self.pool.submit(self._make, body, batch)
                self.futures.append(future)
                self.level_futures.append(future)
        except (LadderDocsError, ValueError, KeyError, TypeError):
            return False  # an unreadable record only costs typesetting the track again
        for k, lv in enumerate(track.levels):
            self.views[("level", lv.key)] = Use(body, body.base, first + k)
        return True

    def _remember(self) -> None:
        """Cache what this build typeset: each part document, and where each track's levels are in it."""
        for body in self.bodies.values():
            if body.pdf is not None and body.cache_key and self.cache.lookup(body.cache_key) is None:
                self.cache.store(body.cache_key, body.pdf)
        for batch in self.batches:
            body = self.bodies[batch.key]
            if not batch.tracks or body.pdf is None or body.error is not None:
                continue
            names = [path for _, path in batch.parts]
            for key, first in batch.tracks:
                record = {"body": body.cache_key, "base": batch.base, "mark": batch.mark, "names": names,
                          "first": first}
                track = self.ladder.track(key)
                assert track is not None
                self.cache.store(self._track_key(track), json.dumps(record, sort_keys=True).encode())

    def _typeset(self, batch: Batch | None) -> None:
        """Typeset `batch` on this thread (or take it from the cache)."""
        body = self._prepare(batch) if batch is not None else None
        if body is not None and batch is not None:
            self._make(body, batch)


def _balance(tracks: list[Track], count: int, extra: int) -> list[list[Track]]:
    """`tracks` in `count` groups of about equal text (largest first into the lightest group; the
    first group also carries `extra`, the ladder's parts typeset on the same thread); ladder order."""
    bins: list[list[Track]] = [[] for _ in range(count)]
    weights = [extra] + [0] * (count - 1)
    for track in sorted(tracks, key=lambda t: (-_weight(t), t.key)):
        lightest = weights.index(min(weights))
        bins[lightest].append(track)
        weights[lightest] += _weight(track)
    order = {t.key: i for i, t in enumerate(tracks)}
    return [sorted(b, key=lambda t: order[t.key]) for b in bins]


def _weight(track: Track) -> int:
    """About how much text a track's levels hold (the title block and headings count 300 a level)."""
    return sum(300 + len(lv.summary) + sum(len(v) for _, v in lv.attributes)
               + sum(len(i.text) for d in lv.dimensions for i in (*d.competencies, *d.examples, *d.notes))
               for lv in track.levels)


def _size(blocks: tuple[Block, ...]) -> int:
    return sum(len(b.text) + sum(len(c) for row in b.rows for c in row) for b in blocks)
