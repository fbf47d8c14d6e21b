"""Handbook contexts → pandoc JSON ASTs, for the DOCX handbooks (pandoc writes them in one process).

Built from the model, never by letting pandoc read markdown: text becomes Str/Space/Emph/Strong/
Code/Link nodes, so raw HTML, raw TeX and raw-attribute blocks (`{=openxml}` …) cannot exist in the
output. Styling comes from the reference document through `custom-style` names (paragraph styles on
Divs, character styles on Spans); unknown names fall back to Word's defaults, so a plain reference
document still gives a readable handbook.
"""

from __future__ import annotations

from typing import Any

from . import inline

Json = dict[str, Any]
Blocks = list[Json]
API_VERSION = [1, 23, 1, 1]
_NO_ATTR: list[Any] = ["", [], []]

# Style names the reference document may define (see templates/README.md).
STYLE_SUMMARY = "Summary"
STYLE_META = "Handbook Meta"
STYLE_EXAMPLES = "Examples"
STYLE_CHANGE_KIND = "Change Kind"
STYLE_INSERTED = "Inserted Text"
STYLE_DELETED = "Deleted Text"
STYLE_LEVEL_START = "Level Start"
STYLE_ATTRIBUTES = "AttributesTable"  # a table style: pandoc writes the value as its w:styleId


def _attr(ident: str = "", style: str | None = None) -> list[Any]:
    return [ident, [], [["custom-style", style]] if style else []]


def text(value: str) -> list[Json]:
    """Plain text as inlines."""
    return inline.pandoc_text(value)


def para(inlines: list[Json]) -> Json:
    return {"t": "Para", "c": inlines}


def plain(inlines: list[Json]) -> Json:
    return {"t": "Plain", "c": inlines}


def header(level: int, inlines: list[Json], ident: str = "") -> Json:
    return {"t": "Header", "c": [min(max(level, 1), 6), [ident, [], []], inlines]}


def styled(style: str, blocks: Blocks, ident: str = "") -> Json:
    """Blocks in a Div whose paragraphs take the reference document's `style`."""
    return {"t": "Div", "c": [_attr(ident, style), blocks]}


def marker(style: str) -> Json:
    """An empty paragraph in `style`, for paragraph properties a heading cannot carry (pandoc gives
    headings their own Heading N style), such as a page break before it. An empty Str keeps pandoc
    from dropping the paragraph."""
    return styled(style, [para([{"t": "Str", "c": ""}])])


def span(style: str, inlines: list[Json]) -> Json:
    return {"t": "Span", "c": [_attr(style=style), inlines]}


def bullets(items: list[Blocks]) -> Json:
    return {"t": "BulletList", "c": items}


def _cell(blocks: Blocks) -> list[Any]:
    return [_NO_ATTR, {"t": "AlignDefault"}, 1, 1, blocks]


def table(header_row: list[list[Json]] | None, rows: list[list[list[Json]]],
          widths: list[float] | None = None, style: str | None = None) -> Json:
    """A simple table; each cell is a list of inlines; `style` names a table style."""
    width = max([len(r) for r in rows] + [len(header_row or [])] + [1])
    specs = [[{"t": "AlignDefault"},
              {"t": "ColWidth", "c": widths[i]} if widths else {"t": "ColWidthDefault"}]
             for i in range(width)]

    def row(cells: list[list[Json]]) -> list[Any]:
        padded = cells + [[]] * (width - len(cells))
        return [_NO_ATTR, [_cell([plain(c)]) for c in padded]]

    head = [_NO_ATTR, [row(header_row)] if header_row else []]
    body = [[_NO_ATTR, 0, [], [row(r) for r in rows]]]
    return {"t": "Table", "c": [_attr(style=style), [None, []], specs, head, body, [_NO_ATTR, []]]}


def diff_inlines(ops: list[dict[str, str]]) -> list[Json]:
    """A word diff: insertions underlined, deletions struck, each in a character style."""
    out: list[Json] = []
    for op in ops:
        words = text(op["text"])
        if op["op"] == "insert":
            out.append(span(STYLE_INSERTED, [{"t": "Underline", "c": words}]))
        elif op["op"] == "delete":
            out.append(span(STYLE_DELETED, [{"t": "Strikeout", "c": words}]))
        else:
            out.extend(words)
    return out


def document(meta: Json, title: str, subtitle: str, blocks: Blocks) -> Json:
    """A whole pandoc document; version and commit also go to custom properties (footer fields)."""
    def meta_str(value: str) -> Json:
        return {"t": "MetaString", "c": value}

    return {
        "pandoc-api-version": API_VERSION,
        "meta": {
            "title": {"t": "MetaInlines", "c": text(title)},
            "subtitle": {"t": "MetaInlines", "c": text(subtitle)},
            "date": {"t": "MetaInlines", "c": text(meta["date_long"])},
            "lang": meta_str("en-GB"),
            "ladder": meta_str(meta["ladder"]),
            "version": meta_str(meta["version"]),
            "commit": meta_str(meta["short"]),
            "commit-date": meta_str(meta["date"]),
        },
        "blocks": blocks,
    }
