"""typst CPU of a corpus build's PDF documents with the shipped fonts vs a previous font set.

The typst sources are the ones `build()` of the corpus at HEAD (pdf only) compiles, captured at
`typst.compile_with_warnings`. Each round compiles every source once per font set, each set in a
fresh Python process with RAYON_NUM_THREADS=1: typst memoizes across compiles in one process, so a
repeat would measure its memory, not the work. The sets alternate, first one way then the other.
The previous set is the font files of git revision PREVIOUS (before the Inter `ccmp` pruning of
make_fonts.py), read with `git show` into a temporary directory, never into the package.

Run: python benchmarks/bench_fonts.py [BUNDLE] [--rounds N] [--previous REV]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typst

from ladder_docs.build import build
from ladder_docs.reader import read_ladder
from ladder_docs.source import Repository
from ladder_docs.typst_engine import fonts_dir, handbook_preamble

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT.parent / "shared" / "corpora" / "octopus-people.bundle"
# The commit that shipped the fonts with every Inter `ccmp` ligature (1e5c216).
PREVIOUS = "1e5c216be2e5fe65d767ad6c3c369d030653614f"
FONT_SUFFIXES = (".otf", ".ttf")


def cpu() -> float:
    """CPU seconds of this process: contention-proof, unlike wall time."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    return me.ru_utime + me.ru_stime


def capture_sources(repo: Path, out: Path) -> list[dict[str, Any]]:
    """The typst sources (markup, sys_inputs, timestamp) a pdf build of `repo` compiles, in call order."""
    seen: list[dict[str, Any]] = []
    real: Callable[..., Any] = typst.compile_with_warnings

    def record(input: str, **kwargs: Any) -> Any:
        seen.append(
            {
                "markup": Path(input).read_text(encoding="utf-8"),
                "sys_inputs": dict(kwargs.get("sys_inputs") or {}),
                "timestamp": kwargs.get("timestamp"),
            }
        )
        return real(input, **kwargs)

    setattr(typst, "compile_with_warnings", record)  # noqa: B010 (mypy: the real one is overloaded)
    try:
        build(read_ladder(Repository.open(repo), "HEAD"), out, formats={"pdf"})
    finally:
        setattr(typst, "compile_with_warnings", real)  # noqa: B010
    return seen


def previous_fonts(rev: str, target: Path) -> list[str]:
    """Write the font files of `rev` (src/ladder_docs/fonts/) into `target`; return their names."""
    folder = "src/ladder_docs/fonts/"
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-tree", "--name-only", rev, folder],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    names = sorted(Path(p).name for p in listed if p.endswith(FONT_SUFFIXES))
    for name in names:
        blob = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{rev}:{folder}{name}"], check=True, capture_output=True
        )
        (target / name).write_bytes(blob.stdout)
    return names


def child(font_dir: Path, sources_file: Path) -> None:
    """Compile every source once with the fonts of `font_dir`; print CPU seconds and PDF bytes as JSON."""
    sources = json.loads(sources_file.read_text(encoding="utf-8"))
    book = typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=[str(font_dir)])
    with tempfile.TemporaryDirectory(prefix="bench-fonts-") as tmp:
        main = Path(tmp) / "main.typ"

        def compile_one(markup: str, sys_inputs: dict[str, str], timestamp: int | None) -> int:
            main.write_text(markup, encoding="utf-8")
            pdf = typst.compile(
                str(main),
                root=tmp,
                font_paths=book,
                ignore_system_fonts=True,
                format="pdf",
                sys_inputs=sys_inputs,
                timestamp=timestamp,
            )
            return len(pdf) if isinstance(pdf, bytes) else 0

        # typst loads the fonts it uses on the first compile, as in a build's first document.
        compile_one(handbook_preamble() + "#show: ld-handbook.with(footer: none)\nWarm *up* _fonts_ 🦉 é", {}, 0)
        start = cpu()
        size = sum(compile_one(s["markup"], s["sys_inputs"], s["timestamp"]) for s in sources)
        print(json.dumps({"cpu": cpu() - start, "bytes": size}))


def measure(font_dir: Path, sources_file: Path) -> dict[str, float]:
    """One fresh process compiling all sources with `font_dir`."""
    env = {**os.environ, "RAYON_NUM_THREADS": "1"}
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(font_dir), str(sources_file)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=BUNDLE)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--previous", default=PREVIOUS, help="git revision of the font set to compare with")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory(prefix="bench-fonts-") as tmp:
        work = Path(tmp)
        repo = work / "corpus"
        subprocess.run(["git", "clone", "-q", str(args.bundle), str(repo)], check=True)
        sources = capture_sources(repo, work / "dist")
        sources_file = work / "sources.json"
        sources_file.write_text(json.dumps(sources), encoding="utf-8")
        old = work / "previous"
        old.mkdir()
        names = previous_fonts(args.previous, old)
        sets = {"previous": old, "shipped": fonts_dir()}
        print(f"{len(sources)} typst documents; previous = {args.previous[:7]} ({', '.join(names)})")
        times: dict[str, list[float]] = {name: [] for name in sets}
        for r in range(args.rounds):
            order = list(sets) if r % 2 == 0 else list(reversed(sets))
            got = {name: measure(sets[name], sources_file) for name in order}
            for name in sets:
                times[name].append(got[name]["cpu"])
            print(
                f"round {r + 1}: "
                + ", ".join(
                    f"{name} {got[name]['cpu']:.3f}s CPU ({got[name]['bytes'] / 1e6:.2f} MB PDF)" for name in sets
                )
            )
        old_cpu, new_cpu = (statistics.median(times[name]) for name in sets)
        print(
            f"median typst CPU: previous {old_cpu:.3f}s, shipped {new_cpu:.3f}s "
            f"({(new_cpu - old_cpu) / old_cpu:+.1%}); best of {args.rounds}: "
            f"{min(times['previous']):.3f}s vs {min(times['shipped']):.3f}s"
        )


if __name__ == "__main__":
    main()
