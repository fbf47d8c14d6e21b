"""DOCX handbooks as pandoc ASTs: level, track and whole-ladder documents from their contexts.

Mirrors the HTML and typst templates section for section (title block, summary, "At a glance",
dimensions with examples, "What changes from …"); the AST nodes come from ladder_docs.pandoc_ast.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from . import inline
from . import pandoc_ast as ast
from .handbook_links import page_linker

Data = dict[str, Any]
Entry = tuple[str, str, list[tuple[str, str]]]  # a contents entry: anchor, label, children


class DocxBuilder:
    """Builds the AST of one DOCX page; `anchors` are the bookmarks the document holds."""

    def __init__(self, path: str, anchors: Collection[str]) -> None:
        self.link = page_linker(path, "docx", anchors)

    def inl(self, nodes: list[inline.Node]) -> list[ast.Json]:
        return inline.to_pandoc(nodes, self.link)

    def level_link(self, head: Data) -> ast.Json:
        target = self.link({"kind": "level", "key": head["key"], "anchor": head["anchor"]})
        return {"t": "Link", "c": [["", [], []], ast.text(head["label"]), [target or "", ""]]}

    def items(self, items: list[Data]) -> ast.Json:
        return ast.bullets([[ast.plain(self.inl(it["inlines"]))] for it in items])

    def summary(self, lv: Data) -> ast.Blocks:
        if not lv["summary"]:
            return []
        paras = [ast.para([{"t": "Emph", "c": self.inl(p)}]) for p in lv["summary"]]
        return [ast.styled(ast.STYLE_SUMMARY, paras)]

    def level_sections(self, lv: Data, h: int) -> ast.Blocks:
        out: ast.Blocks = []
        if lv["attributes"]:
            out.append(ast.header(h, ast.text("At a glance"), f"{lv['anchor']}-glance"))
            rows = [[[{"t": "Strong", "c": ast.text(a["name"])}], self.inl(a["value"])]
                    for a in lv["attributes"]]
            out.append(ast.table(None, rows, [0.32, 0.68], ast.STYLE_ATTRIBUTES))
        for d in lv["dimensions"]:
            title = f"{d['emoji']} {d['name']}" if d["emoji"] else d["name"]
            out.append(ast.header(h, ast.text(title), d["anchor"]))
            for g in d["competency_groups"]:
                if g["name"]:
                    out.append(ast.para([{"t": "Strong", "c": ast.text(g["name"])}]))
                out.append(self.items(g["entries"]))
            out.extend(ast.para(self.inl(n["inlines"])) for n in d["notes"])
            if d["examples"]:
                # Paras, not Plains: pandoc gives list Plains its Compact style, hiding Examples.
                examples = [ast.para([{"t": "Emph", "c": ast.text("For example")}]),
                            ast.bullets([[ast.para(self.inl(it["inlines"]))] for it in d["examples"]])]
                out.append(ast.styled(ast.STYLE_EXAMPLES, examples))
        out.extend(self.blocks(lv["notes"], h))
        if lv["changes"]:
            out.extend(self.changes(lv, h))
        return out

    def changes(self, lv: Data, h: int) -> ast.Blocks:
        ch = lv["changes"]
        prev = ch["previous"]
        out: ast.Blocks = [ast.header(h, ast.text(f"What changes from {prev['label']}"),
                                      f"{lv['anchor']}-changes")]
        if not ch["comparable"]:
            who = prev["label"] if lv["pointer"] else lv["label"]
            return [*out, ast.para(ast.text(
                f"{who} lists no competencies of its own, so there is nothing to compare."))]
        if not ch["sections"]:
            return [*out, ast.para([*ast.text("The competencies are the same as at "),
                                    self.level_link(prev), {"t": "Str", "c": "."}])]
        c = ch["counts"]
        out.append(ast.para([
            *ast.text("Compared with "), self.level_link(prev), {"t": "Str", "c": ":"},
            {"t": "Str", "c": " "}, {"t": "Strong", "c": ast.text(f"{c['new']} new")}, {"t": "Str", "c": ", "},
            {"t": "Strong", "c": ast.text(f"{c['evolved']} evolved")}, {"t": "Str", "c": ", "},
            {"t": "Strong", "c": ast.text(f"{c['dropped']} no longer listed")},
            *ast.text(f" and {c['unchanged']} unchanged."),
        ]))
        for s in ch["sections"]:
            title = f"{s['emoji']} {s['dimension']}" if s["emoji"] else s["dimension"]
            out.append(ast.header(h + 1, ast.text(title)))
            kinds = (("new", "New at this level"), ("evolved", f"Evolved from {prev['label']}"),
                     ("dropped", "No longer listed"))
            for kind, label in kinds:
                if not s[kind]:
                    continue
                out.append(ast.styled(ast.STYLE_CHANGE_KIND, [ast.para([{"t": "Strong", "c": ast.text(label)}])]))
                if kind == "evolved":
                    rows = [[ast.plain(ast.diff_inlines(e["diff"]) + (
                        ast.text(f" (moved from {e['moved_from']})") if e["moved_from"] else []))]
                        for e in s["evolved"]]
                    out.append(ast.bullets(rows))
                else:
                    out.append(self.items(s[kind]))
        return out

    def blocks(self, bs: list[Data], h: int) -> ast.Blocks:
        out: ast.Blocks = []
        for b in bs:
            kind = b["kind"]
            if kind == "heading":
                out.append(ast.header(h + b["level"] - 1, self.inl(b["inlines"])))
            elif kind == "para":
                out.append(ast.para(self.inl(b["inlines"])))
            elif kind == "quote":
                out.append({"t": "BlockQuote", "c": [ast.para(self.inl(b["inlines"]))]})
            elif kind == "code":
                out.append({"t": "CodeBlock", "c": [["", [], []], b["text"]]})
            elif kind == "rule":
                out.append({"t": "HorizontalRule"})
            elif kind == "table":
                out.append(ast.table([self.inl(c) for c in b["header"]],
                                     [[self.inl(c) for c in r] for r in b["rows"]]))
            elif kind == "list":
                out.append(self.list_block(b))
        return out

    def list_block(self, b: Data) -> ast.Json:
        items = [[ast.plain(self.inl(it["inlines"])), *(self.list_block(c) for c in it["children"])]
                 for it in b["entries"]]
        if b["ordered"]:
            return {"t": "OrderedList", "c": [[1, {"t": "Decimal"}, {"t": "Period"}], items]}
        return ast.bullets(items)

    def document_section(self, doc: Data, h: int) -> ast.Blocks:
        return [ast.header(h, ast.text(doc["title"]), doc["anchor"]), *self.blocks(doc["blocks"], h + 1)]

    def level_chapter(self, lv: Data, h: int) -> ast.Blocks:
        title = f"{lv['id']} {lv['title']}" if lv["id"] else lv["title"]
        return [ast.marker(ast.STYLE_LEVEL_START), ast.header(h, ast.text(title), lv["anchor"]),
                *self.summary(lv), *self.level_sections(lv, h + 1)]

    def contents(self, entries: list[Entry]) -> ast.Blocks:
        """A contents list of links to bookmarks (works without Word updating a TOC field)."""
        def link(anchor: str, label: str) -> ast.Json:
            return {"t": "Link", "c": [["", [], []], ast.text(label), [f"#{anchor}", ""]]}

        items = [[ast.plain([link(a, label)]), *([ast.bullets([[ast.plain([link(ca, cl)])] for ca, cl in kids])]
                                                 if kids else [])] for a, label, kids in entries]
        return [ast.header(1, ast.text("Contents")), ast.bullets(items)]


def level_docx(ctx: Data, path: str, anchors: Collection[str]) -> ast.Json:
    """The AST of one level's DOCX handbook."""
    b = DocxBuilder(path, anchors)
    lv, meta, track = ctx["level"], ctx["meta"], ctx["track"]
    subtitle = f"{lv['id']} · {track['name']}" if lv["id"] else track["name"]
    blocks = [ast.styled(ast.STYLE_META, [ast.para(ast.text(
        f"{meta['ladder']} · version {meta['version']} · commit {meta['short']}"))], lv["anchor"]),
        *b.summary(lv), *b.level_sections(lv, 1)]
    return ast.document(meta, lv["title"], subtitle, blocks)


