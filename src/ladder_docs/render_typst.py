"""Typst markup for the PDF handbooks, from jinja2 templates with typst escaping on every value.

Jinja has no typst autoescape, so the environment's `finalize` escapes every `{{ … }}` value as
typst markup text (`#`, `$`, `@`, `<`, `\\`, `*`, `_`, backticks … cannot start code, math, a label
or markup). Jinja's autoescape machinery is kept on only for its bookkeeping: values that are
already markup (macro output, the `inline`, `diff`, `str`, `label` filters, the preamble) are
`Typst` (a markupsafe.Markup), which finalize and autoescape both pass through untouched.
Content is data, never template source.
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import inline
from .handbook_links import page_linker
from .templating import loader
from .typst_engine import handbook_preamble


class Typst(Markup):
    """A string that is already typst markup: `finalize` and autoescape leave it alone."""

    __slots__ = ()


def _finalize(value: Any) -> Markup:
    if isinstance(value, Markup):
        return value
    return Typst("" if value is None else inline.typst_escape(str(value)))


@functools.lru_cache(maxsize=8)
def environment(templates: Path | None) -> jinja2.Environment:
    """The typst environment (cached per template directory)."""
    env = jinja2.Environment(
        loader=loader(templates),
        autoescape=True,  # every value is finalized to Typst first, so nothing is HTML-escaped
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["inline"] = _inline
    env.filters["diff"] = _diff
    env.filters["str"] = lambda value: Typst(inline.typst_string(str(value)))
    env.filters["label"] = _label
    env.globals["Typst"] = Typst
    return env


@jinja2.pass_context
def _inline(ctx: jinja2.runtime.Context, nodes: list[inline.Node]) -> Typst:
    return Typst(inline.to_typst(nodes, ctx["_link"]))


def _diff(ops: list[dict[str, str]]) -> Typst:
    """A word diff with the preamble's redline marks (`ld-ins`, `ld-del`)."""
    out = []
    for op in ops:
        text = inline.typst_escape(op["text"])
        if op["op"] == "insert":
            out.append(f"#ld-ins[{text}];")
        elif op["op"] == "delete":
            out.append(f"#ld-del[{text}];")
        else:
            out.append(text)
    return Typst("".join(out))


def _label(anchor: str) -> Typst:
    """A typst label for an anchor (anchors are ASCII slugs; anything else is refused)."""
    if not anchor or not all(c.isascii() and (c.isalnum() or c in "-_") for c in anchor):
        raise ValueError(f"not a safe label: {anchor!r}")
    return Typst(f"<{anchor}>")


def render(templates: Path | None, template: str, context: dict[str, Any], page: dict[str, Any],
           anchors: Collection[str]) -> str:
    """Typst source of one PDF handbook; `anchors` are the labels the document defines."""
    link = page_linker(page["path"], "pdf", anchors)
    return environment(templates).get_template(template).render(
        **context, page=page, target=lambda ref: _target(link(ref)), _link=link,
        preamble=Typst(handbook_preamble()),
    )


def _target(href: str | None) -> Typst:
    """A `link()` destination: a label for an in-document anchor, else a string."""
    if href and href.startswith("#"):
        return Typst(f"label({inline.typst_string(href[1:])})")
    return Typst(inline.typst_string(href or ""))
