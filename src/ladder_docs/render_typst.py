"""Typst markup for the PDF handbooks, from jinja2 templates with typst escaping on every value.

Jinja has no typst autoescape, so the environment's `finalize` escapes every `{{ … }}` value as
typst markup text (`#`, `$`, `@`, `<`, `\\`, `*`, `_`, backticks … cannot start code, math, a label
or markup). Jinja's autoescape machinery is kept on only for its bookkeeping: values that are
already markup (macro output, the `inline`, `diff`, `str`, `label`, `heading` filters, the
preamble) are `Typst` (a markupsafe.Markup), which finalize and autoescape both pass through
untouched. Content is data, never template source.

Speed (the typst of a build is one of its largest Python costs): templates are compiled so that a
`{{ value }}` becomes `_text(value)`, the escaped text as a plain str, instead of jinja's
`escape(finalize(value))`, which made two Markup objects per value only to read back the same
text (`_CodeGenerator`); dict attributes are looked up without jinja's AttributeError round-trip;
compiled templates can be kept on disk for later processes (`environment(templates, compiled)`).
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

import jinja2
import jinja2.compiler
from markupsafe import Markup

from . import inline
from .handbook_links import page_linker
from .inline import Linker, Node
from .templating import loader
from .typst_engine import handbook_preamble


class Typst(Markup):
    """A string that is already typst markup: `finalize` and autoescape leave it alone."""

    __slots__ = ()


def _typst(text: str) -> Typst:
    # Typst(text) without markupsafe's Python-level __new__ (for a str it makes exactly this)
    return str.__new__(Typst, text)


def _finalize(value: Any) -> Markup:
    """Every `{{ value }}` as typst markup (in templates compiled without `_CodeGenerator`)."""
    if isinstance(value, Markup):
        return value
    return _typst("" if value is None else inline.typst_escape(str(value)))


def _text(value: Any) -> str:
    """The text `escape(_finalize(value))` holds, without making either Markup object."""
    if type(value) is str:
        return inline.typst_escape(value)
    if isinstance(value, Markup):
        return value
    return "" if value is None else inline.typst_escape(str(value))


class _CodeGenerator(jinja2.compiler.CodeGenerator):
    """jinja2's code generator writing `environment.text(value)` for each `{{ value }}`.

    jinja2 writes `escape(environment.finalize(value))`; here finalize's result is always safe
    (escaped text or markup), so escape only rewraps it. Anything else (an `{% autoescape %}`
    block, another finalize) is compiled as jinja2 compiles it.
    """

    def _plain(self, frame: jinja2.compiler.Frame, finalize: Any) -> bool:
        return (not frame.eval_ctx.volatile and frame.eval_ctx.autoescape
                and finalize.src == "environment.finalize(")

    def _output_child_pre(self, node: jinja2.nodes.Expr, frame: jinja2.compiler.Frame, finalize: Any) -> None:
        if self._plain(frame, finalize):
            self.write("environment.text(")
        else:
            super()._output_child_pre(node, frame, finalize)

    @jinja2.compiler.optimizeconst
    def visit_Getattr(self, node: jinja2.nodes.Getattr, frame: jinja2.compiler.Frame) -> None:
        if self.environment.is_async or node.attr in _DICT_ATTRS:
            super().visit_Getattr(node, frame)
            return
        name = repr(node.attr)
        self.write(f"(_ld_o[{name}] if type(_ld_o := ")
        self.visit(node.node, frame)
        self.write(f") is dict and {name} in _ld_o else environment.getattr(_ld_o, {name}))")

    def _output_child_post(self, node: jinja2.nodes.Expr, frame: jinja2.compiler.Frame, finalize: Any) -> None:
        if self._plain(frame, finalize):
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)


# Attribute names a plain dict answers to itself (`items`, `keys` …); any other name is its key.
_DICT_ATTRS = frozenset(dir(dict))


class _Environment(jinja2.Environment):
    """The typst environment: `text` for `_CodeGenerator`'s code, a fast `x.name` on plain dicts.

    jinja2 tries the attribute first and the key after an AttributeError; a plain dict has exactly
    the attributes of `dir(dict)`, so for any other name the key is what jinja2 would return.
    """

    code_generator_class = _CodeGenerator
    text = staticmethod(_text)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRS:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


_OPTIONS: dict[str, Any] = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True,
                            "keep_trailing_newline": True}
# Shapes the compiled code as the options do: part of the names of kept compiled templates.
_GENERATOR = "typst-text-1"


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between processes in a directory the caller owns (a build's state).

    A `ladder-docs build` is a new process that would compile the typst templates (~40 ms of
    Python). An entry is found by the template's name and path and used only while its source is
    unchanged; the file names carry jinja2's version, this environment's options and code
    generator, which shape the compiled code. The cache only saves time: an entry that cannot be
    read is compiled again, one that cannot be written is compiled again by the next process.
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
    shape = f"{jinja2.__version__} {_GENERATOR} {sorted(_OPTIONS.items())}"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:  # compiled in this process, as without a directory
        return None
    digest = hashlib.sha256(shape.encode()).hexdigest()[:16]
    return _CompiledTemplates(str(directory), pattern=f"typst-{digest}-%s.cache")


@functools.lru_cache(maxsize=8)
def environment(templates: Path | None, compiled: Path | None = None) -> jinja2.Environment:
    """The typst environment (cached per template directory; compiled templates are reused).

    `compiled`: a directory to keep compiled templates in for later processes (none: compile in
    this one).
    """
    env = _Environment(
        loader=loader(templates),
        finalize=_finalize,  # every value is finalized to Typst first, so nothing is HTML-escaped
        undefined=jinja2.StrictUndefined,
        bytecode_cache=_compiled_templates(compiled) if compiled is not None else None,
        **_OPTIONS,
    )
    env.filters["inline"] = _inline
    env.filters["diff"] = _diff
    env.filters["str"] = lambda value: _typst(inline.typst_string(str(value)))
    env.filters["label"] = _label
    env.filters["heading"] = _heading
    env.globals["Typst"] = Typst
    return env


@jinja2.pass_context
def _inline(ctx: jinja2.runtime.Context, nodes: list[Node]) -> Typst:
    # ctx["_link"] without Context.__getitem__'s resolve: a template's own `_link` first, as there
    vars_ = ctx.vars
    link: Linker = vars_["_link"] if "_link" in vars_ else ctx.parent["_link"]
    return _typst(inline.to_typst(nodes, link))


def _diff(ops: list[dict[str, str]]) -> Typst:
    """A word diff with the preamble's redline marks (`ld-ins`, `ld-del`)."""
    out = []
    escape = inline.typst_escape
    for op in ops:
        text = escape(op["text"])
        kind = op["op"]
        if kind == "insert":
            out.append(f"#ld-ins[{text}];")
        elif kind == "delete":
            out.append(f"#ld-del[{text}];")
        else:
            out.append(text)
    return _typst("".join(out))


