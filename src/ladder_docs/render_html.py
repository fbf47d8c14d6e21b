"""HTML handbooks and the index page from templates: autoescaped jinja2, self-contained pages.

Templates see the documented context (ladder_docs.context) plus `page` (where the page lives and
its other formats) and `url(kind, key)`; item text reaches them as safe inline nodes, rendered by
the `inline` filter. Autoescape is on, so any other string is escaped; content is data, never
template source, so `{{ 7*7 }}` in a competency prints as written.

Speed (every level's text is on three pages: its own, its track's, the ladder's): item text
without links to handbooks reads the same on every page, so it is rendered once per build and
reused (`_InlineFilter`); links, which differ per page, are rendered per page.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import posixpath
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import inline
from .handbook_links import artifact_path, page_linker
from .inline import Linker, Node, Ref
from .templating import loader

FORMAT_LABELS = {"html": "Web page", "pdf": "PDF", "docx": "Word"}

# Attribute names a plain dict answers to itself (`items`, `keys` …); any other name is its key.
_DICT_ATTRS = frozenset(dir(dict))


class _Environment(jinja2.Environment):
    """jinja2's Environment with a fast `x.name` on plain dicts (the whole context is dicts).

    jinja2 tries the attribute first and the key after an AttributeError: one raised exception
    per `lv.anchor`, ~30,000 per corpus build. A plain dict has exactly the attributes of
    `dir(dict)`, so for any other name the key is what jinja2 would return, found without one.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRS:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


_OPTIONS: dict[str, Any] = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True,
                            "keep_trailing_newline": True}


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between processes in a directory the caller owns (a build's state).

    A `ladder-docs build` is a new process that would compile every HTML template (~55 ms of
    Python). An entry is found by the template's name and path and used only while its source is
    unchanged; the file names carry jinja2's version and this environment's options, which shape
    the compiled code. The cache only saves time: an entry that cannot be read is compiled again,
    one that cannot be written is compiled again by the next process.
    """

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, pickle.UnpicklingError):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            return


def _compiled_templates(directory: Path) -> jinja2.BytecodeCache | None:
    digest = hashlib.sha256(f"{jinja2.__version__} {sorted(_OPTIONS.items())}".encode()).hexdigest()[:16]
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:  # compiled in this process, as without a directory
        return None
    return _CompiledTemplates(str(directory), pattern=f"html-{digest}-%s.cache")


@functools.lru_cache(maxsize=8)
def environment(templates: Path | None, compiled: Path | None = None) -> jinja2.Environment:
    """The HTML environment (cached per template directory; compiled templates are reused).

    `compiled`: a directory to keep compiled templates in for later processes (none: compile in
    this one).
    """
    env = _Environment(
        loader=loader(templates),
        undefined=jinja2.StrictUndefined,
        bytecode_cache=_compiled_templates(compiled) if compiled is not None else None,
        **_OPTIONS,
    )
    env.filters["inline"] = _inline
    env.filters["diff"] = _diff
    return env


@jinja2.pass_context
def _inline(ctx: jinja2.runtime.Context, nodes: list[Node]) -> Markup:
    # `parent` holds what render() passed (in imported macros too): a dict lookup, not a resolve.
    found = ctx.parent.get("_inline")
    if type(found) is _InlineFilter:
        return found(nodes)
    return inline.to_html(nodes, ctx["_link"])


class _InlineFilter:
    """The `inline` filter of one page: its linker, and the build's shared renderings."""

    __slots__ = ("link", "shared")

    def __init__(self, link: Linker, shared: dict[int, tuple[Sequence[Node], Markup]]) -> None:
        self.link = link
        self.shared = shared

    def __call__(self, nodes: Sequence[Node]) -> Markup:
        # Keyed by identity (a level's node lists are shared by its three pages); the entry holds
        # the nodes, so the id cannot be reused while it is kept.
        hit = self.shared.get(id(nodes))
        if hit is not None and hit[0] is nodes:
            return hit[1]
        html = inline.to_html(nodes, self.link)
        if not _links_pages(nodes):
            self.shared[id(nodes)] = (nodes, html)
        return html


def _links_pages(nodes: Sequence[Node]) -> bool:
    """Whether the nodes link to a handbook (such links read differently on each page)."""
    return any(n["t"] == "xref" or ("c" in n and _links_pages(n["c"])) for n in nodes)


# The renderings shared by the pages of the latest build, keyed by its `meta` (one dict per
# ladder_docs.context.Contexts: a build's pages share it, a new build brings a new one). Contexts
# are data that a build never changes in place; a caller that edits node lists in place between
# two pages of one Contexts must build new contexts.
_SHARED: list[tuple[object, dict[int, tuple[Sequence[Node], Markup]]]] = []


def _shared_for(context: dict[str, Any]) -> dict[int, tuple[Sequence[Node], Markup]]:
    meta = context.get("meta")
    if not isinstance(meta, dict):
        return {}
    if not _SHARED or _SHARED[0][0] is not meta:
        _SHARED[:] = [(meta, {})]
    return _SHARED[0][1]


def _diff(ops: list[dict[str, str]]) -> Markup:
    """A word diff as text with <ins>/<del> marks (screen readers announce them)."""
    out = []
    for op in ops:
        text = inline.html_escape(op["text"])
        if op["op"] == "insert":
            out.append(f'<ins class="ins">{text}</ins>')
        elif op["op"] == "delete":
            out.append(f'<del class="del">{text}</del>')
        else:
            out.append(text)
    return Markup("".join(out))


def page_info(path: str, formats: Collection[str], kind: str, key: str | None) -> dict[str, Any]:
    """Where a page lives, relative links to its root and index, and its other formats."""
    depth = path.count("/")
    root = "../" * depth
    alternates = [
        {"format": f, "label": FORMAT_LABELS.get(f, f.upper()),
         "href": artifact_path(kind, key, f).rsplit("/", 1)[-1]}
        for f in sorted(formats) if f != "html" and kind != "index"
    ]
    return {"path": path, "format": "html", "root": root, "index": f"{root}index.html",
            "alternates": alternates, "kind": kind, "key": key}


@functools.lru_cache(maxsize=4096)
def _url(kind: str, key: str | None, fmt: str, here: str) -> str:
    return posixpath.relpath(artifact_path(kind, key, fmt), here)


def _memo(link: Linker) -> Linker:
    """`link` remembered per target: a page links the same levels many times (relpath is slow)."""
    seen: dict[tuple[Any, Any, Any], str | None] = {}

    def memo(ref: Ref) -> str | None:
        key = (ref["kind"], ref.get("key"), ref.get("anchor"))
        if key not in seen:
            seen[key] = link(ref)
        return seen[key]

    return memo


def render(templates: Path | None, template: str, context: dict[str, Any], page: dict[str, Any],
           anchors: Collection[str], compiled: Path | None = None) -> str:
    """Render one HTML page; `anchors` are the ids the page holds (links to them stay in-page);
    `compiled` keeps compiled templates for later processes (see `environment`)."""
    link = _memo(page_linker(page["path"], "html", anchors))
    here = posixpath.dirname(page["path"]) or "."

    def url(kind: str, key: str | None = None, fmt: str = "html") -> str:
        return _url(kind, key, fmt, here)

    return environment(templates, compiled).get_template(template).render(
        **context, page=page, url=url, href=link, _link=link, labels=FORMAT_LABELS,
        _inline=_InlineFilter(link, _shared_for(context)),
    )
