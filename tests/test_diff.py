"""The semantic diff on hand-made model objects, and the small-edit re-parse against the parser."""

from __future__ import annotations

import itertools

import pytest

from ladder_docs.changeset import coalesce
from ladder_docs.diff import Change, diff_ladders, diff_level, diff_states, pair_levels, suggested_bump
from ladder_docs.diffmatch import fold, spelling_only
from ladder_docs.model import Block, Dimension, Document, Item, Ladder, Level, Revision, Source, Track
from ladder_docs.parse import parse_document
from ladder_docs.reparse import reparse
from ladder_docs.worddiff import word_diff

REV = Revision("r", "0" * 40, "2026-01-01T00:00:00+00:00", False, "r")


def level(title: str = "Lead Engineer", *, path: str = "eng/L4-Lead-Engineer.md", ident: str | None = "L4",
          dims: dict[str, list[str]] | None = None, examples: dict[str, list[str]] | None = None,
          attrs: tuple[tuple[str, str], ...] = (("Planning horizon", "6-12 months"),),
          summary: str = "I lead.", blob: str | None = None, key: str = "") -> Level:
    dims = dims if dims is not None else {
        "Domain Expertise": ["I know servers.", "I review designs with care."],
        "Teaching": ["I mentor new hires every week."],
    }
    examples = examples or {}
    dimensions = tuple(
        Dimension(name, "", tuple(Item(t, 10 + i) for i, t in enumerate(items)),
                  tuple(Item(t, 40 + i) for i, t in enumerate(examples.get(name, []))), 5 + k)
        for k, (name, items) in enumerate(dims.items()))
    return Level(key, "", ident, (4, 1, 0), title, summary, attrs, dimensions, Source(path, blob), "eng")


def kinds(changes: list[Change]) -> list[tuple[str, str]]:
    return [(c.kind, c.severity) for c in changes]


def test_identical_levels_have_no_changes() -> None:
    assert diff_level(level(), level()) == []
    assert suggested_bump([]) == "none"


def test_reworded_competency_is_minor_with_a_phrase_level_word_diff() -> None:
    old_text = "I demonstrate solid experience with servers, networks and security."
    new_text = "I am an expert in servers, networks and security."
    after = level(dims={"Domain Expertise": [new_text, "I review designs with care."],
                        "Teaching": ["I mentor new hires every week."]})
    [c] = diff_level(level(dims={"Domain Expertise": [old_text, "I review designs with care."],
                                 "Teaching": ["I mentor new hires every week."]}), after)
    assert (c.kind, c.severity, c.dimension) == ("competency.reworded", "minor", "Domain Expertise")
    assert (c.before, c.after) == (old_text, new_text)
    assert c.words == (("equal", "I "), ("delete", "demonstrate solid experience with"),
                       ("insert", "am an expert in"), ("equal", " servers, networks and security."))
    assert suggested_bump([c]) == "minor"


def test_spelling_only_rewording_is_a_patch() -> None:
    before = level(dims={"D": ["I help people unfamilary with our tools."]})
    after = level(dims={"D": ["I help people unfamilar with our tools."]})
    [c] = diff_level(before, after)
    assert (c.kind, c.severity) == ("competency.reworded", "patch")
    assert spelling_only("I contribute effectivly.", "I contribute effectively.")
    assert not spelling_only("It is done.", "It it done.")  # a different word, not a typo
    assert not spelling_only("I lead teams.", "I lead large teams.")  # a new word


@pytest.mark.parametrize("after", [
    "I  review\ndesigns with care.",  # whitespace and wrap
    "I review *designs* with care",  # emphasis, punctuation
    "I **review** designs, with care!",
])
def test_formatting_only_edits_are_formatting(after: str) -> None:
    [c] = diff_level(level(), level(dims={"Domain Expertise": ["I know servers.", after],
                                          "Teaching": ["I mentor new hires every week."]}))
    assert (c.kind, c.severity, c.formatting) == ("competency.formatting", "patch", True)
    assert fold(after) == fold("I review designs with care.")


def test_competency_moved_to_another_dimension() -> None:
    after = level(dims={"Domain Expertise": ["I know servers."],
                        "Teaching": ["I mentor new hires every week.", "I review designs with care."]})
    [c] = diff_level(level(), after)
    assert (c.kind, c.severity, c.dimension, c.old_dimension) == (
        "competency.moved", "minor", "Teaching", "Domain Expertise")
    assert c.before == c.after == "I review designs with care."
    assert c.words == ()


