"""The styled reference .docx that pandoc copies styles, page set-up and footer from.

Built deterministically from pandoc's own default reference document (so it matches the bundled
pandoc's style names): A4 pages, Calibri (present in Word, mapped to metric-compatible Carlito by
LibreOffice), headings and links in the handbook accent colour, ruled tables, and a footer with a
text and "Page N of M" (PAGE / NUMPAGES fields); also the custom styles the handbook ASTs name
(`pandoc_ast.STYLE_*`): paragraph styles Summary, Handbook Meta, Examples, Change Kind and Level
Start, character styles Inserted Text and Deleted Text, table style Attributes Table. The footer
text is the placeholder FOOTER_TOKEN unless given: `with_footer` fills it (the batch engine makes
one reference per distinct footer). Zip entries carry a fixed date.
"""

from __future__ import annotations

import functools
import io
import re
import subprocess
import zipfile
from xml.sax.saxutils import escape

from ladder_docs.errors import ArtifactError
from ladder_docs.pandoc_bin import pandoc_path

FOOTER_TOKEN = "LADDERDOCS-FOOTER-TEXT"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_FOOTER_REL = f"{_R}/footer"
_FOOTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

ACCENT = "1C5D8C"
INK = "1B2430"
MUTED = "5D6B7A"
RULE = "D3DAE2"
ACCENT_SOFT = "E8F0F7"
ACCENT_STRONG = "154870"
INS_INK, INS_BG = "0B5A31", "E2F4E8"  # the HTML handbook's --ins-ink / --ins-bg
DEL_INK, DEL_BG = "9A1F26", "FBEAEA"  # --del-ink / --del-bg
# A4 in twentieths of a point; margins 22 mm left, 20 mm right/top, 22 mm bottom.
_PAGE = (11906, 16838)
_MARGIN = {"top": 1134, "right": 1134, "bottom": 1247, "left": 1247}
_TEXT_WIDTH = _PAGE[0] - _MARGIN["left"] - _MARGIN["right"]


def _para_style(sid: str, name: str, based: str, ppr: str, rpr: str, *, builtin: bool = True, nxt: bool = False) -> str:
    """A paragraph style; `builtin` for Word's own names (Title, heading 1 …), else custom."""
    custom = "" if builtin else ' w:customStyle="1"'
    follow = '<w:next w:val="BodyText"/>' if nxt else ""
    return (
        f'<w:style w:type="paragraph"{custom} w:styleId="{sid}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="{based}"/>{follow}<w:qFormat/><w:pPr>{ppr}</w:pPr>'
        f"<w:rPr>{rpr}</w:rPr></w:style>"
    )


def _custom(name: str, based: str, ppr: str, rpr: str) -> str:
    """A custom paragraph style whose ID is its name without spaces (as Word makes them)."""
    return _para_style(name.replace(" ", ""), name, based, ppr, rpr, builtin=False)


def _char_style(name: str, rpr: str, based: str = "DefaultParagraphFont", *, builtin: bool = False) -> str:
    custom = "" if builtin else ' w:customStyle="1"'
    return (
        f'<w:style w:type="character"{custom} w:styleId="{name.replace(" ", "")}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="{based}"/><w:qFormat/><w:rPr>{rpr}</w:rPr></w:style>'
    )


def _text(half_points: int, color: str) -> str:
    return f'<w:color w:val="{color}"/><w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def _shade(fill: str) -> str:
    return f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'


def _heading(level: int, size_pt: float, color: str, before: int, after: int) -> str:
    rule = f'<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="3" w:color="{ACCENT}"/></w:pBdr>'
    border = rule if level == 1 else ""
    ppr = (
        f'<w:keepNext/><w:keepLines/>{border}<w:spacing w:before="{before}" w:after="{after}"/>'
        f'<w:outlineLvl w:val="{level - 1}"/>'
    )
    rpr = f"<w:b/><w:bCs/>{_text(round(size_pt * 2), color)}"
    return _para_style(f"Heading{level}", f"heading {level}", "Normal", ppr, rpr, nxt=True)


