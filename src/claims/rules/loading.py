"""Merge built-in data files with user files: same id overrides, ``replace: true`` replaces.

A user file may hold several kinds (a ``--kb`` file: ``actions:``, ``categories:``,
``actors:``; a ``--rules`` file: ``claim_types:``, ``rules:``), so a file without the key being
loaded is skipped for that kind; :func:`check_file_keys` reports a file that holds none of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from claims.datafiles import load_models, package_data, read_yaml
from claims.errors import DataFileError

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class TopLevel:
    """What a data file holds at its top level: its keys (or a bare list), ``replace``."""

    keys: frozenset[object]
    is_list: bool
    replace: bool

    def holds(self, key: str) -> bool:
        return self.is_list or key in self.keys


def top_level(path: Path) -> TopLevel:
    """The top level of a data file, parsed once per file version (a file is asked often)."""
    try:
        stat = Path(path).stat()
    except OSError:
        return _top_level(Path(path), -1, -1)  # read_yaml reports the problem
    return _top_level(Path(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _top_level(path: Path, mtime_ns: int, size: int) -> TopLevel:
    data, _ = read_yaml(path)
    if isinstance(data, dict):
        return TopLevel(frozenset(data), False, bool(data.get("replace")))
    return TopLevel(frozenset(), isinstance(data, list), False)


def load_merged(
    builtin: str | None,
    model: type[M],
    key: str,
    extra: Sequence[Path] = (),
    replace: bool = False,
) -> list[M]:
    """Built-in entries (unless ``replace``), then each extra file in order, merged by id."""
    paths = [Path(p) for p in extra]
    if builtin is not None and not replace:
        paths.insert(0, package_data(builtin))
    merged: dict[str, M] = {}
    for index, path in enumerate(paths):
        # a built-in file holds its key, and replacing nothing changes nothing: no need to look
        if index > 0 or builtin is None or replace:
            found = top_level(path)
            if not found.holds(key):
                continue
            if found.replace:
                merged = {}
        items = load_models(path, model, key=key)
        seen: set[str] = set()
        for item in items:
            item_id = str(item.id)  # type: ignore[attr-defined]
            if item_id in seen:
                raise DataFileError(
                    f"duplicate {model.__name__} id '{item_id}'",
                    path=str(path),
                    hint="each id may appear once per file; a later file overrides an earlier one",
                )
            seen.add(item_id)
            merged[item_id] = item
    return list(merged.values())


def check_file_keys(path: Path, keys: Sequence[str]) -> None:
    """Raise when a user data file holds none of the keys it is meant for."""
    data, _ = read_yaml(Path(path))
    if isinstance(data, dict) and any(k in data for k in keys):
        return
    raise DataFileError(
        "no " + " / ".join(f"'{k}:'" for k in keys) + " list in this file",
        path=str(path),
        hint="a data file is a YAML mapping with one of these top-level lists",
    )
