"""The rendering engines: typst (PDF) in-process and pandoc (DOCX) in one batch process."""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import docx
import pypandoc
import pytest
import typst
from pypdf import PdfReader

from ladder_docs import docx_style, pandoc_engine, typst_engine
from ladder_docs.pandoc_engine import PandocError
from ladder_docs.typst_engine import TypstCompileError

STAMP = 1717243200  # 2024-06-01T12:00:00Z
EMOJI = "🦉 🌱 🧭 🤝 🏆 🤹 👷"

HANDBOOK = """
#show: ld-handbook.with(title: "L4 Lead Cloud Engineer", footer: [Acme Ladder · v1.2.0 (3f2c1ab)])
#ld-title-block([Lead Cloud Engineer], badge: "L4", meta: ("Cloud Engineering", "2024-06-01"))
#ld-summary[I lead the design of our platform.]
= Attributes
#ld-attributes((([Planning horizon], [Quarters]), ([Impact radius], [Department])))
= Competencies
== Domain expertise
#ld-competencies(
  ld-competency([I am an expert in server operating systems.], examples: ([Led a migration.],)),
  [I #ld-del[demonstrate]#ld-ins[champion] resilience.],
  ld-ins-block[I own the reliability roadmap.],
  ld-del-block[I attend every review.],
)
#ld-changed[Emoji: EMOJI]
#pagebreak()
Second page.
""".replace("EMOJI", EMOJI)


def ok(result: bytes | Exception) -> bytes:
    """The bytes of a successful engine result (fails the test on an error)."""
    assert isinstance(result, bytes), result
    return result


def metadata(pdf: bytes) -> dict[str, str]:
    info = PdfReader(io.BytesIO(pdf)).metadata
    return {str(k): str(v) for k, v in (info or {}).items()}


def pdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def bitmap_glyphs(pdf: bytes) -> int:
    """Glyphs drawn as pictures: typst puts colour-bitmap glyphs in a Type3 font, one Form each
    holding an Image."""
    count = 0
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            font = font.get_object()
            if font["/Subtype"] != "/Type3":
                continue
            for form in font["/Resources"]["/XObject"].values():
                inner = form.get_object()["/Resources"]["/XObject"].values()
                count += any(x.get_object()["/Subtype"] == "/Image" for x in inner)
    return count


# typst -----------------------------------------------------------------------------------------


def test_typst_is_reproducible_and_dated_by_timestamp() -> None:
    markup = typst_engine.handbook_preamble() + HANDBOOK
    first = typst_engine.compile_pdf(markup, timestamp=STAMP)
    assert first == typst_engine.compile_pdf(markup, timestamp=STAMP)
    assert first != typst_engine.compile_pdf(markup, timestamp=STAMP + 86400)
    assert metadata(first)["/CreationDate"].startswith("D:20240601")


def test_handbook_preamble_renders_footer_title_and_marks() -> None:
    pdf = typst_engine.compile_pdf(typst_engine.handbook_preamble() + HANDBOOK, timestamp=STAMP)
    pages = pdf_text(pdf)
    assert len(pages) == 2
    assert "Acme Ladder · v1.2.0 (3f2c1ab)" in pages[0]
    assert "Page 1 of 2" in pages[0] and "Page 2 of 2" in pages[1]
    assert "Lead Cloud Engineer" in pages[0] and "Planning horizon" in pages[0]
    assert "For example" in pages[0] and "Led a migration." in pages[0]
    for text in ("demonstrate", "champion", "I own the reliability roadmap.", "I attend every"):
        assert text in pages[0]
    assert metadata(pdf)["/Title"] == "L4 Lead Cloud Engineer"


def test_emoji_render_as_colour_glyphs_from_the_shipped_font() -> None:
    # Noto Color Emoji glyphs are bitmaps: one picture per distinct emoji. Without the shipped
    # font typst silently draws empty boxes (no pictures at all).
    markup = f'#set text(font: ("Inter", "Noto Color Emoji"))\n{EMOJI}'
    assert bitmap_glyphs(typst_engine.compile_pdf(markup, timestamp=STAMP)) == 7
    bare = typst.compile(markup.encode(), ignore_system_fonts=True, format="pdf")
    assert bitmap_glyphs(bare) == 0
    handbook = typst_engine.compile_pdf(typst_engine.handbook_preamble() + HANDBOOK, timestamp=STAMP)
    assert bitmap_glyphs(handbook) == 7


