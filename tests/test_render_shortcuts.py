"""The render speed-ups change no output: item text shared by pages, escaping, dict attributes,
compiled templates kept on disk, DOCX handbooks packed from shared zip records."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import jinja2
import pytest
from handbook_models import clean_ladder, hostile_ladder
from markupsafe import Markup, escape

import ladder_docs.precompiled
from ladder_docs import docx_book, docx_split, inline, render_docx, render_html
from ladder_docs.build_plan import plan
from ladder_docs.context import Contexts
from ladder_docs.model import Ladder
from ladder_docs.pandoc_engine import docx_many

FORMATS = ("html", "pdf", "docx")


def pages(contexts: Contexts, order: int = 1, compiled: Path | None = None) -> dict[str, str]:
    """Every HTML page of a build of `contexts`' ladder, rendered in plan order (or reversed)."""
    jobs = [j for j in plan(contexts.ladder, contexts, FORMATS) if j.fmt == "html"][::order]
    return {j.path: render_html.render(None, j.template, j.context,
                                       render_html.page_info(j.path, FORMATS, j.kind, j.key), j.anchors, compiled)
            for j in jobs}


@pytest.mark.parametrize("make", [clean_ladder, hostile_ladder])
def test_pages_sharing_item_text_read_as_pages_rendered_alone(make: Any) -> None:
    together = pages(Contexts(make()), order=-1)  # ladder and track pages first: links differ per page
    alone = {path: pages(Contexts(make()))[path] for path in together}
    assert together == alone and len(together) == 5


def test_links_read_per_page_whichever_page_comes_first() -> None:
    for order in (1, -1):
        got = pages(Contexts(clean_ladder()), order)
        assert '<a href="l1-engineer.html">L1</a> but bigger' in got["eng/l2-senior-engineer.html"]
        assert '<a href="#level-eng--l1-engineer">L1</a> but bigger' in got["eng/handbook.html"]
        assert '<a href="#level-eng--l1-engineer">L1</a> but bigger' in got["ladder.html"]


def test_html_escape_is_markupsafes() -> None:
    for text in ["", "plain", "<a href=\"x\">'&'</a>", "&amp; already", "«ünïcode» 🦉 \x00", "\"'<>&" * 3]:
        assert inline.html_escape(text) == str(escape(text))
    assert inline.html_escape(Markup("<b>kept</b>")) == "<b>kept</b>"
    assert inline.html_escape(42) == "42"


def test_dict_attributes_read_as_in_jinja() -> None:
    source = "{{ d.name }}|{{ d.items is callable }}|{{ d['items'] }}|{{ d.get('name') }}|{{ d.nope is defined }}"
    data = {"d": {"name": "<n>", "items": 3}}
    ours = render_html.environment(None).from_string(source).render(data)
    stock = jinja2.Environment(autoescape=True).from_string(source).render(data)
    assert ours == stock == "&lt;n&gt;|True|3|&lt;n&gt;|False"
    with pytest.raises(jinja2.UndefinedError, match="'dict object' has no attribute 'nope'"):
        render_html.environment(None).from_string("{{ d.nope }}").render(data)


def test_compiled_templates_are_kept_and_refreshed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # compile the built-ins, as user templates are
    monkeypatch.setattr(ladder_docs.precompiled, "code", lambda *args: None)
    compiled = tmp_path / "compiled"
    first = pages(Contexts(clean_ladder()), compiled=compiled)
    kept = sorted(compiled.iterdir())
    # level, track, ladder, index, base, macros and the stylesheet
    assert len(kept) == 7 and all(p.name.startswith("html-") for p in kept)
    render_html.environment.cache_clear()  # as a new process
    for path in kept:
        path.write_bytes(path.read_bytes()[:40])  # a torn entry is compiled again
    assert pages(Contexts(clean_ladder()), compiled=compiled) == first
    render_html.environment.cache_clear()
    assert pages(Contexts(clean_ladder()), compiled=compiled) == first
    templates = tmp_path / "templates"
    (templates / "html").mkdir(parents=True)
    (templates / "html" / "style.css").write_text("main { color: teal; }\n")
    index = {**Contexts(clean_ladder()).index(), "formats": ["html"]}
    page = render_html.render(templates, "html/index.html.j2", index,
                              render_html.page_info("index.html", FORMATS, "index", None), (), compiled)
    assert "main { color: teal; }" in page and len(list(compiled.iterdir())) == 8


