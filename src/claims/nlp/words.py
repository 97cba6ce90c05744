"""Closed-class word lists of the extractor's rules, from ``data/nlp_words.yaml``.

Read by the one word-list loader (:mod:`claims.wordlists`), like the rule stage's lists; this
module only names the file and keeps each set and mapping as one object, so that modules may
bind them at import time and hot loops test membership without building them again.
"""

from __future__ import annotations

from functools import cache

from claims import wordlists

FILE = "nlp_words.yaml"


@cache
def word_set(name: str) -> frozenset[str]:
    """The word list ``name`` (a KeyError names a list missing from the data file)."""
    return wordlists.word_set(FILE, name)


def word_list(name: str) -> tuple[str, ...]:
    """The word list ``name`` in the order of the data file."""
    return wordlists.word_list(FILE, name)


@cache
def word_map(name: str) -> dict[str, frozenset[str]]:
    """The mapping ``name`` from a word to a word list (``fordern`` -> ``opfer``, ``tote``)."""
    return wordlists.word_map(FILE, name)


def list_names() -> tuple[str, ...]:
    """The names of all word lists and mappings in the data file."""
    return wordlists.list_names(FILE)
