"""Write an assembled PDF handbook: typeset pages copied byte for byte, with footers, links, bookmarks.

Each page of the handbook draws two Form XObjects: a page of a typeset part (its content stream and
everything its resources reach, copied with object numbers shifted, streams untouched) and the
matching page of the footer kit. Links, bookmarks, the page tree, the catalog and the document
information are written for this handbook. Nothing depends on the clock or on paths: the same
inputs give the same bytes. This copies; typst, embedding the same pages as pictures, re-encodes
them, which made assembling cost as much as typesetting.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping
from typing import Any

from .errors import ArtifactError
from .pdf_read import Name, RawPdf, Ref
from .pdf_sheets import Jump, Mark, Plan

KIT = "\0kit"  # the footer kit among the sources


class _Writer:
    def __init__(self) -> None:
        self.bodies: list[bytes] = []

    def reserve(self) -> int:
        self.bodies.append(b"")
        return len(self.bodies)

    def put(self, num: int, body: bytes) -> None:
        self.bodies[num - 1] = body

    def add(self, body: bytes) -> int:
        self.bodies.append(body)
        return len(self.bodies)

    def finish(self, root: int, info: int) -> bytes:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for num, body in enumerate(self.bodies, 1):
            offsets.append(len(out))
            out += b"%d 0 obj\n%s\nendobj\n" % (num, body)
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f\r\n" % (len(self.bodies) + 1)
        out += b"".join(b"%010d 00000 n\r\n" % o for o in offsets)
        # The file identifier: a digest of the layout (every object's offset) and the document
        # information, not of every byte (cheaper, and as stable).
        digest = hashlib.sha256(out[xref:] + self.bodies[info - 1]).hexdigest()[:32].encode()
        out += (b"trailer\n<</Size %d/Root %d 0 R/Info %d 0 R/ID[<%s><%s>]>>\nstartxref\n%d\n%%%%EOF\n"
                % (len(self.bodies) + 1, root, info, digest, digest, xref))
        return bytes(out)


class _Copier:
    """Copies objects of one source into the writer, each once, with its references renumbered."""

    def __init__(self, source: RawPdf, writer: _Writer) -> None:
        self.source, self.writer = source, writer
        self.numbers: dict[int, int] = {}

    def copy(self, num: int) -> int:
        """The new number of object `num` (copied with everything it refers to)."""
        todo, order = [num], []
        while todo:
            old = todo.pop()
            if old in self.numbers:
                continue
            self.numbers[old] = self.writer.reserve()
            order.append(old)
            todo.extend(ref for _, _, ref in self.source.raw(old)[2])
        for old in order:
            self.writer.put(self.numbers[old], self.body(old))
        return self.numbers[num]

    def body(self, num: int, extra: bytes = b"") -> bytes:
        """Object `num` renumbered, with `extra` entries added to its dictionary."""
        start, end, spans, stream = self.source.raw(num)
        data, pieces, pos = self.source.data, [], start
        for a, b, ref in spans:
            pieces += [data[pos:a], b"%d 0 R" % self.copy(ref) if ref not in self.numbers else
                       b"%d 0 R" % self.numbers[ref]]
            pos = b
        pieces.append(data[pos:end])
        head = b"".join(pieces)
        if extra:
            if not self.source.data.startswith(b"<<", start):
                raise ArtifactError(f"PDF: object {num} is not a dictionary")
            head = head[:2] + extra + head[2:]
        if stream is None:
            return head
        return head + b"\nstream\n" + data[stream[0]:stream[1]] + b"\nendstream"


def _form(copier: _Copier, page_num: int) -> int:
    """A page of a source as a Form XObject (its content stream, its resources, its box)."""
    source = copier.source
    page = source.get(Ref(page_num))
    contents = page.get("Contents")
    if isinstance(contents, list):
        if len(contents) != 1:
            raise ArtifactError("PDF: a page with several content streams")
        contents = contents[0]
    if not isinstance(contents, Ref) or not isinstance(page.get("Resources"), Ref):
        raise ArtifactError("PDF: a page without its own content stream and resources")
    box = b" ".join(_number(float(v)) for v in source.get(page["MediaBox"]))
    extra = b"/Type/XObject/Subtype/Form/BBox[%s]/Resources %d 0 R" % (box, copier.copy(page["Resources"].num))
    if "Group" in page:
        extra += b"/Group" + _serialise(source.get(page["Group"]))
    return copier.writer.add(copier.body(contents.num, extra))


def write_pdf(title: str, plan: Plan, sources: Mapping[str, RawPdf], kit_first: int, timestamp: int) -> bytes:
    """The PDF of a planned handbook; `sources` holds each part and the footer kit (key KIT), whose
    pages from `kit_first` on are this handbook's footers."""
    writer = _Writer()
    catalog, tree, info = writer.reserve(), writer.reserve(), writer.reserve()
    copiers = {key: _Copier(pdf, writer) for key, pdf in sources.items()}
    kit_pages = sources[KIT].pages()
    page_nums = [writer.reserve() for _ in plan.sheets]
    content = writer.add(_stream(b"q /B Do Q q /F Do Q"))  # every page: its part's page, then its footer
    for k, sheet in enumerate(plan.sheets):
        source = copiers[sheet.part]
        body = _form(source, source.source.pages()[sheet.page])
        footer = _form(copiers[KIT], kit_pages[kit_first + k])
        annots = _refs([writer.add(_annotation(j, page_nums)) for j in sheet.jumps])
        writer.put(page_nums[k], b"<</Type/Page/Parent %d 0 R/MediaBox[0 0 %s %s]/Resources<</XObject<</B %d 0 R"
                   b"/F %d 0 R>>>>/Contents %d 0 R%s>>" % (tree, _number(sheet.width), _number(sheet.height), body,
                                                           footer, content, b"/Annots[%s]" % annots if annots else b""))
    writer.put(tree, b"<</Type/Pages/Count %d/Kids[%s]>>" % (len(page_nums), _refs(page_nums)))
    outlines = _outlines(writer, plan.marks, page_nums)
    writer.put(catalog, b"<</Type/Catalog/Pages %d 0 R%s/Lang(en)>>" % (
        tree, b"/Outlines %d 0 R" % outlines if outlines else b""))
    date = time.strftime("D:%Y%m%d%H%M%S+00'00'", time.gmtime(timestamp)).encode()
    writer.put(info, b"<</Title%s/Creator(ladder-docs)/Producer(Typst)/CreationDate(%s)/ModDate(%s)>>" % (
        _text(title), date, date))
    return writer.finish(catalog, info)


