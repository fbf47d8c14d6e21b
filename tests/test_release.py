"""`ladder-docs release` on the acceptance repository (v1.0.0 → v1.1.0: a reworded competency, an
added one and a moved level): the files, the release notes, the manifest, verify, reproducibility
across clones and directories, the pull-request workflow's summary, and the ways a release stops."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import git, make_repo
from release_helpers import (
    ADDED,
    MOVE,
    acme_repo,
    full_sha,
    pull_request_context,
    run_job,
)

from ladder_docs.cli import main
from ladder_docs.errors import LadderDocsError, RepoError, UsageError
from ladder_docs.release import ReleaseBlocked, file_safe, release
from ladder_docs.source import Repository
from ladder_docs.zipper import write_zip, zip_time

ROOT = Path(__file__).resolve().parents[1]
BASE = "acme-career-ladder-v1.1.0"
LEVELS = ("l1-junior-engineer", "l2-engineer", "l3-senior-engineer")
HANDBOOKS = sorted([f"handbooks/{name}.{fmt}" for fmt in ("html", "pdf", "docx")
                    for name in ("ladder", "engineering/handbook", *(f"engineering/{lv}" for lv in LEVELS))]
                   + ["handbooks/index.html"])
TOP = sorted(["release-notes.md", "changelog.html", "changelog.json", "manifest.json", "SHA256SUMS",
              f"{BASE}.zip", f"{BASE}-html.zip", f"{BASE}-pdf.zip", f"{BASE}-docx.zip"])


def _files(root: Path) -> dict[str, bytes]:
    found = {}
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            full = Path(dirpath) / name
            assert not full.is_symlink(), f"{full} is a symlink: a release holds real files"
            found[full.relative_to(root).as_posix()] = full.read_bytes()
    return found


@pytest.fixture(scope="module")
def acme(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The repository, released at v1.1.0 through the CLI into an explicit directory, and a second
    clone elsewhere released with the defaults (HEAD's version tag, release/<version>/)."""
    tmp = tmp_path_factory.mktemp("acme")
    repo = tmp / "repo"
    shas = acme_repo(repo)
    out = tmp / "out-a" / "v1.1.0"
    code = main(["release", "--repo", str(repo), "--tag", "v1.1.0", "--out", str(out)])
    clone = tmp / "elsewhere" / "deeper" / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    again = release(Repository.open(clone), tag=None, out=None, strict=False)
    return {"repo": repo, "shas": shas, "out": out, "code": code, "clone": clone, "again": again, "tmp": tmp}


def test_release_writes_every_file(acme: dict[str, Any]) -> None:
    assert acme["code"] == 0
    files = _files(acme["out"])
    assert sorted(p for p in files if "/" not in p) == TOP
    assert sorted(p for p in files if p.startswith("handbooks/")) == HANDBOOKS
    # The two levels whose text changed have a redline per format; the moved level reads the same.
    assert sorted(p for p in files if p.startswith("redlines/")) == sorted(["redlines/index.html"] + [
        f"redlines/engineering/{lv}.redline.{fmt}" for lv in LEVELS[1:] for fmt in ("docx", "html", "pdf")])
    assert b"<ins" in files["redlines/engineering/l2-engineer.redline.html"]
    assert files["handbooks/engineering/l2-engineer.pdf"].startswith(b"%PDF-")
    assert b"well-tested" in files["handbooks/engineering/l2-engineer.html"]


def test_release_notes_name_the_three_changes_with_their_commits(acme: dict[str, Any]) -> None:
    notes = (acme["out"] / "release-notes.md").read_text(encoding="utf-8")
    shas = acme["shas"]
    assert notes.startswith("# Acme Career Ladder: what changed\n\n## v1.0.0 (2025-01-10) → v1.1.0 (2025-02-03)\n")
    assert "Suggested version bump: **major** · 3 changes" in notes
    lines = [line for line in notes.splitlines() if line.startswith("- ")]
    assert lines == [
        f"- **Moved level** *(patch)*: `{MOVE[0]}` → `{MOVE[1]}` — {shas['move']} (Ada Author, 2025-02-03)",
        "- **Reworded competency** · Domain Expertise *(minor)*: I write clear<ins>, well-tested</ins> code "
        f"that others can change. — {shas['reword']} (Ada Author, 2025-02-01, #12)",
        f"- **New competency** · Domain Expertise *(major)*: {ADDED} — {shas['add']} (Ada Author, 2025-02-02)",
    ]
    data = json.loads((acme["out"] / "changelog.json").read_text(encoding="utf-8"))
    assert [(c["kind"], c["commits"][0]["sha"]) for c in data["changes"]] == [
        ("level.moved", shas["move"]), ("competency.reworded", shas["reword"]), ("competency.added", shas["add"])]
    assert data["from"]["rev"] == "v1.0.0" and data["suggested_bump"] == "major"
    html = (acme["out"] / "changelog.html").read_text(encoding="utf-8")
    assert 'I write clear<ins class="ins">, well-tested</ins> code' in html and ADDED in html


