"""The changelog: which revisions to compare, their semantic changes, and who made each one.

`changelog(repo, "A..B")` is one range; without a range it is the latest version tag ..HEAD or,
without tags, one section per first-parent revision that changed ladder files, newest first.
Renderers live in changelog_render.py.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import walksplit
from .attribution import attribute
from .changeset import Bump, Change, suggested_bump
from .config import Config
from .diff import diff_ladders
from .errors import RepoError, UsageError
from .gitlog import BlobReader, Commit, Git, LogEntry
from .model import Ladder, Revision
from .reader import load_config, read_ladder, resolve_root
from .revwalk import Differ, Tree, walk
from .source import Repository, check_rev

WHAT = "the changelog"


@dataclass(frozen=True)
class Section:
    """The changes from `base` (None: before the first commit) to `head`; a per-revision
    section also carries the head commit's subject."""

    base: Revision | None
    head: Revision
    changes: tuple[Change, ...]
    subject: str | None = None

    @property
    def bump(self) -> Bump:
        """The version bump these changes call for."""
        return suggested_bump(self.changes)


@dataclass(frozen=True)
class Changelog:
    """One range (`per_revision` False) or one section per revision, newest first."""

    name: str
    sections: tuple[Section, ...]
    per_revision: bool


class PullRequests:
    """The pull request that brought a commit into the default branch's first-parent history."""

    def __init__(self, git: Git, tip: str | None = None, own: frozenset[str] = frozenset(),
                 known: dict[str, Commit] | None = None):
        self._git = git
        self._tip = tip  # the default branch's sha (None: look it up when needed)
        self._own = own  # commits known to be first-parent commits of the default branch
        self._known = dict(known or {})

    def __call__(self, commit: Commit) -> int | None:
        """The PR number, or None (a direct push, or not merged yet: then the subject's own)."""
        if commit.sha in self._own:
            return commit.own_pr
        if self._tip is None:
            self._tip = self._git.resolve(self._git.default_branch())
        owner = self._git.introducers(self._tip).get(commit.sha)
        if owner is None or owner == commit.sha:
            return commit.own_pr
        if owner not in self._known:
            self._known.update((e.commit.sha, e.commit)
                               for e in self._git.log([self._tip], first_parent=True, raw=False))
        return self._known[owner].own_pr


def commit_revision(commit: Commit, tag: str | None = None) -> Revision:
    """A commit as a changelog section names it."""
    return Revision(commit.sha[:7], commit.sha, commit.committed, False, tag or commit.sha[:7], tag)


def parse_range(text: str) -> tuple[str, str | None]:
    """`A..B` → (A, B); `A..` → (A, None): A against the working tree."""
    if "..." in text or text.count("..") != 1:
        raise UsageError(f"invalid range {text!r}: expected A..B or A.. (A against the working tree)")
    a, b = text.split("..")
    return check_rev(a), (check_rev(b) if b else None)


def _differ(repo: Repository, blobs: BlobReader, root: str | None, config: Config) -> Differ:
    """A Differ with this configuration and the ladder root (`root`, the configured one, or
    `ladder/` when the working tree has one)."""
    ladder_root = resolve_root(repo, None if repo.workdir else repo.resolve("HEAD"), config, root)

    def read(blob: str | None, path: str) -> bytes:
        return blobs.read(blob, path) if blob is not None else repo.read_worktree(path)

    return Differ(read, config, ladder_root)


def _empty(like: Ladder) -> Ladder:
    return Ladder(like.name, like.root, Revision("", "", "", False, ""), ())


def _range(repo: Repository, git: Git, a: str | None, b: str | None, root: str | None,
           config: Config | None, cfg: Config, show_all: bool) -> Section:
    a_sha = git.resolve(a) if a is not None else None
    b_sha = git.resolve(b) if b is not None else git.resolve("HEAD")
    git.require_history(WHAT, a_sha)
    new = read_ladder(repo, b, root, config)
    old = read_ladder(repo, a, root, config) if a is not None else _empty(new)
    changes = [c for c in diff_ladders(old, new) if show_all or not c.formatting]
    entries = list(git.log([b_sha, *([f"^{a_sha}"] if a_sha else [])], no_merges=True,
                           reverse=True))
    with git.blobs() as blobs:
        differ = _differ(repo, blobs, root, cfg)
        blobs.prefetch([sha for e in entries for sha in differ.wanted(e.files)])
        steps = []
        for e in entries:
            try:
                steps.append((e.commit, differ.changes(e.files)))
            except RepoError as exc:
                raise RepoError(f"{exc} at revision {e.commit.sha[:7]}") from exc
    attributed = attribute(changes, steps, PullRequests(git))
    return Section(old.revision if a is not None else None, new.revision, tuple(attributed))


def _sections(repo: Repository, git: Git, root: str | None, config: Config,
              show_all: bool) -> list[Section]:
    git.require_history(WHAT, None)
    head = git.resolve("HEAD")
    with git.blobs() as blobs:
        return _walk(git, blobs, _differ(repo, blobs, root, config), head, show_all)


