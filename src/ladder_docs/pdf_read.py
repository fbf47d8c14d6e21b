"""Read back what a typst-made PDF holds besides its drawing: page sizes, links and bookmarks.

The PDF handbooks are assembled from pages typeset once (ladder_docs.pdf_sheets); an embedded page
keeps its drawing but not its link annotations or bookmarks, so they are read here and placed
again. Only PDFs typst wrote in this build are read (classic cross-reference table, plain object
dictionaries); anything else is refused with an ArtifactError. Strings are tokenised properly, so
content text inside a link target or a title cannot be mistaken for PDF syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .errors import ArtifactError

_WS = re.compile(rb"(?:\s|%[^\r\n]*)*")
_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)")
_REF = re.compile(rb"(\d+)\s+(\d+)\s+R(?![A-Za-z])")
_NAME = re.compile(rb"/([^\s/<>\[\]()%{}]*)")
_KEYWORD = re.compile(rb"true|false|null")
_XREF_ROW = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_ESCAPES = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}


@dataclass(frozen=True)
class Ref:
    """An indirect reference (`12 0 R`)."""

    num: int


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


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.offsets: dict[int, int] = {}
        self.cache: dict[int, Any] = {}
        start = data.rfind(b"startxref")
        if start < 0:
            raise ArtifactError("PDF: no cross-reference table")
        pos = int(data[start + 9:].split()[0])
        if not data.startswith(b"xref", pos):
            raise ArtifactError("PDF: not a classic cross-reference table")
        pos = self._skip(pos + 4)
        while True:
            head = re.compile(rb"(\d+) (\d+)").match(self.data, pos)
            if head is None:
                break
            first, count = int(head.group(1)), int(head.group(2))
            pos = self._skip(head.end())
            for k in range(count):
                row = _XREF_ROW.match(data, pos)
                if row is None:
                    raise ArtifactError("PDF: damaged cross-reference table")
                if row.group(3) == b"n":
                    self.offsets[first + k] = int(row.group(1))
                pos = self._skip(row.end())
        if not data.startswith(b"trailer", pos):
            raise ArtifactError("PDF: no trailer")
        self.trailer, _ = self._value(self._skip(pos + 7))

    def _skip(self, pos: int) -> int:
        found = _WS.match(self.data, pos)
        return found.end() if found else pos

    def get(self, value: Any) -> Any:
        """`value`, or the object it refers to."""
        if not isinstance(value, Ref):
            return value
        if value.num not in self.cache:
            pos = self.offsets.get(value.num)
            if pos is None:
                raise ArtifactError(f"PDF: object {value.num} is missing")
            head = re.compile(rb"\d+\s+\d+\s+obj").match(self.data, pos)
            if head is None:
                raise ArtifactError(f"PDF: object {value.num} is damaged")
            self.cache[value.num] = self._value(self._skip(head.end()))[0]
        return self.cache[value.num]

    def _value(self, pos: int) -> tuple[Any, int]:
        data = self.data
        if data.startswith(b"<<", pos):
            out: dict[str, Any] = {}
            pos = self._skip(pos + 2)
            while not data.startswith(b">>", pos):
                key, pos = self._value(pos)
                if not isinstance(key, _Name):
                    raise ArtifactError("PDF: a dictionary key is not a name")
                out[key.text], pos = self._value(self._skip(pos))
                pos = self._skip(pos)
            return out, pos + 2
        if data.startswith(b"[", pos):
            items: list[Any] = []
            pos = self._skip(pos + 1)
            while not data.startswith(b"]", pos):
                item, pos = self._value(pos)
                items.append(item)
                pos = self._skip(pos)
            return items, pos + 1
        if data.startswith(b"(", pos):
            return self._literal(pos + 1)
        if data.startswith(b"<", pos):
            end = data.index(b">", pos)
            digits = re.sub(rb"\s", b"", data[pos + 1:end])
            return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode()), end + 1
        for pattern, make in ((_REF, lambda m: Ref(int(m.group(1)))), (_NAME, lambda m: _Name(m.group(1))),
                              (_NUMBER, lambda m: float(m.group())),
                              (_KEYWORD, lambda m: {b"true": True, b"false": False}.get(m.group())) ):
            found = pattern.match(data, pos)
            if found:
                return make(found), found.end()
        raise ArtifactError(f"PDF: unexpected syntax at byte {pos}")

    def _literal(self, pos: int) -> tuple[bytes, int]:
        out = bytearray()
        depth = 0
        data = self.data
        while True:
            c = data[pos]
            if c == 0x5C:  # backslash
                nxt = data[pos + 1]
                octal = re.compile(rb"[0-7]{1,3}").match(data, pos + 1)
                if octal:
                    out.append(int(octal.group(), 8) & 0xFF)
                    pos = octal.end()
                    continue
                if nxt in (0x0A, 0x0D):  # a line continuation
                    pos += 3 if data[pos + 1:pos + 3] == b"\r\n" else 2
                    continue
                out.append(_ESCAPES.get(nxt, nxt))
                pos += 2
                continue
            if c == 0x28:
                depth += 1
            elif c == 0x29:
                if depth == 0:
                    return bytes(out), pos + 1
                depth -= 1
            out.append(c)
            pos += 1


@dataclass(frozen=True)
class _Name:
    raw: bytes

    @property
    def text(self) -> str:
        return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), self.raw).decode("latin-1")


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
    reader = _Reader(pdf)
    catalog = reader.get(reader.trailer["Root"])
    refs: list[int] = []

    def collect(node: Any) -> None:
        for kid in reader.get(node)["Kids"]:
            if reader.get(kid).get("Type") == _Name(b"Pages") or "Kids" in reader.get(kid):
                collect(kid)
            else:
                refs.append(kid.num)

    collect(catalog["Pages"])
    index = {num: i for i, num in enumerate(refs)}
    named = _named_destinations(reader, catalog)

    def destination(dest: Any) -> tuple[int, float] | None:
        dest = reader.get(dest)
        if isinstance(dest, bytes | _Name):
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
            if annot.get("Subtype") != _Name(b"Link") or "Rect" not in annot:
                continue
            x1, y1, x2, y2 = (float(v) for v in reader.get(annot["Rect"]))
            rect = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
            action = reader.get(annot.get("A")) or {}
            if action.get("S") == _Name(b"URI"):
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


def _named_destinations(reader: _Reader, catalog: dict[str, Any]) -> dict[bytes, Any]:
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