def test_typst_sees_only_shipped_and_embedded_fonts() -> None:
    # DejaVu Sans and Carlito may be installed on this machine; typst must not see them.
    assert typst_engine.font_families() == [
        "DejaVu Sans Mono",
        "Inter",
        "Libertinus Serif",
        "New Computer Modern",
        "New Computer Modern Math",
        "Noto Color Emoji",
    ]
    shipped = sorted(p.name for p in typst_engine.fonts_dir().iterdir() if p.suffix != ".py")
    assert "OFL-Inter.txt" in shipped and "OFL-NotoColorEmoji.txt" in shipped
    assert sum(p.stat().st_size for p in typst_engine.fonts_dir().glob("*.[ot]tf")) < 5_000_000


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        ('#read("/etc/passwd")', "file not found"),
        ('#read("../../../etc/passwd")', "would escape the project root"),
        ('#image("/usr/share/pixmaps/debian-logo.png")', "file not found"),
        ('#import "@preview/cetz:0.2.2": canvas', "package imports are not allowed"),
    ],
)
def test_typst_cannot_read_files_or_fetch_packages(markup: str, message: str) -> None:
    with pytest.raises(TypstCompileError, match=re.escape(message)):
        typst_engine.compile_pdf(markup, timestamp=STAMP)


def test_package_guard_spares_prose_and_catches_code_mode() -> None:
    # as a template escapes it: `@` would start a reference
    prose = typst_engine.compile_pdf(r'We import "\@scope/pkg" from npm.', timestamp=STAMP)
    assert "We import" in pdf_text(prose)[0]
    with pytest.raises(TypstCompileError, match="package imports are not allowed"):
        typst_engine.compile_pdf('#{\n  import "@preview/cetz:0.2.2"\n}', timestamp=STAMP)


def test_typst_error_is_one_line_with_location() -> None:
    with pytest.raises(TypstCompileError) as caught:
        typst_engine.compile_pdf("= Title\n\nText #undefined-helper here", timestamp=STAMP)
    assert str(caught.value) == "typst: unknown variable: undefined-helper (line 3, column 6)"


def test_compile_many_keeps_order_and_isolates_failures() -> None:
    docs = [f"= Doc {i}\nBody {i}." for i in range(5)]
    docs[2] = "#broken("
    results = typst_engine.compile_many(docs, timestamp=STAMP, workers=2)
    assert [type(r).__name__ for r in results] == ["bytes"] * 2 + ["TypstCompileError"] + ["bytes"] * 2
    assert "Doc 4" in pdf_text(ok(results[4]))[0]
    assert results[0] == typst_engine.compile_pdf(docs[0], timestamp=STAMP)


# pandoc ----------------------------------------------------------------------------------------


def ast_of(markdown: str) -> dict[str, Any]:
    """A pandoc JSON AST from markdown (tests only; the product builds ASTs from the model)."""
    out = pypandoc.convert_text(markdown, "json", format="markdown")
    return dict(json.loads(out))


