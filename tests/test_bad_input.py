"""Bad input at the reader: every case gets a diagnostic with path and line, the rest still reads."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest
from conftest import git, make_repo
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladder_docs.cli import main
from ladder_docs.parse import parse_document
from ladder_docs.reader import read_ladder
from ladder_docs.source import Repository

GOOD = "# L2: Widget Engineer\n\n> I make widgets.\n\n## Craft\n\n- I craft.\n"
settings.register_profile("ci", max_examples=10_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=500, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")


def diagnostics(
    repo: Path, capsys: pytest.CaptureFixture[str], rev: str | None = "HEAD"
) -> tuple[int, list[dict[str, object]]]:
    args = ["check", "--repo", str(repo), "--format", "json"] + (["--rev", rev] if rev else [])
    code = main(args)
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else []


CASES: dict[str, tuple[bytes, str, str]] = {
    "latin-1": ("# L3: Caf\xe9 Engineer\n\n## Craft\n\n- I brew.\n".encode("latin-1"), "not-utf8", "error"),
    "binary": (b"\x89PNG\r\n\x1a\n\0\0\0IHDR", "binary-file", "error"),
    "empty": (b"", "empty-file", "warning"),
    "no title": (b"Just some text.\n\n## Craft\n\n- I craft.\n", "no-title", "warning"),
    "mojibake": ("# L3: Owl\n\n## 🦉 Wisdom\n\n- I’m wise.\n".encode().decode("mac_roman").encode(),
                 "mojibake", "warning"),
    "huge": (b"# L3: Big\n\n## D\n\n" + b"- I repeat myself.\n" * 2_800_000, "file-too-large", "error"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_is_reported_and_the_rest_reads(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, code_name, severity = CASES[case]
    repo = make_repo(tmp_path / "r", {"T/L2-Widget-Engineer.md": GOOD, "T/L3-Bad-File.md": data})
    code, diags = diagnostics(repo, capsys)
    found = [d for d in diags if d["code"] == code_name]
    assert found and found[0]["path"] == "T/L3-Bad-File.md" and found[0]["severity"] == severity
    assert isinstance(found[0]["line"], int)
    assert code == (1 if severity == "error" else 0)
    ladder = read_ladder(Repository.open(repo), "HEAD")
    assert ladder.level("t/l2-widget-engineer") is not None


def test_utf16_bom_and_line_endings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files: dict[str, str | bytes] = {
        "T/L2-A.md": codecs.BOM_UTF16_LE + GOOD.replace("Widget", "A").encode("utf-16-le"),
        "T/L3-B.md": GOOD.replace("L2: Widget", "L3: B").replace("\n", "\r\n").encode(),
        "T/L4-C.md": GOOD.replace("L2: Widget", "L4: C").replace("\n", "\r").encode(),
    }
    repo = make_repo(tmp_path / "r", files)
    code, diags = diagnostics(repo, capsys)
    assert code == 0 and diags == []
    ladder = read_ladder(Repository.open(repo), "HEAD")
    assert [lv.dimensions[0].competencies[0].text for lv in ladder.levels] == ["I craft."] * 3


def test_ten_thousand_competencies_and_deep_nesting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    many = "# L3: Many\n\n## D\n\n" + "".join(f"- I do thing {i}.\n" for i in range(10_000))
    deep = "# L4: Deep\n\n## D\n\n" + "".join("  " * i + f"- level {i}:\n" for i in range(1000))
    longline = "# L5: Long\n\n## D\n\n- " + "word " * 200_000 + "\n"
    repo = make_repo(tmp_path / "r", {"T/L3-Many.md": many, "T/L4-Deep.md": deep, "T/L5-Long.md": longline})
    code, diags = diagnostics(repo, capsys)
    assert code == 0
    assert [(d["code"], d["path"], d["line"]) for d in diags if d["code"] == "too-many-items"] == [
        ("too-many-items", "T/L3-Many.md", 3)]
    ladder = read_ladder(Repository.open(repo), "HEAD")
    assert len(ladder.level("t/l3-many").dimensions[0].competencies) == 10_000  # type: ignore[union-attr]
    assert len(ladder.level("t/l5-long").dimensions[0].competencies[0].text) > 900_000  # type: ignore[union-attr]


def test_odd_file_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = ["T/L2 - With Spaces.md", "T/L3-\"Quoted\".md", "T/L4-New\nLine.md", "T/L5-Ünïcødé.md", "T/L6-a..b.md"]
    repo = make_repo(tmp_path / "r", {n: GOOD.replace("L2", n[2:4]) for n in names})
    code, diags = diagnostics(repo, capsys)
    assert code == 0, diags
    keys = [lv.key for lv in read_ladder(Repository.open(repo), "HEAD").levels]
    assert keys == ["t/l2-with-spaces", "t/l3-quoted", "t/l4-new-line", "t/l5-unicode", "t/l6-a-b"]
    assert all(k.isascii() and ".." not in k for k in keys)


def test_symlink_is_never_followed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "r", {"T/L2-Widget-Engineer.md": GOOD})
    os.symlink("/etc/passwd", repo / "T" / "L3-Passwd.md")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "symlink")
    for rev in ("HEAD", None):
        _, diags = diagnostics(repo, capsys, rev)
        assert [(d["code"], d["path"]) for d in diags] == [("symlink", "T/L3-Passwd.md")]
        ladder = read_ladder(Repository.open(repo), rev)
        assert "root:" not in json.dumps([lv.title for lv in ladder.levels])
        assert [lv.key for lv in ladder.levels] == ["t/l2-widget-engineer"]


def test_submodule_entry_is_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "r", {"T/L2-Widget-Engineer.md": GOOD})
    head = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{head},T/L3-Sub")
    git(repo, "commit", "-qm", "submodule")
    code, diags = diagnostics(repo, capsys)
    assert code == 0 and [(d["code"], d["path"]) for d in diags] == [("submodule", "T/L3-Sub")]


def test_missing_and_malformed_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "r", {"T/L2-Widget-Engineer.md": GOOD})
    assert diagnostics(repo, capsys)[0] == 0  # no config at all: defaults
    (repo / "pyproject.toml").write_text("[tool.ladder-docs]\nroot = 5\n")
    assert main(["check", "--repo", str(repo)]) == 2
    assert "'root' must be a non-empty string" in capsys.readouterr().err
    (repo / "pyproject.toml").write_text('[tool.ladder-docs]\nroot = "../outside"\n')
    assert main(["check", "--repo", str(repo)]) == 2
    assert "inside the repository" in capsys.readouterr().err
    assert main(["check", "--repo", str(repo), "--root", "/etc"]) == 2


line = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["# L4: T", "## 🦉 D", "- item", "  - nested:", "**Examples:**", "> quote", "<details>",
                     "<summary>Examples</summary>", "```", "***X", "**K:** v", "| a | b |", "---", "", "1. x"]),
    st.builds(lambda i, t: " " * i + "- " + t, st.integers(0, 12), st.text(max_size=30)),
)


@given(st.lists(line, max_size=40), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
def test_parser_never_raises(lines: list[str], eol: str, bom: bool) -> None:
    data = (codecs.BOM_UTF8 if bom else b"") + eol.join(lines).encode("utf-8", "surrogatepass")
    for name in ("L4-T.md", "Roles.md"):
        pf = parse_document(name, data)
        for lv in pf.levels:
            assert all(i.line >= 1 for d in lv.dimensions for i in d.competencies)


@given(st.binary(max_size=400))
def test_parser_never_raises_on_bytes(data: bytes) -> None:
    parse_document("L1-x", data)


@pytest.mark.parametrize("damage", ["missing", "corrupt"])
def test_missing_or_corrupt_object_exits_3(damage: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Unique content: parses are cached by blob sha within a process.
    repo = make_repo(tmp_path / "r", {"T/L2-Widget-Engineer.md": GOOD + f"- {damage} {tmp_path.name}\n"})
    blob = git(repo, "rev-parse", "HEAD:T/L2-Widget-Engineer.md").strip()
    obj = repo / ".git" / "objects" / blob[:2] / blob[2:]
    obj.chmod(0o644)
    if damage == "missing":
        obj.unlink()
    else:
        obj.write_bytes(b"garbage")
    assert main(["show", "--repo", str(repo), "--rev", "HEAD"]) == 3
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"ladder-docs: error: missing or corrupt object {blob[:12]} for T/L2-Widget-Engineer.md")
    assert "at revision HEAD" in err


def test_empty_ladder_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "r", {"T/L2-Widget-Engineer.md": GOOD})
    code, _diags = diagnostics(repo, capsys, None)
    assert code == 0
    assert main(["check", "--repo", str(repo), "--root", "typo", "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert [(d["code"], d["path"], d["severity"]) for d in found] == [("empty-ladder", "typo", "error")]
    assert main(["build", "--repo", str(repo), "--root", "typo", "--out", str(tmp_path / "dist"), "-q"]) == 1
    assert not (tmp_path / "dist").exists()