def test_added_and_removed_competencies_and_examples() -> None:
    after = level(dims={"Domain Expertise": ["I know servers.", "I automate the boring parts of operations."],
                        "Teaching": ["I mentor new hires every week."]},
                  examples={"Teaching": ["I ran a workshop on incident reviews."]})
    changes = diff_level(level(), after)
    assert sorted(kinds(changes)) == [("competency.added", "major"), ("competency.removed", "minor"),
                                      ("example.added", "minor")]
    added = next(c for c in changes if c.kind == "competency.added")
    assert added.words == (("insert", "I automate the boring parts of operations."),)
    assert suggested_bump(changes) == "major"


def test_attributes_added_changed_removed_and_reformatted() -> None:
    before = level(attrs=(("Planning horizon", "6-12 months"), ("Impact radius", "Team"), ("Evaluation", "Manager")))
    after = level(attrs=(("Planning horizon", "12-18 months"), ("Impact radius", "**Team**"),
                         ("Scope", "Organisation")))
    got = {(c.kind, c.attribute, c.before, c.after, c.severity) for c in diff_level(before, after)}
    assert got == {
        ("attribute.changed", "Planning horizon", "6-12 months", "12-18 months", "major"),
        ("attribute.formatting", "Impact radius", "Team", "**Team**", "patch"),
        ("attribute.added", "Scope", None, "Organisation", "major"),
        ("attribute.removed", "Evaluation", "Manager", None, "minor"),
    }


def test_dimension_renamed_added_and_removed() -> None:
    before = level(dims={"Domain expertise": ["I know servers.", "I review designs with care."],
                         "Delivery": ["I ship small batches often."]})
    after = level(dims={"Technical Depth": ["I know servers.", "I review designs with care."],
                        "Culture": ["I give and ask for feedback."]})
    got = kinds(diff_level(before, after))
    assert ("dimension.renamed", "minor") in got
    assert ("dimension.added", "major") in got and ("dimension.removed", "minor") in got
    assert ("competency.added", "major") in got and ("competency.removed", "minor") in got
    renamed = next(c for c in diff_level(before, after) if c.kind == "dimension.renamed")
    assert (renamed.before, renamed.after) == ("Domain expertise", "Technical Depth")


def test_a_moved_file_is_a_move_not_removed_plus_added() -> None:
    old = level(path="Cloud/L4-Lead.md", blob="a")
    new = level(path="Engineering/Cloud/L4-Lead.md", blob="a")
    changes = diff_states([old], [new], renames={"Cloud/L4-Lead.md": "Engineering/Cloud/L4-Lead.md"})
    assert [(c.kind, c.severity, c.before, c.after) for c in changes] == [
        ("level.moved", "patch", "Cloud/L4-Lead.md", "Engineering/Cloud/L4-Lead.md")]
    # Without git's help (moved and edited): the title and content still pair them.
    edited = level(path="Engineering/Cloud/L4-Lead.md", dims={
        "Domain Expertise": ["I know servers.", "I review designs with great care."],
        "Teaching": ["I mentor new hires every week."]})
    assert sorted(c.kind for c in diff_states([old], [edited])) == ["competency.reworded", "level.moved"]


def test_whole_file_formatting_and_retitles() -> None:
    changes = diff_states([level(blob="a")], [level(blob="b")])
    assert kinds(changes) == [("level.formatting", "patch")]
    retitled = diff_states([level(blob="a")], [level("Staff Engineer", blob="b")])
    assert [(c.kind, c.before, c.after) for c in retitled] == [
        ("level.retitled", "L4 Lead Engineer", "L4 Staff Engineer")]


def test_level_pairing_by_content_when_a_level_is_replaced_in_place() -> None:
    old = level("Cloud Architect", path="cloud/L4-Cloud-Architect.md")
    new = level("Lead Cloud Engineer", path="cloud/L4 - Lead Cloud Engineer.md", dims={
        "Domain Expertise": ["I know servers well.", "I review designs with care."],
        "Teaching": ["I mentor new hires every week."]})
    [(a, b)] = pair_levels([old], [new])
    assert (a, b) == (old, new)
    unrelated = level("Designer", path="design/L2-Designer.md", ident="L2",
                      dims={"Craft": ["I sketch interfaces and test them with users."]})
    assert sorted((x is None, y is None) for x, y in pair_levels([old], [unrelated])) == [(False, True), (True, False)]


def test_levels_added_removed_and_detail() -> None:
    new = level()
    [c] = diff_level(None, new)
    assert (c.kind, c.severity, c.after) == ("level.added", "major", "L4 Lead Engineer")
    detailed = diff_level(None, new, detail=True)
    assert [c.kind for c in detailed].count("competency.added") == 3
    [gone] = diff_level(new, None)
    assert (gone.kind, gone.severity, gone.before) == ("level.removed", "minor", "L4 Lead Engineer")


def _ladder(levels: list[Level], docs: tuple[Document, ...] = ()) -> Ladder:
    return Ladder("x", "", REV, (Track("eng", "Eng", "eng", tuple(levels)),), docs)


