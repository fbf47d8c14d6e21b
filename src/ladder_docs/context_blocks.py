"""Blocks of overview documents and of a level's free text → render-neutral template data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .inline import Node
from .model import Block

Data = dict[str, Any]
_MAX_LIST_DEPTH = 8  # deeper nesting is flattened: readable, and no runaway template recursion


def blocks_data(blocks: tuple[Block, ...], inlines: Callable[[str, int], list[Node]]) -> list[Data]:
    """Bullets nest into lists, heading levels never skip, tables are padded to one width.

    `inlines(text, line)` parses a block's text (and reports its link problems).
    """
    out: list[Data] = []
    lists: list[tuple[int, Data]] = []  # open lists: (depth, list node)
    level = 0
    for b in blocks:
        if b.kind != "item":
            lists.clear()
        if b.kind == "heading":
            level = min(max(b.depth, 1), level + 1)
            out.append({"kind": "heading", "level": level, "text": b.text, "inlines": inlines(b.text, b.line)})
        elif b.kind in ("para", "quote"):
            out.append({"kind": b.kind, "inlines": inlines(b.text, b.line)})
        elif b.kind == "code":
            out.append({"kind": "code", "text": b.text})
        elif b.kind == "rule":
            out.append({"kind": "rule"})
        elif b.kind == "table":
            rows = [[inlines(c, b.line) for c in r] for r in b.rows]
            width = max((len(r) for r in rows), default=0)
            rows = [r + [[]] * (width - len(r)) for r in rows]
            out.append({"kind": "table", "header": rows[0] if rows else [], "rows": rows[1:]})
        else:
            depth = min(b.depth, _MAX_LIST_DEPTH)
            while lists and lists[-1][0] > depth:
                lists.pop()
            if not lists or lists[-1][0] < depth:
                node: Data = {"kind": "list", "ordered": b.ordered, "entries": []}
                if lists and lists[-1][1]["entries"]:
                    lists[-1][1]["entries"][-1]["children"].append(node)
                else:
                    out.append(node)
                lists.append((depth, node))
            lists[-1][1]["entries"].append({"inlines": inlines(b.text, b.line), "children": []})
    return out
