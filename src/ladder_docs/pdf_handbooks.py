"""The PDF handbooks of a build, every page typeset once.

typst typesets each level once (typst/level.typ.j2 as a footerless "sheet"), each track's first
pages (typst/track-front.typ.j2: title, contents, overview), the ladder's first pages
(typst/ladder-front.typ.j2) and each track's introduction in it (typst/ladder-track.typ.j2).
Every handbook is then assembled from those pages with its own footers, links and bookmarks
(ladder_docs.pdf_sheets): a level handbook from its level, a track's from its front and levels,
the ladder's from its front and every introduction and level. That is a third of the typesetting
of compiling the three kinds of handbook apart; assembling costs about 1 ms a page.

Order: levels and introductions first (fronts list their page numbers), level handbooks as soon
as their level is typeset, then fronts and the track and ladder handbooks. Typeset parts are kept
in the build cache, so a rebuild typesets only what changed. A part that fails fails every
handbook it belongs to, with its message.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typst

from . import render_typst
from .build_cache import BuildCache
from .build_plan import Job, tool_versions
from .context import Contexts
from .handbook_links import artifact_path
from .pdf_read import PdfLayout, read_layout
from .pdf_sheets import Part, Sheets, markup
from .typst_engine import TypstCompileError, _font_book, handbook_preamble

# Templates that make a whole handbook (the older way): a user copy of one means the user shapes
# whole handbooks, so every PDF is compiled apart from its own template (build._pdf).
WHOLE_TEMPLATES = ("typst/level.typ.j2", "typst/track.typ.j2", "typst/ladder.typ.j2")
Compile = Callable[[str], bytes]
Done = Callable[[Job, bytes | BaseException], None]


def assembled(templates: Path | None) -> bool:
    """Whether handbooks are assembled from shared pages (no user copy of a whole-handbook template)."""
    return templates is None or not any((templates / name).is_file() for name in WHOLE_TEMPLATES)


@dataclass
class _Body:
    """A typeset part: its file name in the compile root, the path its links were made for."""

    name: str
    base: str
    pdf: bytes | None = None
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
        self.ladder = contexts.ladder
        self.bodies: dict[tuple[str, str | None], _Body] = {}
        self.futures: list[Future[None]] = []
        self.lock = threading.Lock()
        self._root = tempfile.TemporaryDirectory(prefix="ladder-sheets-")
        self.root = Path(self._root.name)
        self.prefix = json.dumps([tool_versions(), timestamp]).encode()
        self.meta = contexts.meta

    def start(self) -> None:
        """Submit the levels (and the ladder's track introductions) that some handbook needs."""
        whole = ("ladder", None) in self.jobs
        for t, track in enumerate(self.ladder.tracks):
            whole_track = whole or ("track", track.key) in self.jobs
            for lv in track.levels:
                if whole_track or ("level", lv.key) in self.jobs:
                    self._submit(("level", lv.key), f"l{len(self.bodies)}.pdf",
                                 artifact_path("level", lv.key, "pdf"), "typst/level.typ.j2",
                                 self.ctx.level(lv.key), self._level_done)
            if whole:
                self._submit(("intro", track.key), f"i{t}.pdf", "ladder.pdf", "typst/ladder-track.typ.j2",
                             self.ctx.track(track.key), None)

    def finish(self) -> None:
        """Typeset the fronts, assemble the track and ladder handbooks; wait for all; cache the parts."""
        try:
            self._wait()
            for track in self.ladder.tracks:
                if ("track", track.key) in self.jobs:
                    self._front_track(track.key)
            if ("ladder", None) in self.jobs:
                self._front_ladder()
            self._wait()
            for body in self.bodies.values():
                if body.pdf is not None and body.cache_key and self.cache.lookup(body.cache_key) is None:
                    self.cache.store(body.cache_key, body.pdf)
        finally:
            self._root.cleanup()

    def _wait(self) -> None:
        while self.futures:
            futures, self.futures = self.futures, []
            for future in wait(futures).done:
                future.result()  # tasks catch what a document can raise; anything else is a bug

    def _submit(self, key: tuple[str, str | None], name: str, base: str, template: str,
                context: dict[str, Any], then: Callable[[str | None, _Body], None] | None) -> None:
        body = self.bodies[key] = _Body(name, base)
        try:
            source = render_typst.render(self.templates, template, context, {"path": base},
                                         _anchors(key[0], context), sheet=True)
        except self.errors as err:
            body.error = " ".join(str(err).split())
            if then is not None:
                then(key[1], body)
            return
        body.cache_key = "pdf-part:" + hashlib.sha256(self.prefix + source.encode()).hexdigest()
        entry = self.cache.lookup(body.cache_key)
        if entry is not None:
            body.pdf = self.cache.read(entry)
        self.futures.append(self.pool.submit(self._make, body, source, key[1], then))

    def _make(self, body: _Body, source: str, key: str | None,
              then: Callable[[str | None, _Body], None] | None) -> None:
        try:
            if body.pdf is None:
                body.pdf = self.compile_part(source)
            (self.root / body.name).write_bytes(body.pdf)
            body.layout = read_layout(body.pdf)
        except self.errors as err:
            body.error = " ".join(str(err).split())
        except OSError as err:
            body.error = f"cannot keep a typeset part: {err.strerror}"
        if then is not None:
            then(key, body)

    def _level_done(self, key: str | None, body: _Body) -> None:
        job = self.jobs.get(("level", key))
        if job is None:
            return
        ctx = self.ctx.level(str(key))
        lv = ctx["level"]
        self._assemble(job, f"{lv['label']} · {ctx['track']['name']} · {self.meta['ladder']}", lv["label"],
                       [(body, 0, None, 0)], {job.path: 0})

    def _front_track(self, key: str) -> None:
        job = self.jobs[("track", key)]
        track = self.ladder.track(key)
        assert track is not None
        levels = [(self.bodies[("level", lv.key)], lv) for lv in track.levels]
        failed = next((b for b, _ in levels if b.error is not None), None)
        if failed is not None:
            self.done(job, TypstCompileError(str(failed.error)))
            return
        contents: list[dict[str, Any]] = []
        after = 1
        for body, lv in levels:
            contents.append({"depth": 1, "title": self.ctx.level_data(lv)["label"], "after": after})
            contents.extend(_entries(_layout(body), 1, after))
            after += len(_layout(body).pages)
        parts = [(b, 1, self.ctx.level_data(lv)["label"], 1) for b, lv in levels]
        targets = {artifact_path("level", lv.key, "pdf"): i + 1 for i, (_, lv) in enumerate(levels)}
        name = self.ctx.track(key)["track"]["name"]

        def then(_key: str | None, front: _Body) -> None:
            self._assemble(job, f"{name} handbook · {self.meta['ladder']}", f"{name} handbook",
                           [(front, 0, None, 0), *parts], {job.path: 0, **targets})

        self._submit(("front", key), f"t{len(self.bodies)}.pdf", job.path, "typst/track-front.typ.j2",
                     {**self.ctx.track(key), "contents": contents}, then)

    def _front_ladder(self) -> None:
        job = self.jobs[("ladder", None)]
        whole = self.ctx.whole()
        parts: list[tuple[_Body, int, str | None, int]] = []
        targets: dict[str, int] = {job.path: 0}
        contents: list[dict[str, Any]] = []
        after = 1
        for track in self.ladder.tracks:
            intro = self.bodies[("intro", track.key)]
            targets[artifact_path("track", track.key, "pdf")] = len(parts) + 1
            if intro.layout is not None:
                contents.extend(_entries(intro.layout, 0, after))
            parts.append((intro, 0, None, 0))
            after += len(intro.layout.pages) if intro.layout else 0
            for lv in track.levels:
                body, label = self.bodies[("level", lv.key)], self.ctx.level_data(lv)["label"]
                targets[artifact_path("level", lv.key, "pdf")] = len(parts) + 1
                contents.append({"depth": 2, "title": label, "after": after})
                parts.append((body, 2, label, 2))
                after += len(body.layout.pages) if body.layout else 0
        failed = next((b for b, *_ in parts if b.error is not None), None)
        if failed is not None:
            self.done(job, TypstCompileError(str(failed.error)))
            return
        ladder = self.meta["ladder"]

        def then(_key: str | None, front: _Body) -> None:
            self._assemble(job, f"{ladder} · complete handbook", ladder, [(front, 0, None, 0), *parts], targets)

        self._submit(("front", None), "w.pdf", job.path, "typst/ladder-front.typ.j2",
                     {**whole, "contents": contents}, then)

    def _assemble(self, job: Job, title: str, label: str, parts: list[tuple[_Body, int, str | None, int]],
                  targets: dict[str, int]) -> None:
        """Assemble one handbook from typeset parts (body, bookmark depth, bookmark title, shift)."""
        failed = next((b.error for b, *_ in parts if b.error is not None), None)
        if failed is not None:
            self.done(job, TypstCompileError(failed))
            return
        footer = f"{label} · Version {self.meta['version']} · Commit {self.meta['short']} · {self.meta['date_long']}"
        doc = Sheets(job.path, title, footer, tuple(Part(b.name, b.base, _layout(b), t, d, s) for b, d, t, s in parts),
                     targets)
        source = markup(doc, handbook_preamble())
        main = self.root / (job.path.replace("/", "--") + ".typ")
        try:
            main.write_text(source, encoding="utf-8")
            pdf = typst.compile(str(main), root=str(self.root), font_paths=_font_book(), ignore_system_fonts=True,
                                format="pdf", timestamp=self.timestamp, pdf_tags=False,
                                package_path=str(self.root), package_cache_path=str(self.root))
        except typst.TypstError as err:
            self.done(job, TypstCompileError(f"typst: assembling {job.path}: {' '.join(str(err.message).split())}"))
            return
        except OSError as err:
            self.done(job, TypstCompileError(f"cannot assemble {job.path}: {err.strerror}"))
            return
        self.done(job, pdf if isinstance(pdf, bytes) else TypstCompileError("typst: compile returned no PDF"))


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