def test_diff_ladders_and_overview_documents() -> None:
    doc_a = Document("readme", "Engineering", (Block("para", "Open several tabs to compare levels.", 3),
                                               Block("para", "Ask your manager.", 5)), Source("README.md", "x"), None)
    doc_b = Document("readme", "Engineering", (Block("para", "Open two tabs to compare adjacent levels.", 3),
                                               Block("para", "Ask your manager.", 5),
                                               Block("para", "Reviews happen twice a year.", 7)),
                     Source("README.md", "y"), None)
    a = _ladder([level(key="eng/l4")], (doc_a,))
    b = _ladder([level(key="eng/l4", summary="I lead teams."), level("Principal", ident="L5", key="eng/l5",
                                                                      path="eng/L5.md")], (doc_b,))
    got = [(c.kind, c.level.title, c.before, c.after) for c in diff_ladders(a, b)]
    assert got == [
        ("document.changed", "Engineering", "Open several tabs to compare levels.",
         "Open two tabs to compare adjacent levels."),
        ("document.changed", "Engineering", None, "Reviews happen twice a year."),
        ("summary.changed", "Lead Engineer", "I lead.", "I lead teams."),
        ("level.added", "Principal", None, "L5 Principal"),
    ]
    assert diff_ladders(a, b)[0].level.id is None


def test_coalesce_merges_edits_split_by_spaces() -> None:
    ops = word_diff("I competently demonstrate my lived experience of servers", "I am an expert in servers")
    assert coalesce(ops) == (("equal", "I "), ("delete", "competently demonstrate my lived experience of"),
                             ("insert", "am an expert in"), ("equal", " servers"))
    assert coalesce(word_diff("a b c", "a x c")) == (("equal", "a "), ("delete", "b"), ("insert", "x"),
                                                     ("equal", " c"))


# -- the small-edit re-parse must agree with the parser on every edit it accepts ------------------

BASE = """# L3: Senior Engineer

> I ship.

**Planning horizon:** 3 months
- **Impact radius**: Team

## 🦉 Domain Expertise

Some intro text for the dimension.

- First competency.
- Second competency
  wrapped onto a second line.
- Group lead-in:
  - nested one
  - nested two
- Third competency.

**Examples:**

- An example.
- Another example.

### Sub heading

- Grouped by the heading.

## 🌱 Teaching

```
- not an item, in a fence
```

- Teach one.
- Teach two.
    indented continuation

- Teach three.
"""

EDITS = ["- A brand new competency.", "- Replacement text!", "- Group:", "text line", "", "## Heading",
         "  - nested new", "- <!-- sneaky", "- `code`", "- One more.\n- And another.", "- x\n\n- y",
         "```", "<br>", "    - deep", "1. ordered", "* star bullet"]


def _variants() -> list[str]:
    lines = BASE.split("\n")
    out = []
    for i in range(len(lines) + 1):
        for edit in EDITS:
            out.append("\n".join([*lines[:i], edit, *lines[i:]]))  # insert
            if i < len(lines):
                out.append("\n".join([*lines[:i], edit, *lines[i + 1 :]]))  # replace
        if i < len(lines):
            out.append("\n".join([*lines[:i], *lines[i + 1 :]]))  # delete
    for i, j in itertools.combinations(range(0, len(lines), 3), 2):
        out.append("\n".join([*lines[:i], *lines[j:]]))  # delete a range
    return out


def test_reparse_equals_a_full_parse_whenever_it_accepts_an_edit() -> None:
    old = parse_document("eng/L3-Senior.md", BASE.encode(), "a")
    accepted = 0
    for k, text in enumerate(_variants()):
        edit = reparse(old, text.encode(), f"b{k}")
        if edit is None:
            continue
        accepted += 1
        assert edit.parsed == parse_document("eng/L3-Senior.md", text.encode(), f"b{k}"), text
    assert accepted > 40  # plain bullet edits take the fast path
    commented = BASE.replace("- Teach one.", "- Teach one.\n<!-- - hidden\n- also hidden -->")
    with_comment = parse_document("eng/L3-Senior.md", commented.encode(), "c")
    assert reparse(with_comment, commented.replace("- Teach two.", "- Teach 2.").encode(), "d") is None


def test_reparse_reports_the_edit() -> None:
    old = parse_document("eng/L3-Senior.md", BASE.encode(), "a")
    edit = reparse(old, BASE.replace("- Third competency.", "- Third competency, reworded.").encode(), "b")
    assert edit is not None
    assert (edit.level, edit.dimension, edit.examples, edit.index) == (0, 0, False, 4)
    assert [i.text for i in edit.gone] == ["Third competency."]
    assert [i.text for i in edit.came] == ["Third competency, reworded."]
    crlf = BASE.replace("\n", "\r\n").encode()
    assert reparse(old, crlf, "c") is None  # line endings changed: parse in full
