"""The built-in templates shipped compiled, as Python ships its own modules' bytecode.

Each `ladder-docs build` is a new process, and compiling the templates it renders costs ~100 ms of
Python (lexing, parsing and code generation in jinja2, then Python's compile). The built-ins are
compiled ahead of time by `python -m ladder_docs.precompiled` into one package per environment
(`html`, `typst`): a module per template (jinja2's `Environment.compile(..., raw=True)`: Python
source, which Python itself caches as bytecode) and the package's
`MANIFEST = {"signature": {...}, "templates": {name: [sha256 of the source, module]}}`.

A module is used only for an environment whose `signature` is its manifest's and for the very
source it was compiled from. Anything else (a template edited without regenerating, another
jinja2, an environment other than the two sharing the loader) compiles from source as before:
correct, only slower.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.abc
import importlib.util
import json
from types import CodeType
from typing import Any

import jinja2
from jinja2.filters import FILTERS as DEFAULT_FILTERS
from jinja2.tests import TESTS as DEFAULT_TESTS
from jinja2.utils import _PassArg

# The environments whose built-ins are shipped compiled: one generated package each.
KINDS = ("html", "typst")

# Environment attributes that shape the code jinja2 generates (besides those named below).
_OPTIONS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
            "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
            "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized", "is_async")


def _qualified(obj: Any) -> str | bool | None:
    if obj is None or isinstance(obj, bool):
        return obj
    return f"{getattr(obj, '__module__', '')}.{getattr(obj, '__qualname__', type(obj).__qualname__)}"


def _callables(found: dict[str, Any], defaults: dict[str, Any]) -> dict[str, list[str | bool | None]]:
    # What the code generator reads of a filter or test: what it is passed (context, environment …);
    # constant arguments are even folded by calling it, so which function it is counts too.
    out: dict[str, list[str | bool | None]] = {}
    for name, func in found.items():
        if defaults.get(name) is not func:
            passed = _PassArg.from_obj(func)
            out[name] = [_qualified(func), None if passed is None else passed.name]
    return dict(sorted(out.items()))


def signature(environment: jinja2.Environment) -> dict[str, Any]:
    """Everything the code compiled for `environment` depends on, as plain JSON-able values."""
    options: dict[str, Any] = {name: getattr(environment, name) for name in _OPTIONS}
    options["autoescape"] = _qualified(environment.autoescape)
    options["finalize"] = _qualified(environment.finalize)
    return {
        "jinja2": jinja2.__version__,
        "environment": _qualified(type(environment)),
        "code_generator": _qualified(environment.code_generator_class),
        "options": dict(sorted(options.items())),
        "extensions": sorted(environment.extensions),
        "filters": _callables(environment.filters, DEFAULT_FILTERS),
        "tests": _callables(environment.tests, DEFAULT_TESTS),
    }


def signature_key(value: dict[str, Any]) -> str:
    """A signature as one comparable string."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def source_digest(source: str) -> str:
    """The sha256 a manifest holds for a template's source text."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


_MANIFESTS: dict[str, tuple[str, dict[str, list[str]]]] = {}
_LOADED: list[bool] = []
_CODE: dict[str, CodeType] = {}


def _manifests() -> dict[str, tuple[str, dict[str, list[str]]]]:
    """Signature key → (kind, templates), read once per process."""
    if not _LOADED:
        for kind in KINDS:
            package = f"{__name__}.{kind}"
            try:
                module = importlib.import_module(package)
            except ModuleNotFoundError as err:
                if err.name != package:
                    raise
                continue  # not generated (or not installed): every template compiles
            manifest = module.MANIFEST
            _MANIFESTS[signature_key(manifest["signature"])] = (kind, manifest["templates"])
        _LOADED.append(True)
    return _MANIFESTS


def _renamed(code: CodeType, filename: str) -> CodeType:
    # Named as jinja2 names a template compiled without a file, so tracebacks read the same.
    consts = tuple(_renamed(c, filename) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


def code(environment: jinja2.Environment, name: str, source: str) -> CodeType | None:
    """The precompiled code of built-in `name` for `environment`, or None: compile `source`."""
    manifests = _manifests()
    if not manifests:
        return None
    found = manifests.get(signature_key(signature(environment)))
    if found is None:
        return None
    kind, templates = found
    entry = templates.get(name)
    if entry is None or entry[0] != source_digest(source):
        return None
    module = f"{__name__}.{kind}.{entry[1]}"
    if module not in _CODE:
        spec = importlib.util.find_spec(module)
        loader = None if spec is None else spec.loader
        # get_code reads the module's cached bytecode (written at install, or by the first load)
        compiled = loader.get_code(module) if isinstance(loader, importlib.abc.InspectLoader) else None
        if compiled is None:
            return None
        _CODE[module] = _renamed(compiled, "<template>")
    return _CODE[module]
