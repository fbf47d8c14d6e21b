"""Line classification for the tolerant parser: what each markdown line is, without a full parse."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "blank", "heading", "bold", "quote", "bullet", "text", "examples", "html", "fence", "rule", "code"
]
# Lines longer than this are only ever text: the structural regexes are not run on them, so a
# hostile 1 MB line costs linear time.
MAX_STRUCTURAL = 4000

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
_BULLET = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*)|$)")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?(.*)$")
# A line that is nothing but strong/emphasised text: `**Title**`, `***Heading`, `__Title__`.
_BOLD_LINE = re.compile(r"^ {0,3}(\*{2,3}|_{2,3})[ \t]*(?=\S)(.+?)(?:\1|\*{1,3}|_{1,3})?[ \t]*:?[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HTML = re.compile(r"^\s*</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>", re.S)
_SUMMARY_EXAMPLES = re.compile(r"<summary>\s*(?:<[^>]+>\s*)*examples?\s*:?\s*(?:<[^>]+>\s*)*</summary>", re.I)
_EXAMPLES_WORD = re.compile(r"^(?:examples?|for example)\s*:?$", re.I)
# Emphasis markers only where they can open or close emphasis: `7*7` and `snake_case` keep theirs.
_MARKUP = re.compile(r"(?<!\w)\*+|\*+(?!\w)|`+|(?<!\w)_+|_+(?!\w)")
_ATTRIBUTE = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(\*\*|__)(?P<k>[^*_:\n]{1,60}?)[ \t]*(?::[ \t]*\1|\1[ \t]*:)[ \t]*(?P<v>\S.*?)[ \t]*$"
)
_LEVEL_ID = re.compile(r"^\W*L(\d{1,2})(?:\.(\d{1,2}))?(?![\w.])[ \t]*[:\-–—]?[ \t]*", re.I)
_SHORTCODE = re.compile(r"^:([a-z0-9_+\-]+):\s*")


@dataclass(frozen=True)
class Line:
    """One classified source line (1-based number)."""

    no: int
    kind: Kind
    text: str
    depth: int = 0  # heading level, or bullet indent in columns
    ordered: bool = False


def strip_markup(text: str) -> str:
    """Drop emphasis markers and surrounding whitespace: `**Title**` → `Title`."""
    if "*" not in text and "_" not in text and "`" not in text:
        return text.strip()
    return _MARKUP.sub("", text).strip()


def is_examples_marker(text: str) -> bool:
    """`**Examples:**`, `Examples`, `#### Examples`, `<summary>Examples</summary>`."""
    if len(text) > 120 or "xampl" not in text.lower():
        return False
    if _SUMMARY_EXAMPLES.search(text):
        return True
    return bool(_EXAMPLES_WORD.match(strip_markup(re.sub(r"<[^>]+>", "", text)).strip()))


def classify(no: int, raw: str) -> Line:
    """Classify one line of LF-normalised text."""
    s = raw.rstrip()
    if not s.strip():
        return Line(no, "blank", "")
    if len(s) > MAX_STRUCTURAL:
        m = _BULLET.match(s[:64])
        if m:
            return Line(no, "bullet", s[m.end(2):].strip(), len(m.group(1).expandtabs(4)))
        return Line(no, "text", s.strip())
    if _FENCE.match(s):
        return Line(no, "fence", s.strip())
    m = _HEADING.match(s)
    if m:
        text = m.group(2).strip()
        kind: Kind = "examples" if is_examples_marker(text) else "heading"
        return Line(no, kind, text, len(m.group(1)))
    if _RULE.match(s):
        return Line(no, "rule", "")
    m = _QUOTE.match(s)
    if m:
        return Line(no, "quote", m.group(1).strip())
    m = _BULLET.match(s)
    if m:
        indent = len(m.group(1).expandtabs(4))
        body = (m.group(3) or "").strip()
        if is_examples_marker(body):
            return Line(no, "examples", body, indent)
        return Line(no, "bullet", body, indent, ordered=m.group(2)[0].isdigit())
    if _HTML.match(s):
        kind = "examples" if _SUMMARY_EXAMPLES.search(s) else "html"
        return Line(no, kind, s.strip())
    if is_examples_marker(s):
        return Line(no, "examples", s.strip())
    if _ATTRIBUTE.match(s) is None:
        m = _BOLD_LINE.match(s)
        if m and "**" not in m.group(2).strip("*_"):
            return Line(no, "bold", strip_markup(m.group(2)).rstrip(":").strip())
    return Line(no, "text", s.strip(), len(s) - len(s.lstrip()))


def attribute(text: str) -> tuple[str, str] | None:
    """`**Planning horizon:** 6-12 months`, `- **Impact radius**: Team` or a table row → (key, value)."""
    cells = text.strip().strip("|").split("|") if text.lstrip().startswith("|") else []
    if len(cells) == 2 and cells[0].strip().startswith(("**", "__")):
        key, value = strip_markup(cells[0]).rstrip(":").strip(), cells[1].strip()
        return (key, value) if key and value else None
    m = _ATTRIBUTE.match(text)
    if not m:
        return None
    return m.group("k").strip(), m.group("v").strip()


def split_level_id(title: str) -> tuple[str | None, str]:
    """`L4: Lead Cloud Engineer` → ("L4", "Lead Cloud Engineer"); no id → (None, title)."""
    m = _LEVEL_ID.match(title)
    if not m or not title[m.end():].strip():
        return None, title.strip()
    ident = f"L{int(m.group(1))}" + (f".{int(m.group(2))}" if m.group(2) is not None else "")
    return ident, title[m.end():].strip()


def split_emoji(name: str) -> tuple[str, str]:
    """`🦉 Domain Expertise` → ("🦉", "Domain Expertise"); also `:octopus: Managing teams`."""
    m = _SHORTCODE.match(name)
    if m:
        return f":{m.group(1)}:", name[m.end():].strip()
    i = 0
    while i < len(name) and (
        unicodedata.category(name[i]) in ("So", "Sk", "Mn", "Cf")
        or name[i] in "\u200d\ufe0f\u20e3"
        or 0x1F000 <= ord(name[i]) <= 0x1FAFF
    ):
        i += 1
    return name[:i].strip(), name[i:].strip()
