"""Python CPU of a corpus build's HTML rendering and DOCX cutting: a baseline commit's code vs ours, in one process.

The baseline's modules (render_html, inline, render_docx, docx_book, docx_split) and its HTML
templates are loaded from `git show BASE:path` into modules of their own; ours are the installed
ones. Both sides get the same inputs, prepared untimed: a fresh ladder_docs.context.Contexts per
round (as a build makes one), the HTML pages of a corpus build with their page facts, and the
DOCX book converted once by pandoc. Timed, in process CPU seconds, each side in turn every round:

- html:       every HTML page of the build (72 for the corpus), templates compiled once (warm);
- html cold:  the same with the jinja environment created anew, as in a new process (the
              baseline compiles every template; ours loads them from a directory of compiled
              templates: `render_html.render(..., compiled=DIR)`, filled by the first round);
- html first: the same, ours without that directory (compiles as the baseline does);
- docx book:  the recipes and the pandoc AST of the book of 71 DOCX handbooks;
- docx cut:   reading the converted book and packing the 71 handbooks.

Checks: every HTML page is byte-identical on both sides; every DOCX handbook of ours opens and
holds the same parts with the same bytes as the baseline's (only their compression differs).
Baseline a379c1d: the commit before the HTML/DOCX render speed-up.
Run: python benchmarks/bench_render_python.py [BUNDLE] [--rounds N] [--baseline REV]
"""

from __future__ import annotations

import argparse
import gc
import io
import statistics
import subprocess
import sys
import tempfile
import time
import types
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from ladder_docs import docx_book, docx_split, pandoc_engine, render_docx, render_html
from ladder_docs.build_plan import plan
from ladder_docs.context import Contexts
from ladder_docs.reader import read_ladder
from ladder_docs.source import Repository

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT.parent / "shared" / "corpora" / "octopus-people.bundle"
BASELINE = "a379c1da0fd29d4ac906c8b2566c25d4217199e6"
MODULES = ("inline", "render_html", "render_docx", "docx_book", "docx_split")


def git_show(rev: str, path: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{path}"], capture_output=True, text=True,
                          check=True).stdout


def baseline(rev: str) -> types.SimpleNamespace:
    """The baseline's modules, wired to each other (and to ours for everything else), and its templates."""
    loaded: dict[str, types.ModuleType] = {}
    for name in MODULES:
        module = types.ModuleType(f"ladder_docs._baseline_{name}")
        module.__package__ = "ladder_docs"
        sys.modules[module.__name__] = module  # dataclasses look their module up
        exec(compile(git_show(rev, f"src/ladder_docs/{name}.py"), f"<{rev[:7]}:{name}.py>", "exec"),
             module.__dict__)
        loaded[name] = module
    loaded["render_html"].inline = loaded["inline"]
    loaded["render_docx"].inline = loaded["inline"]
    loaded["docx_book"].DocxBuilder = loaded["render_docx"].DocxBuilder
    listing = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", rev, "templates/html/"],
                             capture_output=True, text=True, check=True).stdout.split()
    sources = {path.removeprefix("templates/"): git_show(rev, path) for path in listing}

    def source(name: str) -> tuple[str, None, Callable[[], bool]] | None:
        return (sources[name], None, lambda: True) if name in sources else None

    # As the built-in loader serves ours: from memory, always up to date.
    loaded["render_html"].loader = lambda templates: jinja2.FunctionLoader(source)
    return types.SimpleNamespace(**loaded)


def cpu() -> float:
    gc.collect()  # what earlier rounds left is not this section's garbage to collect
    return time.process_time()


def html_jobs(contexts: Contexts, ladder: Any) -> list[tuple[str, dict[str, Any], dict[str, Any], Any]]:
    """(template, context, page, anchors) of every HTML page of a build, as build.py renders them."""
    formats = ("html", "pdf", "docx")
    return [(j.template, j.context, render_html.page_info(j.path, formats, j.kind, j.key), j.anchors)
            for j in plan(ladder, contexts, formats) if j.fmt == "html"]


def render_all(module: Any, jobs: list[Any], cold: bool, compiled: Path | None) -> tuple[float, list[str]]:
    """Every page; `compiled`: our compiled-template directory (the baseline has none)."""
    if cold:
        module.environment.cache_clear()
    extra = (compiled,) if compiled is not None else ()
    start = cpu()
    pages = [module.render(None, *job, *extra) for job in jobs]
    return time.process_time() - start, pages


