"""DOCX redlines with native Word tracked changes: accept gives the new text, reject the old."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import docx
import pytest

from ladder_docs import pandoc_engine
from ladder_docs.pandoc_engine import tracked_blocks, tracked_inlines

STAMP = 1728388800  # 2024-10-08T12:00:00Z
AUTHOR = "Zoë O'Brien & <Co>"
DATE = "2024-10-08T09:30:00Z"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

OLD_ITEMS = [
    "I demonstrate solid experience with server operating systems.",
    "I write runbooks.",
    "I attend every architecture review.",
]
NEW_ITEMS = [
    "I am an expert in server operating systems.",
    "I write runbooks.",
    "I own the reliability roadmap & its <risks>.",
]
OLD_PARAS = ["Old closing paragraph.", "Unchanged ending."]
NEW_PARAS = ["New closing paragraph.", "Unchanged ending."]


def words(text: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i, word in enumerate(text.split(" ")):
        if i:
            out.append({"t": "Space"})
        out.append({"t": "Str", "c": word})
    return out


def plain(text: str) -> dict[str, Any]:
    return {"t": "Plain", "c": words(text)}


def para(text: str) -> dict[str, Any]:
    return {"t": "Para", "c": words(text)}


def redline_ast() -> dict[str, Any]:
    """Old → new: one reworded bullet, one kept, one removed, one added; a paragraph replaced."""
    reworded = [
        *words("I"),
        {"t": "Space"},
        tracked_inlines("deletion", words("demonstrate solid experience with"), author=AUTHOR, date=DATE),
        tracked_inlines("insertion", words("am an expert in"), author=AUTHOR, date=DATE),
        {"t": "Space"},
        *words("server operating systems."),
    ]
    items = [
        [{"t": "Plain", "c": reworded}],
        [plain("I write runbooks.")],
        [tracked_blocks("deletion", [plain(OLD_ITEMS[2])], author=AUTHOR, date=DATE)],
        [tracked_blocks("insertion", [plain(NEW_ITEMS[2])], author=AUTHOR, date=DATE)],
    ]
    blocks = [
        {"t": "Header", "c": [2, ["domain-expertise", [], []], words("Domain expertise")]},
        {"t": "BulletList", "c": items},
        tracked_blocks("deletion", [para(OLD_PARAS[0])], author=AUTHOR, date=DATE),
        tracked_blocks("insertion", [para(NEW_PARAS[0])], author=AUTHOR, date=DATE),
        para("Unchanged ending."),
    ]
    return {"pandoc-api-version": pandoc_engine.pandoc_api_version(), "meta": {}, "blocks": blocks}


@pytest.fixture(scope="module")
def redline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    [out] = pandoc_engine.docx_many([redline_ast()], timestamp=STAMP)
    assert isinstance(out, bytes), out
    path = tmp_path_factory.mktemp("redline") / "redline.docx"
    path.write_bytes(out)
    return path


def stringify(inlines: Any) -> str:
    text: list[str] = []
    for node in inlines:
        kind, content = node["t"], node.get("c")
        if kind == "Str":
            text.append(content)
        elif kind in ("Space", "SoftBreak"):
            text.append(" ")
        elif kind in ("Emph", "Strong", "Underline", "Strikeout"):
            text.append(stringify(content))
        elif kind == "Span":
            text.append(stringify(content[1]))
    return "".join(text)


def read_back(path: Path, mode: str) -> tuple[list[str], list[str]]:
    """(bullet item texts, paragraph texts) of the DOCX with all changes accepted or rejected."""
    done = subprocess.run(
        [pandoc_engine.pandoc_path(), f"--track-changes={mode}", "-f", "docx", "-t", "json"],
        input=path.read_bytes(),
        capture_output=True,
        check=True,
    )
    items: list[str] = []
    paras: list[str] = []
    for block in json.loads(done.stdout)["blocks"]:
        if block["t"] == "BulletList":
            items += [" ".join(stringify(b["c"]) for b in item) for item in block["c"]]
        elif block["t"] == "Para":
            paras.append(stringify(block["c"]))
    return items, paras


def test_accept_gives_new_text_and_reject_the_old(redline: Path) -> None:
    accepted_items, accepted_paras = read_back(redline, "accept")
    rejected_items, rejected_paras = read_back(redline, "reject")
    assert accepted_paras == NEW_PARAS
    assert rejected_paras == OLD_PARAS
    # pandoc's DOCX reader keeps an empty list item where a tracked paragraph (mark included)
    # vanishes; Word and LibreOffice drop the paragraph (test_libreoffice_* below).
    assert [item for item in accepted_items if item] == NEW_ITEMS
    assert [item for item in rejected_items if item] == OLD_ITEMS
    assert accepted_items.count("") == 1 and rejected_items.count("") == 1


def test_change_ids_are_unique_and_carry_author_and_date(redline: Path) -> None:
    with zipfile.ZipFile(redline) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    changes = [e for e in root.iter() if e.tag in (f"{W}ins", f"{W}del")]
    # 1 inline deletion + 1 inline insertion; 4 whole paragraphs: text run + paragraph mark each
    assert sorted(e.tag.removeprefix(W) for e in changes) == ["del"] * 5 + ["ins"] * 5
    assert {(e.get(f"{W}author"), e.get(f"{W}date")) for e in changes} == {(AUTHOR, DATE)}
    # unique among changes and bookmarks alike (pandoc alone gives ins and del the same id)
    bookmarks = [e for e in root.iter(f"{W}bookmarkStart")]
    ids = [e.get(f"{W}id") for e in changes + bookmarks]
    assert len(ids) == len(set(ids)) == 10 + len(bookmarks)


def test_whole_paragraphs_track_their_paragraph_marks(redline: Path) -> None:
    document = docx.Document(str(redline))
    marked = {}
    for p in document.paragraphs:
        mark = p._p.find(f"{W}pPr/{W}rPr")
        kinds = [child.tag.removeprefix(W) for child in mark] if mark is not None else []
        text = "".join(t.text or "" for t in p._p.iter(f"{W}t", f"{W}delText"))
        if kinds:
            marked[text] = kinds
        runs_outside_changes = [
            r for r in p._p.findall(f"{W}r") if r.find(f"{W}t") is not None and r.find(f"{W}t").text
        ]
        if kinds:
            assert runs_outside_changes == [], f"untracked text in a tracked paragraph: {text}"
    assert marked == {
        OLD_ITEMS[2]: ["del"],
        NEW_ITEMS[2]: ["ins"],
        OLD_PARAS[0]: ["del"],
        NEW_PARAS[0]: ["ins"],
    }
    # the added and removed bullets are real list paragraphs (numbered), not plain paragraphs
    for p in document.paragraphs:
        text = "".join(t.text or "" for t in p._p.iter(f"{W}t", f"{W}delText"))
        if text in (OLD_ITEMS[2], NEW_ITEMS[2]):
            assert p._p.find(f"{W}pPr/{W}numPr") is not None


def test_redline_batches_are_reproducible() -> None:
    first = pandoc_engine.docx_many([redline_ast(), redline_ast()], timestamp=STAMP)
    assert first == pandoc_engine.docx_many([redline_ast(), redline_ast()], timestamp=STAMP)
    assert first[0] == first[1]


LIBREOFFICE_REVIEW = """
import os, subprocess, sys, time, uno
from com.sun.star.beans import PropertyValue
path, mode, profile = sys.argv[1:4]
office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore",
    "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
    "--accept=pipe,name=ldreview;urp;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            ctx = resolver.resolve("uno:pipe,name=ldreview;urp;StarOffice.ComponentContext")
            break
        except Exception:
            time.sleep(0.5)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    hidden = PropertyValue(); hidden.Name = "Hidden"; hidden.Value = True
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (hidden,))
    helper = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    command = ".uno:AcceptAllTrackedChanges" if mode == "accept" else ".uno:RejectAllTrackedChanges"
    helper.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
    paragraphs = doc.getText().createEnumeration()
    while paragraphs.hasMoreElements():
        print(paragraphs.nextElement().getString())
    doc.close(True)
    desktop.terminate()
