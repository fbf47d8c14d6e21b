"""Manifests: `manifest.json` + `SHA256SUMS` describing every file of an output directory, and verify."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UsageError

MANIFEST, SUMS = "manifest.json", "SHA256SUMS"
# Files a manifest never lists: the manifest itself, its checksum list, and build bookkeeping.
UNLISTED = frozenset({MANIFEST, SUMS})
BOOKKEEPING_PREFIXES = (".ladder-docs",)


@dataclass(frozen=True)
class Artifact:
    """One listed file."""

    path: str
    sha256: str
    bytes: int
    format: str
    kind: str
    level: str | None = None
    source: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The manifest entry, in contract key order."""
        return {"path": self.path, "sha256": self.sha256, "bytes": self.bytes, "format": self.format,
                "kind": self.kind, "level": self.level, "source": self.source}


def artifact(path: str, data: bytes, kind: str, *, level: str | None = None, source: str | None = None,
             fmt: str | None = None) -> Artifact:
    """An Artifact for `data` stored at `path` (format from the extension unless given)."""
    ext = fmt or (path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else "")
    return Artifact(path, hashlib.sha256(data).hexdigest(), len(data), ext, kind, level, source)


def manifest_json(
    head: Mapping[str, Any], artifacts: Iterable[Artifact], extra: Mapping[str, Any] | None = None
) -> bytes:
    """`manifest.json` bytes: head fields, then artifacts sorted by path (deterministic)."""
    doc: dict[str, Any] = dict(head)
    doc["artifacts"] = [a.as_json() for a in sorted(artifacts, key=lambda a: a.path)]
    if extra:
        doc.update(extra)
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def sha256sums(artifacts: Iterable[Artifact]) -> bytes:
    """`SHA256SUMS` in the format `sha256sum -c` reads (two spaces; binary-safe names only)."""
    return "".join(f"{a.sha256}  {a.path}\n" for a in sorted(artifacts, key=lambda a: a.path)).encode("utf-8")


def _listed(root: Path) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(BOOKKEEPING_PREFIXES))
        for name in filenames:
            full = Path(dirpath) / name
            rel = full.relative_to(root).as_posix()
            if rel not in UNLISTED and not name.startswith(BOOKKEEPING_PREFIXES):
                found[rel] = full
    return found


def verify(directory: Path) -> list[str]:
    """Problems found by recomputing a directory's manifest: missing, extra and altered files."""
    mpath = directory / MANIFEST
    if not mpath.is_file():
        raise UsageError(f"{directory}: no {MANIFEST} (is this a build or release directory?)")
    try:
        doc = json.loads(mpath.read_text(encoding="utf-8"))
        entries = {e["path"]: e for e in doc["artifacts"]}
    except (ValueError, KeyError, TypeError) as exc:
        raise UsageError(f"{mpath}: not a ladder-docs manifest ({exc})") from exc
    problems: list[str] = []
    on_disk = _listed(directory)
    for rel, entry in sorted(entries.items()):
        if entry.get("status") == "failed":
            continue
        full = on_disk.get(rel)
        if full is None:
            problems.append(f"missing: {rel}")
            continue
        data = full.read_bytes()
        if len(data) != entry.get("bytes") or hashlib.sha256(data).hexdigest() != entry.get("sha256"):
            problems.append(f"altered: {rel}")
    problems.extend(f"extra: {rel}" for rel in sorted(set(on_disk) - set(entries)))
    sums = directory / SUMS
    if sums.is_file():
        want = sha256sums(Artifact(p, e["sha256"], e["bytes"], e["format"], e["kind"])
                          for p, e in entries.items() if e.get("status") != "failed")
        if sums.read_bytes() != want:
            problems.append(f"altered: {SUMS} (does not match {MANIFEST})")
    return problems
