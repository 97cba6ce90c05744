"""Closed word classes from the package data: one loader for every word-list file.

A file maps a name to a list of words (:func:`word_list`, :func:`word_set`) or to a mapping
from a word to a list of words (:func:`word_map`). Each file is read and checked once per
process, so a module may bind its lists at import time.
"""

from __future__ import annotations

from functools import cache

from claims.datafiles import package_data, read_yaml
from claims.errors import DataFileError

Lists = dict[str, tuple[str, ...]]
Maps = dict[str, dict[str, tuple[str, ...]]]


def _words(value: object, path: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise DataFileError(f"{key}: expected a list of words", path=path)
    return tuple(value)


@cache
def _read(file: str) -> tuple[Lists, Maps]:
    path = package_data(file)
    data, _ = read_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError("expected a mapping of word lists", path=str(path))
    lists: Lists = {}
    maps: Maps = {}
    for key, value in data.items():
        if isinstance(value, dict):
            maps[str(key)] = {str(k): _words(v, str(path), f"{key}.{k}") for k, v in value.items()}
        else:
            lists[str(key)] = _words(value, str(path), str(key))
    return lists, maps


def word_list(file: str, name: str) -> tuple[str, ...]:
    """The list ``name`` of the data file ``file``, in file order (a KeyError names a list
    missing from the file)."""
    return _read(file)[0][name]


def word_set(file: str, name: str) -> frozenset[str]:
    """The list ``name`` of ``file`` as a set."""
    return frozenset(word_list(file, name))


def word_map(file: str, name: str) -> dict[str, frozenset[str]]:
    """The mapping ``name`` of ``file`` from a word to a set of words."""
    return {key: frozenset(words) for key, words in _read(file)[1][name].items()}


def list_names(file: str) -> tuple[str, ...]:
    """The names of all lists and mappings in ``file``."""
    lists, maps = _read(file)
    return tuple(lists) + tuple(maps)
