"""The changelog and history on the real corpus (and on the shared synthetic workload): the facts
the issue states, and the incremental walk checked against whole-ladder diffs and the parser."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, need_shared

from ladder_docs import walksplit
from ladder_docs.changelog import Changelog, changelog
from ladder_docs.changelog_render import render_json, render_markdown
from ladder_docs.diff import diff_ladders
from ladder_docs.gitlog import Git
from ladder_docs.history import history
from ladder_docs.parse import parse_document
from ladder_docs.reader import read_ladder
from ladder_docs.reparse import reparse
from ladder_docs.source import Repository

pytestmark = pytest.mark.corpus
SYNTH = ROOT.parent / "shared" / "tools" / "synth_repo.py"
L4 = "Cloud-Engineering/L4 - Lead Cloud Engineer.md"
BEFORE = "I demonstrate solid experience with server operating systems, network, and security fundamentals."
AFTER = "I am an expert in server operating systems, network, and security fundamentals."


@pytest.fixture(scope="module")
def full(corpus: Path) -> Changelog:
    return changelog(Repository.open(corpus))


def test_the_whole_history_renders(full: Changelog) -> None:
    assert full.per_revision and len(full.sections) == 93
    assert full.sections[0].head.short == "87c54b6" and full.sections[-1].base is None
    data = json.loads(render_json(full))
    assert len(data["revisions"]) == 93
    assert sum(len(r["changes"]) for r in data["revisions"]) == sum(len(s.changes) for s in full.sections)
    md = render_markdown(full)
    assert md.count("\n## ") == 93


def test_08132d7_rewords_the_first_domain_expertise_competency(corpus: Path) -> None:
    log = changelog(Repository.open(corpus), "08132d7^..08132d7")
    [c] = log.sections[0].changes
    assert (c.kind, c.severity, c.dimension) == ("competency.reworded", "minor", "Domain Expertise")
    assert (c.level.key, c.level.path, c.level.id, c.level.title) == (
        "cloud-engineering/l4-lead-cloud-engineer", L4, "L4", "Lead Cloud Engineer")
    assert (c.before, c.after) == (BEFORE, AFTER)
    [k] = c.commits
    assert (k.sha, k.author, k.date[:10], k.pr) == ("08132d7", "Aashiq Durga", "2024-10-08", 76)
    assert k.subject == "Update Cloud-Engineering/L4 - Lead Cloud Engineer.md"


def test_pr_76_section_credits_08132d7(full: Changelog) -> None:
    section = next(s for s in full.sections if s.head.short == "f6dbfa4")
    assert section.subject == "Merge pull request #76 from OctopusDeploy/aashiqdurga/LeadCloudEngineer"
    [c] = [c for c in section.changes if c.after == AFTER]
    assert c.kind == "competency.reworded" and c.level.title == "Lead Cloud Engineer"
    assert ("08132d7", "Aashiq Durga", 76) in {(k.sha, k.author, k.pr) for k in c.commits}
    # The level replaced L4 Cloud Architect in that PR: a retitle and a move, not removed + added.
    kinds = Counter(c.kind for c in section.changes)
    assert kinds["level.retitled"] == 1 and kinds["level.moved"] == 1
    assert kinds["level.added"] == kinds["level.removed"] == 0


def test_248d26a_moves_folders_as_moves(full: Changelog, corpus: Path) -> None:
    section = next(s for s in full.sections if s.head.short == "e39e3fb")  # PR #87 merged 248d26a
    kinds = Counter(c.kind for c in section.changes)
    assert kinds["level.moved"] == 19 and kinds["document.moved"] == 5
    assert kinds["level.removed"] == kinds["level.added"] == 0
    cloud = [c for c in section.changes if c.kind == "level.moved" and c.before.startswith("Cloud-Engineering/")]
    assert sorted(c.after for c in cloud) == [
        "Engineering/Cloud-Engineering/L2-Cloud-Engineer.md",
        "Engineering/Cloud-Engineering/L3-Senior-Cloud-Engineer.md",
        f"Engineering/{L4}",
    ]
    assert {(k.sha, k.pr) for c in cloud for k in c.commits} == {("248d26a", 87)}
    one = changelog(Repository.open(corpus), "248d26a^..248d26a", all=True).sections[0]
    assert Counter(c.kind for c in one.changes) == {"level.moved": 19, "document.moved": 5, "level.formatting": 1}
    everything = changelog(Repository.open(corpus), all=True)
    [fmt] = [c for s in everything.sections if s.head.short == "e39e3fb" for c in s.changes
             if c.kind == "level.formatting"]
    assert (fmt.level.path, fmt.before, fmt.after) == (
        "Engineering/Software-Engineering/L1.0-Graduate-Software-Engineer.md", "CRLF", "LF")


def test_history_of_l4_lead_cloud_engineer(corpus: Path) -> None:
    h = history(Repository.open(corpus), "engineering-cloud-engineering/l4-lead-cloud-engineer")
    assert [(r.revision.short, r.pr) for r in h.revisions] == [
        ("e39e3fb", 87), ("f6dbfa4", 76), ("d960a74", 57), ("9f29af5", 45)]
    assert h.revisions[-1].path == "Cloud-Engineering/L4-Cloud-Architect.md"
    first = h.competencies[0]
    assert (first.dimension, first.text) == ("Domain Expertise", AFTER)
    assert first.introduced is not None and (first.introduced.sha, first.introduced.pr) == ("b8c26e1", 76)
    assert [(r.sha, r.author, r.date[:10], r.pr) for r in first.reworded] == [
        ("08132d7", "Aashiq Durga", "2024-10-08", 76)]
    assert len(h.competencies) == 11 + 4 + 7 + 7


def _same(log: Changelog, repo: Repository, every: int) -> None:
    """Each section of the walk equals a whole-ladder diff of its two revisions."""
    for s in log.sections[::every]:
        if s.base is None:
            continue
        ref = Counter((c.kind, c.level.key, c.before, c.after)
                      for c in diff_ladders(read_ladder(repo, s.base.sha), read_ladder(repo, s.head.sha)))
        got = Counter((c.kind, c.level.key, None if c.kind == "level.formatting" else c.before,
                       None if c.kind == "level.formatting" else c.after) for c in s.changes)
        assert got == ref, s.head.sha


def test_the_walk_agrees_with_whole_ladder_diffs(corpus: Path) -> None:
    repo = Repository.open(corpus)
    _same(changelog(repo, all=True), repo, 3)


def _reparse_agrees(path: Path) -> int:
    git, hits = Git(path), 0
    with git.blobs() as blobs:
        for entry in git.log(["HEAD"], no_merges=True):
            for f in entry.files:
                if f.status != "M" or not f.old_blob or not f.new_blob or not (f.new_path or "").endswith(".md"):
                    continue
                old = parse_document(f.old_path or "", blobs.read(f.old_blob), f.old_blob)
                data = blobs.read(f.new_blob)
                edit = reparse(old, data, f.new_blob)
                if edit is not None:
                    hits += 1
                    assert edit.parsed == parse_document(f.new_path or "", data, f.new_blob), entry.commit.sha
    return hits


def test_reparse_agrees_with_the_parser_on_every_corpus_edit(corpus: Path) -> None:
    assert _reparse_agrees(corpus) > 50


def test_synthetic_workload(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    need_shared(SYNTH)
    repo_dir = tmp_path / "synth"
    subprocess.run([sys.executable, str(SYNTH), str(repo_dir), "--commits", "300", "--tracks", "6"],
                   check=True, capture_output=True)
    assert _reparse_agrees(repo_dir) > 250
    repo = Repository.open(repo_dir)
    log = changelog(repo)
    changed = [e for e in Git(repo_dir).log(["HEAD"], first_parent=True) if e.files]
    assert len(log.sections) == len(changed) > 290  # a commit that rewrote a word as itself changed nothing
    assert all(len(k) == 1 for s in log.sections for k in [{c.commits for c in s.changes}])
    _same(log, repo, 15)
    # The same history walked in two processes (a worker takes the later half) reads the same.
    monkeypatch.setattr(walksplit, "PARALLEL_FROM", 100)
    monkeypatch.setattr(walksplit, "WORKER_START", 0)
    assert walksplit.split_point(300) == 150
    split = changelog(repo, all=True)
    monkeypatch.setattr(walksplit, "PARALLEL_FROM", 10**9)
    assert render_json(split) == render_json(changelog(repo, all=True))
