"""The page plan of a PDF handbook assembled from parts typeset once, and its footers' markup.

A level's pages are typeset once, without a footer, and drawn as they are in the level handbook,
its track handbook and the ladder handbook (ladder_docs.pdf_write copies the drawing), each with
its own footer ("<document> · Version … · Commit … · Page N of M", typeset by typst in one "footer
kit" for many handbooks). A copied drawing keeps no link or bookmark, so each part's links and
bookmarks (read with ladder_docs.pdf_read) are planned again here: a link to a handbook that is
part of this document becomes a jump to its first page, any other relative link is re-based on
this document's folder, web links stay as they are. A front part's contents link pages as
`ld-page:N` (N in the assembled document).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .inline import typst_string
from .pdf_layout import Link, PdfLayout

PAGE_LINK = "ld-page:"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Part:
    """A typeset PDF drawn into a handbook, in order.

    `key`: the typeset PDF it is in; `first`: its first page there (a track's levels are typeset
    together); `layout`: its pages; `base`: the out-dir path its relative links were made for;
    `title`, `depth`: a bookmark on its first page (a level chapter), or none; `shift`: added to
    the depth of the part's own bookmarks.
    """

    key: str
    base: str
    layout: PdfLayout
    title: str | None = None
    depth: int = 1
    shift: int = 0
    first: int = 0


@dataclass(frozen=True)
class Sheets:
    """One assembled handbook: where it lives, its PDF title and footer text, its parts.

    `targets` maps the out-dir path of each handbook that is part of this one (itself, its levels,
    the tracks inside the ladder) to the index of the part where it starts.
    """

    path: str
    title: str
    footer: str
    parts: tuple[Part, ...]
    targets: Mapping[str, int]


@dataclass(frozen=True)
class Jump:
    """A link area (PDF points) to a web or relative `uri`, or to a page (0-based) of this document."""

    rect: tuple[float, float, float, float]
    uri: str | None
    page: int = 0
    top: float = 0.0


@dataclass(frozen=True)
class Sheet:
    """One page of the handbook: page `page` (0-based) of part `part`, its size and links."""

    part: str
    page: int
    width: float
    height: float
    jumps: tuple[Jump, ...]


@dataclass(frozen=True)
class Mark:
    """A bookmark: title, depth (1 = top), page (0-based) and height (points from the bottom)."""

    title: str
    depth: int
    page: int
    top: float


@dataclass(frozen=True)
class Plan:
    """Every page of a handbook and its bookmarks."""

    sheets: tuple[Sheet, ...]
    marks: tuple[Mark, ...]


def plan(doc: Sheets) -> Plan:
    """The pages, links and bookmarks of an assembled handbook."""
    starts, page = [], 0
    for part in doc.parts:
        starts.append(page)
        page += len(part.layout.pages)
    here = posixpath.dirname(doc.path)
    sheets: list[Sheet] = []
    marks: list[Mark] = []
    for part, start in zip(doc.parts, starts, strict=True):
        for n, pg in enumerate(part.layout.pages):
            if n == 0 and part.title is not None:
                marks.append(Mark(part.title, part.depth, start, pg.height))
            marks.extend(Mark(b.title, b.depth + part.shift, start + n, b.top)
                         for b in part.layout.bookmarks if b.page == n and b.depth + part.shift >= 1)
            jumps = [j for j in (_jump(link, part, start, here, doc, starts) for link in pg.links) if j is not None]
            sheets.append(Sheet(part.key, part.first + n, pg.width, pg.height, tuple(jumps)))
    return Plan(tuple(sheets), tuple(marks))


def _jump(link: Link, part: Part, start: int, here: str, doc: Sheets, starts: list[int]) -> Jump | None:
    """Where a link of `part` goes, seen from the assembled document."""
    top = part.layout.pages[0].height if part.layout.pages else 0.0
    if link.uri is None:
        return None if link.page is None else Jump(link.rect, None, start + link.page, link.top or 0.0)
    uri = link.uri
    if uri.startswith(PAGE_LINK):
        number = uri[len(PAGE_LINK):]
        return Jump(link.rect, None, int(number) - 1, top) if number.isdigit() and int(number) > 0 else None
    if _SCHEME.match(uri) or uri.startswith("#"):
        return Jump(link.rect, uri)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(part.base), uri))
    index = doc.targets.get(target)
    if index is not None:
        return Jump(link.rect, None, starts[index], top)
    return Jump(link.rect, posixpath.relpath(target, here or "."))


def kit_markup(preamble: str, docs: Sequence[tuple[str, Sequence[tuple[float, float]]]]) -> str:
    """Typst source of the footers of many handbooks (footer text, each page's width and height): one
    page per handbook page, in order, holding only "<footer> · Page N of M" (ladder_docs.pdf_write
    draws each over its page)."""
    out = [preamble, '#set text(font: ld-fonts, size: 10pt, fill: ld-ink, lang: "en")\n']
    for k, (footer, sizes) in enumerate(docs):
        out.append(f"#let ld-f{k} = ld-page-footer-head({typst_string(_CONTROL.sub(' ', footer))})\n")
        total = len(sizes)
        out.extend(f"#page(width: {_num(w)}pt, height: {_num(h)}pt, margin: ld-margins, "
                   f"footer: {{ld-f{k}; ld-page-footer-number({n}, {total})}})[]\n"
                   for n, (w, h) in enumerate(sizes, 1))
    return "".join(out)


def sizes(doc: Plan) -> tuple[tuple[float, float], ...]:
    """Each sheet's width and height."""
    return tuple((s.width, s.height) for s in doc.sheets)


def _num(value: float) -> str:
    """A short, deterministic decimal (typst reads it as a float)."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text