finally:
    office.wait(timeout=60)
"""


def libreoffice_review(path: Path, mode: str, tmp: Path) -> list[str]:
    script = tmp / "review.py"
    script.write_text(LIBREOFFICE_REVIEW, encoding="utf-8")
    done = subprocess.run(
        ["/usr/bin/python3", str(script), str(path), mode, str(tmp / f"profile-{mode}")],
        capture_output=True,
        text=True,
        check=True,
        timeout=180,
    )
    return done.stdout.splitlines()


@pytest.mark.slow
def test_libreoffice_reject_leaves_no_empty_bullet(redline: Path, tmp_path: Path) -> None:
    has_uno = Path("/usr/lib/python3/dist-packages/uno.py").exists()
    if shutil.which("soffice") is None or not has_uno:
        pytest.skip("LibreOffice with python3-uno is not installed (optional cross-check)")
    heading = ["Domain expertise"]
    assert libreoffice_review(redline, "reject", tmp_path) == heading + OLD_ITEMS + OLD_PARAS
    assert libreoffice_review(redline, "accept", tmp_path) == heading + NEW_ITEMS + NEW_PARAS


def test_python_docx_reads_the_redline(redline: Path) -> None:
    document = docx.Document(io.BytesIO(redline.read_bytes()))
    styles = [p.style.name for p in document.paragraphs if p.style is not None]
    assert styles[0] == "Heading 2"
    assert styles.count("Compact") == 4
