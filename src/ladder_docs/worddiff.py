"""Word-level diffs, shared by the changelog, redlines and "what changes" sections."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Literal

Op = Literal["equal", "insert", "delete"]
_TOKEN = re.compile(r"\s+|[\w'’-]+|[^\w\s]", re.UNICODE)


def tokenize(text: str) -> list[str]:
    """Split into words, whitespace runs and single punctuation marks (lossless)."""
    return _TOKEN.findall(text)


def word_diff(before: str, after: str) -> list[tuple[Op, str]]:
    """`[[op, text], …]` turning `before` into `after`; adjacent runs of one op are merged."""
    a, b = tokenize(before), tokenize(after)
    out: list[tuple[Op, str]] = []

    def emit(op: Op, text: str) -> None:
        if not text:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            emit("equal", "".join(a[i1:i2]))
        else:
            emit("delete", "".join(a[i1:i2]))
            emit("insert", "".join(b[j1:j2]))
    return out


def similarity(before: str, after: str) -> float:
    """Word-level similarity ratio in [0, 1]."""
    a = [t for t in tokenize(before.lower()) if not t.isspace()]
    b = [t for t in tokenize(after.lower()) if not t.isspace()]
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
