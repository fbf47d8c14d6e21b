"""Redlines rendered: HTML and typst from templates (`html/redline*.j2`, `typst/redline*.j2`), DOCX
as pandoc ASTs with native Word tracked changes; every artifact is rendered in memory.

DOCX: a changed line is a paragraph with tracked inline insertions and deletions; a wholly added
or removed line (competency, example, heading, paragraph) is a tracked paragraph, mark included,
so rejecting an added competency leaves no empty bullet. Each change carries the author and
date of the latest commit that made it (pandoc_engine renumbers the change ids).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

import jinja2

from . import inline, render_html, render_typst
from . import pandoc_ast as ast
from .changeset import CommitRef
from .errors import LadderDocsError
from .handbook_links import artifact_path
from .model import Revision
from .pandoc_engine import docx_many, tracked_blocks, tracked_inlines
from .typst_engine import compile_many

if TYPE_CHECKING:
    from pathlib import Path

    from .redline import LevelRedline, Redlines
    from .redline_pieces import Line

Data = dict[str, Any]
FORMATS = ("html", "pdf", "docx")
_KIND = {"added": "insertion", "removed": "deletion"}
_UNCOMMITTED = "Uncommitted change"
_SHAS_SHOWN = 4
_DOCX_WORKERS = 1  # beside two typst threads on two cores, a second pandoc only contends
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def level_path(lr: LevelRedline, fmt: str) -> str:
    """`<track-key>/<level-slug>.redline.<fmt>` (keys that could leave the out dir are refused)."""
    track = lr.key.partition("/")[0]
    return artifact_path("level", f"{track}/{lr.name.rpartition('/')[2]}", f"redline.{fmt}")


def revision_data(rev: Revision) -> Data:
    """A revision as templates show it: short sha, version, ISO and long dates."""
    when = datetime.fromisoformat(rev.date)
    return {"rev": rev.rev, "sha": rev.sha, "short": rev.short, "version": rev.version, "dirty": rev.dirty,
            "date": when.date().isoformat(), "date_long": long_date(rev.date)}


def long_date(iso: str) -> str:
    """`2024-10-08T…` → `8 October 2024` (English whatever the locale, like the handbooks)."""
    when = datetime.fromisoformat(iso)
    return f"{when.day} {_MONTHS[when.month - 1]} {when.year}"


def attribution(commits: tuple[CommitRef, ...]) -> list[Data]:
    """Commits grouped by author, in order: `{author, shas, more, dates, prs}` (`dates`: first and
    last, or one; `more`: how many shas beyond the first few are not listed), so eleven commits
    by one person read as one line, not eleven (the Commits table lists them all)."""
    groups: dict[str, Data] = {}
    for c in commits:
        g = groups.setdefault(c.author, {"author": c.author, "shas": [], "days": [], "prs": []})
        g["shas"].append(c.sha)
        g["days"].append(c.date[:10])
        if c.pr is not None and c.pr not in g["prs"]:
            g["prs"].append(c.pr)
    for g in groups.values():
        days = sorted(set(g.pop("days")))
        g["dates"] = days[0] if len(days) == 1 else f"{days[0]} – {days[-1]}"
        # A reordering no single commit explains lists every commit of the level: keep it short.
        g["more"] = max(0, len(g["shas"]) - _SHAS_SHOWN)
        g["shas"] = g["shas"][:_SHAS_SHOWN] if g["more"] else g["shas"]
    return list(groups.values())


def runs(lines: Sequence[Line]) -> list[Data]:
    """Consecutive lines of one group: `{group, status, lines}`; `status` is "added" or "removed"
    when every line of the run is (the group's name then came or went with them), else "same"."""
    out: list[Data] = []
    for line in lines:
        if not out or out[-1]["group"] != line.group:
            out.append({"group": line.group, "lines": []})
        out[-1]["lines"].append(line)
    for run in out:
        statuses = {line.status for line in run["lines"]}
        run["status"] = statuses.pop() if len(statuses) == 1 and statuses <= {"added", "removed"} else "same"
    return out


def _context(redlines: Redlines, formats: list[str]) -> Data:
    return {"ladder": redlines.ladder, "range": redlines.range, "base": revision_data(redlines.base),
            "head": revision_data(redlines.head), "formats": formats, "uncommitted": _UNCOMMITTED,
            "attribution": attribution, "runs": runs}


def _page(path: str, formats: list[str], lr: LevelRedline | None) -> Data:
    depth = path.count("/")
    alternates = [{"format": f, "label": render_html.FORMAT_LABELS[f],
                   "href": level_path(lr, f).rpartition("/")[2]} for f in formats if f != "html" and lr]
    return {"path": path, "format": path.rpartition(".")[2], "root": "../" * depth,
            "index": "../" * depth + "index.html", "alternates": alternates, "kind": "redline",
            "key": lr.key if lr else None}


# What a user's template or one document can get wrong; anything else is a bug and propagates.
_ERRORS = (LadderDocsError, jinja2.TemplateError, ValueError, TypeError, KeyError)
Result = tuple[str, "bytes | BaseException"]


def render_all(redlines: Redlines, *, formats: set[str], templates: Path | None) -> tuple[dict[str, bytes], list[str]]:
    """Every artifact of `redlines` by relative path, and one message per artifact that failed.

    The DOCX batch (one pandoc process) runs while typst compiles the PDFs."""
    chosen = [f for f in FORMATS if f in formats]
    base = _context(redlines, chosen)
    levels = redlines.levels
    results: list[Result] = []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pandoc") as pandoc:
        docx = pandoc.submit(_docx_all, redlines, templates) if "docx" in chosen and levels else None
        if "pdf" in chosen:
            results += _pdf_all(redlines, base, chosen, templates)
        results += docx.result() if docx is not None else []
    made = {path for path, r in results if isinstance(r, bytes)}
    for lr in levels if "html" in chosen else ():  # last: a page links only the files that exist
        page = _page(level_path(lr, "html"), chosen, lr)
        page["alternates"] = [a for a in page["alternates"] if level_path(lr, a["format"]) in made]
        results.append(_attempt(page["path"], partial(_html, templates, {**base, "level": lr}, page)))
    files = {path: r for path, r in results if isinstance(r, bytes)}
    failures = [f"{path}: {' '.join(str(r).split())}" for path, r in sorted(results) if not isinstance(r, bytes)]
    index = {**base, "levels": [_entry(lr, chosen, files) for lr in levels]}
    files["index.html"] = render_html.render(templates, "html/redline-index.html.j2", index,
                                             _page("index.html", chosen, None), ()).encode("utf-8")
    return files, failures


def _html(templates: Path | None, context: Data, page: Data) -> bytes:
    return render_html.render(templates, "html/redline.html.j2", context, page, ()).encode("utf-8")


def _attempt(path: str, make: Callable[[], bytes]) -> Result:
    try:
        return path, make()
    except _ERRORS as err:
        return path, err


def _pdf_all(redlines: Redlines, base: Data, chosen: list[str], templates: Path | None) -> list[Result]:
    out: list[Result] = []
    ready: list[tuple[str, str]] = []
    for lr in redlines.levels:
        path = level_path(lr, "pdf")
        try:
            ready.append((path, render_typst.render(templates, "typst/redline.typ.j2", {**base, "level": lr},
                                                    _page(path, chosen, lr), ())))
        except _ERRORS as err:
            out.append((path, err))
    pdfs = compile_many([markup for _, markup in ready], timestamp=redlines.head.timestamp)
    return out + [(path, pdf) for (path, _), pdf in zip(ready, pdfs, strict=True)]


def _docx_all(redlines: Redlines, templates: Path | None) -> list[Result]:
    fallback = (_UNCOMMITTED if redlines.head.dirty else "ladder-docs", _utc(redlines.head.date))
    paths = [level_path(lr, "docx") for lr in redlines.levels]
    asts = [docx_ast(redlines, lr, fallback) for lr in redlines.levels]
    footer = f"Redline · {redlines.ladder} · {redlines.base.version} → {revision_data(redlines.head)['version']}"
    # A user's reference document (styles, page set-up) applies to redlines as to handbooks.
    reference = templates / "docx" / "reference.docx" if templates is not None else None
    done = docx_many(asts, reference_docx=reference if reference is not None and reference.is_file() else None,
                     timestamp=redlines.head.timestamp, footers=[footer] * len(asts), workers=_DOCX_WORKERS)
    return list(zip(paths, done, strict=True))


def _entry(lr: LevelRedline, formats: list[str], files: dict[str, bytes]) -> Data:
    links = [{"format": f, "label": render_html.FORMAT_LABELS[f], "href": level_path(lr, f)}
             for f in formats if level_path(lr, f) in files]
    return {"level": lr, "counts": lr.counts, "commits": lr.commits, "links": links}


# ---- DOCX -------------------------------------------------------------------------------------


def _utc(iso: str) -> str:
    """An ISO date with offset as Word's UTC `2024-10-08T04:03:00Z`."""
    return datetime.fromisoformat(iso).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _no_link(ref: inline.Ref) -> str | None:
    return None


class _Docx:
    """Lines → pandoc blocks with tracked changes."""

    def __init__(self, fallback: tuple[str, str]) -> None:
        self.fallback = fallback

    def stamp(self, line: Line) -> dict[str, str]:
        if not line.commits:
            return {"author": self.fallback[0], "date": self.fallback[1]}
        latest: CommitRef = line.commits[-1]
        return {"author": latest.author, "date": _utc(latest.date)}

    def inlines(self, line: Line) -> list[ast.Json]:
        out: list[ast.Json] = []
        for p in line.pieces:
            if p.op == "equal" or line.status in _KIND:  # a whole line: pandoc_engine tracks it
                out += inline.to_pandoc(list(p.nodes), _no_link)
            else:
                kind = "insertion" if p.op == "insert" else "deletion"
                out += _tracked(kind, inline.to_pandoc(list(p.nodes), _no_link), self.stamp(line))
        return out

    def block(self, line: Line, wrap: Callable[[list[ast.Json]], ast.Json],
              prefix: list[ast.Json] | None = None) -> ast.Json:
        """One line as a block; wholly added or removed: a tracked paragraph."""
        inner = wrap([*(prefix or []), *self.inlines(line)])
        if line.status in _KIND:
            return tracked_blocks(_KIND[line.status], [inner], **self.stamp(line))
        return inner

    def items(self, lines: tuple[Line, ...]) -> ast.Blocks:
        """Competencies or examples: a bullet list per run of one group, the group's name above."""
        out: ast.Blocks = []
        for run in runs(lines):
            if run["group"]:
                head = ast.para([{"t": "Strong", "c": ast.text(run["group"])}])
                kind = _KIND.get(run["status"])
                out.append(tracked_blocks(kind, [head], **self.stamp(run["lines"][0])) if kind else head)
            out.append(ast.bullets([[self.block(line, ast.plain)] for line in run["lines"]]))
        return out


def _has_link(node: ast.Json) -> bool:
    content = node.get("c")
    return node["t"] == "Link" or (isinstance(content, list) and node["t"] != "Code"
                                   and any(isinstance(c, dict) and _has_link(c) for c in content))


def _tracked(kind: str, inlines: list[ast.Json], stamp: dict[str, str]) -> list[ast.Json]:
    """Inlines as tracked changes, the change inside any hyperlink (`w:hyperlink/w:ins`: a change
    holding a hyperlink is invalid OOXML, pandoc issue #4609)."""
    out: list[ast.Json] = []
    run: list[ast.Json] = []
    for node in [*inlines, None]:
        if node is not None and not _has_link(node):
            run.append(node)
            continue
        if run:
            out.append(tracked_inlines(kind, run[:], **stamp))
            run.clear()
        if node is not None and node["t"] == "Link":
            attr, content, target = node["c"]
            out.append({"t": "Link", "c": [attr, _tracked(kind, content, stamp), target]})
        elif node is not None:  # emphasis around a link: the change goes inside it
            out.append({"t": node["t"], "c": _tracked(kind, node["c"], stamp)})
    return out


def docx_ast(redlines: Redlines, lr: LevelRedline, fallback: tuple[str, str]) -> ast.Json:
    """The pandoc AST of one level's DOCX redline."""
    d = _Docx(fallback)
    base, head = revision_data(redlines.base), revision_data(redlines.head)
    blocks: ast.Blocks = [
        ast.styled(ast.STYLE_META, [ast.para(ast.text(f"Redline · {lr.track} · {redlines.ladder}"))]),
        d.block(lr.title, lambda c: ast.header(1, c)),
        ast.para(ast.text(
            f"Changes from {base['short']} ({base['date_long']}) to {head['version']} ({head['date_long']}) "
            "are tracked changes: accept them all for the new text, reject them all for the old one.")),
    ]
    if lr.moved_from:
        blocks.append(ast.para([{"t": "Emph", "c": ast.text(f"Moved from {lr.moved_from}")}]))
    if lr.summary:
        blocks.append(ast.styled(ast.STYLE_SUMMARY, [d.block(p, lambda c: ast.para([{"t": "Emph", "c": c}]))
                                                     for p in lr.summary]))
    if lr.attributes:
        blocks.append(ast.header(2, ast.text("At a glance")))
        rows = [[[d.block(r.label, ast.plain)], [d.block(r.value, ast.plain)]] for r in lr.attributes]
        blocks.append(_table(None, rows, [0.32, 0.68]))
    for s in lr.sections:
        emoji = ast.text(f"{s.emoji} ") if s.emoji else []
        blocks.append(d.block(s.heading, lambda c: ast.header(2, c), emoji))
        blocks += d.items(s.competencies)
        blocks += [d.block(n, ast.para) for n in s.notes]
        if s.examples:
            label = ast.para([{"t": "Emph", "c": ast.text("For example")}])
            kind = _KIND.get(s.examples_label)
            tracked = tracked_blocks(kind, [label], **d.stamp(s.examples[0])) if kind else label
            blocks.append(ast.styled(ast.STYLE_EXAMPLES, [tracked, *d.items(s.examples)]))
    if lr.notes:
        blocks.append(ast.header(2, ast.text("Notes")))
        blocks += [d.block(n, ast.para) for n in lr.notes]
    if lr.commits:
        blocks.append(ast.header(2, ast.text("Commits")))
        rows = [[[ast.plain(ast.text(c.sha))], [ast.plain(ast.text(c.author))], [ast.plain(ast.text(c.date[:10]))],
                 [ast.plain(ast.text(f"#{c.pr}" if c.pr else ""))], [ast.plain(ast.text(c.subject))]]
                for c in lr.commits]
        blocks.append(_table(["Commit", "Author", "Date", "PR", "Subject"], rows, [0.11, 0.2, 0.14, 0.08, 0.47]))
    doc = ast.document({"date_long": head["date_long"], "ladder": redlines.ladder, "version": head["version"],
                        "short": head["short"], "date": head["date"]}, "", "", blocks)
    # The title is the body's first heading, where its own changes can be tracked; the dates are
    # in the paragraph under it.
    for key in ("title", "subtitle", "date"):
        doc["meta"].pop(key)
    return doc


def _table(head: list[str] | None, rows: list[list[ast.Blocks]], widths: list[float]) -> ast.Json:
    """A table whose cells hold blocks (tracked paragraphs), unlike pandoc_ast.table's inlines."""
    width = len(widths)
    specs = [[{"t": "AlignDefault"}, {"t": "ColWidth", "c": w}] for w in widths]

    def cell(blocks: ast.Blocks) -> list[Any]:
        return [["", [], []], {"t": "AlignDefault"}, 1, 1, blocks]

    def row(cells: list[ast.Blocks]) -> list[Any]:
        return [["", [], []], [cell(c) for c in cells + [[]] * (width - len(cells))]]

    header = [["", [], []], [row([[ast.plain([{"t": "Strong", "c": ast.text(h)}])] for h in head])] if head else []]
    body = [[["", [], []], 0, [], [row(r) for r in rows]]]
    return {"t": "Table", "c": [["", [], []], [None, []], specs, header, body, [["", [], []], []]]}
