"""Safe inline markdown for item text: parse once into a small JSON tree, render it three ways.

Content is untrusted (anyone can open a pull request), so the tree only has the nodes below and the
renderers build output from them; nothing in the source text ever passes through verbatim:

    {"t": "text", "v": str}      {"t": "code", "v": str}      {"t": "break"}
    {"t": "emph" | "strong" | "strike", "c": [node, ...]}
    {"t": "link", "href": str, "c": [...]}     an http(s) or mailto link
    {"t": "xref", "ref": Ref, "c": [...]}      a link to another handbook (Ref: kind + key)

Raw HTML is text, images are their alt text (never fetched), links with any other scheme
(`javascript:`, `data:`, `file:`, `vbscript:` …) and relative links whose target is missing become
their plain text, and the `report` callback hears about each.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup, escape

Node = dict[str, Any]
Ref = dict[str, Any]
Resolver = Callable[[str], Ref | None]
Reporter = Callable[[str, str], None]
Linker = Callable[[Ref], str | None]

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f]+")
_BARE_URL = re.compile(r"https?://[^\s<>\"'`]+[^\s<>\"'`.,;:!?)\]]")

_md = MarkdownIt("zero").enable(
    ["emphasis", "backticks", "link", "autolink", "escape", "entity", "strikethrough", "newline",
     "image"]
)
# Every destination reaches `_link` below, which allow-lists schemes itself (markdown-it would
# leave a rejected link as literal `[text](url)` source).
_md.validateLink = lambda url: True  # type: ignore[method-assign]
_CONTAINERS = {"em": "emph", "strong": "strong", "s": "strike"}


def parse(text: str, resolve: Resolver | None = None, report: Reporter | None = None) -> list[Node]:
    """Parse one item's inline markdown into nodes; `resolve` maps a relative link to a Ref."""
    nodes, links = _parse_cached(text)
    if not links:
        return [dict(n) for n in nodes]
    return _resolve_links(nodes, resolve, report or (lambda code, msg: None))


def parse_unlinked(text: str) -> list[Node] | None:
    """`parse(text)` when the text has no link to resolve or report (most text), else None.

    Lets a caller skip making its resolver and reporter for text that needs neither. The nodes
    are those of the parse cache (as their children always were): never edit them in place.
    """
    nodes, links = _parse_cached(text)
    return None if links else list(nodes)


def _merge(nodes: list[Node]) -> list[Node]:
    """Adjacent text nodes joined (a link that became text sits between two)."""
    out: list[Node] = []
    for n in nodes:
        if n["t"] == "text":
            _add_text(out, n["v"])
        else:
            out.append(n)
    return out


def plain(nodes: list[Node]) -> str:
    """The text of the nodes without any markup (for titles, tables of contents and search)."""
    out: list[str] = []
    for n in nodes:
        if n["t"] in ("text", "code"):
            out.append(n["v"])
        elif n["t"] == "break":
            out.append(" ")
        else:
            out.append(plain(n["c"]))
    return "".join(out)


# What can start inline syntax under the rules enabled above: `\n` (breaks), `\\` (escapes),
# backticks, `~` (strikethrough), `*` and `_` (emphasis), `[` (links, and images: `![`), an
# autolink's `<…>` and an entity's `&name;` or `&#digits;`; and what markdown-it's normalisation
# rewrites (`\r`, NUL). Every other character is text to every enabled rule, so markdown-it turns
# a text without any of these into one text token of the whole text: such a text (most item
# text) skips markdown-it. Each alternative scans linearly (untrusted text).
_SYNTAX = re.compile(r"[\n\r\0\\`~*_\[]|<[^<>]*>|&#?[0-9A-Za-z]+;")


