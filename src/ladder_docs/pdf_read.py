"""Read the PDFs typst wrote in this build: page sizes, links, bookmarks, and objects to copy.

The PDF handbooks are assembled from pages typeset once (ladder_docs.pdf_write): a page's drawing
is copied as it is, its links and bookmarks are read here and written again for each handbook.
Only PDFs typst wrote are read (classic cross-reference table, plain object dictionaries, no
object streams); anything else is refused with an ArtifactError. Strings are tokenised properly,
so content text inside a link target or a title cannot be mistaken for PDF syntax.
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
_OBJ = re.compile(rb"\d+\s+\d+\s+obj")
# What the copy scan stops at: a string, a reference (not the digits ending a name or number),
# the end of the object or the start of its stream.
_SCAN = re.compile(rb"[(<]|(?<![0-9A-Za-z.#_+-])(\d+)\s+\d+\s+R(?![0-9A-Za-z])|\bendobj\b|\bstream\r?\n")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)(?=[\s/>])")
Raw = tuple[int, int, list[tuple[int, int, int]], tuple[int, int] | None]
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


class RawPdf:
    """A typst-made PDF: objects by number, parsed on demand, and the byte spans to copy them."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.offsets: dict[int, int] = {}
        self.cache: dict[int, Any] = {}
        self._pages: list[int] | None = None
        self._raw: dict[int, Raw] = {}
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
            self.cache[value.num] = self._value(self._start(value.num))[0]
        return self.cache[value.num]

    def _start(self, num: int) -> int:
        pos = self.offsets.get(num)
        if pos is None:
            raise ArtifactError(f"PDF: object {num} is missing")
        head = _OBJ.match(self.data, pos)
        if head is None:
            raise ArtifactError(f"PDF: object {num} is damaged")
        return self._skip(head.end())

    def raw(self, num: int) -> Raw:
        """Object `num` as bytes to copy: the span of its value (a dictionary for a stream), the
        spans of the references in it (start, end, object number), its stream data's span if any."""
        found = self._raw.get(num)
        if found is None:
            found = self._raw[num] = self._scan(num)
        return found

    def _scan(self, num: int) -> Raw:
        # Scans for references, skipping strings, without building values: copying a handbook's
        # parts reads thousands of objects (font widths are long arrays of numbers).
        data, start = self.data, self._start(num)
        spans: list[tuple[int, int, int]] = []
        pos = start
        while True:
            found = _SCAN.search(data, pos)
            if found is None:
                raise ArtifactError(f"PDF: object {num} has no end")
            token = found.group()
            if token == b"(":
                pos = self._literal(found.end())[1]
            elif token == b"<":
                pos = found.end() + 1 if data.startswith(b"<", found.end()) else data.index(b">", found.end()) + 1
            elif found.group(1):
                spans.append((found.start(), found.end(), int(found.group(1))))
                pos = found.end()
            elif token == b"endobj":
                end = found.start()
                while data[end - 1] in b" \t\r\n":
                    end -= 1
                return start, end, spans, None
            else:  # stream: its dictionary ends here, its data follows
                end = data.rindex(b">>", start, found.start()) + 2
                direct = _LENGTH.search(data, start, end)
                length = float(direct.group(1)) if direct else self.get(self.get(Ref(num)).get("Length"))
                if not isinstance(length, float):
                    raise ArtifactError(f"PDF: stream {num} has no length")
                return start, end, spans, (found.end(), found.end() + int(length))

    def pages(self) -> list[int]:
        """The object numbers of the pages, in order."""
        if self._pages is not None:
            return self._pages
        refs: list[int] = []
        self._pages = refs

        def collect(node: Any) -> None:
            for kid in self.get(node)["Kids"]:
                if "Kids" in self.get(kid):
                    collect(kid)
                else:
                    refs.append(kid.num)

        collect(self.get(self.trailer["Root"])["Pages"])
        return refs

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
        found = _REF.match(data, pos)
        if found:
            return Ref(int(found.group(1))), found.end()
        for pattern, make in ((_NAME, lambda m: _Name(m.group(1))), (_NUMBER, lambda m: float(m.group())),
                              (_KEYWORD, lambda m: {b"true": True, b"false": False}.get(m.group()))):
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
    return layout_of(RawPdf(pdf))


def layout_of(reader: RawPdf) -> PdfLayout:
    """Page sizes, links and bookmarks of a read PDF."""
    catalog = reader.get(reader.trailer["Root"])
    refs = reader.pages()
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