def _table_style(sid: str, name: str, part: str, look: str, *, default: bool = False) -> str:
    """A ruled table style; `look` (rPr + tcPr) formats the conditional `part` (firstRow, band1Vert …)."""
    flag = ' w:default="1"' if default else ' w:customStyle="1"'
    # pandoc writes tblLook firstColumn="0" but leaves vertical banding on, so a header *column*
    # comes from band1Vert (with column bands one column wide, that is the first column); firstCol
    # too, for Word users who tick "First Column".
    parts = [part, "firstCol"] if part == "band1Vert" else [part]
    conditional = "".join(f'<w:tblStylePr w:type="{p}">{look}</w:tblStylePr>' for p in parts)
    rule = f'w:val="single" w:sz="4" w:space="0" w:color="{RULE}"'
    # The indent equals the cell margin, so the table's edge (not its text) lines up with the margin.
    return (
        f'<w:style w:type="table"{flag} w:styleId="{sid}"><w:name w:val="{name}"/>'
        '<w:basedOn w:val="TableNormal"/><w:qFormat/><w:pPr><w:spacing w:before="40" w:after="40"/>'
        '</w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr><w:tblPr>'
        '<w:tblStyleRowBandSize w:val="1"/><w:tblStyleColBandSize w:val="1"/><w:tblInd w:w="120" w:type="dxa"/>'
        f"<w:tblBorders><w:top {rule}/><w:bottom {rule}/><w:insideH {rule}/></w:tblBorders>"
        '<w:tblCellMar><w:top w:w="60" w:type="dxa"/><w:left w:w="120" w:type="dxa"/>'
        '<w:bottom w:w="60" w:type="dxa"/><w:right w:w="120" w:type="dxa"/></w:tblCellMar>'
        f"</w:tblPr>{conditional}</w:style>"
    )


def _panel_borders(bar: str, fill: str) -> str:
    """An accent bar on the left; borders in the fill colour pad the shading on the other sides."""
    pad = f'w:val="single" w:sz="4" w:color="{fill}"'
    return (
        f'<w:pBdr><w:top {pad} w:space="5"/><w:left w:val="single" w:sz="24" w:space="10" w:color="{bar}"/>'
        f'<w:bottom {pad} w:space="5"/><w:right {pad} w:space="6"/></w:pBdr>'
    )