# A link `[label](destination)` that markdown-it reads as nothing else: a label of plain text
# (nothing _SYNTAX or _NOT_PLAIN names), a destination without spaces, controls, parentheses,
# escapes, entities, backticks or `<>`, no `!` before it (an image).
_PLAIN_LINK = re.compile(r"(?<!!)\[([^\[\]\n\r\0\\`~*_<&]+)\]\(([^\s()<>\\&`\x00-\x1f\x7f]+)\)")
# What must not stand beside plain links: anything _SYNTAX names, at any length (`<` and `&`
# alone, as the pieces between links cannot be checked for `<…>` and `&…;` one by one).
_NOT_PLAIN = re.compile(r"[\n\r\0\\`~*_\[<&]")


@lru_cache(maxsize=65536)
def _parse_cached(text: str) -> tuple[tuple[Node, ...], bool]:
    """The tree before links are resolved, and whether it holds links (pure, so cached)."""
    if not _SYNTAX.search(text):
        if "http" not in text:  # no bare URL for _linkify to find either: one text node
            return ({"t": "text", "v": text},) if text else (), False
        tree: list[Node] = [{"t": "text", "v": text}]
    else:
        tree = _plain_links(text) or _tokens_tree(text)
    nodes = _linkify(tree)
    return tuple(nodes), any(n["t"] == "rawlink" for n in _walk(nodes))


def _plain_links(text: str) -> list[Node] | None:
    """The tree markdown-it makes of a text whose only syntax is plain links (most linked text),
    made without it; None for any other text."""
    root: list[Node] = []
    pos = 0
    for m in _PLAIN_LINK.finditer(text):
        between = text[pos : m.start()]
        if _NOT_PLAIN.search(between) or _NOT_PLAIN.search(m.group(1)):
            return None
        _add_text(root, between)
        # Keys in the order _tokens_tree gives them (the JSON of a context shows it).
        root.append({"t": "rawlink", "c": [{"t": "text", "v": m.group(1)}], "href": str(_md.normalizeLink(m.group(2)))})
        pos = m.end()
    if pos == 0 or _NOT_PLAIN.search(text, pos):
        return None
    _add_text(root, text[pos:])
    return root


def _tokens_tree(text: str) -> list[Node]:
    """markdown-it's tokens → tree."""
    root: list[Node] = []
    stack: list[list[Node]] = [root]
    tokens: list[Token] = []
    # The inline parser alone: markdown-it's core would only normalise newlines and NUL (done
    # here) and join adjacent text tokens (as _add_text does).
    source = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
    _md.inline.parse(source, _md, {}, tokens)
    for tok in tokens:
        kind = tok.type
        if kind.endswith("_open"):
            base = kind[: -len("_open")]
            node: Node = {"t": _CONTAINERS.get(base, "rawlink"), "c": []}
            if base == "link":
                node["href"] = str(tok.attrs.get("href", ""))
            stack[-1].append(node)
            stack.append(node["c"])
        elif kind.endswith("_close"):
            if len(stack) > 1:
                stack.pop()
        elif kind == "code_inline":
            stack[-1].append({"t": "code", "v": tok.content})
        elif kind == "hardbreak":
            stack[-1].append({"t": "break"})
        elif kind == "softbreak":
            _add_text(stack[-1], " ")
        elif kind == "image":
            # The alt text stands in for the image: nothing is ever fetched or embedded.
            _add_text(stack[-1], "".join(c.content for c in tok.children or []))
        else:
            _add_text(stack[-1], tok.content)
    return root


def _add_text(into: list[Node], text: str) -> None:
    if not text:
        return
    if into and into[-1]["t"] == "text":
        into[-1] = {"t": "text", "v": into[-1]["v"] + text}
    else:
        into.append({"t": "text", "v": text})


def _linkify(nodes: list[Node]) -> list[Node]:
    """Bare http(s) URLs in text become links, as GitHub shows them."""
    out: list[Node] = []
    for n in nodes:
        if n["t"] == "text" and "http" in n["v"]:
            pos = 0
            for m in _BARE_URL.finditer(n["v"]):
                _add_text(out, n["v"][pos : m.start()])
                url = m.group(0)
                out.append({"t": "rawlink", "href": url, "c": [{"t": "text", "v": url}]})
                pos = m.end()
            _add_text(out, n["v"][pos:])
        elif "c" in n and n["t"] != "rawlink":
            out.append({**n, "c": _linkify(n["c"])})
        else:
            out.append(n)
    return out


