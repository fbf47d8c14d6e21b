"""`ladder-docs build` of the corpus vs the naive way, side by side in one process; prints the ratio.

Naive (issue 3's baseline), over the corpus's level files at HEAD (no track or ladder handbooks):
for each file, one `pandoc` process per format (HTML, DOCX, typst), serially, then
`typst.compile` of pandoc's typst output.
Ours: `build()` of the whole corpus at HEAD (reading the ladder included) in html, pdf and docx,
WITH its track and ladder handbooks, into a fresh output directory (cold cache).
Then a rebuild with nothing changed (target: < 3% of the full build).

Targets: ours >= 8x faster than naive; no-change rebuild < 3% of a full build.
Run: python benchmarks/bench_build.py [BUNDLE] [--rounds N]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import typst

from ladder_docs.build import build
from ladder_docs.pandoc_engine import pandoc_path
from ladder_docs.reader import read_ladder
from ladder_docs.source import Repository

BUNDLE = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "octopus-people.bundle"
FORMATS = {"html", "pdf", "docx"}


def cpu() -> float:
    """CPU seconds of this process and its finished children (pandoc): contention-proof."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def naive(repo: Path, files: list[str], work: Path) -> float:
    start = time.perf_counter()
    for i, name in enumerate(files):
        src = repo / name
        for fmt, ext in (("html", "html"), ("docx", "docx"), ("typst", "typ")):
            subprocess.run([pandoc_path(), str(src), "-f", "gfm", "-t", fmt, "-s", "-o", str(work / f"{i}.{ext}")],
                           check=True, capture_output=True)
        typst.compile(str(work / f"{i}.typ"), output=str(work / f"{i}.pdf"))
    return time.perf_counter() - start


def ours(repo: Path, out: Path) -> tuple[float, int]:
    start = time.perf_counter()
    result = build(read_ladder(Repository.open(repo), "HEAD"), out, formats=FORMATS)
    return time.perf_counter() - start, len(result.artifacts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=BUNDLE)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        work = Path(tmp)
        repo = work / "corpus"
        subprocess.run(["git", "clone", "-q", str(args.bundle), str(repo)], check=True)
        ladder = read_ladder(Repository.open(repo), "HEAD")
        files = sorted({lv.path for lv in ladder.levels})
        naive_times, our_times, rebuild_times, naive_cpu, our_cpu = [], [], [], [], []
        for r in range(args.rounds):
            scratch = work / f"naive-{r}"
            scratch.mkdir()
            c = cpu()
            naive_times.append(naive(repo, files, scratch))
            naive_cpu.append(cpu() - c)
            c = cpu()
            seconds, count = ours(repo, work / f"out-{r}" / "dist")
            our_cpu.append(cpu() - c)
            our_times.append(seconds)
            rebuild_times.append(ours(repo, work / f"out-{r}" / "dist")[0])
            print(f"round {r + 1}: naive {naive_times[-1]:.2f}s ({len(files)} files x 3 formats), "
                  f"ours {our_times[-1]:.2f}s ({count} artifacts), rebuild {rebuild_times[-1] * 1000:.0f} ms")
        n, o, rb = (statistics.median(x) for x in (naive_times, our_times, rebuild_times))
        print(f"naive: {n:.2f}s = {n / len(files) * 1000:.0f} ms per level file (one pandoc per file per format, "
              "then typst.compile)")
        print(f"ours:  {o:.2f}s for {len(ladder.levels)} levels, {len(ladder.tracks)} track handbooks and the "
              "ladder handbook, 3 formats")
        nc, oc = statistics.median(naive_cpu), statistics.median(our_cpu)
        print(f"ratio: {n / o:.1f}x wall (target >= 8x); CPU seconds naive {nc:.2f} vs ours {oc:.2f} = {nc / oc:.1f}x")
        print(f"no-change rebuild: {rb * 1000:.0f} ms = {rb / o:.1%} of a full build (target < 3%)")


if __name__ == "__main__":
    main()
