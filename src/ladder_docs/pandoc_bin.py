"""Which pandoc runs: the one bundled with pypandoc-binary, never whatever is on PATH."""

from __future__ import annotations

import os
from pathlib import Path

import pypandoc


def pandoc_path() -> str:
    """The pandoc executable bundled with pypandoc-binary (or PYPANDOC_PANDOC when set).

    pypandoc's own lookup prefers the newest pandoc anywhere on PATH, so a system pandoc would
    silently replace the bundled one (and the build cache, keyed by the bundled version, would
    not know)."""
    chosen = os.environ.get("PYPANDOC_PANDOC")
    if chosen:
        return chosen
    bundled = Path(pypandoc.__file__).parent / "files" / "pandoc"
    return str(bundled) if bundled.is_file() else str(pypandoc.get_pandoc_path())