def parts(docx_bytes: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_pandoc_is_the_bundled_one() -> None:
    assert Path(pandoc_engine.pandoc_path()).parent.parent == Path(pypandoc.__file__).parent
    assert pandoc_engine.pandoc_api_version()[:2] == [1, 23]


def test_docx_many_is_reproducible_and_dated_by_timestamp() -> None:
    asts = [ast_of(f"# Level {i}\n\n- competency {i}\n") for i in range(3)]
    first = pandoc_engine.docx_many(asts, timestamp=STAMP)
    assert first == pandoc_engine.docx_many(asts, timestamp=STAMP)
    with zipfile.ZipFile(io.BytesIO(ok(first[0]))) as archive:
        dates = {info.filename: info.date_time[:3] for info in archive.infolist()}
    # parts pandoc writes carry the commit date; the footer comes from the reference (fixed date)
    assert dates["word/document.xml"] == (2024, 6, 1)
    assert set(dates.values()) == {(2024, 6, 1), (1980, 1, 1)}
    assert b"2024-06-01T12:00:00Z" in parts(ok(first[0]))["docProps/core.xml"]


def test_docx_many_over_two_processes_keeps_input_order() -> None:
    asts = [ast_of(f"Document number {i}") for i in range(5)]
    asts[3] = {"blocks": []}
    results = pandoc_engine.docx_many(asts, timestamp=STAMP, workers=2)
    assert isinstance(results[3], PandocError)
    for i in (0, 1, 2, 4):
        assert docx.Document(io.BytesIO(ok(results[i]))).paragraphs[0].text == f"Document number {i}"
    assert results[4] == pandoc_engine.docx_many(asts[4:], timestamp=STAMP)[0]


def test_docx_many_reports_failures_per_document() -> None:
    good = ast_of("Hello")
    results = pandoc_engine.docx_many([good, {"blocks": []}, good], timestamp=STAMP)
    assert isinstance(results[0], bytes) and results[0] == results[2]
    assert isinstance(results[1], PandocError)
    assert str(results[1]).startswith("pandoc: document 1: JSON parse error")


def test_no_local_file_is_embedded(tmp_path: Path) -> None:
    picture = tmp_path / "secret.png"
    picture.write_bytes(typst.compile(b"= Secret", format="png", ppi=10.0))
    ast = ast_of(f"![passwd](/etc/passwd) and ![secret]({picture}) and ![web](https://x.test/a.png)")
    out = ok(pandoc_engine.docx_many([ast], timestamp=STAMP)[0])
    files = parts(out)
    assert not [name for name in files if name.startswith("word/media/")]
    assert b"root:" not in b"".join(files.values())
    assert docx.Document(io.BytesIO(out)).paragraphs[0].text == "passwd and secret and web"


def test_raw_nodes_never_pass_through() -> None:
    markdown = (
        "---\ntitle: 'T `<w:r/>`{=openxml}'\n---\n\n"
        "Text <b>html</b> and `<w:r><w:t>INLINE RAW</w:t></w:r>`{=openxml}.\n\n"
        "```{=openxml}\n<w:p><w:r><w:t>BLOCK RAW</w:t></w:r></w:p>\n```\n\n"
        '```{=typst}\n#read("/etc/passwd")\n```\n'
    )
    out = ok(pandoc_engine.docx_many([ast_of(markdown)], timestamp=STAMP)[0])
    document = parts(out)["word/document.xml"]
    for raw in (b"INLINE RAW", b"BLOCK RAW", b"RAW IN CHANGE", b"<b>", b"passwd", b"<w:r/>"):
        assert raw not in document
    texts = [p.text for p in docx.Document(io.BytesIO(out)).paragraphs]
    assert texts == ["T ", "Text html and ."]


def test_only_safe_link_targets_survive() -> None:
    targets = {
        "js": "javascript:alert(1)",
        "data": "data:text/html;base64,PHNjcmlwdD4=",
        "file": "file:///etc/passwd",
        "vb": "VBScript:msgbox",
        "web": "https://example.com/a?b=1",
        "mail": "mailto:people@example.com",
        "rel": "../cloud/l3-engineer.docx",
        "anchor": "#competencies",
    }
    markdown = " ".join(f"[{name}]({target})" for name, target in targets.items())
    out = ok(pandoc_engine.docx_many([ast_of(markdown + "\n\n# Competencies\n")], timestamp=STAMP)[0])
    rels = parts(out)["word/_rels/document.xml.rels"].decode()
    kept = sorted(re.findall(r'Target="([^"]+)" TargetMode="External"', rels))
    assert kept == sorted(["https://example.com/a?b=1", "mailto:people@example.com", "../cloud/l3-engineer.docx"])
    document = parts(out)["word/document.xml"].decode()
    assert 'w:anchor="competencies"' in document
    assert docx.Document(io.BytesIO(out)).paragraphs[0].text.startswith("js data file vb web")


def test_reference_docx_is_deterministic_and_styled() -> None:
    docx_style.build_reference_docx.cache_clear()
    first = docx_style.build_reference_docx()
    docx_style.build_reference_docx.cache_clear()
    assert first == docx_style.build_reference_docx()
    styles = parts(first)["word/styles.xml"].decode()
    heading = re.search(r'<w:style [^>]*w:styleId="Heading1".*?</w:style>', styles, re.S)
    assert heading is not None and 'w:color w:val="1C5D8C"' in heading.group(0)
    assert 'w:fill="1C5D8C"' in styles  # table header row shading
    fixed = parts(docx_style.build_reference_docx("Fixed footer"))["word/footer1.xml"]
    assert b"Fixed footer" in fixed and docx_style.FOOTER_TOKEN.encode() not in fixed


def test_footer_carries_text_and_page_fields_per_document() -> None:
    asts = [ast_of("# One"), ast_of("# Two")]
    footers = ["Acme · v1.2.0 (3f2c1ab) & co", "Acme · v1.2.0 (3f2c1ab) · L5"]
    results = pandoc_engine.docx_many(asts, timestamp=STAMP, footers=footers)
    for result, footer in zip(results, footers, strict=True):
        out = ok(result)
        section = docx.Document(io.BytesIO(out)).sections[0]
        assert section.footer.paragraphs[0].text.startswith(footer + "\tPage ")
        xml = parts(out)["word/footer1.xml"].decode()
        assert 'w:instr=" PAGE "' in xml and 'w:instr=" NUMPAGES "' in xml
        assert (section.page_width, section.page_height) == (docx.shared.Twips(11906), docx.shared.Twips(16838))


def test_pandoc_reads_nothing_outside_its_temp_dir(tmp_path: Path) -> None:
    # The batch runs with cwd = its temp dir and HOME pointing there: a user data dir with a
    # hostile reference.docx or filter is never consulted.
    done = subprocess.run(
        [pandoc_engine.pandoc_path(), "lua", "-e", "print(os.getenv('HOME'))"],
        env=pandoc_engine._environment(STAMP, str(tmp_path)),
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == str(tmp_path)
