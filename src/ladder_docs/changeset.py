"""What the semantic diff produces: changes, their severities, and the refs they carry."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from .diffmatch import fold, spelling_only
from .model import Document, Level
from .worddiff import Op, tokenize, word_diff

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
# Changes whose before/after are names or paths, not prose: no word diff.
_STRUCTURAL = ("level.", "dimension.", "document.added", "document.removed", "document.moved")
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
    old_level: LevelRef | None = None
    old_dimension: str | None = None
    commits: tuple[CommitRef, ...] = ()
    order: tuple[int, ...] = ()

    @cached_property
    def words(self) -> tuple[tuple[Op, str], ...]:
        """The word-level diff of a text change: `(op, text)` runs; () for structural changes."""
        if self.before == self.after or self.kind.startswith(_STRUCTURAL):
            return ()
        if self.before is not None and self.after is not None:
            return coalesce(trimmed_word_diff(self.before, self.after))
        if self.after is not None:
            return (("insert", self.after),)
        return (("delete", self.before or ""),)

    def with_commits(self, commits: tuple[CommitRef, ...]) -> Change:
        """This change attributed to `commits` (the constructor, not dataclasses.replace: a long
        history attributes tens of thousands of changes)."""
        return Change(self.kind, self.severity, self.level, self.dimension, self.attribute,
                      self.before, self.after, self.old_level, self.old_dimension, commits,
                      self.order)

    @property
    def formatting(self) -> bool:
        """A formatting-only change (hidden from changelogs unless asked for)."""
        return self.kind.endswith(".formatting")

    @property
    def sort_key(self) -> tuple[str, str, tuple[int, ...], str, str, str]:
        """Level, then document order, then text: a total, deterministic order."""
        return (self.level.path, self.level.key, self.order, self.kind, self.before or "",
                self.after or "")


def coalesce(ops: Sequence[tuple[Op, str]]) -> tuple[tuple[Op, str], ...]:
    """Merge edits separated only by spaces into one deletion and one insertion, so a rewritten
    phrase reads `<del>old phrase</del><ins>new phrase</ins>`, not word by word."""
    out: list[tuple[Op, str]] = []
    dels: list[str] = []
    ins: list[str] = []

    def flush() -> None:
        if dels:
            out.append(("delete", "".join(dels)))
        if ins:
            out.append(("insert", "".join(ins)))
        dels.clear()
        ins.clear()

    for k, (op, text) in enumerate(ops):
        if op == "delete":
            dels.append(text)
        elif op == "insert":
            ins.append(text)
        elif (dels or ins) and not text.strip() and k + 1 < len(ops) and ops[k + 1][0] != "equal":
            dels.append(text)  # a space between two edits belongs to both sides
            ins.append(text)
        else:
            flush()
            if out and out[-1][0] == "equal":
                out[-1] = ("equal", out[-1][1] + text)
            else:
                out.append((op, text))
    flush()
    return _slide(out)


def _slide(ops: list[tuple[Op, str]]) -> tuple[tuple[Op, str], ...]:
    """`identify<del> key</del> gaps` → `identify <del>key </del>gaps`: an insertion or
    deletion starts at a word where the same reading allows it."""
    for k in range(1, len(ops) - 1):
        (before, left), (op, text), (after, right) = ops[k - 1], ops[k], ops[k + 1]
        if before == after == "equal" and op != "equal" and text[:1] == " " == right[:1]:
            ops[k - 1], ops[k], ops[k + 1] = (before, left + " "), (op, text[1:] + " "), (after, right[1:])
    return tuple(op for op in ops if op[1])


def trimmed_word_diff(before: str, after: str) -> list[tuple[Op, str]]:
    """`word_diff` run on the middle only: the words both texts start and end with are equal
    anyway, and difflib's cost grows with every repeated space token it has to consider."""
    a, b = tokenize(before), tokenize(after)
    n = min(len(a), len(b))
    head = 0
    while head < n and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    middle = word_diff("".join(a[head : len(a) - tail]), "".join(b[head : len(b) - tail]))
    ends: list[tuple[Op, str]] = [("equal", "".join(a[:head]))] if head else []
    return ends + middle + ([("equal", "".join(a[len(a) - tail :]))] if tail else [])


def suggested_bump(changes: Sequence[Change]) -> Bump:
    """The highest severity present ("none" without changes)."""
    best = max((_RANK[c.severity] for c in changes), default=0)
    bumps: tuple[Bump, ...] = ("none", "patch", "minor", "major")
    return bumps[best]


_TEXT_KINDS = (".changed", ".reworded", ".retitled", ".renamed")


def text_change(
    kind: str, ref: LevelRef, old: LevelRef | None, before: str | None, after: str | None, *,
    order: tuple[int, ...], dimension: str | None = None,
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
    return Change(kind, severity, ref, dimension, attribute, before, after,
                  old if old != ref else None,
                  old_dimension if old_dimension != dimension else None, order=order)


