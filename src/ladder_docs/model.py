"""The ladder model: frozen dataclasses from Ladder down to a competency item."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding about the content: `path:line: severity: code: message`."""

    path: str
    line: int
    severity: Severity
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.code}: {self.message}"


@dataclass(frozen=True)
class Item:
    """A competency or example: inline markdown text, its source line and optional group."""

    text: str
    line: int
    group: str | None = None

    @property
    def flat(self) -> str:
        """The text as the flat JSON view shows it: "Group: text" inside a group."""
        return f"{self.group}: {self.text}" if self.group else self.text


@dataclass(frozen=True)
class Dimension:
    """A dimension of competency (e.g. Domain Expertise) with its items."""

    name: str
    emoji: str
    competencies: tuple[Item, ...]
    examples: tuple[Item, ...]
    line: int
    notes: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Source:
    """Where a document came from: repo-relative path and blob sha (None: working tree)."""

    path: str
    blob: str | None


@dataclass(frozen=True)
class Block:
    """A block of an overview document or of a level's free text."""

    kind: Literal["heading", "para", "item", "quote", "code", "rule", "table"]
    text: str
    line: int
    depth: int = 0
    ordered: bool = False
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Level:
    """One level of a track (a file, or a `##` role of a several-roles file)."""

    key: str
    slug: str
    id: str | None
    rank: tuple[int, int, int]
    title: str
    summary: str
    attributes: tuple[tuple[str, str], ...]
    dimensions: tuple[Dimension, ...]
    source: Source
    track: str
    line: int = 1
    notes: tuple[Block, ...] = ()

    @property
    def path(self) -> str:
        """Repo-relative path of the file that holds this level."""
        return self.source.path

    @property
    def is_pointer(self) -> bool:
        """A level with no dimensions of its own (it refers to another level)."""
        return not self.dimensions

    @property
    def label(self) -> str:
        """`L4 Lead Cloud Engineer`, or the title alone without an id."""
        return f"{self.id} {self.title}" if self.id else self.title


@dataclass(frozen=True)
class Document:
    """An overview document: a track's README or a top-level page such as Everyone.md."""

    key: str
    title: str
    blocks: tuple[Block, ...]
    source: Source
    track: str | None

    @property
    def path(self) -> str:
        """Repo-relative path of the document."""
        return self.source.path


@dataclass(frozen=True)
class Track:
    """A career track: levels in rank order, plus its overview documents."""

    key: str
    name: str
    path: str
    levels: tuple[Level, ...]
    overview: tuple[Document, ...] = ()

    def previous(self, level: Level) -> Level | None:
        """The level before `level` in this track (None for the first)."""
        keys = [lv.key for lv in self.levels]
        i = keys.index(level.key)
        return self.levels[i - 1] if i > 0 else None


@dataclass(frozen=True)
class Revision:
    """The state of the repository a ladder was read from."""

    rev: str
    sha: str
    date: str
    dirty: bool
    version: str
    tag: str | None = None

    @property
    def short(self) -> str:
        """Abbreviated commit sha."""
        return self.sha[:7]

    @property
    def timestamp(self) -> int:
        """Commit time as a unix timestamp (for reproducible archive and PDF dates)."""
        from datetime import datetime

        return int(datetime.fromisoformat(self.date).timestamp())


@dataclass(frozen=True)
class Ladder:
    """A whole ladder at one revision."""

    name: str
    root: str
    revision: Revision
    tracks: tuple[Track, ...]
    documents: tuple[Document, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default=(), compare=False)

    @property
    def levels(self) -> tuple[Level, ...]:
        """Every level, track by track in rank order."""
        return tuple(lv for t in self.tracks for lv in t.levels)

    def level(self, key: str) -> Level | None:
        """The level with this key, or None."""
        return next((lv for lv in self.levels if lv.key == key), None)

    def track(self, key: str) -> Track | None:
        """The track with this key, or None."""
        return next((t for t in self.tracks if t.key == key), None)

    def all_documents(self) -> tuple[Document, ...]:
        """Ladder-level documents then every track's overview documents."""
        return self.documents + tuple(d for t in self.tracks for d in t.overview)
