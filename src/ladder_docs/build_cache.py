"""The incremental build cache, stored beside the output in its state directory.

`objects/<sha256>` holds rendered bytes by content; `index.json` maps a job's cache key to the
object's sha256 and size, so a rebuild with nothing changed knows every artifact's hash without
reading or rendering anything. Writes go to a temporary name and are renamed into place, so a
killed build leaves at worst an unused temporary file. Callers hold the build lock.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import ArtifactError

# Entries unused for this many builds are forgotten (switching between a few revisions still hits).
KEEP_GENERATIONS = 3


@dataclass(frozen=True)
class Entry:
    """A cached artifact: its object's sha256 and size."""

    sha256: str
    size: int


class BuildCache:
    """Cache keys → objects, with generation-based pruning."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.objects = root / "objects"
        self.index_path = root / "index.json"
        self.generation = 0
        self.entries: dict[str, tuple[str, int, int]] = {}  # key → (sha256, size, last generation)
        self._load()
        self.generation += 1

    def _load(self) -> None:
        try:
            data = json.loads(self.index_path.read_text(encoding="utf-8"))
            self.generation = int(data["generation"])
            self.entries = {k: (str(v[0]), int(v[1]), int(v[2])) for k, v in data["entries"].items()}
        except FileNotFoundError:
            return
        except (ValueError, KeyError, TypeError, IndexError):
            # A damaged index only costs a full render; the objects are still content-addressed.
            self.generation, self.entries = 0, {}

    def lookup(self, key: str) -> Entry | None:
        """The cached artifact for `key`, when its object is present with the right size."""
        found = self.entries.get(key)
        if found is None:
            return None
        sha, size, _gen = found
        try:
            if (self.objects / sha).stat().st_size != size:
                return None
        except FileNotFoundError:
            return None
        self.entries[key] = (sha, size, self.generation)
        return Entry(sha, size)

    def holds(self, prefix: str) -> bool:
        """Whether any key starting with `prefix` is cached (its object may still be missing)."""
        return any(key.startswith(prefix) for key in self.entries)

    def path(self, entry: Entry) -> Path:
        """Where an entry's bytes are."""
        return self.objects / entry.sha256

    def read(self, entry: Entry) -> bytes:
        """An entry's bytes, checked against its hash (a damaged object is an error, not output)."""
        data = self.path(entry).read_bytes()
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            raise ArtifactError(f"build cache object {entry.sha256[:12]} is damaged: delete {self.root}")
        return data

    def store(self, key: str, data: bytes) -> Entry:
        """Store rendered bytes under `key`."""
        sha = hashlib.sha256(data).hexdigest()
        target = self.objects / sha
        if not target.exists():
            self.objects.mkdir(parents=True, exist_ok=True)
            _atomic_write(target, data)
        self.entries[key] = (sha, len(data), self.generation)
        return Entry(sha, len(data))

    def save(self) -> None:
        """Write the index, forgetting old entries and deleting objects nobody refers to."""
        keep = {k: v for k, v in self.entries.items() if v[2] > self.generation - KEEP_GENERATIONS}
        self.root.mkdir(parents=True, exist_ok=True)
        payload = {"generation": self.generation, "entries": {k: list(v) for k, v in sorted(keep.items())}}
        _atomic_write(self.index_path, json.dumps(payload).encode())
        live = {v[0] for v in keep.values()}
        if self.objects.is_dir():
            for obj in self.objects.iterdir():
                if obj.name not in live:
                    obj.unlink(missing_ok=True)


def _atomic_write(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
