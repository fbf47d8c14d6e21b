"""Maintainer script: rebuild the fonts shipped in this folder (not imported at run time).

The PDF must look the same on a fresh machine, so typst ignores system fonts and uses only its
embedded fonts plus the files here. They are subsets of Debian packages:

    apt-get install -y fonts-inter fonts-noto-color-emoji
    python src/ladder_docs/fonts/make_fonts.py

- Inter (SIL OFL 1.1, no Reserved Font Name): five static weights, Latin/Greek/Cyrillic and
  punctuation kept (Inter's other scripts fall back to typst's embedded Libertinus Serif),
  with the code points that have an emoji form removed, so those fall through to the emoji font.
- Noto Color Emoji (SIL OFL 1.1, no Reserved Font Name): every single-code-point emoji (about 1,470)
  as colour bitmaps; ZWJ sequences, skin-tone variants, flags and keycaps are dropped (they need
  GSUB and would triple the size), so a sequence renders as its component emoji.

fontTools subsetting is deterministic, so rerunning gives byte-identical files.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from fontTools import subset  # type: ignore[import-untyped]
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

HERE = Path(__file__).resolve().parent
INTER_DIR = Path("/usr/share/fonts/opentype/inter")
EMOJI_FILE = Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")
INTER_WEIGHTS = ("Regular", "Italic", "SemiBold", "Bold", "BoldItalic")
# Below this, code points the emoji font also covers (©, ™, ↔, ‼ …) are typography, not emoji.
EMOJI_FLOOR = 0x2300
INTER_FEATURES = ["kern", "liga", "calt", "ccmp", "locl", "mark", "mkmk", "tnum", "case"]


def _options(features: list[str]) -> subset.Options:
    opts = subset.Options()
    opts.layout_features = features
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    return opts


def _subset(source: Path, target: Path, unicodes: list[int], features: list[str]) -> None:
    # recalcTimestamp=False keeps head.modified from the source, so reruns are byte-identical.
    font = TTFont(source, recalcTimestamp=False)
    subsetter = subset.Subsetter(_options(features))
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    font.save(target)


def _in_inter_ranges(cp: int) -> bool:
    """Latin, IPA, Greek, Cyrillic, Latin Extended Additional, punctuation, symbols, ligatures."""
    return cp < 0x0530 or 0x1E00 <= cp < 0x2C00 or 0xFB00 <= cp < 0xFB07


def _emoji_code_points() -> list[int]:
    cmap = TTFont(EMOJI_FILE).getBestCmap()
    return sorted(cp for cp in cmap if cp >= 0x2000 and cp != 0x200D)


def _ofl_text(copyright_file: Path, holder: str) -> str:
    """The OFL text from a Debian copyright file, un-indented, with the holder line on top."""
    text = copyright_file.read_text(encoding="utf-8")
    # A Debian copyright file names the licence once per Files stanza; the text is the long one.
    bodies = re.findall(r"^License: +(?:OFL-1\.1|SIL-1\.1)\n(.*?)(?=^\S|\Z)", text, re.M | re.S)
    longest = max(bodies, key=len, default="")
    if not longest.strip():
        raise SystemExit(f"no OFL text in {copyright_file}")
    lines = [line[1:] if line.startswith(" ") else line for line in longest.splitlines()]
    body = "\n".join("" if line == "." else line for line in lines).strip()
    return f"{holder}\n\n{body}\n"


def main() -> int:
    """Write the subset fonts and their licence texts next to this script."""
    emoji = _emoji_code_points()
    _subset(EMOJI_FILE, HERE / "NotoColorEmoji-subset.ttf", emoji, [])
    emoji_set = {cp for cp in emoji if cp >= EMOJI_FLOOR}
    for weight in INTER_WEIGHTS:
        source = INTER_DIR / f"Inter-{weight}.otf"
        keep = [cp for cp in sorted(TTFont(source).getBestCmap()) if _in_inter_ranges(cp) and cp not in emoji_set]
        _subset(source, HERE / f"Inter-{weight}.otf", keep, INTER_FEATURES)
    (HERE / "OFL-Inter.txt").write_text(
        _ofl_text(
            Path("/usr/share/doc/fonts-inter/copyright"),
            "Copyright 2016-2022 The Inter Project Authors (https://github.com/rsms/inter)",
        ),
        encoding="utf-8",
    )
    (HERE / "OFL-NotoColorEmoji.txt").write_text(
        _ofl_text(
            Path("/usr/share/doc/fonts-noto-color-emoji/copyright"),
            "Copyright 2013-2017 Google Inc. (https://github.com/googlefonts/noto-emoji)",
        ),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
