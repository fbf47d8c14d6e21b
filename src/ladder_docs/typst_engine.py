"""PDF from typst markup, in-process through the `typst` package: sandboxed and reproducible.

- Sandbox: each compile gets `root=` a fresh, empty temporary directory holding only the markup,
  so `#read`, `#image`, `#include` … cannot reach any other file; package imports (`@preview/…`)
  are refused before compiling, so a build never downloads code.
- Reproducible: the PDF's dates come from `timestamp` (typst-py ignores SOURCE_DATE_EPOCH), and the
  fonts are the package's own (`fonts/`) plus typst's embedded ones, never the machine's.
- Fast: one shared font book; `typst.compile` releases the GIL, so `compile_many` uses threads.
"""

from __future__ import annotations

import functools
import re
import tempfile
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import typst

from ladder_docs.errors import ArtifactError, LadderDocsError

# A package import (`#import "@preview/x:1.0.0"`, or `import "@…"` opening a line / following `{` or `;`
# in code). Prose such as `we import "@scope/pkg"` mid-line in escaped content does not match.
_PACKAGE_IMPORT = re.compile(r"""(?:#|^[ \t]*|[{;][ \t]*)(?:import|include)\s*\(?\s*"@""", re.M)
_LOCATION = re.compile(r"main\.typ:(\d+):(\d+)")


class TypstCompileError(ArtifactError):
    """typst could not compile a document; the message names the first error and its line."""


@dataclass(frozen=True)
class PdfResult:
    """A compiled PDF and typst's warnings (e.g. an unknown font family), in typst's order."""

    pdf: bytes
    warnings: tuple[str, ...]


def fonts_dir() -> Path:
    """The directory of the fonts shipped with ladder-docs (Inter, Noto Color Emoji subset)."""
    return Path(str(resources.files("ladder_docs") / "fonts"))


@functools.cache
def handbook_preamble() -> str:
    """The typst source of the base handbook preamble (page, fonts, headings, footer, helpers).

    Prepend it to a document, then `#show: ld-handbook.with(title: …, footer: …)`; helpers:
    ld-title-block, ld-summary, ld-attributes, ld-competencies, ld-competency, ld-examples,
    ld-ins, ld-del, ld-changed, ld-ins-block, ld-del-block (see filters/handbook.typ).
    """
    return (resources.files("ladder_docs") / "filters" / "handbook.typ").read_text("utf-8")


@functools.cache
def _font_book() -> typst.Fonts:
    # Built once: scanning font files costs more than a small compile. No system fonts, so the
    # output is the same on every machine.
    return typst.Fonts(
        include_system_fonts=False,
        include_embedded_fonts=True,
        font_paths=[str(fonts_dir())],
    )


def font_families() -> list[str]:
    """The font families typst sees (embedded plus shipped), sorted, without duplicates."""
    return sorted(set(_font_book().families()))


def render_pdf(
    markup: str,
    *,
    timestamp: int,
    sys_inputs: Mapping[str, str] | None = None,
    tags: bool = True,
) -> PdfResult:
    """Compile typst `markup` to a PDF with its warnings; raise TypstCompileError on failure.

    `timestamp` (UNIX seconds, from the commit) sets the PDF's creation date and `datetime.today()`.
    `tags`: write the accessibility structure (off for pages that are copied into other PDFs, which
    keep only the drawing: the structure would be 60% of their bytes for nothing).
    """
    if _PACKAGE_IMPORT.search(markup):
        raise TypstCompileError("typst: package imports are not allowed (no downloads in a build)")
    with tempfile.TemporaryDirectory(prefix="ladder-typst-") as root:
        main = Path(root) / "main.typ"
        main.write_text(markup, encoding="utf-8")
        try:
            pdf, warnings = typst.compile_with_warnings(
                str(main),
                root=root,
                font_paths=_font_book(),
                ignore_system_fonts=True,
                format="pdf",
                sys_inputs=dict(sys_inputs or {}),
                timestamp=timestamp,
                package_path=root,
                package_cache_path=root,
                pdf_tags=tags,
            )
        except typst.TypstError as err:
            raise TypstCompileError(_one_line(err)) from err
    if not isinstance(pdf, bytes):
        raise TypstCompileError("typst: compile returned no PDF")
    return PdfResult(pdf=pdf, warnings=tuple(str(w.message) for w in warnings))


def compile_pdf(
    markup: str,
    *,
    timestamp: int,
    sys_inputs: Mapping[str, str] | None = None,
    tags: bool = True,
) -> bytes:
    """Compile typst `markup` to PDF bytes (see render_pdf); two calls give identical bytes."""
    return render_pdf(markup, timestamp=timestamp, sys_inputs=sys_inputs, tags=tags).pdf


def compile_many(
    markups: Sequence[str],
    *,
    timestamp: int,
    workers: int = 2,
) -> list[bytes | LadderDocsError]:
    """Compile many documents on `workers` threads; results in input order.

    A document that fails yields its TypstCompileError in its slot; the others still compile.
    """

    def one(markup: str) -> bytes | LadderDocsError:
        try:
            return compile_pdf(markup, timestamp=timestamp)
        except LadderDocsError as err:
            return err

    if workers <= 1 or len(markups) <= 1:
        return [one(m) for m in markups]
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="typst") as pool:
        return list(pool.map(one, markups))


def _one_line(err: typst.TypstError) -> str:
    """`typst: <message> (line L, column C)` from typst's structured error."""
    message = " ".join(str(err.message).split()) or "compile failed"
    # The diagnostic lists warnings first; the location that matters follows "error:".
    diagnostic = str(err.diagnostic)
    at = diagnostic.find("error:")
    found = _LOCATION.search(diagnostic, at if at >= 0 else 0)
    where = f" (line {found.group(1)}, column {found.group(2)})" if found else ""
    return f"typst: {message}{where}"