def _walk(nodes: tuple[Node, ...] | list[Node]) -> list[Node]:
    found: list[Node] = []
    for n in nodes:
        found.append(n)
        if "c" in n:
            found.extend(_walk(n["c"]))
    return found


def _resolve_links(nodes: tuple[Node, ...] | list[Node], resolve: Resolver | None,
                   report: Reporter) -> list[Node]:
    out: list[Node] = []
    for n in nodes:
        if n["t"] == "rawlink":
            children = _resolve_links(n["c"], resolve, report)
            out.extend(_link(n["href"], children, resolve, report))
        elif "c" in n:
            out.append({**n, "c": _resolve_links(n["c"], resolve, report)})
        else:
            out.append(dict(n))
    return _merge(out)


def _link(href: str, children: list[Node], resolve: Resolver | None,
          report: Reporter) -> list[Node]:
    """One link: kept when its scheme is allow-listed or its target resolves, else plain text."""
    decoded = unquote(href)
    # Browsers ignore tabs, newlines and controls inside a scheme (`java\tscript:`): so do we.
    scheme = _SCHEME.match(_CONTROL_OR_SPACE.sub("", decoded).lower())
    if scheme:
        if scheme.group(1) in SAFE_SCHEMES:
            return [{"t": "link", "href": href, "c": children}]
        report("unsafe-link", f"link with scheme `{scheme.group(1)}:` rendered as plain text")
        return children
    if decoded.startswith("//") or not decoded.strip():
        report("unsafe-link", f"link `{decoded}` rendered as plain text")
        return children
    ref = resolve(decoded) if resolve else None
    if ref is None:
        report("broken-link", f"link target `{decoded}` not found; rendered as plain text")
        return children
    return [{"t": "xref", "ref": ref, "c": children}]


# ---- renderers -----------------------------------------------------------------------------------


def to_html(nodes: Sequence[Node], link: Linker) -> Markup:
    """HTML for the nodes; every piece of text is escaped as markupsafe's escape does."""
    return Markup(_html(nodes, link))


def _html(nodes: Sequence[Node], link: Linker) -> str:
    # Plain strings joined once: building a Markup per node (and re-escaping each on join) was
    # most of the cost of rendering a handbook's items.
    out: list[str] = []
    for n in nodes:
        t = n["t"]
        if t == "text":
            out.append(html_escape(n["v"]))
        elif t == "code":
            out.append(f"<code>{html_escape(n['v'])}</code>")
        elif t == "break":
            out.append("<br>")
        elif t in _HTML_TAGS:
            tag = _HTML_TAGS[t]
            out.append(f"<{tag}>{_html(n['c'], link)}</{tag}>")
        else:
            href = n["href"] if t == "link" else link(n["ref"])
            inner = _html(n["c"], link)
            out.append(f'<a href="{html_escape(href)}">{inner}</a>' if href else inner)
    return "".join(out)


