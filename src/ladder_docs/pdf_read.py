"""Read the PDFs typst wrote in this build: objects by number, and the bytes to copy them.

The PDF handbooks are assembled from pages typeset once (ladder_docs.pdf_write copies a page's
drawing as it is; ladder_docs.pdf_layout reads its links and bookmarks). Only PDFs typst wrote are
read (classic cross-reference table, plain object dictionaries, no object streams); anything else
is refused with an ArtifactError. Strings are tokenised properly, so content text inside a link
target or a title cannot be mistaken for PDF syntax.

An object is read with one compiled pattern: every byte from its start belongs to a token
(whitespace and comments lead each one; anything the pattern does not know is a token of its own,
refused), and values are built on a stack, not by a call per value. This runs on the critical path
of every PDF build, for thousands of objects.
"""

from __future__ import annotations

import binascii
import re
from dataclasses import dataclass
from typing import Any

from .errors import ArtifactError

_WS = re.compile(rb"(?:\s|%[^\r\n]*)*+")
# A literal string, with parentheses nested one deep (deeper ones take the slow path, _literal).
_STRING = rb"\(((?:[^()\\]++|\\[\s\S]|\((?:[^()\\]++|\\[\s\S])*+\))*+)\)"
_TOKEN = re.compile(
    rb"(?:\s|%[^\r\n]*)*+(?:"
    rb"(\d+)\s+\d+\s+R(?![A-Za-z])"  # 1: a reference
    rb"|/([^\s/<>\[\]()%{}]*+)"  # 2: a name
    rb"|([+-]?(?:\d+\.?\d*|\.\d+))"  # 3: a number
    rb"|(<<|\[)"  # 4: a dictionary or an array opens
    rb"|(>>|\])"  # 5: … or closes
    rb"|" + _STRING +  # 6: a literal string
    rb"|<([0-9A-Fa-f\s]*+)>"  # 7: a hex string
    rb"|(true|false|null)"  # 8
    rb"|([\s\S]?))"  # 9: anything else, or the end of the file
)
_KEYWORDS = {b"true": True, b"false": False, b"null": None}
_LITERAL = re.compile(_STRING)
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|\r\n|[\s\S])")
_HEX_WS = b" \t\n\r\f\v"
_XREF_HEAD = re.compile(rb"(\d+) (\d+)")
_XREF_ROW = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_XREF_FIXED = re.compile(rb"(?:\d{10} \d{5} [nf][ \r\n]{2})*+")
_OBJ = re.compile(rb"\d+\s+\d+\s+obj(?:\s|%[^\r\n]*)*+")
# What the copy scan stops at: a string (a hex one at the end of an odd run of "<": "<<" opens a
# dictionary), the "R" ending a reference, the end of the object or the start of its stream. Every
# stop starts with one of a few bytes, so the scan skips numbers and names at C speed.
_SCAN = re.compile(rb"[(<Res](?:(?<=\()|(?<=R)(?![0-9A-Za-z])|(?<=<)(?<!<<)(?:<<)*+(?!<)"
                   rb"|(?<=e)(?<!\we)ndobj\b|(?<=s)(?<!\ws)tream\r?\n)")
# A reference (not the digits ending a name or number), looked for before its "R" within _REACH bytes.
_REF = re.compile(rb"(?<![0-9A-Za-z.#_+-])(\d+)\s+\d+\s+R(?![0-9A-Za-z])")
_REACH = 40
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)(?=[\s/>])")
Raw = tuple[int, int, list[tuple[int, int, int]], tuple[int, int] | None]
# An object to copy: its value's bytes with "%d 0 R" where its references were ("%" doubled), the
# objects they refer to, and its stream data if any.
Template = tuple[bytes, tuple[int, ...], memoryview | None]
_ESCAPES = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
_MISSING = object()


@dataclass(frozen=True)
class Ref:
    """An indirect reference (`12 0 R`)."""

    num: int


