"""Quoted names and titles are no statements: newspapers, parties, works, lists of titles and
short foreign titles, told apart from quoted speech and slogans by the words around the quote
marks. All texts are written for these tests."""

from __future__ import annotations

import pytest
from nlp_helpers import (
    Extract,
    by_exact_text,
    by_text,
    split_quote_texts,
    texts,
)

from claims.nlp.lexicon import load_lexicon
from claims.nlp.quotes.titles import name_rule, title_case


@pytest.fixture(scope="module")
def forms() -> frozenset[str]:
    return frozenset(f for f, info in load_lexicon().forms.items() if info.full or info.separable)


@pytest.mark.parametrize(
    ("before", "quote", "after", "rule"),
    [
        ("Das sagte sie der Wochenzeitung ", "Morgenpost am Sonntag", ".", "name-noun"),
        ("Nach Angaben des Nachrichtenmagazins ", "Der Blick", " hat er", "name-noun"),
        ("Sie spielte in dem Film ", "Wenn der Regen kommt", " mit.", "name-noun"),
        ("Wie ", "Radio Nordsee", " berichtet, sank", "name-subject"),
        ("Er sagte gegenüber dem ", "Kieler Abendblatt", ", es gehe", "name-article"),
        ("Sie ist Mitglied der ", "Freunde der Alpen", ".", "name-article"),
        ("Das erklärte die französische ", "Union pour la Mer", ".", "name-article"),
        ("Er verlegt die Dortmunder ", "Westfälische Rundschau", ".", "name-article"),
    ],
)
def test_quoted_names_and_titles(
    forms: frozenset[str], before: str, quote: str, after: str, rule: str
) -> None:
    assert name_rule(before, quote, after, forms) == rule


@pytest.mark.parametrize(
    ("before", "quote", "after"),
    [
        ("Er nannte den Plan eine ", "Zumutung", "."),  # indefinite article: an evaluation
        ("Sie bezeichnete ihn als ", "Ende der Geduld", "."),
        ("Er sieht darin einen ", "Angriff gegen die Mieter", "."),
        ("Die Ministerin sprach von einer ", "ernsten Lage", "."),
        ("Er sagte der Zeitung, ", "wir bleiben hart", "."),
        ("Die Partei warnte: ", "Das geht zu weit.", ""),  # a sentence, not a name
        ("Sie sagte, die Regierung habe das ", "Notwendige", " getan."),  # one word
        ("Er warf dem Verband ", "Täuschung", " vor."),
        ("Sie nannte es ", "Glück im Unglück", "."),
        ("Er wurde von der Zeitung als ", "Retter", " bezeichnet."),
        ("Ihre erste Reaktion ", "Das ist unerhört!", " kam sofort."),  # no name noun
    ],
)
def test_speech_is_no_name(forms: frozenset[str], before: str, quote: str, after: str) -> None:
    assert name_rule(before, quote, after, forms) is None


@pytest.mark.parametrize(
    ("before", "quote"),
    [
        ("Die neue Version (Codename: ", "Nordlicht"),
        ("Das Flugblatt erschien unter der Überschrift ", "Kiel und seine Verräter"),
    ],
)
def test_a_noun_of_naming_makes_a_quote_a_name(before: str, quote: str) -> None:
    from claims.nlp.quotes.titles import name_rule

    assert name_rule(before, quote, ").", frozenset()) == "name-noun"
    assert name_rule("Er sagte: ", quote, ".", frozenset()) is None


@pytest.mark.parametrize(
    ("before", "quote", "after", "rule"),
    [
        ("Sie spielten vor allem Lieder wie ", "Walk on the Wild Side", ".", "name-foreign"),
        ("Die Rennstrecke ", "La piste de Rochefort", " gilt als schwer.", "name-foreign"),
        ("Er rief ", "Go home", " und ging.", None),  # no function word: may be speech
        ("Sie sagte: ", "We will stay.", "", None),  # a sentence
        ("Er sagte, ", "the end is near, my friends", ".", None),  # lower case, a comma
        ("Er sprach von einer ", "Politik der kleinen Schritte", ".", None),  # German
    ],
)
def test_a_short_phrase_in_another_language_is_a_title(
    before: str, quote: str, after: str, rule: str | None
) -> None:
    from claims.nlp.quotes.titles import name_rule

    assert name_rule(before, quote, after, frozenset({"sagte", "rief"})) == rule


