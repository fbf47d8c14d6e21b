"""Assemble PDF handbooks from typeset parts: plan each, typeset their footers, write them.

A part (Body) is a PDF typst made in this build; a handbook (Doc) uses pages of parts (Use): a
level's view of its track's levels, a track's introduction, a front. `planned` plans handbooks
(ladder_docs.pdf_sheets), a `Kit` typesets the footers of many in one typst document, `write`
writes each (ladder_docs.pdf_write). A handbook one of whose parts failed fails with its message.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from . import typst_engine
from .build_plan import Job
from .pdf_layout import PdfLayout
from .pdf_read import RawPdf
from .pdf_sheets import Part, Plan, Sheets, kit_markup, plan, sizes
from .pdf_write import KIT, write_pdf
from .typst_engine import TypstCompileError, handbook_preamble

Done = Callable[[Job, bytes | BaseException], None]


@dataclass
class Body:
    """A typeset PDF: its key, the out-dir path its links were made for, its PDF once typeset, and
    the views of the parts typeset together in it (each: first page, layout)."""

    key: str
    base: str
    pdf: bytes | None = None
    raw: RawPdf | None = None
    layout: PdfLayout | None = None
    error: str | None = None
    cache_key: str = ""
    views: list[tuple[int, PdfLayout]] = field(default_factory=list)


@dataclass(frozen=True)
class Use:
    """A part's pages in a handbook: view `view` of `body`, a bookmark `title` at `depth` on its
    first page (or none), `shift` for the part's own bookmarks; `base`: where its links were made."""

    body: Body
    base: str
    view: int
    depth: int = 1
    title: str | None = None
    shift: int = 0

    @property
    def first(self) -> int:
        """The part's first page in its typeset PDF."""
        return self.body.views[self.view][0]

    @property
    def layout(self) -> PdfLayout:
        """The part's pages, links and bookmarks."""
        return self.body.views[self.view][1]


@dataclass(frozen=True)
class Doc:
    """A handbook to assemble: path, PDF title, footer text, parts in order, handbooks inside it."""

    path: str
    title: str
    footer: str
    uses: list[Use]
    targets: dict[str, int]


def planned(docs: Sequence[tuple[Job, Doc]], done: Done) -> list[tuple[Job, Doc, Plan]]:
    """The page plan of each handbook; one a part of which failed fails with its message."""
    ready = []
    for job, doc in docs:
        failed = next((u.body.error for u in doc.uses if u.body.error is not None), None)
        if failed is not None:
            done(job, TypstCompileError(failed))
            continue
        parts = tuple(Part(u.body.key, u.base, u.layout, u.title, u.depth, u.shift, u.first) for u in doc.uses)
        ready.append((job, doc, plan(Sheets(doc.path, doc.title, doc.footer, parts, doc.targets))))
    return ready


class Kit:
    """The footers of many handbooks typeset in one document (footer text and page sizes of each)."""

    def __init__(self, docs: Sequence[tuple[str, Sequence[tuple[float, float]]]], timestamp: int,
                 errors: tuple[type[BaseException], ...]) -> None:
        self.raw: RawPdf | None = None
        self.error: BaseException | None = None
        self.first: dict[tuple[str, tuple[tuple[float, float], ...]], int] = {}
        page = 0
        for footer, pages in docs:  # handbooks with the same footer and pages share them
            if (footer, tuple(pages)) not in self.first:
                self.first[(footer, tuple(pages))] = page
                page += len(pages)
        try:
            markup = kit_markup(handbook_preamble(), list(self.first))
            self.raw = RawPdf(typst_engine.compile_pdf(markup, timestamp=timestamp, tags=False))
        except errors as err:
            self.error = err

    def holds(self, doc: Doc, page_plan: Plan) -> bool:
        """Whether the kit has this handbook's footers (same text, same pages)."""
        return (doc.footer, sizes(page_plan)) in self.first


def write(ready: Sequence[tuple[Job, Doc, Plan]], kit: Kit, timestamp: int, done: Done,
          errors: tuple[type[BaseException], ...]) -> None:
    """Write each planned handbook with its footers from `kit`."""
    for job, doc, page_plan in ready:
        if kit.raw is None:
            done(job, kit.error or TypstCompileError("typst: the footers failed"))
            continue
        sources = {u.body.key: u.body.raw for u in doc.uses if u.body.raw is not None}
        try:
            first = kit.first[(doc.footer, sizes(page_plan))]
            done(job, write_pdf(doc.title, page_plan, {**sources, KIT: kit.raw}, first, timestamp))
        except errors as err:
            done(job, err)
