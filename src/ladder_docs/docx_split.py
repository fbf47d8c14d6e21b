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

Speed (71 handbooks of the corpus from one book): each piece is cut once, when the book is read,
into its text and the places a handbook changes (a heading's digit, a link's opening); a handbook
joins those. The parts every handbook shares are deflated once per book; the parts of each
handbook are deflated at level 1 (most of the cost of a handbook was deflating its document.xml
at level 6, for 20% smaller files).
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
OWN_LEVEL = 1  # zlib level of the parts each handbook has of its own; shared parts keep zlib's default
_HYPERLINK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_MARKER = re.compile(rb"<!--ldseg:(\d+)-->")
# Where a handbook's text differs from the book's: a heading's level, a link's relationship.
_PLACE = re.compile(rb'<w:pStyle w:val="Heading(\d)"\s*/>|<w:hyperlink r:id="([^"]+)"')
_REL = re.compile(r"<Relationship\b[^>]*?/>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_NUM = re.compile(r'<w:num w:numId="(\d+)"><w:abstractNumId w:val="(\d+)"\s*/></w:num>')
_ABSTRACT = re.compile(r'<w:abstractNum w:abstractNumId="(\d+)">.*?</w:abstractNum>', re.S)
_NUM_USE = re.compile(rb'<w:numId w:val="(\d+)"')
_TITLE = re.compile(r"<dc:title>.*?</dc:title>", re.S)
_QUOTES = {"&quot;": '"', "&apos;": "'"}
_DIGITS = [str(d).encode() for d in range(10)]


def bookmark_name(anchor: str) -> str:
    """The bookmark pandoc writes for an identifier (Word wants short names starting with a letter)."""
    if anchor[:1].isalpha() and len(anchor) <= 40:
        return anchor
    return "X" + hashlib.sha1(anchor.encode("utf-8")).hexdigest()[1:]


class _Piece:
    """A piece's XML cut at its places: texts[0], place 0, texts[1], place 1 … texts[-1]."""

    __slots__ = ("numbers", "places", "texts")

    def __init__(self, xml: bytes) -> None:
        self.texts: list[bytes] = []
        self.places: list[int | bytes] = []  # a heading's digit, or a link's relationship id
        pos = 0
        for m in _PLACE.finditer(xml):
            if m.group(1) is not None:
                self.texts.append(xml[pos:m.start(1)])
                self.places.append(int(m.group(1)))
                pos = m.end(1)
            else:
                self.texts.append(xml[pos:m.start()])
                self.places.append(m.group(2))
                pos = m.end()
        self.texts.append(xml[pos:])
        self.numbers = {n.decode() for n in _NUM_USE.findall(xml)}  # list numbering it uses


class BookDocx:
    """A converted book, read once, cut into handbooks."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.infos = z.infolist()
            self.parts = {i.filename: z.read(i) for i in self.infos}
        xml = self.parts[DOCUMENT]
        body = xml.find(b"<w:body>")
        end = xml.rfind(b"<w:sectPr")
        marks = list(_MARKER.finditer(xml, body, end)) if 0 <= body < end else []
        if not marks:
            raise ArtifactError("pandoc: the handbook book has no pieces (docx_batch.lua markers missing)")
        self.head, self.tail = xml[:body + len(b"<w:body>")], xml[end:]
        self.pieces = {int(m.group(1)): _Piece(xml[m.end():(marks[k + 1].start() if k + 1 < len(marks) else end)])
                       for k, m in enumerate(marks)}
        rels = self.parts[RELS].decode("utf-8")
        opening = re.search(r"<Relationships\b[^>]*>", rels)
        if opening is None:
            raise ArtifactError("pandoc: the handbook book has no relationships")
        self.rels_head, self.rels_tail = rels[:opening.end()], "</Relationships>"
        self.base_rels: list[str] = []
        self.links: dict[bytes, tuple[str, int | None]] = {}  # hyperlink id → element, placeholder number
        for element in _REL.findall(rels):
            attrs = dict(_ATTR.findall(element))
            if attrs.get("Type") == _HYPERLINK_TYPE:
                target = unescape(attrs.get("Target", ""), _QUOTES)
                number = target[len(REF_PREFIX):]
                placeholder = target.startswith(REF_PREFIX) and number.isascii() and number.isdigit()
                self.links[attrs["Id"].encode("utf-8")] = (element, int(number) if placeholder else None)
            else:
                self.base_rels.append(element)
        numbering = self.parts.get(NUMBERING, b"").decode("utf-8")
        self.nums = {n: (m.group(0), a) for m in _NUM.finditer(numbering) for n, a in [m.groups()]}
        self.abstracts = {m.group(1): m.group(0) for m in _ABSTRACT.finditer(numbering)}
        first = min((m.start() for m in (_ABSTRACT.search(numbering), _NUM.search(numbering)) if m),
                    default=len(numbering))
        self.numbering_head = numbering[:first]
        core = self.parts[CORE].decode("utf-8")
        title = _TITLE.search(core)
        self.core = (core, None) if title is None else (core[:title.start()], core[title.end():])
        self.own = {DOCUMENT, RELS, CORE, *({NOTE_RELS, NUMBERING} & self.parts.keys())}
        self.shared = {i.filename: _entry(i, self.parts[i.filename], zlib.Z_DEFAULT_COMPRESSION)
                       for i in self.infos if i.filename not in self.own}

    def handbook(self, recipe: Recipe, resolve: Callable[[int], str | None]) -> bytes:
        """The DOCX of one handbook."""
        out = [self.head]
        used: dict[str, str] = {}  # relationship id → element, in order of first use
        by_target: dict[str, str] = {}
        opened: dict[int, bytes] = {}  # placeholder → the hyperlink's opening in this handbook
        numbers: set[str] = set()

        def relink(rid: bytes) -> bytes:
            element, number = self.links.get(rid, (None, None))
            if element is None:
                return b'<w:hyperlink r:id="' + rid + b'"'
            if number is None:  # a web link: its relationship is kept
                used[rid.decode("utf-8")] = element
                return b'<w:hyperlink r:id="' + rid + b'"'
            if number in opened:
                return opened[number]
            href = resolve(number) or ""
            if href.startswith("#"):
                text = f'<w:hyperlink w:anchor="{escape(bookmark_name(href[1:]), {chr(34): "&quot;"})}"'
            else:
                new = by_target.get(href)
                if new is None:
                    new = by_target[href] = f"rIdLd{len(by_target) + 1}"
                    used[new] = (f'<Relationship Type="{_HYPERLINK_TYPE}" Id="{new}" '
                                 f'Target="{escape(href, {chr(34): "&quot;"})}" TargetMode="External" />')
                text = f'<w:hyperlink r:id="{new}"'
            opened[number] = text.encode("utf-8")
            return opened[number]

        for n, shift in recipe.pieces:
            piece = self.pieces[n]
            numbers |= piece.numbers
            texts = piece.texts
            out.append(texts[0])
            for i, place in enumerate(piece.places, 1):
                if isinstance(place, int):
                    # As pandoc_ast.header: shifted headings stop at 6; an unshifted piece is as written.
                    out.append(_DIGITS[min(place + shift, 6) if shift else place])
                else:
                    out.append(relink(place))
                out.append(texts[i])
        out.append(self.tail)
        links = "".join(used.values())
        own = {DOCUMENT: b"".join(out),
               RELS: (self.rels_head + "".join(self.base_rels) + links + self.rels_tail).encode("utf-8"),
               NOTE_RELS: (self.rels_head + links + self.rels_tail).encode("utf-8"),
               NUMBERING: self._numbering(numbers).encode("utf-8"),
               CORE: self._core(recipe.title).encode("utf-8")}
        return self._zip(own)

    def _numbering(self, used: set[str]) -> str:
        nums = sorted((n for n in used if n in self.nums), key=int)
        abstracts = sorted({self.nums[n][1] for n in nums}, key=int)
        return (self.numbering_head + "".join(self.abstracts[a] for a in abstracts if a in self.abstracts)
                + "".join(self.nums[n][0] for n in nums) + "</w:numbering>")

    def _core(self, title: str) -> str:
        head, tail = self.core
        return head if tail is None else f"{head}<dc:title>{escape(title)}</dc:title>{tail}"

    def _zip(self, own: dict[str, bytes]) -> bytes:
        """The package: the book's entries in its order and with its dates; the shared parts' entries
        were packed once, this handbook's own parts are deflated here."""
        local: list[bytes] = []
        central: list[bytes] = []
        offset = 0
        for info in self.infos:
            entry = self.shared.get(info.filename) or _entry(info, own[info.filename], OWN_LEVEL)
            record, directory, name = entry
            central += (directory, struct.pack("<I", offset), name)
            local.append(record)
            offset += len(record)
        size = sum(map(len, central))
        end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(self.infos), len(self.infos), size, offset, 0)
        return b"".join([*local, *central, end])


def _entry(info: zipfile.ZipInfo, data: bytes, level: int) -> tuple[bytes, bytes, bytes]:
    """A deflated entry: its local record, its central directory record up to the offset, its name."""
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    body = packer.compress(data) + packer.flush()
    name = info.filename.encode("utf-8")
    (year, month, day, hour, minute, second) = info.date_time
    stamp = (hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day)
    head = struct.pack("<HHHHHIII", 20, 0x800, 8, *stamp, zlib.crc32(data), len(body), len(data))
    record = struct.pack("<I", 0x04034B50) + head + struct.pack("<HH", len(name), 0) + name + body
    directory = (struct.pack("<IHH", 0x02014B50, info.create_system << 8 | 20, 20) + head[2:]
                 + struct.pack("<HHHHHI", len(name), 0, 0, 0, 0, info.external_attr))
    return record, directory, name


def split(book: bytes, recipes: Sequence[Recipe], resolvers: Sequence[Callable[[int], str | None]]) -> list[bytes]:
    """Every handbook of `recipes` from the converted book."""
    docx = BookDocx(book)
    return [docx.handbook(r, f) for r, f in zip(recipes, resolvers, strict=True)]
