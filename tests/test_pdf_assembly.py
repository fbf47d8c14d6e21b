"""PDF handbooks assembled from parts typeset once: footers, contents, links and bookmarks."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from handbook_models import clean_ladder
from pypdf import PdfReader

import ladder_docs.build as build_module
import ladder_docs.pdf_parts as pdf_parts
from ladder_docs import typst_engine
from ladder_docs.build import build
from ladder_docs.model import Item, Ladder, Source
from ladder_docs.pdf_layout import read_layout
from ladder_docs.templating import builtin_root
from ladder_docs.typst_engine import TypstCompileError

FOOTER = "Version v1.2.0 · Commit 0123456 · 1 June 2024"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("assembled") / "dist"
    build(clean_ladder(), out, formats={"pdf"})
    return out


def pages(path: Path) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages]


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(depth, title, page number) of every bookmark, in order."""
    out: list[tuple[int, str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 1)
    return out


def links(reader: PdfReader, page: int) -> list[tuple[str, Any]]:
    """("uri", target) or ("page", page number) for each link on a page (1-based)."""
    found: list[tuple[str, Any]] = []
    numbers = {p.indirect_reference.idnum: i + 1 for i, p in enumerate(reader.pages)}
    for annot in reader.pages[page - 1].get("/Annots") or []:
        annot = annot.get_object()
        action = annot.get("/A")
        if action is not None and action.get("/S") == "/URI":
            found.append(("uri", str(action["/URI"])))
        else:
            dest = annot["/Dest"].get_object() if "/Dest" in annot else action["/D"]
            found.append(("page", numbers[dest[0].idnum]))
    return found


def test_a_level_handbook_has_its_footer_bookmarks_and_links(dist: Path) -> None:
    texts = pages(dist / "eng/l2-senior-engineer.pdf")
    assert len(texts) == 1
    assert f"L2 Senior Engineer · {FOOTER}" in texts[0] and texts[0].rstrip().endswith("Page 1 of 1")
    assert texts[0].count("Page 1 of 1") == 1  # the part itself carries no footer
    reader = PdfReader(dist / "eng/l2-senior-engineer.pdf")
    assert reader.metadata is not None and reader.metadata.title == "L2 Senior Engineer · Engineering · Acme Ladder"
    assert [(d, t) for d, t, _ in outline(reader)] == [
        (1, "At a glance"), (1, "🦉 Domain expertise"), (1, "🌱 Teaching"), (1, "What changes from L1 Engineer"),
        (2, "🦉 Domain expertise"), (2, "🌱 Teaching")]
    assert links(reader, 1) == [("uri", "l1-engineer.pdf")] * 3  # "like L1", new item, "Compared with"


def test_a_track_handbook_lists_and_links_the_pages_of_its_parts(dist: Path) -> None:
    path = dist / "eng/handbook.pdf"
    texts = pages(path)
    reader = PdfReader(path)
    contents = dict(re.findall(r"^(L\d [A-Za-z ]+?)[ .]+(\d+)$", texts[0], re.M))
    assert contents == {"L1 Engineer": "3", "L2 Senior Engineer": "4"}
    assert texts[2].startswith("L1\nEngineer") and texts[3].startswith("L2\nSenior Engineer")
    for n, text in enumerate(texts, 1):
        assert f"Engineering handbook · {FOOTER}" in text and text.rstrip().endswith(f"Page {n} of {len(texts)}")
    # contents entries jump to their pages; inside the track a level's link to L1 is a jump too
    assert ("page", 3) in links(reader, 1) and ("page", 4) in links(reader, 1)
    assert set(links(reader, 4)) == {("page", 3)}
    marks = outline(reader)
    assert (1, "What engineers do", 2) in marks and (1, "L2 Senior Engineer", 4) in marks
    assert (2, "What changes from L1 Engineer", 4) in marks and (3, "🌱 Teaching", 4) in marks


def test_the_ladder_handbook_nests_tracks_and_rebases_links(dist: Path) -> None:
    path = dist / "ladder.pdf"
    texts = pages(path)
    reader = PdfReader(path)
    marks = outline(reader)
    titles = [(d, t) for d, t, _ in marks if d <= 2]
    assert titles == [(1, "Everyone"), (1, "Engineering"), (2, "What engineers do"), (2, "L1 Engineer"),
                      (2, "L2 Senior Engineer")]
    level_pages = {t: p for d, t, p in marks if d == 2 and t.startswith("L")}
    assert texts[level_pages["L2 Senior Engineer"] - 1].startswith("L2\nSenior Engineer")
    assert set(links(reader, level_pages["L2 Senior Engineer"])) == {("page", level_pages["L1 Engineer"])}
    assert all(f"Acme Ladder · {FOOTER}" in t for t in texts)


def two_tracks(l2_summary: str | None = None) -> Ladder:
    """The clean ladder plus an Operations track whose level links to Engineering's L2."""
    base = clean_ladder()
    eng = base.tracks[0]
    if l2_summary is not None:
        eng = dataclasses.replace(eng, levels=(eng.levels[0], dataclasses.replace(eng.levels[1], summary=l2_summary)))
    lv = dataclasses.replace(eng.levels[0], key="ops/l1-operator", slug="l1-operator", track="ops",
                             source=Source("ladder/Ops/L1-Engineer.md", "e" * 40))
    dim = dataclasses.replace(lv.dimensions[0], competencies=(Item("See [L2](../Eng/L2-Senior-Engineer.md).", 10),))
    ops = dataclasses.replace(eng, key="ops", name="Operations", path="ladder/Ops", overview=(),
                              levels=(dataclasses.replace(lv, dimensions=(dim, *lv.dimensions[1:])),))
    return dataclasses.replace(base, tracks=(eng, ops))


@pytest.fixture(params=[1, 2], ids=["tracks-together", "tracks-apart"])
def level_documents(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """Typeset the levels of both tracks in one document, or each track in its own."""
    monkeypatch.setattr(pdf_parts, "LEVEL_DOCUMENTS", request.param)
    return int(request.param)


def test_a_level_linked_from_another_track_keeps_a_relative_link(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, level_documents: int) -> None:
    compiled = counting_compiles(monkeypatch)
    build(two_tracks(), tmp_path / "dist", formats={"pdf"})
    assert len([m for m in compiled if "<level-ops--l1-operator>" in m and "<level-eng--l1-engineer>" in m]) == (
        level_documents == 1)
    track = PdfReader(tmp_path / "dist/ops/handbook.pdf")
    assert ("uri", "../eng/l2-senior-engineer.pdf") in links(track, 2)
    assert ("uri", "../eng/l2-senior-engineer.pdf") in links(PdfReader(tmp_path / "dist/ops/l1-operator.pdf"), 1)
    whole = PdfReader(tmp_path / "dist/ladder.pdf")
    l2 = next(p for d, t, p in outline(whole) if t == "L2 Senior Engineer")
    found = [links(whole, n) for n in range(1, len(whole.pages) + 1)]
    assert any(("page", l2) in page for page in found)


def test_reading_a_pdf_treats_strings_as_data(tmp_path: Path) -> None:
    tricky = "a) (b \\ endobj >> /Names [1 0 R] é"
    escaped = tricky.replace("\\", "\\\\")
    markup = (f"= {escaped}\n"
              f'#link("https://example.com/{escaped}")[x] #pagebreak() #link(<t>)[back]\n'
              "= Second <t>\n")
    layout = read_layout(typst_engine.compile_pdf(markup, timestamp=0))
    assert [(b.title, b.depth, b.page) for b in layout.bookmarks] == [(tricky, 1, 0), ("Second", 1, 1)]
    assert layout.pages[0].links[0].uri == f"https://example.com/{tricky}"
    assert (layout.pages[1].links[0].uri, layout.pages[1].links[0].page) == (None, 1)
    assert (layout.pages[0].width, layout.pages[0].height) == pytest.approx((595.2756, 841.8898))


def counting_compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the markup of every document typeset from now on."""
    compiled: list[str] = []
    real = build_module.compile_pdf

    def counting(markup: str, *, timestamp: int, **kw: Any) -> bytes:
        compiled.append(markup)
        return real(markup, timestamp=timestamp, **kw)

    monkeypatch.setattr(build_module, "compile_pdf", counting)
    return compiled


def test_a_rebuild_typesets_only_the_tracks_that_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, level_documents: int) -> None:
    out = tmp_path / "dist"
    build(two_tracks(), out, formats={"pdf"})
    compiled = counting_compiles(monkeypatch)
    result = build(two_tracks("I own services and their on-call."), out, formats={"pdf"})
    assert result.rendered == 3  # the L2, Engineering and ladder handbooks
    assert not [m for m in compiled if "<level-ops--l1-operator>" in m]  # typeset once, then reused
    assert len([m for m in compiled if "<level-eng--l2-senior-engineer>" in m]) == 1
    assert "on-call" in pages(out / "eng/handbook.pdf")[3]


def test_user_copies_of_whole_handbook_templates_are_compiled_apart(tmp_path: Path) -> None:
    templates = tmp_path / "templates" / "typst"
    templates.mkdir(parents=True)
    source = builtin_root().joinpath("typst", "track.typ.j2").read_text("utf-8")
    (templates / "track.typ.j2").write_text(source.replace("Track handbook", "Field guide"), encoding="utf-8")
    build(clean_ladder(), tmp_path / "dist", formats={"pdf"}, templates=tmp_path / "templates")
    texts = pages(tmp_path / "dist/eng/handbook.pdf")
    assert "Field guide" in texts[0] and texts[0].rstrip().endswith(f"Page 1 of {len(texts)}")


def test_assembled_pages_draw_the_parts_text_once(dist: Path, tmp_path: Path) -> None:
    # the drawing of a part is embedded as is (text stays text, fonts stay embedded)
    shutil.copy(dist / "eng/handbook.pdf", tmp_path / "h.pdf")
    text = " ".join(pages(tmp_path / "h.pdf"))
    assert text.count("I mentor new engineers.") == 2  # L2's competency, and its "New at this level" entry


def test_assembled_pdfs_are_well_formed(dist: Path) -> None:
    for path in sorted(dist.rglob("*.pdf")):
        reader = PdfReader(path, strict=True)  # strict: exact cross-reference offsets, no repairs
        assert reader.xref_objStm == {} and len(reader.pages) >= 1
        for page in reader.pages:
            forms = page["/Resources"]["/XObject"]
            assert sorted(forms) == ["/B", "/F"]  # the part's page, then the footer, both copied whole
            assert [(f["/Type"], f["/Subtype"]) for f in forms.values()] == [("/XObject", "/Form")] * 2
        assert all(pages(path)), path


def test_a_track_that_fails_to_typeset_fails_only_the_handbooks_holding_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, level_documents: int) -> None:
    # typeset together, the failing document is typeset again track by track
    real = build_module.compile_pdf

    def failing(markup: str, *, timestamp: int, **kw: Any) -> bytes:
        if "<level-ops--l1-operator>" in markup:
            raise TypstCompileError("typst: boom (line 9, column 1)")
        return real(markup, timestamp=timestamp, **kw)

    monkeypatch.setattr(build_module, "compile_pdf", failing)
    result = build(two_tracks(), tmp_path / "dist", formats={"pdf"}, partial=True)
    assert sorted((f.path, f.error) for f in result.failures) == [
        (p, "typst: boom (line 9, column 1)") for p in ("ladder.pdf", "ops/handbook.pdf", "ops/l1-operator.pdf")]
    assert {a.path for a in result.artifacts} == {
        "eng/handbook.pdf", "eng/l1-engineer.pdf", "eng/l2-senior-engineer.pdf", "index.html"}


def test_user_copies_of_building_blocks_shape_the_assembled_handbooks(tmp_path: Path) -> None:
    templates = tmp_path / "templates" / "typst"
    templates.mkdir(parents=True)
    for name in ("macros.typ.j2", "extra.typ"):
        source = builtin_root().joinpath("typst", name).read_text("utf-8")
        (templates / name).write_text(source.replace("At a glance", "In short"), encoding="utf-8")
    build(clean_ladder(), tmp_path / "dist", formats={"pdf"}, templates=tmp_path / "templates")
    track = pages(tmp_path / "dist/eng/handbook.pdf")
    assert "In short" in track[2] and "At a glance" not in " ".join(track)
    assert dict(re.findall(r"^(L\d [A-Za-z ]+?)[ .]+(\d+)$", track[0], re.M)) == {
        "L1 Engineer": "3", "L2 Senior Engineer": "4"}


def test_content_cannot_fake_where_a_level_starts(tmp_path: Path) -> None:
    base = clean_ladder()
    l1, l2 = base.tracks[0].levels
    fake = dataclasses.replace(l1, dimensions=tuple(dataclasses.replace(d, name=f"ld-part:{i}")
                                                    for i, d in enumerate(l1.dimensions)))
    ladder = dataclasses.replace(base, tracks=(dataclasses.replace(base.tracks[0], levels=(fake, l2)),))
    build(ladder, tmp_path / "dist", formats={"pdf"})
    assert [t for _, t, _ in outline(PdfReader(tmp_path / "dist/eng/l1-engineer.pdf"))][1:3] == [
        "🦉 ld-part:0", "🌱 ld-part:1"]
    assert pages(tmp_path / "dist/eng/l2-senior-engineer.pdf")[0].startswith("L2\nSenior Engineer")
