"""What a build produces: one Job per artifact, with its context and its cache key.

A job's key hashes everything its bytes depend on: the full template context (which holds the
title block, the footer facts and the previous level), the page's place and anchors, the formats
built (pages link to their other formats), the templates, and the tool versions (ladder-docs'
own code and data, typst, pandoc). Same key, same bytes: the cache may skip the render.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from .context import Contexts
from .errors import UsageError
from .handbook_links import artifact_path
from .model import Ladder
from .templating import templates_digest

FORMATS = ("html", "pdf", "docx")  # canonical order: the index and pages list them so
CACHE_SCHEMA = 1


@dataclass(frozen=True)
class Job:
    """One artifact to produce."""

    path: str
    fmt: str
    kind: str  # level | track | ladder | index
    key: str | None  # level or track key
    template: str
    anchors: frozenset[str]
    source: str | None
    context: dict[str, Any] = field(compare=False, repr=False, hash=False)
    cache_key: str = ""

    @property
    def level(self) -> str | None:
        """The level key for the manifest (None for track, ladder and index)."""
        return self.key if self.kind == "level" else None


def parse_formats(formats: Collection[str]) -> tuple[str, ...]:
    """Validated formats in canonical order."""
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown or not formats:
        raise UsageError(f"unknown format {', '.join(unknown)!s}: choose from html, pdf, docx"
                         if unknown else "no output format chosen: choose from html, pdf, docx")
    return tuple(f for f in FORMATS if f in formats)


def _template(kind: str, fmt: str) -> str:
    return {"html": f"html/{kind}.html.j2", "pdf": f"typst/{kind}.typ.j2"}.get(fmt, f"docx:{kind}")


def plan(ladder: Ladder, contexts: Contexts, formats: tuple[str, ...]) -> list[Job]:
    """Every artifact of a build, sorted by path (paths are checked to stay in the out dir)."""
    jobs: list[Job] = []
    for track in ladder.tracks:
        levels = [contexts.level_data(lv) for lv in track.levels]
        tctx = contexts.track(track.key)
        t_anchors = frozenset({tctx["track"]["anchor"], *(lv["anchor"] for lv in levels),
                               *(d["anchor"] for d in tctx["track"]["overview"])})
        for fmt in formats:
            jobs.append(Job(artifact_path("track", track.key, fmt), fmt, "track", track.key,
                            _template("track", fmt), t_anchors, None, tctx))
        for lv, data in zip(track.levels, levels, strict=True):
            ctx = contexts.level(lv.key)
            for fmt in formats:
                jobs.append(Job(artifact_path("level", lv.key, fmt), fmt, "level", lv.key,
                                _template("level", fmt), frozenset({data["anchor"]}), lv.source.blob, ctx))
    whole = contexts.whole()
    w_anchors = frozenset(
        {d["anchor"] for d in whole["documents"]}
        | {t["anchor"] for t in whole["tracks"]}
        | {d["anchor"] for t in whole["tracks"] for d in t["overview"]}
        | {lv["anchor"] for t in whole["tracks"] for lv in t["levels"]})
    for fmt in formats:
        jobs.append(Job(artifact_path("ladder", None, fmt), fmt, "ladder", None, _template("ladder", fmt),
                        w_anchors, None, whole))
    jobs.append(Job("index.html", "html", "index", None, "html/index.html.j2", frozenset(), None,
                    {**contexts.index(), "formats": list(formats)}))
    seen: dict[str, Job] = {}
    for job in jobs:
        if job.path in seen:
            raise UsageError(f"two artifacts would be written to {job.path}: "
                             f"{seen[job.path].key or job.kind} and {job.key or job.kind}; rename one")
        seen[job.path] = job
    return sorted(jobs, key=lambda j: j.path)


def with_keys(jobs: list[Job], contexts: Contexts, formats: tuple[str, ...], templates: Path | None,
              options: dict[str, Any]) -> list[Job]:
    """The jobs with their cache keys filled in."""
    common = {"schema": CACHE_SCHEMA, "formats": formats, "templates": templates_digest(templates),
              "tools": tool_versions(), "options": options}
    prefix = json.dumps(common, sort_keys=True).encode()
    digests: dict[int, str] = {}
    out = []
    for job in jobs:
        ctx_digest = digests.get(id(job.context))
        if ctx_digest is None:
            ctx_digest = digests[id(job.context)] = contexts.fingerprint(job.context)
        h = hashlib.sha256(prefix)
        h.update(json.dumps([job.path, job.fmt, job.kind, job.key, job.template, sorted(job.anchors),
                             job.source, ctx_digest]).encode())
        out.append(Job(job.path, job.fmt, job.kind, job.key, job.template, job.anchors, job.source,
                       job.context, h.hexdigest()))
    return out


# The package files whose change can change an artifact's bytes (the model's own readers do not:
# their output is in the context). Any other module may change without invalidating the cache.
RENDERING_FILES = (
    "build.py", "build_plan.py", "context.py", "context_blocks.py", "diffmatch.py", "docx_book.py", "docx_split.py",
    "docx_style.py", "handbook_links.py", "inline.py", "level_changes.py", "pandoc_ast.py", "pandoc_engine.py",
    "pdf_assemble.py", "pdf_handbooks.py", "pdf_layout.py", "pdf_parts.py", "pdf_read.py", "pdf_sheets.py",
    "pdf_write.py", "render_docx.py", "render_html.py", "render_typst.py", "slug.py", "templating.py",
    "typst_engine.py", "worddiff.py", "filters", "fonts",
)


@cache
def tool_versions() -> dict[str, str]:
    """typst and pandoc package versions and a digest of ladder-docs' rendering code and data.

    A digest, not the version number, so an edited checkout (same version) never reuses stale
    output. Fonts count by name and size (they are large and never edited in place).
    """
    h = hashlib.sha256()
    root = resources.files("ladder_docs")
    for name in RENDERING_FILES:
        node = root.joinpath(name)
        files = _package_files(node, name + "/") if node.is_dir() else [(name, node.read_bytes())]
        for fname, data in sorted(files):
            h.update(f"{fname}\0{len(data)}\0".encode())
            h.update(data)
    return {"ladder-docs": h.hexdigest(), "typst": metadata.version("typst"),
            "pandoc": metadata.version("pypandoc-binary")}


def _package_files(root: Traversable, prefix: str = "") -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for node in root.iterdir():
        name = prefix + node.name
        if node.name == "__pycache__" or node.name.startswith("."):
            continue
        if node.is_dir():
            out.extend(_package_files(node, name + "/"))
        elif node.name.endswith((".ttf", ".otf")):
            out.append((name, str(Path(str(node)).stat().st_size).encode()))
        elif node.is_file():
            out.append((name, node.read_bytes()))
    return out
