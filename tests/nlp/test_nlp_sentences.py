from __future__ import annotations

import spacy

from claims.nlp.lexicon import load_lexicon
from claims.nlp.sentences import paragraph_ranges, sentence_starts


def sentences(text: str) -> list[str]:
    paragraphs = paragraph_ranges(text)
    starts = sentence_starts(text, paragraphs, load_lexicon().abbreviations)
    ends = [*starts[1:], len(text)]
    return [text[a:b].strip() for a, b in zip(starts, ends, strict=True)]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Der Minister, z. B. Dr. Schmidt (li.), kam an. Danach sprach er."
    assert sentences(text) == [
        "Der Minister, z. B. Dr. Schmidt (li.), kam an.",
        "Danach sprach er.",
    ]


def test_ordinals_and_dates_do_not_end_sentences() -> None:
    text = "Am 24. Februar begann der Krieg. Am Montag (19. Dezember) traf er Putin."
    assert len(sentences(text)) == 2


def test_year_at_sentence_end_is_a_boundary() -> None:
    assert len(sentences("Er war seit 2019 nicht mehr dort. Nun kam er 2022. Dann ging er.")) == 3


def test_dotted_acronyms_and_initials() -> None:
    text = "Das meldete die F.A.Z. am Freitag. Auch John F. Kennedy sprach."
    assert sentences(text) == ["Das meldete die F.A.Z. am Freitag.", "Auch John F. Kennedy sprach."]


def test_every_line_is_a_paragraph_and_a_sentence() -> None:
    text = "Titel ohne Punkt\nErster Satz hier\n\n  Zweiter Absatz.  "
    assert paragraph_ranges(text) == [(0, 16), (17, 33), (37, 52)]
    assert sentences(text) == ["Titel ohne Punkt", "Erster Satz hier", "Zweiter Absatz."]


def test_closing_quote_after_period_ends_the_sentence() -> None:
    text = "„Wir gehen.“ Danach schwieg er. Er sagte: „Nein.“"
    assert sentences(text) == ["„Wir gehen.“", "Danach schwieg er.", "Er sagte: „Nein.“"]


def test_lowercase_continuation_is_not_a_new_sentence() -> None:
    text = "„Warum?“, fragte er. Sie ging."
    assert sentences(text) == ["„Warum?“, fragte er.", "Sie ging."]


def test_component_sets_sentence_starts_on_tokens() -> None:
    import claims.nlp.sentences  # noqa: F401  (registers the factory)

    nlp = spacy.blank("de")
    nlp.add_pipe("claims_sentencizer")
    doc = nlp("Das ist z. B. gut. Am 3. Mai kam er.\nNeue Zeile")
    assert [s.text.strip() for s in doc.sents] == [
        "Das ist z. B. gut.",
        "Am 3. Mai kam er.",
        "Neue Zeile",
    ]
    assert doc._.paragraphs == [(0, 36), (37, 47)]