def book_all(module: Any, jobs: list[Any]) -> tuple[float, Any, list[Any]]:
    start = cpu()
    book = module.Book()
    recipes = [module.RECIPES[j.kind](book, j.context, j.path, j.anchors) for j in jobs]
    book.document(jobs[0].context["meta"])
    return time.process_time() - start, book, recipes


def cut_all(module: Any, data: bytes, book: Any, recipes: list[Any]) -> tuple[float, list[bytes]]:
    resolvers = [book.resolve(r) for r in recipes]
    start = cpu()
    cut = module.BookDocx(data)
    out = [cut.handbook(r, f) for r, f in zip(recipes, resolvers, strict=True)]
    return time.process_time() - start, out


def same_parts(old: bytes, new: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(old)) as a, zipfile.ZipFile(io.BytesIO(new)) as b:
        if b.testzip() is not None or [(i.filename, i.date_time) for i in a.infolist()] != [
                (i.filename, i.date_time) for i in b.infolist()]:
            return False
        return all(a.read(i) == b.read(i.filename) for i in a.infolist())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=BUNDLE)
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--baseline", default=BASELINE)
    args = parser.parse_args()
    old = baseline(args.baseline)
    with tempfile.TemporaryDirectory(prefix="bench-render-") as tmp:
        repo = Path(tmp) / "corpus"
        subprocess.run(["git", "clone", "-q", str(args.bundle), str(repo)], check=True)
        ladder = read_ladder(Repository.open(repo), "HEAD")
        contexts = Contexts(ladder)
        docx_jobs = [j for j in plan(ladder, contexts, ("docx",)) if j.fmt == "docx"]
        _, book, recipes = book_all(docx_book, docx_jobs)
        [data] = pandoc_engine.docx_many([book.document(contexts.meta)], timestamp=ladder.revision.timestamp,
                                         footers=[render_docx.footer(docx_jobs[0].context)])
        assert isinstance(data, bytes), data
        times: dict[str, dict[str, list[float]]] = {k: {"baseline": [], "ours": []}
                                                    for k in ("html", "html cold", "html first", "docx book",
                                                              "docx cut")}
        reference: dict[str, Any] = {}  # the baseline's pages and handbooks of the round
        sizes: dict[str, int] = {}
        for _ in range(args.rounds):
            for side, html, books, split in (("baseline", old.render_html, old.docx_book, old.docx_split),
                                             ("ours", render_html, docx_book, docx_split)):
                for kind, cold in (("html first", True), ("html cold", True), ("html", False)):
                    jobs = html_jobs(Contexts(ladder), ladder)  # a build's fresh contexts, untimed
                    compiled = Path(tmp) / "compiled" if side == "ours" and kind != "html first" else None
                    took, pages = render_all(html, jobs, cold, compiled)
                    times[kind][side].append(took)
                    if side == "baseline":
                        reference["html"] = pages
                    elif pages != reference["html"]:
                        raise SystemExit("HTML differs from the baseline's")
                took, _, _ = book_all(books, docx_jobs)
                times["docx book"][side].append(took)
                took, handbooks = cut_all(split, data, book, recipes)
                times["docx cut"][side].append(took)
                sizes[side] = sum(map(len, handbooks))
                if side == "baseline":
                    reference["docx"] = handbooks
                elif not all(same_parts(a, b) for a, b in zip(reference["docx"], handbooks, strict=True)):
                    raise SystemExit("a DOCX handbook's parts differ from the baseline's")
        print(f"corpus: {len(ladder.levels)} levels, {len(reference['html'])} HTML pages, "
              f"{len(recipes)} DOCX handbooks; {args.rounds} rounds, process CPU, median")
        print(f"{'':12}{'baseline':>12}{'ours':>10}{'ratio':>8}")
        for kind, by_side in times.items():
            b, o = (statistics.median(by_side[s]) * 1000 for s in ("baseline", "ours"))
            print(f"{kind:12}{b:9.1f} ms{o:7.1f} ms{b / o:7.2f}x")
        b = sum(statistics.median(times[k]["baseline"]) for k in ("html", "docx book", "docx cut")) * 1000
        o = sum(statistics.median(times[k]["ours"]) for k in ("html", "docx book", "docx cut")) * 1000
        print(f"{'warm total':12}{b:9.1f} ms{o:7.1f} ms{b / o:7.2f}x")
        print(f"HTML pages byte-identical; DOCX parts identical, packages {sizes['baseline']:,} -> "
              f"{sizes['ours']:,} bytes ({sizes['ours'] / sizes['baseline'] - 1:+.1%}: "
              f"own parts deflated at level {docx_split.OWN_LEVEL})")


if __name__ == "__main__":
    main()
