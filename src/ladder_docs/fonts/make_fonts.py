"""Maintainer script: rebuild the fonts shipped in this folder (not imported at run time).

The PDF must look the same on a fresh machine, so typst ignores system fonts and uses only its
embedded fonts plus the files here. They are subsets of Debian packages:

    apt-get install -y fonts-inter fonts-noto-color-emoji
    python src/ladder_docs/fonts/make_fonts.py

- Inter (SIL OFL 1.1, no Reserved Font Name): five static weights, Latin/Greek/Cyrillic and
  punctuation kept (Inter's other scripts fall back to typst's embedded Libertinus Serif),
  with the code points that have an emoji form removed, so those fall through to the emoji font.
  Its `ccmp` ligatures that only spell a Unicode canonical composition (A + U+0301 -> Á, 402 of
  them) are dropped: the shaper (rustybuzz, like HarfBuzz) already composes such sequences through
  the cmap before `ccmp` runs, so they never change the output, yet every letter of every run was
  tested against them: about 10% of typst's CPU for a handbook (benchmarks/bench_fonts.py). The
  other `ccmp` rules stay (dotless i/j under marks, enclosed keycaps such as 1 + U+20DD -> ①).
- Noto Color Emoji (SIL OFL 1.1, no Reserved Font Name): every single-code-point emoji (about 1,470)
  as colour bitmaps; ZWJ sequences, skin-tone variants, flags and keycaps are dropped (they need
  GSUB and would triple the size), so a sequence renders as its component emoji.

fontTools subsetting is deterministic, so rerunning gives byte-identical files.
"""

from __future__ import annotations

import re
import sys
import unicodedata
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


def _subset(font: TTFont, target: Path, unicodes: list[int], features: list[str]) -> None:
    subsetter = subset.Subsetter(_options(features))
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    font.save(target)


def _is_canonical(inputs: tuple[str, ...], output: str, code_points: dict[str, int]) -> bool:
    """Whether glyph `output` is the NFC composition of the `inputs` glyphs' characters."""
    if output not in code_points or any(g not in code_points for g in inputs):
        return False
    composed = unicodedata.normalize("NFC", "".join(chr(code_points[g]) for g in inputs))
    return composed == chr(code_points[output])


def _drop_canonical_compositions(font: TTFont) -> int:
    """Remove the `ccmp` ligatures whose glyph is the canonical composition of their input; return how many.

    The shaper normalises first: a base letter + combining marks whose composition the cmap maps is
    already one glyph when `ccmp` runs, so these ligatures never fire; they only cost a test per letter.
    """
    gsub = font["GSUB"].table
    glyph_code_point: dict[str, int] = {}
    for cp, glyph in sorted(font.getBestCmap().items()):
        glyph_code_point.setdefault(glyph, cp)
    ccmp = {
        i
        for record in gsub.FeatureList.FeatureRecord
        if record.FeatureTag == "ccmp"
        for i in record.Feature.LookupListIndex
    }
    dropped = 0
    for index in sorted(ccmp):
        lookup = gsub.LookupList.Lookup[index]
        tables = [t.ExtSubTable if lookup.LookupType == 7 else t for t in lookup.SubTable]
        for table in (t for t in tables if t.LookupType == 4):  # ligature substitution
            for first in list(table.ligatures):
                kept = []
                for ligature in table.ligatures[first]:
                    if not _is_canonical((first, *ligature.Component), ligature.LigGlyph, glyph_code_point):
                        kept.append(ligature)
                dropped += len(table.ligatures[first]) - len(kept)
                if kept:
                    table.ligatures[first] = kept
                else:
                    del table.ligatures[first]
    return dropped


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
    # recalcTimestamp=False keeps head.modified from the source, so reruns are byte-identical.
    _subset(TTFont(EMOJI_FILE, recalcTimestamp=False), HERE / "NotoColorEmoji-subset.ttf", emoji, [])
    emoji_set = {cp for cp in emoji if cp >= EMOJI_FLOOR}
    for weight in INTER_WEIGHTS:
        font = TTFont(INTER_DIR / f"Inter-{weight}.otf", recalcTimestamp=False)
        keep = [cp for cp in sorted(font.getBestCmap()) if _in_inter_ranges(cp) and cp not in emoji_set]
        print(f"Inter-{weight}: {_drop_canonical_compositions(font)} canonical-composition ccmp ligatures dropped")
        _subset(font, HERE / f"Inter-{weight}.otf", keep, INTER_FEATURES)
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
