"""Python CPU of a corpus build's typst markup: a baseline commit's render_typst vs ours, in one process.

The baseline's render_typst and inline modules are loaded from `git show BASE:path` into modules of
their own, with its typst templates; ours are the installed ones. Inputs, prepared untimed: every
`render_typst.render` call of a PDF build of the corpus (the levels of all tracks in two documents,
the ladder's parts, the fronts: the build runs once, with typst, to record them). Timed, in process
CPU seconds, each side in turn every round:

- warm:        every render of the build, the jinja environment and its templates in memory (the
               text escaped by earlier rounds is forgotten: each round is a build of its own);
- new process: the same with the environment created anew, as in each `ladder-docs build` (the
               baseline compiles every template; ours loads them from a directory of compiled
               templates, `render_typst.render(..., compiled=DIR)`, filled by the first round);
- first build: the same, ours without that directory (compiles as the baseline does).

Check: every render is byte-identical on both sides (sha256 printed).
Baseline 1b0268b: the commit before the typst render speed-up.
Run: python benchmarks/bench_render_typst.py [BUNDLE] [--rounds N] [--baseline REV]
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import statistics
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from ladder_docs import render_typst
from ladder_docs.build import build
from ladder_docs.reader import read_ladder
from ladder_docs.source import Repository

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT.parent / "shared" / "corpora" / "octopus-people.bundle"
BASELINE = "1b0268b8bd535b6981112302213060242db42b06"
Call = tuple[str, dict[str, Any], dict[str, Any], Any]


def git_show(rev: str, path: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{path}"], capture_output=True, text=True,
                          check=True).stdout


def baseline(rev: str) -> types.ModuleType:
    """The baseline's render_typst, wired to its inline module and templates (ours for the rest)."""
    loaded: dict[str, types.ModuleType] = {}
    for name in ("inline", "render_typst"):
        module = types.ModuleType(f"ladder_docs._baseline_{name}")
        module.__package__ = "ladder_docs"
        sys.modules[module.__name__] = module
        exec(compile(git_show(rev, f"src/ladder_docs/{name}.py"), f"<{rev[:7]}:{name}.py>", "exec"),
             module.__dict__)
        loaded[name] = module
    loaded["render_typst"].__dict__["inline"] = loaded["inline"]
    listing = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", rev, "templates/typst/"],
                             capture_output=True, text=True, check=True).stdout.split()
    sources = {path.removeprefix("templates/"): git_show(rev, path) for path in listing}

    def source(name: str) -> tuple[str, None, Callable[[], bool]] | None:
        return (sources[name], None, lambda: True) if name in sources else None

    loaded["render_typst"].__dict__["loader"] = lambda templates: jinja2.FunctionLoader(source)
    return loaded["render_typst"]


def build_calls(bundle: Path, tmp: Path) -> tuple[int, list[Call]]:
    """The levels count and every render_typst.render call of a PDF build of the corpus."""
    repo = tmp / "corpus"
    subprocess.run(["git", "clone", "-q", str(bundle), str(repo)], check=True)
    ladder = read_ladder(Repository.open(repo), "HEAD")
    calls: list[Call] = []
    real = render_typst.render

    def record(templates: Path | None, template: str, context: dict[str, Any], page: dict[str, Any],
               anchors: Any, *rest: Any, **options: Any) -> str:
        calls.append((template, context, page, anchors))
        return real(templates, template, context, page, anchors, *rest, **options)

    render_typst.render = record
    try:
        build(ladder, tmp / "out", formats={"pdf"})
    finally:
        render_typst.render = real
    return len(ladder.levels), calls


def cpu() -> float:
    gc.collect()  # what earlier rounds left is not this section's garbage to collect
    return time.process_time()


def render_all(module: Any, calls: list[Call], cold: bool, compiled: Path | None) -> tuple[float, list[str]]:
    """Every render; `compiled`: our compiled-template directory (the baseline has none)."""
    if cold:
        module.environment.cache_clear()
    # ours remembers escaped text; a build starts without it (another build's text is not this one's)
    getattr(module.inline.typst_escape, "cache_clear", lambda: None)()
    extra = (compiled,) if compiled is not None else ()
    start = cpu()
    out = [module.render(None, *call, *extra) for call in calls]
    return time.process_time() - start, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=BUNDLE)
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--baseline", default=BASELINE)
    args = parser.parse_args()
    old = baseline(args.baseline)
    kinds = ("warm", "new process", "first build")
    times: dict[str, dict[str, list[float]]] = {k: {"baseline": [], "ours": []} for k in kinds}
    with tempfile.TemporaryDirectory(prefix="bench-typst-") as tmp:
        levels, calls = build_calls(args.bundle, Path(tmp))
        reference: list[str] = []
        for _ in range(args.rounds):
            for side, module in (("baseline", old), ("ours", render_typst)):
                for kind, cold in (("first build", True), ("new process", True), ("warm", False)):
                    compiled = Path(tmp) / "compiled" if side == "ours" and kind != "first build" else None
                    took, out = render_all(module, calls, cold, compiled)
                    times[kind][side].append(took)
                    if side == "baseline":
                        reference = out
                    elif out != reference:
                        raise SystemExit(f"{kind}: typst markup differs from the baseline's")
    digest = hashlib.sha256("\0".join(reference).encode()).hexdigest()[:16]
    print(f"corpus: {levels} levels, {len(calls)} typst documents, {sum(map(len, reference)):,} characters "
          f"(sha256 {digest}, byte-identical); {args.rounds} rounds, process CPU, median")
    print(f"{'':12}{'baseline':>12}{'ours':>10}{'ratio':>8}")
    for kind, by_side in times.items():
        b, o = (statistics.median(by_side[s]) * 1000 for s in ("baseline", "ours"))
        print(f"{kind:12}{b:9.1f} ms{o:7.1f} ms{b / o:7.2f}x")


if __name__ == "__main__":
    main()
