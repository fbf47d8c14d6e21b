"""DOCX styling: the reference document defines every custom style the handbook ASTs name, with the
look the handbook author asked for, and a build of the example ladder applies them where they belong."""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import ROOT, make_repo
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import RGBColor

from ladder_docs import docx_style
from ladder_docs import pandoc_ast as ast
from ladder_docs.build import build
from ladder_docs.context import Contexts
from ladder_docs.reader import read_ladder
from ladder_docs.source import Repository

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TRACK = "engineering-data-engineering"
LEVEL = f"{TRACK}/l2-data-engineer"  # has a previous level, so "What changes" with word diffs
KINDS = {ast.STYLE_SUMMARY: WD_STYLE_TYPE.PARAGRAPH, ast.STYLE_META: WD_STYLE_TYPE.PARAGRAPH,
         ast.STYLE_EXAMPLES: WD_STYLE_TYPE.PARAGRAPH, ast.STYLE_CHANGE_KIND: WD_STYLE_TYPE.PARAGRAPH,
         ast.STYLE_LEVEL_START: WD_STYLE_TYPE.PARAGRAPH, ast.STYLE_INSERTED: WD_STYLE_TYPE.CHARACTER,
         ast.STYLE_DELETED: WD_STYLE_TYPE.CHARACTER}
Doc = Any  # python-docx's Document (a factory function, not a type)


@dataclass(frozen=True)
class Built:
    """The example ladder's DOCX handbooks (built twice) and its contexts."""

    out: Path
    again: Path
    contexts: Contexts

    def doc(self, path: str) -> Doc:
        return docx.Document(io.BytesIO((self.out / path).read_bytes()))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    repo = tmp_path_factory.mktemp("styles") / "example"
    shutil.copytree(ROOT / "ladder", repo / "ladder")
    shutil.copy(ROOT / "pyproject.toml", repo / "pyproject.toml")
    make_repo(repo, {}, "Example ladder")
    ladder = read_ladder(Repository.open(repo), "HEAD")
    out, again = repo.parent / "dist", repo.parent / "again"
    build(ladder, out, formats={"docx"})
    build(ladder, again, formats={"docx"})
    return Built(out, again, Contexts(ladder))


@pytest.fixture(scope="module")
def reference() -> Doc:
    return docx.Document(io.BytesIO(docx_style.build_reference_docx()))


def style_xml(document: Doc, name: str) -> Any:
    """The <w:style> element named `name` (python-docx finds styles by name)."""
    return document.styles[name].element


def attr(element: Any, path: str, name: str) -> str | None:
    """Attribute `name` (w: namespace) of the first element at `path` under `element`, or None."""
    found = element.find(path.replace("w:", W))
    return None if found is None else found.get(f"{W}{name}")


def paragraphs(document: Doc, style: str) -> list[Any]:
    return [p for p in document.paragraphs if p.style.name == style]


def run_texts(document: Doc, style_id: str) -> list[str]:
    """Texts of the body's runs in character style `style_id`, hyperlink runs included."""
    runs = [r for r in document.element.body.iter(f"{W}r") if attr(r, "w:rPr/w:rStyle", "val") == style_id]
    return ["".join(t.text or "" for t in r.iter(f"{W}t")) for r in runs]


def test_every_style_the_asts_name_is_defined_once_with_its_kind(reference: Doc) -> None:
    named = {value for key, value in vars(ast).items() if key.startswith("STYLE_")}
    assert named == set(KINDS) | {ast.STYLE_ATTRIBUTES}  # a new style name must get a definition here
    for name, kind in KINDS.items():
        assert reference.styles[name].type == kind, name
    # pandoc writes a table's custom-style verbatim as w:tblStyle, so that one must be a style ID.
    ids = [s.style_id for s in reference.styles]
    assert ids.count(ast.STYLE_ATTRIBUTES) == 1
    assert reference.styles["Attributes Table"].type == WD_STYLE_TYPE.TABLE
    assert len(ids) == len(set(ids))


def test_paragraph_styles_have_the_asked_for_look(reference: Doc) -> None:
    summary = reference.styles["Summary"]
    assert summary.font.italic is True
    assert attr(summary.element, "w:pPr/w:shd", "fill") == docx_style.ACCENT_SOFT
    assert attr(summary.element, "w:pPr/w:pBdr/w:left", "color") == docx_style.ACCENT
    assert attr(summary.element, "w:pPr/w:pBdr/w:left", "sz") == "24"
    meta, examples = reference.styles["Handbook Meta"], reference.styles["Examples"]
    body_size = reference.styles["Body Text"].font.size or docx.shared.Pt(10.5)  # from docDefaults
    assert meta.font.color.rgb == examples.font.color.rgb == RGBColor.from_string(docx_style.MUTED)
    assert meta.font.size.pt == 8.5 and examples.font.size.pt == 9.5 and examples.font.size < body_size
    kind = reference.styles["Change Kind"]
    assert kind.font.small_caps is True and kind.paragraph_format.keep_with_next is True
    start = reference.styles["Level Start"]
    assert start.paragraph_format.page_break_before is True and start.paragraph_format.keep_with_next is True
    assert start.font.size.pt == 1


