from __future__ import annotations

import spacy

from claims.nlp.lexicon import load_lexicon
from claims.nlp.sentences.segment import paragraph_ranges, sentence_starts, unwrap


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
    import claims.nlp.sentences.component  # noqa: F401  (registers the factory)

    nlp = spacy.blank("de")
    nlp.add_pipe("claims_sentencizer")
    doc = nlp("Das ist z. B. gut. Am 3. Mai kam er.\nNeue Zeile")
    assert [s.text.strip() for s in doc.sents] == [
        "Das ist z. B. gut.",
        "Am 3. Mai kam er.",
        "Neue Zeile",
    ]
    assert doc._.paragraphs == [(0, 36), (37, 47)]


WRAPPED = (
    "Titel der Meldung\n"
    "\n"
    "„Wir schicken keine Soldaten in die Ukraine und liefern auch keine Waffen“, sagte\n"
    "der Minister vor Journalisten in der Hauptstadt. Er wolle die Lage beruhigen und\n"
    "neue Gespräche anbieten.\n"
    "Ein neuer Absatz beginnt hier ohne Leerzeile.\n"
)


def test_unwrap_joins_soft_line_breaks_and_keeps_offsets() -> None:
    out = unwrap(WRAPPED)
    assert len(out) == len(WRAPPED)
    assert "sagte der Minister" in out and "beruhigen und neue" in out
    # a short line ends its paragraph; the title block of one line is untouched
    assert "anbieten.\nEin neuer" in out and out.startswith("Titel der Meldung\n\n")
    paragraphs = [out[a:b] for a, b in paragraph_ranges(out)]
    assert len(paragraphs) == 3 and paragraphs[1].endswith("anbieten.")


def test_unwrap_leaves_one_line_paragraphs_and_lists_alone() -> None:
    one_per_line = "Erster Satz steht hier allein.\nZweiter Satz steht hier auch.\n"
    assert unwrap(one_per_line) == one_per_line
    listing = "Die Forderungen lauten im Einzelnen wie folgt und\n- mehr Geld\n- mehr Zeit\n"
    assert unwrap(listing) == listing
    wide = "x" * 300 + " und\nweiter im Text\n"
    assert unwrap(wide) == wide  # lines wider than any wrap width are paragraphs


def test_period_glued_to_a_capitalised_word_ends_a_sentence() -> None:
    text = "Das ist im Amtsblatt üblich.Mats Berger schreibt dazu. Siehe bzw.Das Ende."
    starts = sentence_starts(text, [(0, len(text))], load_lexicon().abbreviations)
    assert [text[s : s + 4] for s in starts] == ["Das ", "Mats", "Sieh"]
