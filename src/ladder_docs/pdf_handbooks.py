"""The PDF handbooks of a build, every page typeset once.

typst typesets, without footers, each track's levels in one document (typst/track-levels.typ.j2),
the ladder's documents and every track's introduction (its name and overview) in another
(typst/ladder-parts.typ.j2), and, once those are typeset, the first page of every track and
ladder handbook, title block and contents with page numbers (typst/fronts.typ.j2). Each part
opens with a marker bookmark where ladder_docs.pdf_layout cuts it out. Every handbook is then
assembled from those pages (ladder_docs.pdf_assemble: a plan, one typst "footer kit" for the
footers of many handbooks, the pages copied). A level's pages appear in its level, track and
ladder handbooks but are typeset once; typesetting parts together rather than one document each
saves a fifth of the typesetting (fonts, pictures and start-up once per document).

Order: the documents biggest first on the typst threads; then the fronts, while this thread
assembles the level handbooks; then the track and ladder handbooks. (Assembling each track on a
typst thread as soon as its parts were typeset was measured slower: Python on those threads
contends with this one for the GIL, and a footer kit per track costs more start-up than it saves.)
Typeset documents are kept in the build cache, so a rebuild typesets only what changed. A part
that fails fails every handbook it belongs to, with its message.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from concurrent.futures import Executor, Future, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import render_typst
from .build_cache import BuildCache
from .build_plan import Job, tool_versions
from .context import Contexts
from .handbook_links import artifact_path
from .pdf_assemble import Body, Doc, Done, Use, assemble
from .pdf_layout import layout_of, split
from .pdf_read import RawPdf

# Templates that make a whole handbook (the older way): a user copy of one means the user shapes
# whole handbooks, so every PDF is compiled apart from its own template (build._pdf).
WHOLE_TEMPLATES = ("typst/level.typ.j2", "typst/track.typ.j2", "typst/ladder.typ.j2")
Compile = Callable[[str], bytes]
Key = tuple[str, str | None]


@dataclass(frozen=True)
class _Batch:
    """A document of parts to typeset: its markup, and each part's key and out-dir path."""

    key: Key
    base: str
    mark: str
    source: str
    parts: list[tuple[Key, str]]


@dataclass(frozen=True)
class _Front:
    """A track or ladder handbook waiting for its front: what the front shows, the rest of it."""

    job: Job
    path: str
    title: str
    label: str
    item: dict[str, Any]
    uses: list[Use]
    targets: dict[str, int]


def assembled(templates: Path | None) -> bool:
    """Whether handbooks are assembled from shared pages (no user copy of a whole-handbook template)."""
    return templates is None or not any((templates / name).is_file() for name in WHOLE_TEMPLATES)


