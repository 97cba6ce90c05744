"""Closed-class word lists of the extractor's rules, from ``data/nlp_words.yaml``."""

from __future__ import annotations

from functools import lru_cache

from claims.datafiles import package_data, read_yaml
from claims.errors import DataFileError


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    path = package_data("nlp_words.yaml")
    data, _ = read_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError("expected a mapping of word lists", path=str(path))
    return {str(k): frozenset(str(w) for w in (v or [])) for k, v in data.items()}


def word_set(name: str) -> frozenset[str]:
    """The word list ``name`` (a KeyError names a list missing from the data file)."""
    return _lists()[name]
