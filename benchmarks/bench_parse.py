"""Parse every level blob of the corpus's history; compare with markdown-it-py tokenising the same blobs.

Target (issue 2): under 0.3 s of parsing for all level blobs on a 2-core machine.
Run: python benchmarks/bench_parse.py [BUNDLE]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ladder_docs.config import Config
from ladder_docs.parse import parse_document
from ladder_docs.reader import selected
from ladder_docs.source import Repository

BUNDLE = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "octopus-people.bundle"


def blobs(repo_dir: Path) -> list[tuple[str, str]]:
    """Distinct (blob, path) pairs of ladder files at every commit of every branch."""
    revs = subprocess.run(["git", "rev-list", "--all"], cwd=repo_dir, capture_output=True, text=True,
                          check=True).stdout.split()
    pairs: set[tuple[str, str]] = set()
    for rev in revs:
        out = subprocess.run(["git", "ls-tree", "-r", "-z", rev], cwd=repo_dir, capture_output=True,
                             text=True, check=True).stdout
        for rec in filter(None, out.split("\0")):
            meta, path = rec.split("\t", 1)
            if selected(path, Config()):
                pairs.add((meta.split()[2], path))
    return sorted(pairs)


def main() -> None:
    bundle = Path(sys.argv[1]) if len(sys.argv) > 1 else BUNDLE
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["git", "clone", "-q", str(bundle), f"{tmp}/c"], check=True)
        repo = Repository.open(f"{tmp}/c")
        docs = [(p, repo.read_blob(b, p), b) for b, p in blobs(Path(tmp) / "c")]
    levels = [d for d in docs if parse_document(d[0], d[1], d[2]).levels]
    try:
        from markdown_it import MarkdownIt

        md: MarkdownIt | None = MarkdownIt("commonmark")
    except ImportError:
        md = None

    def ours() -> None:
        for p, data, b in levels:
            parse_document(p, data, b)

    def baseline() -> None:
        assert md is not None
        for _p, data, _b in levels:
            md.parse(data.decode("utf-8", "replace"))

    runs: dict[str, list[float]] = {"ladder-docs parser": [], "markdown-it-py tokens only": []}
    for _ in range(7):
        for name, fn in (("ladder-docs parser", ours), ("markdown-it-py tokens only", baseline)):
            if md is None and fn is baseline:
                continue
            t = time.perf_counter()
            fn()
            runs[name].append(time.perf_counter() - t)
    print(f"{len(levels)} level documents (distinct blob/path pairs holding levels), {len(docs)} files in all")
    for name, times in runs.items():
        if times:
            print(f"{name:28} median {statistics.median(times) * 1000:7.1f} ms  "
                  f"({statistics.median(times) / len(levels) * 1000:.3f} ms/doc)")
    ours_t = statistics.median(runs["ladder-docs parser"])
    if runs["markdown-it-py tokens only"]:
        print(f"ratio: ladder-docs is {statistics.median(runs['markdown-it-py tokens only']) / ours_t:.1f}x "
              "faster than markdown-it-py's tokeniser alone")
    print(f"target < 300 ms: {'met' if ours_t < 0.3 else 'MISSED'}")


if __name__ == "__main__":
    main()
