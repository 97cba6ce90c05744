from __future__ import annotations

import pytest

from claims.nlp.lexicon import load_lexicon
from claims.nlp.quotes.component import find_quotes
from claims.nlp.sentences.segment import paragraph_ranges, sentence_starts


def quotes(text: str) -> list[tuple[str, str]]:
    paragraphs = paragraph_ranges(text)
    starts = sentence_starts(text, paragraphs, load_lexicon().abbreviations)
    return [(text[q.start : q.end], q.flags) for q in find_quotes(text, paragraphs, starts)]


@pytest.mark.parametrize(
    "text",
    [
        "Er sagte: „Wir kommen morgen.“",
        "Er sagte: “Wir kommen morgen.”",
        'Er sagte: "Wir kommen morgen."',
        "Er sagte: »Wir kommen morgen.«",
        "Er sagte: «Wir kommen morgen.»",
        "Er sagte: ‚Wir kommen morgen.‘",
        "Er sagte: 'Wir kommen morgen.'",
        'Er sagte: „Wir kommen morgen."',
    ],
)
def test_every_quote_style(text: str) -> None:
    assert quotes(text) == [("Wir kommen morgen.", "balanced")]


def test_nested_quote_belongs_to_the_outer_one() -> None:
    text = "Sie sagte: „Er rief ‚Halt!‘ und ging.“ Dann war Ruhe."
    assert quotes(text) == [("Er rief ‚Halt!‘ und ging.", "balanced")]


def test_quote_over_several_sentences() -> None:
    text = "„Das ist falsch. Wir haben nichts getan. Niemand glaubt das“, sagte der Sprecher."
    assert quotes(text)[0][0] == "Das ist falsch. Wir haben nichts getan. Niemand glaubt das"


def test_unclosed_quote_ends_at_paragraph_end() -> None:
    text = "Er sagte: „Wir bleiben hier und warten ab.\nDie Lage blieb ruhig."
    assert quotes(text) == [("Wir bleiben hier und warten ab.", "unclosed")]


def test_closing_mark_without_opening_starts_at_paragraph_start() -> None:
    text = "Er sprach lange.\nWir bleiben hier. Wir warten ab.“\nDanach ging er."
    assert quotes(text) == [("Wir bleiben hier. Wir warten ab.", "unopened")]


def test_unopened_quote_after_a_closed_one_starts_after_its_sentence() -> None:
    text = "„Wir sind bereit“, sagte der Minister. Es gibt keinen anderen Weg. Wir gehen.“"
    found = quotes(text)
    assert found[0] == ("Wir sind bereit", "balanced")
    assert found[1] == ("Es gibt keinen anderen Weg. Wir gehen.", "unopened")


def test_apostrophes_are_not_quotes() -> None:
    assert quotes("Geht's noch? Das ist Peter's Auto und Lukaschenkos’ Plan.") == []


def test_thousands_of_unbalanced_marks_give_disjoint_quotes() -> None:
    text = ("Wort“ " * 5000) + "\n" + ("„Wort " * 5000)
    found = quotes(text)
    assert 5000 <= len(found) <= 10001
    assert sum(len(q[0]) for q in found) <= len(text)  # no quote overlaps another


def test_offsets_exclude_marks_and_whitespace() -> None:
    text = "Er sagte: „ Nein “. Dann ging er."
    paragraphs = paragraph_ranges(text)
    (q,) = find_quotes(text, paragraphs, [0])
    assert text[q.start : q.end] == "Nein"
    assert text[q.open_mark] == "„" and text[q.close_mark] == "“"
