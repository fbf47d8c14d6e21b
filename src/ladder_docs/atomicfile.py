"""Write one file atomically: a temporary file beside it, fsync, rename over the target."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import ArtifactError


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step; the old file stays whole if anything fails."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ArtifactError(f"cannot write {path}: {exc.strerror or exc}") from exc


def atomic_write_text(path: Path, text: str) -> None:
    """atomic_write for UTF-8 text."""
    atomic_write(path, text.encode("utf-8"))
