"""Semantic changes of one commit from its changed blobs only (never whole ladders per commit).

A `Differ` parses each (path, blob) once through a bounded cache, fed by one `cat-file --batch`
stream; a `Tree` is the keyed state of the ladder files at one revision, updated commit by commit,
so level keys only need recomputing for the folders whose files changed their levels.
"""

from __future__ import annotations

import posixpath
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from .assemble import assemble
from .changeset import Change, LevelRef, text_change
from .config import Config
from .diff import diff_states
from .diffitems import diff_edit
from .errors import RepoError
from .gitlog import FileChange, LogEntry
from .model import Document, Level
from .parse import ParsedFile, parse_document
from .reader import matches, selected
from .reparse import Edit, reparse

CACHE_SIZE = 512  # parsed files kept: a walk needs a blob again soon after it last saw it, or never


@dataclass
class Tree:
    """The ladder files of one revision, parsed and keyed (mutable: the walk updates it)."""

    files: dict[str, ParsedFile] = field(default_factory=dict)
    folders: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def _identity(pf: ParsedFile) -> tuple[object, ...]:
    return (pf.roles, tuple((lv.id, lv.title) for lv in pf.levels), pf.document is not None)


def _rekey(new: ParsedFile, old: ParsedFile) -> ParsedFile:
    """`new` with `old`'s keys: same file, same level ids and titles, so the same keys."""
    levels = tuple(replace(n, key=o.key, slug=o.slug, rank=o.rank, track=o.track)
                   for n, o in zip(new.levels, old.levels, strict=True))
    doc = new.document
    if doc is not None and old.document is not None:
        doc = replace(doc, key=old.document.key, track=old.document.track)
    return replace(new, levels=levels, document=doc)


class Differ:
    """Turns raw records into semantic changes, reading and parsing only the changed blobs."""

    def __init__(self, read: Callable[[str | None, str], bytes], config: Config, root: str) -> None:
        self._read = read  # (blob sha or None for the working tree, path) → bytes
        self.config = config
        self.root = root
        self._cache: OrderedDict[tuple[str, str], ParsedFile] = OrderedDict()
        self._rel: dict[str, str | None] = {}  # per path: these run for every record
        self._folders: dict[str, str] = {}
        self._overviews: dict[str, bool] = {}
        self._lines: dict[str, tuple[str, list[str]]] = {}  # path → (blob, its text's lines)

    def rel(self, path: str) -> str | None:
        """The root-relative path of a ladder file, or None for a file outside the ladder."""
        if path not in self._rel:
            rel = path[len(self.root) + 1 :] if self.root and path.startswith(self.root + "/") else (
                None if self.root else path)
            self._rel[path] = rel if rel is not None and selected(rel, self.config) else None
        return self._rel[path]

    def folder(self, path: str) -> str:
        """The root-relative folder of a ladder file (its track, unless split by title)."""
        if path not in self._folders:
            self._folders[path] = posixpath.dirname(self.rel(path) or path)
        return self._folders[path]

    def _overview(self, path: str) -> bool:
        if path not in self._overviews:  # the reader's rule for README, Everyone.md, …
            self._overviews[path] = matches(self.rel(path) or path, self.config.documents)
        return self._overviews[path]

    def parse(self, path: str, blob: str | None) -> ParsedFile:
        """A ladder file parsed (cached by path and blob; the working tree is never cached)."""
        return self.load(path, blob)[0]

    def load(self, path: str, blob: str | None,
             prior: ParsedFile | None = None) -> tuple[ParsedFile, Edit | None]:
        """`parse`, and with `prior` (the same file's previous parse) the edit between them
        when it was small enough to derive the new parse from the old."""
        key = (path, blob or "")
        hit = self._cache.get(key) if blob is not None else None
        if hit is not None:
            self._cache.move_to_end(key)
            return hit, None
        overview = self._overview(path)
        if blob is None:
            return parse_document(path, self._read(None, path), None, overview=overview), None
        data = self._read(blob, path)
        edit = None
        if prior is not None and prior.path == path:
            known = self._lines.get(path)
            lines = known[1] if known is not None and known[0] == prior.blob else None
            edit = reparse(prior, data, blob, lines)
            if edit is not None:
                self._lines[path] = (blob, edit.lines)
        pf = edit.parsed if edit is not None else parse_document(path, data, blob,
                                                                overview=overview)
        self._cache[key] = pf
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return pf, edit

    def wanted(self, files: Sequence[FileChange]) -> list[str]:
        """The new blobs of ladder files among these records (to prefetch, in order)."""
        return [f.new_blob for f in files
                if f.new_blob and f.new_path is not None and self.rel(f.new_path) is not None]

    def _sides(self, files: Sequence[FileChange]) -> tuple[
            list[tuple[str, str | None]], list[tuple[str, str | None]], dict[str, str]]:
        old: list[tuple[str, str | None]] = []
        new: list[tuple[str, str | None]] = []
        renames: dict[str, str] = {}
        for f in files:
            keep_old = f.old_path is not None and self.rel(f.old_path) is not None
            keep_new = f.new_path is not None and self.rel(f.new_path) is not None
            if keep_old and f.old_path is not None:
                old.append((f.old_path, f.old_blob))
            if keep_new and f.new_path is not None:
                new.append((f.new_path, f.new_blob))
            if f.status == "R" and keep_old and keep_new and f.old_path and f.new_path:
                renames[f.old_path] = f.new_path
        return old, new, renames

    def changes(self, files: Sequence[FileChange], *, detail: bool = True) -> list[Change]:
        """One commit's changes from its raw records, levels unkeyed (for attribution)."""
        old, new, renames = self._sides(files)
        a = {p: self.parse(p, b) for p, b in old if b is not None}
        loaded = [self.load(p, b, a.get(p)) for p, b in new]
        return _diff(list(a.values()), loaded, renames, detail=detail)

    def apply(self, tree: Tree, files: Sequence[FileChange], *,
              detail: bool = False) -> list[Change]:
        """Move `tree` across one commit's raw records and return the commit's changes, keyed."""
        old, new, renames = self._sides(files)
        before = [tree.files[p] for p, _b in old if p in tree.files]
        for p, _b in old:
            self._drop(tree, p)
        # Keys hang on a folder's whole set of files (duplicate ids split it by title): a folder
        # that lost or gained a file, or whose file changed its levels, is keyed again.
        staying = {p for p, _b in new}
        dirty = {self.folder(p) for p, _b in old if p not in staying}
        by_path = {pf.path: pf for pf in before}
        edits: dict[str, Edit | None] = {}
        for p, blob in new:
            prior = by_path.get(p)
            pf, edits[p] = self.load(p, blob, prior)
            if edits[p] is not None:
                pass  # re-parsed from `prior`: its keys came along
            elif prior is not None and _identity(prior) == _identity(pf):
                pf = _rekey(pf, prior)
            else:
                dirty.add(self.folder(p))
            tree.files[p] = pf
            tree.folders[self.folder(p)].add(p)
        for folder in sorted(dirty):
            self._key_folder(tree, folder)
        after = [(tree.files[p], edits[p]) for p, _b in new]
        return _diff(before, after, renames, detail=detail)

    def _drop(self, tree: Tree, path: str) -> None:
        if tree.files.pop(path, None) is not None:
            tree.folders[self.folder(path)].discard(path)

    def _key_folder(self, tree: Tree, folder: str) -> None:
        files = [tree.files[p] for p in sorted(tree.folders[folder])]
        ladder = assemble(files, self.root, self.config)
        levels: dict[str, list[Level]] = defaultdict(list)
        for lv in ladder.levels:
            levels[lv.path].append(lv)
        docs: dict[str, Document] = {}
        for doc in ladder.all_documents():
            docs.setdefault(doc.path, doc)
        for pf in files:
            keyed = sorted(levels[pf.path], key=lambda lv: lv.line)
            tree.files[pf.path] = replace(pf, levels=tuple(keyed),
                                          document=docs.get(pf.path, pf.document))


