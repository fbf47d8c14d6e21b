"""The changelog and history on a small repository built here: sections, moves, attribution, PRs,
ranges, tags, the working tree, errors and the three renderers."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import git

from ladder_docs.changelog import Changelog, between, changelog
from ladder_docs.changelog_render import render_html, render_json, render_markdown, to_json
from ladder_docs.errors import RepoError, ShallowCloneError, UsageError
from ladder_docs.history import history, history_json, render_history_markdown
from ladder_docs.source import Repository

LEVEL = """# L3: Senior Engineer

> I own features end to end.

**Planning horizon:** 3 months

## 🦉 Domain Expertise

- I demonstrate solid experience with servers, networks and security fundamentals.
- I help people unfamilary with our tools.
- I keep a < b && c > d in mind.

**Examples:**

- I ran the migration.

## 🌱 Teaching

- I mentor new hires.
"""
README = "# Platform\n\nOpen two tabs to compare levels.\n"


def _commit(repo: Path, message: str, date: str, author: str = "Test Author") -> str:
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": author}
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, env=env)
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture
def ladder_repo(tmp_path: Path) -> dict[str, str]:
    """main: initial → merge of PR #5 (a reword on a branch) → folder move + CRLF→LF (#7) → typo fix."""
    repo = tmp_path / "repo"
    (repo / "ladder" / "Platform").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "pyproject.toml").write_text('[tool.ladder-docs]\nname = "Test Ladder"\nroot = "ladder"\n')
    level = repo / "ladder" / "Platform" / "L3-Senior-Engineer.md"
    level.write_bytes(LEVEL.replace("\n", "\r\n").encode())
    (repo / "ladder" / "Platform" / "README.md").write_text(README)
    shas = {"repo": str(repo), "initial": _commit(repo, "Initial ladder", "2026-01-01T10:00:00+00:00")}
    git(repo, "checkout", "-q", "-b", "feature")
    level.write_bytes(level.read_bytes().replace(b"I demonstrate solid experience with", b"I am an expert in"))
    shas["reword"] = _commit(repo, "Raise the bar on servers", "2026-01-02T10:00:00+00:00", "Alice Example")
    git(repo, "checkout", "-q", "main")
    env = {"GIT_AUTHOR_DATE": "2026-01-03T10:00:00+00:00", "GIT_COMMITTER_DATE": "2026-01-03T10:00:00+00:00"}
    git(repo, "merge", "-q", "--no-ff", "-m", "Merge pull request #5 from acme/feature", "feature", env=env)
    shas["merge"] = git(repo, "rev-parse", "HEAD").strip()
    (repo / "ladder" / "Engineering").mkdir()
    git(repo, "mv", "ladder/Platform", "ladder/Engineering/Platform")
    moved = repo / "ladder" / "Engineering" / "Platform" / "L3-Senior-Engineer.md"
    moved.write_bytes(moved.read_bytes().replace(b"\r\n", b"\n"))
    shas["move"] = _commit(repo, "Move Platform under Engineering (#7)", "2026-01-04T10:00:00+00:00")
    moved.write_text(moved.read_text().replace("unfamilary", "unfamilar"))
    shas["typo"] = _commit(repo, "Fix a typo", "2026-01-05T10:00:00+00:00", "Bob Example")
    return shas


def _log(shas: dict[str, str], range_: str | None = None, *, all: bool = False,
         since: str | None = None) -> Changelog:
    return changelog(Repository.open(shas["repo"]), range_, all=all, since=since)


def test_one_section_per_first_parent_revision_newest_first(ladder_repo: dict[str, str]) -> None:
    log = _log(ladder_repo)
    assert log.per_revision and log.name == "Test Ladder"
    assert [(s.head.sha, s.subject, s.bump) for s in log.sections] == [
        (ladder_repo["typo"], "Fix a typo", "patch"),
        (ladder_repo["move"], "Move Platform under Engineering (#7)", "patch"),
        (ladder_repo["merge"], "Merge pull request #5 from acme/feature", "minor"),
        (ladder_repo["initial"], "Initial ladder", "major"),
    ]
    first = log.sections[-1]
    assert first.base is None
    assert sorted(c.kind for c in first.changes) == ["document.added", "level.added"]
    assert to_json(log)["revisions"][-1]["from"] == {"rev": None, "sha": None, "date": None}


