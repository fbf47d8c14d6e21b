"""Built-in templates shipped precompiled (ladder_docs.precompiled): the committed modules are what
the generator writes now, they render byte for byte what compiling from source renders, and
anything that does not match (an edited source, another environment or jinja2) compiles again.

`pytest --update-golden` regenerates the committed modules (as `python -m ladder_docs.precompiled`).
"""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
import pytest
from conftest import git
from handbook_models import clean_ladder

from ladder_docs import changelog_render, precompiled, render_html, render_typst, templating
from ladder_docs.build import build
from ladder_docs.build_plan import plan
from ladder_docs.changelog import changelog
from ladder_docs.context import Contexts
from ladder_docs.precompiled.generate import DEFAULT_DIR, environments, generate
from ladder_docs.reader import read_ladder
from ladder_docs.redline import collect
from ladder_docs.redline_render import render_all
from ladder_docs.source import Repository

Seen = list[tuple[str, bool]]


def tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): p.read_text("utf-8") for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> Iterator[Seen]:
    """Every built-in load: (template name, whether precompiled code served it)."""
    loads: Seen = []
    real = precompiled.code

    def spy(environment: jinja2.Environment, name: str, source: str) -> CodeType | None:
        found = real(environment, name, source)
        loads.append((name, found is not None))
        return found

    monkeypatch.setattr(precompiled, "code", spy)
    yield loads


def fresh() -> None:
    """As a new process: no environment (and no loaded template) kept."""
    render_html.environment.cache_clear()
    render_typst.environment.cache_clear()


def shipped_for_this_jinja2() -> None:
    """Skip when the installed jinja2 is not the one the modules were compiled by (they are then not used)."""
    from ladder_docs.precompiled.html import MANIFEST

    shipped = MANIFEST["signature"]["jinja2"]
    if shipped != jinja2.__version__:
        pytest.skip(f"templates precompiled by jinja2 {shipped}, {jinja2.__version__} installed: they compile "
                    "from source (run python -m ladder_docs.precompiled after changing the pin)")


