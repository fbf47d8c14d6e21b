"""Bad input at BUILD level: `ladder-docs build` of a ladder holding one bad file next to a good level.

Policy (docs/reliability.md; cli.cmd_build and build.build since 6e5041f): every bad file gets a
diagnostic with its path (and line where there is one) on stderr. A warning (empty file, symlink,
submodule, repaired encoding, …) builds and publishes everything else, exit 0. A content error
(not UTF-8, binary, too large, id mismatch) is a failure of its source file: every other artifact
is still rendered, but nothing is published over the previous output and the exit code is 1;
with --partial the rest is published and manifest.json lists the failed source. A config error
exits 2 and publishes nothing.
The reader-level facts (codes, lines, decoding) are in tests/test_bad_input.py.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import git, make_repo
from pypdf import PdfReader

from ladder_docs import manifest
from ladder_docs.cli import main

GOOD = "# L2: Widget Engineer\n\n> I make widgets.\n\n## Craft\n\n- I craft widgets.\n"
GOOD_KEY = "t/l2-widget-engineer"
BAD = "T/L3-Bad-File.md"
FORMATS = ("html", "pdf", "docx")
PASSWD_LINE = b"root:x:0:0"


@dataclass(frozen=True)
class Case:
    """One bad input: the files beside the good level, and what the build must do with them."""

    files: dict[str, str | bytes]
    exit: int
    diag: str  # the start of the diagnostic line on stderr
    levels: frozenset[str] | None  # level keys published from the bad file (None: see the policy test)
    texts: tuple[str, ...] = ()  # text every format of the bad file's level handbook must show
    warning: bool = field(default=False)


def _deep() -> str:
    return "# L3: Deep\n\n## D\n\n" + "".join("  " * i + f"- level {i}:\n" for i in range(1000))


MOJIBAKE = "# L3: Owl\n\n## 🦉 Wisdom\n\n- I’m wise.\n".encode().decode("mac_roman").encode()
CASES: dict[str, Case] = {
    "latin-1": Case({BAD: "# L3: Café Engineer\n\n## Craft\n\n- I brew.\n".encode("latin-1")}, 1,
                    f"{BAD}:1: error: not-utf8:", None),
    "utf-16-bom": Case({BAD: codecs.BOM_UTF16_LE + "# L3: Sixteen\n\n## Craft\n\n- I decode.\n".encode("utf-16-le")},
                       0, "", frozenset({"t/l3-bad-file"}), ("I decode.",)),
    "binary": Case({BAD: b"\x89PNG\r\n\x1a\n\0\0\0IHDR\0\0"}, 1, f"{BAD}: error: binary-file:", frozenset()),
    "empty": Case({BAD: b""}, 0, f"{BAD}:1: warning: empty-file:", frozenset(), warning=True),
    "50 MB": Case({BAD: b"# L3: Big\n\n## D\n\n" + b"- I repeat myself.\n" * 2_650_000}, 1,
                  f"{BAD}: error: file-too-large:", frozenset()),
    "no title": Case({BAD: "Just some text.\n\n## Craft\n\n- I craft too.\n"}, 0,
                     f"{BAD}:1: warning: no-title:", frozenset({"t/l3-bad-file"}), ("Bad File", "I craft too."),
                     warning=True),
    "10,000 competencies": Case(
        {BAD: "# L3: Many\n\n## D\n\n" + "".join(f"- I do thing {i}.\n" for i in range(10_000))}, 0,
        f"{BAD}:3: warning: too-many-items:", frozenset({"t/l3-bad-file"}), ("I do thing 0.", "I do thing 9999."),
        warning=True),
    "nested 1,000 deep": Case({BAD: _deep()}, 0, "", frozenset({"t/l3-bad-file"}), ("level 999",)),
    "1 MB line": Case({BAD: "# L3: Long\n\n## D\n\n- I " + "talk " * 200_000 + "a lot.\n"}, 0, "",
                      frozenset({"t/l3-bad-file"}), ("I talk talk", "talk a lot.")),
    "mojibake": Case({BAD: MOJIBAKE}, 0, f"{BAD}:3: warning: mojibake:", frozenset({"t/l3-bad-file"}),
                     ("I’m wise.", "Wisdom"), warning=True),
    "CRLF and lone CR": Case({BAD: "# L3: Crlf\r\n\r\n## Craft\r\n\r\n- I end lines twice.\r\n",
                              "T/L4-Cr.md": "# L4: Cr\r\r## Craft\r\r- I end lines once.\r"}, 0, "",
                             frozenset({"t/l3-bad-file", "t/l4-cr"}), ("I end lines twice.",)),
}
# Cases whose PDF is large: the text check reads only the last pages for the last text (pypdf
# extracts ~35 pages/s; the 10,000-competency level is 401 pages).
LAST_PAGES = {"10,000 competencies": 3, "1 MB line": 3}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(data: bytes) -> str:
    """The visible text of an HTML page, whitespace collapsed."""
    parser = _Text()
    parser.feed(data.decode("utf-8"))
    return " ".join(" ".join(parser.parts).split())


def pdf_text(data: bytes, last: int | None = None) -> str:
    """The text of a PDF (only its `last` pages when given), whitespace collapsed."""
    pages = PdfReader(io.BytesIO(data)).pages
    chosen = list(pages)[-last:] if last else list(pages)
    return " ".join(" ".join(p.extract_text() for p in chosen).split())


def docx_text(data: bytes) -> str:
    """The text of every paragraph of a DOCX body (tables included), one paragraph per line."""
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    paras = re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
    return "\n".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in paras)


def text_of(path: Path, last: int | None = None) -> str:
    """The text of an artifact, by format."""
    data = path.read_bytes()
    if path.suffix == ".html":
        return html_text(data)
    if path.suffix == ".pdf":
        return pdf_text(data, last)
    return " ".join(docx_text(data).replace("&amp;", "&").split())


def build(repo: Path, out: Path, capsys: pytest.CaptureFixture[str], *extra: str,
          formats: str = "html,pdf,docx", child: bool = False) -> tuple[int, list[str]]:
    """`ladder-docs build` into `out`; (exit code, stderr lines). `child`: in a separate process, so
    the 1-1.6 GB typst takes for a huge level goes back to the system when it ends."""
    argv = ["build", "--repo", str(repo), "--out", str(out), "--formats", formats, *extra]
    if child:
        done = subprocess.run([sys.executable, "-m", "ladder_docs.cli", *argv], capture_output=True, text=True,
                              check=False, timeout=600)
        return done.returncode, done.stderr.splitlines()
    code = main(argv)
    return code, capsys.readouterr().err.splitlines()


def published_levels(out: Path) -> dict[str, set[str]]:
    """Level key → formats published, from manifest.json."""
    levels: dict[str, set[str]] = {}
    for a in json.loads((out / "manifest.json").read_text())["artifacts"]:
        if a["kind"] == "level":
            levels.setdefault(a["level"], set()).add(a["format"])
    return levels


def assert_good_level_built(out: Path) -> None:
    """The good level: three artifacts on disk, in the manifest, with its competency in each."""
    assert manifest.verify(out) == []
    assert published_levels(out)[GOOD_KEY] == set(FORMATS)
    for fmt in FORMATS:
        assert "I craft widgets." in text_of(out / f"{GOOD_KEY}.{fmt}")
    assert "I craft widgets." in text_of(out / "t" / "handbook.html")


def _previous_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path, dict[Path, bytes]]:
    """A repository holding the good level only, built once: the previous published output."""
    repo = make_repo(tmp_path / "r", {"T/L2-Widget-Engineer.md": GOOD})
    out = tmp_path / "dist"
    assert build(repo, out, capsys, "--rev", "HEAD", formats="html")[0] == 0
    return repo, out, published(out)


def published(out: Path) -> dict[Path, bytes]:
    """Every file the output directory shows."""
    return {p: p.read_bytes() for p in sorted(out.resolve().rglob("*")) if p.is_file()}


def _failed_source(err: list[str]) -> list[str]:
    return [line for line in err if line.startswith(f"ladder-docs: failed: {BAD}: ")]


@pytest.mark.parametrize("case", list(CASES))
def test_bad_file_is_reported_and_every_other_level_is_built(
        case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = CASES[case]
    repo, out, before = _previous_build(tmp_path, capsys)
    make_repo(repo, spec.files, "bad file")
    code, err = build(repo, out, capsys, "--rev", "HEAD", child=case in LAST_PAGES)
    assert code == spec.exit, err
    if spec.diag:
        assert [line for line in err if line.startswith(spec.diag)], err
    if spec.exit:  # a content error: reported as a failed source, the rest rendered, nothing published
        assert len(_failed_source(err)) == 1, err
        rendered = {m.group(1) for line in err if (m := re.match(r"ladder-docs: (html|pdf|docx): \d+ done$", line))}
        assert rendered == set(FORMATS), err  # the rest was rendered (and cached) all the same
        assert err[-1].startswith("ladder-docs: error: ") and "nothing published" in err[-1]
        assert published(out) == before
        code, err = build(repo, out, capsys, "--rev", "HEAD", "--partial")
        assert code == 1 and len(_failed_source(err)) == 1, err
        doc = json.loads((out / "manifest.json").read_text())
        assert [(f["path"], f["format"]) for f in doc["failures"]] == [(BAD, "source")]
    assert_good_level_built(out)
    levels = published_levels(out)
    if spec.levels is not None:
        assert set(levels) - {GOOD_KEY} == spec.levels
        assert all(fmts == set(FORMATS) for fmts in levels.values())
    for fmt in FORMATS if spec.texts else ():
        last = LAST_PAGES.get(case) if fmt == "pdf" else None
        text = text_of(out / f"t/l3-bad-file.{fmt}", last)
        assert [t for t in (spec.texts[-1:] if last else spec.texts) if t not in text] == [], fmt


@pytest.mark.parametrize("case", [c for c in CASES if CASES[c].warning])
def test_a_warning_is_printed_with_path_and_line_and_quiet_hides_it(
        case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = CASES[case]
    repo = make_repo(tmp_path / "r", {"T/L2-Widget-Engineer.md": GOOD, **spec.files})
    code, err = build(repo, tmp_path / "dist", capsys, "--rev", "HEAD", formats="html")
    assert code == 0 and [line for line in err if line.startswith(spec.diag)], err
    code, err = build(repo, tmp_path / "dist", capsys, "--rev", "HEAD", "-q", formats="html")
    assert (code, err) == (0, [])


def test_quiet_build_still_prints_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "r", {"T/L2-Widget-Engineer.md": GOOD, **CASES["binary"].files})
    code, err = build(repo, tmp_path / "dist", capsys, "--rev", "HEAD", "-q", formats="html")
    assert code == 1 and err[:2] == [
        f"{BAD}: error: binary-file: binary file, not markdown: skipped",
        f"ladder-docs: failed: {BAD}: binary-file: binary file, not markdown: skipped"], err
    assert len(err) == 3 and err[2].startswith("ladder-docs: error: 1 artifact(s) failed, nothing published")


ERROR_FILES: dict[str, tuple[dict[str, str | bytes], str]] = {
    "latin-1": (CASES["latin-1"].files, f"{BAD}:1: error: not-utf8:"),
    "id mismatch": ({"T/L3-Bad-File.md": "# L4: Wrong Id\n\n## Craft\n\n- I mislabel.\n"},
                    f"{BAD}:1: error: id-mismatch: title says L4 but the file name says L3"),
}


@pytest.mark.parametrize("case", list(ERROR_FILES))
def test_a_file_with_an_error_is_left_out_of_every_handbook(
        case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files, diag = ERROR_FILES[case]
    repo = make_repo(tmp_path / "r", {"T/L2-Widget-Engineer.md": GOOD, **files})
    code, err = build(repo, tmp_path / "dist", capsys, "--rev", "HEAD", "--partial", formats="html")
    assert code == 1 and [line for line in err if line.startswith(diag)], err
    assert set(published_levels(tmp_path / "dist")) == {GOOD_KEY}
    assert "Bad File" not in text_of(tmp_path / "dist" / "t" / "handbook.html")


def test_odd_file_names_build_to_slug_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = ["T/L3 - With Spaces.md", 'T/L4-"Quoted".md', "T/L5-New\nLine.md", "T/L6-Ünïcødé.md", "T/L7-a..b.md"]
    repo = make_repo(tmp_path / "r", {"T/L2-Widget-Engineer.md": GOOD,
                                      **{n: GOOD.replace("L2", n[2:4]) for n in names}})
    out = tmp_path / "dist"
    code, err = build(repo, out, capsys, "--rev", "HEAD")
    assert code == 0, err
    assert_good_level_built(out)
    keys = ["t/l3-with-spaces", "t/l4-quoted", "t/l5-new-line", "t/l6-unicode", "t/l7-a-b"]
    assert sorted(published_levels(out)) == sorted([GOOD_KEY, *keys])
    on_disk = sorted(p.relative_to(out.resolve()).as_posix() for p in out.resolve().rglob("*") if p.is_file())
    assert on_disk == sorted(["SHA256SUMS", "manifest.json", "index.html",
                              *(f"{k}.{f}" for k in [GOOD_KEY, *keys, "t/handbook"] for f in FORMATS),
                              *(f"ladder.{f}" for f in FORMATS)])


@pytest.mark.parametrize("rev", ["HEAD", None])
def test_committed_symlink_is_skipped_never_followed(
        rev: str | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "r", {"T/L2-Widget-Engineer.md": GOOD})
    os.symlink("/etc/passwd", repo / "T" / "L3-Passwd.md")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "symlink")
    out = tmp_path / "dist"
    code, err = build(repo, out, capsys, *(["--rev", rev] if rev else []))
    assert code == 0, err
    assert_good_level_built(out)
    assert set(published_levels(out)) == {GOOD_KEY}
    assert not [p for p in out.resolve().rglob("*") if p.is_file() and PASSWD_LINE in p.read_bytes()]


def test_submodule_entry_is_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "r", {"T/L2-Widget-Engineer.md": GOOD})
    head = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{head},T/L3-Sub")
    git(repo, "commit", "-qm", "submodule")
    out = tmp_path / "dist"
    code, err = build(repo, out, capsys, "--rev", "HEAD")
    assert code == 0, err
    assert_good_level_built(out)
    assert set(published_levels(out)) == {GOOD_KEY}


def test_missing_config_builds_with_defaults(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "r", {"T/L2-Widget-Engineer.md": GOOD})
    out = tmp_path / "dist"
    assert build(repo, out, capsys, "--rev", "HEAD")[0] == 0
    assert_good_level_built(out)
    assert json.loads((out / "manifest.json").read_text())["ladder"] == "ladder"


@pytest.mark.parametrize(("config", "message"), [
    ("[tool.ladder-docs\nname = 1\n", "ladder-docs: error: pyproject.toml: not valid TOML:"),
    ("[tool.ladder-docs]\nnmae = 'x'\n", "ladder-docs: error: pyproject.toml [tool.ladder-docs]: unknown key 'nmae'; "
                                         "did you mean 'name'?"),
    ("[tool.ladder-docs]\nroot = '../../etc'\n", "ladder-docs: error: pyproject.toml [tool.ladder-docs]: 'root' must "
                                                 "be a path inside the repository"),
])
def test_malformed_config_exits_2_and_keeps_the_previous_output(
        config: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "r", {"T/L2-Widget-Engineer.md": GOOD})
    out = tmp_path / "dist"
    assert build(repo, out, capsys, "--rev", "HEAD", formats="html")[0] == 0
    before = {p: p.read_bytes() for p in sorted(out.resolve().rglob("*")) if p.is_file()}
    make_repo(repo, {"pyproject.toml": config, "T/L2-Widget-Engineer.md": GOOD + "- I changed.\n"}, "break config")
    code, err = build(repo, out, capsys, "--rev", "HEAD", formats="html")
    assert (code, err) == (2, [line for line in err if line.startswith(message)]) and len(err) == 1, err
    assert {p: p.read_bytes() for p in sorted(out.resolve().rglob("*")) if p.is_file()} == before