def _annotation(jump: Jump, pages: list[int]) -> bytes:
    rect = b" ".join(_number(v) for v in jump.rect)
    if jump.uri is not None:
        target = b"/A<</Type/Action/S/URI/URI%s>>" % _literal(jump.uri.encode("utf-8"))
    else:
        page = pages[min(max(jump.page, 0), len(pages) - 1)]
        target = b"/Dest[%d 0 R/XYZ 0 %s 0]" % (page, _number(jump.top))
    return b"<</Type/Annot/Subtype/Link/Rect[%s]/Border[0 0 0]%s/F 4>>" % (rect, target)


def _outlines(writer: _Writer, marks: tuple[Mark, ...], pages: list[int]) -> int | None:
    """The bookmark tree (items with children start closed); None without bookmarks."""
    if not marks:
        return None
    root = writer.reserve()
    nums = [writer.reserve() for _ in marks]
    parents: list[int] = []  # index of the open item at each depth
    parent_of: list[int | None] = []
    for i, mark in enumerate(marks):
        depth = min(mark.depth, len(parents) + 1)
        del parents[depth - 1:]
        parent_of.append(parents[-1] if parents else None)
        parents.append(i)
    children: dict[int | None, list[int]] = {}
    for i, p in enumerate(parent_of):
        children.setdefault(p, []).append(i)
    for i, mark in enumerate(marks):
        siblings = children[parent_of[i]]
        at = siblings.index(i)
        up = parent_of[i]
        parts = [b"/Title" + _text(mark.title), b"/Parent %d 0 R" % (root if up is None else nums[up])]
        if at > 0:
            parts.append(b"/Prev %d 0 R" % nums[siblings[at - 1]])
        if at + 1 < len(siblings):
            parts.append(b"/Next %d 0 R" % nums[siblings[at + 1]])
        kids = children.get(i, [])
        if kids:
            parts.append(b"/First %d 0 R/Last %d 0 R/Count -%d" % (nums[kids[0]], nums[kids[-1]], len(kids)))
        page = pages[min(max(mark.page, 0), len(pages) - 1)]
        parts.append(b"/Dest[%d 0 R/XYZ 0 %s 0]" % (page, _number(mark.top)))
        writer.put(nums[i], b"<<" + b"".join(parts) + b">>")
    top = children[None]
    writer.put(root, b"<</Type/Outlines/First %d 0 R/Last %d 0 R/Count %d>>" % (nums[top[0]], nums[top[-1]], len(top)))
    return root


def _refs(nums: list[int]) -> bytes:
    return b" ".join(b"%d 0 R" % n for n in nums)


def _stream(data: bytes) -> bytes:
    return b"<</Length %d>>\nstream\n%s\nendstream" % (len(data), data)


def _number(value: float) -> bytes:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return b"0" if text in ("", "-0") else text.encode()


def _literal(raw: bytes) -> bytes:
    """A PDF literal string; bytes outside printable ASCII are octal escapes."""
    out = bytearray(b"(")
    for c in raw:
        if c in b"()\\":
            out += b"\\" + bytes([c])
        elif 32 <= c < 127:
            out.append(c)
        else:
            out += b"\\%03o" % c
    return bytes(out + b")")


def _text(text: str) -> bytes:
    """A PDF text string (UTF-16 with a byte order mark, as hex)."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _serialise(value: Any) -> bytes:
    """A simple direct value (names, numbers, booleans, arrays, dictionaries)."""
    if isinstance(value, dict):
        return b"<<" + b"".join(b"/" + k.encode("latin-1") + _serialise(v) for k, v in value.items()) + b">>"
    if isinstance(value, list):
        return b"[" + b" ".join(_serialise(v) for v in value) + b"]"
    if isinstance(value, bool):
        return b" true" if value else b" false"
    if isinstance(value, float):
        return b" " + _number(value)
    if isinstance(value, Name):
        return b"/" + value.raw
    raise ArtifactError(f"PDF: cannot copy a {type(value).__name__} here")
