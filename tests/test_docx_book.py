"""DOCX handbooks cut from one pandoc conversion: the same documents as converting each apart."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from handbook_models import clean_ladder

import ladder_docs.build as build_module
from ladder_docs import render_docx
from ladder_docs.build import build
from ladder_docs.build_plan import plan
from ladder_docs.context import Contexts
from ladder_docs.docx_split import bookmark_name
from ladder_docs.model import Ladder
from ladder_docs.pandoc_engine import docx_many
from ladder_docs.reader import read_ladder
from ladder_docs.source import Repository

BUILDERS = {"level": render_docx.level_docx, "track": render_docx.track_docx, "ladder": render_docx.ladder_docx}


def facts(data: bytes) -> dict[str, Any]:
    """What a reader sees: paragraphs (style, text), table cells, link targets, title, dangling jumps."""
    document = docx.Document(io.BytesIO(data))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode()
        rels = {m.group(1): m.group(2) for m in re.finditer(
            r'<Relationship [^>]*?Id="([^"]+)" Target="([^"]*)"', z.read("word/_rels/document.xml.rels").decode())}
        title = re.findall(r"<dc:title>(.*?)</dc:title>", z.read("docProps/core.xml").decode())
    links = ["#" + m.group(2) if m.group(1) == "w:anchor" else rels[m.group(2)]
             for m in re.finditer(r'<w:hyperlink (r:id|w:anchor)="([^"]+)"', xml)]
    names = set(re.findall(r'<w:bookmarkStart [^>]*w:name="([^"]+)"', xml))
    return {
        # pandoc styles the first paragraph after a heading "First Paragraph", which looks like "Body Text"
        "paragraphs": [(p.style.name.replace("First Paragraph", "Body Text"), p.text) for p in document.paragraphs],
        "cells": [c.text for t in document.tables for row in t.rows for c in row.cells],
        "links": links,
        "title": title,
        "dangling": [link for link in links if link.startswith("#") and link[1:] not in names],
    }


def compare_with_separate_conversions(ladder: Ladder, out: Path) -> int:
    build(ladder, out, formats={"docx"})
    contexts = Contexts(ladder)
    jobs = [j for j in plan(ladder, contexts, ("docx",)) if j.fmt == "docx"]
    apart = docx_many([BUILDERS[j.kind](j.context, j.path, j.anchors) for j in jobs],
                      timestamp=ladder.revision.timestamp, footers=[render_docx.footer(j.context) for j in jobs])
    for job, alone in zip(jobs, apart, strict=True):
        assert isinstance(alone, bytes), alone
        cut = facts((out / job.path).read_bytes())
        assert cut["dangling"] == [], job.path
        assert cut == facts(alone), job.path
    return len(jobs)


def test_each_handbook_reads_as_if_converted_alone(tmp_path: Path) -> None:
    assert compare_with_separate_conversions(clean_ladder(), tmp_path / "dist") == 4


@pytest.mark.corpus
def test_every_corpus_handbook_reads_as_if_converted_alone(corpus: Path, tmp_path: Path) -> None:
    assert compare_with_separate_conversions(read_ladder(Repository.open(corpus), "HEAD"), tmp_path / "dist") == 71


def test_one_pandoc_conversion_makes_every_handbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def counting(asts: list[Any], **kw: Any) -> list[Any]:
        calls.append(len(asts))
        return docx_many(asts, **kw)

    monkeypatch.setattr(build_module, "docx_many", counting)
    result = build(clean_ladder(), tmp_path / "dist", formats={"docx"})
    assert calls == [1] and len(result.artifacts) == 5  # 4 handbooks and the index


def test_headings_move_down_and_links_become_jumps_inside_a_handbook(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    build(clean_ladder(), out, formats={"docx"})
    level, track, whole = (facts((out / p).read_bytes()) for p in (
        "eng/l2-senior-engineer.docx", "eng/handbook.docx", "ladder.docx"))
    changes = "What changes from L1 Engineer"
    assert ("Heading 1", changes) in level["paragraphs"]
    assert ("Heading 2", changes) in track["paragraphs"] and ("Heading 3", changes) in whole["paragraphs"]
    l1 = "#" + bookmark_name("level-eng--l1-engineer")
    assert set(level["links"]) == {"l1-engineer.docx"}
    assert l1 in track["links"] and "l1-engineer.docx" not in track["links"]
    assert l1 in whole["links"] and not [link for link in whole["links"] if link.endswith(".docx")]
    assert (level["title"], track["title"], whole["title"]) == (["Senior Engineer"], ["Engineering"], ["Acme Ladder"])


def test_a_handbook_keeps_only_the_parts_it_uses(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    build(clean_ladder(), out, formats={"docx"})
    with zipfile.ZipFile(out / "eng/l1-engineer.docx") as z:
        rels = z.read("word/_rels/document.xml.rels").decode()
        xml = z.read("word/document.xml").decode()
        numbering = z.read("word/numbering.xml").decode()
    assert "hyperlink" not in rels  # L1 links nowhere; the book's links to L1 stay out
    assert "Senior Engineer" not in xml and "<!--ldseg" not in xml
    used = set(re.findall(r'<w:numId w:val="(\d+)"', xml))
    assert set(re.findall(r'<w:num w:numId="(\d+)"', numbering)) == used


def test_bookmark_names_follow_pandoc() -> None:
    assert bookmark_name("doc-readme") == "doc-readme"
    assert bookmark_name("level-engineering-cloud-engineering--l3-senior-cloud-engineer") == (
        "X34cb04733e59cd1759d277a279e6b51d40ba521")
    assert bookmark_name("1-starts-with-a-digit").startswith("X") and len(bookmark_name("x" * 41)) == 40
