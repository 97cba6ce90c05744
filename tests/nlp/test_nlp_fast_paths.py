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


def test_extension_accessors_share_spacy_storage() -> None:
    """``span_attr`` and friends read and write what ``span._`` and ``doc._`` do (the fast
    path is taken with the installed spaCy)."""
    import spacy

    from claims.nlp.extensions import (
        FAST_ATTRS,
        doc_attr,
        set_doc_attr,
        set_span_attr,
        span_attr,
    )

    assert FAST_ATTRS
    doc = spacy.blank("de")("Er sagte, es sei nichts geschehen.")
    span, same, other = doc[2:5], doc[2:5], doc[1:5]
    assert span_attr(span, "opinion") is False and span_attr(span, "content") is None
    span._.content = (3, 9)
    assert span_attr(same, "content") == (3, 9) and span_attr(other, "content") is None
    set_span_attr(other, "speaker", "x")
    assert other._.speaker == "x" and span._.speaker is None
    assert doc_attr(doc, "sent_starts") is None
    set_doc_attr(doc, "sent_starts", [0])
    assert doc._.sent_starts == [0]
    doc._.published = "d"
    assert doc_attr(doc, "published") == "d"
