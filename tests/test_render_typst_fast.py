"""The typst render speed-ups change no markup: jinja2's own compilation writes the same bytes,
escaping is the two-pass reference's, dict attributes read as in jinja2, compiled templates kept
on disk, and a user's macros.typ.j2 with only the older macros still serves every template."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import pytest
from handbook_models import clean_ladder, hostile_ladder
from markupsafe import Markup, escape

import ladder_docs.precompiled
from ladder_docs import inline, render_typst
from ladder_docs.build import build
from ladder_docs.build_plan import plan
from ladder_docs.context import Contexts
from ladder_docs.model import Ladder
from ladder_docs.reader import read_ladder
from ladder_docs.source import Repository

Call = tuple[str, dict[str, Any], dict[str, Any], Any]
BATCH = {"typst/track-levels.typ.j2", "typst/ladder-parts.typ.j2", "typst/fronts.typ.j2"}
OURS = render_typst.environment


def build_calls(ladder: Ladder, out: Path, monkeypatch: pytest.MonkeyPatch) -> list[Call]:
    """Every render_typst.render call of a PDF build of `ladder` (the levels, parts and fronts)."""
    calls: list[Call] = []
    real = render_typst.render

    def record(templates: Path | None, template: str, context: dict[str, Any], page: dict[str, Any],
               anchors: Any, *rest: Any, **options: Any) -> str:
        calls.append((template, context, page, anchors))
        return real(templates, template, context, page, anchors, *rest, **options)

    with monkeypatch.context() as patch:
        patch.setattr(render_typst, "render", record)
        build(ladder, out, formats={"pdf"})
    return calls


def whole_calls(ladder: Ladder) -> list[Call]:
    """The whole-handbook templates' renders (a user copy of level/track/ladder.typ.j2 uses them)."""
    contexts = Contexts(ladder)
    return [(j.template, j.context, {"path": j.path}, j.anchors)
            for j in plan(ladder, contexts, ("pdf",)) if j.fmt == "pdf"]


