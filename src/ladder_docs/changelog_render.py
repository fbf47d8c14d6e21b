"""Changelog renderers: JSON (the contract), Markdown (GitHub release notes), HTML (a styled page).

Deterministic: everything comes from commits (no wall clock), in the changelog's order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

from . import inline
from .changelog import Changelog, Section, no_cycle_collector
from .changeset import Change, CommitRef
from .model import Revision

_NOUN = {"competency": "competency", "example": "example", "attribute": "attribute",
         "dimension": "dimension", "summary": "summary", "document": "text"}
_VERB = {"added": "New", "removed": "Removed", "reworded": "Reworded", "changed": "Changed",
         "moved": "Moved", "formatting": "Formatting of", "renamed": "Renamed",
         "retitled": "Retitled"}


def _rev(rev: Revision | None) -> dict[str, str | None]:
    if rev is None:
        return {"rev": None, "sha": None, "date": None}
    return {"rev": rev.rev, "sha": rev.sha, "date": rev.date}


def commit_json(ref: CommitRef) -> dict[str, Any]:
    """A commit as the JSON contract spells it."""
    return {"sha": ref.sha, "author": ref.author, "date": ref.date, "subject": ref.subject,
            "pr": ref.pr}


def change_json(c: Change) -> dict[str, Any]:
    """One change as the JSON contract spells it."""
    return {
        "kind": c.kind, "severity": c.severity,
        "level": {"key": c.level.key, "path": c.level.path, "id": c.level.id,
                  "title": c.level.title},
        "dimension": c.dimension, "attribute": c.attribute, "before": c.before, "after": c.after,
        "words": [[op, text] for op, text in c.words],
        "commits": [commit_json(r) for r in c.commits],
    }


def section_json(s: Section) -> dict[str, Any]:
    """One range: from, to, suggested bump and changes."""
    return {"from": _rev(s.base), "to": _rev(s.head), "suggested_bump": s.bump,
            "changes": [change_json(c) for c in s.changes]}


def to_json(log: Changelog) -> dict[str, Any]:
    """The changelog as JSON data: one range object, or `{"revisions": [...]}`."""
    if log.per_revision:
        return {"revisions": [section_json(s) for s in log.sections]}
    return section_json(log.sections[0]) if log.sections else {"revisions": []}


def _dump(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _section_text(s: Section) -> str:
    head = {k: v for k, v in section_json(s).items() if k != "changes"}
    changes = ",\n".join(f"    {_dump(change_json(c))}" for c in s.changes)
    return (_dump(head)[:-1] + ', "changes": [' + (f"\n{changes}\n  " if changes else "") + "]}")


def render_json(log: Changelog) -> str:
    """The JSON document: the same data as `to_json`, one change per line (json's C encoder:
    an indented dump of a long history costs seconds)."""
    with no_cycle_collector():
        return _render_json(log)


def _render_json(log: Changelog) -> str:
    if log.per_revision or not log.sections:
        body = ",\n".join(f"  {_section_text(s)}" for s in log.sections)
        return '{"revisions": [' + (f"\n{body}\n" if body else "") + "]}\n"
    return _section_text(log.sections[0]) + "\n"


def headline(c: Change) -> str:
    """What happened, in words: `Reworded competency`, `Moved level`, `New attribute`."""
    family, _, what = c.kind.partition(".")
    if family == "level":
        return {"added": "New level", "removed": "Removed level", "moved": "Moved level",
                "retitled": "Retitled level", "formatting": "Formatting of the file"}[what]
    if family == "document" and what in ("added", "removed", "moved"):
        return f"{_VERB[what]} document"
    if c.kind == "document.changed" and (c.before is None or c.after is None):
        return "New text" if c.before is None else "Removed text"
    return f"{_VERB[what]} {_NOUN[family]}"


def where(c: Change) -> str:
    """Where in the level: `Domain Expertise`, `Teaching → Culture`, an attribute's name."""
    if c.attribute:
        return c.attribute
    if c.old_dimension and c.dimension and c.kind.endswith(".moved"):
        return f"{c.old_dimension} → {c.dimension}"
    return c.dimension or ""


def _short_date(ref: CommitRef) -> str:
    return ref.date[:10]


def commit_line(refs: Sequence[CommitRef]) -> str:
    """`08132d7 (Aashiq Durga, 2024-10-08, #76)`, comma-separated."""
    return ", ".join(f"{r.sha} ({md_escape(r.author)}, {_short_date(r)}{f', #{r.pr}' if r.pr else ''})"
                     for r in refs)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]()#!|~<>&])")
_MD_ENTITY = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_MD_WRAP = {"emph": "*", "strong": "**", "strike": "~~"}


def md_escape(text: str) -> str:
    """Plain text as Markdown that renders exactly that text: no markup, no HTML, no links."""
    return _MD_SPECIAL.sub(lambda m: _MD_ENTITY.get(m.group(1), "\\" + m.group(1)), " ".join(text.split("\n")))