class PdfHandbooks:
    """Renders the PDF `jobs` of a build on `pool`; `done` receives each job's bytes or error."""

    def __init__(self, contexts: Contexts, jobs: list[Job], templates: Path | None, timestamp: int,
                 cache: BuildCache, pool: Executor, compile_part: Compile, done: Done,
                 errors: tuple[type[BaseException], ...]) -> None:
        self.ctx, self.templates, self.timestamp = contexts, templates, timestamp
        self.cache, self.pool, self.compile_part, self.done, self.errors = cache, pool, compile_part, done, errors
        self.jobs = {(j.kind, j.key): j for j in jobs}
        self.ladder, self.meta = contexts.ladder, contexts.meta
        self.bodies: dict[Key, Body] = {}
        self.views: dict[Key, Use] = {}  # where each part is: a level, documents, an introduction, a front
        self.futures: list[Future[None]] = []
        self.prefix = json.dumps([tool_versions(), timestamp]).encode()

    def start(self) -> None:
        """Submit the documents of parts some handbook needs, biggest first."""
        whole = ("ladder", None) in self.jobs
        batches: list[_Batch] = []
        for track in self.ladder.tracks:
            wanted = whole or ("track", track.key) in self.jobs or any(
                ("level", lv.key) in self.jobs for lv in track.levels)
            if track.levels and wanted:
                context = {**self.ctx.level(track.levels[0].key),
                           "levels": [self.ctx.level_data(lv) for lv in track.levels]}
                levels: list[tuple[Key, str]] = [(("level", lv.key), artifact_path("level", lv.key, "pdf"))
                                                 for lv in track.levels]
                batches.append(self._batch(("levels", track.key), levels[0][1], "typst/track-levels.typ.j2",
                                           context, {lv["anchor"] for lv in context["levels"]}, levels))
        parts: list[tuple[Key, str]] = []
        items: list[dict[str, Any]] = []
        anchors: set[str] = set()
        if whole and self.ladder.documents:
            documents = self.ctx.whole()["documents"]
            parts.append((("documents", None), "ladder.pdf"))
            items.append({"documents": documents})
            anchors |= {d["anchor"] for d in documents}
        for track in self.ladder.tracks:
            if whole or (("track", track.key) in self.jobs and track.overview):
                data = self.ctx.track_data(track)
                parts.append((("intro", track.key), "ladder.pdf"))
                items.append({"track": data})
                anchors |= {data["anchor"], *(d["anchor"] for d in data["overview"])}
        if parts:
            batches.append(self._batch(("ladder-parts", None), "ladder.pdf", "typst/ladder-parts.typ.j2",
                                       {"meta": self.meta, "parts": items}, anchors, parts))
        for batch in sorted(batches, key=lambda b: -len(b.source)):
            self._submit(batch)

    def finish(self) -> None:
        """Typeset the fronts while assembling the level handbooks, then the rest; cache the parts."""
        self._wait()
        levels = [(job, self._level(str(job.key))) for (kind, _), job in self.jobs.items() if kind == "level"]
        waiting = [self._track(t.key) for t in self.ladder.tracks if ("track", t.key) in self.jobs]
        if ("ladder", None) in self.jobs:
            waiting.append(self._whole())
        fronts = self._fronts(waiting)
        assemble(levels, self.timestamp, self.done, self.errors)
        self._wait()
        assemble([(w.job, self._doc(w.path, w.title, w.label, [front, *w.uses], w.targets))
                  for w, front in zip(waiting, fronts, strict=True)], self.timestamp, self.done, self.errors)
        for body in self.bodies.values():
            if body.pdf is not None and body.cache_key and self.cache.lookup(body.cache_key) is None:
                self.cache.store(body.cache_key, body.pdf)

    def _wait(self) -> None:
        while self.futures:
            futures, self.futures = self.futures, []
            for future in wait(futures).done:
                future.result()  # tasks catch what a document can raise; anything else is a bug

    def _batch(self, key: Key, base: str, template: str, context: dict[str, Any], anchors: set[str],
               parts: list[tuple[Key, str]]) -> _Batch:
        """A document of parts, rendered (a failing template fails its parts)."""
        # The marker's digest: content cannot know the digest of the context that holds it.
        mark = f"ld-part:{self.ctx.fingerprint(context)[:16]}:"
        body = self.bodies[key] = Body(f"p{len(self.bodies)}", base)
        for k, (part, part_base) in enumerate(parts):
            self.views[part] = Use(body, part_base, k)
        try:
            source = render_typst.render(self.templates, template, {**context, "mark": mark}, {"path": base},
                                         anchors)
        except self.errors as err:
            body.error, source = " ".join(str(err).split()), ""
        return _Batch(key, base, mark, source, parts)

    def _submit(self, batch: _Batch) -> None:
        body = self.bodies[batch.key]
        if body.error is not None:
            return
        body.cache_key = "pdf-part:" + hashlib.sha256(self.prefix + batch.source.encode()).hexdigest()
        entry = self.cache.lookup(body.cache_key)
        if entry is not None:
            body.pdf = self.cache.read(entry)
        self.futures.append(self.pool.submit(self._make, body, batch))

    def _make(self, body: Body, batch: _Batch) -> None:
        try:
            if body.pdf is None:
                body.pdf = self.compile_part(batch.source)
            body.raw = RawPdf(body.pdf)
            body.layout = layout_of(body.raw)
            body.views = split(body.layout, [path for _, path in batch.parts], batch.mark)
        except self.errors as err:
            body.error = " ".join(str(err).split())

    def _use(self, key: Key, depth: int = 1, title: str | None = None, shift: int = 0) -> Use:
        view = self.views[key]
        return Use(view.body, view.base, view.view, depth, title, shift)

    def _level(self, key: str) -> Doc:
        ctx = self.ctx.level(key)
        lv, path, track = ctx["level"], artifact_path("level", key, "pdf"), ctx["track"]
        return self._doc(path, f"{lv['label']} · {track['name']} · {self.meta['ladder']}", lv["label"],
                         [self._use(("level", key))], {path: 0})

    def _track(self, key: str) -> _Front:
        """A track handbook: its front, its introduction (when it has overview documents), its levels."""
        track = self.ladder.track(key)
        assert track is not None
        path = artifact_path("track", key, "pdf")
        uses: list[Use] = []
        if track.overview:  # the ladder's introduction, track heading included, its bookmarks one up
            uses.append(self._use(("intro", key), shift=-1))
        targets = {path: 0}
        for lv in track.levels:
            targets[artifact_path("level", lv.key, "pdf")] = len(uses) + 1
            uses.append(self._use(("level", lv.key), 1, self.ctx.level_data(lv)["label"], 1))
        return _Front(self.jobs[("track", key)], path, f"{track.name} handbook · {self.meta['ladder']}",
                      f"{track.name} handbook", {"track": {"key": key, "name": track.name}, "tracks": 0},
                      uses, targets)

    def _whole(self) -> _Front:
        """The ladder handbook: its front, its documents, then each track's introduction and levels."""
        uses: list[Use] = []
        targets = {"ladder.pdf": 0}
        if ("documents", None) in self.views:
            uses.append(self._use(("documents", None)))
        for track in self.ladder.tracks:
            targets[artifact_path("track", track.key, "pdf")] = len(uses) + 1
            uses.append(self._use(("intro", track.key)))
            for lv in track.levels:
                targets[artifact_path("level", lv.key, "pdf")] = len(uses) + 1
                uses.append(self._use(("level", lv.key), 2, self.ctx.level_data(lv)["label"], 2))
        ladder = self.meta["ladder"]
        return _Front(self.jobs[("ladder", None)], "ladder.pdf", f"{ladder} · complete handbook", ladder,
                      {"track": None, "tracks": len(self.ladder.tracks)}, uses, targets)

    def _fronts(self, waiting: list[_Front]) -> list[Use]:
        """Submit every front (title block, contents numbered with the parts' pages) as one document;
        a handbook one of whose parts failed gets that failure as its front."""
        items: list[dict[str, Any]] = []
        parts: list[tuple[Key, str]] = []
        failures: dict[int, str] = {}
        for i, w in enumerate(waiting):
            failed = next((u.body.error for u in w.uses if u.body.error is not None), None)
            if failed is not None:
                failures[i] = failed
                continue
            contents: list[dict[str, Any]] = []
            after = 1
            for use in w.uses:
                if use.title is not None and use.depth <= 2:
                    contents.append({"depth": use.depth, "title": use.title, "after": after})
                contents += [{"depth": b.depth + use.shift, "title": b.title, "after": after + b.page}
                             for b in use.layout.bookmarks if 1 <= b.depth + use.shift <= 2]
                after += len(use.layout.pages)
            items.append({**w.item, "contents": contents})
            parts.append((("front", w.path), w.path))
        if parts:
            self._submit(self._batch(("fronts", None), "ladder.pdf", "typst/fronts.typ.j2",
                                     {"meta": self.meta, "fronts": items}, set(), parts))
        return [Use(Body(f"f{i}", w.path, error=failures[i]), w.path, 0) if i in failures
                else self.views[("front", w.path)] for i, w in enumerate(waiting)]

    def _doc(self, path: str, title: str, label: str, uses: list[Use], targets: dict[str, int]) -> Doc:
        footer = f"{label} · Version {self.meta['version']} · Commit {self.meta['short']} · {self.meta['date_long']}"
        return Doc(path, title, footer, uses, targets)