def stock_environment(templates: Path | None, compiled: Path | None = None) -> jinja2.Environment:
    """jinja2 as it compiles by itself: same options, finalize and filters; stock code and getattr."""
    ours = OURS(templates)
    env = jinja2.Environment(loader=ours.loader, finalize=render_typst._finalize, undefined=jinja2.StrictUndefined,
                             autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update({name: ours.filters[name] for name in ("inline", "diff", "str", "label", "heading")})
    env.globals["Typst"] = render_typst.Typst
    return env


def both(calls: list[Call], monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    ours = [render_typst.render(None, *call) for call in calls]
    with monkeypatch.context() as patch:
        patch.setattr(render_typst, "environment", stock_environment)
        stock = [render_typst.render(None, *call) for call in calls]
    return ours, stock


@pytest.mark.parametrize("make", [clean_ladder, hostile_ladder])
def test_markup_is_what_jinja2_compiles_by_itself(make: Callable[[], Ladder], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    calls = build_calls(make(), tmp_path / "dist", monkeypatch)
    assert {c[0] for c in calls} == BATCH and len(calls) == 4  # levels, parts, two fronts
    calls += whole_calls(make())
    ours, stock = both(calls, monkeypatch)
    assert ours == stock and len(ours) == 8
    assert "\n= At a glance\n#ld-attributes((" in ours[0]  # the levels document
    assert "=== 🦉 Domain expertise\n#ld-competencies(\n  [I write tested code\\.],\n" in ours[-1]


def test_hostile_text_stays_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    levels = build_calls(hostile_ladder(), tmp_path / "dist", monkeypatch)[0]
    markup = render_typst.render(None, *levels)
    assert re.search(r"(?<!\\)#(read|include)", markup) is None and '\\#read("\\/etc\\/passwd")' in markup


@pytest.mark.corpus
def test_corpus_markup_is_what_jinja2_compiles_by_itself(corpus: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    ladder = read_ladder(Repository.open(corpus), "HEAD")
    calls = build_calls(ladder, tmp_path / "dist", monkeypatch)
    ours, stock = both(calls, monkeypatch)
    assert ours == stock and len(ours) == 6 and sum(o.count("#metadata(\"level\")") for o in ours) == 53


def reference_escape(text: str) -> str:
    """typst_escape as it was: line breaks to spaces, then a backslash before each special."""
    text = re.sub(r"[\n\r\x0b\x0c\x85\u2028\u2029]", " ", text)
    return re.sub(r"([\\#$*_`<>@=\-+/~\[\]:.])", r"\\\1", text)


def test_typst_escape_is_the_two_pass_reference() -> None:
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    assert inline.typst_escape(every) == reference_escape(every)
    for text in ["", "plain words", "#read(\"/etc/passwd\")", "a\r\nb\u2028c", "$x$ @ref <l> // c", "`*_`" * 4]:
        assert inline.typst_escape(text) == reference_escape(text)
    assert inline.typst_escape("L4 - Lead: 1.5x") == "L4 \\- Lead\\: 1\\.5x"


class Shouting(str):
    def __str__(self) -> str:
        return self.upper()


def test_each_value_reads_as_escape_of_finalize() -> None:
    values: list[Any] = ["", "a#b", "line\nbreak", None, 42, -1, 2.5, Markup("<b>&</b>"),
                        render_typst.Typst("#x"), Shouting("a.b"), ["#"], {"k": "$"}]
    for value in values:
        assert render_typst._text(value) == str(escape(render_typst._finalize(value)))
    assert render_typst._text(-1) == "\\-1" and render_typst._text(Shouting("a.b")) == "A\\.B"
    with pytest.raises(jinja2.UndefinedError):
        render_typst._text(jinja2.StrictUndefined(name="nope"))


def test_dict_attributes_read_as_in_jinja() -> None:
    source = ("{{ d.name }}|{{ d.items is callable }}|{{ d['items'] }}|{{ d.get('name') }}|{{ d.nope is defined }}"
              "|{{ d.sub.name }}|{{ n.real }}|{{ d.sub.items is callable }}")
    data = {"d": {"name": "<#n>", "items": 3, "sub": {"name": "s.t"}}, "n": 7}
    ours = render_typst.environment(None).from_string(source).render(data)
    stock = stock_environment(None).from_string(source).render(data)
    assert ours == stock == "\\<\\#n\\>|True|3|\\<\\#n\\>|False|s\\.t|7|True"
    with pytest.raises(jinja2.UndefinedError, match="'dict object' has no attribute 'nope'"):
        render_typst.environment(None).from_string("{{ d.nope }}").render(data)


def test_kept_macros_and_filters_write_what_is_written_in_place() -> None:
    env = render_typst.environment(None)
    source = ('{% import "typst/macros.typ.j2" as m with context %}'
              '{% call m.heading(2, "a-b") %}T{% endcall %}{% call m.heading(9) %}U{% endcall %}'
              '{{ m.groups([{"name": "G", "entries": [{"inlines": [{"t": "text", "v": "x."}]}]}]) }}'
              '{{ 0 | heading }}|{{ 3 | heading }}|{{ 9 | heading }}|{{ "a_b-1" | label }}')
    got = env.from_string(source).render(_link=lambda ref: None)
    assert got == ("== T <a-b>\n====== U\n#hb-group[G]\n#ld-competencies(\n  [x\\.],\n)\n\n"
                   "|===|======|<a_b-1>")
    for bad in ("", "a b", "é", "x>#y"):
        with pytest.raises(ValueError, match="not a safe label"):
            env.from_string("{{ a | label }}").render(a=bad)


OLDER_MACROS = "".join(
    f'{{% macro {name}({args}) %}}<{name}>{"{{ caller() }}" if name == "heading" else ""}{{% endmacro %}}\n'
    for name, args in [("heading", "n, label=none"), ("items_list", "items"), ("groups", "gs"),
                       ("title_block", "lv, track, meta"), ("summary", "lv"), ("level_sections", "lv, h"),
                       ("changes", "lv, h"), ("list_block", "b"), ("blocks", "bs, h"), ("document", "doc, h"),
                       ("level_chapter", "lv, track, h")])


def test_a_users_macros_with_only_the_older_macros_serve_every_template(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    calls = build_calls(clean_ladder(), tmp_path / "dist", monkeypatch) + whole_calls(clean_ladder())
    templates = tmp_path / "templates"
    (templates / "typst").mkdir(parents=True)
    (templates / "typst" / "macros.typ.j2").write_text(OLDER_MACROS)
    out = {call[0]: render_typst.render(templates, *call) for call in calls}
    assert "<title_block><summary><level_sections>" in out["typst/track-levels.typ.j2"].replace("\n", "")
    assert "<document>" in out["typst/ladder-parts.typ.j2"] and "<heading>" in out["typst/ladder-parts.typ.j2"]
    assert "<level_chapter>" in out["typst/track.typ.j2"] and "<level_sections>" in out["typst/level.typ.j2"]


def test_compiled_templates_are_kept_and_refreshed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # compile the built-ins, as user templates are
    monkeypatch.setattr(ladder_docs.precompiled, "code", lambda *args: None)
    calls = build_calls(clean_ladder(), tmp_path / "dist", monkeypatch)
    compiled = tmp_path / "compiled"
    first = [render_typst.render(None, *call, compiled) for call in calls]
    kept = sorted(compiled.iterdir())
    # track-levels, macros, extra, ladder-parts, fronts
    assert len(kept) == 5 and all(p.name.startswith("typst-") for p in kept)
    render_typst.environment.cache_clear()  # as a new process
    for path in kept:
        path.write_bytes(path.read_bytes()[:40])  # a torn entry is compiled again
    assert [render_typst.render(None, *call, compiled) for call in calls] == first
    render_typst.environment.cache_clear()
    assert [render_typst.render(None, *call, compiled) for call in calls] == first
    templates = tmp_path / "templates"
    (templates / "typst").mkdir(parents=True)
    (templates / "typst" / "extra.typ").write_text("#let ld-extra = [teal]\n")
    assert "#let ld-extra = [teal]" in render_typst.render(templates, *calls[0], compiled)
    assert len(list(compiled.iterdir())) == 6


CONSTRUCTS = r"""{% set ns = namespace(total=0) %}
{% for x in d.xs if x.on recursive %}{% set ns.total = ns.total + x.n %}{{ loop.index }}:{{ x.name }}
{%- if x.kids %}[{{ loop(x.kids) }}]{% endif %}{% endfor %}
{% with y = d.sub %}{{ y.name }}{% endwith %}
{% set block %}{{ d.sub.name }}#{% endset %}{{ block }}|{{ ns.total }}
{% macro m(a) %}{{ a.name }}{{ caller(a.sub) if caller }}{% endmacro %}
{% call(z) m(d) %}<{{ z.name }}>{% endcall %}
{{ d.xs | map(attribute="name") | join(",") }}|{{ d.xs[0].name }}|{{ d["sub"].name }}|{{ d.keys() | list | length }}
{% autoescape false %}{{ d.sub.name }}{% endautoescape %}
{{ d.get("missing", "dflt.") }}|{{ d.sub.nope is undefined }}|{{ d.xs | selectattr("on") | list | length }}
"""


def test_jinja_constructs_read_as_stock_jinja() -> None:
    kid = {"name": "k.", "on": True, "n": 5, "kids": []}
    data = {"d": {"name": "D#", "sub": {"name": "s_s"}, "xs": [{"name": "a*", "on": True, "n": 1, "kids": [kid]},
                                                               {"name": "b", "on": False, "n": 2, "kids": []}]}}
    ours = render_typst.environment(None).from_string(CONSTRUCTS).render(data)
    assert ours == stock_environment(None).from_string(CONSTRUCTS).render(data)
    assert ours == "1:a\\*[1:k\\.]s\\_ss\\_s#|6\nD\\#<s\\_s>a\\*,b|a\\*|s\\_s|3\ns\\_sdflt\\.|True|1\n"