def html_escape(value: Any) -> str:
    """Exactly markupsafe.escape's text, as a plain str (no Markup object per piece of text)."""
    if type(value) is not str:
        return str(escape(value))
    return (value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


_HTML_TAGS = {"emph": "em", "strong": "strong", "strike": "del"}

# Every character that means something somewhere in typst markup (code, math, strong, emphasis,
# raw, labels, references, headings, lists, terms, comments, shorthands, URLs, enum numbers) is
# backslash-escaped; letters, digits, spaces and quotes (typst's smart quotes) stay as they are.
# Every line break (whatever Unicode counts as one) becomes a space.
_TYPST_SPECIAL = "\\#$*_`<>@=-+/~[]:."
_TYPST_NEWLINES = "\n\r\x0b\x0c\x85\u2028\u2029"
_TYPST_TEXT = {**{c: "\\" + c for c in _TYPST_SPECIAL}, **{c: " " for c in _TYPST_NEWLINES}}
# One pass, one dict lookup per match: a replacement template (`\\\1`) costs a Python-level
# expansion per match in Python 3.11, and a second pass for line breaks; `str.translate` leaves
# its fast path at the first character that becomes two. Most text has one or two matches.
_TYPST_ANY = re.compile("[" + re.escape(_TYPST_SPECIAL + _TYPST_NEWLINES) + "]")


def _typst_piece(match: re.Match[str], _text: dict[str, str] = _TYPST_TEXT) -> str:
    return _text[match[0]]


@lru_cache(maxsize=65536)
def typst_escape(text: str) -> str:
    """Text as typst markup that reads exactly as `text` (no code, no markup, no comments)."""
    # Cached: a ladder repeats much of its text from level to level (half of a corpus build's).
    return _TYPST_ANY.sub(_typst_piece, text)


def typst_string(text: str) -> str:
    """A typst string literal holding `text`."""
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "")
    return f'"{body}"'


def to_typst(nodes: Sequence[Node], link: Linker) -> str:
    """Typst markup for the nodes; each call ends in `;` so following text cannot extend it."""
    if len(nodes) == 1 and nodes[0]["t"] == "text":  # most item text: one plain run
        return typst_escape(nodes[0]["v"])
    out: list[str] = []
    for n in nodes:
        t = n["t"]
        if t == "text":
            out.append(typst_escape(n["v"]))
        elif t == "code":
            out.append(f"#raw({typst_string(n['v'])});")
        elif t == "break":
            out.append("#linebreak();")
        elif t in _TYPST_MARKS:
            out.append(f"#{t}[{to_typst(n['c'], link)}];")
        else:
            target = n["href"] if t == "link" else link(n["ref"])
            inner = to_typst(n["c"], link)
            if target is None:
                out.append(inner)
            elif target.startswith("#"):
                out.append(f"#link(label({typst_string(target[1:])}))[{inner}];")
            else:
                out.append(f"#link({typst_string(target)})[{inner}];")
    return "".join(out)


_TYPST_MARKS = frozenset({"emph", "strong", "strike"})


def to_pandoc(nodes: list[Node], link: Linker) -> list[dict[str, Any]]:
    """Pandoc JSON inlines (Str, Emph, Strong, Strikeout, Code, Link, LineBreak)."""
    out: list[dict[str, Any]] = []
    for n in nodes:
        t = n["t"]
        if t == "text":
            out.extend(pandoc_text(n["v"]))
        elif t == "code":
            out.append({"t": "Code", "c": [["", [], []], n["v"]]})
        elif t == "break":
            out.append({"t": "LineBreak"})
        elif t in _PANDOC:
            out.append({"t": _PANDOC[t], "c": to_pandoc(n["c"], link)})
        else:
            target = n["href"] if t == "link" else link(n["ref"])
            inner = to_pandoc(n["c"], link)
            if target is None:
                out.extend(inner)
            else:
                out.append({"t": "Link", "c": [["", [], []], inner, [target, ""]]})
    return out


_PANDOC = {"emph": "Emph", "strong": "Strong", "strike": "Strikeout"}
_NEWLINES = re.compile(r"\s*[\r\n]+\s*")


def pandoc_text(text: str) -> list[dict[str, Any]]:
    """Plain text as ONE pandoc Str (spaces included: every writer we use accepts that).

    A Str per word, as pandoc's readers make, triples the AST and the time pandoc spends on it.
    """
    if "\n" in text or "\r" in text:  # the only texts _NEWLINES can match (most have neither)
        text = _NEWLINES.sub(" ", text)
    return [{"t": "Str", "c": text}] if text else []