def _md_nodes(nodes: list[inline.Node]) -> str:
    out: list[str] = []
    for n in nodes:
        t = n["t"]
        if t == "text":
            out.append(md_escape(n["v"]))
        elif t == "code":
            out.append(f"`{n['v'].replace('`', '')}`" if n["v"].strip("`") else "")
        elif t == "break":
            out.append(" ")
        elif t in _MD_WRAP:
            out.append(f"{_MD_WRAP[t]}{_md_nodes(n['c'])}{_MD_WRAP[t]}")
        elif t == "link":  # only http(s) and mailto survive inline.parse
            href = n["href"].replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
            out.append(f"[{_md_nodes(n['c'])}](<{href}>)")
        else:  # a link inline.parse would not keep: its text only
            out.append(_md_nodes(n.get("c", [])))
    return "".join(out)


def _md_text(text: str) -> str:
    # Ladder text is untrusted markdown: re-emit it through the safe inline parser, so raw HTML is
    # text, images are their alt text and only http(s)/mailto links stay live.
    return _md_nodes(inline.parse(text))


def _md_body(c: Change) -> str:
    if c.kind.startswith(("level.", "dimension.", "document.moved")) or (
            c.kind in ("document.added", "document.removed")):
        if c.before is not None and c.after is not None:
            return f"{_md_name(c, c.before)} → {_md_name(c, c.after)}"
        one = c.after if c.after is not None else c.before
        return _md_name(c, one) if one else ""
    if c.before is not None and c.after is not None and c.before != c.after:
        return "".join(md_escape(t) if op == "equal" else
                       f"<{'ins' if op == 'insert' else 'del'}>{md_escape(t)}"
                       f"</{'ins' if op == 'insert' else 'del'}>" for op, t in c.words)
    return _md_text(c.after if c.after is not None else c.before or "")


def _md_name(c: Change, text: str) -> str:
    if c.kind.endswith(".moved"):
        return f"`{text.replace('`', '')}`"
    return f"*{_md_text(text)}*"


def section_title(s: Section, escape: Callable[[str], str] = str) -> str:
    """`2024-12-09 · f6dbfa4 · subject` for a revision; `v1.2 (date) → v1.3 (date)` for a range."""
    if s.subject is not None:
        return f"{s.head.date[:10]} · {s.head.short} · {escape(s.subject)}"
    head = f"{s.head.tag or s.head.version} ({s.head.date[:10]})"
    if s.base is None:
        return f"Up to {head}"
    return f"{s.base.tag or s.base.version} ({s.base.date[:10]}) → {head}"


def render_markdown(log: Changelog) -> str:
    """GitHub-flavoured Markdown, ready to paste as release notes."""
    with no_cycle_collector():
        return _render_markdown(log)


def _render_markdown(log: Changelog) -> str:
    out = [f"# {md_escape(log.name)}: what changed", ""]
    if not any(s.changes for s in log.sections):
        out += ["No changes to the ladder.", ""]
    for s in log.sections:
        out += [f"## {section_title(s, md_escape)}", "",
                f"Suggested version bump: **{s.bump}** · {len(s.changes)} change"
                f"{'' if len(s.changes) == 1 else 's'}", ""]
        for (label, path), changes in groupby(s.changes, key=lambda c: (c.level.label, c.level.path)):
            out += [f"### {_md_text(label)}", "", f"`{path}`", ""]
            for c in changes:
                place = f" · {_md_text(where(c))}" if where(c) else ""
                body = _md_body(c)
                line = f"- **{headline(c)}**{place} *({c.severity})*" + (f": {body}" if body else "")
                if c.commits:
                    line += f" — {commit_line(c.commits)}"
                out.append(line)
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def html_context(log: Changelog) -> dict[str, Any]:
    """What templates/changelog.html.j2 sees: name and sections → levels → changes."""
    sections = []
    for s in log.sections:
        levels = []
        for (key, label, path), changes in groupby(
                s.changes, key=lambda c: (c.level.key, c.level.label, c.level.path)):
            levels.append({"key": key, "label": label, "path": path, "changes": [
                {"headline": headline(c), "where": where(c), "severity": c.severity,
                 "kind": c.kind, "before": c.before, "after": c.after,
                 "structural": c.kind.startswith(("level.", "dimension.")) or not c.words,
                 "words": [{"op": op, "text": t} for op, t in c.words],
                 "commits": [commit_json(r) for r in c.commits]} for c in changes]})
        sections.append({"title": section_title(s), "bump": s.bump, "count": len(s.changes),
                         "from": _rev(s.base), "to": _rev(s.head), "levels": levels})
    return {"name": log.name, "sections": sections, "per_revision": log.per_revision}


def render_html(log: Changelog, templates: Path | None = None) -> str:
    """A self-contained HTML page with word-level diffs (<ins>/<del>); autoescaped."""
    from .render_html import environment  # jinja2 only when HTML is asked for

    return environment(templates).get_template("changelog.html.j2").render(**html_context(log))
