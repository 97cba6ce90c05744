"""Shortcuts taken for speed give the answer of the plain computation they replace."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.nlp.quotes.titles import _LAST_WORD, last_word

# letters, word punctuation, spaces of several kinds (the no-break and thin space, a
# separator that str.isspace counts), and marks that end a word
TEXT = st.text(alphabet="ab.-_ \t\n\u00a0\u2009\x1c(„“:,1", max_size=30)


@settings(max_examples=500, deadline=None)
@given(text=TEXT)
def test_last_word_is_the_regex_search(text: str) -> None:
    expected = _LAST_WORD.search(text)
    found = last_word(text)
    assert (found is None) == (expected is None)
    if found is not None and expected is not None:
        assert found.span() == expected.span()
        assert found.group(1) == expected.group(1)
