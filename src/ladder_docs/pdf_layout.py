"""What a typeset part holds besides its drawing: page sizes, links and bookmarks.

A copied page keeps its drawing only (ladder_docs.pdf_write), so each part's links and bookmarks
are read here and written again for every handbook it appears in (ladder_docs.pdf_sheets). A
track's levels are typeset in one document, each starting at an invisible marker bookmark (a
prefix holding a digest of the levels' context, then the level's index: content cannot know the
digest of the context that holds it, so it cannot fake a marker); `split` cuts that layout into
one view per level.
"""

from __future__ import annotations

import itertools
import posixpath
from dataclasses import dataclass, replace
from typing import Any

from .errors import ArtifactError
from .pdf_read import Name, RawPdf, Ref

_LINK, _URI = Name(b"Link"), Name(b"URI")


@dataclass(frozen=True)
class Link:
    """A link annotation: its rectangle (PDF points, origin bottom left) and its target."""

    rect: tuple[float, float, float, float]
    uri: str | None  # an external or relative target
    page: int | None = None  # or a page of the same document (0-based) …
    top: float | None = None  # … and the height to show there (PDF points from the bottom)


@dataclass(frozen=True)
class Page:
    """One page: size in points and its links."""

    width: float
    height: float
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Bookmark:
    """An outline entry: title, depth (1 = top), page (0-based) and height (points from the bottom)."""

    title: str
    depth: int
    page: int
    top: float


@dataclass(frozen=True)
class PdfLayout:
    """What an embedded copy of a PDF would lose: page sizes, links and bookmarks."""

    pages: tuple[Page, ...]
    bookmarks: tuple[Bookmark, ...]


def text_string(raw: bytes) -> str:
    """A PDF text string: UTF-16 with a byte order mark, else (close enough) Latin-1."""
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    return raw.decode("latin-1")


def _uri(raw: bytes) -> str:
    # A URI is bytes; typst writes them UTF-8 encoded.
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def read_layout(pdf: bytes) -> PdfLayout:
    """Page sizes, links and bookmarks of a PDF typst wrote."""
    return layout_of(RawPdf(pdf))


def layout_of(reader: RawPdf) -> PdfLayout:
    """Page sizes, links and bookmarks of a read PDF."""
    catalog = reader.get(reader.trailer["Root"])
    refs = reader.pages()
    index = {num: i for i, num in enumerate(refs)}
    named = _named_destinations(reader, catalog)

    def destination(dest: Any) -> tuple[int, float] | None:
        dest = reader.get(dest)
        if isinstance(dest, bytes | Name):
            dest = reader.get(named.get(dest if isinstance(dest, bytes) else dest.raw))
        if isinstance(dest, dict):
            dest = reader.get(dest.get("D"))
        if not isinstance(dest, list) or not dest or not isinstance(dest[0], Ref) or dest[0].num not in index:
            return None
        top = dest[3] if len(dest) > 3 and isinstance(dest[3], float) else 0.0
        return index[dest[0].num], top

    pages = []
    for num in refs:
        page = reader.get(Ref(num))
        box = [float(v) for v in reader.get(page["MediaBox"])]
        links = []
        for annot in (reader.get(a) for a in reader.get(page.get("Annots", []))):
            if annot.get("Subtype") != _LINK or "Rect" not in annot:
                continue
            x1, y1, x2, y2 = (float(v) for v in reader.get(annot["Rect"]))
            rect = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
            action = reader.get(annot.get("A")) or {}
            if action.get("S") == _URI:
                links.append(Link(rect, _uri(reader.get(action["URI"]))))
            elif (found := destination(annot.get("Dest") or action.get("D"))) is not None:
                links.append(Link(rect, None, found[0], found[1]))
        pages.append(Page(box[2] - box[0], box[3] - box[1], tuple(links)))
    marks: list[Bookmark] = []

    def walk(item: Any, depth: int) -> None:
        while item is not None:
            node = reader.get(item)
            found = destination(node.get("Dest") or (reader.get(node.get("A")) or {}).get("D"))
            if found is not None:
                title = text_string(reader.get(node.get("Title", b"")))
                marks.append(Bookmark(title, depth, found[0], found[1]))
            if "First" in node:
                walk(node["First"], depth + 1)
            item = node.get("Next")

    outlines = reader.get(catalog.get("Outlines"))
    if isinstance(outlines, dict) and "First" in outlines:
        walk(outlines["First"], 1)
    return PdfLayout(tuple(pages), tuple(marks))


def _named_destinations(reader: RawPdf, catalog: dict[str, Any]) -> dict[bytes, Any]:
    out: dict[bytes, Any] = {}

    def walk(node: Any) -> None:
        node = reader.get(node)
        names = reader.get(node.get("Names", []))
        for k in range(0, len(names) - 1, 2):
            out[reader.get(names[k])] = names[k + 1]
        for kid in reader.get(node.get("Kids", [])):
            walk(kid)

    tree = reader.get(reader.get(catalog.get("Names")) or {}).get("Dests") if catalog.get("Names") else None
    if tree is not None:
        walk(tree)
    return out


def split(layout: PdfLayout, names: list[str], mark: str, base: str) -> list[tuple[int, PdfLayout]]:
    """The first page and layout of each of the parts typeset together, by their markers `mark` + index.

    `names` are the parts' handbook paths: a link from one part to a page of another becomes a
    link to that handbook, relative to `base` (the path the document's links were made for).
    """
    markers = {f"{mark}{k}": k for k in range(len(names))}
    firsts = {markers[b.title]: b.page for b in layout.bookmarks if b.title in markers}
    starts = [firsts.get(k, -1) for k in range(len(names))] + [len(layout.pages)]
    if len(firsts) != len(names) or starts != sorted(starts) or starts[0] != 0:
        raise ArtifactError(f"PDF: typeset levels lack their markers ({len(firsts)} of {len(names)})")
    here = posixpath.dirname(base) or "."
    owner = {page: posixpath.relpath(names[k], here) for k in range(len(names))
             for page in range(starts[k], starts[k + 1])}
    views = []
    for first, end in itertools.pairwise(starts):
        pages = tuple(replace(p, links=tuple(_local(x, first, end, owner) for x in p.links))
                      for p in layout.pages[first:end])
        marks = tuple(replace(b, page=b.page - first) for b in layout.bookmarks
                      if first <= b.page < end and b.title not in markers)
        views.append((first, PdfLayout(pages, marks)))
    return views


def _local(link: Link, first: int, end: int, owner: dict[int, str]) -> Link:
    """A link of a part typeset with others, as seen from that part alone."""
    if link.page is None:
        return link
    if first <= link.page < end:
        return replace(link, page=link.page - first)
    return Link(link.rect, owner.get(link.page))
