"""A release of the real corpus: a clone tagged v1 at its 2024-06-01 state (the last first-parent
commit before that date) and v2 at HEAD, released at v2 once (about 25 s: every level in three
formats plus the redlines), then verified."""

from __future__ import annotations

import json
import subprocess
import zipfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import git

from ladder_docs.changelog import changelog
from ladder_docs.changelog_render import render_markdown
from ladder_docs.cli import main
from ladder_docs.reader import read_ladder
from ladder_docs.source import Repository

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def released(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("corpus-release")
    repo = tmp / "people"
    subprocess.run(["git", "clone", "-q", str(corpus), str(repo)], check=True)  # tags stay out of the shared clone
    v1 = git(repo, "log", "--first-parent", "--before=2024-06-01", "-1", "--format=%h").strip()
    git(repo, "tag", "v1", v1)
    git(repo, "tag", "v2", "HEAD")
    out = tmp / "release" / "v2"
    code = main(["release", "--repo", str(repo), "--tag", "v2", "--out", str(out)])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {"repo": repo, "v1": v1, "out": out, "code": code, "manifest": manifest,
            "kinds": {a["path"]: a for a in manifest["artifacts"]}}


def test_corpus_release_verifies(released: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    assert released["v1"] == "0db56dc"
    assert released["code"] == 0
    capsys.readouterr()
    assert main(["verify", str(released["out"])]) == 0
    assert capsys.readouterr().out == ""
    head = {k: v for k, v in released["manifest"].items() if k != "artifacts"}
    assert head == {"ladder": "ladder", "version": "v2", "revision": git(released["repo"], "rev-parse", "v2").strip(),
                    "tag": "v2", "previous": "v1"}


def test_every_level_has_three_handbooks(released: dict[str, Any]) -> None:
    ladder = read_ladder(Repository.open(released["repo"]), "v2")
    listed = released["kinds"]
    for lv in ladder.levels:
        for fmt in ("html", "pdf", "docx"):
            entry = listed[f"handbooks/{lv.key}.{fmt}"]
            assert (entry["kind"], entry["level"]) == ("level", lv.key) and entry["bytes"] > 1000
    handbooks = [p for p in listed if p.startswith("handbooks/")]
    assert len(handbooks) == 3 * (len(ladder.levels) + len(ladder.tracks) + 1) + 1  # + ladder, index


def test_release_notes_are_the_changelog_between_the_tags(released: dict[str, Any]) -> None:
    notes = (released["out"] / "release-notes.md").read_text(encoding="utf-8")
    log = changelog(Repository.open(released["repo"]), "v1..v2")
    assert notes == render_markdown(replace(log, name="ladder"))
    assert notes.splitlines()[2] == "## v1 (2023-11-03) → v2 (2026-04-30)"
    # 248d26a's folder move reads as moves, with its commit and pull request.
    assert ("- **Moved level** *(patch)*: `Cloud-Engineering/L2-Cloud-Engineer.md` → "
            "`Engineering/Cloud-Engineering/L2-Cloud-Engineer.md` — 248d26a (Matt Shepherd, 2025-04-23, #87)") in notes
    changes = json.loads((released["out"] / "changelog.json").read_text(encoding="utf-8"))["changes"]
    assert len(changes) == sum(line.startswith("- ") for line in notes.splitlines())


def test_redlines_cover_every_changed_level(released: dict[str, Any]) -> None:
    listed = released["kinds"]
    redlined: dict[str, set[str]] = {}
    for a in listed.values():
        if a["kind"] == "redline" and a["level"] is not None:
            redlined.setdefault(a["level"], set()).add(a["format"])
    assert all(fmts == {"html", "pdf", "docx"} for fmts in redlined.values())
    key = "engineering-cloud-engineering/l4-lead-cloud-engineer"  # new since v1: wholly inserted
    assert key in redlined
    with zipfile.ZipFile(released["out"] / "redlines" / f"{key}.redline.docx") as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "<w:ins " in body and "<w:del " not in body


def test_corpus_zips(released: dict[str, Any]) -> None:
    out, listed = released["out"], released["kinds"]
    stamp = datetime.fromisoformat(git(released["repo"], "show", "-s", "--format=%cI", "v2").strip())
    with zipfile.ZipFile(out / "ladder-v2.zip") as zf:
        infos = zf.infolist()
    content = sorted(p for p, a in listed.items() if a["kind"] != "zip")
    assert [i.filename for i in infos] == [f"ladder-v2/{p}" for p in content]
    y, mo, d, h, mi, sec = stamp.astimezone(UTC).timetuple()[:6]
    assert {i.date_time for i in infos} == {(y, mo, d, h, mi, sec - sec % 2)}  # zip time: 2-second steps
    for fmt in ("html", "pdf", "docx"):
        with zipfile.ZipFile(out / f"ladder-v2-{fmt}.zip") as zf:
            assert len(zf.namelist()) == sum(a["format"] == fmt for a in listed.values())