def test_word_diff_character_styles_are_green_underlined_and_red_struck(reference: Doc) -> None:
    inserted, deleted = reference.styles["Inserted Text"], reference.styles["Deleted Text"]
    assert inserted.font.color.rgb == RGBColor.from_string("0B5A31") and inserted.font.underline is True
    assert inserted.font.strike is not True
    assert deleted.font.color.rgb == RGBColor.from_string("9A1F26") and deleted.font.strike is True
    assert deleted.font.underline is not True
    assert attr(inserted.element, "w:rPr/w:shd", "fill") == "E2F4E8"
    assert attr(deleted.element, "w:rPr/w:shd", "fill") == "FBEAEA"


def test_headings_keep_their_accent_colours_and_tables_their_header_shading(reference: Doc) -> None:
    colours = {n: str(reference.styles[f"Heading {n}"].font.color.rgb) for n in (1, 2, 3, 4)}
    assert colours == {1: docx_style.ACCENT, 2: docx_style.INK, 3: docx_style.ACCENT, 4: docx_style.MUTED}
    table = style_xml(reference, "Table")
    assert attr(table, "w:tblStylePr[@w:type='firstRow']/w:tcPr/w:shd", "fill") == docx_style.ACCENT
    attributes = style_xml(reference, "Attributes Table")
    # pandoc's tblLook has firstColumn="0" with column banding on: band1Vert is what Word applies.
    for part in ("band1Vert", "firstCol"):
        assert attr(attributes, f"w:tblStylePr[@w:type='{part}']/w:tcPr/w:shd", "fill") == docx_style.ACCENT_SOFT
    assert attr(attributes, "w:tblPr/w:tblStyleColBandSize", "val") == "1"


def test_a_built_level_applies_each_style_to_the_right_paragraphs(built: Built) -> None:
    document = built.doc(f"{LEVEL}.docx")
    level = built.contexts.level(LEVEL)["level"]
    styles = [p.style.name for p in document.paragraphs]
    assert styles[:5] == ["Title", "Subtitle", "Date", "Handbook Meta", "Summary"]
    [meta] = paragraphs(document, "Handbook Meta")
    assert meta.text.startswith("Brightwater Career Ladder · version ")
    assert [p.text for p in paragraphs(document, "Summary")] == [level["summary_text"]]
    assert "Level Start" not in styles  # one level per document: no page breaks
    examples = [e for d in level["dimensions"] for e in d["examples"]]
    with_examples = [d for d in level["dimensions"] if d["examples"]]
    assert len(with_examples) == 4 and len(examples) == 10
    assert [p.text for p in paragraphs(document, "Examples")] == [
        text for d in with_examples for text in ["For example", *(e["text"] for e in d["examples"])]]
    changes = level["changes"]
    labels = {"new": "New at this level", "evolved": "Evolved from L1 Junior Data Engineer",
              "dropped": "No longer listed"}
    expected = [labels[k] for s in changes["sections"] for k in ("new", "evolved", "dropped") if s[k]]
    assert len(expected) == 11
    assert [p.text for p in paragraphs(document, "Change Kind")] == expected
    [table] = document.tables
    assert table.style.name == "Attributes Table"
    assert [row.cells[0].text for row in table.rows] == [a["name"] for a in level["attributes"]]


def test_a_built_level_marks_word_diffs_with_the_character_styles(built: Built) -> None:
    document = built.doc(f"{LEVEL}.docx")
    ops = [op for s in built.contexts.level(LEVEL)["level"]["changes"]["sections"] for e in s["evolved"]
           for op in e["diff"]]
    inserted, deleted = run_texts(document, "InsertedText"), run_texts(document, "DeletedText")
    assert "".join(inserted) == "".join(op["text"] for op in ops if op["op"] == "insert")
    assert "".join(deleted) == "".join(op["text"] for op in ops if op["op"] == "delete")
    assert (len(inserted), len(deleted)) == (18, 16)
    assert {"build", "pipelines"} <= set(inserted) and {"make", "changes"} <= set(deleted)


def test_track_and_ladder_handbooks_start_every_level_on_a_new_page(built: Built) -> None:
    track = built.contexts.track(TRACK)["track"]
    document = built.doc(f"{TRACK}/handbook.docx")
    after = [document.paragraphs[i + 1] for i, p in enumerate(document.paragraphs) if p.style.name == "Level Start"]
    assert [(p.style.name, p.text) for p in after] == [("Heading 1", lv["label"]) for lv in track["levels"]]
    assert [p.text for p in paragraphs(document, "Level Start")] == [""] * 4
    assert len(paragraphs(document, "Summary")) == 4 and len(document.tables) == 4
    assert {t.style.name for t in document.tables} == {"Attributes Table"}
    ladder = built.doc("ladder.docx")
    starts = [ladder.paragraphs[i + 1] for i, p in enumerate(ladder.paragraphs) if p.style.name == "Level Start"]
    tracks = [p.text for p in starts if p.style.name == "Heading 1"]
    assert tracks == ["Customer Operations", "Data Engineering", "Platform Engineering"]
    assert len([p for p in starts if p.style.name == "Heading 2"]) == 12


def test_built_documents_carry_the_styles_and_are_reproducible(built: Built) -> None:
    document = built.doc(f"{LEVEL}.docx")
    assert document.styles["Level Start"].paragraph_format.page_break_before is True
    assert document.styles["Deleted Text"].font.strike is True
    names = [s.name for s in document.styles]
    assert all(names.count(n) == 1 for n in [*KINDS, "Attributes Table"])
    files = sorted(p.relative_to(built.out).as_posix() for p in built.out.rglob("*.docx"))
    assert len(files) == 16
    assert all((built.out / f).read_bytes() == (built.again / f).read_bytes() for f in files)
