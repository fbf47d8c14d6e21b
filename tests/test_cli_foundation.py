"""CLI conventions: exit codes, one-line errors, config validation, working-tree revisions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import git, make_repo

from ladder_docs.cli import main

LEVEL = "# L2: Widget Engineer\n\n> I make widgets.\n\n## Craft\n\n- I craft.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_example_ladder_passes_strict_check(example_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--repo", str(example_repo), "--strict")
    assert (code, out) == (0, "")
    assert "0 errors, 0 warnings" in err


def test_example_ladder_shape(example_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "--repo", str(example_repo), "--rev", "HEAD", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["revision"]["rev"] == "HEAD"
    assert len(data["tracks"]) >= 2
    assert all(len(t["levels"]) >= 4 for t in data["tracks"])


def test_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "show", "--repo", str(tmp_path))[0] == 3  # not a repository
    repo = make_repo(tmp_path / "r", {"L2-Widget-Engineer.md": LEVEL})
    code, _, err = run(capsys, "show", "--repo", str(repo), "--rev", "nope")
    assert code == 3 and err.strip() == "ladder-docs: error: unknown revision 'nope'"
    for hostile in ("--output=/tmp/x", "-c core.pager=touch /tmp/pwned", "HEAD..HEAD"):
        assert run(capsys, "show", "--repo", str(repo), f"--rev={hostile}")[0] == 2
    assert not Path("/tmp/x").exists()
    code, _, err = run(capsys, "show", "--repo", str(repo), "no-such-level")
    assert code == 2 and "no level 'no-such-level'" in err
    assert "Traceback" not in err


def test_traceback_only_with_verbose(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "r", {"L2-Widget-Engineer.md": LEVEL})
    _, _, err = run(capsys, "show", "--repo", str(repo), "--rev", "nope")
    assert len(err.strip().splitlines()) == 1
    _, _, err = run(capsys, "show", "--repo", str(repo), "--rev", "nope", "-v")
    assert "Traceback" in err


def test_config_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "r", {"L2-Widget-Engineer.md": LEVEL,
                                      "ladder-docs.toml": 'name = "X"\ntag_patern = "v*"\n'})
    code, _, err = run(capsys, "show", "--repo", str(repo))
    assert code == 2 and "unknown key 'tag_patern'; did you mean 'tag_pattern'?" in err
    (repo / "ladder-docs.toml").write_text("name = [1")
    code, _, err = run(capsys, "show", "--repo", str(repo))
    assert code == 2 and "ladder-docs.toml: not valid TOML" in err
    (repo / "ladder-docs.toml").write_text('name = "X"\n')
    (repo / "pyproject.toml").write_text('[tool.ladder-docs]\nname = "Y"\n')
    code, _, err = run(capsys, "show", "--repo", str(repo))
    assert code == 2 and "both pyproject.toml" in err


def test_config_is_read_from_the_revision(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "r", {"people/L2-Widget-Engineer.md": LEVEL,
                                      "ladder-docs.toml": 'name = "Widgets"\nroot = "people"\n'})
    (repo / "ladder-docs.toml").write_text('name = "Changed"\nroot = "people"\n')
    code, out, _ = run(capsys, "show", "--repo", str(repo), "--rev", "HEAD")
    assert code == 0 and out.startswith("Widgets @ ")
    code, out, _ = run(capsys, "show", "--repo", str(repo))
    sha = git(repo, "rev-parse", "--short=7", "HEAD").strip()
    assert out.startswith(f"Changed @ {sha}+uncommitted")


def test_check_formats_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = "# L3: Widget Engineer\n\n## Craft\n\n- I craft.\n- I craft.\n\n## Empty\n\nSee [x](missing.md).\n"
    repo = make_repo(tmp_path / "r", {"L2-Widget-Engineer.md": bad, "L4-Caf.md": "# L4: Caf\xe9\n".encode("latin-1")})
    code, out, _ = run(capsys, "check", "--repo", str(repo), "--format", "github")
    assert code == 1
    lines = out.splitlines()
    mismatch = "::error file=L2-Widget-Engineer.md,line=1,title=id-mismatch::title says L3 but the file name says L2"
    assert mismatch in lines
    dup = "::warning file=L2-Widget-Engineer.md,line=6,title=duplicate-competency::"
    assert any(ln.startswith(dup) for ln in lines)
    assert any("title=empty-dimension" in ln for ln in lines)
    assert any("title=broken-link" in ln and "line=10" in ln for ln in lines)
    assert any(ln.startswith("::error file=L4-Caf.md,line=1,title=not-utf8::") for ln in lines)
    code, out, _ = run(capsys, "check", "--repo", str(repo), "--format", "text")
    assert "L2-Widget-Engineer.md:6: warning: duplicate-competency: same competency as line 5: I craft." in out


def test_config_assigns_tracks_explicitly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = {
        "Ops/L2-Widget-Engineer.md": LEVEL,
        "Ops/L3-Senior-Widget-Engineer.md": LEVEL.replace("L2: Widget", "L3: Senior Widget"),
        "Ops/L3-Gadget-Manager.md": LEVEL.replace("L2: Widget Engineer", "L3: Gadget Manager"),
        "ladder-docs.toml": '[tracks.gadgets]\nname = "Gadget Management"\nlevels = ["Ops/*Gadget*"]\n',
    }
    repo = make_repo(tmp_path / "r", files)
    code, out, _ = run(capsys, "show", "--repo", str(repo), "--format", "json")
    tracks = {t["key"]: (t["name"], [lv["key"] for lv in t["levels"]]) for t in json.loads(out)["tracks"]}
    assert code == 0
    assert tracks == {
        "gadgets": ("Gadget Management", ["gadgets/l3-gadget-manager"]),
        "ops": ("Ops", ["ops/l2-widget-engineer", "ops/l3-senior-widget-engineer"]),
    }


def test_split_folder_by_title_stem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = {
        "Ops/L4-Lead-Widget-Engineer.md": LEVEL.replace("L2: Widget", "L4: Lead Widget"),
        "Ops/L5-Principal-Widget-Engineer.md": LEVEL.replace("L2: Widget", "L5: Principal Widget"),
        "Ops/L4-Widget-Manager.md": LEVEL.replace("L2: Widget Engineer", "L4: Widget Manager"),
        "Ops/L5-Senior-Widget-Manager.md": LEVEL.replace("L2: Widget Engineer", "L5: Senior Widget Manager"),
    }
    repo = make_repo(tmp_path / "r", files)
    _, out, _ = run(capsys, "show", "--repo", str(repo), "--format", "json")
    tracks = {t["key"]: [lv["id"] for lv in t["levels"]] for t in json.loads(out)["tracks"]}
    assert tracks == {"ops-widget-engineer": ["L4", "L5"], "ops-widget-manager": ["L4", "L5"]}
