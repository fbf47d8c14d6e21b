"""Where handbooks live and how they point at each other: output paths, anchors, link targets.

A relative link in the content (`../Software-Engineering/L2-Software-Engineer.md`) resolves to a
Ref, `{"kind": "level" | "track" | "ladder", "key": ..., "anchor": ...}`, independent of format;
each rendered page turns a Ref into an href with `page_linker`: an in-page anchor when the target
is part of the page (a level inside its track handbook), else the handbook file in the same format.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection
from functools import lru_cache

from .errors import ArtifactError
from .inline import Linker, Ref, Resolver
from .model import Document, Ladder
from .slug import slugify

_SEGMENT = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def level_anchor(key: str) -> str:
    """`eng-platform/l3-senior` → `level-eng-platform--l3-senior` (slugs never hold `--`)."""
    return "level-" + key.replace("/", "--")


def track_anchor(key: str) -> str:
    """The anchor of a track's section in the whole-ladder handbook."""
    return f"track-{key}"


def slug_anchor(text: str, seen: set[str]) -> str:
    """A slug unique among `seen` (which it joins): `x`, then `x-2`, `x-3` …"""
    base = slugify(text) or "section"
    anchor, n = base, 1
    while anchor in seen:
        n += 1
        anchor = f"{base}-{n}"
    seen.add(anchor)
    return anchor


def artifact_path(kind: str, key: str | None, ext: str) -> str:
    """An artifact's path inside the out dir; keys that could leave it are refused."""
    if kind == "ladder":
        return f"ladder.{ext}"
    if kind == "index":
        return "index.html"
    parts = (key or "").split("/")
    if kind == "track":
        parts = [*parts, "handbook"]
    if len(parts) != 2 or not all(_SEGMENT.match(p) for p in parts):
        raise ArtifactError(f"refusing output path for {kind} {key!r}: not a safe key")
    if kind == "level" and parts[1] == "handbook":
        raise ArtifactError(f"level {key!r} would overwrite its track handbook: rename the level")
    return f"{parts[0]}/{parts[1]}.{ext}"


class Targets:
    """Every document of a ladder by repo path, to resolve relative links between them."""

    def __init__(self, ladder: Ladder) -> None:
        self.ladder = ladder
        self.by_path: dict[str, list[Ref]] = {}
        self._anchors: dict[str, str] = {}
        seen: set[str] = set()
        for doc in ladder.documents:
            self._add(doc.path, {"kind": "ladder", "key": None,
                                 "anchor": self._doc_anchor(doc, seen)})
        for track in ladder.tracks:
            ref = {"kind": "track", "key": track.key, "anchor": track_anchor(track.key)}
            self._add(track.path, ref)
            for doc in track.overview:
                self._add(doc.path, {**ref, "anchor": self._doc_anchor(doc, seen)})
            for lv in track.levels:
                self._add(lv.path, {"kind": "level", "key": lv.key, "anchor": level_anchor(lv.key),
                                    "slug": lv.slug})
        # GitHub links are case- and punctuation-exact, but editors often write `L4-Lead-X.md`
        # for `L4 - Lead X.md`: accept a link whose slugified stem names exactly one document.
        loose: dict[str, list[str]] = {}
        for path in self.by_path:
            loose.setdefault(_loose(path), []).append(path)
        self.loose = {k: v[0] for k, v in loose.items() if len(v) == 1}

    def _add(self, path: str, ref: Ref) -> None:
        if path.strip("/"):  # a track of root-level files has no folder of its own
            self.by_path.setdefault(path.rstrip("/"), []).append(ref)

    def _doc_anchor(self, doc: Document, seen: set[str]) -> str:
        anchor = "doc-" + slug_anchor(doc.key or doc.title or doc.path, seen)
        self._anchors[doc.path] = anchor
        return anchor

    def document_anchor(self, doc: Document) -> str:
        """The anchor of an overview document's section."""
        return self._anchors.get(doc.path) or "doc-" + (slugify(doc.key or doc.title) or "section")

    def resolver(self, base: str) -> Resolver:
        """Resolves links written in the document at repo path `base`."""
        return _memo(self, base)

    def resolve(self, base: str, href: str) -> Ref | None:
        """The Ref a relative link from `base` names, or None when it names nothing we publish."""
        path, _, fragment = href.partition("#")
        path = path.partition("?")[0]
        if not path:
            target = base
        elif path.startswith("/"):  # GitHub reads `/x` from the repository root
            target = posixpath.normpath(path.lstrip("/"))
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(base), path))
        if target == ".." or target.startswith("../"):
            return None
        target = target.rstrip("/")
        refs = self.by_path.get(target)
        if not refs and _loose(target) in self.loose:
            refs = self.by_path.get(self.loose[_loose(target)])
        if not refs:
            return None
        frag = slugify(fragment)
        chosen = next((r for r in refs if frag and r.get("slug") == frag), refs[0])
        return {k: v for k, v in chosen.items() if k != "slug"}


def _loose(path: str) -> str:
    head, tail = posixpath.split(path)
    stem = tail[:-3] if tail.lower().endswith(".md") else tail
    return f"{head.lower()}/{slugify(stem)}"


@lru_cache(maxsize=4096)
def _memo(targets: Targets, base: str) -> Resolver:
    return lambda href: targets.resolve(base, href)


def page_linker(page: str, ext: str, anchors: Collection[str]) -> Linker:
    """Ref → href as seen from the page at out-dir path `page` holding `anchors`."""
    here = posixpath.dirname(page) or "."

    def link(ref: Ref) -> str | None:
        anchor = ref.get("anchor")
        if anchor and anchor in anchors:
            return f"#{anchor}"
        target = artifact_path(ref["kind"], ref.get("key"), ext)
        href = posixpath.relpath(target, here)
        # In-page fragments only mean something to browsers; PDF and Word open the file.
        if ext == "html" and anchor and ref["kind"] != "level":
            href += f"#{anchor}"
        return href

    return link


LinkerFactory = Callable[[str, str, Collection[str]], Linker]
