"""Python CPU of a corpus build's template contexts and cache keys: a baseline commit's code vs ours.

What a build computes before it renders anything: the whole-build memo key
(build_memo.input_key), every template context (Contexts: level data with inline parsing and the
"What changes" comparison, track data, the whole ladder, the index, through build_plan.plan) and
every job's cache key (build_plan.with_keys: Contexts.fingerprint's hash tree). The baseline's
modules (context, context_blocks, level_changes, diffmatch, worddiff, inline, build_plan,
build_memo) are loaded from `git show BASE:path` into modules of their own, wired to each other;
ours are the installed ones. Every round starts cold, as a new process does: each side's memo
caches (parsed inline text, folded words, word bags) are cleared. tool_versions (hashing the
package files, ~4 ms, the same code on both sides) is left computed.

Measured twice: as above, and with the context work of a PDF build's planning first
(pdf_parts: what PdfHandbooks.start asks of the contexts before plan runs: track data, the
whole ladder's documents, fingerprints of its documents of levels and parts).

Checks, every round: the same jobs with the same cache keys, the same PDF part fingerprints,
every context's JSON (sort_keys) identical, the same link problems, the same input key.
Run: python benchmarks/bench_contexts.py [BUNDLE] [--rounds N] [--baseline REV]
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path
from typing import Any

import ladder_docs
from ladder_docs import build_memo, build_plan, context, context_blocks, diffmatch, inline, level_changes, worddiff
from ladder_docs.model import Ladder
from ladder_docs.reader import read_ladder
from ladder_docs.source import Repository

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT.parent / "shared" / "corpora" / "octopus-people.bundle"
BASELINE = "1b0268b"  # before the context speed-up
# In import order: each module sees the baseline's versions of the ones before it.
MODULES = ("diffmatch", "worddiff", "inline", "level_changes", "context_blocks", "context", "build_plan",
           "build_memo")
FORMATS = ("html", "pdf", "docx")


def git_show(rev: str, path: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{path}"], capture_output=True, text=True,
                          check=True).stdout


def baseline(rev: str) -> types.SimpleNamespace:
    """The baseline's modules; while one is executed, its relative imports find the baseline's."""
    loaded: dict[str, types.ModuleType] = {}
    saved = {name: sys.modules[f"ladder_docs.{name}"] for name in MODULES}
    try:
        for name in MODULES:
            module = types.ModuleType(f"ladder_docs._baseline_{name}")
            module.__package__ = "ladder_docs"
            sys.modules[module.__name__] = module  # dataclasses look their module up
            exec(compile(git_show(rev, f"src/ladder_docs/{name}.py"), f"<{rev[:7]}:{name}.py>", "exec"),
                 module.__dict__)
            loaded[name] = module
            sys.modules[f"ladder_docs.{name}"] = module
            setattr(ladder_docs, name, module)
    finally:
        for name, module in saved.items():
            sys.modules[f"ladder_docs.{name}"] = module
            setattr(ladder_docs, name, module)
    return types.SimpleNamespace(**loaded)


def clear_caches(side: types.SimpleNamespace) -> None:
    """Forget what earlier rounds parsed and matched: a build starts in a new process."""
    for name in MODULES:
        if name == "build_plan":
            continue  # tool_versions: same code on both sides, computed once per process
        module = getattr(side, name)
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", "") == module.__name__:
                value.cache_clear()


def pdf_parts(contexts: Any, ladder: Ladder) -> list[str]:
    """The context work of a PDF build's planning (ladder_docs.pdf_parts.PdfParts.start,
    before build_plan.plan): each track's levels keyed by a fingerprint, the levels in two
    documents, the ladder's documents and every track's introduction; their fingerprints."""
    meta = contexts.meta
    keys, groups = [], []
    for track in ladder.tracks:
        head = contexts.level(track.levels[0].key)["track"]
        levels = [contexts.level_data(lv) for lv in track.levels]
        keys.append(contexts.fingerprint({"meta": meta, "track": head, "levels": levels}))
        groups.append({"track": head, "levels": levels, "first": 0})
    for half in (groups[::2], groups[1::2]):
        keys.append(contexts.fingerprint({"meta": meta, "groups": half}))
    items: list[dict[str, Any]] = [{"documents": contexts.whole()["documents"]}]
    items += [{"track": contexts.track_data(track)} for track in ladder.tracks]
    keys.append(contexts.fingerprint({"meta": meta, "parts": items}))
    return keys


def build_keys(side: types.SimpleNamespace, ladder: Ladder, pdf: bool) -> tuple[float, dict[str, Any]]:
    """CPU seconds of a build's input key, contexts and cache keys (with `pdf`, the PDF
    planning's contexts first, as a build with PDF does); and what they were."""
    clear_caches(side)
    gc.collect()
    start = time.process_time()
    key = side.build_memo.input_key(ladder, FORMATS, None)
    contexts = side.context.Contexts(ladder)
    parts = pdf_parts(contexts, ladder) if pdf else []
    jobs = side.build_plan.with_keys(side.build_plan.plan(ladder, contexts, FORMATS), contexts, FORMATS, None, {})
    took = time.process_time() - start
    return took, {"input": key, "jobs": [(j.path, j.cache_key) for j in jobs], "parts": parts,
                  "problems": contexts.problems, "contexts": {j.path: j.context for j in jobs}}


def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same keys and problems; every context's JSON identical."""
    if (a["input"], a["jobs"], a["parts"], a["problems"]) != (b["input"], b["jobs"], b["parts"], b["problems"]):
        return False
    return all(json.dumps(a["contexts"][p], sort_keys=True) == json.dumps(b["contexts"][p], sort_keys=True)
               for p, _ in a["jobs"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=BUNDLE)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--baseline", default=BASELINE)
    args = parser.parse_args()
    old = baseline(args.baseline)
    ours = types.SimpleNamespace(diffmatch=diffmatch, worddiff=worddiff, inline=inline,
                                 level_changes=level_changes, context_blocks=context_blocks, context=context,
                                 build_plan=build_plan, build_memo=build_memo)
    with tempfile.TemporaryDirectory(prefix="bench-contexts-") as tmp:
        repo = Path(tmp) / "corpus"
        subprocess.run(["git", "clone", "-q", str(args.bundle), str(repo)], check=True)
        ladder = read_ladder(Repository.open(repo), "HEAD")
    build_plan.tool_versions()
    times: dict[tuple[str, bool], list[float]] = {(side, pdf): [] for side in ("baseline", "ours")
                                                  for pdf in (False, True)}
    jobs = 0
    for _ in range(args.rounds):
        for pdf in (False, True):
            took, reference = build_keys(old, ladder, pdf)
            times["baseline", pdf].append(took)
            took, result = build_keys(ours, ladder, pdf)
            times["ours", pdf].append(took)
            if not same(reference, result):
                raise SystemExit("contexts or cache keys differ from the baseline's")
            jobs = len(result["jobs"])
    print(f"corpus: {len(ladder.levels)} levels, {jobs} jobs; {args.rounds} rounds, cold caches, process CPU, "
          "median")
    for pdf, what in ((False, "input key + contexts + cache keys"), (True, "... + PDF planning's contexts")):
        b, o = (statistics.median(times[side, pdf]) * 1000 for side in ("baseline", "ours"))
        print(f"{what:34} baseline {b:5.1f} ms, ours {o:5.1f} ms, {b / o:.2f}x")
    print("identical: input key, every cache key and PDF part fingerprint, every context's JSON, link problems")


if __name__ == "__main__":
    main()
