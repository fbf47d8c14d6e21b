"""The whole-build shortcut: when every input equals the last build's, skip even the contexts.

The artifact cache (ladder_docs.build_cache) is keyed by each artifact's full template context;
computing those contexts (matching competencies across levels, hashing) is most of the work of a
rebuild with nothing changed. This memo keys the *whole* build by everything the contexts are
computed from (the ladder model, formats, templates, tool versions): when that key, the published
manifest and every published file's size still match the last successful build, the build is a
no-op and returns the remembered result.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import manifest
from .build_plan import CACHE_SCHEMA, tool_versions
from .model import Diagnostic, Ladder
from .templating import templates_digest

if TYPE_CHECKING:
    from .build import BuildResult

MEMO = "last-build.json"


def input_key(ladder: Ladder, formats: tuple[str, ...], templates: Path | None) -> str:
    """sha256 of everything a build's output is computed from."""
    h = hashlib.sha256()
    # The model is frozen dataclasses of strings, numbers and tuples: its repr is a faithful,
    # deterministic serialisation (and far cheaper than the contexts made from it).
    h.update(repr(ladder).encode())
    h.update(json.dumps([CACHE_SCHEMA, formats, templates_digest(templates), tool_versions()]).encode())
    return h.hexdigest()


def remember(state: Path, inputs: str, manifest_bytes: bytes, result: BuildResult) -> None:
    """Record a successful build's inputs and outcome."""
    memo = {
        "inputs": inputs,
        "manifest": hashlib.sha256(manifest_bytes).hexdigest(),
        "problems": [[d.path, d.line, d.severity, d.code, d.message] for d in result.problems],
    }
    fd, tmp = tempfile.mkstemp(dir=state, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(memo, fh)
    os.replace(tmp, state / MEMO)


def last_build(state: Path, out: Path, inputs: str) -> BuildResult | None:
    """The remembered result when `inputs` and the published tree are unchanged, else None."""
    from .build import BuildResult

    try:
        memo: dict[str, Any] = json.loads((state / MEMO).read_text(encoding="utf-8"))
        if memo.get("inputs") != inputs:
            return None
        data = (out / manifest.MANIFEST).read_bytes()
        if hashlib.sha256(data).hexdigest() != memo.get("manifest"):
            return None
        doc = json.loads(data)
        artifacts = tuple(manifest.Artifact(a["path"], a["sha256"], a["bytes"], a["format"], a["kind"],
                                            a["level"], a["source"]) for a in doc["artifacts"])
        if any((out / a.path).stat().st_size != a.bytes for a in artifacts):
            return None
        problems = tuple(Diagnostic(str(p), int(n), sev, str(c), str(m)) for p, n, sev, c, m in memo["problems"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no memo, or a damaged one: build normally
    return BuildResult(out, artifacts, (), problems, 0, len(artifacts), False)
