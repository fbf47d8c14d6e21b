"""Reading the typeset PDFs and writing the PDF handbooks of a corpus build: ours vs the previous code.

A corpus build (PDF only, cold cache) is run once to capture what PDF assembly gets: the typeset
parts (whose layouts pdf_parts reads), the footer kits and every `write_pdf` call. Then each
round replays that work, in this process, with both implementations, in turn:
- open: `RawPdf` of every part and kit (cross-reference table, trailer);
- layout: `layout_of` of every part (page sizes, links, bookmarks);
- write: `write_pdf` of every handbook (the parts and kits shared, as in a build).
Baseline: pdf_read, pdf_layout and pdf_write as of commit BASELINE (before this work), loaded from
git into a temporary package. Both must give the same layouts and byte-identical PDFs (checked
every round). CPU time (time.process_time), not wall: the machine is shared; median of N rounds.

Targets: open+layout >= 2x faster, write >= 1.5x.
Run: python benchmarks/bench_pdf_assembly.py [BUNDLE] [--rounds N]
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import ladder_docs.pdf_assemble as pdf_assemble
import ladder_docs.pdf_parts as pdf_parts
from ladder_docs import pdf_layout, pdf_read, pdf_write
from ladder_docs.build import build
from ladder_docs.reader import read_ladder
from ladder_docs.source import Repository

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT.parent / "shared" / "corpora" / "octopus-people.bundle"
BASELINE = "bed90e3c366d83ab8d52a86c3d0a0b9724d2b09b"  # the last commit with the recursive-descent reader
MODULES = ("pdf_read", "pdf_layout", "pdf_write")
PHASES = ("open", "layout", "write")

Write = tuple[str, Any, dict[str, bytes], int, int]  # write_pdf's title, plan, sources' bytes, kit_first, timestamp


def baseline(tmp: Path) -> dict[str, ModuleType]:
    """The baseline's modules, as package `ld_baseline` (other imports go to ladder_docs as it is)."""
    package = tmp / "ld_baseline"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name in MODULES:
        text = subprocess.run(["git", "show", f"{BASELINE}:src/ladder_docs/{name}.py"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout
        for other in ("errors", "pdf_sheets"):
            text = text.replace(f"from .{other} import", f"from ladder_docs.{other} import")
        (package / f"{name}.py").write_text(text)
    sys.path.insert(0, str(tmp))
    return {name: importlib.import_module(f"ld_baseline.{name}") for name in MODULES}


def capture(bundle: Path, tmp: Path) -> tuple[list[bytes], list[Write]]:
    """The typeset parts whose layouts a PDF build of the corpus reads, and its write_pdf calls."""
    parts: list[bytes] = []
    writes: list[Write] = []

    def layout_spy(raw: pdf_read.RawPdf) -> pdf_layout.PdfLayout:
        parts.append(raw.data)
        return pdf_layout.layout_of(raw)

    def write_spy(title: str, plan: Any, sources: dict[str, pdf_read.RawPdf], first: int, stamp: int) -> bytes:
        writes.append((title, plan, {key: raw.data for key, raw in sources.items()}, first, stamp))
        return pdf_write.write_pdf(title, plan, sources, first, stamp)

    subprocess.run(["git", "clone", "-q", str(bundle), str(tmp / "corpus")], check=True)
    # The build looks both up in the modules that call them.
    setattr(pdf_parts, "layout_of", layout_spy)  # noqa: B010
    setattr(pdf_assemble, "write_pdf", write_spy)  # noqa: B010
    try:
        build(read_ladder(Repository.open(tmp / "corpus"), "HEAD"), tmp / "dist", formats={"pdf"})
    finally:
        setattr(pdf_parts, "layout_of", pdf_layout.layout_of)  # noqa: B010
        setattr(pdf_assemble, "write_pdf", pdf_write.write_pdf)  # noqa: B010
    return parts, writes


def replay(impl: dict[str, ModuleType], parts: list[bytes], writes: list[Write]) -> tuple[list[float], list[Any]]:
    """CPU seconds of each phase, and what it made (layouts as text, PDFs)."""
    pdfs = {id(data): data for data in parts}
    pdfs.update((id(data), data) for w in writes for data in w[2].values())
    made: list[Any] = []
    start = time.process_time()
    raws = {key: impl["pdf_read"].RawPdf(data) for key, data in pdfs.items()}
    opened = time.process_time()
    made += [repr(impl["pdf_layout"].layout_of(raws[id(data)])) for data in parts]
    laid = time.process_time()
    made += [impl["pdf_write"].write_pdf(title, plan, {key: raws[id(data)] for key, data in sources.items()}, first,
                                         stamp) for title, plan, sources, first, stamp in writes]
    done = time.process_time()
    return [opened - start, laid - opened, done - laid], made


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("bundle", nargs="?", type=Path, default=BUNDLE)
    args.add_argument("--rounds", type=int, default=9)
    opts = args.parse_args()
    ours = {"pdf_read": pdf_read, "pdf_layout": pdf_layout, "pdf_write": pdf_write}
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        old = baseline(tmp)
        parts, writes = capture(opts.bundle, tmp)
        # The same bytes objects for the same PDF: each is read once per round, as in a build.
        unique: dict[bytes, bytes] = {}
        parts = [unique.setdefault(data, data) for data in parts]
        writes = [(t, p, {k: unique.setdefault(d, d) for k, d in s.items()}, f, st) for t, p, s, f, st in writes]
        times: dict[str, list[list[float]]] = {"baseline": [], "ours": []}
        for k in range(opts.rounds):
            order = (("baseline", old), ("ours", ours)) if k % 2 else (("ours", ours), ("baseline", old))
            made = {}
            for name, impl in order:
                spent, made[name] = replay(impl, parts, writes)
                times[name].append(spent)
            if made["ours"] != made["baseline"]:
                raise SystemExit("ours and the baseline differ (layouts or PDF bytes)")
    sizes = sum(len(d) for d in unique.values())
    print(f"{len(parts)} typeset parts and {len(unique) - len(parts)} footer kits ({sizes / 1e6:.1f} MB), "
          f"{len(writes)} handbooks ({sum(len(m) for m in made['ours'][len(parts):]) / 1e6:.1f} MB); "
          f"layouts and PDF bytes identical; CPU ms, median of {opts.rounds}")
    medians = {name: [statistics.median(r[i] for r in runs) * 1000 for i in range(3)] for name, runs in times.items()}
    print(f"{'':10}" + "".join(f"{p:>9}" for p in (*PHASES, "total")))
    for name, ms in medians.items():
        print(f"{name:10}" + "".join(f"{v:9.1f}" for v in (*ms, sum(ms))))
    old_ms, new_ms = medians["baseline"], medians["ours"]
    read_ratio = (old_ms[0] + old_ms[1]) / (new_ms[0] + new_ms[1])
    write_ratio = old_ms[2] / new_ms[2]
    print(f"ratio: open+layout {read_ratio:.2f}x (target 2x: {'met' if read_ratio >= 2 else 'MISSED'}), "
          f"write {write_ratio:.2f}x (target 1.5x: {'met' if write_ratio >= 1.5 else 'MISSED'}), "
          f"all {sum(old_ms) / sum(new_ms):.2f}x")


if __name__ == "__main__":
    main()