def _diff(before: Sequence[ParsedFile], after: Sequence[tuple[ParsedFile, Edit | None]],
          renames: dict[str, str], *, detail: bool) -> list[Change]:
    """The changes between the old and new parses of a commit's files; a file whose edit is
    known (see reparse) is diffed from its edit alone."""
    olds = {pf.path: pf for pf in before}
    known: list[Change] = []
    rest: list[ParsedFile] = []
    for pf, edit in after:
        prior = olds.get(pf.path)
        if edit is None or prior is None:
            rest.append(pf)
            continue
        del olds[pf.path]
        a, b = prior.levels[edit.level], pf.levels[edit.level]
        found = diff_edit(a, b, edit.dimension, edit.examples, edit.index, edit.gone, edit.came)
        # A re-parse means one list changed; the rest is the same, bar line numbers.
        known += found or [text_change("level.formatting", LevelRef.of(b), LevelRef.of(a), None,
                                       None, order=(9,))]
    old_files = list(olds.values())
    if not old_files and not rest:
        return sorted(known, key=lambda c: c.sort_key)
    changes = diff_states(
        [lv for pf in old_files for lv in pf.levels], [lv for pf in rest for lv in pf.levels],
        [pf.document for pf in old_files if pf.document is not None],
        [pf.document for pf in rest if pf.document is not None], renames, detail=detail)
    endings = {pf.path: pf.decoded.line_endings for pf in (*old_files, *rest)}
    changes = [_endings(c, endings) if c.kind.endswith(".formatting") and c.before is None else c
               for c in changes]
    return sorted(changes + known, key=lambda c: c.sort_key) if known else changes


def _endings(change: Change, endings: dict[str, str]) -> Change:
    """A whole-file formatting change that switched line endings says so: `CRLF` → `LF`."""
    old = endings.get(change.old_level.path if change.old_level else change.level.path)
    new = endings.get(change.level.path)
    if old is None or new is None or old == new:
        return change
    return replace(change, before=old.upper(), after=new.upper())


def walk(differ: Differ, tree: Tree, entries: Sequence[LogEntry],
         show_all: bool) -> list[tuple[LogEntry, list[Change]]]:
    """Move `tree` across first-parent commits, oldest first: the commits that changed the
    ladder visibly (formatting counts with `show_all`), with their changes."""
    found = []
    for entry in entries:
        try:
            applied = differ.apply(tree, entry.files)
        except RepoError as exc:
            raise RepoError(f"{exc} at revision {entry.commit.sha[:7]}") from exc
        changes = [c for c in applied if show_all or not c.formatting]
        if changes:
            found.append((entry, changes))
    return found
