"""Full-history changelog: the corpus, and the synthetic workload at 2,000/5,000/20,000 commits,
against `git log -p` over the same repository (issue 4).

Targets: the corpus's full-history changelog under 1 s for the whole process; the 20,000-commit
synthetic history within 5x the wall time of `git log -p`, peak memory under 500 MB; the cost
growing with the changed blobs (linear in commits), not with commits x files.
Both commands run as child processes of this script, alternately, so they share the machine's
load; times are medians of wall-clock runs (and of CPU time, which a loaded machine disturbs
less), memory the child's peak RSS (getrusage via wait4).

Run: python benchmarks/bench_changelog.py [--sizes 2000,5000,20000] [--runs 3] [--format md]
     [--work DIR]   (DIR keeps the generated repositories between runs)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
BUNDLE = SHARED / "corpora" / "octopus-people.bundle"
SYNTH = SHARED / "tools" / "synth_repo.py"
CHANGELOG = "import sys; from ladder_docs.cli import main; sys.exit(main(sys.argv[1:]))"


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system, with the git processes it waited for) and
    peak RSS (MB) of one child process, its output discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = ""
    if proc.stderr is not None:
        err = proc.stderr.read().decode()
        proc.stderr.close()
    if status != 0:
        sys.exit(f"{' '.join(cmd[:4])}… failed: {err.strip()}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def changelog_cmd(repo: Path, fmt: str) -> list[str]:
    return [sys.executable, "-c", CHANGELOG, "changelog", "--repo", str(repo), "--format", fmt]


def measure(repo: Path, fmt: str, runs: int) -> dict[str, float]:
    """Medians of `git log -p` and of the changelog, alternated: wall and CPU seconds."""
    base: list[tuple[float, float, float]] = []
    ours: list[tuple[float, float, float]] = []
    for _ in range(runs):
        base.append(run(["git", "-C", str(repo), "log", "-p"]))
        ours.append(run(changelog_cmd(repo, fmt)))
    return {"git": statistics.median(b[0] for b in base), "ours": statistics.median(o[0] for o in ours),
            "git_cpu": statistics.median(b[1] for b in base),
            "ours_cpu": statistics.median(o[1] for o in ours), "peak": max(o[2] for o in ours)}


def synth(work: Path, commits: int) -> Path:
    repo = work / f"synth-{commits}"
    if not (repo / ".git").exists():
        t = time.perf_counter()
        subprocess.run([sys.executable, str(SYNTH), str(repo), "--commits", str(commits)], check=True)
        print(f"  generated {commits} commits in {time.perf_counter() - t:.1f} s", flush=True)
    return repo


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="2000,5000,20000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--format", default="md", choices=["md", "json", "html"])
    ap.add_argument("--work", type=Path, default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        corpus = work / "corpus"
        if not (corpus / ".git").exists():
            subprocess.run(["git", "clone", "-q", str(BUNDLE), str(corpus)], check=True)
        runs = [run(changelog_cmd(corpus, args.format)) for _ in range(max(5, args.runs))]
        best = statistics.median(w for w, _, _ in runs)
        print(f"corpus (408 commits, 93 first-parent revisions): changelog --format {args.format} "
              f"median {best:.2f} s wall, {statistics.median(c for _, c, _ in runs):.2f} s CPU, "
              f"peak {max(m for _, _, m in runs):.0f} MB; target < 1 s: {'met' if best < 1 else 'MISSED'}")
        rows = []
        for size in (int(s) for s in args.sizes.split(",")):
            print(f"synthetic {size} commits:", flush=True)
            m = measure(synth(work, size), args.format, args.runs)
            rows.append((size, m))
            print(f"  git log -p {m['git']:.2f} s · changelog {m['ours']:.2f} s · ratio "
                  f"{m['ours'] / m['git']:.2f}x (CPU {m['git_cpu']:.2f} s vs {m['ours_cpu']:.2f} s: "
                  f"{m['ours_cpu'] / m['git_cpu']:.2f}x) · peak {m['peak']:.0f} MB · "
                  f"{m['ours'] / size * 1e6:.0f} µs/commit", flush=True)
        size, m = rows[-1]
        print(f"largest ({size} commits): ratio {m['ours'] / m['git']:.2f}x (target <= 5x: "
              f"{'met' if m['ours'] <= 5 * m['git'] else 'MISSED'}), peak {m['peak']:.0f} MB (target < 500 MB: "
              f"{'met' if m['peak'] < 500 else 'MISSED'})")
        if len(rows) > 1:
            (s0, m0), (s1, m1) = rows[0], rows[-1]
            print(f"growth {s0}→{s1} commits: {m1['ours'] / m0['ours']:.1f}x time for {s1 / s0:.1f}x commits")


if __name__ == "__main__":
    main()