def test_manifest_lists_every_file_with_kinds(acme: dict[str, Any]) -> None:
    out = acme["out"]
    doc = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {k: v for k, v in doc.items() if k != "artifacts"} == {
        "ladder": "Acme Career Ladder", "version": "v1.1.0", "revision": full_sha(acme["repo"], "v1.1.0"),
        "tag": "v1.1.0", "previous": "v1.0.0"}
    listed = {a["path"]: a for a in doc["artifacts"]}
    files = _files(out)
    assert sorted(listed) == sorted(set(files) - {"manifest.json", "SHA256SUMS"})
    for path, entry in listed.items():
        assert entry["sha256"] == hashlib.sha256(files[path]).hexdigest() and entry["bytes"] == len(files[path])
    kinds = {p: a["kind"] for p, a in listed.items()}
    assert kinds["release-notes.md"] == "notes" and kinds["changelog.json"] == "changelog"
    assert kinds["handbooks/index.html"] == "index" and kinds["handbooks/ladder.pdf"] == "ladder"
    assert kinds["handbooks/engineering/handbook.docx"] == "track"
    assert listed["handbooks/engineering/l2-engineer.pdf"]["level"] == "engineering/l2-engineer"
    red = listed["redlines/engineering/l3-senior-engineer.redline.docx"]
    assert (red["kind"], red["format"], red["level"]) == ("redline", "docx", "engineering/l3-senior-engineer")
    assert (listed["redlines/index.html"]["kind"], listed["redlines/index.html"]["level"]) == ("redline", None)
    assert {p for p, k in kinds.items() if k == "zip"} == {p for p in TOP if p.endswith(".zip")}
    assert set(kinds.values()) == {"level", "track", "ladder", "index", "zip", "changelog", "notes", "redline"}
    sums = (out / "SHA256SUMS").read_text()
    assert sums.splitlines() == [f"{listed[p]['sha256']}  {p}" for p in sorted(listed)]
    if shutil.which("sha256sum"):
        check = subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=out, capture_output=True, check=False)
        assert check.returncode == 0, check.stdout


def test_zips_are_reproducible_packings_of_the_listed_files(acme: dict[str, Any]) -> None:
    out = acme["out"]
    files = _files(out)
    when = datetime.fromisoformat(git(acme["repo"], "show", "-s", "--format=%cI", "v1.1.0").strip())
    stamp = when.astimezone(UTC).timetuple()[:6]
    members = {}
    for name in (f"{BASE}.zip", f"{BASE}-html.zip", f"{BASE}-pdf.zip", f"{BASE}-docx.zip"):
        with zipfile.ZipFile(out / name) as zf:
            infos = zf.infolist()
            names = [i.filename for i in infos]
            assert names == sorted(names)
            for info in infos:
                assert info.date_time == stamp and info.create_system == 3
                assert info.external_attr >> 16 == 0o100644 and not info.is_dir()
                assert zf.read(info) == files[info.filename.removeprefix(f"{BASE}/")]
            members[name] = {n.removeprefix(f"{BASE}/") for n in names}
    content = {p for p in files if not p.endswith(".zip") and p not in ("manifest.json", "SHA256SUMS")}
    assert members[f"{BASE}.zip"] == content
    for fmt in ("html", "pdf", "docx"):
        assert members[f"{BASE}-{fmt}.zip"] == {p for p in content if p.endswith(f".{fmt}")}
    assert "changelog.html" in members[f"{BASE}-html.zip"]
    assert len(members[f"{BASE}-pdf.zip"]) == 5 + 2  # handbooks (ladder, track, 3 levels) + redlines


