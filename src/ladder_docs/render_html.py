"""HTML handbooks and the index page from templates: autoescaped jinja2, self-contained pages.

Templates see the documented context (ladder_docs.context) plus `page` (where the page lives and
its other formats) and `url(kind, key)`; item text reaches them as safe inline nodes, rendered by
the `inline` filter. Autoescape is on, so any other string is escaped; content is data, never
template source, so `{{ 7*7 }}` in a competency prints as written.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Collection
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from . import inline
from .handbook_links import artifact_path, page_linker
from .templating import loader

FORMAT_LABELS = {"html": "Web page", "pdf": "PDF", "docx": "Word"}


@functools.lru_cache(maxsize=8)
def environment(templates: Path | None) -> jinja2.Environment:
    """The HTML environment (cached per template directory; compiled templates are reused)."""
    env = jinja2.Environment(
        loader=loader(templates),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["inline"] = _inline
    env.filters["diff"] = _diff
    return env


@jinja2.pass_context
def _inline(ctx: jinja2.runtime.Context, nodes: list[inline.Node]) -> Markup:
    return inline.to_html(nodes, ctx["_link"])


def _diff(ops: list[dict[str, str]]) -> Markup:
    """A word diff as text with <ins>/<del> marks (screen readers announce them)."""
    out = []
    for op in ops:
        text = escape(op["text"])
        if op["op"] == "insert":
            out.append(Markup('<ins class="ins">%s</ins>') % text)
        elif op["op"] == "delete":
            out.append(Markup('<del class="del">%s</del>') % text)
        else:
            out.append(text)
    return Markup("").join(out)


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


def render(templates: Path | None, template: str, context: dict[str, Any], page: dict[str, Any],
           anchors: Collection[str]) -> str:
    """Render one HTML page; `anchors` are the ids the page holds (links to them stay in-page)."""
    link = page_linker(page["path"], "html", anchors)

    def url(kind: str, key: str | None = None, fmt: str = "html") -> str:
        return posixpath.relpath(artifact_path(kind, key, fmt), posixpath.dirname(page["path"]) or ".")

    return environment(templates).get_template(template).render(
        **context, page=page, url=url, href=link, _link=link, labels=FORMAT_LABELS
    )
