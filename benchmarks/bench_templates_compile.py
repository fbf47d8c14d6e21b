"""CPU of a corpus build's HTML and typst rendering in a fresh process: built-ins precompiled vs compiled from source.

Inputs, prepared untimed: every `render_html.render` and `render_typst.render` call of a corpus
build in html and pdf (recorded once, pickled). Each round starts one fresh Python process per
side; the child imports ladder-docs and unpickles the calls (untimed), then renders every call
(timed, process CPU: the environments are created and the templates loaded as in the first
`ladder-docs build` into a fresh output directory, no kept compiled templates):

- source:       every template compiled by jinja2 (ladder_docs.precompiled switched off): the baseline;
- precompiled:  the built-ins' shipped modules, read from Python's bytecode cache (as installed);
- no .pyc:      the same modules without a bytecode cache (a checkout run with
                PYTHONDONTWRITEBYTECODE before `python -m ladder_docs.precompiled` wrote it).

Check: every side renders byte-identical output (sha256 printed).
Run: python benchmarks/bench_templates_compile.py [BUNDLE] [--rounds N]
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT.parent / "shared" / "corpora" / "octopus-people.bundle"
SIDES = ("source", "precompiled", "no .pyc")
Call = tuple[str, tuple[Any, ...]]


def record(bundle: Path, tmp: Path) -> tuple[int, list[Call]]:
    """The levels count and every HTML and typst render call of a corpus build (html, pdf)."""
    from ladder_docs import render_html, render_typst
    from ladder_docs.build import build
    from ladder_docs.reader import read_ladder
    from ladder_docs.source import Repository

    repo = tmp / "corpus"
    subprocess.run(["git", "clone", "-q", str(bundle), str(repo)], check=True)
    ladder = read_ladder(Repository.open(repo), "HEAD")
    calls: list[Call] = []
    real = {"html": render_html.render, "typst": render_typst.render}

    def recorder(kind: str) -> Any:
        def render(*args: Any, **kwargs: Any) -> str:
            calls.append((kind, args[:5]))  # (templates, template, context, page, anchors): no kept compiled
            return real[kind](*args, **kwargs)
        return render

    render_html.render, render_typst.render = recorder("html"), recorder("typst")
    try:
        build(ladder, tmp / "out", formats={"html", "pdf"})
    finally:
        render_html.render, render_typst.render = real["html"], real["typst"]
    return len(ladder.levels), calls


def child(path: Path, side: str) -> None:
    """Render the pickled calls in this fresh process; prints {kind: CPU ms} and the outputs' sha256."""
    from ladder_docs import precompiled, render_html, render_typst

    if side == "source":
        precompiled.code = lambda *args: None
    calls: list[Call] = pickle.loads(path.read_bytes())
    render = {"html": render_html.render, "typst": render_typst.render}
    took: dict[str, float] = {}
    digest = hashlib.sha256()
    for kind in ("html", "typst"):
        gc.collect()
        start = time.process_time()
        out = [render[kind](*args) for k, args in calls if k == kind]
        took[kind] = (time.process_time() - start) * 1000
        digest.update("\0".join(out).encode())
    print(json.dumps({"ms": took, "sha256": digest.hexdigest()[:16], "precompiled": len(precompiled._CODE)}))


def run_child(path: Path, side: str, empty_cache: Path) -> dict[str, Any]:
    env = dict(os.environ)
    if side == "no .pyc":  # Python finds no cached bytecode anywhere and writes none
        env.update(PYTHONPYCACHEPREFIX=str(empty_cache), PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run([sys.executable, __file__, "--child", str(path), side], check=True, env=env,
                          capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=BUNDLE)
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--child", nargs=2, metavar=("CALLS", "SIDE"))
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), args.child[1])
        return
    times: dict[str, dict[str, list[float]]] = {s: {"html": [], "typst": [], "both": []} for s in SIDES}
    with tempfile.TemporaryDirectory(prefix="bench-templates-") as tmp:
        levels, calls = record(args.bundle, Path(tmp))
        path = Path(tmp) / "calls.pickle"
        path.write_bytes(pickle.dumps(calls))
        digests: set[str] = set()
        loaded: dict[str, int] = {}
        for _ in range(args.rounds):
            for side in SIDES:
                got = run_child(path, side, Path(tmp) / "no-pycache")
                digests.add(got["sha256"])
                loaded[side] = got["precompiled"]
                for kind in ("html", "typst"):
                    times[side][kind].append(got["ms"][kind])
                times[side]["both"].append(got["ms"]["html"] + got["ms"]["typst"])
    if len(digests) != 1:
        raise SystemExit(f"outputs differ between sides: {sorted(digests)}")
    kinds = {k: sum(1 for c in calls if c[0] == k) for k in ("html", "typst")}
    print(f"corpus: {levels} levels, {kinds['html']} HTML pages and {kinds['typst']} typst documents "
          f"(sha256 {digests.pop()}, identical on every side); templates precompiled: "
          + ", ".join(f"{s} {n}" for s, n in loaded.items()))
    print(f"{args.rounds} rounds, a fresh process each, process CPU ms, median")
    print(f"{'':13}" + "".join(f"{s:>13}" for s in SIDES) + f"{'ratio':>9}{'no .pyc':>9}")
    for kind in ("html", "typst", "both"):
        med = [statistics.median(times[s][kind]) for s in SIDES]
        print(f"{kind:13}" + "".join(f"{m:10.1f} ms" for m in med) + f"{med[0] / med[1]:8.2f}x{med[0] / med[2]:8.2f}x")


if __name__ == "__main__":
    main()
