"""Sixth round, speech cues and content boundaries: past plurals the lemma table lacks
(``gaben … an``), ``davon ausgehen``, reports named after their content (``… . Das bestätigte
X.``), a quote followed by ``Das sagte X`` and new cue verbs. All texts are written for these
tests."""

from __future__ import annotations

import pytest

from claims.models import Statement
from claims.nlp.lexicon import load_lexicon


def texts(statements: list[Statement], kind: str | None = None) -> list[str]:
    return [s.text for s in statements if kind in (None, s.kind)]


def by_text(statements: list[Statement], text: str) -> Statement:
    found = [s for s in statements if s.text == text]
    assert found, f"no statement {text!r}: {texts(statements)}"
    return found[0]


def test_strong_past_plurals_shadowed_by_nouns_are_cue_forms() -> None:
    forms = load_lexicon().forms
    assert ("an", "angeben") in forms["gaben"].separable  # the table only has "Gaben"
    assert forms["sprachen"].full == "sprechen"


def test_past_plural_of_a_separable_verb_reports(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Am Montag gaben die Behörden in Köln an, dass drei Menschen verletzt worden seien."
    statement = by_text(extract(text), "drei Menschen verletzt worden seien")
    assert statement.kind == "indirect"
    assert statement.cue == "gaben an"


def test_davon_ausgehen_reports_its_clause(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Kommissar Paul Stein geht davon aus, dass der Brand gelegt wurde."
    statement = by_text(extract(text), "der Brand gelegt wurde")
    assert statement.speaker == "other:Paul Stein"


def test_davon_ausgehen_of_an_unnamed_group_is_a_belief(extract) -> None:  # type: ignore[no-untyped-def]
    # like "glauben": a perception of an unnamed group is no statement (docs/ANNOTATION.md)
    assert extract("Viele Anwohner gehen davon aus, dass der Brand gelegt wurde.") == []


def test_ausgehen_without_davon_reports_nothing(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract("Der Streit ging so aus, dass beide Seiten verloren.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Der Trainer tritt zurück. Das bestätigte Vereinschef Karl Moor am Montag.",
        "Der Trainer tritt zurück. Dies hat Vereinschef Karl Moor am Montag bestätigt.",
        "Der Trainer tritt zurück. Das teilte Vereinschef Karl Moor am Montag mit.",
    ],
)
def test_demonstrative_after_a_sentence_makes_it_the_report(  # type: ignore[no-untyped-def]
    extract, text: str
) -> None:
    statement = by_text(extract(text), "Der Trainer tritt zurück")
    assert statement.kind == "indirect"
    assert statement.speaker == "other:Karl Moor"


def test_demonstrative_after_a_comma_makes_the_clause_the_report(  # type: ignore[no-untyped-def]
    extract,
) -> None:
    text = "Seit Montag ist die Brücke gesperrt, das teilte Bürgermeisterin Anna Roth mit."
    statement = by_text(extract(text), "Seit Montag ist die Brücke gesperrt")
    assert statement.speaker == "other:Anna Roth"


@pytest.mark.parametrize(
    ("text", "not_reported"),
    [
        # a new paragraph: the demonstrative points farther back
        (
            "Der Trainer tritt zurück.\n\nDas bestätigte Vereinschef Karl Moor am Montag.",
            "Der Trainer tritt zurück",
        ),
        # a relative pronoun as the subject of the verb
        ("Wir kennen das Labor, das bestätigte, dass die Probe echt ist.", "Wir kennen das Labor"),
        # an article, not a demonstrative
        ("Der Trainer tritt zurück. Das Amt bestätigte den Termin.", "Der Trainer tritt zurück"),
    ],
)
def test_demonstrative_report_needs_its_construction(  # type: ignore[no-untyped-def]
    extract, text: str, not_reported: str
) -> None:
    assert not_reported not in texts(extract(text))


def test_quote_before_das_sagte_takes_its_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    text = "„Wir sind bereit, das Werk zu schließen.“ Das erklärte Karl Moor am Montag."
    statement = by_text(extract(text), "Wir sind bereit, das Werk zu schließen.")
    assert statement.kind == "direct"
    assert statement.speaker == "other:Karl Moor"
    assert statement.cue == "erklärte"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Der Arzt Peter Gold empfahl den Anwohnern, die Fenster geschlossen zu halten.",
            "die Fenster geschlossen zu halten",
            "other:Peter Gold",
        ),
        (
            "Stadträtin Eva Moll hat am Sonntag angeregt, die Gebühren zu senken.",
            "die Gebühren zu senken",
            "other:Eva Moll",
        ),
        (
            "Gewerkschafter Jonas Kern signalisierte, dass er dem Kompromiss zustimmen werde.",
            "er dem Kompromiss zustimmen werde",
            "other:Jonas Kern",
        ),
        (
            "Richterin Petra Lind plädierte dafür, das Verfahren einzustellen.",
            "das Verfahren einzustellen",
            "other:Petra Lind",
        ),
        (
            "Aus dem Bericht der Kommission geht hervor, dass die Kosten steigen.",
            "die Kosten steigen",
            None,
        ),
    ],
)
def test_new_cue_verbs_report_their_content(  # type: ignore[no-untyped-def]
    extract, text: str, content: str, speaker: str | None
) -> None:
    statement = by_text(extract(text), content)
    assert statement.kind == "indirect"
    if speaker is not None:
        assert statement.speaker == speaker


def test_hervorgehen_without_a_clause_reports_nothing(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract("Die Mannschaft ging als Sieger aus dem Turnier hervor.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Die Leitung stand unter Druck, wie Karl Moor, Chef der Firma Bauwerk, mitteilte.",
        "Die Leitung stand unter Druck, wie der Chef der Firma, Karl Moor, am Montag mitteilte.",
    ],
)
def test_wie_clause_with_an_apposition_ends_the_report(  # type: ignore[no-untyped-def]
    extract, text: str
) -> None:
    statement = by_text(extract(text), "Die Leitung stand unter Druck")
    assert statement.speaker == "other:Karl Moor"


def test_wie_comparison_before_a_cue_stays_in_the_report(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Die Preise steigen, wie in Berlin, München und Köln, berichtete Karl Moor."
    assert "Die Preise steigen, wie in Berlin, München und Köln" in texts(extract(text))


def test_slogan_after_parole_is_a_direct_statement(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Die Demonstranten zogen mit der Parole „Keine Macht den Banken“ durch die Stadt."
    statement = by_text(extract(text), "Keine Macht den Banken")
    assert statement.kind == "direct"
    assert statement.speaker is None  # nobody is named
