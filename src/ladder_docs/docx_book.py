"""Every DOCX handbook of a build from ONE pandoc document (the "book"), each piece converted once.

pandoc spends ~20 ms on each document it writes whatever its size (reading the reference
document, writing the package), and a level's content recurs in its level, track and ladder
handbooks. So the book holds each piece once: a level's title block, its chapter heading, its
body; each overview document; each handbook's title and contents. Each handbook is a recipe:
pieces in order, each with a heading shift (a level's sections are Heading 1 in its own handbook,
Heading 2 in its track's, Heading 3 in the ladder's). ladder_docs.docx_split cuts the converted
book at the pieces' markers and packs each handbook.

Links between handbooks differ per handbook (an anchor in the same document, else the other
file), so the book's links to handbooks are placeholders, `ldref-N`, resolved per recipe.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from . import pandoc_ast as ast
from .handbook_links import page_linker
from .inline import Ref
from .render_docx import DocxBuilder, Entry

Data = dict[str, Any]
REF_PREFIX = "ldref-"  # scheme-less, so the batch script keeps it; content links cannot produce it
SEGMENT_CLASS = "ld-segment"


@dataclass(frozen=True)
class Recipe:
    """One DOCX handbook: its path, title, anchors, and the (piece, heading shift) it is made of."""

    path: str
    title: str
    anchors: frozenset[str]
    pieces: tuple[tuple[int, int], ...]


class Book:
    """The pieces of every handbook (pandoc blocks), each once, and the recipes that use them."""

    def __init__(self) -> None:
        self.pieces: list[ast.Blocks] = []
        self.keys: dict[tuple[str, str], int] = {}
        self.refs: list[Ref] = []
        self._ref_index: dict[tuple[str, str | None, str | None], int] = {}
        self.builder = DocxBuilder("book.docx", ())
        self.builder.link = self._placeholder

    def _placeholder(self, ref: Ref) -> str:
        key = (ref["kind"], ref.get("key"), ref.get("anchor"))
        if key not in self._ref_index:
            self._ref_index[key] = len(self.refs)
            self.refs.append(ref)
        return f"{REF_PREFIX}{self._ref_index[key]}"

    def piece(self, kind: str, key: str, make: Callable[[DocxBuilder], ast.Blocks]) -> int:
        """The index of a piece, made once."""
        found = self.keys.get((kind, key))
        if found is None:
            found = self.keys[(kind, key)] = len(self.pieces)
            self.pieces.append(make(self.builder))
        return found

    def document(self, meta: Data) -> ast.Json:
        """The book as one pandoc document: each piece in a Div the batch script turns into a marker."""
        blocks = [{"t": "Div", "c": [["", [SEGMENT_CLASS], [["n", str(n)]]], piece]}
                  for n, piece in enumerate(self.pieces)]
        return ast.document(meta, "Handbooks", "", blocks)

    def resolve(self, recipe: Recipe) -> Callable[[int], str | None]:
        """Placeholder number → the link target in `recipe`'s handbook."""
        link = page_linker(recipe.path, "docx", recipe.anchors)
        return lambda n: link(self.refs[n]) if 0 <= n < len(self.refs) else None


def _title(title: str, subtitle: str, date: str) -> ast.Blocks:
    """What pandoc writes from a document's title, subtitle and date metadata."""
    return [ast.styled("Title", [ast.para(ast.text(title))]), ast.styled("Subtitle", [ast.para(ast.text(subtitle))]),
            ast.styled("Date", [ast.para(ast.text(date))])]


def _meta_line(meta: Data, anchor: str) -> ast.Json:
    return ast.styled(ast.STYLE_META, [ast.para(ast.text(
        f"{meta['ladder']} · version {meta['version']} · commit {meta['short']}"))], anchor)


def level_recipe(book: Book, ctx: Data, path: str, anchors: Collection[str]) -> Recipe:
    """A level's handbook (as render_docx.level_docx): title block, summary, sections at Heading 1."""
    lv, meta, track = ctx["level"], ctx["meta"], ctx["track"]
    subtitle = f"{lv['id']} · {track['name']}" if lv["id"] else track["name"]
    head = book.piece("level-title", lv["key"], lambda b: [*_title(lv["title"], subtitle, meta["date_long"]),
                                                            _meta_line(meta, lv["anchor"])])
    return Recipe(path, lv["title"], frozenset(anchors), ((head, 0), (_level_body(book, lv), 0)))


def _level_body(book: Book, lv: Data) -> int:
    return book.piece("level-body", lv["key"], lambda b: [*b.summary(lv), *b.level_sections(lv, 1)])


def _chapter(book: Book, lv: Data) -> int:
    title = f"{lv['id']} {lv['title']}" if lv["id"] else lv["title"]
    return book.piece("chapter", lv["key"], lambda b: [
        ast.marker(ast.STYLE_LEVEL_START), ast.header(1, ast.text(title), lv["anchor"])])


def _document(book: Book, doc: Data) -> int:
    return book.piece("document", doc["anchor"], lambda b: b.document_section(doc, 1))


def _track_start(book: Book, track: Data) -> int:
    return book.piece("track-start", track["key"], lambda b: [
        ast.marker(ast.STYLE_LEVEL_START), ast.header(1, ast.text(track["name"]), track["anchor"])])


def track_recipe(book: Book, ctx: Data, path: str, anchors: Collection[str]) -> Recipe:
    """A track's handbook (as render_docx.track_docx): contents, overview, every level."""
    track, meta = ctx["track"], ctx["meta"]
    entries: list[Entry] = [(d["anchor"], d["title"], []) for d in track["overview"]] + [
        (lv["anchor"], lv["label"], []) for lv in track["levels"]]
    head = book.piece("track-title", track["key"], lambda b: [
        *_title(track["name"], f"Track handbook · {meta['ladder']}", meta["date_long"]),
        _meta_line(meta, track["anchor"]), *b.contents(entries)])
    pieces = [(head, 0), *((_document(book, d), 0) for d in track["overview"])]
    for lv in track["levels"]:
        pieces += [(_chapter(book, lv), 0), (_level_body(book, lv), 1)]
    return Recipe(path, track["name"], frozenset(anchors), tuple(pieces))


def ladder_recipe(book: Book, ctx: Data, path: str, anchors: Collection[str]) -> Recipe:
    """The whole-ladder handbook (as render_docx.ladder_docx)."""
    meta = ctx["meta"]
    entries: list[Entry] = [(d["anchor"], d["title"], []) for d in ctx["documents"]] + [
        (t["anchor"], t["name"], [(lv["anchor"], lv["label"]) for lv in t["levels"]]) for t in ctx["tracks"]]
    head = book.piece("ladder-title", "", lambda b: [
        *_title(meta["ladder"], "Complete handbook", meta["date_long"]), *b.contents(entries)])
    pieces = [(head, 0), *((_document(book, d), 0) for d in ctx["documents"])]
    for t in ctx["tracks"]:
        pieces.append((_track_start(book, t), 0))
        pieces += [(_document(book, d), 1) for d in t["overview"]]
        for lv in t["levels"]:
            pieces += [(_chapter(book, lv), 1), (_level_body(book, lv), 2)]
    return Recipe(path, meta["ladder"], frozenset(anchors), tuple(pieces))


RECIPES: dict[str, Callable[[Book, Data, str, Collection[str]], Recipe]] = {
    "level": level_recipe, "track": track_recipe, "ladder": ladder_recipe}
