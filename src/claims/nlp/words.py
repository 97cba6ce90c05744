"""Closed-class word lists of the extractor's rules, from ``data/nlp_words.yaml``.

A key holds a list of words (:func:`word_set`; :func:`word_list` keeps the file's order, for
lists joined into a pattern) or a mapping from a word to a list of words (:func:`word_map`); the
file is read and checked once per process.
"""

from __future__ import annotations

from functools import lru_cache

from claims.datafiles import package_data, read_yaml
from claims.errors import DataFileError

WordLists = tuple[
    dict[str, frozenset[str]], dict[str, dict[str, frozenset[str]]], dict[str, tuple[str, ...]]
]


def _words(value: object, path: str, key: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise DataFileError(f"{key}: expected a list of words", path=path)
    return frozenset(value)


@lru_cache(maxsize=1)
def _lists() -> WordLists:
    path = package_data("nlp_words.yaml")
    data, _ = read_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError("expected a mapping of word lists", path=str(path))
    sets: dict[str, frozenset[str]] = {}
    maps: dict[str, dict[str, frozenset[str]]] = {}
    ordered: dict[str, tuple[str, ...]] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            maps[str(key)] = {str(k): _words(v, str(path), f"{key}.{k}") for k, v in value.items()}
        else:
            ordered[str(key)] = tuple(str(w) for w in (value or []))
            sets[str(key)] = frozenset(ordered[str(key)])
    return sets, maps, ordered


def word_set(name: str) -> frozenset[str]:
    """The word list ``name`` (a KeyError names a list missing from the data file)."""
    return _lists()[0][name]


def word_list(name: str) -> tuple[str, ...]:
    """The word list ``name`` in the order of the data file."""
    return _lists()[2][name]


def word_map(name: str) -> dict[str, frozenset[str]]:
    """The mapping ``name`` from a word to a word list (``fordern`` -> ``opfer``, ``tote``)."""
    return _lists()[1][name]


def list_names() -> tuple[str, ...]:
    """The names of all word lists and mappings in the data file."""
    sets, maps, _ = _lists()
    return tuple(sets) + tuple(maps)
