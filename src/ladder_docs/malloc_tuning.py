"""Let glibc's malloc keep memory for the process (the CLI calls `tune_malloc` first).

typst allocates on its threads from glibc arenas that grow and shrink by mprotect(2): ~12,600 calls
in a corpus build, a tenth of its CPU spent in the kernel. With a 64 MB top pad (arenas made after
the call start that large) and a 256 MB trim threshold, ~100. Other C libraries, and arenas made
before the call, keep their ways. A short-lived process gives the memory back when it exits.
"""

from __future__ import annotations

import ctypes
import functools

_M_TRIM_THRESHOLD, _M_TOP_PAD = -1, -2  # mallopt(3) parameters


@functools.cache
def tune_malloc() -> bool:
    """Set glibc's top pad and trim threshold once; False where there is no mallopt(3)."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(_M_TOP_PAD, 64 << 20)) and bool(mallopt(_M_TRIM_THRESHOLD, 256 << 20))
