"""Bytes to text: BOMs, UTF-16, legacy encodings, mojibake and line endings, with diagnostics."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Sequences UTF-8 produces when read as Mac Roman or Windows-1252: lead bytes 0xC2–0xF4 map to
# these characters, followed by continuation-byte characters.
_MAC_ROMAN_HINT = re.compile(r"[√¬ƒ≈∆«»…ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ][\x80-\uffff]")
_MOJIBAKE_HINT = re.compile("[ÃÂâð√ü‚Ä][\u0080-\u00bf\u2018-\u203a\u0152-\u02dc\u00a0-\u00ff√¬¶Ä]")


@dataclass(frozen=True)
class Decoded:
    """Decoded text (LF line endings, no BOM) and what had to be done to get it."""

    text: str
    encoding: str
    line_endings: str  # "lf", "crlf", "cr" or "mixed"
    bom: bool
    repaired_from: str | None  # the mojibake text as found, when it was repaired
    binary: bool = False


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes that is not UTF-16 (git's heuristic, plus BOM awareness)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\0" in data[:8192]


def decode(data: bytes) -> Decoded:
    """Decode ladder file bytes tolerantly; never raises."""
    bom = False
    if looks_binary(data):
        return Decoded("", "binary", "lf", False, None, binary=True)
    if data.startswith(codecs.BOM_UTF8):
        data, bom = data[3:], True
        encoding = "utf-8"
        text = data.decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        bom, encoding = True, "utf-16"
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            # Not UTF-8: most such files in the wild are Windows-1252 (a superset of Latin-1 in
            # its printable range); Latin-1 never fails, so it is the last resort.
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
    text = text.lstrip("\ufeff")
    if "\r" not in text:  # the common case: skip the counting
        return _finish(text, encoding, "lf", bom)
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [k for k, n in (("crlf", crlf), ("cr", lone_cr), ("lf", lf)) if n]
    endings = kinds[0] if len(kinds) == 1 else ("lf" if not kinds else "mixed")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _finish(text, encoding, endings, bom)


def _finish(text: str, encoding: str, endings: str, bom: bool) -> Decoded:
    repaired_from = None
    if encoding == "utf-8" and _MOJIBAKE_HINT.search(text):
        fixed = repair_mojibake(text)
        if fixed != text:
            repaired_from, text = text, fixed
    return Decoded(text, encoding, endings, bom, repaired_from)


def _undo(text: str, codec: str) -> str | None:
    try:
        return text.encode(codec).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as Mac Roman or Windows-1252; line by line, where it helps."""
    whole = _undo(text, "mac_roman") or _undo(text, "cp1252")
    if whole is not None:
        return whole
    import ftfy  # slow to import; only files that look broken pay for it

    out = []
    for line in text.split("\n"):
        if _MOJIBAKE_HINT.search(line):
            fixed = _undo(line, "mac_roman") or _undo(line, "cp1252")
            line = fixed if fixed is not None else ftfy.fix_encoding(line)
        out.append(line)
    return "\n".join(out)


def mojibake_lines(before: str, after: str) -> list[tuple[int, str, str]]:
    """(line number, as found, repaired) for every line the repair changed."""
    return [
        (i, a, b)
        for i, (a, b) in enumerate(zip(before.split("\n"), after.split("\n"), strict=False), 1)
        if a != b
    ]