_LABEL = re.compile(r"[A-Za-z0-9_-]+")


def _label(anchor: str) -> Typst:
    """A typst label for an anchor (anchors are ASCII slugs; anything else is refused)."""
    if type(anchor) is str and _LABEL.fullmatch(anchor):
        return _typst(f"<{anchor}>")
    if not anchor or not all(c.isascii() and (c.isalnum() or c in "-_") for c in anchor):
        raise ValueError(f"not a safe label: {anchor!r}")
    return Typst(f"<{anchor}>")


def _heading(depth: int) -> Typst:
    """A heading's `=` marks for `depth`, capped at 6 (macros.typ.j2's `heading`, without a call)."""
    return _typst("=" * min(depth, 6))


def render(templates: Path | None, template: str, context: dict[str, Any], page: dict[str, Any],
           anchors: Collection[str], compiled: Path | None = None) -> str:
    """Typst source of one PDF handbook; `anchors` are the labels the document defines;
    `compiled` keeps compiled templates for later processes (see `environment`)."""
    link = page_linker(page["path"], "pdf", anchors)
    return environment(templates, compiled).get_template(template).render(
        **context, page=page, target=lambda ref: _target(link(ref)), _link=link,
        preamble=_preamble(),
    )


@functools.cache
def _preamble() -> Typst:
    return Typst(handbook_preamble())


def _target(href: str | None) -> Typst:
    """A `link()` destination: a label for an in-document anchor, else a string."""
    if href and href.startswith("#"):
        return Typst(f"label({inline.typst_string(href[1:])})")
    return Typst(inline.typst_string(href or ""))
