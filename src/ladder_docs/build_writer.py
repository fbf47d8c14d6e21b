"""Write a build's artifacts while the rest renders: into the build cache and into a new tree.

The HTML and DOCX handbooks are done long before the last PDF; writing each as it arrives, on a
thread of its own (file writes and hashing release the GIL), takes the writing off the end of the
build. The tree lives under the state directory and is published only by ladder_docs.publish.swap,
after every artifact is in and flushed: a build that fails, or finds the output already up to
date, discards it, so the previous output is never touched.
"""

from __future__ import annotations

import queue
import shutil
import threading
from pathlib import Path

from . import publish
from .build_cache import BuildCache, Entry
from .errors import ArtifactError

FLUSH_AFTER = 1 << 20  # bytes written before the disk is flushed in an idle moment


class ArtifactWriter:
    """Stores rendered artifacts in the cache and writes every artifact into a new tree, in order of arrival."""

    def __init__(self, out: Path, state: Path, cache: BuildCache) -> None:
        self.out, self.state, self.cache = out, state, cache
        self.entries: dict[str, Entry] = {}
        self.error: ArtifactError | None = None
        self.published = False  # set by the build once it hands the tree to ladder_docs.publish.swap
        try:
            self.tree = publish.new_tree(state)
        except OSError as exc:
            raise ArtifactError(f"cannot publish {out}: {exc.strerror}; the previous output is intact") from exc
        self._queue: queue.SimpleQueue[tuple[str, str, bytes | Entry] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="writer")
        self._thread.start()

    def rendered(self, path: str, key: str, data: bytes) -> None:
        """A rendered artifact: into the cache under `key`, and into the tree."""
        self._queue.put((path, key, data))

    def cached(self, path: str, entry: Entry) -> None:
        """An artifact the cache already holds: into the tree."""
        self._queue.put((path, "", entry))

    def join(self) -> dict[str, Entry]:
        """Wait for every write; each artifact's cache entry. Raises the first write's failure."""
        self._stop()
        if self.error is not None:
            raise self.error
        return self.entries

    def finish(self, files: dict[str, bytes]) -> Path:
        """Add `files` (the manifest and checksums), flush the tree to disk; the tree to publish."""
        try:
            for rel in sorted(files):
                publish.write_file(self.tree, rel, files[rel])
            publish.flush(self.tree)
        except OSError as exc:
            raise ArtifactError(f"cannot publish {self.out}: {exc.strerror}; the previous output is intact") from exc
        return self.tree

    def discard(self) -> None:
        """Stop writing and remove the unpublished tree."""
        self._stop()
        # What cannot be removed now is removed by the next build's prune (ladder_docs.publish.prune).
        shutil.rmtree(self.tree, ignore_errors=True)

    def _stop(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def _run(self) -> None:
        dirty = 0  # bytes written since the disk was last flushed
        while (item := self._queue.get()) is not None:
            if self.error is not None:
                continue  # the build fails with the first error; later writes would only fail too
            path, key, data = item
            try:
                if isinstance(data, Entry):
                    entry, data = data, self.cache.read(data)  # checked against its hash
                else:
                    try:
                        entry = self.cache.store(key, data)
                    except OSError as exc:
                        raise ArtifactError(f"cannot write the build cache in {self.state}: {exc.strerror}") from exc
                publish.write_file(self.tree, path, data)
                self.entries[path] = entry
                dirty += len(data)
                if dirty > FLUSH_AFTER and self._queue.empty():
                    # flush while nothing waits, so the flush before publishing finds little to do
                    publish.flush(self.tree)
                    dirty = 0
            except OSError as exc:
                self.error = ArtifactError(
                    f"cannot publish {self.out}: {exc.strerror}; the previous output is intact")
            except ArtifactError as exc:
                self.error = exc
