"""Lint a ladder: structural consistency, links, encoding; diagnostics as text, JSON or GitHub."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence

from .linkcheck import is_relative, ladder_links, resolve
from .model import Diagnostic, Ladder, Track


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("*", "").replace("_", " ").split()).rstrip(".")


def _track_checks(track: Track) -> Iterable[Diagnostic]:
    full = [lv for lv in track.levels if not lv.is_pointer]
    names = Counter(n for lv in full for n in {_norm(d.name) for d in lv.dimensions})
    for lv in full:
        mine = {_norm(d.name) for d in lv.dimensions}
        others = len(full) - 1
        for name, count in sorted(names.items()):
            if name not in mine and others >= 2 and count * 2 > others:
                shown = next(d.name for o in full for d in o.dimensions if _norm(d.name) == name)
                yield Diagnostic(lv.path, lv.line, "warning", "missing-dimension",
                                 f"{lv.label} lacks dimension {shown!r} that {count} of the track's "
                                 f"other {others} levels have")
    with_attrs = [lv for lv in full if lv.attributes]
    if len(with_attrs) >= 2:
        common = Counter(tuple(sorted(_norm(k) for k, _ in lv.attributes)) for lv in with_attrs).most_common(1)[0][0]
        for lv in with_attrs:
            keys = {_norm(k) for k, _ in lv.attributes}
            missing, extra = sorted(set(common) - keys), sorted(keys - set(common))
            if missing or extra:
                parts = ([f"missing {', '.join(missing)}"] if missing else []) + (
                    [f"unexpected {', '.join(extra)}"] if extra else [])
                yield Diagnostic(lv.path, lv.line, "warning", "attribute-keys",
                                 f"{lv.label}: attribute keys differ from the rest of the track ({'; '.join(parts)})")


def _level_checks(ladder: Ladder) -> Iterable[Diagnostic]:
    for lv in ladder.levels:
        for dim in lv.dimensions:
            if not dim.competencies:
                yield Diagnostic(lv.path, dim.line, "warning", "empty-dimension",
                                 f"dimension {dim.name!r} of {lv.label} has no competencies")
            seen: dict[str, int] = {}
            for item in dim.competencies:
                key = _norm(item.flat)
                if key in seen:
                    yield Diagnostic(lv.path, item.line, "warning", "duplicate-competency",
                                     f"same competency as line {seen[key]}: {item.text[:80]}")
                else:
                    seen[key] = item.line
        if not lv.title:
            yield Diagnostic(lv.path, lv.line, "warning", "no-title", "level has no title")


def check(ladder: Ladder, files: Iterable[str]) -> list[Diagnostic]:
    """Every diagnostic for a ladder; `files` are all paths of the revision (for link targets)."""
    existing = set(files)
    dirs = {p.rsplit("/", i)[0] for p in existing for i in range(1, p.count("/") + 1)}
    out = list(ladder.diagnostics)
    for t in ladder.tracks:
        out.extend(_track_checks(t))
    out.extend(_level_checks(ladder))
    for link in ladder_links(ladder):
        if not is_relative(link.url):
            continue
        target = resolve(link.path, link.url)
        if target is None:
            out.append(Diagnostic(link.path, link.line, "error", "link-outside",
                                  f"link leaves the repository: {link.url}"))
        elif target and target not in existing and target not in dirs:
            out.append(Diagnostic(link.path, link.line, "warning", "broken-link",
                                  f"link target does not exist: {link.url}"))
    return sorted(set(out))


def failed(diags: Sequence[Diagnostic], strict: bool) -> bool:
    """Exit status rule: errors fail; warnings too when strict."""
    bad = {"error", "warning"} if strict else {"error"}
    return any(d.severity in bad for d in diags)


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def format_diagnostics(diags: Sequence[Diagnostic], fmt: str) -> str:
    """Render diagnostics as `text`, `json` or `github` workflow commands."""
    if fmt == "json":
        return json.dumps([{"path": d.path, "line": d.line, "severity": d.severity, "code": d.code,
                            "message": d.message} for d in diags], indent=2, ensure_ascii=False)
    if fmt == "github":
        lines = []
        for d in diags:
            level = {"error": "error", "warning": "warning"}.get(d.severity, "notice")
            where = f"file={_gh_escape(d.path, True)}" + (f",line={d.line}" if d.line else "")
            lines.append(f"::{level} {where},title={_gh_escape(d.code, True)}::{_gh_escape(d.message)}")
        return "\n".join(lines)
    return "\n".join(str(d) for d in diags)
