"""The tolerant parser on small, hand-written inputs of every layout the corpus uses."""

from __future__ import annotations

import codecs

from ladder_docs.decode import decode
from ladder_docs.lines import split_emoji, split_level_id
from ladder_docs.parse import parse_document

LEVEL = """\
# L4: Lead Widget Engineer

> I lead widget work.

**Planning horizon:** 6-12 months  
**Impact radius:** Team
- **Evaluation**: Manager

## 🦉 Domain Expertise

- I build widgets.
- I review widgets
  across teams.
- Within my group:
    - I mentor.
    - I plan.
**Examples:**

- I shipped a widget.

## 🌱 Teaching

- I teach.
<details>
<summary>Examples</summary>

- I ran a workshop.

</details>
"""


def test_single_level_file() -> None:
    pf = parse_document("W/L4 - Lead Widget Engineer.md", LEVEL.encode())
    (lv,) = pf.levels
    assert (lv.id, lv.title, lv.summary) == ("L4", "Lead Widget Engineer", "I lead widget work.")
    assert lv.attributes == (("Planning horizon", "6-12 months"), ("Impact radius", "Team"), ("Evaluation", "Manager"))
    dom, teach = lv.dimensions
    assert (dom.emoji, dom.name) == ("🦉", "Domain Expertise")
    assert [i.flat for i in dom.competencies] == [
        "I build widgets.", "I review widgets across teams.",
        "Within my group: I mentor.", "Within my group: I plan.",
    ]
    assert [i.line for i in dom.competencies] == [11, 12, 15, 16]
    # `**Examples:**` right after the last bullet is not folded into it.
    assert [i.text for i in dom.examples] == ["I shipped a widget."]
    assert [i.text for i in teach.examples] == ["I ran a workshop."]
    assert pf.diagnostics == ()


def test_unclosed_bold_title_and_bold_italic_dimensions() -> None:
    text = "**Junior Thing Manager\n\n>I am new.\n\n\n***Core Competencies\n- I learn.\n\n***Growth\n- I grow.\n"
    (lv,) = parse_document("CS/L2-Junior-Thing-Manager", text.encode()).levels
    assert (lv.id, lv.title, lv.summary) == ("L2", "Junior Thing Manager", "I am new.")
    assert [(d.name, len(d.competencies)) for d in lv.dimensions] == [("Core Competencies", 1), ("Growth", 1)]


def test_several_roles_in_one_file() -> None:
    text = (
        "# Thing Roles\n\n## Thing Maker\n\n> I make.\n\n### I build\n\n- a\n- b\n\n"
        "## Senior Thing Maker\n\nIntro paragraph.\n\n> I make more.\n\n### I lead\n\n- c\n\n## I help\n\n- d\n"
    )
    pf = parse_document("Thing.md", text.encode())
    assert pf.roles
    assert [(lv.title, lv.summary) for lv in pf.levels] == [
        ("Thing Maker", "I make."), ("Senior Thing Maker", "I make more.")]
    assert [d.name for d in pf.levels[1].dimensions] == ["I lead", "I help"]


def test_pointer_level_keeps_its_text() -> None:
    text = "# L1.0: Graduate Widget Engineer\n\nSame as [L1](L1-Junior.md).\n\n1. L1.0: grad\n2. L1.1: junior\n"
    (lv,) = parse_document("L1.0-Graduate-Widget-Engineer.md", text.encode()).levels
    assert lv.id == "L1.0" and lv.is_pointer
    assert [(b.kind, b.text) for b in lv.notes] == [
        ("para", "Same as [L1](L1-Junior.md)."), ("item", "L1.0: grad"), ("item", "L1.1: junior")]


def test_bom_crlf_and_lone_cr() -> None:
    body = "# L2: Widget Engineer\r\n\r\n## Craft\r\n\r\n- I craft.\r\n"
    for data in (codecs.BOM_UTF8 + body.encode(), body.replace("\r\n", "\r").encode(),
                 codecs.BOM_UTF16_LE + body.encode("utf-16-le")):
        (lv,) = parse_document("L2-Widget-Engineer.md", data).levels
        assert [i.text for i in lv.dimensions[0].competencies] == ["I craft."]


def test_not_utf8_is_an_error_with_text_kept() -> None:
    pf = parse_document("L2-Caf.md", "# L2: Café Engineer\n\n## Craft\n\n- I brew.\n".encode("latin-1"))
    assert pf.levels[0].title == "Café Engineer"
    assert [(d.code, d.severity) for d in pf.diagnostics] == [("not-utf8", "error")]


def test_mojibake_is_repaired_and_reported() -> None:
    good = "# L4: Owl Engineer\n\n## 🦉 Domain\n\n- I’m wise.\n"
    bad = good.encode("utf-8").decode("mac_roman")
    pf = parse_document("L4-Owl-Engineer.md", bad.encode("utf-8"))
    assert pf.levels[0].dimensions[0].emoji == "🦉"
    assert pf.levels[0].dimensions[0].competencies[0].text == "I’m wise."
    assert {d.code for d in pf.diagnostics} == {"mojibake"}
    assert any("repaired: - I’m wise." in d.message for d in pf.diagnostics)


def test_hostile_shapes_never_raise() -> None:
    deep = "".join("  " * i + "- x\n" for i in range(1000))
    for data in (b"", b"\0\1\2binary", deep.encode(), b"# L1: T\n\n- " + b"a" * 1_000_000, b"**", b"> ",
                 b"# L9: \n## \n- \n**Examples:**\n", "\u202e#\ufeff L1".encode()):
        parse_document("L1-x.md", data)
    pf = parse_document("L1-x.md", b"\0\1\2binary")
    assert [d.code for d in pf.diagnostics] == ["binary-file"]


def test_split_helpers() -> None:
    assert split_level_id("L4: Lead Cloud Engineer") == ("L4", "Lead Cloud Engineer")
    assert split_level_id("L1.0 - Graduate") == ("L1.0", "Graduate")
    assert split_level_id("Leader") == (None, "Leader")
    assert split_emoji(":octopus: Managing teams") == (":octopus:", "Managing teams")
    assert split_emoji("🧭 Culture") == ("🧭", "Culture")
    assert decode(b"a\r\nb\rc\n").line_endings == "mixed"