# Styles replaced wholesale (by styleId) or added when pandoc's default lacks them.
_STYLES: dict[str, str] = {
    "BodyText": _para_style("BodyText", "Body Text", "Normal", '<w:spacing w:before="60" w:after="120"/>', ""),
    "FirstParagraph": _para_style("FirstParagraph", "First Paragraph", "BodyText", "", "", builtin=False),
    "Compact": _custom("Compact", "BodyText", '<w:spacing w:before="30" w:after="50"/>', ""),
    "Title": _para_style("Title", "Title", "Normal", '<w:keepNext/><w:spacing w:before="0" w:after="80"/>',
                         f"<w:b/><w:bCs/>{_text(48, INK)}", nxt=True),
    "Subtitle": _para_style("Subtitle", "Subtitle", "Normal", '<w:keepNext/><w:spacing w:before="0" w:after="120"/>',
                            _text(26, MUTED), nxt=True),
    "Author": _custom("Author", "Normal", '<w:keepNext/><w:spacing w:before="0" w:after="0"/>', _text(18, MUTED)),
    "Date": _para_style("Date", "Date", "Normal", '<w:keepNext/><w:spacing w:before="0" w:after="240"/>',
                        _text(18, MUTED)),
    "Heading1": _heading(1, 16, ACCENT, 360, 160),
    "Heading2": _heading(2, 13, INK, 280, 100),
    "Heading3": _heading(3, 11, ACCENT, 220, 80),
    "Heading4": _heading(4, 10, MUTED, 200, 60),
    "BlockText": _para_style(
        "BlockText", "Block Text", "BodyText",
        f'<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="{ACCENT}"/></w:pBdr>{_shade(ACCENT_SOFT)}'
        '<w:spacing w:before="120" w:after="160"/><w:ind w:left="240" w:right="240"/>',
        "<w:i/><w:iCs/>",
    ),
    "Footer": _para_style(
        "Footer", "footer", "Normal",
        f'<w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="{RULE}"/></w:pBdr>'
        f'<w:tabs><w:tab w:val="right" w:pos="{_TEXT_WIDTH}"/></w:tabs><w:spacing w:before="0" w:after="0"/>',
        _text(16, MUTED),
    ),
    "Hyperlink": _char_style("Hyperlink", f'<w:color w:val="{ACCENT}"/><w:u w:val="single"/>', "BodyTextChar",
                             builtin=True),
    "Table": _table_style(
        "Table", "Table", "firstRow",
        f'<w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr><w:tcPr>{_shade(ACCENT)}<w:vAlign w:val="bottom"/></w:tcPr>',
        default=True,
    ),
    # The custom styles the handbook ASTs name through `custom-style` (pandoc_ast.STYLE_*). pandoc
    # finds them by name; without them it adds empty ones, which Word shows as plain body text.
    # The level's summary quote: a tinted panel with an accent bar, like the HTML handbook's.
    "Summary": _custom(
        "Summary", "BodyText",
        f'{_panel_borders(ACCENT, ACCENT_SOFT)}{_shade(ACCENT_SOFT)}'
        '<w:spacing w:before="200" w:after="280" w:line="276" w:lineRule="auto"/><w:ind w:left="227" w:right="120"/>',
        f"<w:i/><w:iCs/>{_text(23, INK)}",
    ),
    "HandbookMeta": _custom(
        "Handbook Meta", "Normal",
        f'<w:keepNext/><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="6" w:color="{RULE}"/></w:pBdr>'
        '<w:spacing w:before="0" w:after="240"/>',
        _text(17, MUTED),
    ),
    "Examples": _custom("Examples", "BodyText", '<w:spacing w:before="20" w:after="40"/>', _text(19, MUTED)),
    # "New at this level" / "Evolved from …" / "No longer listed": a small-caps label over its list.
    "ChangeKind": _custom("Change Kind", "Normal", '<w:keepNext/><w:spacing w:before="160" w:after="40"/>',
                          f'<w:smallCaps/><w:spacing w:val="6"/>{_text(19, ACCENT_STRONG)}'),
    # A hair-thin empty paragraph before each level (and track) heading of a track or ladder
    # handbook: pandoc gives headings their own Heading N style, so the break cannot sit on one.
    "LevelStart": _custom(
        "Level Start", "Normal",
        '<w:keepNext/><w:pageBreakBefore/><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>',
        '<w:sz w:val="2"/><w:szCs w:val="2"/>',
    ),
    "InsertedText": _char_style("Inserted Text", f'<w:color w:val="{INS_INK}"/><w:u w:val="single"/>{_shade(INS_BG)}'),
    "DeletedText": _char_style("Deleted Text", f'<w:strike/><w:color w:val="{DEL_INK}"/>{_shade(DEL_BG)}'),
    # The "At a glance" table: attribute names in a tinted first column. pandoc writes a table's
    # custom-style as the style's ID, hence an ID without spaces (pandoc_ast.STYLE_ATTRIBUTES).
    "AttributesTable": _table_style(
        "AttributesTable", "Attributes Table", "band1Vert",
        f'<w:rPr><w:color w:val="{ACCENT_STRONG}"/></w:rPr><w:tcPr>{_shade(ACCENT_SOFT)}</w:tcPr>',
    ),
}

_DOC_DEFAULTS = (
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsiaTheme="minorEastAsia" w:cs="Calibri"/>'
    f'<w:color w:val="{INK}"/><w:sz w:val="21"/><w:szCs w:val="21"/>'
    '<w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr>'
    "</w:pPrDefault></w:docDefaults>"
)


def _footer_xml(text: str) -> str:
    def field(instr: str) -> str:
        return f'<w:fldSimple w:instr=" {instr} "><w:r><w:t>1</w:t></w:r></w:fldSimple>'

    run = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="{_W}" '
        f'xmlns:r="{_R}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>{run.format(escape(text))}'
        f"<w:r><w:tab/></w:r>{run.format('Page ')}{field('PAGE')}{run.format(' of ')}"
        f"{field('NUMPAGES')}</w:p></w:ftr>"
    )


