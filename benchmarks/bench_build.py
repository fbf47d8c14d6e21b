"""`ladder-docs build` of the corpus vs the naive way, side by side in one process; prints the ratio.

Naive (issue 3's baseline), over the corpus's level files at HEAD (no track or ladder handbooks):
for each file, one `pandoc` process per format (HTML, DOCX, typst), serially, then
`typst.compile` of pandoc's typst output.
Ours: `build()` of the whole corpus at HEAD (reading the ladder included) in html, pdf and docx,
WITH its track and ladder handbooks, into a fresh output directory (cold cache), each round in a
fresh Python process: typst keeps what it typeset in memory for later compiles in the same process,
so a second build there would measure that memory, not the work. The child imports ladder-docs,
tunes malloc as the `ladder-docs` command does first (ladder_docs.malloc_tuning), and typesets one
line (typst loads its fonts), as the naive loop has after its first file;
naive's rounds run here (its documents differ, so typst's memory does not help it).
Then a rebuild with nothing changed, in the same child (target: < 3% of the full build).

Targets: ours >= 8x faster than naive; no-change rebuild < 3% of a full build.
Run: python benchmarks/bench_build.py [BUNDLE] [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
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


def child(repo: Path, out: Path) -> None:
    """One round of ours in this (fresh) process; prints wall, CPU, artifacts and the rebuild as JSON."""
    from ladder_docs import typst_engine
    from ladder_docs.malloc_tuning import tune_malloc

    tune_malloc()  # as `ladder-docs` does first
    typst_engine.compile_pdf(typst_engine.handbook_preamble() + "#show: ld-handbook.with(footer: none)\n"
                             "Warm *up* _fonts_ 🦉 é", timestamp=0)
    c = cpu()
    seconds, count = ours(repo, out)
    used = cpu() - c
    rebuild, _ = ours(repo, out)
    print(json.dumps({"wall": seconds, "cpu": used, "artifacts": count, "rebuild": rebuild}))


def ours_fresh(repo: Path, out: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--child", str(repo), str(out)], check=True,
                          capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=BUNDLE)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
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
            got = ours_fresh(repo, work / f"out-{r}" / "dist")
            our_cpu.append(got["cpu"])
            our_times.append(got["wall"])
            rebuild_times.append(got["rebuild"])
            count = int(got["artifacts"])
            print(f"round {r + 1}: naive {naive_times[-1]:.2f}s ({len(files)} files x 3 formats), "
                  f"ours {our_times[-1]:.2f}s ({count} artifacts), rebuild {rebuild_times[-1] * 1000:.0f} ms")
        n, o, rb = (statistics.median(x) for x in (naive_times, our_times, rebuild_times))
        print(f"naive: {n:.2f}s = {n / len(files) * 1000:.0f} ms per level file (one pandoc per file per format, "
              "then typst.compile)")
        print(f"ours:  {o:.2f}s for {len(ladder.levels)} levels, {len(ladder.tracks)} track handbooks and the "
              "ladder handbook, 3 formats")
        nc, oc = statistics.median(naive_cpu), statistics.median(our_cpu)
        per_round = statistics.median(a / b for a, b in zip(naive_times, our_times, strict=True))
        print(f"ratio: {n / o:.1f}x wall (target >= 8x; median of the rounds' own ratios {per_round:.1f}x, "
              f"best round {min(naive_times) / min(our_times):.1f}x of the fastest runs); "
              f"CPU seconds naive {nc:.2f} vs ours {oc:.2f} = {nc / oc:.1f}x")
        print(f"no-change rebuild: {rb * 1000:.0f} ms = {rb / o:.1%} of a full build (target < 3%)")


if __name__ == "__main__":
    main()