def test_title_case() -> None:
    assert title_case("Reporter ohne Grenzen")
    assert title_case("The Morning Herald")
    assert not title_case("Woche des guten Willens")
    assert not title_case("Wir kommen wieder.")
    assert not title_case("volle Unterstützung")


def test_quoted_newspaper_is_no_statement(extract) -> None:
    statements = extract(
        "Ministerin Anna Kraus sagte der „Kieler Morgenpost“, die Schulen blieben geöffnet. "
        "Kraus nannte die Lage „ernst, aber beherrschbar“."
    )
    assert "Kieler Morgenpost" not in texts(statements)
    assert "ernst, aber beherrschbar" in texts(statements, "direct")


def test_quoted_party_after_its_noun_is_no_statement(extract) -> None:
    statements = extract(
        "Die Partei „Neue Mitte“ erhielt bei der Wahl zwölf Prozent der Stimmen. "
        "Ihr Vorsitzender Jonas Brandt sprach am Abend von einem Erfolg."
    )
    assert "Neue Mitte" not in texts(statements)


def test_titles_of_works_are_not_statements(extract) -> None:
    text = "Sein Buch „Die Zeit ist reif“ erschien 2020. Es lief unter dem Titel „Neue Wege“."
    assert extract(text) == []


def test_unattributed_quoted_title_is_no_statement(extract) -> None:
    statements = extract(
        "Das zweite Album der Band, „Lieder aus dem Grünen Haus“, erschien im Herbst 2004."
    )
    assert not any("Grünen Haus" in s.text for s in statements)


def test_unattributed_quoted_sentence_stays(extract) -> None:
    statements = extract("Auf dem Plakat am Eingang stand: „Wir bleiben hier und geben nicht auf.“")
    assert any("geben nicht auf" in s.text for s in statements)


def test_a_quoted_foreign_title_is_no_statement(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "Sängerin Mia Roth stellte am Abend die neue Platte vor: „Light of the Sea“."
    )
    assert texts(statements, "direct") == []
    statements = extract("„Light of the sea is what we need“, sagte Sängerin Mia Roth.")
    assert texts(statements, "direct") == ["Light of the sea is what we need"]


def test_a_list_of_quoted_titles_is_no_statement() -> None:
    text = (
        "Vorträge wie „Der Bau der Bahn“, „Bilder aus Kiel“ oder „175 Jahre Dampf“ "
        "lockten viele Gäste. Sie riefen „Nie wieder!“, „Weg damit!“ und „Schluss jetzt!“."
    )
    speech, names = split_quote_texts(text)
    assert names == [
        "Der Bau der Bahn",
        "Bilder aus Kiel",
        "175 Jahre Dampf",
    ]
    assert speech == [
        "Nie wieder!",
        "Weg damit!",
        "Schluss jetzt!",
    ]


def test_a_name_list_goes_on_after_its_first_name() -> None:
    text = "Er nannte die Modelle „Alpha“ und „Beta“. Sie nannte das „Unsinn“ und „Schluss!“."
    speech, names = split_quote_texts(text)
    assert names == ["Alpha", "Beta"]
    assert speech == ["Unsinn", "Schluss!"]


def test_quote_after_a_speech_noun_is_no_name(extract: Extract) -> None:
    statements = extract("Minister Hans Kühn schloss seine Rede mit den Worten „Wir schaffen das“.")
    assert by_text(statements, "Wir schaffen das").speaker == "other:Hans Kühn"


def test_slogan_after_parole_is_a_direct_statement(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Die Demonstranten zogen mit der Parole „Keine Macht den Banken“ durch die Stadt."
    statement = by_exact_text(extract(text), "Keine Macht den Banken")
    assert statement.kind == "direct"
    assert statement.speaker is None  # nobody is named


def test_abbreviation_in_quotes_after_kurz_is_a_name(extract: Extract) -> None:
    statements = extract(
        "Im März verkündete der Verband der Imker, kurz „VDI“, dann offiziell, dass man "
        "klagen werde."
    )
    assert [s.text for s in statements] == ["man klagen werde"]
