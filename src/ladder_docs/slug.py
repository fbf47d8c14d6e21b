"""Slugs and keys: lowercase ASCII, runs of anything else become `-`."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Letters NFKD does not decompose into ASCII.
_EXTRA = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss",
                        "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "TH", "ı": "i"})


def slugify(text: str) -> str:
    """`L4 - Lead Cloud Engineer` → `l4-lead-cloud-engineer`."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_EXTRA)).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub("-", ascii_text.lower()).strip("-")


def path_key(folder: str) -> str:
    """A track key from a folder path: `Engineering/Cloud-Engineering` → `engineering-cloud-engineering`."""
    return slugify(folder.replace("/", " "))
