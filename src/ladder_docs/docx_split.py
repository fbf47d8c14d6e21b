"""Cut the converted book (ladder_docs.docx_book) into DOCX handbooks: OpenXML surgery on pandoc's output.

The batch script writes a marker `<!--ldseg:N-->` before each piece of the book, so a handbook's
body is the XML of its pieces in order, then the book's section properties (page set-up, footer).
Per handbook:
- headings move down by the piece's shift (`Heading1` → `Heading2` …, at most `Heading6` like
  ladder_docs.pandoc_ast.header);
- each placeholder link (`ldref-N`) becomes a bookmark jump when its target is in the handbook
  (named as pandoc names bookmarks), else a relationship to the other handbook's file; web links
  keep their relationship; only the relationships and list definitions it uses are kept;
- the title in docProps/core.xml is the handbook's.
Every other part (styles, footer, settings, theme …) is the book's, byte for byte, and entries keep
the book's order and dates, so handbooks are as reproducible as pandoc's output.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape, unescape

from .docx_book import REF_PREFIX, Recipe
from .errors import ArtifactError

DOCUMENT = "word/document.xml"
RELS = "word/_rels/document.xml.rels"
NOTE_RELS = "word/_rels/footnotes.xml.rels"
NUMBERING = "word/numbering.xml"
CORE = "docProps/core.xml"
_HYPERLINK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_MARKER = re.compile(r"<!--ldseg:(\d+)-->")
_HEADING = re.compile(r'(<w:pStyle w:val="Heading)(\d)("\s*/>)')
_LINK = re.compile(r'<w:hyperlink r:id="([^"]+)"')
_REL = re.compile(r"<Relationship\b[^>]*?/>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_NUM = re.compile(r'<w:num w:numId="(\d+)"><w:abstractNumId w:val="(\d+)"\s*/></w:num>')
_ABSTRACT = re.compile(r'<w:abstractNum w:abstractNumId="(\d+)">.*?</w:abstractNum>', re.S)
_NUM_USE = re.compile(r'<w:numId w:val="(\d+)"')


def bookmark_name(anchor: str) -> str:
    """The bookmark pandoc writes for an identifier (Word wants short names starting with a letter)."""
    if anchor[:1].isalpha() and len(anchor) <= 40:
        return anchor
    return "X" + hashlib.sha1(anchor.encode("utf-8")).hexdigest()[1:]


class BookDocx:
    """A converted book, read once, cut into handbooks."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.infos = z.infolist()
            self.parts = {i.filename: z.read(i) for i in self.infos}
        self.packed: dict[str, tuple[int, bytes, int]] = {}  # name → crc, deflated bytes, size
        xml = self.parts[DOCUMENT].decode("utf-8")
        body = xml.find("<w:body>")
        end = xml.rfind("<w:sectPr")
        marks = list(_MARKER.finditer(xml, body, end))
        if body < 0 or end < 0 or not marks:
            raise ArtifactError("pandoc: the handbook book has no pieces (docx_batch.lua markers missing)")
        self.head, self.tail = xml[:body + len("<w:body>")], xml[end:]
        self.pieces = {int(m.group(1)): xml[m.end():(marks[k + 1].start() if k + 1 < len(marks) else end)]
                       for k, m in enumerate(marks)}
        rels = self.parts[RELS].decode("utf-8")
        opening = re.search(r"<Relationships\b[^>]*>", rels)
        if opening is None:
            raise ArtifactError("pandoc: the handbook book has no relationships")
        self.rels_head, self.rels_tail = rels[:opening.end()], "</Relationships>"
        self.base_rels: list[str] = []
        self.links: dict[str, str] = {}  # relationship id → element, for hyperlinks
        for element in _REL.findall(rels):
            attrs = dict(_ATTR.findall(element))
            if attrs.get("Type") == _HYPERLINK_TYPE:
                self.links[attrs["Id"]] = element
            else:
                self.base_rels.append(element)
        numbering = self.parts.get(NUMBERING, b"").decode("utf-8")
        self.nums = {n: (m.group(0), a) for m in _NUM.finditer(numbering) for n, a in [m.groups()]}
        self.abstracts = {m.group(1): m.group(0) for m in _ABSTRACT.finditer(numbering)}
        first = min((m.start() for m in (_ABSTRACT.search(numbering), _NUM.search(numbering)) if m),
                    default=len(numbering))
        self.numbering_head = numbering[:first]

    def handbook(self, recipe: Recipe, resolve: Callable[[int], str | None]) -> bytes:
        """The DOCX of one handbook."""
        body = "".join(_shift(self.pieces[n], s) if s else self.pieces[n] for n, s in recipe.pieces)
        used: dict[str, str] = {}  # relationship id → element, in order of first use
        by_target: dict[str, str] = {}

        def relink(m: re.Match[str]) -> str:
            rid = m.group(1)
            element = self.links.get(rid)
            if element is None:
                return m.group(0)
            target = unescape(dict(_ATTR.findall(element)).get("Target", ""), {"&quot;": '"', "&apos;": "'"})
            if not (target.startswith(REF_PREFIX) and target[len(REF_PREFIX):].isdigit()):
                used[rid] = element
                return m.group(0)
            href = resolve(int(target[len(REF_PREFIX):])) or ""
            if href.startswith("#"):
                return f'<w:hyperlink w:anchor="{escape(bookmark_name(href[1:]), {chr(34): "&quot;"})}"'
            new = by_target.get(href)
            if new is None:
                new = by_target[href] = f"rIdLd{len(by_target) + 1}"
                used[new] = (f'<Relationship Type="{_HYPERLINK_TYPE}" Id="{new}" '
                             f'Target="{escape(href, {chr(34): "&quot;"})}" TargetMode="External" />')
            return f'<w:hyperlink r:id="{new}"'

        body = _LINK.sub(relink, body)
        links = "".join(used.values())
        parts = dict(self.parts)
        parts[DOCUMENT] = (self.head + body + self.tail).encode("utf-8")
        parts[RELS] = (self.rels_head + "".join(self.base_rels) + links + self.rels_tail).encode("utf-8")
        if NOTE_RELS in parts:
            parts[NOTE_RELS] = (self.rels_head + links + self.rels_tail).encode("utf-8")
        if NUMBERING in parts:
            parts[NUMBERING] = self._numbering(body).encode("utf-8")
        core = parts[CORE].decode("utf-8")
        parts[CORE] = re.sub(r"<dc:title>.*?</dc:title>", lambda _m: f"<dc:title>{escape(recipe.title)}</dc:title>",
                             core, count=1, flags=re.S).encode("utf-8")
        return self._zip(parts)

    def _numbering(self, body: str) -> str:
        nums = sorted({n for n in _NUM_USE.findall(body) if n in self.nums}, key=int)
        abstracts = sorted({self.nums[n][1] for n in nums}, key=int)
        return (self.numbering_head + "".join(self.abstracts[a] for a in abstracts if a in self.abstracts)
                + "".join(self.nums[n][0] for n in nums) + "</w:numbering>")

    def _zip(self, parts: dict[str, bytes]) -> bytes:
        """The package: the book's entries in its order and with its dates; the parts every handbook
        shares (styles, theme, footer …) are compressed once per build, not once per handbook."""
        local, central = bytearray(), bytearray()
        for info in self.infos:
            data = parts[info.filename]
            packed = self.packed.get(info.filename) if data is self.parts[info.filename] else None
            if packed is None:
                packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
                packed = (zlib.crc32(data), packer.compress(data) + packer.flush(), len(data))
                if data is self.parts[info.filename]:
                    self.packed[info.filename] = packed
            crc, body, size = packed
            name = info.filename.encode("utf-8")
            (year, month, day, hour, minute, second) = info.date_time
            stamp = (hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day)
            head = struct.pack("<HHHHHIII", 20, 0x800, 8, *stamp, crc, len(body), size)
            central += (struct.pack("<IHH", 0x02014B50, info.create_system << 8 | 20, 20) + head[2:] +
                        struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, info.external_attr, len(local)) + name)
            local += struct.pack("<I", 0x04034B50) + head + struct.pack("<HH", len(name), 0) + name + body
        end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(self.infos), len(self.infos), len(central),
                          len(local), 0)
        return bytes(local + central + end)


def _shift(xml: str, by: int) -> str:
    return _HEADING.sub(lambda m: f"{m.group(1)}{min(int(m.group(2)) + by, 6)}{m.group(3)}", xml)


def split(book: bytes, recipes: Sequence[Recipe], resolvers: Sequence[Callable[[int], str | None]]) -> list[bytes]:
    """Every handbook of `recipes` from the converted book."""
    docx = BookDocx(book)
    return [docx.handbook(r, f) for r, f in zip(recipes, resolvers, strict=True)]
