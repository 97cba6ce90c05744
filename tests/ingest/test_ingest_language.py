"""The cheap language check: clearly non-German texts get a warning."""

from __future__ import annotations

import pytest

from claims.ingest import article_from_text
from claims.ingest.language import WARNING, is_german_tag, looks_german

GERMAN = (
    "Der Präsident sagte am Montag, dass sein Land nicht in den Krieg eintreten werde. "
    "Er betonte, man habe mit den Nachbarn über die Lage an der Grenze gesprochen und "
    "wolle auch weiterhin für eine friedliche Lösung des Konflikts eintreten, wie er es "
    "schon seit Monaten tue."
)
ENGLISH = (
    "The president said on Monday that his country would not enter the war. He stressed "
    "that they had talked with the neighbours about the situation at the border and that "
    "they would keep working for a peaceful solution of the conflict, as he has done for "
    "months."
)
FRENCH = (
    "Le président a déclaré lundi que son pays ne participerait pas à la guerre. Il a "
    "souligné qu'il avait parlé avec les voisins de la situation à la frontière et qu'il "
    "continuerait à travailler pour une solution pacifique du conflit, comme il le fait "
    "depuis des mois."
)
RUSSIAN = (
    "Президент заявил в понедельник, что его страна не вступит в войну. Он подчеркнул, что "
    "обсуждал с соседями ситуацию на границе и будет и дальше выступать за мирное решение "
    "конфликта, как он это делает уже много месяцев подряд, и что никто не хочет войны."
)


@pytest.mark.parametrize(("text", "german"), [(GERMAN, True), (ENGLISH, False), (FRENCH, False)])
def test_function_word_ratio(text: str, german: bool) -> None:
    assert looks_german(text) is german


def test_other_scripts_are_not_german() -> None:
    assert looks_german(RUSSIAN) is False


def test_short_texts_are_not_judged() -> None:
    assert looks_german("The president said nothing.") is None


def test_german_article_with_an_english_quote_is_german() -> None:
    assert looks_german(GERMAN + ' Er zitierte: "We will not go to war."') is True


@pytest.mark.parametrize("text", [ENGLISH, FRENCH, RUSSIAN])
def test_non_german_article_gets_a_warning(text: str) -> None:
    article = article_from_text("Title line here\n\n" + text, path="x.txt")
    assert WARNING in article.warnings


def test_german_article_gets_no_warning() -> None:
    article = article_from_text("Titel der Meldung\n\n" + GERMAN, path="x.txt")
    assert article.warnings == []


def test_declared_language_overrides_the_check() -> None:
    declared_de = article_from_text("---\nlanguage: de\n---\n" + ENGLISH, path="x.md")
    assert declared_de.warnings == []
    declared_en = article_from_text("---\nlanguage: en\n---\n" + GERMAN, path="x.md")
    assert WARNING not in declared_en.warnings
    assert any("does not look German" in w and "en" in w for w in declared_en.warnings)


@pytest.mark.parametrize(
    ("tag", "german"),
    [("de", True), ("de-AT", True), ("German", True), ("en", False), ("fr_FR", False)],
)
def test_language_tags(tag: str, german: bool) -> None:
    assert is_german_tag(tag) is german
