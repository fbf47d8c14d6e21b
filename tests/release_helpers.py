"""Shared by the release and workflow tests: the acceptance ladder repository (tags v1.0.0 and
v1.1.0 with three changes between them) and a local runner for GitHub workflow jobs."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from conftest import ROOT, git

from ladder_docs.cli import build_parser

VENV_BIN = Path(sys.executable).parent

_LEVEL = """# L{n}: {title}

> {summary}

**Planning horizon:** {horizon}
**Impact radius:** {radius}

## 🦉 Domain Expertise

- {domain}
- I read our runbooks to understand how a service behaves in production.

**Examples:**

- I fixed a flaky test in my first week.

## 🌱 Teaching and Mentoring

- I act on feedback from code reviews.
- {teaching}
"""
LEVELS = {
    "L1-Junior-Engineer.md": dict(n=1, title="Junior Engineer", summary="I am learning how our systems work.",
                                  horizon="1-2 weeks", radius="Self", domain="I write clear commit messages.",
                                  teaching="I share what I learn with my team."),
    "L2-Engineer.md": dict(n=2, title="Engineer", summary="I deliver features on my own.", horizon="1-2 months",
                           radius="Team", domain="I write clear code that others can change.",
                           teaching="I help new starters find their way."),
    "L3-Senior-Engineer.md": dict(n=3, title="Senior Engineer", summary="I lead projects across my team.",
                                  horizon="3-6 months", radius="Several teams",
                                  domain="I design systems that stay simple.", teaching="I mentor two engineers."),
}
REWORD = ("I write clear code that others can change.", "I write clear, well-tested code that others can change.")
ADDED = "I plan capacity for the services my team owns."
MOVE = ("ladder/Engineering/L1-Junior-Engineer.md", "ladder/Engineering/L1 - Junior Engineer.md")


def _commit(repo: Path, message: str, date: str) -> str:
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "Ada Author"}
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, env=env)
    return git(repo, "rev-parse", "--short=7", "HEAD").strip()


def acme_repo(path: Path) -> dict[str, str]:
    """The acceptance repository at `path`: v1.0.0 (three levels); then a reword in L2 (PR #12),
    a competency added to L3 and the L1 file renamed, one commit each; v1.1.0 at HEAD. It carries
    this project's noxfile.py and .github/ so its workflows can run against it. Returns short shas."""
    eng = path / "ladder" / "Engineering"
    eng.mkdir(parents=True)
    git(path, "init", "-q")
    for name, fields in LEVELS.items():
        (eng / name).write_text(_LEVEL.format(**fields), encoding="utf-8")
    (path / "pyproject.toml").write_text('[tool.ladder-docs]\nname = "Acme Career Ladder"\nroot = "ladder"\n')
    shutil.copy(ROOT / "noxfile.py", path / "noxfile.py")
    shutil.copytree(ROOT / ".github", path / ".github")
    (path / ".gitignore").write_text("release/\ndist/\n.nox/\n")
    shas = {"v1.0.0": _commit(path, "Ladder v1", "2025-01-10T10:00:00+00:00")}
    git(path, "tag", "v1.0.0")
    l2 = eng / "L2-Engineer.md"
    l2.write_text(l2.read_text(encoding="utf-8").replace(*REWORD), encoding="utf-8")
    shas["reword"] = _commit(path, "Reword the L2 code competency (#12)", "2025-02-01T10:00:00+00:00")
    l3 = eng / "L3-Senior-Engineer.md"
    text = l3.read_text(encoding="utf-8")
    l3.write_text(text.replace("- I design systems that stay simple.\n",
                               f"- I design systems that stay simple.\n- {ADDED}\n"), encoding="utf-8")
    shas["add"] = _commit(path, "Add capacity planning to L3", "2025-02-02T10:00:00+00:00")
    git(path, "mv", MOVE[0], MOVE[1])
    shas["move"] = _commit(path, "Rename the L1 file", "2025-02-03T10:00:00+00:00")
    git(path, "tag", "v1.1.0")
    shas["v1.1.0"] = shas["move"]
    return shas


def full_sha(repo: Path, rev: str) -> str:
    """The full sha of a revision."""
    return git(repo, "rev-parse", f"{rev}^{{commit}}").strip()


def cli_commands() -> dict[str, set[str]]:
    """Every ladder-docs command → the options it accepts."""
    sub = next(a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    return {name: {o for a in p._actions for o in a.option_strings}
            for name, p in sub.choices.items()}  # type: ignore[attr-defined]


# ---- running GitHub workflow jobs locally -------------------------------------------------------

_EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
_NOX_RUNNER = """import sys
import nox.sessions

def _installed(self, *args, **kwargs):
    # The test's interpreter has ladder-docs installed already; nothing to install.
    print("nox-stub: skipped session.install", *args, file=sys.stderr)

nox.sessions.Session.install = _installed
from nox.__main__ import main
sys.exit(main())
"""
_PYTHON3 = """#!/bin/sh
# Stand-in for the runner's python3: pip installs are recorded (this interpreter has ladder-docs),
# `python3 noxfile.py ARGS` runs the real noxfile with nox in this interpreter (no venv, no network).
echo "python3 $*" >> "$STUB_LOG"
if [ "$1" = "-m" ] && [ "$2" = "pip" ]; then exit 0; fi
case "$1" in
  noxfile.py|*/noxfile.py) noxfile="$1"; shift; exec "{py}" "{runner}" -f "$noxfile" --no-venv "$@";;
esac
exec "{py}" "$@"
"""
_GH = """#!{py}
# Stand-in for the GitHub CLI (no network here): records each call and the notes file it was given.
import json, os, sys
args = sys.argv[1:]
notes = None
if "--notes-file" in args:
    with open(args[args.index("--notes-file") + 1], encoding="utf-8") as fh:
        notes = fh.read()
with open(os.environ["GH_LOG"], "a", encoding="utf-8") as fh:
    fh.write(json.dumps({{"args": args, "notes": notes}}) + "\\n")
"""


@dataclass
class StepRun:
    """One executed `run:` step."""

    name: str
    script: str
    returncode: int
    stdout: str
    stderr: str


@dataclass
class JobRun:
    """What a job did: its steps, the actions it would use, the summary and the gh calls."""

    steps: list[StepRun]
    uses: list[dict[str, Any]]
    summary: str
    gh_calls: list[dict[str, Any]]
    stub_log: str


def expand(text: str, context: dict[str, Any]) -> str:
    """Replace `${{ a.b.c }}` by its value in `context`; an unknown expression fails loudly."""

    def value(m: re.Match[str]) -> str:
        node: Any = context
        for part in m.group(1).split("."):
            if not isinstance(node, dict) or part not in node:
                raise AssertionError(f"workflow expression not supported by the test runner: {m.group(0)}")
            node = node[part]
        return str(node)

    return _EXPR.sub(value, text)


def _stubs(where: Path) -> Path:
    where.mkdir(parents=True, exist_ok=True)
    runner = where / "nox_runner.py"
    runner.write_text(_NOX_RUNNER)
    for name, text in (("python3", _PYTHON3.format(py=sys.executable, runner=runner)),
                       ("gh", _GH.format(py=sys.executable))):
        (where / name).write_text(text)
        (where / name).chmod(0o755)
    return where


def run_job(workflow: Path, workspace: Path, context: dict[str, Any], tmp: Path, job: str | None = None) -> JobRun:
    """Run a workflow job's `run:` steps in `workspace` (standing for the checkout) with bash -e,
    as GitHub's Ubuntu runner would, `gh` and `python3` replaced by stubs (see above)."""
    doc = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    jobs = doc["jobs"]
    spec = jobs[job or next(iter(jobs))]
    stubs = _stubs(tmp / "stubs")
    summary, gh_log, stub_log = tmp / "step-summary.md", tmp / "gh.jsonl", tmp / "stub.log"
    for f in (summary, gh_log, stub_log):
        f.write_text("")
    github = context.get("github", {})
    env = {**os.environ, "PATH": f"{stubs}{os.pathsep}{VENV_BIN}{os.pathsep}{os.environ['PATH']}",
           "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(workspace),
           "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_REF_NAME": str(github.get("ref_name", "")),
           "GITHUB_REF": str(github.get("ref", "")), "GITHUB_SHA": str(github.get("sha", "")),
           "GITHUB_EVENT_NAME": str(github.get("event_name", "")), "RUNNER_TEMP": str(tmp),
           "GH_LOG": str(gh_log), "STUB_LOG": str(stub_log)}
    for scope in (doc.get("env"), spec.get("env")):
        env.update({k: expand(str(v), context) for k, v in (scope or {}).items()})
    steps: list[StepRun] = []
    uses: list[dict[str, Any]] = []
    failed = False
    for step in spec["steps"]:
        if "uses" in step:
            uses.append(step)  # checkout and setup-python: the workspace and this interpreter stand in
            continue
        cond = str(step.get("if", "success()")).removeprefix("${{").removesuffix("}}").strip()
        assert cond in ("success()", "always()"), f"step condition not supported by the test runner: {cond}"
        if failed and cond != "always()":
            continue
        script = expand(step["run"], context)
        step_env = {**env, **{k: expand(str(v), context) for k, v in (step.get("env") or {}).items()}}
        proc = subprocess.run(["bash", "-e", "-c", script], cwd=workspace, env=step_env, capture_output=True,
                              text=True, check=False, timeout=600)
        steps.append(StepRun(str(step.get("name", script.splitlines()[0])), script, proc.returncode, proc.stdout,
                             proc.stderr))
        failed = failed or proc.returncode != 0
    calls = [json.loads(line) for line in gh_log.read_text().splitlines() if line]
    return JobRun(steps, uses, summary.read_text(encoding="utf-8"), calls, stub_log.read_text())


def pull_request_context(repo: Path, base: str, head: str) -> dict[str, Any]:
    """The expression context of a pull_request event from `base` to `head`."""
    return {"github": {"event_name": "pull_request", "ref": "refs/pull/7/merge", "ref_name": "7/merge",
                       "sha": full_sha(repo, head), "token": "test-token",
                       "event": {"pull_request": {"number": 7, "base": {"sha": full_sha(repo, base)},
                                                  "head": {"sha": full_sha(repo, head)}}}}}


def tag_push_context(repo: Path, tag: str) -> dict[str, Any]:
    """The expression context of a pushed tag."""
    return {"github": {"event_name": "push", "ref": f"refs/tags/{tag}", "ref_name": tag, "ref_type": "tag",
                       "sha": full_sha(repo, tag), "token": "test-token"}}
