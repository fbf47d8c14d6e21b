"""Rendering engines: the naive way vs ladder-docs' batch engines on the corpus's documents.

Naive (issue 3's baseline): per document, one `pandoc` process markdown → DOCX, one `pandoc`
process markdown → typst (standalone), then `typst.compile` of that typst with default options.
Batch: `pandoc_engine.docx_many` (one `pandoc lua` process for all documents) and
`typst_engine.compile_many` (in-process, 2 threads, shared font book) over the same documents.

The inputs both sides start from are prepared untimed: markdown files for the naive way; pandoc
JSON ASTs and typst markup (the handbook preamble + pandoc's typst body) for the batch engines,
standing in for what the model → AST / template stages hand the engines.

Targets: typst.compile 22–34 ms per level doc; in-process pandoc ~16 ms per doc.
Run: python benchmarks/bench_engines.py [BUNDLE] [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import typst

from ladder_docs import pandoc_engine, typst_engine

BUNDLE = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "octopus-people.bundle"
STAMP = 1717243200


def pandoc(*args: str, stdin: bytes) -> bytes:
    done = subprocess.run([pandoc_engine.pandoc_path(), *args], input=stdin, capture_output=True)
    done.check_returncode()
    return done.stdout


def naive(markdowns: list[bytes], out: Path) -> None:
    """One pandoc process per file per format, serially, then typst.compile of pandoc's typst."""
    for i, md in enumerate(markdowns):
        pandoc("-f", "markdown", "-t", "docx", "-o", str(out / f"{i}.docx"), stdin=md)
        markup = pandoc("-f", "markdown", "-t", "typst", "-s", stdin=md)
        (out / f"{i}.pdf").write_bytes(typst.compile(markup))


def check(results: list[Any]) -> None:
    failed = [r for r in results if not isinstance(r, bytes)]
    if failed:
        raise SystemExit(f"batch engines failed: {failed[0]}")


def batch(asts: list[dict[str, Any]], markups: list[str]) -> tuple[float, float]:
    """Both batch engines one after the other; returns (DOCX seconds, PDF seconds)."""
    start = time.perf_counter()
    check(pandoc_engine.docx_many(asts, timestamp=STAMP))
    middle = time.perf_counter()
    check(typst_engine.compile_many(markups, timestamp=STAMP, workers=2))
    return middle - start, time.perf_counter() - middle


def overlapped(asts: list[dict[str, Any]], markups: list[str]) -> None:
    """DOCX (pandoc, 2 processes) in a thread while typst compiles on 2 threads, as a build can."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        docx = pool.submit(pandoc_engine.docx_many, asts, timestamp=STAMP, workers=2)
        check(typst_engine.compile_many(markups, timestamp=STAMP, workers=2))
        check(docx.result())


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def inputs(corpus: Path) -> tuple[list[bytes], list[dict[str, Any]], list[str]]:
    files = sorted(p for p in corpus.rglob("*.md") if ".git" not in p.parts)
    markdowns = [p.read_bytes() for p in files]
    asts = [json.loads(pandoc("-f", "markdown", "-t", "json", stdin=md)) for md in markdowns]
    preamble = typst_engine.handbook_preamble()
    markups = [
        f'{preamble}\n#show: ld-handbook.with(footer: "Ladder · {p.stem}")\n'
        + pandoc("-f", "markdown", "-t", "typst", stdin=md).decode("utf-8")
        for p, md in zip(files, markdowns, strict=True)
    ]
    return markdowns, asts, markups


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("bundle", nargs="?", type=Path, default=BUNDLE)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["git", "clone", "-q", str(args.bundle), f"{tmp}/c"], check=True)
        markdowns, asts, markups = inputs(Path(tmp) / "c")
        out = Path(tmp) / "out"
        out.mkdir()
        n = len(markdowns)
        batch(asts[:2], markups[:2])  # warm caches (font book, reference docx) once
        naive_s, docx_s, pdf_s, typst_serial_s, docx2_s, both_s = [], [], [], [], [], []
        for _ in range(args.rounds):
            naive_s.append(timed(lambda: naive(markdowns, out)))
            d, p = batch(asts, markups)
            docx_s.append(d)
            pdf_s.append(p)
            typst_serial_s.append(timed(lambda: [typst_engine.compile_pdf(m, timestamp=STAMP) for m in markups]))
            docx2_s.append(timed(lambda: check(pandoc_engine.docx_many(asts, timestamp=STAMP, workers=2))))
            both_s.append(timed(lambda: overlapped(asts, markups)))
    naive_m = statistics.median(naive_s)
    batch_m = statistics.median([d + p for d, p in zip(docx_s, pdf_s, strict=True)])
    per_doc = 1000 / n
    print(f"{n} documents, {args.rounds} rounds (medians)")
    print(f"naive  : {naive_m:7.2f} s  ({naive_m * per_doc:6.1f} ms/doc: 2 pandoc runs + typst)")
    print(
        f"batch  : {batch_m:7.2f} s  ({batch_m * per_doc:6.1f} ms/doc)  "
        f"docx_many {statistics.median(docx_s) * per_doc:.1f} ms/doc, "
        f"compile_many {statistics.median(pdf_s) * per_doc:.1f} ms/doc "
        f"(serial {statistics.median(typst_serial_s) * per_doc:.1f} ms/doc)"
    )
    print(f"ratio  : {naive_m / batch_m:.1f}x faster than naive (one engine after the other)")
    both_m = statistics.median(both_s)
    print(
        f"overlap: {both_m:7.2f} s  ({both_m * per_doc:6.1f} ms/doc)  docx_many(workers=2) alone "
        f"{statistics.median(docx2_s) * per_doc:.1f} ms/doc; ratio {naive_m / both_m:.1f}x"
    )


if __name__ == "__main__":
    main()