class RawPdf:
    """A typst-made PDF: objects by number, parsed on demand, and the byte spans to copy them."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.cache: dict[int, Any] = {}
        self._pages: list[int] | None = None
        self._raw: dict[int, Raw] = {}
        self._keys: dict[bytes, str] = {}  # dictionary keys read, as text
        self._names: dict[bytes, Name] = {}  # names read, by their bytes (one instance each) …
        self._refs: dict[bytes, Ref] = {}  # … and references, by their digits
        self._templates: dict[int, Template] = {}
        # What writers derive from this PDF's objects, kept for the next handbook that copies them.
        self.memo: dict[object, Any] = {}
        # The cross-reference subsections, in order (a later one overrides an earlier one): the
        # number of the first object, the count and the start of rows of exactly 20 bytes (as typst
        # writes them, checked here, read on demand), or the offsets of other rows.
        self._sections: list[tuple[int, int, int] | dict[int, int]] = []
        start = data.rfind(b"startxref")
        if start < 0:
            raise ArtifactError("PDF: no cross-reference table")
        pos = int(data[start + 9:].split()[0])
        if not data.startswith(b"xref", pos):
            raise ArtifactError("PDF: not a classic cross-reference table")
        pos = self._skip(pos + 4)
        while (head := _XREF_HEAD.match(data, pos)) is not None:
            pos = self._xref_rows(int(head.group(1)), int(head.group(2)), self._skip(head.end()))
        if not data.startswith(b"trailer", pos):
            raise ArtifactError("PDF: no trailer")
        self.trailer, _ = self._value(pos + 7)

    def _xref_rows(self, first: int, count: int, pos: int) -> int:
        """Reads a subsection's rows; returns where the next one starts."""
        data, end = self.data, pos + 20 * count
        if end <= len(data) and _XREF_FIXED.fullmatch(data, pos, end):
            self._sections.append((first, count, pos))
            return self._skip(end)
        offsets: dict[int, int] = {}
        for k in range(count):
            row = _XREF_ROW.match(data, pos)
            if row is None:
                raise ArtifactError("PDF: damaged cross-reference table")
            if row.group(3) == b"n":
                offsets[first + k] = int(row.group(1))
            pos = self._skip(row.end())
        self._sections.append(offsets)
        return pos

    def _offset(self, num: int) -> int | None:
        """Where object `num` starts (the last subsection listing it in use says)."""
        for section in reversed(self._sections):
            if isinstance(section, dict):
                if num in section:
                    return section[num]
            elif 0 <= num - section[0] < section[1]:
                row = section[2] + 20 * (num - section[0])
                if self.data[row + 17] == 0x6E:  # "n": in use
                    return int(self.data[row:row + 10])
        return None

    def _skip(self, pos: int) -> int:
        found = _WS.match(self.data, pos)
        return found.end() if found else pos

    def get(self, value: Any) -> Any:
        """`value`, or the object it refers to."""
        if not isinstance(value, Ref):
            return value
        found = self.cache.get(value.num, _MISSING)
        if found is _MISSING:
            found = self.cache[value.num] = self._value(self._start(value.num))[0]
        return found

    def _start(self, num: int) -> int:
        pos = self._offset(num)
        if pos is None:
            raise ArtifactError(f"PDF: object {num} is missing")
        head = _OBJ.match(self.data, pos)
        if head is None:
            raise ArtifactError(f"PDF: object {num} is damaged")
        return head.end()

    def raw(self, num: int) -> Raw:
        """Object `num` as bytes to copy: the span of its value (a dictionary for a stream), the
        spans of the references in it (start, end, object number), its stream data's span if any."""
        found = self._raw.get(num)
        if found is None:
            found = self._raw[num] = self._scan(num)
        return found

    def template(self, num: int) -> Template:
        """Object `num` ready to copy with other numbers: `template % new_numbers_of_refs` (the
        template as it is when it has no references)."""
        found = self._templates.get(num)
        if found is None:
            data = self.data
            start, end, spans, stream = self.raw(num)
            pieces, pos = [], start
            for a, b, _ref in spans:
                pieces += [data[pos:a].replace(b"%", b"%%"), b"%d 0 R"]
                pos = b
            pieces.append(data[pos:end].replace(b"%", b"%%") if spans else data[pos:end])
            found = self._templates[num] = (b"".join(pieces), tuple(ref for _, _, ref in spans),
                                            None if stream is None else memoryview(data)[stream[0]:stream[1]])
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
            at, end = found.span()
            token = found[0]
            if token == b"R":
                # Nothing since `pos` was a stop, so a reference ending here starts after it.
                ref = _REF.search(data, max(pos, at - _REACH), end)
                if ref is None and at - _REACH > pos:
                    ref = _REF.search(data, pos, end)
                if ref is not None:
                    spans.append((ref.start(), end, int(ref[1])))
                pos = end
            elif token == b"(":
                string = _LITERAL.match(data, at)
                pos = string.end() if string else self._literal(end)[1]
            elif token[-1:] == b"<":
                pos = data.find(b">", end) + 1
                if pos == 0:
                    raise ArtifactError(f"PDF: object {num} has a string without an end")
            elif token == b"endobj":
                while data[at - 1] in b" \t\r\n":
                    at -= 1
                return start, at, spans, None
            else:  # stream: its dictionary ends here, its data follows
                close = data.rindex(b">>", start, at) + 2
                direct = _LENGTH.search(data, start, close)
                length = float(direct.group(1)) if direct else self.get(self.get(Ref(num)).get("Length"))
                if not isinstance(length, float):
                    raise ArtifactError(f"PDF: stream {num} has no length")
                return start, close, spans, (end, end + int(length))

    def pages(self) -> list[int]:
        """The object numbers of the pages, in order."""
        if self._pages is not None:
            return self._pages
        refs: list[int] = []

        def collect(node: Any) -> None:
            for kid in self.get(node)["Kids"]:
                if "Kids" in self.get(kid):
                    collect(kid)
                else:
                    refs.append(kid.num)

        collect(self.get(self.trailer["Root"])["Pages"])
        self._pages = refs  # complete: handbooks written in other threads may read it
        return refs

    def _value(self, pos: int) -> tuple[Any, int]:
        """The value starting at `pos` (after any whitespace) and where it ends."""
        data, names, refs = self.data, self._names, self._refs
        outer: list[list[Any]] = []  # the items of the containers around the current one …
        kinds: list[bool] = []  # … and whether each is a dictionary
        items: list[Any] = []  # the current container's (a dictionary's: alternate key, value)
        is_dict = False
        value: Any
        tokens = _TOKEN.finditer(data, pos)
        while True:
            for found in tokens:
                kind = found.lastindex
                if kind == 2:  # a name
                    raw = found[2]
                    if is_dict and not len(items) & 1:
                        # A key, kept as text: values are never str, so keys stay recognisable.
                        value = self._keys.get(raw)
                        if value is None:
                            value = self._keys[raw] = Name(raw).text
                    else:
                        value = names.get(raw)
                        if value is None:
                            value = names[raw] = Name(raw)
                elif kind == 3:
                    value = float(found[3])
                elif kind == 1:  # a reference: one instance per object
                    value = refs.get(found[1])
                    if value is None:
                        value = refs[found[1]] = Ref(int(found[1]))
                elif kind == 4:
                    outer.append(items)
                    kinds.append(is_dict)
                    items, is_dict = [], found[4] == b"<<"
                    continue
                elif kind == 5:
                    if not kinds or is_dict != (found[5] == b">>"):
                        raise ArtifactError(f"PDF: unexpected syntax at byte {found.start(5)}")
                    value = _dictionary(items) if is_dict else items
                    items, is_dict = outer.pop(), kinds.pop()
                elif kind == 6:
                    value = found[6]
                    if b"\\" in value:
                        value = _ESCAPE.sub(_unescape, value)
                elif kind == 7:
                    digits = found[7].translate(None, _HEX_WS)
                    value = binascii.a2b_hex(digits + b"0" * (len(digits) % 2))
                elif kind == 8:
                    value = _KEYWORDS[found[8]]
                elif found[9] == b"(":  # a string nested deeper than _TOKEN reads
                    value, end = self._literal(found.end())
                    if not kinds:
                        return value, end
                    items.append(value)
                    tokens = _TOKEN.finditer(data, end)
                    break
                else:
                    raise ArtifactError(f"PDF: unexpected syntax at byte {found.start(9)}")
                if not kinds:
                    return value, found.end()
                items.append(value)
            else:
                raise ArtifactError("PDF: unexpected end of file")

    def _literal(self, pos: int) -> tuple[bytes, int]:
        """A literal string whose "(" ends at `pos`, byte by byte; and where it ends."""
        out = bytearray()
        depth = 0
        data = self.data
        try:
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
        except IndexError:
            raise ArtifactError("PDF: a string has no end") from None


def _dictionary(items: list[Any]) -> dict[str, Any]:
    """A dictionary from its alternate keys (str, as read) and values."""
    pairs = iter(items)
    try:
        out = dict(zip(pairs, pairs, strict=True))
        "".join(out)  # only names were read as str: this fails on any other key
    except (TypeError, ValueError):
        raise ArtifactError("PDF: a dictionary key is not a name") from None
    return out


def _unescape(found: re.Match[bytes]) -> bytes:
    code = found.group(1)
    if 0x30 <= code[0] <= 0x37:
        return bytes([int(code, 8) & 0xFF])
    if code[0] in (0x0A, 0x0D):  # a line continuation
        return b""
    return bytes([_ESCAPES.get(code[0], code[0])])


@dataclass(frozen=True)
class Name:
    raw: bytes

    @property
    def text(self) -> str:
        if b"#" not in self.raw:
            return self.raw.decode("latin-1")
        return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), self.raw).decode("latin-1")
