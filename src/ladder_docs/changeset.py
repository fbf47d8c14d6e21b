"""What the semantic diff produces: changes, their severities, and the refs they carry."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .diffmatch import fold, spelling_only
from .model import Document, Level
from .worddiff import Op, word_diff

Severity = Literal["major", "minor", "patch"]
Bump = Literal["major", "minor", "patch", "none"]

_MAJOR = "level.added competency.added attribute.added attribute.changed dimension.added"
_MINOR = (
    "level.removed level.retitled summary.changed competency.reworded competency.removed "
    "competency.moved attribute.removed dimension.removed dimension.renamed example.added "
    "example.removed example.reworded example.moved document.changed document.added "
    "document.removed"
)
_PATCH = (
    "level.moved level.formatting summary.formatting attribute.formatting dimension.formatting "
    "competency.formatting example.formatting document.formatting document.moved"
)
SEVERITY: dict[str, Severity] = {
    **dict.fromkeys(_MAJOR.split(), "major"),
    **dict.fromkeys(_MINOR.split(), "minor"),
    **dict.fromkeys(_PATCH.split(), "patch"),
}
_RANK: dict[str, int] = {"major": 3, "minor": 2, "patch": 1}


@dataclass(frozen=True, order=True)
class LevelRef:
    """Which level (or overview document: id None) a change is about, as the JSON names it."""

    key: str
    path: str
    id: str | None
    title: str

    @classmethod
    def of(cls, item: Level | Document) -> LevelRef:
        """The reference of a level or an overview document."""
        if isinstance(item, Level):
            return cls(item.key, item.path, item.id, item.title)
        return cls(item.key, item.path, None, item.title)

    @property
    def label(self) -> str:
        """`L4 Lead Cloud Engineer`, or the title alone."""
        return f"{self.id} {self.title}" if self.id else self.title


@dataclass(frozen=True, order=True)
class CommitRef:
    """A commit that made a change: short sha, author, ISO date, subject and its pull request."""

    date: str
    sha: str
    author: str
    subject: str
    pr: int | None = None


@dataclass(frozen=True)
class Change:
    """One semantic change. `old_level`/`old_dimension` name the A side where it differs."""

    kind: str
    severity: Severity
    level: LevelRef
    dimension: str | None = None
    attribute: str | None = None
    before: str | None = None
    after: str | None = None
    words: tuple[tuple[Op, str], ...] = ()
    old_level: LevelRef | None = None
    old_dimension: str | None = None
    commits: tuple[CommitRef, ...] = ()
    order: tuple[int, ...] = ()

    @property
    def formatting(self) -> bool:
        """A formatting-only change (hidden from changelogs unless asked for)."""
        return self.kind.endswith(".formatting")

    @property
    def sort_key(self) -> tuple[str, str, tuple[int, ...], str, str, str]:
        """Level, then document order, then text: a total, deterministic order."""
        return (self.level.path, self.level.key, self.order, self.kind, self.before or "",
                self.after or "")


def suggested_bump(changes: Sequence[Change]) -> Bump:
    """The highest severity present ("none" without changes)."""
    best = max((_RANK[c.severity] for c in changes), default=0)
    bumps: tuple[Bump, ...] = ("none", "patch", "minor", "major")
    return bumps[best]


_TEXT_KINDS = (".changed", ".reworded", ".retitled", ".renamed")


def text_change(
    kind: str, ref: LevelRef, old: LevelRef | None, before: str | None, after: str | None, *,
    order: tuple[int, ...], words: bool = True, dimension: str | None = None,
    attribute: str | None = None, old_dimension: str | None = None,
) -> Change:
    """A change with its severity: a text edit that changes no word is `<family>.formatting`,
    one that only fixes spelling is a patch."""
    family = kind.partition(".")[0]
    if before is not None and after is not None and kind.endswith(_TEXT_KINDS) and (
        fold(before) == fold(after)
    ):
        kind = f"{family}.formatting"
    if kind == "attribute.changed" and (before is None or after is None):
        kind = "attribute.added" if before is None else "attribute.removed"
    severity = SEVERITY[kind]
    if (before is not None and after is not None and kind.endswith(_TEXT_KINDS)
            and spelling_only(before, after)):
        severity = "patch"
    ops: tuple[tuple[Op, str], ...] = ()
    if words and before != after:
        if before is not None and after is not None:
            ops = tuple(word_diff(before, after))
        elif after is not None:
            ops = (("insert", after),)
        elif before is not None:
            ops = (("delete", before),)
    return Change(kind, severity, ref, dimension, attribute, before, after, ops,
                  old if old != ref else None,
                  old_dimension if old_dimension != dimension else None, order=order)


