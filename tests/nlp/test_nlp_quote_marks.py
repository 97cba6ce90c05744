"""Finding quote marks and sentence ends around them: wiki-style ``''…''`` marks, apostrophes
inside words, and ordinals right before a quote mark. All texts are written for these tests."""

from __future__ import annotations

import pytest
from nlp_helpers import (
    quote_texts,
)

from claims.nlp.lexicon import load_lexicon
from claims.nlp.sentences.segment import paragraph_ranges, sentence_starts


def test_wiki_double_apostrophes_are_one_mark() -> None:
    text = "Die Gruppe ''Freie Bauern'' (FB) und die ''Grüne Liste'' traten an."
    assert quote_texts(text) == ["Freie Bauern", "Grüne Liste"]


def test_wiki_bold_marks_and_apostrophes_in_words() -> None:
    text = "Er sagte: '''Wir geben nicht auf''', und das ist's."
    assert quote_texts(text) == ["Wir geben nicht auf"]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Am Freitag beginnt die 22. „Winterwoche“ im Park. Sie dauert zehn Tage.", 2),
        ("Eröffnet wurde die „4. Winterwoche“ am Montag. Sie dauert zehn Tage.", 2),
        ("Das Fest dauert vom 19.–20. August. Der Eintritt ist frei.", 2),
        ('Die Bühne steht in Halle 4. "Wir sind bereit", sagte sie.', 2),  # a cardinal
    ],
)
def test_ordinals_before_quote_marks_do_not_end_a_sentence(text: str, sentences: int) -> None:
    abbreviations = load_lexicon().abbreviations
    assert len(sentence_starts(text, paragraph_ranges(text), abbreviations)) == sentences
