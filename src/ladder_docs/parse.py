"""The tolerant parser: one ladder file's bytes → levels or an overview document, plus diagnostics."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .decode import Decoded, decode, mojibake_lines
from .lines import Line, attribute, classify, split_emoji, split_level_id, strip_markup
from .model import Block, Diagnostic, Dimension, Document, Item, Level, Source

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_WS = re.compile(r"\s+")
# Real level files are 2–20 KB; anything this large is a mistake or an attack, and would make
# every handbook that includes it unusable.
MAX_FILE_BYTES = 2_000_000
MAX_ITEMS = 1000


@dataclass(frozen=True)
class ParsedFile:
    """What one file holds: levels (key, track and rank not yet assigned) or an overview document."""

    path: str
    blob: str | None
    levels: tuple[Level, ...]
    document: Document | None
    diagnostics: tuple[Diagnostic, ...]
    decoded: Decoded
    roles: bool = False  # several roles in one file (`##` per role)


def file_level_id(path: str) -> str | None:
    """The level id a file name carries: `L4 - Lead Cloud Engineer.md` → `L4`."""
    stem = posixpath.basename(path)
    stem = stem[:-3] if stem.lower().endswith(".md") else stem
    return split_level_id(stem.replace("-", " ").replace("_", " "))[0]


def clean(text: str) -> str:
    """Item text as the model keeps it: tags dropped, whitespace collapsed."""
    if "<" in text:
        # Tags go (the renderers would only escape them); inside a code span they are content.
        text = "`".join(part if i % 2 else _TAG.sub("", part) for i, part in enumerate(text.split("`")))
    return " ".join(text.split())


def _lines(text: str) -> list[Line]:
    # Comments vanish but keep their line breaks so line numbers stay true.
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    out: list[Line] = []
    fence: str | None = None
    for no, raw in enumerate(text.split("\n"), 1):
        if fence is not None:
            if raw.strip().startswith(fence):
                fence = None
                out.append(Line(no, "blank", ""))
            else:
                out.append(Line(no, "code", raw.rstrip()))
            continue
        line = classify(no, raw)
        if line.kind == "fence":
            fence = line.text[:3]
            line = Line(no, "blank", "")
        out.append(line)
    return out


def blocks(lines: Sequence[Line]) -> tuple[Block, ...]:
    """Generic blocks for overview documents and a level's free text."""
    out: list[Block] = []
    for ln in lines:
        prev = out[-1] if out else None
        if ln.kind in ("blank", "html"):
            if prev is not None and prev.kind in ("para", "quote", "item"):
                out.append(Block("rule", "", ln.no, depth=-1))  # paragraph break marker
            continue
        if ln.kind in ("heading", "bold"):
            out.append(Block("heading", clean(ln.text), ln.no, depth=max(ln.depth, 1) if ln.kind == "heading" else 4))
        elif ln.kind in ("bullet", "examples") and ln.text:
            out.append(Block("item", clean(ln.text), ln.no, depth=ln.depth // 2, ordered=ln.ordered))
        elif ln.kind == "quote":
            if prev is not None and prev.kind == "quote" and ln.text:
                out[-1] = Block("quote", f"{prev.text} {clean(ln.text)}".strip(), prev.line)
            elif ln.text:
                out.append(Block("quote", clean(ln.text), ln.no))
        elif ln.kind == "code":
            if prev is not None and prev.kind == "code":
                out[-1] = Block("code", f"{prev.text}\n{ln.text}", prev.line)
            else:
                out.append(Block("code", ln.text, ln.no))
        elif ln.kind == "rule":
            out.append(Block("rule", "", ln.no))
        elif ln.text.startswith("|"):
            cells = tuple(clean(c) for c in ln.text.strip().strip("|").split("|"))
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue
            if prev is not None and prev.kind == "table":
                out[-1] = Block("table", "", prev.line, rows=(*prev.rows, cells))
            else:
                out.append(Block("table", "", ln.no, rows=(cells,)))
        elif prev is not None and prev.kind in ("para", "item"):
            out[-1] = Block(prev.kind, f"{prev.text} {clean(ln.text)}", prev.line, prev.depth, prev.ordered)
        else:
            out.append(Block("para", clean(ln.text), ln.no))
    return tuple(b for b in out if b.depth != -1 or b.kind != "rule")


def _items(bullets: list[Line]) -> tuple[Item, ...]:
    """Bullets → items; a lead-in ending in ':' with nested bullets names their group."""
    items: list[Item] = []
    groups: list[tuple[int, str]] = []  # (indent of the lead-in, group name)
    for i, b in enumerate(bullets):
        while groups and b.depth <= groups[-1][0]:
            groups.pop()
        text = clean(b.text)
        nxt = bullets[i + 1] if i + 1 < len(bullets) else None
        if nxt is not None and nxt.depth > b.depth and text.endswith(":"):
            groups.append((b.depth, strip_markup(text.rstrip(":"))))
            continue
        if text:
            items.append(Item(text, b.no, groups[-1][1] if groups else None))
    return tuple(items)


def _dimension(head: Line, body: Sequence[Line]) -> Dimension:
    emoji, name = split_emoji(clean(head.text).strip("*_ "))
    name = strip_markup(name)
    comps: list[Line] = []
    examples: list[Line] = []
    notes: list[Item] = []
    target = comps
    last: Line | None = None  # the bullet a continuation line extends
    blank = False
    for ln in body:
        if ln.kind == "examples":
            target, last = examples, None
            continue
        if ln.kind == "bullet":
            if ln.text:
                target.append(ln)
                last = ln
            blank = False
            continue
        if ln.kind == "blank":
            blank = True
            continue
        if ln.kind in ("text", "code") and last is not None and (not blank or ln.depth >= 2):
            merged = Line(last.no, "bullet", f"{last.text} {ln.text.strip()}", last.depth, last.ordered)
            target[target.index(last)] = merged
            last = merged
            continue
        if ln.kind in ("heading", "bold"):
            # A sub-heading inside a dimension names the group of the bullets that follow it.
            target.append(Line(ln.no, "bullet", f"{strip_markup(ln.text).rstrip(':')}:", -1))
            last = None
            continue
        if ln.kind in ("text", "quote") and ln.text:
            notes.append(Item(clean(ln.text), ln.no))
        last = None if ln.kind != "html" else last
    return Dimension(
        name or strip_markup(clean(head.text)), emoji, _items(comps), _items(examples), head.no, tuple(notes)
    )


def _level(path: str, blob: str | None, head: Line, body: Sequence[Line], fallback_id: str | None) -> Level:
    ident, title = split_level_id(strip_markup(clean(head.text)))
    ident = ident or fallback_id
    base = head.depth if head.kind == "heading" else 0
    starts = [
        i for i, ln in enumerate(body)
        if (ln.kind == "heading" and ln.depth > base) or (ln.kind == "bold" and not attribute(ln.text))
    ]
    dim_depth = body[starts[0]].depth if starts and body[starts[0]].kind == "heading" else None
    if dim_depth is not None:
        starts = [i for i in starts if body[i].kind == "heading" and body[i].depth <= dim_depth]
    preface = body[: starts[0]] if starts else body
    summary: list[str] = []
    attrs: list[tuple[str, str]] = []
    rest: list[Line] = []
    in_quote = False
    for ln in preface:
        if ln.kind == "quote" and (in_quote or not summary):
            in_quote = True
            summary.append(clean(ln.text) if ln.text else "\n\n")
            continue
        in_quote = False
        kv = attribute(ln.text if ln.kind == "text" else f"- {ln.text}") if ln.kind in ("text", "bullet") else None
        if kv:
            attrs.append(kv)
        else:
            rest.append(ln)
    dims = tuple(
        _dimension(body[s], body[s + 1 : (starts[k + 1] if k + 1 < len(starts) else len(body))])
        for k, s in enumerate(starts)
    )
    text = " ".join(summary).replace(" \n\n ", "\n\n").strip()
    return Level(
        key="", slug="", id=ident, rank=(0, 0, 0), title=title or ident or "", summary=text,
        attributes=tuple(attrs), dimensions=dims, source=Source(path, blob), track="",
        line=head.no, notes=blocks(rest),
    )


def _roles(lines: Sequence[Line], head: Line | None) -> list[int]:
    """Indices of role headings in a several-roles file (`## Product Manager` then a quote)."""
    floor = head.depth if head is not None and head.kind == "heading" else 0
    start = lines.index(head) + 1 if head is not None else 0
    heads = [i for i in range(start, len(lines)) if lines[i].kind == "heading" and lines[i].depth > floor]
    if not heads:
        return []
    depth = min(lines[i].depth for i in heads)

    def next_is_quote(i: int) -> bool:
        # A role's summary quote may follow an introductory paragraph, but precedes any heading.
        for ln in lines[i + 1 :]:
            if ln.kind in ("heading", "bullet", "bold"):
                return False
            if ln.kind == "quote":
                return True
        return False

    return [
        i for i in heads
        if lines[i].depth == depth
        and (split_level_id(strip_markup(lines[i].text))[0] is not None or next_is_quote(i))
    ]


def _diagnostics(path: str, d: Decoded) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    if d.encoding not in ("utf-8", "utf-16", "binary"):
        out.append(Diagnostic(path, 1, "error", "not-utf8",
                              f"file is not UTF-8; read as {d.encoding}: save it as UTF-8"))
    if d.repaired_from is not None:
        for no, _found, fixed in mojibake_lines(d.repaired_from, d.text)[:20]:
            shown = fixed.strip()
            shown = shown if len(shown) <= 120 else shown[:117] + "..."
            out.append(Diagnostic(path, no, "warning", "mojibake",
                                  f"mis-encoded text (UTF-8 read as Mac Roman or Windows-1252); repaired: {shown}"))
    return out


def parse_document(path: str, data: bytes, blob: str | None = None, *, overview: bool = False) -> ParsedFile:
    """Parse one ladder file. Never raises on content: problems become diagnostics."""
    if len(data) > MAX_FILE_BYTES:
        d = Decoded("", "utf-8", "lf", False, None)
        msg = f"file is {len(data):,} bytes, over the {MAX_FILE_BYTES:,}-byte limit for a ladder file: skipped"
        return ParsedFile(path, blob, (), None, (Diagnostic(path, 0, "error", "file-too-large", msg),), d)
    d = decode(data)
    diags = _diagnostics(path, d)
    if d.binary:
        diags.append(Diagnostic(path, 0, "error", "binary-file", "binary file, not markdown: skipped"))
        return ParsedFile(path, blob, (), None, tuple(diags), d)
    lines = _lines(d.text)
    first = next((ln for ln in lines if ln.kind != "blank"), None)
    if first is None:
        diags.append(Diagnostic(path, 1, "warning", "empty-file", "file is empty"))
        return ParsedFile(path, blob, (), None, tuple(diags), d)
    head = first if first.kind in ("heading", "bold") else None
    source = Source(path, blob)
    stem = posixpath.basename(path)
    stem = stem[:-3] if stem.lower().endswith(".md") else stem
    fid = file_level_id(path)
    tid = split_level_id(strip_markup(head.text))[0] if head is not None else None
    if not overview and (fid or tid):
        if head is None:
            diags.append(Diagnostic(path, first.no, "warning", "no-title",
                                    "level has no title heading; using the file name"))
            head, body = Line(0, "heading", stem.replace("-", " "), 1), lines
        else:
            body = lines[lines.index(head) + 1 :]
        if fid and tid and fid != tid:
            diags.append(Diagnostic(path, head.no, "error", "id-mismatch",
                                    f"title says {tid} but the file name says {fid}"))
        level = _level(path, blob, head, body, fid)
        diags.extend(_too_many(level))
        return ParsedFile(path, blob, (level,), None, tuple(diags), d)
    roles = [] if overview else _roles(lines, head)
    title = clean(strip_markup(head.text)) if head is not None else stem.replace("-", " ")
    if roles:
        levels = tuple(
            _role_level(path, blob, lines, i, roles[k + 1] if k + 1 < len(roles) else len(lines))
            for k, i in enumerate(roles)
        )
        intro = lines[(lines.index(head) + 1 if head is not None else 0) : roles[0]]
        doc = Document("", title, blocks(intro), source, None) if any(
            ln.kind not in ("blank", "html") for ln in intro) else None
        return ParsedFile(path, blob, levels, doc, tuple(diags), d, roles=True)
    body = lines[lines.index(head) + 1 :] if head is not None else lines
    return ParsedFile(path, blob, (), Document("", title, blocks(body), source, None), tuple(diags), d)


def _role_level(path: str, blob: str | None, lines: Sequence[Line], start: int, end: int) -> Level:
    head = lines[start]
    # Dimensions of a role may sit one heading level below it or, in some files, beside it.
    shifted = Line(head.no, "heading", head.text, head.depth - 1)
    return _level(path, blob, shifted, lines[start + 1 : end], None)


def _too_many(level: Level) -> list[Diagnostic]:
    return [
        Diagnostic(level.path, dim.line, "warning", "too-many-items",
                   f"dimension {dim.name!r} has {len(dim.competencies) + len(dim.examples):,} items "
                   f"(more than {MAX_ITEMS:,}): is this file what you meant?")
        for dim in level.dimensions
        if len(dim.competencies) + len(dim.examples) > MAX_ITEMS
    ]
