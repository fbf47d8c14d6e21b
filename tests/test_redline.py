"""Redlines: each changed level whole, with changes marked in HTML, PDF and DOCX (tracked changes).

The DOCX round trip is read back with the bundled pandoc: accepting every change gives B's
competencies and examples, rejecting every change gives A's (`read_back` reads many documents in
ONE pandoc process; tests/test_redline_corpus.py uses it for the whole corpus).
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from conftest import git, make_repo
from pypdf import PdfReader

from ladder_docs import inline
from ladder_docs.errors import ShallowCloneError, UsageError
from ladder_docs.model import Level
from ladder_docs.pandoc_engine import pandoc_path
from ladder_docs.reader import read_ladder
from ladder_docs.redline import collect, redline
from ladder_docs.redline_pieces import diff_nodes, markdown
from ladder_docs.source import Repository

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CONFIG = '[tool.ladder-docs]\nname = "Test Ladder"\nroot = "ladder"\n'
L1_A = """# L1: Engineer

> I learn the *basics* of our platform.

**Planning horizon:** 1 week
**Impact radius:** Self
**Evaluation:** Team Lead

## 🧠 Domain Expertise

- I demonstrate solid experience with server operating systems.
- I write runbooks with **clear steps** and [links](https://example.com/runbooks).
- I attend every architecture review.
- I quote {{ 7*7 }}, #set and [a link](javascript:alert(1)) as text.
- I read the [on-call guide](https://example.com/oncall) every week.

**Examples:**

- I fixed a flaky deploy.

## 🤝 Collaboration

- I review pull requests within a day.
- I pair with teammates on hard problems.

## 🗑 Legacy

- I maintain the old billing system.
"""
L1_REWORDED = L1_A.replace("I demonstrate solid experience with", "I am an expert in")
L1_B = """# L1: Platform Engineer

> I learn the *fundamentals* of our platform.

**Planning horizon:** 2 weeks
**Evaluation:** Team Lead
**Scope:** My team

## 🧠 Domain Expertise

- I am an expert in server operating systems.
- I review pull requests within a day.
- I write runbooks with **clear steps** and [links](https://example.com/runbooks).
- I quote {{ 7*7 }}, #set and [a link](javascript:alert(1)) as text.
- I read the [on-call handbook](https://example.com/oncall) every month.
- I own the [reliability roadmap](https://example.com/roadmap) & its risks.

**Examples:**

- I fixed a flaky deploy.
- I automated the release checklist.

## 🤝 Teamwork

- I pair with teammates on hard problems.

## 🚀 Delivery

- I ship small changes often.
"""
L2 = "# L2: Senior Engineer\n\n> I lead.\n\n## 🧠 Domain Expertise\n\n- I design systems.\n"
L3 = "# L3: Staff Engineer\n\n> I set direction.\n\n## 🧠 Domain Expertise\n\n- I shape the platform.\n"
L9 = "# L9: Legacy Wizard\n\n> I remember.\n\n## 🧙 Lore\n\n- I know why the cron job runs at 3am.\n"
ZOE = {"GIT_AUTHOR_NAME": "Zoë O'Brien", "GIT_AUTHOR_DATE": "2024-10-08T09:30:00+10:00",
       "GIT_COMMITTER_DATE": "2024-10-08T09:30:00+10:00"}
BOB = {"GIT_AUTHOR_NAME": "Bob Bauer & Co", "GIT_AUTHOR_DATE": "2024-11-02T16:00:00+00:00",
       "GIT_COMMITTER_DATE": "2024-11-02T16:00:00+00:00"}


def commit(repo: Path, files: dict[str, str | None], message: str, env: dict[str, str]) -> str:
    for name, text in files.items():
        if text is None:
            (repo / name).unlink()
        else:
            (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, env=env)
    return git(repo, "rev-parse", "--short", "HEAD").strip()


@pytest.fixture(scope="module")
def ladder_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A: L1, L2, L9. Then Zoë rewords one competency (#76); Bob restructures L1, adds L3, drops L9."""
    path = tmp_path_factory.mktemp("redline") / "repo"
    make_repo(path, {"pyproject.toml": CONFIG, "ladder/Platform/L1-Engineer.md": L1_A,
                     "ladder/Platform/L2-Senior-Engineer.md": L2, "ladder/Platform/L9-Legacy.md": L9},
              "Initial ladder", date="2024-01-10T10:00:00+00:00")
    base = git(path, "rev-parse", "--short", "HEAD").strip()
    commit(path, {"ladder/Platform/L1-Engineer.md": L1_REWORDED}, "Reword the first competency (#76)", ZOE)
    commit(path, {"ladder/Platform/L1-Engineer.md": L1_B, "ladder/Platform/L3-Staff-Engineer.md": L3,
                  "ladder/Platform/L9-Legacy.md": None}, 'Restructure L1 <b>]#panic("x")[</b> {{ 7*7 }}', BOB)
    return path, base


@pytest.fixture(scope="module")
def written(ladder_repo: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path, base = ladder_repo
    out = tmp_path_factory.mktemp("out") / "redlines"
    redline(Repository.open(path), f"{base}..HEAD", formats={"html", "pdf", "docx"}, out=out)
    return out


# ---- reading a DOCX back ----------------------------------------------------------------------

READ_BACK = """
local function slurp(path) local f = assert(io.open(path, 'rb')); local d = f:read('a'); f:close(); return d end
local out = {}
for _, spec in ipairs(pandoc.json.decode(slurp(arg[1]), false)) do
  local doc = pandoc.read(slurp(spec.input), 'docx', {track_changes = spec.mode .. '-changes'})
  out[#out + 1] = pandoc.json.decode(pandoc.write(doc, 'json'), false)
end
local f = assert(io.open(arg[2], 'wb')); f:write(pandoc.json.encode(out)); f:close()
"""


def read_back(docs: list[Path], tmp: Path) -> dict[tuple[Path, str], Any]:
    """Each DOCX as a pandoc JSON AST with all changes accepted and all rejected: ONE pandoc run."""
    specs = [{"input": str(d), "mode": mode} for d in docs for mode in ("accept", "reject")]
    (tmp / "read-back.lua").write_text(READ_BACK, encoding="utf-8")
    (tmp / "read-back.json").write_text(json.dumps(specs), encoding="utf-8")
    subprocess.run([pandoc_path(), "lua", str(tmp / "read-back.lua"), str(tmp / "read-back.json"),
                    str(tmp / "asts.json")], check=True, capture_output=True, timeout=600)
    asts = json.loads((tmp / "asts.json").read_text(encoding="utf-8"))
    return {(Path(s["input"]), s["mode"]): a for s, a in zip(specs, asts, strict=True)}


def stringify(node: Any) -> str:
    if isinstance(node, list):
        return "".join(stringify(n) for n in node)
    kind, content = node.get("t"), node.get("c")
    if kind == "Str":
        return str(content)
    if kind in ("Space", "SoftBreak", "LineBreak"):
        return " "
    if kind in ("Span", "Link"):
        return stringify(content[1])
    if kind == "Code":
        return str(content[1])
    if kind in ("Plain", "Para", "Emph", "Strong", "Underline", "Strikeout", "SmallCaps"):
        return stringify(content)
    if kind == "Header":
        return stringify(content[2])
    return ""


def squash(text: str) -> str:
    return " ".join(text.split())


def docx_level(ast: Any, emojis: set[str]) -> dict[str, Any]:
    """{title, dimensions: [(name, competencies, examples)]} of a read-back redline; headings
    lose their emoji (one of `emojis`)."""
    title = ""
    dims: list[tuple[str, list[str], list[str]]] = []
    target = 1
    for block in ast["blocks"]:
        if block["t"] == "Header" and block["c"][0] == 1:
            title = squash(stringify(block))
        elif block["t"] == "Header" and stringify(block).strip():  # a vanished heading stays, empty
            heading = squash(stringify(block))
            emoji = max((e for e in emojis if heading.startswith(f"{e} ")), key=len, default="")
            dims.append((heading.removeprefix(f"{emoji} ") if emoji else heading, [], []))
            target = 1
        elif block["t"] == "Para" and squash(stringify(block)) == "For example":
            target = 2
        elif block["t"] == "BulletList" and dims:
            # pandoc keeps an empty item where a tracked paragraph vanished (Word drops it)
            dims[-1][target].extend(t for t in (squash(stringify(item)) for item in block["c"]) if t)
    return {"title": title, "dimensions": [d for d in dims if d[0] not in ("At a glance", "Notes", "Commits")]}


def emojis(*levels: Level | None) -> set[str]:
    """The emojis of the levels' dimensions."""
    return {d.emoji for lv in levels if lv is not None for d in lv.dimensions if d.emoji}


def model_level(level: Level | None) -> dict[str, Any]:
    """The same view of a level, from the model (what the redline must give back)."""
    if level is None:
        return {"title": "", "dimensions": []}

    def text(md: str) -> str:
        return squash(inline.plain(inline.parse(md)))

    return {"title": level.label, "dimensions": [
        (d.name, [text(i.text) for i in d.competencies], [text(i.text) for i in d.examples])
        for d in level.dimensions]}


# ---- tests ------------------------------------------------------------------------------------


def test_writes_each_changed_level_in_each_format_and_an_index(written: Path) -> None:
    files = sorted(str(p.relative_to(written)) for p in written.rglob("*") if p.is_file())
    stems = ["platform/l1-engineer", "platform/l3-staff-engineer", "platform/l9-legacy"]
    assert files == sorted(["index.html", *(f"{s}.redline.{f}" for s in stems for f in ("html", "pdf", "docx"))])
    index = (written / "index.html").read_text(encoding="utf-8")
    assert 'href="platform/l1-engineer.redline.html"' in index
    assert index.count('class="rl-status added"') == 1 and index.count('class="rl-status removed"') == 1


def test_collect_lays_every_change_over_the_whole_level(ladder_repo: tuple[Path, str]) -> None:
    path, base = ladder_repo
    red = collect(Repository.open(path), f"{base}..HEAD")
    assert [(lv.key, lv.status) for lv in red.levels] == [
        ("platform/l1-engineer", "changed"), ("platform/l3-staff-engineer", "added"),
        ("platform/l9-legacy", "removed")]
    l1 = red.levels[0]
    assert (l1.title.text("before"), l1.title.text("after")) == ("L1 Engineer", "L1 Platform Engineer")
    assert [(s.heading.text("before"), s.heading.text("after"), s.heading.status) for s in l1.sections] == [
        ("Domain Expertise", "Domain Expertise", "same"), ("Collaboration", "Teamwork", "changed"),
        ("Legacy", "", "removed"), ("", "Delivery", "added")]
    domain = l1.sections[0].competencies
    assert [(c.status, c.note) for c in domain] == [
        ("changed", None), ("added", "Moved from Collaboration"), ("same", None), ("removed", None),
        ("same", None), ("changed", None), ("added", None)]
    assert [(p.op, inline.plain(list(p.nodes))) for p in domain[0].pieces] == [
        ("equal", "I "), ("delete", "demonstrate solid experience with"), ("insert", "am an expert in"),
        ("equal", " server operating systems.")]
    assert [(c.author, c.pr) for c in domain[0].commits] == [("Zoë O'Brien", 76)]
    assert [c.author for c in domain[6].commits] == ["Bob Bauer & Co"]
    collab = l1.sections[1].competencies
    assert [(c.status, c.note) for c in collab] == [("removed", "Moved to Domain Expertise"), ("same", None)]
    assert [(r.name, r.value.status) for r in l1.attributes] == [
        ("Planning horizon", "changed"), ("Evaluation", "same"), ("Scope", "added"), ("Impact radius", "removed")]
    assert l1.counts == {"changed": 6, "added": 6, "removed": 5}


def test_html_marks_words_items_and_commits_and_keeps_content_as_text(written: Path) -> None:
    page = (written / "platform/l1-engineer.redline.html").read_text(encoding="utf-8")
    assert ('I <del class="del">demonstrate solid experience with</del><ins class="ins">am an expert in</ins> '
            "server operating systems.") in page
    assert ('<li class="rl-mark rl-added"><ins class="ins">I own the <a href="https://example.com/roadmap">'
            'reliability roadmap</a> &amp; its risks.</ins>') in page
    assert ('I read the <a href="https://example.com/oncall">on-call </a><del class="del"><a href="https://example.com/'
            'oncall">guide</a></del><ins class="ins"><a href="https://example.com/oncall">handbook</a></ins> every '
            '<del class="del">week</del><ins class="ins">month</ins>.') in page
    assert '<li class="rl-mark rl-removed"><del class="del">I attend every architecture review.</del>' in page
    # unchanged formatting is kept; content is never markup or template source
    assert '<strong>clear steps</strong> and <a href="https://example.com/runbooks">links</a>' in page
    assert "I quote {{ 7*7 }}, #set and a link as text." in page
    assert "javascript" not in page
    assert "Zoë O&#39;Brien, 2024-10-08, PR #76" in page
    assert "Bob Bauer &amp; Co, 2024-11-02" in page
    assert "Moved from Collaboration" in page and "Moved to Domain Expertise" in page
    assert "<td>Restructure L1 &lt;b&gt;]#panic(&#34;x&#34;)[&lt;/b&gt; {{ 7*7 }}</td>" in page
    assert '<style>' in page and 'href="l1-engineer.redline.pdf"' in page and "http" not in page.split("<body>")[0]


def test_docx_accept_gives_b_and_reject_gives_a(ladder_repo: tuple[Path, str], written: Path, tmp_path: Path) -> None:
    path, base = ladder_repo
    repo = Repository.open(path)
    old, new = read_ladder(repo, base), read_ladder(repo, "HEAD")
    docs = {key: written / f"{key}.redline.docx"
            for key in ("platform/l1-engineer", "platform/l3-staff-engineer", "platform/l9-legacy")}
    back = read_back(list(docs.values()), tmp_path)
    for key, doc in docs.items():
        a, b = old.level(key), new.level(key)
        assert docx_level(back[(doc, "accept")], emojis(a, b)) == model_level(b), key
        assert docx_level(back[(doc, "reject")], emojis(a, b)) == model_level(a), key
    accepted = docx_level(back[(docs["platform/l1-engineer"], "accept")], {"🧠"})
    assert accepted["dimensions"][0][1][0] == "I am an expert in server operating systems."


def test_docx_changes_carry_the_commit_author_and_date_and_unique_ids(written: Path) -> None:
    with zipfile.ZipFile(written / "platform/l1-engineer.redline.docx") as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    changes = [e for e in root.iter() if e.tag in (f"{W}ins", f"{W}del")]
    stamps = {(e.get(f"{W}author"), e.get(f"{W}date")) for e in changes}
    assert stamps == {("Zoë O'Brien", "2024-10-07T23:30:00Z"), ("Bob Bauer & Co", "2024-11-02T16:00:00Z")}
    reworded = [e for e in changes if e.get(f"{W}author") == "Zoë O'Brien"]
    assert sorted("".join(t.text or "" for t in e.iter() if t.tag in (f"{W}t", f"{W}delText")) for e in reworded) == [
        "am an expert in", "demonstrate solid experience with"]
    ids = [e.get(f"{W}id") for e in changes]
    assert len(ids) == len(set(ids))
    # a wholly added competency is a tracked paragraph: its mark is tracked too
    marks = [p for p in root.iter(f"{W}p") if p.find(f"{W}pPr/{W}rPr/{W}ins") is not None]
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in marks]
    assert "I own the reliability roadmap & its risks." in texts
    # a reworded link: the changes go inside the hyperlink (a change holding one is invalid OOXML)
    inside = [e for link in root.iter(f"{W}hyperlink") for e in link if e.tag in (f"{W}ins", f"{W}del")]
    assert {"guide", "handbook"} <= {"".join(t.text or "" for t in e.iter() if t.tag in (f"{W}t", f"{W}delText"))
                                     for e in inside}


def test_docx_no_change_holds_a_hyperlink(written: Path) -> None:
    with zipfile.ZipFile(written / "platform/l1-engineer.redline.docx") as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    holding = [e for e in root.iter() if e.tag in (f"{W}ins", f"{W}del") and e.find(f"{W}hyperlink") is not None]
    assert holding == []


def test_pdf_has_the_marked_text_and_is_reproducible(ladder_repo: tuple[Path, str], written: Path,
                                                     tmp_path: Path) -> None:
    pdf = written / "platform/l1-engineer.redline.pdf"
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "demonstrate solid experience with" in text and "am an expert in" in text
    assert "I quote {{ 7*7 }}, #set and a link as text." in text
    assert "Zoë O’Brien, 2024-10-08, PR #76" in text  # typst sets a typographic apostrophe
    assert 'Restructure L1 <b>]#panic(“x”)[</b> {{ 7*7 }}' in text  # a commit subject is text
    path, base = ladder_repo
    again = tmp_path / "again"
    result = redline(Repository.open(path), f"{base}..HEAD", formats={"html", "pdf", "docx"}, out=again)
    for rel in result.files:
        assert (again / rel).read_bytes() == (written / rel).read_bytes(), rel


def test_result_names_levels_and_files(ladder_repo: tuple[Path, str], tmp_path: Path) -> None:
    path, base = ladder_repo
    result = redline(Repository.open(path), f"{base}..HEAD", formats={"html"}, out=tmp_path / "r")
    assert result.levels == ("platform/l1-engineer", "platform/l3-staff-engineer", "platform/l9-legacy")
    assert result.files == ("index.html", "platform/l1-engineer.redline.html",
                            "platform/l3-staff-engineer.redline.html", "platform/l9-legacy.redline.html")
    assert result.failures == () and result.base.short == base


def test_working_tree_range_and_no_change(ladder_repo: tuple[Path, str], tmp_path: Path) -> None:
    path, _ = ladder_repo
    level = path / "ladder/Platform/L2-Senior-Engineer.md"
    level.write_text(L2.replace("I design systems.", "I design resilient systems."), encoding="utf-8")
    try:
        red = collect(Repository.open(path), "HEAD..")
        assert [lv.key for lv in red.levels] == ["platform/l2-senior-engineer"]
        assert red.head.dirty and red.levels[0].sections[0].competencies[0].commits == ()
        result = redline(Repository.open(path), "HEAD..", formats={"html", "docx"}, out=tmp_path / "wt")
        assert "Uncommitted change" in (tmp_path / "wt/platform/l2-senior-engineer.redline.html").read_text("utf-8")
    finally:
        git(path, "checkout", "--", "ladder/Platform/L2-Senior-Engineer.md")
    # the same out dir for an empty range: the earlier redlines go, anything else stays
    (tmp_path / "wt/notes.txt").write_text("mine", encoding="utf-8")
    result = redline(Repository.open(path), "HEAD..HEAD", formats={"html"}, out=tmp_path / "wt")
    assert result.levels == () and result.files == ("index.html",)
    assert sorted(p.name for p in (tmp_path / "wt").rglob("*") if p.is_file()) == ["index.html", "notes.txt"]
    assert "No level changed" in (tmp_path / "wt/index.html").read_text(encoding="utf-8")


def test_bad_range_and_shallow_clone(ladder_repo: tuple[Path, str], tmp_path: Path) -> None:
    path, base = ladder_repo
    with pytest.raises(UsageError):
        collect(Repository.open(path), "HEAD")
    with pytest.raises(UsageError, match="unknown odt"):
        redline(Repository.open(path), f"{base}..HEAD", formats={"html", "odt"}, out=tmp_path / "x")
    full, shallow = tmp_path / "full", tmp_path / "shallow"
    git(tmp_path, "clone", "-q", f"file://{path}", str(full))
    git(full, "tag", "base", base)
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{full}", str(shallow))
    git(shallow, "fetch", "-q", "--depth", "1", "origin", "tag", "base")
    with pytest.raises(ShallowCloneError) as err:  # both ends are there, the history between is not
        redline(Repository.open(shallow), "base..HEAD", formats={"html"}, out=tmp_path / "x")
    assert err.value.exit_code == 3
    assert not (tmp_path / "x").exists()


def test_word_diff_keeps_formatting_of_both_sides() -> None:
    pieces = diff_nodes(markdown("I *lead* the **old** team.") or (), markdown("I *lead* the **new** team.") or ())
    assert [(p.op, p.nodes) for p in pieces] == [
        ("equal", ({"t": "text", "v": "I "}, {"t": "emph", "c": [{"t": "text", "v": "lead"}]},
                   {"t": "text", "v": " the "})),
        ("delete", ({"t": "strong", "c": [{"t": "text", "v": "old"}]},)),
        ("insert", ({"t": "strong", "c": [{"t": "text", "v": "new"}]},)),
        ("equal", ({"t": "text", "v": " team."},)),
    ]


def test_user_templates_override_and_a_failing_artifact_is_reported(ladder_repo: tuple[Path, str],
                                                                     tmp_path: Path) -> None:
    path, base = ladder_repo
    mine = tmp_path / "templates"
    (mine / "html").mkdir(parents=True)
    (mine / "typst").mkdir()
    (mine / "html/redline.css.j2").write_text("/* house style */\n", encoding="utf-8")
    (mine / "typst/redline.typ.j2").write_text("#let broken = (\n", encoding="utf-8")
    result = redline(Repository.open(path), f"{base}..HEAD", formats={"html", "pdf", "docx"}, out=tmp_path / "r",
                     templates=mine)
    assert [f.split(":")[0] for f in result.failures] == [
        "platform/l1-engineer.redline.pdf", "platform/l3-staff-engineer.redline.pdf", "platform/l9-legacy.redline.pdf"]
    assert "typst:" in result.failures[0]
    assert not [f for f in result.files if f.endswith(".pdf")] and len(result.files) == 7
    page = (tmp_path / "r/platform/l1-engineer.redline.html").read_text(encoding="utf-8")
    assert "/* house style */" in page and "rl-legend-bar {" not in page
    assert 'href="l1-engineer.redline.docx"' in page and 'href="l1-engineer.redline.pdf"' not in page
    assert "redline.pdf" not in (tmp_path / "r/index.html").read_text(encoding="utf-8")
