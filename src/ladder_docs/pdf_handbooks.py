"""The PDF handbooks of a build, every page typeset once.

typst typesets, without footers, each track's levels together (typst/track-levels.typ.j2), each
track's introduction (typst/ladder-track.typ.j2: its name and overview), the ladder's own
documents (typst/ladder-documents.typ.j2), and the first page of each track and ladder handbook
(title block and contents: typst/track-front.typ.j2, typst/ladder-front.typ.j2). Every handbook
is assembled from those pages (ladder_docs.pdf_assemble: a plan, one typst "footer kit" for the
footers of many handbooks, the pages copied). A level's pages appear in its level, track and
ladder handbooks but are typeset once; one document per track rather than per level saves a fifth
of the typesetting (fonts, pictures and start-up once per document).

Order: the parts on the typst threads; then the fronts (their contents list the parts' page
numbers) while this thread assembles the level handbooks; then the track and ladder handbooks.
(Assembling each track on a typst thread as soon as its parts were typeset was measured slower:
Python on those threads contends with this one for the GIL, and a footer kit per track costs
more start-up than it saves.)
Typeset parts are kept in the build cache, so a rebuild typesets only the tracks that changed.
A part that fails fails every handbook it belongs to, with its message.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from concurrent.futures import Executor, Future, wait
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
        self.bodies: dict[tuple[str, str | None], Body] = {}
        self.futures: list[Future[None]] = []
        self.prefix = json.dumps([tool_versions(), timestamp]).encode()

    def start(self) -> None:
        """Submit the parts some handbook needs, biggest first: track levels, introductions, documents."""
        whole = ("ladder", None) in self.jobs
        tracks = sorted(self.ladder.tracks, key=lambda t: -len(t.levels))
        for track in tracks:
            in_track = ("track", track.key) in self.jobs
            if track.levels and (whole or in_track or any(("level", lv.key) in self.jobs for lv in track.levels)):
                first = self.ctx.level(track.levels[0].key)
                context = {**first, "levels": [self.ctx.level_data(lv) for lv in track.levels]}
                context["mark"] = f"ld-part:{self.ctx.fingerprint(context)[:16]}:"
                anchors = {lv["anchor"] for lv in context["levels"]}
                self._submit(("levels", track.key), artifact_path("level", track.levels[0].key, "pdf"),
                             "typst/track-levels.typ.j2", context, anchors)
        for track in tracks:
            if whole or (("track", track.key) in self.jobs and track.overview):
                context = self.ctx.track(track.key)
                anchors = {context["track"]["anchor"], *(d["anchor"] for d in context["track"]["overview"])}
                self._submit(("intro", track.key), "ladder.pdf", "typst/ladder-track.typ.j2", context, anchors)
        if whole and self.ladder.documents:
            context = self.ctx.whole()
            self._submit(("documents", None), "ladder.pdf", "typst/ladder-documents.typ.j2", context,
                         {d["anchor"] for d in context["documents"]})

    def finish(self) -> None:
        """Typeset the fronts while assembling the level handbooks, then the rest; cache the parts."""
        self._wait()
        levels = [(job, self._level(str(job.key))) for (kind, _), job in self.jobs.items() if kind == "level"]
        later = [(self.jobs[("track", t.key)], self._track(t.key))
                 for t in self.ladder.tracks if ("track", t.key) in self.jobs]
        if ("ladder", None) in self.jobs:
            later.append((self.jobs[("ladder", None)], self._whole()))
        assemble(levels, self.timestamp, self.done, self.errors)
        self._wait()
        assemble(later, self.timestamp, self.done, self.errors)
        for body in self.bodies.values():
            if body.pdf is not None and body.cache_key and self.cache.lookup(body.cache_key) is None:
                self.cache.store(body.cache_key, body.pdf)

    def _wait(self) -> None:
        while self.futures:
            futures, self.futures = self.futures, []
            for future in wait(futures).done:
                future.result()  # tasks catch what a document can raise; anything else is a bug

    def _submit(self, key: tuple[str, str | None], base: str, template: str, context: dict[str, Any],
                anchors: set[str]) -> Body:
        body = self.bodies[key] = Body(f"p{len(self.bodies)}", base)
        try:
            source = render_typst.render(self.templates, template, context, {"path": base}, anchors)
        except self.errors as err:
            body.error = " ".join(str(err).split())
            return body
        body.cache_key = "pdf-part:" + hashlib.sha256(self.prefix + source.encode()).hexdigest()
        entry = self.cache.lookup(body.cache_key)
        if entry is not None:
            body.pdf = self.cache.read(entry)
        names = [artifact_path("level", lv["key"], "pdf") for lv in context.get("levels", [])]
        self.futures.append(self.pool.submit(self._make, body, source, names, context.get("mark", "")))
        return body

    def _make(self, body: Body, source: str, levels: list[str], mark: str) -> None:
        try:
            if body.pdf is None:
                body.pdf = self.compile_part(source)
            body.raw = RawPdf(body.pdf)
            body.layout = layout_of(body.raw)
            if levels:
                body.views = split(body.layout, levels, mark)
        except self.errors as err:
            body.error = " ".join(str(err).split())

    def _level_use(self, track_key: str, index: int, depth: int = 1, title: str | None = None,
                   shift: int = 0) -> Use:
        body = self.bodies[("levels", track_key)]
        track = self.ladder.track(track_key)
        assert track is not None
        first = body.views[index][0] if body.views else 0
        return Use(body, artifact_path("level", track.levels[index].key, "pdf"), first, index, depth, title, shift)

    def _level(self, key: str) -> Doc:
        ctx = self.ctx.level(key)
        lv, path, track = ctx["level"], artifact_path("level", key, "pdf"), ctx["track"]
        index = next(i for i, head in enumerate(track["levels"]) if head["key"] == key)
        return self._doc(path, f"{lv['label']} · {track['name']} · {self.meta['ladder']}", lv["label"],
                         [self._level_use(track["key"], index)], {path: 0})

    def _track(self, key: str) -> Doc:
        """A track handbook: its contents, its introduction (when it has overview documents), its levels."""
        track = self.ladder.track(key)
        assert track is not None
        path = artifact_path("track", key, "pdf")
        uses: list[Use] = []
        if track.overview:  # the ladder's introduction, track heading included, its bookmarks one up
            uses.append(Use(self.bodies[("intro", key)], "ladder.pdf", shift=-1))
        targets = {path: 0}
        for i, lv in enumerate(track.levels):
            targets[artifact_path("level", lv.key, "pdf")] = len(uses) + 1
            uses.append(self._level_use(key, i, 1, self.ctx.level_data(lv)["label"], 1))
        ctx = self.ctx.track(key)
        front = self._front(("front", key), path, "typst/track-front.typ.j2", ctx, uses, {ctx["track"]["anchor"]})
        name = ctx["track"]["name"]
        return self._doc(path, f"{name} handbook · {self.meta['ladder']}", f"{name} handbook",
                         [Use(front, path), *uses], targets)

    def _whole(self) -> Doc:
        """The ladder handbook: contents, its documents, then each track's introduction and levels."""
        uses: list[Use] = []
        targets = {"ladder.pdf": 0}
        if ("documents", None) in self.bodies:
            uses.append(Use(self.bodies[("documents", None)], "ladder.pdf"))
        for track in self.ladder.tracks:
            targets[artifact_path("track", track.key, "pdf")] = len(uses) + 1
            uses.append(Use(self.bodies[("intro", track.key)], "ladder.pdf"))
            for i, lv in enumerate(track.levels):
                targets[artifact_path("level", lv.key, "pdf")] = len(uses) + 1
                uses.append(self._level_use(track.key, i, 2, self.ctx.level_data(lv)["label"], 2))
        front = self._front(("front", None), "ladder.pdf", "typst/ladder-front.typ.j2", self.ctx.whole(), uses, set())
        ladder = self.meta["ladder"]
        return self._doc("ladder.pdf", f"{ladder} · complete handbook", ladder, [Use(front, "ladder.pdf"), *uses],
                         targets)

    def _front(self, key: tuple[str, str | None], base: str, template: str, context: dict[str, Any],
               uses: list[Use], anchors: set[str]) -> Body:
        """A handbook's first page (title block, contents), typeset once every part it lists is."""
        failed = next((u.body.error for u in uses if u.body.error is not None), None)
        if failed is not None:
            body = self.bodies[key] = Body(f"p{len(self.bodies)}", base, error=failed)
            return body
        contents: list[dict[str, Any]] = []
        after = 1
        for use in uses:
            if use.title is not None and use.depth <= 2:
                contents.append({"depth": use.depth, "title": use.title, "after": after})
            contents += [{"depth": b.depth + use.shift, "title": b.title, "after": after + b.page}
                         for b in use.layout.bookmarks if 1 <= b.depth + use.shift <= 2]
            after += len(use.layout.pages)
        return self._submit(key, base, template, {**context, "contents": contents}, anchors)

    def _doc(self, path: str, title: str, label: str, uses: list[Use], targets: dict[str, int]) -> Doc:
        footer = f"{label} · Version {self.meta['version']} · Commit {self.meta['short']} · {self.meta['date_long']}"
        return Doc(path, title, footer, uses, targets)
