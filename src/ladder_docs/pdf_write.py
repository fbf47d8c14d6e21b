"""Write an assembled PDF handbook: typeset pages copied byte for byte, with footers, links, bookmarks.

Each page of the handbook draws two Form XObjects: a page of a typeset part (its content stream and
everything its resources reach, copied with object numbers shifted, streams untouched) and the
matching page of the footer kit. Links, bookmarks, the page tree, the catalog and the document
information are written for this handbook. Nothing depends on the clock or on paths: the same
inputs give the same bytes. This copies; typst, embedding the same pages as pictures, re-encodes
them, which made assembling cost as much as typesetting.

A part is in many handbooks (a level's pages in its level, track and ladder handbooks): what is
the same in each copy is kept with its source (RawPdf.template: each object's bytes with its
references to fill in; a page's form head), so a handbook only numbers and joins.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
import time
from collections.abc import Mapping, Sequence
from typing import Any

from .errors import ArtifactError
from .pdf_read import Name, RawPdf, Ref
from .pdf_sheets import Jump, Mark, Plan

KIT = "\0kit"  # the footer kit among the sources
_PLAIN = re.compile(rb"[ -'*-\[\]-~]*")  # printable ASCII but ( ) \\: a literal string as it is
# An object's body: its bytes, or a stream's dictionary and data (copied once, into the file).
Body = bytes | tuple[bytes, memoryview]


class _Writer:
    def __init__(self) -> None:
        self.bodies: list[Body] = []

    def reserve(self) -> int:
        self.bodies.append(b"")
        return len(self.bodies)

    def put(self, num: int, body: Body) -> None:
        self.bodies[num - 1] = body

    def add(self, body: Body) -> int:
        self.bodies.append(body)
        return len(self.bodies)

    def finish(self, root: int, info: int) -> bytes:
        header = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
        pieces: list[bytes | memoryview] = [header]
        sizes = []
        for num, body in enumerate(self.bodies, 1):
            if isinstance(body, bytes):
                piece = b"%d 0 obj\n%s\nendobj\n" % (num, body)
                pieces.append(piece)
                sizes.append(len(piece))
            else:  # a stream's data goes in as it is, copied once
                piece = b"%d 0 obj\n%s\nstream\n" % (num, body[0])
                pieces += [piece, body[1], b"\nendstream\nendobj\n"]
                sizes.append(len(piece) + len(body[1]) + 18)
        offsets = list(itertools.accumulate(sizes, initial=len(header)))
        start = offsets.pop()  # the cross-reference table's
        xref = b"xref\n0 %d\n0000000000 65535 f\r\n" % (len(offsets) + 1) + (
            b"%010d 00000 n\r\n" * len(offsets)) % tuple(offsets)
        # The file identifier: a digest of the layout (every object's offset) and the document
        # information, not of every byte (cheaper, and as stable).
        info_body = self.bodies[info - 1]
        if not isinstance(info_body, bytes):
            raise ArtifactError("PDF: the document information is a stream")
        digest = hashlib.sha256(xref + info_body).hexdigest()[:32].encode()
        pieces += [xref, b"trailer\n<</Size %d/Root %d 0 R/Info %d 0 R/ID[<%s><%s>]>>\nstartxref\n%d\n%%%%EOF\n"
                   % (len(offsets) + 1, root, info, digest, digest, start)]
        return b"".join(pieces)


class _Copier:
    """Copies objects of one source into the writer, each once, with its references renumbered."""

    def __init__(self, source: RawPdf, writer: _Writer) -> None:
        self.source, self.writer = source, writer
        self.numbers: dict[int, int] = {}

    def copy(self, num: int) -> int:
        """The new number of object `num` (copied with everything it refers to)."""
        numbers, bodies, template = self.numbers, self.writer.bodies, self.source.template
        todo, fresh = [num], []
        # Depth first, stopping at objects already copied (each was copied with all it refers to).
        while todo:
            old = todo.pop()
            if old not in numbers:
                bodies.append(b"")
                numbers[old] = len(bodies)
                found = template(old)
                fresh.append((len(bodies) - 1, found))
                todo.extend(found[1])
        for at, (text, refs, stream) in fresh:  # all they refer to is numbered now
            if refs:
                text %= tuple([numbers[ref] for ref in refs])
            bodies[at] = text if stream is None else (text, stream)
        return numbers[num]

    def body(self, num: int, extra: bytes = b"") -> Body:
        """Object `num` renumbered, with `extra` entries added to its dictionary."""
        template, refs, stream = self.source.template(num)
        numbers = self.numbers
        if refs:  # a page's content stream, copied on its own, may refer to objects not copied yet
            template %= tuple([numbers[ref] if ref in numbers else self.copy(ref) for ref in refs])
        head = template
        if extra:
            if not head.startswith(b"<<"):
                raise ArtifactError(f"PDF: object {num} is not a dictionary")
            head = head[:2] + extra + head[2:]
        return head if stream is None else (head, stream)


def _form(copier: _Copier, page_num: int) -> int:
    """A page of a source as a Form XObject (its content stream, its resources, its box)."""
    source = copier.source
    found = source.memo.get(("form", page_num))
    if found is None:
        page = source.get(Ref(page_num))
        contents = page.get("Contents")
        if isinstance(contents, list):
            if len(contents) != 1:
                raise ArtifactError("PDF: a page with several content streams")
            contents = contents[0]
        if not isinstance(contents, Ref) or not isinstance(page.get("Resources"), Ref):
            raise ArtifactError("PDF: a page without its own content stream and resources")
        box = b" ".join(_number(float(v)) for v in source.get(page["MediaBox"]))
        group = b"/Group" + _serialise(source.get(page["Group"])) if "Group" in page else b""
        found = source.memo[("form", page_num)] = (
            contents.num, page["Resources"].num, b"/Type/XObject/Subtype/Form/BBox[%s]/Resources " % box, group)
    contents_num, resources, head, group = found
    extra = head + b"%d 0 R" % copier.copy(resources) + group
    return copier.writer.add(copier.body(contents_num, extra))


Footer = tuple[str, int] | None  # a page of a source drawn over a sheet (its footer), or none


def write_pdf(title: str, plan: Plan, sources: Mapping[str, RawPdf], footers: int | Sequence[Footer],
              timestamp: int) -> bytes:
    """The PDF of a planned handbook; `sources` holds each part and the footers' documents. `footers`:
    for each sheet, (source, page index) of its footer, or None when its page carries its own; an
    int n: the pages of the footer kit (key KIT) from n on, one per sheet."""
    writer = _Writer()
    catalog, tree, info = writer.reserve(), writer.reserve(), writer.reserve()
    copiers = {key: _Copier(pdf, writer) for key, pdf in sources.items()}
    if isinstance(footers, int):
        footers = [(KIT, footers + k) for k in range(len(plan.sheets))]
    page_nums = [writer.reserve() for _ in plan.sheets]
    both = writer.add(_stream(b"q /B Do Q q /F Do Q"))  # a page: its part's page, then its footer
    alone = writer.add(_stream(b"q /B Do Q")) if None in footers else 0
    for k, (sheet, foot) in enumerate(zip(plan.sheets, footers, strict=True)):
        source = copiers[sheet.part]
        body = _form(source, source.source.pages()[sheet.page])
        forms = b"/B %d 0 R" % body
        if foot is not None:
            kit = copiers[foot[0]]
            forms += b"/F %d 0 R" % _form(kit, kit.source.pages()[foot[1]])
        annots = _refs([writer.add(_annotation(j, page_nums)) for j in sheet.jumps])
        writer.put(page_nums[k], b"<</Type/Page/Parent %d 0 R/MediaBox[0 0 %s %s]/Resources<</XObject<<%s>>>>"
                   b"/Contents %d 0 R%s>>" % (tree, _number(sheet.width), _number(sheet.height), forms,
                                              both if foot is not None else alone,
                                              b"/Annots[%s]" % annots if annots else b""))
    writer.put(tree, b"<</Type/Pages/Count %d/Kids[%s]>>" % (len(page_nums), _refs(page_nums)))
    outlines = _outlines(writer, plan.marks, page_nums)
    writer.put(catalog, b"<</Type/Catalog/Pages %d 0 R%s/Lang(en)>>" % (
        tree, b"/Outlines %d 0 R" % outlines if outlines else b""))
    date = time.strftime("D:%Y%m%d%H%M%S+00'00'", time.gmtime(timestamp)).encode()
    writer.put(info, b"<</Title%s/Creator(ladder-docs)/Producer(Typst)/CreationDate(%s)/ModDate(%s)>>" % (
        _text(title), date, date))
    return writer.finish(catalog, info)


def _annotation(jump: Jump, pages: list[int]) -> bytes:
    if jump.uri is not None:
        return _link(jump.rect, jump.uri)
    page = pages[min(max(jump.page, 0), len(pages) - 1)]
    return b"<</Type/Annot/Subtype/Link/Rect[%s]/Border[0 0 0]/Dest[%d 0 R/XYZ 0 %s 0]/F 4>>" % (
        b" ".join(map(_number, jump.rect)), page, _number(jump.top))


@functools.lru_cache(maxsize=4096)  # a level's links are in its level, track and ladder handbooks
def _link(rect: tuple[float, float, float, float], uri: str) -> bytes:
    return b"<</Type/Annot/Subtype/Link/Rect[%s]/Border[0 0 0]/A<</Type/Action/S/URI/URI%s>>/F 4>>" % (
        b" ".join(map(_number, rect)), _literal(uri.encode("utf-8")))


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
    prev: dict[int, bytes] = {}  # each item's link to its siblings
    after: dict[int, bytes] = {}
    for siblings in children.values():
        for a, b in itertools.pairwise(siblings):
            prev[b], after[a] = b"/Prev %d 0 R" % nums[a], b"/Next %d 0 R" % nums[b]
    last = len(pages) - 1
    for i, mark in enumerate(marks):
        up = parent_of[i]
        kids = children.get(i)
        first = b"/First %d 0 R/Last %d 0 R/Count -%d" % (nums[kids[0]], nums[kids[-1]], len(kids)) if kids else b""
        writer.bodies[nums[i] - 1] = b"<</Title%s/Parent %d 0 R%s%s%s/Dest[%d 0 R/XYZ 0 %s 0]>>" % (
            _text(mark.title), root if up is None else nums[up], prev.get(i, b""), after.get(i, b""), first,
            pages[min(max(mark.page, 0), last)], _number(mark.top))
    top = children[None]
    writer.put(root, b"<</Type/Outlines/First %d 0 R/Last %d 0 R/Count %d>>" % (nums[top[0]], nums[top[-1]], len(top)))
    return root


def _refs(nums: list[int]) -> bytes:
    return b" ".join(b"%d 0 R" % n for n in nums)


def _stream(data: bytes) -> bytes:
    return b"<</Length %d>>\nstream\n%s\nendstream" % (len(data), data)


@functools.lru_cache(maxsize=4096)  # handbooks repeat their page sizes, link boxes and heights
def _number(value: float) -> bytes:
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return b"0" if text in ("", "-0") else text.encode()


def _literal(raw: bytes) -> bytes:
    """A PDF literal string; bytes outside printable ASCII are octal escapes."""
    if _PLAIN.fullmatch(raw):
        return b"(" + raw + b")"
    out = bytearray(b"(")
    for c in raw:
        if c in b"()\\":
            out += b"\\" + bytes([c])
        elif 32 <= c < 127:
            out.append(c)
        else:
            out += b"\\%03o" % c
    return bytes(out + b")")


@functools.lru_cache(maxsize=4096)  # a level's bookmarks are in its level, track and ladder handbooks
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
