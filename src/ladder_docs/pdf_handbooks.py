"""The PDF handbooks of a build, assembled from parts typeset once (ladder_docs.pdf_parts).

Once the parts are typeset: the first page of every track and ladder handbook, title block and
contents with page numbers (typst/fronts.typ.j2), then every handbook assembled from those pages
(ladder_docs.pdf_assemble: a plan, typst "footer kits" for the footers of many handbooks, the pages
copied). A level's pages appear in its level, track and ladder handbooks but are typeset once. The
order of that last stretch is in PdfHandbooks.finish: it is what a build waits for.
"""

from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .build_plan import Job
from .handbook_links import artifact_path
from .pdf_assemble import Body, Doc, Kit, Use, planned, write
from .pdf_parts import Batch, Key, PdfParts
from .pdf_sheets import Plan, sizes

# Templates that make a whole handbook (the older way): a user copy of one means the user shapes
# whole handbooks, so every PDF is compiled apart from its own template (build._pdf).
WHOLE_TEMPLATES = ("typst/level.typ.j2", "typst/track.typ.j2", "typst/ladder.typ.j2")


@dataclass(frozen=True)
class _Front:
    """A track or ladder handbook waiting for its front: what the front shows, the rest of it."""

    job: Job
    path: str
    title: str
    label: str
    item: dict[str, Any]
    uses: list[Use]
    targets: dict[str, int]


def assembled(templates: Path | None) -> bool:
    """Whether handbooks are assembled from shared pages (no user copy of a whole-handbook template)."""
    return templates is None or not any((templates / name).is_file() for name in WHOLE_TEMPLATES)