def _walk(git: Git, blobs: BlobReader, differ: Differ, head: str,
          show_all: bool) -> list[Section]:
    chain = git.run("rev-list", "--first-parent", "--reverse", head, "--").split()
    cut = walksplit.split_point(len(chain))
    # A long history: its later part walks in a second process meanwhile, from its own log.
    later = None if cut is None else walksplit.Later(git.path, differ.config, differ.root,
                                                     chain[cut - 1], head, show_all)
    try:
        entries = list(git.log([chain[cut - 1] if cut else head], first_parent=True, reverse=True))
        blobs.prefetch([sha for e in entries for sha in differ.wanted(e.files)])
        found = [(e.commit, ch) for e, ch in walk(differ, Tree(), entries, show_all)]
    except BaseException:
        if later is not None:
            later.stop()  # not left running (or blocked on its output) when this walk fails
        raise
    known = {e.commit.sha: e.commit for e in entries}
    for commit, parent, changes in later.result() if later is not None else ():
        known.update({commit.sha: commit} | ({parent.sha: parent} if parent else {}))
        found.append((commit, changes))
    return _sections_of(git, blobs, differ, head, frozenset(chain), known, found)


def _sections_of(git: Git, blobs: BlobReader, differ: Differ, head: str, chain: frozenset[str],
                 known: dict[str, Commit], found: list[tuple[Commit, list[Change]]]) -> list[Section]:
    """Sections, newest first, their changes attributed: a plain commit made its own; a merge's
    were made by the commits of the branch it merged (chained through their own diffs)."""
    tip = git.resolve(git.default_branch())
    prs = PullRequests(git, tip, chain if tip == head else frozenset(), known)
    merges = {c.sha for c, _changes in found if len(c.parents) > 1}
    branches: dict[str, list[LogEntry]] = {m: [] for m in merges}
    owner = git.introducers(head) if merges else {}
    for e in git.log([head], no_merges=True, reverse=True) if merges else ():
        if owner.get(e.commit.sha) in branches:
            branches[owner[e.commit.sha]].append(e)
    # A merge of one commit needs no per-commit diffs: that commit made every change.
    sole = {m: b[0].commit for m, b in branches.items() if len(b) == 1}
    diffed = [e for m, b in branches.items() if m not in sole for e in b]
    blobs.prefetch([sha for e in diffed for sha in differ.wanted(e.files)])
    steps: dict[str, list[tuple[Commit, list[Change]]]] = {m: [] for m in branches}
    for e in diffed:
        steps[owner[e.commit.sha]].append((e.commit, differ.changes(e.files)))
    out = []
    for commit, changes in reversed(found):
        if commit.sha in merges and commit.sha not in sole:
            changes = attribute(changes, steps[commit.sha], prs)
        else:
            maker = sole.get(commit.sha, commit)
            ref = (maker.ref(prs(maker)),)
            changes = [c.with_commits(ref) for c in changes]
        parent = known.get(commit.parents[0]) if commit.parents else None
        out.append(Section(commit_revision(parent) if parent else None, commit_revision(commit),
                           tuple(changes), commit.subject))
    return out


@contextmanager
def no_cycle_collector() -> Iterator[None]:
    """Pause the cyclic garbage collector: a long history allocates hundreds of thousands of
    long-lived frozen objects without cycles, and each full collection would scan them all
    (a fifth of the time of a 20,000-commit changelog). Reference counting still frees memory."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def changelog(
    repo: Repository, range_: str | None = None, *, since: str | None = None, all: bool = False,
    root: str | None = None, config: Config | None = None,
) -> Changelog:
    """The changelog of `range_` (`A..B`, `A..`), or the default range (see the module doc).

    `since` (a date git understands) compares the last first-parent commit before it with HEAD.
    Formatting-only changes are left out unless `all`."""
    with no_cycle_collector():
        return _changelog(repo, range_, since, all, root, config)


def _changelog(repo: Repository, range_: str | None, since: str | None, show_all: bool,
               root: str | None, config: Config | None) -> Changelog:
    git = Git(repo.workdir or Path(repo.repo.git_dir))
    # The configuration in force (the working tree's); each revision a range reads has its own.
    cfg = config or load_config(repo, None if repo.workdir else "HEAD")
    name = cfg.name
    if range_ is None and since is None:
        tag = git.latest_tag(cfg.tag_pattern, "HEAD")
        if tag is None:
            return Changelog(name, tuple(_sections(repo, git, root, cfg, show_all)), True)
        range_ = f"{tag}..HEAD"
    if since is not None:
        if range_ is not None:
            raise UsageError("give a range or --since, not both")
        before = list(git.log(["HEAD"], first_parent=True, raw=False, max_count=1,
                              before=since))
        a = before[0].commit.sha if before else None
        return Changelog(name, (_range(repo, git, a, "HEAD", root, config, cfg, show_all),), False)
    assert range_ is not None
    a_rev, b_rev = parse_range(range_)
    return Changelog(name, (_range(repo, git, a_rev, b_rev, root, config, cfg, show_all),),
                     False)


def between(repo: Repository, base: str | None, head: str | None, *, all: bool = False,
            root: str | None = None, config: Config | None = None) -> Changelog:
    """One range from `base` (None: the empty ladder before the first commit) to `head` (None:
    the working tree): what `A..B` gives, plus the "everything up to B" a first release needs."""
    git = Git(repo.workdir or Path(repo.repo.git_dir))
    cfg = config or load_config(repo, None if repo.workdir else "HEAD")
    with no_cycle_collector():
        section = _range(repo, git, base and check_rev(base), head and check_rev(head), root, config,
                         cfg, all)
    return Changelog(cfg.name, (section,), False)