def test_committed_modules_are_what_the_generator_writes(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    shipped_for_this_jinja2()
    if request.config.getoption("--update-golden"):
        generate(DEFAULT_DIR)
    written = generate(tmp_path)
    assert tree(DEFAULT_DIR / "html") == tree(tmp_path / "html"), "run: python -m ladder_docs.precompiled"
    assert tree(DEFAULT_DIR / "typst") == tree(tmp_path / "typst"), "run: python -m ladder_docs.precompiled"
    assert len(written) == 12 + 1 + 10 + 1  # html: 12 templates, typst: 10, a manifest each
    again = tree(tmp_path)
    generate(tmp_path)
    assert tree(tmp_path) == again and str(tmp_path) not in "".join(again.values())  # no paths, no clock
    assert "name = 'typst/macros.typ.j2'\n" in again["typst/t_typst_macros_typ_j2.py"]


def test_every_builtin_of_each_environment_loads_precompiled(seen: Seen) -> None:
    shipped_for_this_jinja2()
    for kind, (_, renders) in sorted(environments().items()):
        environment = {"html": render_html, "typst": render_typst}[kind].environment.__wrapped__(None)
        names = [n for n in templating.builtin_names() if renders(n)]
        for name in names:
            template = environment.get_template(name)
            assert template.filename == "<template>" and template.is_up_to_date
        assert seen[-len(names):] == [(n, True) for n in names]
    assert len(seen) == 22


def recorded(monkeypatch: pytest.MonkeyPatch, run: Callable[[], object]) -> list[tuple[Any, ...]]:
    """Every render_html/render_typst.render call `run` makes: (module, args, kwargs, output)."""
    calls: list[tuple[Any, ...]] = []
    with monkeypatch.context() as patch:
        for module in (render_html, render_typst):
            def record(*args: Any, _module: Any = module, _real: Any = module.render, **kwargs: Any) -> str:
                out = _real(*args, **kwargs)
                calls.append((_module, args, kwargs, out))
                return str(out)

            patch.setattr(module, "render", record)
        run()
    return calls


@pytest.fixture
def example_changed(example_repo: Path) -> Path:
    """The example ladder with a second commit: one level's competency reworded, one added."""
    level = example_repo / "ladder/Engineering/Data-Engineering/L2-Data-Engineer.md"
    text = level.read_text("utf-8")
    level.write_text(text.replace("I use version control", "I use version control and small commits")
                     .replace("- I ask for help", "- I document my pipelines.\n- I ask for help"), "utf-8")
    git(example_repo, "commit", "-q", "-am", "Reword L2 Data Engineer")
    return example_repo


def test_example_ladder_renders_byte_identical_to_compiling_from_source(
        example_changed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seen: Seen) -> None:
    repo = Repository.open(example_changed)
    ladder = read_ladder(repo, "HEAD")
    redlines = collect(repo, "HEAD~1..HEAD")
    log = changelog(repo, "HEAD~1..HEAD")
    fresh()
    calls = recorded(monkeypatch, lambda: (build(ladder, tmp_path / "dist", formats={"html", "pdf"}),
                                           render_all(redlines, formats={"html", "pdf"}, templates=None)))
    calls += [(render_typst, (None, j.template, j.context, {"path": j.path}, j.anchors), {},
               render_typst.render(None, j.template, j.context, {"path": j.path}, j.anchors))
              for j in plan(ladder, Contexts(ladder), ("pdf",)) if j.fmt == "pdf"]
    changes = changelog_render.render_html(log)
    assert seen and all(used for _, used in seen)
    assert {name for name, _ in seen} == {n for n in templating.builtin_names() if n.endswith((".j2", ".css", ".typ"))}
    kinds = Counter(c[1][1] for c in calls)
    # 12 levels, 3 tracks, the ladder, the index; the PDF path's 2 level documents, the ladder's
    # parts and 2 fronts; the one changed level's redline
    assert kinds == {"html/level.html.j2": 12, "html/track.html.j2": 3, "html/ladder.html.j2": 1,
                     "html/index.html.j2": 1, "html/redline.html.j2": 1, "html/redline-index.html.j2": 1,
                     "typst/level.typ.j2": 12, "typst/track.typ.j2": 3, "typst/ladder.typ.j2": 1,
                     "typst/track-levels.typ.j2": 2, "typst/ladder-parts.typ.j2": 1, "typst/fronts.typ.j2": 2,
                     "typst/redline.typ.j2": 1}
    fresh()
    monkeypatch.setattr(precompiled, "code", lambda *args: None)
    for module, args, kwargs, out in calls:
        assert module.render(*args, **{**kwargs, "compiled": None}) == out, args[1]
    assert changelog_render.render_html(log) == changes and "I document my pipelines." in changes
    fresh()


def test_an_edited_builtin_compiles_from_its_source(monkeypatch: pytest.MonkeyPatch, seen: Seen) -> None:
    real = templating._builtin_source
    monkeypatch.setattr(templating, "_builtin_source",
                        lambda name: None if (s := real(name)) is None else
                        s + ("/* edited */\n" if name == "html/style.css" else ""))
    environment = render_html.environment.__wrapped__(None)
    assert environment.get_template("html/style.css").render().endswith("}\n/* edited */\n")
    environment.get_template("html/base.html.j2")
    assert seen == [("html/style.css", False), ("html/base.html.j2", True)]


@pytest.mark.parametrize("change", ["option", "filter", "jinja2", "stock"])
def test_another_signature_compiles_from_source(change: str, monkeypatch: pytest.MonkeyPatch, seen: Seen) -> None:
    environment = render_typst.environment.__wrapped__(None)
    if change == "option":
        environment.trim_blocks = False
    elif change == "filter":
        environment.filters["heading"] = lambda depth: "=" * depth
    elif change == "jinja2":
        monkeypatch.setattr(jinja2, "__version__", "3.1.999")
    else:  # another environment sharing the loader (as a redline or a test's stock jinja2 does)
        environment = jinja2.Environment(loader=environment.loader, autoescape=True)
    assert environment.get_template("typst/extra.typ").render().startswith("// ")
    assert seen == [("typst/extra.typ", False)]


def test_missing_packages_mean_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(precompiled, "KINDS", ("absent",))
    monkeypatch.setattr(precompiled, "_MANIFESTS", {})
    monkeypatch.setattr(precompiled, "_LOADED", [])
    environment = render_typst.environment.__wrapped__(None)
    assert precompiled.code(environment, "typst/extra.typ", templating.builtin_source("typst/extra.typ")) is None
    assert environment.get_template("typst/extra.typ").render().startswith("// ")


def test_a_user_file_wins_and_outdates_the_precompiled_builtin(tmp_path: Path, seen: Seen) -> None:
    environment = render_html.environment.__wrapped__(tmp_path)
    builtin = environment.get_template("html/style.css")
    assert builtin.is_up_to_date and seen == [("html/style.css", True)]
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "style.css").write_text("main { color: teal; }\n")
    assert not builtin.is_up_to_date
    assert environment.get_template("html/style.css").render() == "main { color: teal; }\n"
    assert len(seen) == 1  # the user's file never asks for precompiled code


def frames(environment: jinja2.Environment) -> list[tuple[str, int]]:
    with pytest.raises(jinja2.UndefinedError) as failed:
        environment.get_template("html/level.html.j2").render(page={})
    return [(f.filename, f.lineno or 0) for f in traceback.extract_tb(failed.value.__traceback__)
            if f.filename == "<template>"]


def test_errors_point_at_the_same_template_lines(monkeypatch: pytest.MonkeyPatch, seen: Seen) -> None:
    lines = frames(render_html.environment.__wrapped__(None))
    assert seen and all(used for _, used in seen)
    monkeypatch.setattr(precompiled, "code", lambda *args: None)
    assert frames(render_html.environment.__wrapped__(None)) == lines and len(lines) >= 2


def test_clean_ladder_pages_identical(monkeypatch: pytest.MonkeyPatch) -> None:
    contexts = Contexts(clean_ladder())
    jobs = [j for j in plan(clean_ladder(), contexts, ("html",)) if j.fmt == "html"]

    def pages() -> list[str]:
        fresh()
        return [render_html.render(None, j.template, j.context, render_html.page_info(j.path, {"html"}, j.kind, j.key),
                                   j.anchors) for j in jobs]

    ours = pages()
    monkeypatch.setattr(precompiled, "code", lambda *args: None)
    assert pages() == ours and len(ours) == 5
    fresh()
