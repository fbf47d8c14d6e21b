"""Read the PDFs typst wrote in this build: objects by number, and the bytes to copy them.

The PDF handbooks are assembled from pages typeset once (ladder_docs.pdf_write copies a page's
drawing as it is; ladder_docs.pdf_layout reads its links and bookmarks). Only PDFs typst wrote are
read (classic cross-reference table, plain object dictionaries, no object streams); anything else
is refused with an ArtifactError. Strings are tokenised properly, so content text inside a link
target or a title cannot be mistaken for PDF syntax.
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
                if not isinstance(key, Name):
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
        for pattern, make in ((_NAME, lambda m: Name(m.group(1))), (_NUMBER, lambda m: float(m.group())),
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
class Name:
    raw: bytes

    @property
    def text(self) -> str:
        return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), self.raw).decode("latin-1")