class PdfHandbooks(PdfParts):
    """Renders the PDF `jobs` of a build on `pool`; `done` receives each job's bytes or error."""

    def finish(self, jobs: list[Job]) -> None:
        """Assemble the PDF `jobs`, then cache the parts.

        On the typst threads: the level handbooks' footers as soon as the levels are typeset (the
        ladder's parts may still typeset); once every part is, the ladder's front then its footers,
        the tracks' fronts, and the track handbooks' footers in two halves (counting one page for a
        track's front, nearly always so). This thread writes each handbook as soon as its footers
        are typeset (a track whose front took more pages gets its footers here).
        """
        self.jobs = {(j.kind, j.key): j for j in jobs}
        for track in self.ladder.tracks:  # while typst works: the keys _remember stores records under
            if track.levels:
                self._track_key(track)
        self._wait(self.level_futures)  # the ladder's parts may still typeset
        levels = planned([(job, self._level(str(job.key))) for (kind, _), job in self.jobs.items()
                          if kind == "level"], self.done)
        levels_kit = self.pool.submit(self._kit, levels) if levels else None
        # the level handbooks are written here while the ladder's parts typeset, if their footers are ready first
        while levels_kit is not None and not levels_kit.done() and (rest := [f for f in self.futures if not f.done()]):
            either: list[Future[Any]] = [levels_kit, *rest]
            wait(either, return_when=FIRST_COMPLETED)
        if levels_kit is not None and any(not f.done() for f in self.futures):
            write(levels, levels_kit.result(), self.timestamp, self.done, self.errors)
            levels_kit = None
        self._wait()
        waiting = [self._track(t.key) for t in self.ladder.tracks if ("track", t.key) in self.jobs]
        guesses: list[tuple[str, tuple[tuple[float, float], ...]]] = []
        for w in waiting:
            if w.uses and all(u.body.error is None for u in w.uses):
                pages = [(p.width, p.height) for u in w.uses for p in u.layout.pages]
                guesses.append((self._footer(w.label), (pages[0], *pages)))
        if ("ladder", None) in self.jobs:
            waiting.append(self._whole())
        fronts, (ladder_front, track_fronts) = self._fronts(waiting)
        docs = [(w.job, self._doc(w.path, w.title, w.label, [front, *w.uses], w.targets))
                for w, front in zip(waiting, fronts, strict=True)]

        def ladder() -> tuple[list[tuple[Job, Doc, Plan]], Kit | None]:
            # the ladder's front, then its footers, which count the front's pages
            self._typeset(ladder_front)
            ready = planned([d for d in docs if d[0].kind == "ladder"], self.done)
            return ready, self._kit(ready) if ready else None

        # four jobs for two threads, in this order: the ladder's front then footers; the tracks'
        # fronts; the tracks' footers (counting one page for each front) in two halves
        ladder_done = self.pool.submit(ladder)
        fronts_done = self.pool.submit(self._typeset, track_fronts)
        half = (len(guesses) + 1) // 2
        kits = [self.pool.submit(Kit, part, self.timestamp, self.errors) for part in (guesses[:half], guesses[half:])
                if part]
        if levels_kit is not None:
            write(levels, levels_kit.result(), self.timestamp, self.done, self.errors)
        ready, kit = ladder_done.result()
        if kit is not None:
            write(ready, kit, self.timestamp, self.done, self.errors)
        fronts_done.result()
        ready = planned([d for d in docs if d[0].kind == "track"], self.done)
        done_kits = [k.result() for k in kits]
        by_kit: list[list[tuple[Job, Doc, Plan]]] = [[] for _ in done_kits]
        later: list[tuple[Job, Doc, Plan]] = []  # a track whose front took more than one page
        for r in ready:
            holder = next((i for i, k in enumerate(done_kits) if k.holds(r[1], r[2])), None)
            (later if holder is None else by_kit[holder]).append(r)
        for done_kit, now in zip(done_kits, by_kit, strict=True):
            if now:
                write(now, done_kit, self.timestamp, self.done, self.errors)
        if later:
            write(later, self._kit(later), self.timestamp, self.done, self.errors)
        self._remember()

    def _use(self, key: Key, depth: int = 1, title: str | None = None, shift: int = 0) -> Use:
        view = self.views[key]
        return Use(view.body, view.base, view.view, depth, title, shift)

    def _level(self, key: str) -> Doc:
        ctx = self.ctx.level(key)
        lv, path, track = ctx["level"], artifact_path("level", key, "pdf"), ctx["track"]
        return self._doc(path, f"{lv['label']} · {track['name']} · {self.meta['ladder']}", lv["label"],
                         [self._use(("level", key))], {path: 0})

    def _track(self, key: str) -> _Front:
        """A track handbook: its front, its introduction (when it has overview documents), its levels."""
        track = self.ladder.track(key)
        assert track is not None
        path = artifact_path("track", key, "pdf")
        uses: list[Use] = []
        if track.overview:  # the ladder's introduction, track heading included, its bookmarks one up
            uses.append(self._use(("intro", key), shift=-1))
        targets = {path: 0}
        for lv in track.levels:
            targets[artifact_path("level", lv.key, "pdf")] = len(uses) + 1
            uses.append(self._use(("level", lv.key), 1, self.ctx.level_data(lv)["label"], 1))
        return _Front(self.jobs[("track", key)], path, f"{track.name} handbook · {self.meta['ladder']}",
                      f"{track.name} handbook", {"track": {"key": key, "name": track.name}, "tracks": 0},
                      uses, targets)

    def _whole(self) -> _Front:
        """The ladder handbook: its front, its documents, then each track's introduction and levels."""
        uses: list[Use] = []
        targets = {"ladder.pdf": 0}
        if ("documents", None) in self.views:
            uses.append(self._use(("documents", None)))
        for track in self.ladder.tracks:
            targets[artifact_path("track", track.key, "pdf")] = len(uses) + 1
            uses.append(self._use(("intro", track.key)))
            for lv in track.levels:
                targets[artifact_path("level", lv.key, "pdf")] = len(uses) + 1
                uses.append(self._use(("level", lv.key), 2, self.ctx.level_data(lv)["label"], 2))
        ladder = self.meta["ladder"]
        return _Front(self.jobs[("ladder", None)], "ladder.pdf", f"{ladder} · complete handbook", ladder,
                      {"track": None, "tracks": len(self.ladder.tracks)}, uses, targets)

    def _fronts(self, waiting: list[_Front]) -> tuple[list[Use], list[Batch | None]]:
        """Every front (title block, contents numbered with the parts' pages), rendered: the front
        each handbook will use, and the documents to typeset, the ladder's and the tracks' (None when
        there is none). A handbook one of whose parts failed gets that failure as its front."""
        fronts: list[tuple[dict[str, Any], tuple[Key, str]]] = []
        failures: dict[int, str] = {}
        for i, w in enumerate(waiting):
            failed = next((u.body.error for u in w.uses if u.body.error is not None), None)
            if failed is not None:
                failures[i] = failed
                continue
            contents: list[dict[str, Any]] = []
            after = 1
            for use in w.uses:
                if use.title is not None and use.depth <= 2:
                    contents.append({"depth": use.depth, "title": use.title, "after": after})
                contents += [{"depth": b.depth + use.shift, "title": b.title, "after": after + b.page}
                             for b in use.layout.bookmarks if 1 <= b.depth + use.shift <= 2]
                after += len(use.layout.pages)
            fronts.append(({**w.item, "contents": contents}, (("front", w.path), w.path)))
        # the ladder's front (its footers wait for it) apart from the tracks' fronts: one per typst thread
        groups: list[tuple[list[dict[str, Any]], list[tuple[Key, str]]]] = [([], []), ([], [])]
        for item, part in fronts:
            group = groups[0 if part[1] == "ladder.pdf" else 1]
            group[0].append(item)
            group[1].append(part)
        batches = [self._batch(("fronts", str(k)), "ladder.pdf", "typst/fronts.typ.j2",
                               {"meta": self.meta, "fronts": items}, set(), parts) if parts else None
                   for k, (items, parts) in enumerate(groups)]
        return [Use(Body(f"f{i}", w.path, error=failures[i]), w.path, 0) if i in failures
                else self.views[("front", w.path)] for i, w in enumerate(waiting)], batches

    def _kit(self, ready: list[tuple[Job, Doc, Plan]]) -> Kit:
        """The footers of planned handbooks, typeset."""
        return Kit([(d.footer, sizes(p)) for _, d, p in ready], self.timestamp, self.errors)

    def _doc(self, path: str, title: str, label: str, uses: list[Use], targets: dict[str, int]) -> Doc:
        return Doc(path, title, self._footer(label), uses, targets)

    def _footer(self, label: str) -> str:
        return f"{label} · Version {self.meta['version']} · Commit {self.meta['short']} · {self.meta['date_long']}"
