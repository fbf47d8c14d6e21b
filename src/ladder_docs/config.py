"""Configuration: `[tool.ladder-docs]` in pyproject.toml or `ladder-docs.toml`, validated."""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import ConfigError

DEFAULT_INCLUDE = ("*.md", "L[0-9]*")
# Cross-cutting pages that read like a role but describe everyone (see the corpus's Leadership.md).
DEFAULT_DOCUMENTS = ("README", "README.*", "Everyone.md", "Leadership.md")


@dataclass(frozen=True)
class TrackRule:
    """An explicit track assignment: levels matching `levels` globs form track `key`."""

    key: str
    name: str | None
    levels: tuple[str, ...]


@dataclass(frozen=True)
class Config:
    """A validated configuration."""

    name: str = "ladder"
    root: str | None = None  # None: `ladder/` if it exists, else the repository root
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    documents: tuple[str, ...] = DEFAULT_DOCUMENTS
    tracks: tuple[TrackRule, ...] = ()
    tag_pattern: str = "v*"
    source: str | None = field(default=None, compare=False)  # file it came from


KEYS = ("name", "root", "include", "exclude", "documents", "tracks", "tag_pattern")


def _unknown(where: str, key: str, valid: tuple[str, ...]) -> ConfigError:
    close = difflib.get_close_matches(key, valid, n=1, cutoff=0.5)
    hint = f"; did you mean {close[0]!r}?" if close else f"; valid keys: {', '.join(valid)}"
    return ConfigError(f"{where}: unknown key {key!r}{hint}")


def _strings(where: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key!r} must be a string or a list of strings")
    return tuple(value)


def _string(where: str, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: {key!r} must be a non-empty string")
    return value


def _tracks(where: str, value: Any) -> tuple[TrackRule, ...]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: 'tracks' must be a table of track key = globs or {{name, levels}}")
    rules = []
    for key, spec in sorted(value.items()):
        if isinstance(spec, Mapping):
            for k in spec:
                if k not in ("name", "levels"):
                    raise _unknown(f"{where}: tracks.{key}", k, ("name", "levels"))
            name = _string(where, f"tracks.{key}.name", spec["name"]) if "name" in spec else None
            levels = _strings(where, f"tracks.{key}.levels", spec.get("levels", []))
        else:
            name, levels = None, _strings(where, f"tracks.{key}", spec)
        rules.append(TrackRule(key, name, levels))
    return tuple(rules)


def from_mapping(data: Mapping[str, Any], where: str) -> Config:
    """Validate a `[tool.ladder-docs]` table."""
    for key in data:
        if key not in KEYS:
            raise _unknown(where, key, KEYS)
    kw: dict[str, Any] = {"source": where}
    for key in ("name", "tag_pattern"):
        if key in data:
            kw[key] = _string(where, key, data[key])
    if "root" in data:
        root = _string(where, "root", data["root"]).strip()
        # Absolute test before stripping slashes: `root = "/etc"` must be refused, not read as `etc/`.
        if root.startswith("/") or ".." in root.split("/"):
            raise ConfigError(f"{where}: 'root' must be a path inside the repository")
        kw["root"] = root.strip("/")
    for key in ("include", "exclude", "documents"):
        if key in data:
            kw[key] = _strings(where, key, data[key])
    if "tracks" in data:
        kw["tracks"] = _tracks(where, data["tracks"])
    return Config(**kw)


def parse_config(pyproject: bytes | None, own: bytes | None) -> Config:
    """A Config from the bytes of pyproject.toml and ladder-docs.toml (either may be None)."""
    tables: list[tuple[str, Mapping[str, Any]]] = []
    for name, data in (("pyproject.toml", pyproject), ("ladder-docs.toml", own)):
        if data is None:
            continue
        try:
            doc = tomllib.loads(data.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{name}: not valid TOML: {exc}") from exc
        if name == "pyproject.toml":
            tool = doc.get("tool", {})
            if isinstance(tool, Mapping) and "ladder-docs" in tool:
                table = tool["ladder-docs"]
                if not isinstance(table, Mapping):
                    raise ConfigError("pyproject.toml: [tool.ladder-docs] must be a table")
                tables.append(("pyproject.toml [tool.ladder-docs]", table))
        else:
            tables.append((name, doc))
    if len(tables) == 2:
        raise ConfigError(
            "configuration found in both pyproject.toml [tool.ladder-docs] and ladder-docs.toml: keep one"
        )
    return from_mapping(tables[0][1], tables[0][0]) if tables else Config()
