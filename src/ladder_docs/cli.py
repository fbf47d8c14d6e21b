"""The command line: parse arguments, load the ladder, call the library, map errors to exit codes."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .errors import LadderDocsError, UsageError
from .model import Ladder, Level
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


def find_level(ladder: Ladder, ref: str) -> Level:
    """A level by key or by path (repo-relative or relative to the ladder root)."""
    lv = ladder.level(ref)
    if lv is not None:
        return lv
    norm = ref.replace("\\", "/").lstrip("./")
    for cand in ladder.levels:
        if norm in (cand.path, cand.path[len(ladder.root) + 1 :] if ladder.root else cand.path):
            return cand
    raise UsageError(f"no level {ref!r}: give a level key (see `ladder-docs show`) or a path")


def cmd_show(args: argparse.Namespace) -> int:
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

    for register in _EXTRA:
        register(sub)
    return parser


_EXTRA: list[Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = []


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: returns the exit code."""
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
    sys.stdout.flush()
    return code


if __name__ == "__main__":
    sys.exit(main())
