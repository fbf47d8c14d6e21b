"""`show`: the model as text or as the JSON contract other tools read."""

from __future__ import annotations

import json
from typing import Any

from .model import Ladder, Level, Revision, Track


def revision_json(rev: Revision) -> dict[str, Any]:
    """The `revision` object of the JSON contracts."""
    return {"rev": rev.rev, "sha": rev.sha, "date": rev.date, "dirty": rev.dirty}


def level_json(lv: Level) -> dict[str, Any]:
    """One level as the `show` contract spells it."""
    return {
        "key": lv.key,
        "id": lv.id,
        "rank": list(lv.rank),
        "title": lv.title,
        "path": lv.path,
        "summary": lv.summary,
        "attributes": dict(lv.attributes),
        "dimensions": [
            {"name": d.name, "competencies": [i.flat for i in d.competencies],
             "examples": [i.flat for i in d.examples]}
            for d in lv.dimensions
        ],
    }


def track_json(t: Track) -> dict[str, Any]:
    """One track with its levels in rank order."""
    return {"key": t.key, "name": t.name, "path": t.path, "levels": [level_json(lv) for lv in t.levels]}


def ladder_json(ladder: Ladder) -> dict[str, Any]:
    """The whole `show --format json` document."""
    return {"revision": revision_json(ladder.revision), "tracks": [track_json(t) for t in ladder.tracks]}


def dumps(data: Any) -> str:
    """Stable, readable JSON (UTF-8 kept, keys in contract order)."""
    return json.dumps(data, indent=2, ensure_ascii=False)


def level_text(lv: Level) -> str:
    """A level in full, as plain text."""
    out = [f"{lv.label}  [{lv.key}]  {lv.path}:{lv.line}"]
    if lv.summary:
        out.append(f"  > {lv.summary}")
    out.extend(f"  {k}: {v}" for k, v in lv.attributes)
    for b in lv.notes:
        out.append(f"  {b.text}")
    for d in lv.dimensions:
        out.append(f"  {(d.emoji + ' ') if d.emoji else ''}{d.name}")
        out.extend(f"    - {i.flat}" for i in d.competencies)
        if d.examples:
            out.append("    Examples:")
            out.extend(f"    - {i.flat}" for i in d.examples)
    return "\n".join(out)


def ladder_text(ladder: Ladder) -> str:
    """An outline of the ladder: tracks, levels, counts."""
    r = ladder.revision
    out = [f"{ladder.name} @ {r.version} ({r.date[:10]})"]
    for t in ladder.tracks:
        out.append(f"{t.name}  [{t.key}]  {t.path or '.'}  ({len(t.levels)} levels)")
        for lv in t.levels:
            comps = sum(len(d.competencies) for d in lv.dimensions)
            shape = f"{len(lv.dimensions)} dimensions, {comps} competencies" if lv.dimensions else "pointer"
            out.append(f"  {lv.label:<48} {lv.key}  ({shape})")
    if ladder.documents:
        out.append("Documents: " + ", ".join(d.path for d in ladder.documents))
    return "\n".join(out)
