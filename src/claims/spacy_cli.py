"""Importing spaCy without its command line.

``import spacy`` runs ``from .cli.info import info``, which imports every ``spacy`` CLI command
and what they need (typer, weasel, requests, httpx, jinja2): about 0.15–0.2 s of the 0.55 s
that importing spaCy takes, at every start of ``claims analyze``, for code it never runs.

:func:`install` (called once by ``claims/__init__``) adds an import finder that answers only
while spaCy's own ``__init__`` is running, and only for ``spacy.cli`` and ``spacy.cli.info``: it
gives a placeholder module whose ``info`` imports the real one when called. The placeholder
loads the real ``spacy.cli`` on first use of any other attribute (``spacy.cli.download``,
``from spacy.cli import train``, ``import spacy.cli.download``), so code that does use the
spaCy CLI in the same process still gets it. Nothing else about the import changes.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import types
from collections.abc import Sequence
from typing import Any

_NAMES = ("spacy.cli", "spacy.cli.info")


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real one, imported on first call."""
    return _real("spacy.cli.info").info(*args, **kwargs)


def _real(name: str) -> types.ModuleType:
    """The real module ``name`` (the placeholders leave ``sys.modules`` first)."""
    for stub in _NAMES:
        if isinstance(sys.modules.get(stub), _Placeholder):
            del sys.modules[stub]
    return importlib.import_module(name)


class _Placeholder(types.ModuleType):
    """Stands for ``spacy.cli`` or ``spacy.cli.info`` until anything but ``info`` is read."""

    def __getattr__(self, attribute: str) -> Any:
        if attribute == "info":
            return _info
        if attribute == "__path__" and _spacy_initializing():
            return []  # the import of ``spacy.cli.info`` reads it: that one is a placeholder too
        return getattr(_real(self.__name__), attribute)

    def __setattr__(self, attribute: str, value: Any) -> None:
        if attribute != "info":  # the import system sets the submodule: ``info`` stays the
            super().__setattr__(attribute, value)  # function, as in the real ``spacy.cli``


class _Loader:
    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return _Placeholder(spec.name)

    def exec_module(self, module: types.ModuleType) -> None:
        return None


class _Finder:
    """A ``sys.meta_path`` finder for the two CLI modules during spaCy's own import only."""

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        if name not in _NAMES or not _spacy_initializing():
            return None  # outside spaCy's own import: the real CLI
        return importlib.machinery.ModuleSpec(name, _Loader())  # type: ignore[arg-type]


def _spacy_initializing() -> bool:
    """Whether ``spacy/__init__`` is running right now."""
    spec = getattr(sys.modules.get("spacy"), "__spec__", None)
    return bool(getattr(spec, "_initializing", False))


_FINDER = _Finder()


def install() -> None:
    """Add the finder (once; harmless when spaCy is already imported)."""
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _FINDER)
