"""The safe inline-markdown parser and its HTML, typst and pandoc renderers."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from ladder_docs import inline
from ladder_docs.typst_engine import compile_pdf

Reports = list[tuple[str, str]]


def parse(text: str, targets: dict[str, Any] | None = None) -> tuple[list[inline.Node], Reports]:
    reports: Reports = []
    nodes = inline.parse(text, (targets or {}).get, lambda code, msg: reports.append((code, msg)))
    return nodes, reports


def html(text: str, targets: dict[str, Any] | None = None) -> str:
    return str(inline.to_html(parse(text, targets)[0], lambda ref: f"../{ref['key']}.html"))


def typst(text: str) -> str:
    return inline.to_typst(parse(text)[0], lambda ref: None)


def pdf_text(markup: str) -> str:
    pdf = compile_pdf(markup, timestamp=0)
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_emphasis_strong_code_strike_parse_to_nodes() -> None:
    nodes, reports = parse("I **own** the _roadmap_ and `kubectl`, ~~not~~ more")
    assert nodes == [
        {"t": "text", "v": "I "}, {"t": "strong", "c": [{"t": "text", "v": "own"}]},
        {"t": "text", "v": " the "}, {"t": "emph", "c": [{"t": "text", "v": "roadmap"}]},
        {"t": "text", "v": " and "}, {"t": "code", "v": "kubectl"}, {"t": "text", "v": ", "},
        {"t": "strike", "c": [{"t": "text", "v": "not"}]}, {"t": "text", "v": " more"},
    ]
    assert reports == []
    assert inline.plain(nodes) == "I own the roadmap and kubectl, not more"


def test_html_rendering_is_exact() -> None:
    assert html("I **own** `a<b` and [docs](https://example.com/x?a=1&b=2)") == (
        'I <strong>own</strong> <code>a&lt;b</code> and '
        '<a href="https://example.com/x?a=1&amp;b=2">docs</a>'
    )


def test_raw_html_is_text_everywhere() -> None:
    src = 'Hi <script>alert(1)</script><img src=x onerror="alert(2)"><iframe src="evil.html"></iframe>'
    out = html(src)
    assert "<script" not in out and "<img" not in out and "<iframe" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in out
    assert inline.to_pandoc(parse(src)[0], lambda r: None) == [{"t": "Str", "c": src}]


@pytest.mark.parametrize("href", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java&#x09;script:alert(1)", "%6aavascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", "vbscript:msgbox", " javascript:x",
    "//evil.example.com/x",
])
def test_unsafe_links_become_their_text_and_are_reported(href: str) -> None:
    nodes, reports = parse(f"see [the docs]({href}) now")
    assert nodes == [{"t": "text", "v": "see the docs now"}]
    assert [code for code, _ in reports] == ["unsafe-link"]
    assert html(f"[x]({href})") == "x"


def test_safe_links_are_kept() -> None:
    nodes, _ = parse("[a](https://a.example) [m](mailto:people@example.com) <https://b.example/c>")
    assert [n["href"] for n in nodes if n["t"] == "link"] == [
        "https://a.example", "mailto:people@example.com", "https://b.example/c"]


def test_bare_urls_become_links_without_trailing_punctuation() -> None:
    nodes, _ = parse("Read https://example.com/guide, then ask.")
    assert nodes[1] == {"t": "link", "href": "https://example.com/guide",
                        "c": [{"t": "text", "v": "https://example.com/guide"}]}
    assert nodes[2] == {"t": "text", "v": ", then ask."}


def test_relative_links_resolve_or_become_text_with_a_problem() -> None:
    targets = {"../L2-Software-Engineer.md": {"kind": "level", "key": "eng/l2"}}
    nodes, reports = parse("Like [L2](../L2-Software-Engineer.md) or [L9](L9.md)", targets)
    assert nodes == [
        {"t": "text", "v": "Like "},
        {"t": "xref", "ref": {"kind": "level", "key": "eng/l2"}, "c": [{"t": "text", "v": "L2"}]},
        {"t": "text", "v": " or L9"},
    ]
    assert reports == [("broken-link", "link target `L9.md` not found; rendered as plain text")]
    assert html("[L2](../L2-Software-Engineer.md)", targets) == '<a href="../eng/l2.html">L2</a>'


def test_images_become_their_alt_text_and_are_never_fetched() -> None:
    for src in ("![the passwords](/etc/passwd)", "![secret *notes*](../../secret)",
                "![x](https://tracker.example/p.gif)"):
        nodes, _ = parse(src)
        assert all(n["t"] == "text" for n in nodes)
        assert "passwd" not in html(src) and "secret)" not in html(src) and "tracker" not in html(src)
    assert inline.plain(parse("![secret *notes*](../../secret)")[0]) == "secret notes"


def test_template_syntax_in_content_is_plain_text() -> None:
    src = "{{ 7*7 }} and {% if true %}x{% endif %} and {# c #}"
    assert html(src) == src
    assert inline.to_pandoc(parse(src)[0], lambda r: None) == [{"t": "Str", "c": src}]
    assert "{{ 7\\*7 }}" in typst(src)


def test_typst_escapes_every_special_character() -> None:
    assert inline.typst_escape('#read("/etc/passwd") $x$ @ref <l> \\ * _ ` = - + / ~ [ ] : .') == (
        '\\#read("\\/etc\\/passwd") \\$x\\$ \\@ref \\<l\\> \\\\ \\* \\_ \\` \\= \\- \\+ \\/ \\~ \\[ \\] \\: \\.'
    )


def test_hostile_typst_compiles_to_its_literal_text() -> None:
    src = ('#read("/etc/passwd") #include "x.typ" $a^2$ *b* _c_ `d` <e> @f // g /* h */ '
           '= i - j + k / l: m ~ n [o] ] \\u{41} 1. p https://q.example')
    markup = inline.typst_escape(src)
    text = pdf_text(markup)
    assert "root:" not in text  # /etc/passwd was never read
    assert text.replace("“", '"').replace("”", '"') == " ".join(src.split())  # typst's smart quotes


def test_typst_calls_end_with_a_semicolon_so_text_cannot_extend_them() -> None:
    markup = typst("**bold**.len() and `c`(1)[x] [l](https://e.example).x")
    assert pdf_text(markup) == "bold.len() and c(1)[x] l.x"


def test_pandoc_inlines_hold_no_raw_nodes() -> None:
    src = "<b>x</b> `{=openxml}` [l](https://e.example) **s** _e_ ~~d~~ a\\\nb"
    out = json.dumps(inline.to_pandoc(parse(src)[0], lambda r: "x.docx"))
    assert "Raw" not in out
    assert [n["t"] for n in inline.to_pandoc(parse(src)[0], lambda r: None)] == [
        "Str", "Code", "Str", "Link", "Str", "Strong", "Str", "Emph", "Str", "Strikeout", "Str", "LineBreak", "Str"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_any_text_renders_safely_in_every_format(text: str) -> None:
    nodes, _ = parse(text)
    out = str(inline.to_html(nodes, lambda r: None))
    assert "<" not in out.replace("<code>", "").replace("</code>", "").replace("<strong>", "").replace(
        "</strong>", "").replace("<em>", "").replace("</em>", "").replace("<del>", "").replace(
        "</del>", "").replace("<br>", "").replace("</a>", "").replace('<a href="', "")
    compile_pdf(inline.to_typst(nodes, lambda r: None), timestamp=0)  # never a typst error
