"""The layered template search path: a user's `--templates DIR` first, the built-ins after.

The built-ins are the data package `ladder_docs.templates` (the repository's top-level
`templates/`), read through importlib.resources so they work from a wheel or a zip as well as a
checkout. A user directory overrides single files; every other name falls through to the built-in.
A built-in loads as code compiled ahead of time (ladder_docs.precompiled) when that code was made
from this very source for this kind of environment; otherwise it compiles here, as a user file does.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, MutableMapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import jinja2

from . import precompiled
from .errors import ConfigError

BUILTIN_PACKAGE = "ladder_docs.templates"


def builtin_root() -> Traversable:
    """The built-in templates (a Traversable: a directory in a checkout, maybe a zip entry)."""
    return resources.files(BUILTIN_PACKAGE)


def _builtin_source(name: str) -> str | None:
    node = builtin_root()
    for part in name.split("/"):
        if part in ("", ".", ".."):
            return None
        node = node.joinpath(part)
    return node.read_text("utf-8") if node.is_file() else None


class _Builtins(jinja2.BaseLoader):
    """The built-in templates: their precompiled code when it fits, else compiled from source."""

    def __init__(self, templates: Path | None) -> None:
        self.templates = templates

    def get_source(self, environment: jinja2.Environment, name: str) -> tuple[str, None, Callable[[], bool]]:
        source = _builtin_source(name)
        if source is None:
            raise jinja2.TemplateNotFound(name)
        templates = self.templates
        # A cached built-in stays valid only while no user file overrides it (a long-lived
        # process may see `--templates` files appear).
        return source, None, lambda: templates is None or not (templates / name).exists()

    def load(self, environment: jinja2.Environment, name: str,
             globals: MutableMapping[str, Any] | None = None) -> jinja2.Template:
        source, _, uptodate = self.get_source(environment, name)
        code = precompiled.code(environment, name, source)
        if code is None:  # edited, another jinja2 or another environment: compiled (and cached) as usual
            return super().load(environment, name, globals)
        return environment.template_class.from_code(environment, code, {} if globals is None else globals,
                                                    uptodate)


def loader(templates: Path | None) -> jinja2.BaseLoader:
    """A ChoiceLoader: `templates` (when given) overrides single files of the built-ins."""
    layers: list[jinja2.BaseLoader] = []
    if templates is not None:
        if not templates.is_dir():
            raise ConfigError(f"--templates {templates}: not a directory")
        layers.append(jinja2.FileSystemLoader(str(templates), followlinks=False))
    layers.append(_Builtins(templates))
    return jinja2.ChoiceLoader(layers)


def builtin_names() -> list[str]:
    """Every built-in template's name (`html/base.html.j2` …), sorted."""
    return sorted(name for name, _ in _files(builtin_root()) if name not in ("README.md", "__init__.py"))


def builtin_source(name: str) -> str:
    """The text of built-in template `name` (TemplateNotFound when there is none)."""
    source = _builtin_source(name)
    if source is None:
        raise jinja2.TemplateNotFound(name)
    return source


def _files(root: Traversable, prefix: str = "") -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for node in root.iterdir():
        name = prefix + node.name
        if node.name.startswith((".", "__")):
            continue
        if node.is_dir():
            out.extend(_files(node, name + "/"))
        elif node.is_file():
            out.append((name, node.read_bytes()))
    return out


def templates_digest(templates: Path | None) -> str:
    """A hash of every template that can be loaded (user layer, then built-ins), for the cache."""
    h = hashlib.sha256()
    layers: list[Traversable] = [builtin_root()]
    if templates is not None:
        layers.insert(0, templates)
    for i, root in enumerate(layers):
        for name, data in sorted(_files(root)):
            h.update(f"{i}\0{name}\0{len(data)}\0".encode())
            h.update(data)
    return h.hexdigest()
