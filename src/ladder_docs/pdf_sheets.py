"""Typst markup that assembles a PDF handbook from pages typeset once ("sheets").

A level's pages are typeset once, without a footer, and drawn as they are (typst embeds a PDF
page as a picture: text stays text) in the level handbook, its track handbook and the ladder
handbook, each with its own footer ("<document> · Version … · Commit … · Page N of M"). Embedding
keeps the drawing only, so every link and bookmark of a part (read with ladder_docs.pdf_read) is
placed again: a link to a handbook that is part of this document becomes a jump to its first page,
any other relative link is re-based on this document's folder, web links stay as they are.
A front part's table of contents links pages as `ld-page:N` (N in the assembled document).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .inline import typst_string
from .pdf_read import Link, PdfLayout

PAGE_LINK = "ld-page:"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Part:
    """A typeset PDF drawn into a handbook, in order.

    `file`: its name in the compile root; `base`: the out-dir path its relative links were made
    for; `title`, `depth`: a bookmark on its first page (a level chapter), or none; `shift`: added
    to the depth of the part's own bookmarks.
    """

    file: str
    base: str
    layout: PdfLayout
    title: str | None = None
    depth: int = 1
    shift: int = 0


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


def first_pages(parts: Sequence[Part]) -> list[int]:
    """The page number (1-based) each part starts on in the assembled document."""
    starts, page = [], 1
    for part in parts:
        starts.append(page)
        page += len(part.layout.pages)
    return starts


def markup(doc: Sheets, preamble: str) -> str:
    """The typst source of the assembled handbook (the parts' files must sit in the compile root)."""
    starts = first_pages(doc.parts)
    total = starts[-1] + len(doc.parts[-1].layout.pages) - 1 if doc.parts else 0
    here = posixpath.dirname(doc.path)
    out = [preamble,
           f"#set document(title: {_string(doc.title)})\n",
           "#set text(font: ld-fonts, size: 10pt, fill: ld-ink, lang: \"en\")\n",
           f"#let ld-f = {_string(doc.footer)}\n"]
    for part, start in zip(doc.parts, starts, strict=True):
        for n, page in enumerate(part.layout.pages):
            marks = []
            if n == 0 and part.title is not None:
                marks.append(f"ld-mark(0, {part.depth}, {_string(part.title)})")
            marks.extend(f"ld-mark({_num(page.height - b.top)}, {b.depth + part.shift}, {_string(b.title)})"
                         for b in part.layout.bookmarks if b.page == n)
            for link in page.links:
                dest = _destination(link, part, start, here, doc, starts, page.height)
                if dest is not None:
                    x1, y1, x2, y2 = link.rect
                    marks.append(f"ld-hot({_num(x1)}, {_num(page.height - y2)}, {_num(x2 - x1)}, "
                                 f"{_num(y2 - y1)}, {dest})")
            out.append(f"#ld-sheet({_string(part.file)}, {n + 1}, {_num(page.width)}pt, {_num(page.height)}pt, "
                       f"ld-page-footer(ld-f, {start + n}, {total}), {{{'; '.join(marks)}}})\n")
    return "".join(out)


def _destination(link: Link, part: Part, start: int, here: str, doc: Sheets, starts: list[int],
                 height: float) -> str | None:
    """A typst `link()` destination for a link of `part`, as seen from the assembled document."""
    if link.uri is None:
        if link.page is None:
            return None
        top = height - (link.top or height)
        return f"(page: {start + link.page}, x: 0pt, y: {_num(max(top, 0.0))}pt)"
    uri = link.uri
    if uri.startswith(PAGE_LINK):
        number = uri[len(PAGE_LINK):]
        return f"(page: {int(number)}, x: 0pt, y: 0pt)" if number.isdigit() else None
    if _SCHEME.match(uri) or uri.startswith("#"):
        return _string(uri)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(part.base), uri))
    index = doc.targets.get(target)
    if index is not None:
        return f"(page: {starts[index]}, x: 0pt, y: 0pt)"
    return _string(posixpath.relpath(target, here or "."))


def _string(text: str) -> str:
    return typst_string(_CONTROL.sub(" ", text))


def _num(value: float) -> str:
    """A short, deterministic decimal (typst reads it as a float)."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text
