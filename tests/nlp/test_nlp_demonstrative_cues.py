"""A cue in the next sentence that points back with a demonstrative (``… . Das bestätigte X.``,
``…, das teilte X mit``): the sentence or quote before is the statement, but only in that
construction. All texts are written for these tests."""

from __future__ import annotations

import pytest
from nlp_helpers import (
    by_exact_text,
    texts,
)


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
    statement = by_exact_text(extract(text), "Der Trainer tritt zurück")
    assert statement.kind == "indirect"
    assert statement.speaker == "other:Karl Moor"


def test_demonstrative_after_a_comma_makes_the_clause_the_report(  # type: ignore[no-untyped-def]
    extract,
) -> None:
    text = "Seit Montag ist die Brücke gesperrt, das teilte Bürgermeisterin Anna Roth mit."
    statement = by_exact_text(extract(text), "Seit Montag ist die Brücke gesperrt")
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
    statement = by_exact_text(extract(text), "Wir sind bereit, das Werk zu schließen.")
    assert statement.kind == "direct"
    assert statement.speaker == "other:Karl Moor"
    assert statement.cue == "erklärte"


def test_demonstrative_object_gives_no_object_statement(extract) -> None:
    statements = extract(
        "Die Partei schließt eine Koalition aus. "
        "Dies bestätigte der Vorsitzende Karl Bauer am Abend."
    )
    assert all("Abend" not in s.text for s in statements)


def test_so_before_the_speech_verb_after_a_quote(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract("„Wir sind am Ende.“ So äußerte sich Vereinschef Olaf Brück am Montag.")
    assert [(s.text, s.speaker) for s in statements] == [("Wir sind am Ende.", "other:Olaf Brück")]
