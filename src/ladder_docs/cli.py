"""The command line: parse arguments, load the ladder, call the library, map errors to exit codes."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import LadderDocsError, UsageError
from .malloc_tuning import tune_malloc
from .model import Ladder
from .source import Repository


def _common(p: argparse.ArgumentParser, rev: bool = False) -> None:
    p.add_argument("--repo", metavar="PATH", help="git repository (default: the one around the cwd)")
    p.add_argument("--root", metavar="DIR", help="ladder root inside the repository (default: from config)")
    p.add_argument("-v", "--verbose", action="store_true", help="show a traceback on error")
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    if rev:
        p.add_argument("--rev", metavar="REV", help="read this revision (default: the working tree)")


def open_repo(args: argparse.Namespace) -> Repository:
    """The repository the command works on."""
    return Repository.open(args.repo) if args.repo else Repository.open(None)


def load(args: argparse.Namespace) -> tuple[Repository, Ladder]:
    """Open the repository and read the ladder at --rev (or the working tree)."""
    from .reader import read_ladder

    repo = open_repo(args)
    return repo, read_ladder(repo, getattr(args, "rev", None), args.root)


def cmd_show(args: argparse.Namespace) -> int:
    from .reader import find_level
    from .showing import dumps, ladder_json, ladder_text, level_json, level_text

    _, ladder = load(args)
    if args.level:
        lv = find_level(ladder, args.level)
        print(dumps(level_json(lv)) if args.format == "json" else level_text(lv))
    else:
        print(dumps(ladder_json(ladder)) if args.format == "json" else ladder_text(ladder))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .check import check, failed, format_diagnostics

    repo, ladder = load(args)
    sha = ladder.revision.sha if args.rev else None
    files = [e.path for e in (repo.tree(sha) if sha else repo.worktree_files())]
    diags = check(ladder, files)
    shown = [d for d in diags if not args.quiet or d.severity == "error"]
    if shown:
        print(format_diagnostics(shown, args.format))
    bad = failed(diags, args.strict)
    if args.format == "text" and not args.quiet:
        counts = {s: sum(d.severity == s for d in diags) for s in ("error", "warning")}
        levels = len(ladder.levels)
        print(f"checked {levels} levels in {len(ladder.tracks)} tracks: "
              f"{counts['error']} errors, {counts['warning']} warnings", file=sys.stderr)
    return 1 if bad else 0


def _formats(text: str) -> set[str]:
    fmts = {f.strip().lower() for f in text.split(",") if f.strip()}
    bad = fmts - {"html", "pdf", "docx"}
    if bad or not fmts:
        raise UsageError(f"--formats: unknown format(s) {', '.join(sorted(bad)) or '(none)'}; use html,pdf,docx")
    return fmts


def _out_dir(repo: Repository, given: str | None, default: str) -> Path:
    if given:
        return Path(given)
    return (repo.workdir or Path.cwd()) / default


def cmd_build(args: argparse.Namespace) -> int:
    from .build import BuildFailed, build

    repo, ladder = load(args)
    for d in ladder.diagnostics:
        if d.severity == "error" or not args.quiet:
            print(d, file=sys.stderr)
    try:
        result = build(ladder, _out_dir(repo, args.out, "dist"), formats=_formats(args.formats),
                       templates=Path(args.templates) if args.templates else None, partial=args.partial,
                       progress=not args.quiet)
    except BuildFailed as exc:
        for f in exc.failures:
            print(f"ladder-docs: failed: {f}", file=sys.stderr)
        raise
    for d in result.problems if not args.quiet else []:
        print(d, file=sys.stderr)
    for f in result.failures:
        print(f"ladder-docs: failed: {f}", file=sys.stderr)
    if not args.quiet:
        state = "published" if result.published else "up to date"
        print(f"{len(result.artifacts)} artifacts in {result.out} ({state}; {result.rendered} rendered, "
              f"{result.reused} reused)", file=sys.stderr)
    return 1 if result.failures else 0


def cmd_context(args: argparse.Namespace) -> int:
    from .context import level_context
    from .reader import find_level
    from .showing import dumps

    _, ladder = load(args)
    print(dumps(level_context(ladder, find_level(ladder, args.level).key)))
    return 0


def _write_or_print(text: str, out: str | None) -> None:
    if out:
        from .atomicfile import atomic_write_text

        atomic_write_text(Path(out), text)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def cmd_changelog(args: argparse.Namespace) -> int:
    from .changelog import changelog
    from .changelog_render import render_html, render_json, render_markdown

    repo = open_repo(args)
    log = changelog(repo, args.range, since=args.since, all=args.all, root=args.root)
    render = {"md": render_markdown, "json": render_json, "html": render_html}[args.format]
    _write_or_print(render(log), args.out)
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from .history import history, history_json, render_history_markdown
    from .showing import dumps

    repo = open_repo(args)
    h = history(repo, args.level, rev=args.rev or "HEAD", root=args.root)
    print(dumps(history_json(h)) if args.format == "json" else render_history_markdown(h))
    return 0


def cmd_redline(args: argparse.Namespace) -> int:
    from .redline import redline

    repo = open_repo(args)
    if ".." not in args.range:
        raise UsageError(f"redline needs a range A..B (or A.. for the working tree), not {args.range!r}")
    result = redline(repo, args.range, formats=_formats(args.formats), out=_out_dir(repo, args.out, "redline"),
                     root=args.root, templates=Path(args.templates) if args.templates else None)
    for f in result.failures:
        print(f"ladder-docs: failed: {f}", file=sys.stderr)
    if not args.quiet:
        print(f"{len(result.levels)} changed levels, {len(result.files)} files in {result.out} "
              f"({result.base.version}..{result.head.version})", file=sys.stderr)
    return 1 if result.failures else 0


def cmd_release(args: argparse.Namespace) -> int:
    from .build import BuildFailed
    from .release import ReleaseBlocked, release

    repo = open_repo(args)
    try:
        result = release(repo, tag=args.tag, out=Path(args.out) if args.out else None, strict=args.strict,
                         root=args.root, progress=not args.quiet)
    except ReleaseBlocked as exc:
        for d in exc.diagnostics:
            print(d, file=sys.stderr)
        raise
    except BuildFailed as exc:
        for f in exc.failures:
            print(f"ladder-docs: failed: {f}", file=sys.stderr)
        raise
    for d in result.diagnostics if not args.quiet else []:
        print(d, file=sys.stderr)
    if not args.quiet:
        since = f" since {result.previous}" if result.previous else ""
        print(f"release {result.version}: {len(result.artifacts)} files in {result.out}; "
              f"{result.changes} changes{since} (suggested bump: {result.bump})", file=sys.stderr)
    print(result.out)  # for scripts: where the release is
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from .manifest import verify

    problems = verify(Path(args.dir))
    for p in problems:
        print(p)
    if not args.quiet:
        print(f"{args.dir}: {'OK' if not problems else f'{len(problems)} problem(s)'}", file=sys.stderr)
    return 1 if problems else 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = argparse.ArgumentParser(prog="ladder-docs", description="Publish a career ladder kept in git.")
    parser.add_argument("--version", action="version", version=f"ladder-docs {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("show", help="print the ladder model")
    _common(p, rev=True)
    p.add_argument("level", nargs="?", metavar="LEVEL", help="one level (key or path)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("check", help="lint the ladder")
    _common(p, rev=True)
    p.add_argument("--format", choices=("text", "json", "github"), default="text")
    p.add_argument("--strict", action="store_true", help="warnings fail too")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("build", help="build the handbooks (HTML, PDF, DOCX) into an output directory")
    _common(p, rev=True)
    p.add_argument("--formats", default="html,pdf,docx", help="comma-separated: html,pdf,docx")
    p.add_argument("--out", metavar="DIR", help="output directory (default: dist/ in the repository)")
    p.add_argument("--templates", metavar="DIR", help="template directory overriding built-in templates file by file")
    p.add_argument("--partial", action="store_true", help="publish what built even if some artifacts failed")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("context", help="print a level's template context as JSON")
    _common(p, rev=True)
    p.add_argument("level", metavar="LEVEL", help="level key or path")
    p.set_defaults(func=cmd_context)

    p = sub.add_parser("changelog", help="semantic changelog between revisions")
    _common(p)
    p.add_argument("range", nargs="?", metavar="RANGE", help="A..B, or A.. (A against the working tree)")
    p.add_argument("--since", metavar="DATE", help="changes since this date")
    p.add_argument("--all", action="store_true", help="include formatting-only changes")
    p.add_argument("--format", choices=("md", "html", "json"), default="md")
    p.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    p.set_defaults(func=cmd_changelog)

    p = sub.add_parser("history", help="every revision of a level and competency-level blame")
    _common(p, rev=True)
    p.add_argument("level", metavar="LEVEL", help="level key or path")
    p.add_argument("--format", choices=("md", "json"), default="md")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("redline", help="changed levels with their changes marked (HTML, PDF, DOCX)")
    _common(p)
    p.add_argument("range", metavar="RANGE", help="A..B, or A.. (A against the working tree)")
    p.add_argument("--formats", default="html,pdf,docx", help="comma-separated: html,pdf,docx")
    p.add_argument("--out", metavar="DIR", help="output directory (default: redline/ in the repository)")
    p.add_argument("--templates", metavar="DIR", help="template directory overriding built-in templates file by file")
    p.set_defaults(func=cmd_redline)

    p = sub.add_parser("release", help="check, build, changelog, redlines, zips and manifest for a version")
    _common(p)
    p.add_argument("--tag", metavar="TAG", help="version tag (default: the version tag at HEAD, else HEAD)")
    p.add_argument("--out", metavar="DIR", help="output directory (default: release/<version>/)")
    p.add_argument("--strict", action="store_true", help="warnings stop the release too")
    p.set_defaults(func=cmd_release)

    p = sub.add_parser("verify", help="recompute a build or release manifest")
    _common(p)
    p.add_argument("dir", metavar="DIR", help="directory holding manifest.json")
    p.set_defaults(func=cmd_verify)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: returns the exit code."""
    tune_malloc()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = int(args.func(args))
    except LadderDocsError as exc:
        if args.verbose:
            traceback.print_exc()
        print(f"ladder-docs: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("ladder-docs: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:  # noqa: BLE001 - the CLI's last resort: one line, traceback with -v
        if args.verbose:
            traceback.print_exc()
        print(f"ladder-docs: internal error: {type(exc).__name__}: {exc} (run with -v for the traceback)",
              file=sys.stderr)
        return 1
    sys.stdout.flush()
    return code


if __name__ == "__main__":
    sys.exit(main())
