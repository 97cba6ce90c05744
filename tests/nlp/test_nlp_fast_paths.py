"""Shortcuts taken for speed give the answer of the plain computation they replace."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.kb.speakers import load_speakers
from claims.nlp.lexicon import load_lexicon
from claims.nlp.quotes.titles import _LAST_WORD, last_word
from claims.nlp.speakers.mention import Mention
from claims.nlp.speakers.mentions import MentionFinder

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


@lru_cache(maxsize=1)
def _finder() -> MentionFinder:
    """One mention finder for the tests (building it compiles large patterns)."""
    return MentionFinder(load_speakers(), load_lexicon().first_names)


class _OpenScreens:
    """Screens that let every text through: the patterns alone decide."""

    def adjective_before(self, text: str, role_starts: list[int]) -> bool:
        return True

    def country_after(self, text: str, role_starts: list[int]) -> bool:
        return True


def _unscreened(text: str) -> list[Mention]:
    finder = _finder()
    screens = finder._screens
    finder._screens = _OpenScreens()  # type: ignore[assignment]
    try:
        return finder.find(text, None)
    finally:
        finder._screens = screens


_ROLE_PIECES = [
    *("der", "Der", "seinem", "eine", "neue", "langjährigen", "sagte", "von", "Minsk"),
    *("belarussische", "Russischen", "US-amerikanischer", "ukrainisch"),
    *("Präsident", "Präsidenten", "Außenminister", "Staatschef", "Kreml-Chef", "Vizepräsident"),
    *("Belarus", "Russlands", "Belarus'", "der Ukraine", "„", ",", ".", "-"),
]


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(_ROLE_PIECES), max_size=12),
    gaps=st.lists(st.sampled_from([" ", "  ", "\n", "\u00a0", "", "-"]), min_size=12, max_size=12),
)
def test_role_screens_keep_every_role_mention(pieces: list[str], gaps: list[str]) -> None:
    """The role patterns give the same mentions with the screens as without them."""
    text = "".join(p + g for p, g in zip(pieces, gaps, strict=False))
    assert _finder().find(text, None) == _unscreened(text)


def test_role_screens_let_role_phrases_through() -> None:
    for text in (
        "Das sagte der belarussische neue Präsident am Montag.",
        "Das sagte der Außenminister von  Belarus am Montag.",
        "Das sagte der Präsident Russlands.",
    ):
        found = _finder().find(text, None)
        assert any(m.kind == "role" for m in found), text
        assert found == _unscreened(text)
