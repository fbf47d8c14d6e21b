"""Redlines of the real corpus: the DOCX accept/reject round trip for every level changed between
the first 2024 commit on main and HEAD, and the attribution of 08132d7's rewording (PR #76)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import git
from test_redline import W, docx_level, emojis, model_level, read_back

from ladder_docs.diff import pair_levels
from ladder_docs.reader import read_ladder
from ladder_docs.redline import RedlineResult, collect, redline
from ladder_docs.redline_pieces import Piece
from ladder_docs.source import Repository

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def first_2024(corpus: Path) -> str:
    """The first commit on main (oldest first) whose author date is in 2024."""
    for line in git(corpus, "log", "--reverse", "--format=%h %aI", "main").splitlines():
        sha, date = line.split()
        if date.startswith("2024"):
            return sha
    raise AssertionError("no 2024 commit on main")


@pytest.fixture(scope="module")
def since_2024(corpus: Path, first_2024: str, tmp_path_factory: pytest.TempPathFactory) -> RedlineResult:
    out = tmp_path_factory.mktemp("corpus-redlines")
    return redline(Repository.open(corpus), f"{first_2024}..HEAD", formats={"docx"}, out=out)


def test_the_range_starts_at_5e4ef85(first_2024: str) -> None:
    assert first_2024 == "5e4ef85"


def test_docx_round_trip_holds_for_every_level_changed_since_2024(
    corpus: Path, first_2024: str, since_2024: RedlineResult, tmp_path: Path
) -> None:
    repo = Repository.open(corpus)
    old, new = read_ladder(repo, first_2024), read_ladder(repo, "HEAD")
    pairs = {(b or a).key: (a, b) for a, b in pair_levels(old.levels, new.levels) if (a or b) is not None}
    assert len(since_2024.levels) == 30 and since_2024.failures == ()
    assert since_2024.files == tuple(sorted(["index.html", *(f"{k}.redline.docx" for k in since_2024.levels)]))
    docs = {key: since_2024.out / f"{key}.redline.docx" for key in since_2024.levels}
    back = read_back(list(docs.values()), tmp_path)
    kinds = {"edited": 0, "added": 0, "removed": 0}
    for key, doc in docs.items():
        a, b = pairs[key]
        assert docx_level(back[(doc, "accept")], emojis(a, b)) == model_level(b), f"accept {key}"
        assert docx_level(back[(doc, "reject")], emojis(a, b)) == model_level(a), f"reject {key}"
        kinds["edited" if a and b else "added" if b else "removed"] += 1
    # the new Support ladders replaced the old Support levels
    assert kinds == {"edited": 15, "added": 11, "removed": 4}


def test_pure_moves_have_no_redline(since_2024: RedlineResult) -> None:
    # 248d26a moved Cloud-Engineering/ under Engineering/: L2 and L3 read the same, so no redline
    assert "engineering-cloud-engineering/l2-cloud-engineer" not in since_2024.levels
    assert "engineering-cloud-engineering/l4-lead-cloud-engineer" in since_2024.levels


def test_08132d7_rewording_is_marked_and_attributed_to_pr_76(corpus: Path, tmp_path: Path) -> None:
    repo = Repository.open(corpus)
    red = collect(repo, "08132d7~1..08132d7")
    level = next(lv for lv in red.levels if lv.key == "cloud-engineering/l4-lead-cloud-engineer")
    first = level.sections[0].competencies[0]
    assert level.sections[0].heading.text("after") == "Domain Expertise"
    assert first.pieces[:3] == (
        Piece("equal", ({"t": "text", "v": "I "},)),
        Piece("delete", ({"t": "text", "v": "demonstrate solid experience with"},)),
        Piece("insert", ({"t": "text", "v": "am an expert in"},)))
    assert first.text("after").startswith("I am an expert in server operating systems, ")
    assert [(c.sha, c.author, c.date[:10], c.pr) for c in first.commits] == [
        ("08132d7", "Aashiq Durga", "2024-10-08", 76)]
    result = redline(repo, "08132d7~1..08132d7", formats={"docx"}, out=tmp_path)
    with zipfile.ZipFile(tmp_path / f"{level.key}.redline.docx") as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    authors = {e.get(f"{W}author") for e in root.iter() if e.tag in (f"{W}ins", f"{W}del")}
    assert authors == {"Aashiq Durga"} and level.key in result.levels
