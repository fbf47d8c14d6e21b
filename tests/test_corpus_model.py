"""The foundation against the real corpus: every file at every commit, the facts ../shared/README states."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from ladder_docs.cli import main
from ladder_docs.config import Config
from ladder_docs.parse import parse_document
from ladder_docs.reader import read_ladder, selected
from ladder_docs.source import Repository

pytestmark = pytest.mark.corpus
L4 = "engineering-cloud-engineering/l4-lead-cloud-engineer"


@pytest.fixture(scope="module")
def repo(corpus: Path) -> Repository:
    return Repository.open(corpus)


def all_blobs(corpus: Path) -> set[tuple[str, str]]:
    """(blob, path) of every file at every commit of every branch."""
    revs = subprocess.run(["git", "rev-list", "--all"], cwd=corpus, capture_output=True, text=True,
                          check=True).stdout.split()
    pairs: set[tuple[str, str]] = set()
    for rev in revs:
        out = subprocess.run(["git", "ls-tree", "-r", "-z", rev], cwd=corpus, capture_output=True,
                             text=True, check=True).stdout
        for rec in filter(None, out.split("\0")):
            meta, path = rec.split("\t", 1)
            pairs.add((meta.split()[2], path))
    return pairs


def test_every_document_at_every_commit_parses(corpus: Path, repo: Repository) -> None:
    revs = subprocess.run(["git", "rev-list", "--all"], cwd=corpus, capture_output=True, text=True).stdout.split()
    assert len(revs) == 434
    pairs = sorted(p for p in all_blobs(corpus) if selected(p[1], Config()))
    level_files = 0
    for blob, path in pairs:
        pf = parse_document(path, repo.read_blob(blob, path), blob)
        name = path.rsplit("/", 1)[-1]
        if re.match(r"L\d", name) and pf.decoded.text.strip():
            level_files += 1
            assert pf.levels, f"{path} at {blob[:7]} is not recognised as a level"
    assert level_files == 256  # distinct (blob, path) pairs of L-named files over all history
    # Extensionless level files are included by the default globs.
    assert any(p == "Customer-Success/L2-Junior-Customer-Success-Manager" for _b, p in pairs)


def test_lead_cloud_engineer_at_head(repo: Repository) -> None:
    ladder = read_ladder(repo, "HEAD")
    lv = ladder.level(L4)
    assert lv is not None and (lv.id, lv.title) == ("L4", "Lead Cloud Engineer")
    assert lv.path == "Engineering/Cloud-Engineering/L4 - Lead Cloud Engineer.md"
    assert len(lv.attributes) == 4
    assert [(d.name, len(d.competencies), len(d.examples)) for d in lv.dimensions] == [
        ("Domain Expertise", 11, 4), ("Teaching and Mentoring", 4, 5),
        ("Culture and Leadership", 7, 5), ("Customer Success", 7, 4)]
    assert lv.dimensions[0].emoji == "🦉"
    assert lv.source.blob is not None and len(lv.source.blob) == 40


def test_seed_parses_like_its_blob(repo: Repository, seed: Path) -> None:
    path = "Cloud-Engineering/L4 - Lead Cloud Engineer.md"
    blob = repo.read_path(repo.resolve("d9cf9c7"), path)
    assert blob is not None
    want = parse_document(path, blob).levels[0]
    got_file = parse_document(path, seed.read_bytes())
    got = got_file.levels[0]
    assert (got.id, got.title, got.summary, got.attributes) == (want.id, want.title, want.summary, want.attributes)
    assert got.dimensions == want.dimensions
    codes = {d.code for d in got_file.diagnostics}
    assert codes == {"mojibake"}
    assert any("repaired: ## 🦉 Domain Expertise" in d.message for d in got_file.diagnostics)


def test_layouts_and_tracks_at_head(repo: Repository) -> None:
    ladder = read_ladder(repo, "HEAD")
    assert len(ladder.track("product").levels) == 5  # type: ignore[union-attr]
    for key in ("sales-engineering", "solutions", "marketing"):
        assert ladder.track(key) is not None, key
    se = ladder.track("engineering-software-engineering")
    assert se is not None
    assert [lv.id for lv in se.levels][:3] == ["L1.0", "L1", "L2"]
    assert se.levels[0].is_pointer
    # Support/ holds two ladders: the level before L5 Senior Support Manager is L4 Support Manager.
    mgr = ladder.track("support-support-manager")
    eng = ladder.track("support-devops-support-engineer")
    assert mgr is not None and eng is not None
    assert [lv.label for lv in mgr.levels] == ["L4 Support Manager", "L5 Senior Support Manager"]
    assert mgr.previous(mgr.levels[1]) == mgr.levels[0]
    assert [lv.id for lv in eng.levels] == ["L1", "L2", "L3", "L4", "L5"]
    root_level = next(lv for lv in ladder.levels if lv.path == "rnd-operations.md")
    assert root_level.id == "L3"
    assert {d.path for d in ladder.documents} >= {"Everyone.md", "Leadership.md"}


def test_check_reports_the_two_broken_links(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "--repo", str(corpus), "--rev", "HEAD", "--format", "json"])
    diags = json.loads(capsys.readouterr().out)
    broken = {(d["path"], d["message"].rsplit(": ", 1)[1]) for d in diags if d["code"] == "broken-link"}
    readme = "Engineering/Cloud-Engineering/README.md"
    assert (readme, "L4-Cloud-Architect.md") in broken
    assert (readme, "../Software-Engineering/Levels-Maturity-And-Performance-Reviews.md") in broken
    assert code == 0  # broken links are warnings
    assert main(["check", "--repo", str(corpus), "--rev", "HEAD", "--strict", "-q"]) == 1


def test_show_json_contract(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "--repo", str(corpus), "--rev", "248d26a", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["revision"]["sha"].startswith("248d26a") and data["revision"]["dirty"] is False
    level = next(lv for t in data["tracks"] for lv in t["levels"] if lv["key"] == L4)
    assert set(level) == {"key", "id", "rank", "title", "path", "summary", "attributes", "dimensions"}
    assert set(level["dimensions"][0]) == {"name", "competencies", "examples"}


def test_bare_repository_reads_revisions(corpus: Path, tmp_path: Path) -> None:
    bare = tmp_path / "bare.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(corpus), str(bare)], check=True)
    ladder = read_ladder(Repository.open(bare), "HEAD")
    assert ladder.level(L4) is not None
