"""Handbook contexts and renderers: HTML, typst (PDF) and the DOCX AST, on clean and hostile content."""

from __future__ import annotations

import dataclasses
import io
import json
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from handbook_models import HOSTILE, REVISION, clean_ladder, hostile_ladder
from pypdf import PdfReader

from ladder_docs import render_html, render_typst
from ladder_docs.context import Contexts, level_context
from ladder_docs.errors import UsageError
from ladder_docs.pandoc_engine import docx_one
from ladder_docs.reader import read_ladder
from ladder_docs.render_docx import level_docx, track_docx
from ladder_docs.source import Repository
from ladder_docs.typst_engine import compile_pdf

L2 = "eng/l2-senior-engineer"
L2_PAGE = "eng/l2-senior-engineer.html"


class Outline(HTMLParser):
    """Collects what the accessibility checks need: tags, headings, ids, text, attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.headings: list[int] = []
        self.attrs: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def outline(page: str) -> Outline:
    parsed = Outline()
    parsed.feed(page)
    return parsed


def html_level(ctx: Contexts, key: str = L2, templates: Path | None = None) -> str:
    data = ctx.level_data(ctx.ladder.level(key))  # type: ignore[arg-type]
    page = render_html.page_info(f"{key}.html", ("html", "pdf", "docx"), "level", key)
    return render_html.render(templates, "html/level.html.j2", ctx.level(key), page, {data["anchor"]})


def typst_level(ctx: Contexts, key: str = L2) -> str:
    return render_typst.render(None, "typst/level.typ.j2", ctx.level(key), {"path": f"{key}.pdf"}, set())


def test_what_changes_lists_new_evolved_and_dropped() -> None:
    changes = Contexts(clean_ladder()).level(L2)["level"]["changes"]
    assert changes["previous"]["label"] == "L1 Engineer"
    assert changes["counts"] == {"new": 2, "evolved": 1, "dropped": 2, "unchanged": 1}
    domain, teaching = changes["sections"]
    assert [i["text"] for i in domain["new"]] == ["I design services, like [L1](L1-Engineer.md) but bigger."]
    assert [i["text"] for i in domain["dropped"]] == ["I ask for help when stuck."]
    [evolved] = domain["evolved"]
    assert (evolved["before"]["text"], evolved["after"]["text"]) == ("I know one language well.",
                                                                     "I know two languages well.")
    assert [(d["op"], d["text"]) for d in evolved["diff"] if d["op"] != "equal"] == [
        ("delete", "one"), ("insert", "two"), ("delete", "language"), ("insert", "languages")]
    assert [i["text"] for i in teaching["new"]] == ["I mentor new engineers."]
    assert Contexts(clean_ladder()).level("eng/l1-engineer")["level"]["changes"] is None


def test_context_title_block_facts_come_from_the_commit() -> None:
    ctx = level_context(clean_ladder(), L2)
    assert ctx["meta"] == {
        "ladder": "Acme Ladder", "version": "v1.2.0", "commit": REVISION.sha, "short": "0123456",
        "tag": "v1.2.0", "dirty": False, "datetime": "2024-06-01T12:00:00+00:00", "date": "2024-06-01",
        "date_long": "1 June 2024"}
    assert ctx["level"]["label"] == "L2 Senior Engineer"
    assert ctx["track"]["name"] == "Engineering"
    assert [a["name"] for a in ctx["level"]["attributes"]] == ["Planning horizon", "Impact radius"]
    assert json.loads(json.dumps(ctx)) == ctx  # plain JSON all the way down


def test_context_accepts_a_path_and_refuses_unknown_levels() -> None:
    assert level_context(clean_ladder(), "Eng/L2-Senior-Engineer.md")["level"]["key"] == L2
    with pytest.raises(UsageError, match="unknown level 'eng/nope'"):
        level_context(clean_ladder(), "eng/nope")


def test_dirty_working_tree_version_says_uncommitted() -> None:
    rev = dataclasses.replace(REVISION, dirty=True, version="", tag=None)
    ladder = dataclasses.replace(clean_ladder(), revision=rev)
    assert level_context(ladder, L2)["meta"]["version"] == "0123456+uncommitted"


def test_relative_links_point_at_the_handbook_in_the_same_format() -> None:
    ctx = Contexts(clean_ladder())
    page = html_level(ctx)
    assert '<a href="l1-engineer.html">L1</a> but bigger' in page
    assert '#link("l1-engineer.pdf")[L1]' in typst_level(ctx)
    track = render_html.render(None, "html/track.html.j2", ctx.track("eng"),
                               render_html.page_info("eng/handbook.html", ("html",), "track", "eng"),
                               {"level-eng--l1-engineer", "level-eng--l2-senior-engineer"})
    assert '<a href="#level-eng--l1-engineer">L1</a> but bigger' in track  # same document: an anchor
    assert ctx.problems == []


def test_html_page_is_accessible_and_self_contained() -> None:
    page = html_level(Contexts(clean_ladder()))
    parsed = outline(page)
    assert page.startswith("<!doctype html>\n<html lang=\"en\">")
    for landmark in ("header", "nav", "main", "footer"):
        assert landmark in parsed.tags
    assert parsed.headings[0] == 1 and parsed.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(parsed.headings, parsed.headings[1:], strict=False))
    assert "<link" not in page and "<script" not in page and "src=" not in page  # nothing external
    assert "@media print" in page and "@media (max-width" in page
    ids = [a["id"] for _t, a in parsed.attrs if a.get("id")]
    assert len(ids) == len(set(ids))
    text = " ".join("".join(parsed.text).split())
    assert "What changes from L1 Engineer" in text and "I know two languages well." in text
    assert "Download PDF" in text and "v1.2.0" in text


def test_hostile_content_never_becomes_html() -> None:
    ctx = Contexts(hostile_ladder())
    page = html_level(ctx)
    parsed = outline(page)
    assert "script" not in parsed.tags and "iframe" not in parsed.tags and "img" not in parsed.tags
    assert not any(k.startswith("on") for _t, a in parsed.attrs for k in a)
    hrefs = [a.get("href") or "" for t, a in parsed.attrs if t == "a"]
    assert not any(h.startswith(("javascript", "data", "file")) for h in hrefs)
    assert "{{ 7*7 }}" in page and "49" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "&lt;title&gt;" not in page and "Acme &lt;Ladder&gt; &amp; {{ co }}" in page
    assert {(p.code, p.line) for p in ctx.problems} == {("unsafe-link", 12), ("unsafe-link", 13)}


def test_hostile_content_compiles_to_literal_pdf_text() -> None:
    markup = typst_level(Contexts(hostile_ladder()))
    pdf = compile_pdf(markup, timestamp=REVISION.timestamp)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    text = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    assert "root:x:0:0" not in text
    for needle in ("{{ 7*7 }}", '#read("/etc/passwd")', "<script>alert('x')</script> I ship safely.",
                   "I follow the guide and data.", "secrets and more", "$x^2$", "Acme <Ladder> & {{ co }}"):
        assert needle in text
    assert "Version v1.2.0" in text and "Commit 0123456" in text and "Page 1 of" in text


def test_hostile_content_stays_text_in_docx() -> None:
    ctx = Contexts(hostile_ladder())
    ast = level_docx(ctx.level(L2), "eng/l2-senior-engineer.docx", set())
    assert "Raw" not in json.dumps(ast) and "Image" not in json.dumps(ast)
    data = docx_one(ast, timestamp=REVISION.timestamp)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert not [n for n in names if n.startswith("word/media/")]
    rels = zipfile.ZipFile(io.BytesIO(data)).read("word/_rels/document.xml.rels").decode()
    assert "javascript" not in rels and "file:" not in rels and "passwd" not in rels
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    for needle in HOSTILE[0], "{{ 7*7 }}", '#read("/etc/passwd")', "```{=html}":
        assert needle in text


def test_docx_track_handbook_has_contents_and_every_level() -> None:
    ctx = Contexts(clean_ladder())
    data = docx_one(track_docx(ctx.track("eng"), "eng/handbook.docx", set()), timestamp=0)
    paras = docx.Document(io.BytesIO(data)).paragraphs
    headings = [(p.style.name, p.text) for p in paras if p.style.name.startswith("Heading")]
    assert headings[:4] == [("Heading 1", "Contents"), ("Heading 1", "What engineers do"),
                            ("Heading 2", "Levels"), ("Heading 1", "L1 Engineer")]
    assert ("Heading 2", "What changes from L1 Engineer") in headings


def test_user_templates_override_single_files(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "style.css").write_text("body { color: rebeccapurple; }\n")
    page = html_level(Contexts(clean_ladder()), templates=tmp_path)
    assert "rebeccapurple" in page and "What changes from L1 Engineer" in page
    assert ".summary" not in page  # the built-in stylesheet was replaced, not appended


def _example(request: pytest.FixtureRequest, example_repo: Path) -> Contexts:
    ladder = read_ladder(Repository.open(example_repo), "HEAD")
    return Contexts(dataclasses.replace(ladder, revision=REVISION))


def test_golden_example_level(request: pytest.FixtureRequest, example_repo: Path) -> None:
    from conftest import golden

    ctx = _example(request, example_repo)
    key = "engineering-platform-engineering/l3-senior-platform-engineer"
    golden(request, "level-context.json", json.dumps(ctx.level(key), indent=1, ensure_ascii=False) + "\n")
    golden(request, "level.html", html_level(ctx, key))
    golden(request, "level.typ", "#show: ld-handbook" + typst_level(ctx, key).rsplit("#show: ld-handbook", 1)[1])
    ast = level_docx(ctx.level(key), f"{key}.docx", set())
    golden(request, "level.docx.json", json.dumps(ast, indent=1, ensure_ascii=False) + "\n")
