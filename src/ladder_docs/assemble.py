"""Parsed files → tracks and levels with keys and ranks (pure)."""

from __future__ import annotations

import fnmatch
import posixpath
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from .config import Config, TrackRule
from .model import Diagnostic, Document, Ladder, Level, Revision, Track
from .parse import ParsedFile
from .slug import path_key, slugify

_SENIORITY = re.compile(
    r"\b(?:technical lead|tech lead|junior|senior|lead|principal|staff|graduate|associate|"
    r"intermediate|entry[- ]level|head of|chief)\b",
    re.I,
)
_ID = re.compile(r"^L(\d+)(?:\.(\d+))?$")
PLACEHOLDER = Revision("", "", "1970-01-01T00:00:00+00:00", False, "")


def title_stem(title: str) -> str:
    """`Senior Support Manager` → `Support Manager` (seniority words dropped)."""
    stem = re.sub(r"\s+", " ", _SENIORITY.sub(" ", title)).strip(" -–—,/")
    return stem or title


def rank(ident: str | None, order: int) -> tuple[int, int, int]:
    """Sortable rank: `L1.0` < `L1` (= `L1.1`) < `L1.2` < `L2`; no id: file order."""
    m = _ID.match(ident or "")
    if not m:
        return (0, 0, order)
    return (int(m.group(1)), int(m.group(2)) if m.group(2) is not None else 1, 0)


def _rel(path: str, root: str) -> str:
    return path[len(root) + 1 :] if root and path.startswith(root + "/") else path


def _stem(path: str) -> str:
    base = posixpath.basename(path)
    return base[:-3] if base.lower().endswith(".md") else base


def _rule_for(rel: str, rules: Sequence[TrackRule]) -> TrackRule | None:
    return next((r for r in rules if any(fnmatch.fnmatchcase(rel, g) for g in r.levels)), None)


def _group(files: Sequence[ParsedFile], root: str, config: Config) -> dict[tuple[str, str], list[Level]]:
    """Levels grouped by (track key, track name) before ranking."""
    folders: dict[str, list[Level]] = defaultdict(list)
    groups: dict[tuple[str, str], list[Level]] = defaultdict(list)
    for pf in files:
        rel = _rel(pf.path, root)
        folder = posixpath.dirname(rel)
        for i, lv in enumerate(pf.levels):
            # A level file is named by its file; a role of a several-roles file by its title.
            slug = slugify(lv.title) if pf.roles else slugify(_stem(rel))
            lv = replace(lv, slug=slug or "level", rank=rank(lv.id, i))
            rule = _rule_for(rel, config.tracks)
            if rule is not None:
                groups[(rule.key, rule.name or rule.key)].append(lv)
            elif pf.roles:
                key = path_key(posixpath.join(folder, _stem(rel)))
                name = pf.document.title if pf.document is not None else _stem(rel).replace("-", " ")
                groups[(key, _track_name(name))].append(lv)
            else:
                folders[folder].append(lv)
    for folder, levels in folders.items():
        ids = [lv.id for lv in levels if lv.id]
        if folder and len(ids) == len(set(ids)):
            groups[(path_key(folder), posixpath.basename(folder).replace("-", " "))].extend(levels)
            continue
        for lv in levels:  # split by title stem (always at the root: its files are unrelated)
            stem = title_stem(lv.title)
            groups[(path_key(f"{folder} {stem}"), stem)].append(lv)
    return groups


def _track_name(title: str) -> str:
    return re.sub(r"\s+Roles?$", "", title).strip() or title


def assemble(files: Sequence[ParsedFile], root: str, config: Config) -> Ladder:
    """Build tracks from parsed files: keys, ranks, overview documents, duplicate-key diagnostics."""
    diags: list[Diagnostic] = []
    tracks: list[Track] = []
    by_folder: dict[str, list[str]] = defaultdict(list)
    for (key, name), levels in sorted(_group(files, root, config).items()):
        levels.sort(key=lambda lv: (lv.rank, lv.source.path, lv.line))
        seen: dict[str, int] = {}
        keyed = []
        for lv in levels:
            n = seen[lv.slug] = seen.get(lv.slug, 0) + 1
            slug = lv.slug if n == 1 else f"{lv.slug}-{n}"
            if n > 1:
                diags.append(Diagnostic(lv.path, lv.line, "warning", "duplicate-key",
                                        f"two levels in track {key!r} are both {lv.slug!r}; this one is {slug!r}"))
            keyed.append(replace(lv, slug=slug, key=f"{key}/{slug}", track=key))
        paths = {lv.path for lv in levels}
        folder = posixpath.dirname(_rel(levels[0].path, root))
        # A track of several roles in one file is that file; otherwise its folder.
        only = _rel(next(iter(paths)), root)
        roles_file = len(paths) == 1 and key == path_key(only[:-3] if only.lower().endswith(".md") else only)
        where = next(iter(paths)) if roles_file else posixpath.join(root, folder)
        tracks.append(Track(key, name, where.strip("/"), tuple(keyed)))
        if folder:
            by_folder[folder].append(key)
    ladder_docs: list[Document] = []
    overviews: dict[str, list[Document]] = defaultdict(list)
    for pf in files:
        if pf.document is None:
            continue
        rel = _rel(pf.path, root)
        owners = [t.key for t in tracks if any(lv.path == pf.path for lv in t.levels)]
        if not owners and _stem(rel).upper().startswith("README"):
            owners = by_folder.get(posixpath.dirname(rel), [])
        doc = replace(pf.document, key=path_key(rel[:-3] if rel.lower().endswith(".md") else rel))
        if owners:
            for k in owners:
                overviews[k].append(replace(doc, track=k))
        else:
            ladder_docs.append(doc)
    tracks = [replace(t, overview=tuple(sorted(overviews[t.key], key=lambda d: d.path))) for t in tracks]
    return Ladder(config.name, root, PLACEHOLDER, tuple(tracks),
                  tuple(sorted(ladder_docs, key=lambda d: d.path)), tuple(diags))