def track_docx(ctx: Data, path: str, anchors: Collection[str]) -> ast.Json:
    """The AST of a track's DOCX handbook: contents, overview, every level."""
    b = DocxBuilder(path, anchors)
    track, meta = ctx["track"], ctx["meta"]
    entries: list[Entry] = [(d["anchor"], d["title"], []) for d in track["overview"]] + [
        (lv["anchor"], lv["label"], []) for lv in track["levels"]]
    blocks = [ast.styled(ast.STYLE_META, [ast.para(ast.text(
        f"{meta['ladder']} · version {meta['version']} · commit {meta['short']}"))], track["anchor"]),
        *b.contents(entries)]
    for d in track["overview"]:
        blocks.extend(b.document_section(d, 1))
    for lv in track["levels"]:
        blocks.extend(b.level_chapter(lv, 1))
    return ast.document(meta, track["name"], f"Track handbook · {meta['ladder']}", blocks)


def ladder_docx(ctx: Data, path: str, anchors: Collection[str]) -> ast.Json:
    """The AST of the whole-ladder DOCX handbook."""
    b = DocxBuilder(path, anchors)
    meta = ctx["meta"]
    entries: list[Entry] = [(d["anchor"], d["title"], []) for d in ctx["documents"]] + [
        (t["anchor"], t["name"], [(lv["anchor"], lv["label"]) for lv in t["levels"]])
        for t in ctx["tracks"]]
    blocks = [*b.contents(entries)]
    for d in ctx["documents"]:
        blocks.extend(b.document_section(d, 1))
    for t in ctx["tracks"]:
        blocks.extend([ast.marker(ast.STYLE_LEVEL_START), ast.header(1, ast.text(t["name"]), t["anchor"])])
        for d in t["overview"]:
            blocks.extend(b.document_section(d, 2))
        for lv in t["levels"]:
            blocks.extend(b.level_chapter(lv, 2))
    return ast.document(meta, meta["ladder"], "Complete handbook", blocks)


def footer(ctx: Data) -> str:
    """The footer text of a DOCX page (the reference document adds "Page N of M")."""
    meta = ctx["meta"]
    # One text for every document of a build: the engine then needs a single reference document.
    return f"{meta['ladder']} · Version {meta['version']} · Commit {meta['short']} · {meta['date']}"
