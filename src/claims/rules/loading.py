"""Merge built-in data files with user files: same id overrides, ``replace: true`` replaces.

A user file may hold several kinds (a ``--kb`` file: ``actions:``, ``categories:``,
``actors:``; a ``--rules`` file: ``claim_types:``, ``rules:``), so a file without the key being
loaded is skipped for that kind; :func:`check_file_keys` reports a file that holds none of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from claims.datafiles import load_models, package_data, read_yaml
from claims.errors import DataFileError

M = TypeVar("M", bound=BaseModel)


def _holds(path: Path, key: str) -> tuple[bool, bool]:
    """(whether the file holds ``key``, whether it sets ``replace: true``)."""
    data, _ = read_yaml(path)
    if isinstance(data, dict):
        return key in data, bool(data.get("replace"))
    return isinstance(data, list), False


def load_merged(
    builtin: str | None,
    model: type[M],
    key: str,
    extra: Sequence[Path] = (),
    replace: bool = False,
) -> list[M]:
    """Built-in entries (unless ``replace``), then each extra file in order, merged by id."""
    paths = [package_data(builtin)] if builtin is not None and not replace else []
    paths += [Path(p) for p in extra]
    merged: dict[str, M] = {}
    for path in paths:
        holds, replaces = _holds(path, key)
        if not holds:
            continue
        items = load_models(path, model, key=key)
        if replaces:
            merged = {}
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
