"""`ladder-docs build`: every handbook in every format, gathered first, then published atomically.

1. Under the out dir's lock, typst starts first: PDFs on two typst threads (typst releases the GIL),
   each page typeset once and every handbook assembled from those pages (ladder_docs.pdf_handbooks);
   parts typeset by an earlier build come from the cache.
2. Contexts and jobs for every artifact (pure); cache keys from each job's full inputs. Cached
   artifacts are reused, the rest rendered: HTML on this thread, DOCX from ONE pandoc conversion of
   a book holding each piece once, cut into handbooks (ladder_docs.docx_book, docx_split), beside.
   A writer thread stores each artifact in the cache and in a new, unpublished tree as it arrives
   (ladder_docs.build_writer).
3. Any failure, or any content error of the ladder (a file that is not UTF-8, binary, too large, …):
   all are reported and nothing is published (exit 1), unless `partial`; the new tree is discarded.
4. manifest.json + SHA256SUMS, then one atomic swap (ladder_docs.publish). Nothing changed: the
   published tree already is this build, and nothing is written at all.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from . import manifest, publish, render_docx, render_html, render_typst
from .build_cache import BuildCache, Entry
from .build_memo import MEMO, input_key, last_build, remember
from .build_plan import Job, parse_formats, plan, with_keys
from .build_progress import Reporter
from .build_writer import ArtifactWriter
from .context import Contexts
from .docx_book import RECIPES, Book, Recipe
from .docx_split import BookDocx
from .errors import ArtifactError, LadderDocsError, UsageError
from .model import Diagnostic, Ladder
from .pandoc_engine import docx_many
from .pdf_handbooks import PdfHandbooks, assembled
from .typst_engine import compile_pdf

# What a broken user template or a failing engine raises; each becomes that artifact's failure.
RENDER_ERRORS = (LadderDocsError, jinja2.TemplateError, ValueError, TypeError, KeyError)


@dataclass(frozen=True)
class Failure:
    """An artifact that could not be produced."""

    path: str
    format: str
    kind: str
    level: str | None
    error: str

    def __str__(self) -> str:
        return f"{self.path}: {self.error}"


@dataclass(frozen=True)
class BuildResult:
    """What a build did: the artifacts published, failures (with --partial) and link problems."""

    out: Path
    artifacts: tuple[manifest.Artifact, ...]
    failures: tuple[Failure, ...]
    problems: tuple[Diagnostic, ...]
    rendered: int
    reused: int
    published: bool


class BuildFailed(ArtifactError):
    """Some artifacts failed; nothing was published. `failures` lists every one."""

    def __init__(self, failures: list[Failure]) -> None:
        self.failures = tuple(failures)
        listing = "; ".join(str(f) for f in failures[:20]) + ("; …" if len(failures) > 20 else "")
        super().__init__(f"{len(failures)} artifact(s) failed, nothing published: {listing}")


def build(ladder: Ladder, out: Path, *, formats: set[str], templates: Path | None = None,
          partial: bool = False, progress: bool = False) -> BuildResult:
    """Build every handbook of `ladder` into `out` (see the module docstring)."""
    with _few_collections():
        return _build(ladder, out, formats=formats, templates=templates, partial=partial, progress=progress)


@contextlib.contextmanager
def _few_collections() -> Iterator[None]:
    """Fewer interruptions of Python while building, restored after.

    The cyclic garbage collector runs rarely: a build allocates millions of short-lived objects that
    reference counting frees; at the default threshold the collector ran ~150 times in a corpus build
    (~60 ms, holding the GIL every other thread needs), at this one ~10 times (~10 ms, +10 MB peak).
    The GIL changes hands every 20 ms instead of 5: typst and pandoc work without it, and the Python
    threads (rendering, pandoc's book, the writer) lose less to handing it over (a corpus build's
    median 1.29 -> 1.17 s over 8 alternating runs each).
    """
    before, interval = gc.get_threshold(), sys.getswitchinterval()
    gc.set_threshold(10_000, *before[1:])
    sys.setswitchinterval(0.02)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        sys.setswitchinterval(interval)


def _build(ladder: Ladder, out: Path, *, formats: set[str], templates: Path | None, partial: bool,
           progress: bool) -> BuildResult:
    fmts = parse_formats(formats)
    out = Path(out)
    if out.name in ("", ".", "..") or not out.name.strip():
        raise UsageError(f"--out {out}: name a directory to publish into, e.g. dist")
    out.parent.mkdir(parents=True, exist_ok=True)
    failed_sources = source_failures(ladder)
    # A level read from a file with errors (not UTF-8, id mismatch …) is never published as if it were fine.
    ladder = without_failed_sources(ladder)
    inputs: list[str] = []  # the memo's key: computed first only when a memo may hold it (else while typst works)

    def key() -> str:
        if not inputs:
            inputs.append(input_key(ladder, fmts, templates))
        return inputs[0]

    with Reporter(progress) as report, publish.build_lock(out, notify=report.note) as state:
        done = None if failed_sources or not (state / MEMO).is_file() else last_build(state, out, key())
        if done is not None:
            report.note(f"{out} is up to date")
            return done
        contexts = Contexts(ladder)
        cache = BuildCache(state / "cache")
        writer = ArtifactWriter(out, state, cache)
        try:
            jobs, (rendered, reused), failures, entries = _render_all(ladder, contexts, templates, report, fmts,
                                                                      cache, writer, idle=key)
            # Content errors (a file that is not UTF-8, binary, too large …) count like failed artifacts: the
            # rest still renders and is reported, but only --partial publishes over the previous output.
            failures = sorted([*failures, *failed_sources], key=lambda f: (f.path, f.format))
            try:
                cache.save()
            except OSError as exc:
                raise ArtifactError(f"cannot write the build cache in {state}: {exc.strerror}") from exc
            if failures and not partial:
                raise BuildFailed(failures)
            artifacts = [manifest.Artifact(j.path, entries[j.path].sha256, entries[j.path].size, j.fmt, j.kind,
                                           j.level, j.source) for j in jobs if j.path in entries]
            head = {"ladder": ladder.name, "version": contexts.meta["version"], "revision": ladder.revision.sha}
            extra = {"failures": [vars(f) for f in failures]} if failures else None
            manifest_bytes = manifest.manifest_json(head, artifacts, extra)
            published = not _up_to_date(out, manifest_bytes, artifacts)
            if published:
                # the manifest and SUMS list the same files
                files = {manifest.MANIFEST: manifest_bytes, manifest.SUMS: manifest.sha256sums(artifacts)}
                tree = writer.finish(files)
                writer.published = True  # from here the tree may be live: never discarded
                _publish(out, state, tree, report)
                report.note(f"published {out} ({len(entries) + len(files)} files)")
            else:
                writer.discard()
                report.note(f"{out} is up to date")
        except BaseException:
            if not writer.published:
                writer.discard()
            raise
        result = BuildResult(out, tuple(artifacts), tuple(failures), tuple(contexts.problems),
                             rendered, reused, published)
        if not failures:
            try:
                remember(state, key(), manifest_bytes, result)
            except OSError as exc:  # the output is published; only the next no-change shortcut is lost
                report.warn(f"could not record this build in {state}: {exc.strerror}")
    return result


def source_failures(ladder: Ladder) -> list[Failure]:
    """Each content error of the ladder as a failure of its source file."""
    return [Failure(d.path, "source", "source", None, (f"line {d.line}: " if d.line else "") + f"{d.code}: {d.message}")
            for d in ladder.diagnostics if d.severity == "error"]


def without_failed_sources(ladder: Ladder) -> Ladder:
    """The ladder less the levels and documents of files with content errors (what --partial publishes)."""
    bad = {d.path for d in ladder.diagnostics if d.severity == "error"}
    if not bad:
        return ladder
    tracks = tuple(replace(t, levels=tuple(lv for lv in t.levels if lv.path not in bad),
                           overview=tuple(d for d in t.overview if d.path not in bad)) for t in ladder.tracks)
    return replace(ladder, tracks=tuple(t for t in tracks if t.levels),
                   documents=tuple(d for d in ladder.documents if d.path not in bad))


def _render_all(ladder: Ladder, contexts: Contexts, templates: Path | None, report: Reporter, fmts: tuple[str, ...],
                cache: BuildCache, writer: ArtifactWriter, idle: Callable[[], object] | None = None
                ) -> tuple[list[Job], tuple[int, int], list[Failure], dict[str, Entry]]:
    """Every job of the build, how many were rendered and reused, the failures, each written artifact's entry.
    `idle` runs once this thread has rendered its share and would wait for typst."""
    renderer = _Renderer(contexts, templates, report, fmts, writer, idle)
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="typst") as pool:
        pdfs = None
        if "pdf" in fmts and assembled(templates):
            # typst first: it is the longest stage, and parts it typeset before come from the cache
            stamp = ladder.revision.timestamp
            # compile_pdf is looked up at call time (tests replace it to make a document fail); no
            # accessibility tags in parts: their pages are copied as drawings (the HTML is the accessible format)
            pdfs = PdfHandbooks(contexts, templates, stamp, cache, pool,
                                lambda markup: compile_pdf(markup, timestamp=stamp, tags=False), renderer.pdf_done,
                                RENDER_ERRORS, compiled=renderer.compiled)
            pdfs.start()
        jobs = with_keys(plan(ladder, contexts, fmts), contexts, fmts, templates, {})
        todo = []
        for job in jobs:
            entry = cache.lookup(job.cache_key)
            if entry is None:
                todo.append(job)
            else:
                writer.cached(job.path, entry)
        report.note(f"{len(jobs)} artifacts: {len(jobs) - len(todo)} unchanged, {len(todo)} to render")
        failures = renderer.run(todo, pool, pdfs)
    return jobs, (renderer.count, len(jobs) - len(todo)), failures, writer.join()


def _publish(out: Path, state: Path, tree: Path, report: Reporter) -> None:
    previous = publish.published_tree(out)
    try:
        publish.swap(out, tree)
    except OSError as exc:
        raise ArtifactError(f"cannot publish {out}: {exc.strerror}; the previous output is intact") from exc
    try:
        publish.prune(state, {tree} | ({previous} if previous else set()))
    except OSError as exc:  # published already; old trees stay until the next build prunes them
        report.warn(f"could not remove old builds in {state}: {exc.strerror}")


def _up_to_date(out: Path, manifest_bytes: bytes, artifacts: list[manifest.Artifact]) -> bool:
    """The published tree already holds exactly this build (manifest and every file's size)."""
    try:
        if (out / manifest.MANIFEST).read_bytes() != manifest_bytes:
            return False
        return all((out / a.path).stat().st_size == a.bytes for a in artifacts)
    except OSError:
        return False


class _Renderer:
    """Renders jobs: HTML on the calling thread, PDFs on two typst threads, DOCX from one pandoc
    conversion on a thread of its own; hands each artifact to the writer, collects failures."""

    def __init__(self, contexts: Contexts, templates: Path | None, report: Reporter,
                 formats: tuple[str, ...], writer: ArtifactWriter, idle: Callable[[], object] | None = None) -> None:
        self.contexts, self.templates, self.report, self.formats = contexts, templates, report, formats
        self.writer, self.idle = writer, idle  # idle: work for this thread while typst works
        # compiled HTML templates are kept for later builds (each `ladder-docs build` is a new process)
        self.compiled = writer.state / "templates"
        self.count = 0
        self.failures: list[Failure] = []
        self.lock = threading.Lock()

    def ok(self, job: Job, data: bytes, stage: str) -> None:
        with self.lock:
            self.count += 1
        self.writer.rendered(job.path, job.cache_key, data)
        self.report.advance(stage)

    def fail(self, job: Job, err: BaseException, stage: str) -> None:
        with self.lock:
            self.failures.append(Failure(job.path, job.fmt, job.kind, job.level, " ".join(str(err).split())))
        self.report.advance(stage)

    def pdf_done(self, job: Job, result: bytes | BaseException) -> None:
        if isinstance(result, bytes):
            self.ok(job, result, "pdf")
        else:
            self.fail(job, result, "pdf")

    def run(self, jobs: list[Job], pool: ThreadPoolExecutor, pdfs: PdfHandbooks | None) -> list[Failure]:
        """Render `jobs` (PDFs through `pdfs`, already typesetting its parts, when given)."""
        timestamp = self.contexts.ladder.revision.timestamp
        by_fmt = {f: [j for j in jobs if j.fmt == f] for f in ("html", "pdf", "docx")}
        for stage, items in by_fmt.items():
            self.report.stage(stage, len(items))
        docx_thread = threading.Thread(target=_docx, args=(by_fmt["docx"], timestamp, self.templates, self.ok,
                                                           self.fail), name="pandoc")
        docx_thread.start()
        if pdfs is None:
            for job in sorted(by_fmt["pdf"], key=lambda j: (_SIZE_ORDER[j.kind], j.path)):
                try:
                    source = render_typst.render(self.templates, job.template, job.context, {"path": job.path},
                                                 job.anchors, compiled=self.compiled)
                except RENDER_ERRORS as err:
                    self.fail(job, err, "pdf")
                    continue
                pool.submit(_pdf, job, source, timestamp, self.ok, self.fail)
        for job in by_fmt["html"]:
            try:
                page = render_html.page_info(job.path, self.formats, job.kind, job.key)
                data = render_html.render(self.templates, job.template, job.context, page, job.anchors,
                                          compiled=self.compiled).encode()
                self.ok(job, data, "html")
            except RENDER_ERRORS as err:
                self.fail(job, err, "html")
        if self.idle is not None:
            self.idle()
        if pdfs is not None:
            pdfs.finish(by_fmt["pdf"])
        pool.shutdown(wait=True)
        docx_thread.join()
        return sorted(self.failures, key=lambda f: f.path)


_SIZE_ORDER = {"ladder": 0, "track": 1, "level": 2, "index": 3}
Ok = Callable[[Job, bytes, str], None]
Fail = Callable[[Job, BaseException, str], None]


def _pdf(job: Job, source: str, timestamp: int, ok: Ok, fail: Fail) -> None:
    try:
        ok(job, compile_pdf(source, timestamp=timestamp), "pdf")
    except RENDER_ERRORS as err:
        fail(job, err, "pdf")


def _docx(jobs: list[Job], timestamp: int, templates: Path | None, ok: Ok, fail: Fail) -> None:
    """Every DOCX handbook from one pandoc conversion of a book holding each piece once."""
    book = Book()
    recipes: list[Recipe] = []
    ready: list[Job] = []
    for job in jobs:
        try:
            recipes.append(RECIPES[job.kind](book, job.context, job.path, job.anchors))
        except RENDER_ERRORS as err:
            fail(job, err, "docx")
            continue
        ready.append(job)
    if not ready:
        return
    reference = templates / "docx" / "reference.docx" if templates is not None else None
    context = ready[0].context  # every handbook of a build has the same meta, so the same footer
    try:
        [result] = docx_many([book.document(context["meta"])],
                             reference_docx=reference if reference and reference.is_file() else None,
                             timestamp=timestamp, footers=[render_docx.footer(context)])
        if not isinstance(result, bytes):
            raise result
        cut = BookDocx(result)
    except RENDER_ERRORS as err:
        for job in ready:
            fail(job, err, "docx")
        return
    for job, recipe in zip(ready, recipes, strict=True):
        try:
            ok(job, cut.handbook(recipe, book.resolve(recipe)), "docx")
        except RENDER_ERRORS as err:
            fail(job, err, "docx")
