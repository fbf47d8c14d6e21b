"""Relative links in ladder content, found for `check`: extraction and resolution against a revision."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote

from .model import Ladder

LINK = re.compile(r"!?\[(?P<text>(?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?(?P<url>[^)\s>]*)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class FoundLink:
    """A link found in a document: where it is, its text and its target as written."""

    path: str
    line: int
    text: str
    url: str


def is_relative(url: str) -> bool:
    """True for links into the repository (no scheme, not a fragment, not protocol-relative)."""
    return bool(url) and not _SCHEME.match(url) and not url.startswith(("#", "//"))


def resolve(from_path: str, url: str) -> str | None:
    """Repo-relative target of a relative link, or None when it leaves the repository."""
    target = unquote(url.split("#", 1)[0].split("?", 1)[0])
    if not target:
        return from_path
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(posixpath.dirname(from_path), target)
    norm = posixpath.normpath(joined)
    if norm.startswith("../") or norm == ".." or norm.startswith("/"):
        return None
    return "" if norm == "." else norm


def find_links(path: str, line: int, text: str) -> Iterator[FoundLink]:
    """Markdown links in one piece of text."""
    for m in LINK.finditer(text):
        yield FoundLink(path, line, m.group("text"), m.group("url"))


def ladder_links(ladder: Ladder) -> Iterator[FoundLink]:
    """Every link in every level and overview document, with its source line."""
    for lv in ladder.levels:
        yield from find_links(lv.path, lv.line, lv.summary)
        for _k, v in lv.attributes:
            yield from find_links(lv.path, lv.line, v)
        for b in lv.notes:
            yield from find_links(lv.path, b.line, b.text)
        for dim in lv.dimensions:
            for item in (*dim.competencies, *dim.examples, *dim.notes):
                yield from find_links(lv.path, item.line, item.text)
    seen: set[str] = set()
    for doc in ladder.all_documents():
        if doc.path in seen:
            continue
        seen.add(doc.path)
        for b in doc.blocks:
            for t in (b.text, *(c for row in b.rows for c in row)):
                yield from find_links(doc.path, b.line, t)