def test_verify_passes_then_names_the_altered_file(acme: dict[str, Any], tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(acme["out"], copy)
    assert main(["verify", str(copy)]) == 0
    pdf = copy / "handbooks" / "engineering" / "l2-engineer.pdf"
    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 0x01
    pdf.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["verify", str(copy)]) == 1
    assert capsys.readouterr().out.splitlines() == ["altered: handbooks/engineering/l2-engineer.pdf"]


def test_a_second_clone_elsewhere_gives_identical_bytes(acme: dict[str, Any]) -> None:
    again = acme["again"]
    assert again.out == acme["clone"] / "release" / "v1.1.0"
    assert (again.version, again.tag, again.previous, again.changes, again.bump) == (
        "v1.1.0", "v1.1.0", "v1.0.0", 3, "major")
    assert (again.out / "manifest.json").read_bytes() == (acme["out"] / "manifest.json").read_bytes()
    assert _files(again.out) == _files(acme["out"])


def test_pull_request_summary_names_the_same_changes(acme: dict[str, Any], tmp_path: Path) -> None:
    repo = acme["repo"]
    git(repo, "checkout", "-q", "v1.1.0")
    try:
        job = run_job(repo / ".github" / "workflows" / "pull-request.yml", repo,
                      pull_request_context(repo, "v1.0.0", "v1.1.0"), tmp_path)
    finally:
        git(repo, "checkout", "-q", "main")
    assert [s.returncode for s in job.steps] == [0, 0, 0], [s.stderr for s in job.steps]
    notes = (acme["out"] / "release-notes.md").read_text(encoding="utf-8")
    changes = [line for line in notes.splitlines() if line.startswith("- ")]
    assert len(changes) == 3
    assert [line for line in job.summary.splitlines() if line.startswith("- ")] == changes


# ---- the ways a release stops, and the smaller pieces --------------------------------------------

LEVEL = "# L2: Engineer\n\n> I deliver.\n\n## 🦉 Domain Expertise\n\n- I write code.\n"