def _styles(xml: str) -> str:
    xml = re.sub(r"<w:docDefaults>.*?</w:docDefaults>", _DOC_DEFAULTS, xml, count=1, flags=re.S)
    for sid, style in _STYLES.items():
        pattern = re.compile(rf'<w:style\b[^>]*\bw:styleId="{sid}"[^>]*>.*?</w:style>', re.S)
        xml, found = pattern.subn(style.replace("\\", "\\\\"), xml, count=1)
        if not found:
            xml = xml.replace("</w:styles>", f"{style}</w:styles>")
    return xml


def _document(xml: str) -> str:
    section = (
        f'<w:sectPr><w:footerReference w:type="default" r:id="rIdLadderFooter"/>'
        '<w:footnotePr><w:numRestart w:val="eachSect"/></w:footnotePr>'
        f'<w:pgSz w:w="{_PAGE[0]}" w:h="{_PAGE[1]}"/>'
        f'<w:pgMar w:top="{_MARGIN["top"]}" w:right="{_MARGIN["right"]}" '
        f'w:bottom="{_MARGIN["bottom"]}" w:left="{_MARGIN["left"]}" w:header="567" '
        'w:footer="567" w:gutter="0"/></w:sectPr>'
    )
    xml, found = re.subn(r"<w:sectPr>.*?</w:sectPr>", section, xml, count=1, flags=re.S)
    if not found:
        raise ArtifactError("reference.docx: pandoc's default document has no section properties")
    if f'xmlns:r="{_R}"' not in xml:
        xml = xml.replace("<w:document ", f'<w:document xmlns:r="{_R}" ', 1)
    return xml


def _edit(name: str, data: bytes) -> bytes:
    text = data.decode("utf-8")
    if name == "word/styles.xml":
        text = _styles(text)
    elif name == "word/document.xml":
        text = _document(text)
    elif name == "word/_rels/document.xml.rels":
        rel = f'<Relationship Type="{_FOOTER_REL}" Id="rIdLadderFooter" Target="footer1.xml"/>'
        text = text.replace("</Relationships>", f"{rel}</Relationships>")
    elif name == "[Content_Types].xml":
        over = f'<Override PartName="/word/footer1.xml" ContentType="{_FOOTER_TYPE}"/>'
        text = text.replace("</Types>", f"{over}</Types>")
    elif name == "word/theme/theme1.xml":
        text = re.sub(r'<a:latin typeface="[^"]*"', '<a:latin typeface="Calibri"', text)
    else:
        return data
    return text.encode("utf-8")


def _zip_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3
    info.external_attr = 0o644 << 16
    return info


def with_footer(reference: bytes, footer: str) -> bytes:
    """`reference` with FOOTER_TOKEN in its footers replaced by `footer` (XML-escaped).

    Entries keep their names, order and dates, so the result is as deterministic as the input.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(reference)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if re.fullmatch(r"word/footer\d*\.xml", info.filename):
                data = data.replace(FOOTER_TOKEN.encode(), escape(footer).encode("utf-8"))
            target.writestr(info, data)
    return out.getvalue()


@functools.cache
def default_reference_docx() -> bytes:
    """pandoc's own default reference.docx, from the bundled pandoc (cached per process)."""
    command = [pandoc_path(), "--print-default-data-file", "reference.docx"]
    done = subprocess.run(command, capture_output=True, check=False, timeout=60, env={})
    if done.returncode != 0 or not done.stdout:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        raise ArtifactError(f"pandoc could not print its reference.docx: {detail[0]}")
    return done.stdout


@functools.cache
def build_reference_docx(footer: str | None = None) -> bytes:
    """The styled reference .docx; `footer` fixes the footer text (None: a per-document token).

    Same pandoc, same footer: same bytes.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(default_reference_docx())) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            target.writestr(_zip_entry(name), _edit(name, source.read(name)))
        footer_text = FOOTER_TOKEN if footer is None else footer
        target.writestr(_zip_entry("word/footer1.xml"), _footer_xml(footer_text).encode("utf-8"))
    return out.getvalue()
