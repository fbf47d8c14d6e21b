"""The lines of a redline and the word-level diffs of safe inline nodes they are made of.

The changelog's word diff works on raw markdown; a redline shows rendered text, so it diffs the
parsed inline trees instead: each tree is flattened to words that remember their formatting
(emphasis, strong, strike, code, link), the words are compared, and each run of equal, deleted or
inserted words is rebuilt into nodes. Emphasis and links survive inside a reworded competency,
and the pieces still go through the inline renderers (never raw markdown or HTML).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from . import inline
from .changeset import CommitRef
from .worddiff import Op, tokenize

Nodes = Sequence[inline.Node]
Wrap = tuple[str, ...]  # ("emph",), ("strong",), ("strike",), ("code",), ("link", href)
Token = tuple[str, tuple[Wrap, ...]]  # a word (or space, or punctuation mark) and its wraps, outermost first
Status = Literal["same", "changed", "added", "removed"]


@dataclass(frozen=True)
class Piece:
    """A run of inline nodes that is unchanged, inserted or deleted."""

    op: Op
    nodes: tuple[inline.Node, ...]


@dataclass(frozen=True)
class Line:
    """One marked-up line of a level: a title, paragraph, attribute value, heading or item."""

    status: Status
    pieces: tuple[Piece, ...]
    commits: tuple[CommitRef, ...] = ()
    kind: str = "item"  # of free text: para, heading, item, quote, code, table
    group: str | None = None
    note: str | None = None  # e.g. "Moved from Domain Expertise"

    def text(self, side: Literal["before", "after"]) -> str:
        """The plain text of one side (what rejecting, or accepting, every change leaves)."""
        skip = "insert" if side == "before" else "delete"
        return "".join(inline.plain(list(p.nodes)) for p in self.pieces if p.op != skip)



def make_line(a: Nodes | None, b: Nodes | None, commits: tuple[CommitRef, ...], *, kind: str = "item",
              group: str | None = None, note: str | None = None) -> Line:
    """A line from A's and B's inline nodes (None: absent on that side)."""
    a, b = a or (), b or ()
    if not a and b:
        status: Status = "added"
        pieces = whole("insert", b)
    elif a and not b:
        status, pieces = "removed", whole("delete", a)
    else:
        pieces = diff_nodes(a, b)
        status = "same" if all(p.op == "equal" for p in pieces) else "changed"
    return Line(status, pieces, commits if status != "same" else (), kind, group, note)



def markdown(text: str | None) -> tuple[inline.Node, ...] | None:
    """Inline markdown as safe nodes; relative links become their text (redlines stand alone)."""
    return None if text is None else tuple(inline.parse(text))


def plain_nodes(text: str) -> tuple[inline.Node, ...]:
    """Plain text (a title, a dimension name) as nodes, with no markdown read into it."""
    return ({"t": "text", "v": text},) if text else ()


def whole(op: Op, nodes: Nodes) -> tuple[Piece, ...]:
    """All of `nodes` as one piece."""
    return (Piece(op, tuple(nodes)),) if nodes else ()


def _tokens(nodes: Nodes, wraps: tuple[Wrap, ...] = ()) -> list[Token]:
    out: list[Token] = []
    for n in nodes:
        t = n["t"]
        if t == "text":
            out += [(word, wraps) for word in tokenize(n["v"])]
        elif t == "code":
            out.append((n["v"], (*wraps, ("code",))))
        elif t == "break":
            out.append((" ", wraps))
        elif t == "link":
            out += _tokens(n["c"], (*wraps, ("link", n["href"])))
        elif t in ("emph", "strong", "strike"):
            out += _tokens(n["c"], (*wraps, (t,)))
        else:  # a link to another handbook: a redline has no handbooks beside it
            out += _tokens(n.get("c", []), wraps)
    return out


def _nodes(tokens: Sequence[Token]) -> tuple[inline.Node, ...]:
    """Tokens back into a tree: consecutive tokens sharing an outer wrap share its node."""
    out: list[inline.Node] = []
    i = 0
    while i < len(tokens):
        text, wraps = tokens[i]
        if not wraps:
            if out and out[-1]["t"] == "text":
                out[-1] = {"t": "text", "v": out[-1]["v"] + text}
            else:
                out.append({"t": "text", "v": text})
            i += 1
            continue
        head, j = wraps[0], i
        while j < len(tokens) and tokens[j][1][:1] == (head,):
            j += 1
        inner = [(word, w[1:]) for word, w in tokens[i:j]]
        if head[0] == "code":
            out.append({"t": "code", "v": "".join(word for word, _ in inner)})
        elif head[0] == "link":
            out.append({"t": "link", "href": head[1], "c": list(_nodes(inner))})
        else:
            out.append({"t": head[0], "c": list(_nodes(inner))})
        i = j
    return tuple(out)


def diff_nodes(a: Nodes, b: Nodes) -> tuple[Piece, ...]:
    """Pieces turning `a` into `b`, word by word; unchanged words keep B's formatting.

    Edits separated only by spaces merge into one deletion and one insertion (as the changelog's
    `coalesce` does), so a rewritten phrase reads as one struck phrase and one new one."""
    ta, tb = _tokens(a), _tokens(b)
    matcher = SequenceMatcher(None, [w for w, _ in ta], [w for w, _ in tb], autojunk=False)
    ops = matcher.get_opcodes()
    out: list[tuple[Op, list[Token]]] = []
    dels: list[Token] = []
    ins: list[Token] = []

    def flush() -> None:
        if dels:
            out.append(("delete", dels[:]))
        if ins:
            out.append(("insert", ins[:]))
        dels.clear()
        ins.clear()

    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "equal":
            dels.extend(ta[i1:i2])
            ins.extend(tb[j1:j2])
        elif (dels or ins) and k + 1 < len(ops) and all(w.isspace() for w, _ in tb[j1:j2]):
            dels.extend(ta[i1:i2])  # a space between two edits belongs to both sides
            ins.extend(tb[j1:j2])
        else:
            flush()
            out.append(("equal", tb[j1:j2]))
    flush()
    return tuple(Piece(op, _nodes(tokens)) for op, tokens in out if tokens)