def test_errors_stop_the_release_before_anything_is_written(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", {"ladder/Eng/L2-Engineer.md": LEVEL + "- See [x](../../../../etc/passwd).\n"})
    git(repo, "tag", "v1.0.0")
    with pytest.raises(ReleaseBlocked) as info:
        release(Repository.open(repo), tag=None, out=None, strict=False)
    assert info.value.exit_code == 1
    assert [d.code for d in info.value.diagnostics] == ["link-outside"]
    assert str(info.value) == "the ladder at v1.0.0 has 1 error(s): nothing released"
    assert not (repo / "release").exists()


def test_strict_warnings_stop_the_release(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", {"ladder/Eng/L2-Engineer.md": LEVEL + "- I write code.\n"})
    git(repo, "tag", "v2")
    with pytest.raises(ReleaseBlocked) as info:
        release(Repository.open(repo), tag="v2", out=None, strict=True)
    assert [d.code for d in info.value.diagnostics] == ["duplicate-competency"]
    assert "0 error(s) and 1 warning(s) (--strict)" in str(info.value)
    assert main(["release", "--repo", str(repo), "--tag", "v2", "--strict"]) == 1


def test_first_release_has_everything_new_and_no_redlines(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", {"ladder/Eng/L2-Engineer.md": LEVEL, "ladder/Eng/L3-Senior.md":
                                      LEVEL.replace("L2: Engineer", "L3: Senior Engineer")})
    git(repo, "tag", "v0.1")
    result = release(Repository.open(repo), tag="v0.1", out=tmp_path / "rel", strict=False)
    assert (result.previous, result.changes, result.bump) == (None, 2, "major")
    assert not result.of_kind("redline") and not (tmp_path / "rel" / "redlines").exists()
    notes = (tmp_path / "rel" / "release-notes.md").read_text(encoding="utf-8")
    assert "## Up to v0.1 (2026-01-15)" in notes and notes.count("**New level**") == 2
    # Released again into the same directory: replaced whole, identical.
    before = _files(tmp_path / "rel")
    release(Repository.open(repo), tag="v0.1", out=tmp_path / "rel", strict=False)
    assert _files(tmp_path / "rel") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r", "rel"]  # no staging left behind


def test_untagged_head_releases_as_its_short_sha(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", {"ladder/Eng/L2-Engineer.md": LEVEL})
    git(repo, "tag", "-a", "v1", "-m", "Version 1")  # annotated: found as the previous version all the same
    make_repo(repo, {"ladder/Eng/L2-Engineer.md": LEVEL + "- I review code.\n"}, "More", "2026-02-01T00:00:00+00:00")
    short = git(repo, "rev-parse", "--short=7", "HEAD").strip()
    result = release(Repository.open(repo), tag=None, out=None, strict=False)
    assert (result.version, result.tag, result.previous, result.out.name) == (short, None, "v1", short)
    assert {a.path for a in result.of_kind("zip")} == {f"ladder-{short}{s}.zip" for s in ("", "-html", "-pdf", "-docx")}


@pytest.mark.parametrize(("where", "why"), [("dist/v1", "inside dist/"), ("notes", "not a release")])
def test_refuses_an_output_a_build_would_replace_or_that_is_not_a_release(tmp_path: Path, where: str,
                                                                          why: str) -> None:
    repo = make_repo(tmp_path / "r", {"ladder/Eng/L2-Engineer.md": LEVEL, "notes/keep.txt": "mine"})
    git(repo, "tag", "v1")
    with pytest.raises(UsageError, match=why):
        release(Repository.open(repo), tag="v1", out=repo / where, strict=False)
    assert (repo / "notes" / "keep.txt").read_text() == "mine"


def test_unknown_or_non_tag_revisions(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", {"ladder/Eng/L2-Engineer.md": LEVEL})
    with pytest.raises(RepoError, match="unknown revision 'v9'"):
        release(Repository.open(repo), tag="v9", out=None, strict=False)
    with pytest.raises(UsageError, match="--tag main: no such tag"):
        release(Repository.open(repo), tag="main", out=None, strict=False)
    assert main(["release", "--repo", str(repo), "--tag", "v9"]) == 3


def test_zip_bytes_do_not_depend_on_where_or_when_files_were_written(tmp_path: Path) -> None:
    zips = []
    for i, order in enumerate((["b.html", "a/c.pdf"], ["a/c.pdf", "b.html"])):
        src = tmp_path / f"src{i}"
        for name in order:
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            (src / name).write_bytes(name.encode() * 50)
            os.utime(src / name, (1_000_000 * (i + 1), 1_000_000 * (i + 1)))
        (src / "b.html").chmod(0o600 if i else 0o755)
        write_zip(tmp_path / f"{i}.zip", {f"x/{n}": src / n for n in order}, timestamp=1_700_000_000)
        zips.append((tmp_path / f"{i}.zip").read_bytes())
    assert zips[0] == zips[1]
    with zipfile.ZipFile(tmp_path / "0.zip") as zf:
        assert [(i.filename, i.compress_type) for i in zf.infolist()] == [
            ("x/a/c.pdf", zipfile.ZIP_STORED), ("x/b.html", zipfile.ZIP_DEFLATED)]
    assert zip_time(0) == (1980, 1, 1, 0, 0, 0)
    assert zip_time(1_700_000_000) == (2023, 11, 14, 22, 13, 20)
    assert zip_time(1_700_000_001) == (2023, 11, 14, 22, 13, 20)  # zip dates step by two seconds
    with pytest.raises(LadderDocsError, match="not a safe relative path"):
        write_zip(tmp_path / "bad.zip", {"../x": tmp_path / "0.zip"}, timestamp=0)


def test_file_safe_versions() -> None:
    assert [file_safe(t) for t in ("v1.2.0", "release/2024 Q3", "--", "v1+build.5")] == [
        "v1.2.0", "release-2024-Q3", "release", "v1+build.5"]


def test_handbooks_name_the_released_version(acme: dict[str, Any]) -> None:
    text = (acme["out"] / "handbooks" / "engineering" / "l2-engineer.html").read_text(encoding="utf-8")
    assert "v1.1.0" in text and full_sha(acme["repo"], "v1.1.0")[:7] in text
