"""Reproducible zip archives: the same files give the same bytes, whoever zips them, wherever.

What would otherwise vary between two runs is pinned: entry order (sorted by name), timestamps
(one given instant, normally the release commit's date), permissions (0644 files, Unix "made by"),
compression (stored for formats that are compressed already, deflate at zlib's default level for the rest), and
no directory entries, comments or extra fields. Deflate output depends on the zlib version only.
"""

from __future__ import annotations

import os
import shutil
import stat
import zipfile
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from .errors import ArtifactError

# Formats that are already compressed: deflating them again costs time and saves nothing.
_STORED = frozenset({"pdf", "docx", "zip", "png", "jpg", "jpeg", "gif", "woff", "woff2"})
_UNIX = 3  # "version made by" host system: Unix, so external_attr carries the permissions
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest instant a zip entry can carry


def zip_time(timestamp: int) -> tuple[int, int, int, int, int, int]:
    """A unix timestamp as a zip entry date: UTC, to the even second below (the zip format's
    resolution), clamped to its 1980 epoch."""
    moment = datetime.fromtimestamp(timestamp, UTC)
    parts = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second // 2 * 2)
    return max(parts, _ZIP_EPOCH)


def _entry(name: str, when: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when)
    info.create_system = _UNIX
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    stored = name.rsplit(".", 1)[-1].lower() in _STORED
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    return info


def _check_name(name: str) -> str:
    parts = name.split("/")
    if not name or name.startswith("/") or any(p in ("", ".", "..") for p in parts) or "\\" in name:
        raise ArtifactError(f"refusing to zip {name!r}: not a safe relative path")
    return name


def write_zip(target: Path, files: Mapping[str, Path], *, timestamp: int) -> None:
    """Write `target` holding `files` (entry name → file on disk) reproducibly.

    Each file is streamed, so archive size is not bounded by memory."""
    when = zip_time(timestamp)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with zipfile.ZipFile(target, "w", strict_timestamps=False) as zf:
            for name in sorted(files):
                source = files[name]
                if not os.path.isfile(source) or os.path.islink(source):
                    raise ArtifactError(f"cannot zip {source}: not a regular file")
                with source.open("rb") as src, zf.open(_entry(_check_name(name), when), "w") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
    except OSError as exc:
        raise ArtifactError(f"cannot write {target}: {exc.strerror or exc}") from exc