def test_merged_rewording_is_attributed_to_its_commit_and_pull_request(ladder_repo: dict[str, str]) -> None:
    merge = _log(ladder_repo).sections[2]
    [c] = merge.changes
    assert (c.kind, c.severity, c.dimension) == ("competency.reworded", "minor", "Domain Expertise")
    assert c.before == "I demonstrate solid experience with servers, networks and security fundamentals."
    assert c.after == "I am an expert in servers, networks and security fundamentals."
    assert [(k.sha, k.author, k.date, k.subject, k.pr) for k in c.commits] == [
        (ladder_repo["reword"][:7], "Alice Example", "2026-01-02T10:00:00+00:00", "Raise the bar on servers", 5)]
    # B on the merged branch: the PR is still the one that later brought it into main.
    [on_branch] = _log(ladder_repo, f"{ladder_repo['initial']}..feature").sections[0].changes
    assert on_branch.commits[0].pr == 5


def test_a_folder_move_reads_as_moves_plus_hidden_formatting(ladder_repo: dict[str, str]) -> None:
    move = _log(ladder_repo).sections[1]
    assert [(c.kind, c.severity, c.before, c.after) for c in move.changes] == [
        ("level.moved", "patch", "ladder/Platform/L3-Senior-Engineer.md",
         "ladder/Engineering/Platform/L3-Senior-Engineer.md"),
        ("document.moved", "patch", "ladder/Platform/README.md", "ladder/Engineering/Platform/README.md"),
    ]
    assert {c.commits[0].pr for c in move.changes} == {7}
    everything = _log(ladder_repo, all=True).sections[1]
    [fmt] = [c for c in everything.changes if c.formatting]
    assert (fmt.kind, fmt.before, fmt.after) == ("level.formatting", "CRLF", "LF")
    assert fmt.level.key == "engineering-platform/l3-senior-engineer"


def test_spelling_fix_is_a_patch_and_renders_as_a_word_diff(ladder_repo: dict[str, str]) -> None:
    log = _log(ladder_repo)
    [typo] = log.sections[0].changes
    assert (typo.kind, typo.severity) == ("competency.reworded", "patch")
    md = render_markdown(log)
    assert "## 2026-01-05 · " + ladder_repo["typo"][:7] + " · Fix a typo" in md
    assert "I help people <del>unfamilary</del><ins>unfamilar</ins> with our tools." in md
    assert f"{ladder_repo['reword'][:7]} (Alice Example, 2026-01-02, #5)" in md


def test_json_contract(ladder_repo: dict[str, str]) -> None:
    log = _log(ladder_repo, f"{ladder_repo['initial']}..{ladder_repo['typo']}")
    data = json.loads(render_json(log))
    assert data == to_json(log)
    assert set(data) == {"from", "to", "suggested_bump", "changes"}
    assert data["from"] == {"rev": ladder_repo["initial"], "sha": ladder_repo["initial"],
                            "date": "2026-01-01T10:00:00+00:00"}
    assert data["suggested_bump"] == "minor"
    for change in data["changes"]:
        assert list(change) == ["kind", "severity", "level", "dimension", "attribute", "before", "after",
                                "words", "commits"]
        assert list(change["level"]) == ["key", "path", "id", "title"]
        for commit in change["commits"]:
            assert list(commit) == ["sha", "author", "date", "subject", "pr"]
    reworded = next(c for c in data["changes"] if c["before"] and "solid" in c["before"])
    assert reworded["words"] == [["equal", "I "], ["delete", "demonstrate solid experience with"],
                                 ["insert", "am an expert in"],
                                 ["equal", " servers, networks and security fundamentals."]]
    assert json.loads(render_json(_log(ladder_repo)))["revisions"][0]["to"]["sha"] == ladder_repo["typo"]


def test_default_range_starts_at_the_latest_version_tag(ladder_repo: dict[str, str]) -> None:
    git(Path(ladder_repo["repo"]), "tag", "v1.0", ladder_repo["merge"])
    git(Path(ladder_repo["repo"]), "tag", "release-9", ladder_repo["move"])  # not a version tag
    log = _log(ladder_repo)
    assert not log.per_revision
    [s] = log.sections
    assert (s.base.rev if s.base else None, s.base.tag if s.base else None) == ("v1.0", "v1.0")
    assert sorted(c.kind for c in s.changes) == ["competency.reworded", "document.moved", "level.moved"]


