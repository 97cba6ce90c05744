"""Konjunktiv detection (``claims.nlp.grammar.mood``): a subjunctive form only where a verb can
stand, and whether it heads a main or a subordinate clause. Hand-built sentences on
``spacy.blank("de")``."""

from __future__ import annotations

import pytest

from claims.nlp.lexicon import load_lexicon


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.blank("de")


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Er habe das nicht gewusst.", "habe", True),
        ("Ich habe das nicht gewusst.", "habe", False),
        ("Deshalb halte ich das für falsch.", "halte", False),
        ("Es gebe keine Pläne.", "gebe", True),
        ("Sie erteilte dem Plan eine klare Absage.", "klare", False),
        ("Die Gäste setzten auf gelegentliche schnelle Angriffe.", "schnelle", False),
        ("Der Preis stieg um zwei Euro je Kilo.", "je", False),
        ("Anstelle von Gas wird Öl verbrannt, anstelle der Kohle Holz.", "anstelle", False),
        ("Das Ergebnis wäre ein Erfolg.", "wäre", True),
    ],
)
def test_konjunktiv_only_where_a_verb_can_stand(nlp, text: str, word: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    from claims.nlp.grammar.mood import is_subjunctive

    doc = nlp(text)
    token = next(t for t in doc if t.lower_ == word)
    assert is_subjunctive(token, load_lexicon()) is expected


@pytest.mark.parametrize(
    ("text", "word", "role"),
    [
        ("Es gebe keine Pläne für einen Umzug.", "gebe", "main"),
        ("Die Stadt prüfte den Antrag, weil er zu spät gekommen sei.", "sei", "subordinate"),
        ("Er lobte das Team, das hart gearbeitet habe.", "habe", "subordinate"),
        ("Die Lage sei ernst, die Regierung habe versagt.", "habe", "main"),
        ("Obwohl die Kosten stiegen, sei man zuversichtlich.", "sei", "main"),
        ("Da sei nichts zu machen.", "sei", "main"),
        ("Ich arbeite an einem Film und plane eine Reise.", "plane", None),
        ("Er fand die Tasche, in der sich das Geld befunden habe.", "habe", "subordinate"),
    ],
)
def test_clause_role_of_a_konjunktiv(nlp, text: str, word: str, role: str | None) -> None:  # type: ignore[no-untyped-def]
    from claims.nlp.grammar.mood import clause_role

    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert clause_role(token, load_lexicon(), 0) == role
