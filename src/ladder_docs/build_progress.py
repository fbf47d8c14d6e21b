"""Build progress: a rich progress bar on a terminal, plain lines in logs and CI, or silence."""

from __future__ import annotations

import os
import sys
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn


def interactive(stream: TextIO) -> bool:
    """A person is watching: a TTY, not CI, not a dumb terminal."""
    ci = os.environ.get("CI", "").lower() in ("true", "1", "yes")
    return stream.isatty() and not ci and os.environ.get("TERM") != "dumb"


class Reporter:
    """Stages with totals; `advance` as artifacts finish; `note` for one-off messages."""

    def __init__(self, enabled: bool, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.rich: Progress | None = None
        self.tasks: dict[str, TaskID] = {}
        self.counts: dict[str, list[int]] = {}
        if enabled and interactive(self.stream):
            self.rich = Progress(TextColumn("{task.description:>10}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=Console(file=self.stream), transient=False)

    def __enter__(self) -> Reporter:
        if self.rich is not None:
            self.rich.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.rich is not None:
            self.rich.stop()

    def stage(self, name: str, total: int) -> None:
        """Announce a stage of `total` artifacts (nothing shown for an empty stage)."""
        if not self.enabled or total == 0:
            return
        self.counts[name] = [0, total]
        if self.rich is not None:
            self.tasks[name] = self.rich.add_task(name, total=total)

    def advance(self, name: str, n: int = 1) -> None:
        """`n` more artifacts of stage `name` are done; plain mode prints when the stage completes."""
        if not self.enabled or name not in self.counts:
            return
        done = self.counts[name]
        done[0] += n
        if self.rich is not None:
            self.rich.update(self.tasks[name], advance=n)
        elif done[0] == done[1]:
            self.note(f"{name}: {done[1]} done")

    def warn(self, message: str) -> None:
        """A problem the build survived: always shown, progress or not."""
        if self.rich is not None:
            self.rich.console.print(f"warning: {message}", markup=False, highlight=False)
        else:
            print(f"ladder-docs: warning: {message}", file=self.stream, flush=True)

    def note(self, message: str) -> None:
        """One line of information."""
        if not self.enabled:
            return
        if self.rich is not None:
            self.rich.console.print(message, markup=False, highlight=False)
        else:
            print(f"ladder-docs: {message}", file=self.stream, flush=True)