def test_since_and_the_working_tree(ladder_repo: dict[str, str]) -> None:
    [s] = _log(ladder_repo, since="2026-01-04T00:00:00+00:00").sections
    assert s.base is not None and s.base.sha == ladder_repo["merge"]
    level = Path(ladder_repo["repo"]) / "ladder" / "Engineering" / "Platform" / "L3-Senior-Engineer.md"
    level.write_text(level.read_text().replace("- I mentor new hires.", "- I mentor new hires.\n- I run a guild."))
    [w] = _log(ladder_repo, "HEAD..").sections
    assert w.head.dirty and w.head.rev == "working-tree"
    assert [(c.kind, c.after, c.commits) for c in w.changes] == [("competency.added", "I run a guild.", ())]


def test_bad_ranges_and_shallow_clones(ladder_repo: dict[str, str], tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        _log(ladder_repo, "HEAD~2...HEAD")
    with pytest.raises(UsageError):
        _log(ladder_repo, "--output=x..HEAD")
    with pytest.raises(RepoError, match="unknown revision"):
        _log(ladder_repo, "nope..HEAD")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{ladder_repo['repo']}", str(shallow)],
                   check=True, capture_output=True)
    with pytest.raises(ShallowCloneError, match="fetch-depth: 0") as caught:
        changelog(Repository.open(shallow))
    assert caught.value.exit_code == 3


def test_html_is_escaped_and_marks_words(ladder_repo: dict[str, str]) -> None:
    page = render_html(_log(ladder_repo))
    assert page.startswith("<!doctype html>")
    assert '<del class="del">demonstrate solid experience with</del><ins class="ins">am an expert in</ins>' in page
    level = Path(ladder_repo["repo"]) / "ladder" / "Engineering" / "Platform" / "L3-Senior-Engineer.md"
    level.write_text(level.read_text().replace("a < b && c > d", "a < b && c > d {{ 7*7 }}"))
    page = render_html(_log(ladder_repo, "HEAD.."))
    assert '<ins class="ins">{{ 7*7 }} </ins>in mind.' in page  # content is data, not template source
    assert "I keep a &lt; b &amp;&amp; c &gt; d " in page
    assert "<script" not in page


def test_history_follows_the_move_and_blames_competencies(ladder_repo: dict[str, str]) -> None:
    h = history(Repository.open(ladder_repo["repo"]), "engineering-platform/l3-senior-engineer")
    assert [r.revision.sha for r in h.revisions] == [
        ladder_repo["typo"], ladder_repo["move"], ladder_repo["merge"], ladder_repo["initial"]]
    assert [r.pr for r in h.revisions] == [None, 7, 5, None]
    first, second = h.competencies[:2]
    assert first.text == "I am an expert in servers, networks and security fundamentals."
    assert first.introduced is not None and first.introduced.sha == ladder_repo["initial"][:7]
    assert [(r.sha, r.author, r.pr) for r in first.reworded] == [(ladder_repo["reword"][:7], "Alice Example", 5)]
    assert [r.sha for r in second.reworded] == [ladder_repo["typo"][:7]]
    data = history_json(h)
    assert data["level"] == {"key": "engineering-platform/l3-senior-engineer",
                             "path": "ladder/Engineering/Platform/L3-Senior-Engineer.md", "id": "L3",
                             "title": "Senior Engineer"}
    md = render_history_markdown(h)
    assert f"reworded by {ladder_repo['reword'][:7]} (Alice Example, 2026-01-02, #5)" in md
    with pytest.raises(UsageError, match="no level"):
        history(Repository.open(ladder_repo["repo"]), "nope/l9")


def test_between_the_empty_ladder_and_a_revision(ladder_repo: dict[str, str]) -> None:
    log = between(Repository.open(ladder_repo["repo"]), None, ladder_repo["merge"])
    [s] = log.sections
    assert s.base is None and s.head.sha == ladder_repo["merge"] and not log.per_revision
    assert [(c.kind, c.after) for c in s.changes] == [("level.added", "L3 Senior Engineer"),
                                                      ("document.added", "Platform")]
    assert [k.sha for k in s.changes[0].commits] == [ladder_repo["initial"][:7]]
