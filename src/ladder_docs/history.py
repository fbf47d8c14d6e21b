"""Per-competency history of one level: every revision of it (following moves and renames) and,
for each current competency, the commit that introduced it and the commits that reworded it.

Blame at the level of competencies: the first-parent history finds the level's revisions and
every path it had; the non-merge commits that touched those paths give the per-item chains.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .attribution import Event
from .changelog import PullRequests, commit_revision
from .changelog_render import commit_json
from .changeset import Change, CommitRef, LevelRef
from .config import Config
from .diffmatch import fold
from .gitlog import FileChange, Git
from .model import Revision
from .reader import find_level, load_config, read_ladder, resolve_root
from .revwalk import Differ
from .source import Repository


@dataclass(frozen=True)
class LevelRevision:
    """A first-parent revision that changed the level, with what it changed."""

    revision: Revision
    subject: str
    pr: int | None
    path: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class CompetencyHistory:
    """Where one current competency came from."""

    dimension: str
    text: str
    introduced: CommitRef | None
    reworded: tuple[CommitRef, ...]
    moved: tuple[CommitRef, ...]


@dataclass(frozen=True)
class History:
    """A level's revisions (newest first) and its competencies' origins (document order)."""

    level: LevelRef
    revisions: tuple[LevelRevision, ...]
    competencies: tuple[CompetencyHistory, ...]


def _mine(change: Change, paths: set[str], titles: set[str] | None) -> bool:
    """Is this change about the followed level? Its file, and, in a several-roles file
    (`titles` given), its title."""
    refs = [r for r in (change.level, change.old_level) if r is not None]
    return any(r.path in paths for r in refs) and (
        titles is None or any(fold(r.title).lower() in titles for r in refs))


def _files(entry_files: Sequence[FileChange], paths: set[str]) -> list[FileChange]:
    """The records that touch the followed paths, plus the deletions beside an addition (a
    level replaced by a new file, as git's rename detection missed it)."""
    ours = [f for f in entry_files if f.new_path in paths or f.old_path in paths]
    if any(f.status == "A" for f in ours):
        ours += [f for f in entry_files if f.status == "D" and f not in ours]
    return ours


def _chain(item: str, events: Sequence[Event]) -> tuple[Event | None, list[Event]]:
    """Back from the current text: the event that introduced it and the later ones."""
    want: str | None = fold(item).lower()
    later: list[Event] = []
    for ev in reversed(events):
        c = ev.change
        if not c.kind.startswith("competency.") or c.after is None:
            continue
        if fold(c.after).lower() == want:
            if c.before is None:
                return ev, later[::-1]
            if fold(c.before).lower() != want or c.kind.endswith(".moved"):
                later.append(ev)
            want = fold(c.before).lower()
    return None, later[::-1]


def history(repo: Repository, level: str, *, rev: str = "HEAD", root: str | None = None,
            config: Config | None = None) -> History:
    """The history of one level (a key or a path) up to `rev`."""
    git = Git(repo.workdir or Path(repo.repo.git_dir))
    git.require_history("the history", None)
    head = git.resolve(rev)
    ladder = read_ladder(repo, rev, root, config)
    current = find_level(ladder, level)
    cfg = config if config is not None else load_config(repo, head)
    prs = PullRequests(git)
    shared = any(lv.path == current.path and lv is not current for lv in ladder.levels)
    paths, titles = {current.path}, {fold(current.title).lower()}
    named = titles if shared else None
    revisions: list[LevelRevision] = []
    with git.blobs() as blobs:
        differ = Differ(lambda b, p: blobs.read(b or "", p), cfg,
                        resolve_root(repo, head, cfg, root))
        for entry in git.log([head], first_parent=True):
            files = _files(entry.files, paths)
            mine = [c for c in differ.changes(files, detail=False) if _mine(c, paths, named)]
            if not mine:
                continue
            parent = entry.commit.parents[0] if entry.commit.parents else None
            revisions.append(LevelRevision(commit_revision(entry.commit), entry.commit.subject,
                                           prs(entry.commit), mine[0].level.path, tuple(mine)))
            for c in mine:
                if c.old_level is not None:
                    paths.add(c.old_level.path)
                    titles.add(fold(c.old_level.title).lower())
            if parent is None or any(c.kind == "level.added" for c in mine):
                break
        events: list[Event] = []
        for entry in git.log([head], no_merges=True, reverse=True, paths=sorted(paths)):
            for c in differ.changes(_files(entry.files, paths)):
                if _mine(c, paths, named):
                    events.append(Event(len(events), entry.commit, c))
    refs: dict[str, CommitRef] = {}

    def ref(ev: Event) -> CommitRef:
        if ev.commit.sha not in refs:
            refs[ev.commit.sha] = ev.commit.ref(prs(ev.commit))
        return refs[ev.commit.sha]

    items = []
    for d in current.dimensions:
        for item in d.competencies:
            first, later = _chain(item.flat, events)
            items.append(CompetencyHistory(
                d.name, item.flat, ref(first) if first else None,
                tuple(ref(e) for e in later if e.change.kind.endswith((".reworded", ".formatting"))),
                tuple(ref(e) for e in later if e.change.kind.endswith(".moved"))))
    return History(LevelRef.of(current), tuple(revisions), tuple(items))


def _commit(r: CommitRef | None) -> dict[str, object] | None:
    return None if r is None else commit_json(r)


def history_json(h: History) -> dict[str, object]:
    """The history as JSON data."""
    return {
        "level": {"key": h.level.key, "path": h.level.path, "id": h.level.id, "title": h.level.title},
        "revisions": [{"rev": r.revision.rev, "sha": r.revision.sha, "date": r.revision.date,
                       "subject": r.subject, "pr": r.pr, "path": r.path,
                       "changes": sorted({c.kind for c in r.changes})} for r in h.revisions],
        "competencies": [{"dimension": c.dimension, "text": c.text, "introduced": _commit(c.introduced),
                          "reworded": [_commit(r) for r in c.reworded],
                          "moved": [_commit(r) for r in c.moved]} for c in h.competencies],
    }


def _who(r: CommitRef) -> str:
    return f"{r.sha} ({r.author}, {r.date[:10]}{f', #{r.pr}' if r.pr else ''})"


def render_history_markdown(h: History) -> str:
    """The history as Markdown: revisions newest first, then each competency's origin."""
    out = [f"# History of {h.level.label}", "", f"`{h.level.path}` · `{h.level.key}`", "",
           "## Revisions", "", "| Date | Commit | PR | What changed | Path |", "|---|---|---|---|---|"]
    for r in h.revisions:
        kinds = ", ".join(sorted({c.kind for c in r.changes}))
        out.append(f"| {r.revision.date[:10]} | {r.revision.short} | {f'#{r.pr}' if r.pr else ''} "
                   f"| {kinds} | `{r.path}` |")
    out += ["", "## Competencies"]
    dimension = None
    for c in h.competencies:
        if c.dimension != dimension:
            dimension = c.dimension
            out += ["", f"### {dimension}", ""]
        origin = f"introduced by {_who(c.introduced)}" if c.introduced else "origin not found"
        rewords = f"; reworded by {', '.join(map(_who, c.reworded))}" if c.reworded else ""
        moves = f"; moved by {', '.join(map(_who, c.moved))}" if c.moved else ""
        out.append(f"- {c.text.replace('<', '&lt;')}  \n  *{origin}{rewords}{moves}*")
    return "\n".join(out) + "\n"
