"""`build`: every artifact, manifest + SHA256SUMS, atomic publishing, lock, cache, failures."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import platform
import random
import signal
import subprocess
import sys
import threading
import time
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
import pytest
from handbook_models import REVISION, clean_ladder, hostile_ladder
from pypdf import PdfReader

import ladder_docs.build as build_module
from ladder_docs import manifest, publish
from ladder_docs.build import BuildFailed, build
from ladder_docs.errors import ArtifactError
from ladder_docs.handbook_links import artifact_path
from ladder_docs.malloc_tuning import tune_malloc
from ladder_docs.typst_engine import TypstCompileError

ALL = {"html", "pdf", "docx"}
HANDBOOKS = {"eng/l1-engineer", "eng/l2-senior-engineer", "eng/handbook", "ladder"}


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def links(page: Path) -> list[str]:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.hrefs


def tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_build_writes_every_handbook_manifest_and_checksums(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    result = build(clean_ladder(), out, formats=ALL)
    expected = {f"{h}.{f}" for h in HANDBOOKS for f in ("html", "pdf", "docx")} | {"index.html"}
    assert set(tree(out)) == expected | {"manifest.json", "SHA256SUMS"}
    assert all(len(data) > 1000 for data in tree(out).values())
    doc = json.loads((out / "manifest.json").read_text())
    assert list(doc) == ["ladder", "version", "revision", "artifacts"]
    assert (doc["ladder"], doc["version"], doc["revision"]) == ("Acme Ladder", "v1.2.0", REVISION.sha)
    entries = {a["path"]: a for a in doc["artifacts"]}
    assert set(entries) == expected
    assert entries["eng/l2-senior-engineer.pdf"] == {**entries["eng/l2-senior-engineer.pdf"], "format": "pdf",
                                                     "kind": "level", "level": "eng/l2-senior-engineer",
                                                     "source": "b" * 40}
    assert {k: entries["eng/handbook.docx"][k] for k in ("kind", "level", "source")} == {
        "kind": "track", "level": None, "source": None}
    assert entries["index.html"]["kind"] == "index" and entries["ladder.html"]["kind"] == "ladder"
    assert subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=out).returncode == 0
    sums = (out / "SHA256SUMS").read_text().splitlines()
    assert len(sums) == len(expected) and sums[0] == f"{entries['eng/handbook.docx']['sha256']}  eng/handbook.docx"
    assert manifest.verify(out) == []
    assert result.published and result.rendered == len(expected) and result.failures == ()


def test_index_links_every_handbook_in_every_format(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    build(clean_ladder(), out, formats=ALL)
    assert {h for h in links(out / "index.html") if not h.startswith("#")} == {
        f"{h}.{f}" for h in HANDBOOKS for f in ("html", "pdf", "docx")}
    level_links = links(out / "eng/l2-senior-engineer.html")
    assert {"l2-senior-engineer.pdf", "l2-senior-engineer.docx", "../index.html", "handbook.html",
            "l1-engineer.html"} <= set(level_links)


def test_only_the_chosen_formats_are_built(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    build(clean_ladder(), out, formats={"html"})
    assert set(tree(out)) == {f"{h}.html" for h in HANDBOOKS} | {"index.html", "manifest.json", "SHA256SUMS"}
    assert "Download PDF" not in (out / "eng/l1-engineer.html").read_text()


def test_a_rebuild_with_nothing_changed_renders_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    build(clean_ladder(), out, formats=ALL)
    before = os.path.realpath(out)
    again = build(clean_ladder(), out, formats=ALL)
    assert (again.rendered, again.reused, again.published) == (0, 13, False)
    assert os.path.realpath(out) == before


def test_a_template_change_re_renders_only_what_uses_it(tmp_path: Path) -> None:
    out, templates = tmp_path / "dist", tmp_path / "templates"
    (templates / "html").mkdir(parents=True)
    build(clean_ladder(), out, formats=ALL, templates=templates)
    (templates / "html" / "style.css").write_text("body { color: #123456; }\n")
    result = build(clean_ladder(), out, formats=ALL, templates=templates)
    assert result.rendered == 13  # the template digest is part of every key
    assert "#123456" in (out / "ladder.html").read_text()
    changed = dataclasses.replace(clean_ladder(), name="Acme Ladder 2")
    result = build(changed, out, formats={"html"}, templates=templates)
    assert result.rendered == 5


def test_builds_of_one_revision_are_byte_identical_anywhere(tmp_path: Path) -> None:
    build(clean_ladder(), tmp_path / "a" / "dist", formats=ALL)
    time.sleep(1.1)
    build(clean_ladder(), tmp_path / "b" / "elsewhere", formats=ALL)
    assert tree(tmp_path / "a" / "dist") == tree(tmp_path / "b" / "elsewhere")


def test_a_failing_artifact_publishes_nothing_and_reports_every_failure(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "dist"
    build(clean_ladder(), out, formats=ALL)
    published = tree(out)
    real = build_module.compile_pdf

    def failing(markup: str, *, timestamp: int, **kw: Any) -> bytes:
        if "Complete handbook" in markup or "Track handbook" in markup:
            raise TypstCompileError("typst: boom (line 3, column 1)")
        return real(markup, timestamp=timestamp, **kw)

    monkeypatch.setattr(build_module, "compile_pdf", failing)
    changed = dataclasses.replace(clean_ladder(), name="Acme Ladder II")
    with pytest.raises(BuildFailed) as caught:
        build(changed, out, formats=ALL)
    assert [f.path for f in caught.value.failures] == ["eng/handbook.pdf", "ladder.pdf"]
    assert caught.value.exit_code == 1 and "typst: boom" in str(caught.value)
    assert tree(out) == published  # the previous output, untouched

    result = build(changed, out, formats=ALL, partial=True)
    doc = json.loads((out / "manifest.json").read_text())
    assert [(f["path"], f["error"]) for f in doc["failures"]] == [
        ("eng/handbook.pdf", "typst: boom (line 3, column 1)"), ("ladder.pdf", "typst: boom (line 3, column 1)")]
    assert not (out / "ladder.pdf").exists() and (out / "ladder.docx").exists()
    assert len(result.failures) == 2 and manifest.verify(out) == []


def test_a_pandoc_failure_fails_every_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(asts: list[Any], **_kw: Any) -> list[Any]:
        return [ArtifactError("pandoc: the batch failed: exit code 1")] * len(asts)

    monkeypatch.setattr(build_module, "docx_many", broken)
    with pytest.raises(BuildFailed) as caught:
        build(clean_ladder(), tmp_path / "dist", formats=ALL)
    assert sorted(f.path for f in caught.value.failures) == sorted(f"{h}.docx" for h in HANDBOOKS)
    assert not (tmp_path / "dist").exists()


def test_a_second_build_waits_for_the_lock_then_fails_clearly(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    told: list[str] = []
    with (publish.build_lock(out), pytest.raises(ArtifactError, match="still holds"),
          publish.build_lock(out, wait=0.2, notify=told.append)):
        pass
    assert told == [f"another ladder-docs build is publishing into {out}: waiting for it"]
    with publish.build_lock(out, wait=0.2):  # released
        pass


def test_concurrent_builds_into_one_out_dir_serialise(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    errors: list[BaseException] = []

    def run(name: str) -> None:
        try:
            build(dataclasses.replace(clean_ladder(), name=name), out, formats={"html"})
        except BaseException as exc:  # noqa: BLE001 - the test reports it below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(n,)) for n in ("One", "Two")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert manifest.verify(out) == []
    assert json.loads((out / "manifest.json").read_text())["ladder"] in ("One", "Two")


def test_a_real_out_directory_is_exchanged_atomically(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    out.mkdir()
    (out / "stale.txt").write_text("from before")
    build(clean_ladder(), out, formats={"html"})
    assert out.is_symlink() and not (out / "stale.txt").exists()
    assert sorted(p.name for p in (tmp_path / ".dist.ladder-docs" / "builds").iterdir())[0].startswith("build-")


def test_output_paths_cannot_leave_the_out_dir() -> None:
    for kind, key in (("level", "../etc/passwd"), ("level", "eng/../../x"), ("track", "/abs"),
                      ("level", "eng/a b"), ("level", "eng/handbook")):
        with pytest.raises(ArtifactError):
            artifact_path(kind, key, "html")
    for rel in ("../x", "/x", "a/../b", "a//b", "a/./b", "x\ny"):
        with pytest.raises(ArtifactError):
            publish.check_relpath(rel)


def test_hostile_content_is_inert_in_every_format(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    result = build(hostile_ladder(), out, formats=ALL)
    for page in out.rglob("*.html"):
        parsed = Tags()
        parsed.feed(page.read_text())
        assert not {"script", "iframe", "img", "object", "embed"} & {t for t, _a in parsed.tags}
        assert not [k for _t, a in parsed.tags for k in a if k.startswith("on")]
        assert not [a["href"] for t, a in parsed.tags if t == "a" and (a.get("href") or "").startswith(
            ("javascript:", "data:", "file:", "vbscript:"))]
    assert "{{ 7*7 }}" in (out / "eng/l2-senior-engineer.html").read_text()
    for pdf in out.rglob("*.pdf"):
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
        assert "root:x:0:0" not in text
    for doc in out.rglob("*.docx"):
        assert not [n for n in zipfile.ZipFile(doc).namelist() if n.startswith("word/media")]
    body = "\n".join(p.text for p in docx.Document(str(out / "eng/l2-senior-engineer.docx")).paragraphs)
    assert "{{ 7*7 }}" in body and "<script>alert('x')</script> I ship safely." in body
    assert sorted({p.code for p in result.problems}) == ["unsafe-link"]


def test_progress_is_plain_lines_when_not_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build(clean_ladder(), tmp_path / "dist", formats={"html"}, progress=True)
    lines = capsys.readouterr().err.splitlines()
    assert lines == ["ladder-docs: 5 artifacts: 0 unchanged, 5 to render", "ladder-docs: html: 5 done",
                     f"ladder-docs: published {tmp_path / 'dist'} (7 files)"]


_KILL_SCRIPT = """
import sys, dataclasses
sys.path.insert(0, {tests!r})
from pathlib import Path
from handbook_models import clean_ladder
from ladder_docs.build import build
build(dataclasses.replace(clean_ladder(), name=sys.argv[1]), Path(sys.argv[2]), formats={{"html", "pdf"}})
"""


def test_a_killed_build_leaves_the_previous_or_the_new_output(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    script = tmp_path / "run.py"
    script.write_text(_KILL_SCRIPT.format(tests=str(Path(__file__).parent)))
    subprocess.run([sys.executable, str(script), "Old", str(out)], check=True)
    names = {"Old"}
    rng = random.Random(7)
    for trial in range(6):
        name = f"New{trial}"
        proc = subprocess.Popen([sys.executable, str(script), name, str(out)])
        time.sleep(rng.uniform(0.2, 2.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = json.loads((out / "manifest.json").read_text())["ladder"]
        assert now in names | {name}
        assert manifest.verify(out) == []
        names.add(name)


def test_malloc_keeps_memory_for_typst_threads() -> None:
    # glibc arenas otherwise grow and shrink by ~12,600 mprotect(2) calls in a corpus build
    if platform.libc_ver()[0] != "glibc":
        pytest.skip("mallopt(3) is glibc's; other C libraries keep their defaults")
    assert tune_malloc() is True
