"""DOCX from pandoc JSON ASTs: many documents in ONE pandoc process, sandboxed and reproducible.

`docx_many` writes each AST and the reference document into a private temporary directory and
runs the bundled pandoc (pypandoc-binary, never a system pandoc) once as `pandoc lua
filters/docx_batch.lua`, which reads, sanitises, writes and post-processes every document in turn
(~16 ms each instead of ~40 ms for a pandoc start per document).

What the batch script guarantees (tests/test_engines.py, tests/test_docx_redline.py):
- no file outside the temp dir is read: Image nodes become their alt text (the DOCX writer would
  otherwise embed `/etc/passwd` or any local picture), the media bag is emptied per document;
- RawBlock / RawInline from the input are dropped (raw OpenXML could carry INCLUDETEXT fields);
  only the batch script's own markers are raw;
- links keep their target only for http(s), mailto and scheme-less (relative) targets;
- reproducible: SOURCE_DATE_EPOCH = `timestamp` in a minimal environment (no user data dir,
  no LUA_PATH), so two runs give identical bytes;
- tracked changes: inline `Span.insertion/.deletion` (attributes author, date) become `w:ins` /
  `w:del`; a `Div.insertion/.deletion` marks every paragraph in it, paragraph mark included
  (`w:pPr/w:rPr/w:ins|w:del`), so rejecting an added bullet leaves no empty bullet; all change
  ids are unique.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path
from typing import Any

import orjson

from ladder_docs.docx_style import build_reference_docx, with_footer
from ladder_docs.errors import ArtifactError, LadderDocsError
from ladder_docs.pandoc_bin import pandoc_path

# Seconds allowed per document on top of a fixed start-up allowance: a stuck pandoc must not
# hang a build, a slow CI machine must not fail one.
_TIMEOUT_BASE = 30.0
_TIMEOUT_PER_DOC = 2.0


class PandocError(ArtifactError):
    """pandoc failed to convert a document (or the whole batch)."""


def _script() -> Path:
    return Path(str(resources.files("ladder_docs") / "filters" / "docx_batch.lua"))


def _environment(timestamp: int, home: str) -> dict[str, str]:
    # Built from scratch: no LUA_PATH/LUA_INIT, no user data dir, no locale surprises.
    return {
        "SOURCE_DATE_EPOCH": str(int(timestamp)),
        "HOME": home,
        "LANG": "C.UTF-8",
        "PATH": os.defpath,
    }


@functools.cache
def pandoc_api_version() -> list[int]:
    """The pandoc-api-version the bundled pandoc reads and writes (for building JSON ASTs)."""
    done = subprocess.run(
        [pandoc_path(), "-f", "markdown", "-t", "json"],
        input=b"",
        capture_output=True,
        check=False,
        timeout=60,
        env=_environment(0, tempfile.gettempdir()),
    )
    if done.returncode != 0:
        raise PandocError(f"pandoc: cannot start the bundled pandoc (exit {done.returncode})")
    return list(json.loads(done.stdout)["pandoc-api-version"])


def _change_attr(kind: str, author: str, date: str) -> list[Any]:
    return ["", [kind], [["author", author], ["date", date]]]


def tracked_inlines(kind: str, inlines: list[Any], *, author: str, date: str) -> dict[str, Any]:
    """A Span marking `inlines` as inserted or deleted (`kind`: "insertion" | "deletion").

    `date` is ISO 8601 (e.g. "2024-10-08T14:03:00Z"); Word shows author and date in its Review pane.
    """
    if kind not in ("insertion", "deletion"):
        raise ValueError(f"tracked change kind must be insertion or deletion, not {kind!r}")
    return {"t": "Span", "c": [_change_attr(kind, author, date), inlines]}


def tracked_blocks(kind: str, blocks: list[Any], *, author: str, date: str) -> dict[str, Any]:
    """A Div marking whole paragraphs as inserted or deleted, paragraph marks included.

    For a wholly added or removed bullet, put the Div inside the list item:
    `{"t": "BulletList", "c": [[...], [tracked_blocks("insertion", [plain], ...)]]}`.
    """
    if kind not in ("insertion", "deletion"):
        raise ValueError(f"tracked change kind must be insertion or deletion, not {kind!r}")
    return {"t": "Div", "c": [_change_attr(kind, author, date), blocks]}


def docx_many(
    asts: Sequence[Mapping[str, Any]],
    *,
    reference_docx: bytes | Path | None = None,
    timestamp: int,
    footers: Sequence[str] | None = None,
    toc: Sequence[bool] | bool = False,
    workers: int = 1,
) -> list[bytes | LadderDocsError]:
    """Convert pandoc JSON ASTs to DOCX in one pandoc process; results in input order.

    `reference_docx`: bytes or a path (default: docx_style.build_reference_docx()). `footers`:
    one footer text per document, filling the reference footer's placeholder. `toc`: a Word
    table of contents, for all or per document. `workers` > 1 splits the batch over that many
    pandoc processes (worth it from ~10 documents on idle cores). A document that fails yields a
    PandocError in its slot; the rest still convert.
    """
    count = len(asts)
    texts = list(footers) if footers is not None else [""] * count
    tocs = [toc] * count if isinstance(toc, bool) else list(toc)
    if len(texts) != count or len(tocs) != count:
        raise ValueError("docx_many: footers and toc must give one value per document")
    if count == 0:
        return []
    if reference_docx is None:
        reference = build_reference_docx()
    elif isinstance(reference_docx, Path):
        reference = reference_docx.read_bytes()
    else:
        reference = reference_docx
    n = max(1, min(workers, count))

    def chunk(k: int) -> list[bytes | LadderDocsError]:
        # chunk k holds documents k, k + n, k + 2n …
        return _docx_batch(asts[k::n], texts[k::n], tocs[k::n], reference, timestamp)

    if n == 1:
        return chunk(0)
    with ThreadPoolExecutor(max_workers=n, thread_name_prefix="pandoc") as pool:
        chunks = list(pool.map(chunk, range(n)))
    out: list[bytes | LadderDocsError] = [PandocError("pandoc: no result")] * count
    for k, results in enumerate(chunks):
        out[k::n] = results
    return out


def _docx_batch(
    asts: Sequence[Mapping[str, Any]],
    texts: Sequence[str],
    tocs: Sequence[bool],
    reference: bytes,
    timestamp: int,
) -> list[bytes | LadderDocsError]:
    """One pandoc process over `asts` in a private temporary directory."""
    count = len(asts)
    # One reference per distinct footer: pandoc copies the footer, nothing is patched per doc.
    references = {text: f"reference-{k}.docx" for k, text in enumerate(sorted(set(texts)))}
    with tempfile.TemporaryDirectory(prefix="ladder-pandoc-") as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        (work / "out").mkdir()
        for text, name in references.items():
            (work / name).write_bytes(with_footer(reference, text))
        docs = []
        for i, ast in enumerate(asts):
            (work / "in" / f"{i}.json").write_bytes(orjson.dumps(ast))  # UTF-8, compact
            docs.append(
                {
                    "input": f"in/{i}.json",
                    "output": f"out/{i}.docx",
                    "reference_doc": references[texts[i]],
                    "toc": tocs[i],
                }
            )
        job = {"results": "results.json", "docs": docs}
        (work / "job.json").write_text(json.dumps(job), encoding="utf-8")
        failure = _run_batch(work, timestamp, count)
        if failure is not None:
            return [failure] * count
        return _collect(work, count)


def docx_one(
    ast: Mapping[str, Any],
    *,
    reference_docx: bytes | Path | None = None,
    timestamp: int,
    footer: str = "",
) -> bytes:
    """Convert one pandoc JSON AST to DOCX bytes; raise PandocError on failure."""
    [result] = docx_many([ast], reference_docx=reference_docx, timestamp=timestamp, footers=[footer])
    if isinstance(result, LadderDocsError):
        raise result
    return result


def _run_batch(work: Path, timestamp: int, count: int) -> PandocError | None:
    """Run the batch script; a PandocError when the process itself failed."""
    command = [pandoc_path(), "lua", str(_script()), "job.json"]
    try:
        done = subprocess.run(
            command,
            cwd=work,
            env=_environment(timestamp, str(work)),
            capture_output=True,
            check=False,
            timeout=_TIMEOUT_BASE + _TIMEOUT_PER_DOC * count,
        )
    except subprocess.TimeoutExpired:
        return PandocError(f"pandoc: the batch of {count} documents timed out")
    except OSError as err:
        return PandocError(f"pandoc: cannot run {command[0]}: {err.strerror}")
    if done.returncode != 0 or not (work / "results.json").is_file():
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = lines[0] if lines else f"exit code {done.returncode}"
        return PandocError(f"pandoc: the batch failed: {detail}")
    return None


def _collect(work: Path, count: int) -> list[bytes | LadderDocsError]:
    results = json.loads((work / "results.json").read_text(encoding="utf-8"))
    if not isinstance(results, list) or len(results) != count:
        return [PandocError("pandoc: the batch reported the wrong number of results")] * count
    out: list[bytes | LadderDocsError] = []
    for i, result in enumerate(results):
        if result.get("ok") is True:
            out.append((work / "out" / f"{i}.docx").read_bytes())
        else:
            message = " ".join(str(result.get("error", "unknown error")).split())
            out.append(PandocError(f"pandoc: document {i}: {message}"))
    return out