def handbooks(ladder: Ladder) -> tuple[bytes, list[bytes], list[str]]:
    """The converted book of every DOCX handbook of `ladder`, the handbooks cut from it, their paths."""
    contexts = Contexts(ladder)
    jobs = [j for j in plan(ladder, contexts, ("docx",)) if j.fmt == "docx"]
    book = docx_book.Book()
    recipes = [docx_book.RECIPES[j.kind](book, j.context, j.path, j.anchors) for j in jobs]
    [data] = docx_many([book.document(contexts.meta)], timestamp=ladder.revision.timestamp,
                       footers=[render_docx.footer(jobs[0].context)])
    assert isinstance(data, bytes), data
    return data, docx_split.split(data, recipes, [book.resolve(r) for r in recipes]), [j.path for j in jobs]


def test_docx_handbooks_share_the_books_parts_byte_for_byte() -> None:
    book, made, paths = handbooks(clean_ladder())
    assert paths == ["eng/handbook.docx", "eng/l1-engineer.docx", "eng/l2-senior-engineer.docx", "ladder.docx"]
    again = docx_split.split(book, *handbooks_inputs(clean_ladder()))
    assert again == made  # deterministic
    with zipfile.ZipFile(io.BytesIO(book)) as source:
        expected = [(i.filename, i.date_time, i.external_attr) for i in source.infolist()]
        parts = {i.filename: source.read(i) for i in source.infolist()}
    shared = set(parts) - {docx_split.DOCUMENT, docx_split.RELS, docx_split.NOTE_RELS, docx_split.NUMBERING,
                           docx_split.CORE}
    records: dict[str, set[tuple[int, int]]] = {name: set() for name in shared}
    for data in made:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert z.testzip() is None
            assert [(i.filename, i.date_time, i.external_attr) for i in z.infolist()] == expected
            for name in shared:
                assert z.read(name) == parts[name]
                info = z.getinfo(name)
                records[name].add((info.CRC, info.compress_size))
            assert b"<w:body>" in z.read(docx_split.DOCUMENT)
    assert all(len(r) == 1 for r in records.values()) and "word/styles.xml" in records


def handbooks_inputs(ladder: Ladder) -> tuple[list[docx_book.Recipe], list[Any]]:
    contexts = Contexts(ladder)
    jobs = [j for j in plan(ladder, contexts, ("docx",)) if j.fmt == "docx"]
    book = docx_book.Book()
    recipes = [docx_book.RECIPES[j.kind](book, j.context, j.path, j.anchors) for j in jobs]
    return recipes, [book.resolve(r) for r in recipes]


def test_docx_headings_shift_per_handbook() -> None:
    _, made, paths = handbooks(clean_ladder())

    def levels(path: str) -> list[int]:
        with zipfile.ZipFile(io.BytesIO(made[paths.index(path)])) as z:
            xml = z.read(docx_split.DOCUMENT).decode()
        return [int(n) for n in re.findall(r'<w:pStyle w:val="Heading(\d)"', xml)]

    # L2: At a glance, two dimensions, What changes (Heading 1) and its two dimensions (Heading 2)
    own = [1, 1, 1, 1, 2, 2]
    assert levels("eng/l2-senior-engineer.docx") == own
    assert levels("eng/handbook.docx")[-7:] == [1, *(n + 1 for n in own)]  # under its chapter
    assert levels("ladder.docx")[-7:] == [2, *(n + 2 for n in own)]  # under its track's
