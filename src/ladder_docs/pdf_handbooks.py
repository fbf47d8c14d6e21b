"""The PDF handbooks of a build, every page typeset once.

typst typesets each level once (typst/level.typ.j2 as a footerless "sheet"), each track's first
pages (typst/track-front.typ.j2: title, contents, overview), the ladder's first pages
(typst/ladder-front.typ.j2) and each track's introduction in it (typst/ladder-track.typ.j2).
Every handbook is then assembled from those pages (ladder_docs.pdf_sheets plans it, one typst
"footer kit" typesets the footers of many handbooks, ladder_docs.pdf_write copies the pages): a
level handbook from its level, a track's from its front and levels, the ladder's from its front
and every introduction and level. That is a third of the typesetting of compiling the three kinds
of handbook apart.

Order: levels and introductions on the typst threads; then the fronts (their contents list the
levels' page numbers) while this thread assembles the level handbooks; then the track and ladder
handbooks. Typeset parts are kept in the build cache, so a rebuild typesets only what changed.
A part that fails fails every handbook it belongs to, with its message.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from concurrent.futures import Executor, Future, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import render_typst, typst_engine
from .build_cache import BuildCache
from .build_plan import Job, tool_versions
from .context import Contexts
from .handbook_links import artifact_path
from .pdf_read import PdfLayout, RawPdf, layout_of
from .pdf_sheets import Part, Sheets, kit_markup, plan
from .pdf_write import KIT, write_pdf
from .typst_engine import TypstCompileError, handbook_preamble

# Templates that make a whole handbook (the older way): a user copy of one means the user shapes
# whole handbooks, so every PDF is compiled apart from its own template (build._pdf).
WHOLE_TEMPLATES = ("typst/level.typ.j2", "typst/track.typ.j2", "typst/ladder.typ.j2")
Compile = Callable[[str], bytes]
Done = Callable[[Job, bytes | BaseException], None]
# (part, bookmark depth, bookmark title, shift of the part's own bookmarks)
PartUse = tuple["_Body", int, str | None, int]


def assembled(templates: Path | None) -> bool:
    """Whether handbooks are assembled from shared pages (no user copy of a whole-handbook template)."""
    return templates is None or not any((templates / name).is_file() for name in WHOLE_TEMPLATES)


@dataclass
class _Body:
    """A typeset part: its key, the out-dir path its links were made for, its PDF once typeset."""

    key: str
    base: str
    pdf: bytes | None = None
    raw: RawPdf | None = None
    layout: PdfLayout | None = None
    error: str | None = None
    cache_key: str = ""


class PdfHandbooks:
    """Renders the PDF `jobs` of a build on `pool`; `done` receives each job's bytes or error."""

    def __init__(self, contexts: Contexts, jobs: list[Job], templates: Path | None, timestamp: int,
                 cache: BuildCache, pool: Executor, compile_part: Compile, done: Done,
                 errors: tuple[type[BaseException], ...]) -> None:
        self.ctx, self.templates, self.timestamp = contexts, templates, timestamp
        self.cache, self.pool, self.compile_part, self.done, self.errors = cache, pool, compile_part, done, errors
        self.jobs = {(j.kind, j.key): j for j in jobs}
        self.ladder, self.meta = contexts.ladder, contexts.meta
        self.bodies: dict[tuple[str, str | None], _Body] = {}
        self.futures: list[Future[None]] = []
        self.prefix = json.dumps([tool_versions(), timestamp]).encode()

    def start(self) -> None:
        """Submit the levels (and the ladder's track introductions) that some handbook needs."""
        whole = ("ladder", None) in self.jobs
        for t, track in enumerate(self.ladder.tracks):
            whole_track = whole or ("track", track.key) in self.jobs
            for lv in track.levels:
                if whole_track or ("level", lv.key) in self.jobs:
                    self._submit(("level", lv.key), f"l{len(self.bodies)}", artifact_path("level", lv.key, "pdf"),
                                 "typst/level.typ.j2", self.ctx.level(lv.key))
            if whole:
                self._submit(("intro", track.key), f"i{t}", "ladder.pdf", "typst/ladder-track.typ.j2",
                             self.ctx.track(track.key))

    def finish(self) -> None:
        """Typeset the fronts while assembling the level handbooks, then the rest; cache the parts."""
        self._wait()
        levels = [(job, self._level(str(job.key))) for (kind, _), job in self.jobs.items() if kind == "level"]
        later = [(self.jobs[("track", t.key)], self._front_track(t.key))
                 for t in self.ladder.tracks if ("track", t.key) in self.jobs]
        if ("ladder", None) in self.jobs:
            later.append((self.jobs[("ladder", None)], self._front_ladder()))
        self._assemble(levels)
        self._wait()
        self._assemble(later)
        for body in self.bodies.values():
            if body.pdf is not None and body.cache_key and self.cache.lookup(body.cache_key) is None:
                self.cache.store(body.cache_key, body.pdf)

    def _wait(self) -> None:
        while self.futures:
            futures, self.futures = self.futures, []
            for future in wait(futures).done:
                future.result()  # tasks catch what a document can raise; anything else is a bug

    def _submit(self, key: tuple[str, str | None], name: str, base: str, template: str,
                context: dict[str, Any]) -> _Body:
        body = self.bodies[key] = _Body(name, base)
        try:
            source = render_typst.render(self.templates, template, context, {"path": base},
                                         _anchors(key[0], context), sheet=True)
        except self.errors as err:
            body.error = " ".join(str(err).split())
            return body
        body.cache_key = "pdf-part:" + hashlib.sha256(self.prefix + source.encode()).hexdigest()
        entry = self.cache.lookup(body.cache_key)
        if entry is not None:
            body.pdf = self.cache.read(entry)
        self.futures.append(self.pool.submit(self._make, body, source))
        return body

    def _make(self, body: _Body, source: str) -> None:
        try:
            if body.pdf is None:
                body.pdf = self.compile_part(source)
            body.raw = RawPdf(body.pdf)
            body.layout = layout_of(body.raw)
        except self.errors as err:
            body.error = " ".join(str(err).split())

    def _level(self, key: str) -> _Doc:
        ctx = self.ctx.level(key)
        lv, path = ctx["level"], artifact_path("level", key, "pdf")
        return self._doc(path, f"{lv['label']} · {ctx['track']['name']} · {self.meta['ladder']}", lv["label"],
                         [(self.bodies[("level", key)], 0, None, 0)], {path: 0})

    def _front_track(self, key: str) -> _Doc:
        track = self.ladder.track(key)
        assert track is not None
        path = artifact_path("track", key, "pdf")
        uses: list[PartUse] = []
        targets = {path: 0}
        contents: list[dict[str, Any]] = []
        after = 1
        for lv in track.levels:
            body, label = self.bodies[("level", lv.key)], self.ctx.level_data(lv)["label"]
            targets[artifact_path("level", lv.key, "pdf")] = len(uses) + 1
            contents.append({"depth": 1, "title": label, "after": after})
            if body.layout is not None:
                contents.extend(_entries(body.layout, 1, after))
                after += len(body.layout.pages)
            uses.append((body, 1, label, 1))
        ctx = self.ctx.track(key)
        front = self._front(("front", key), f"t{len(self.bodies)}", path, "typst/track-front.typ.j2",
                            {**ctx, "contents": contents}, uses)
        name = ctx["track"]["name"]
        return self._doc(path, f"{name} handbook · {self.meta['ladder']}", f"{name} handbook",
                         [(front, 0, None, 0), *uses], targets)

    def _front_ladder(self) -> _Doc:
        uses: list[PartUse] = []
        targets = {"ladder.pdf": 0}
        contents: list[dict[str, Any]] = []
        after = 1
        for track in self.ladder.tracks:
            intro = self.bodies[("intro", track.key)]
            targets[artifact_path("track", track.key, "pdf")] = len(uses) + 1
            if intro.layout is not None:
                contents.extend(_entries(intro.layout, 0, after))
                after += len(intro.layout.pages)
            uses.append((intro, 0, None, 0))
            for lv in track.levels:
                body, label = self.bodies[("level", lv.key)], self.ctx.level_data(lv)["label"]
                targets[artifact_path("level", lv.key, "pdf")] = len(uses) + 1
                contents.append({"depth": 2, "title": label, "after": after})
                if body.layout is not None:
                    after += len(body.layout.pages)
                uses.append((body, 2, label, 2))
        front = self._front(("front", None), "w", "ladder.pdf", "typst/ladder-front.typ.j2",
                            {**self.ctx.whole(), "contents": contents}, uses)
        ladder = self.meta["ladder"]
        return self._doc("ladder.pdf", f"{ladder} · complete handbook", ladder, [(front, 0, None, 0), *uses], targets)

    def _front(self, key: tuple[str, str | None], name: str, base: str, template: str, context: dict[str, Any],
               needs: list[PartUse]) -> _Body:
        """A front part, typeset only when every part it lists was."""
        failed = next((b.error for b, *_ in needs if b.error is not None), None)
        if failed is None:
            return self._submit(key, name, base, template, context)
        body = self.bodies[key] = _Body(name, base, error=failed)
        return body

    def _doc(self, path: str, title: str, label: str, uses: list[PartUse], targets: dict[str, int]) -> _Doc:
        footer = f"{label} · Version {self.meta['version']} · Commit {self.meta['short']} · {self.meta['date_long']}"
        return _Doc(path, title, footer, uses, targets)

    def _assemble(self, docs: list[tuple[Job, _Doc]]) -> None:
        """Plan, typeset the footers of, and write the handbooks whose parts are all typeset."""
        ready = []
        for job, doc in docs:
            failed = next((b.error for b, *_ in doc.uses if b.error is not None), None)
            if failed is not None:
                self.done(job, TypstCompileError(failed))
                continue
            parts = tuple(Part(b.key, b.base, _layout(b), title, depth, shift) for b, depth, title, shift in doc.uses)
            ready.append((job, doc, plan(Sheets(doc.path, doc.title, doc.footer, parts, doc.targets))))
        if not ready:
            return
        try:
            kit = RawPdf(typst_engine.compile_pdf(
                kit_markup(handbook_preamble(), [(d.footer, p) for _, d, p in ready]), timestamp=self.timestamp))
        except self.errors as err:
            for job, *_ in ready:
                self.done(job, err)
            return
        first = 0
        for job, doc, page_plan in ready:
            sources = {b.key: b.raw for b, *_ in doc.uses if b.raw is not None}
            try:
                self.done(job, write_pdf(doc.title, page_plan, {**sources, KIT: kit}, first, self.timestamp))
            except self.errors as err:
                self.done(job, err)
            first += len(page_plan.sheets)


@dataclass(frozen=True)
class _Doc:
    """A handbook to assemble: path, PDF title, footer text, parts in order, handbooks inside it."""

    path: str
    title: str
    footer: str
    uses: list[PartUse]
    targets: dict[str, int]


def _entries(layout: PdfLayout, shift: int, after: int) -> list[dict[str, Any]]:
    """Contents entries for a part's bookmarks, two levels deep in the handbook."""
    return [{"depth": b.depth + shift, "title": b.title, "after": after + b.page}
            for b in layout.bookmarks if b.depth + shift <= 2]


def _layout(body: _Body) -> PdfLayout:
    assert body.layout is not None
    return body.layout


def _anchors(kind: str, ctx: dict[str, Any]) -> set[str]:
    """The labels a part defines (links to anything else point at a handbook file)."""
    if kind == "level":
        return {ctx["level"]["anchor"]}
    if kind in ("front", "intro") and "track" in ctx:
        return {ctx["track"]["anchor"], *(d["anchor"] for d in ctx["track"]["overview"])}
    return {d["anchor"] for d in ctx.get("documents", [])}
