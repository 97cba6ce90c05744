"""Short quoted phrases: a partial quote when a speech verb governs it, a scare quote when not."""

from __future__ import annotations

import pytest
from nlp_helpers import Extract, by_text

from claims.models import Statement


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cue governs the phrase: a partial quote, also when its speaker is nobody named
        (
            "Nach der Sitzung trat ein Mann vor die Presse. Er bezeichnete den Beschluss als "
            "eine „historische Fehlentscheidung“.",
            [("historische Fehlentscheidung", "direct", None)],
        ),
        (
            "Die Ministerin Anna Berger bezeichnete den Beschluss als eine „historische "
            "Fehlentscheidung“.",
            [("historische Fehlentscheidung", "direct", "other:Anna Berger")],
        ),
        # no cue: a scare quote, no statement
        ("Das Dorf gilt seit Jahren als „Hochburg“ der Bewegung.", []),
    ],
)
def test_short_quoted_phrase(
    extract, text: str, expected: list[tuple[str, str, str | None]]
) -> None:  # type: ignore[no-untyped-def]
    statements: list[Statement] = extract(text)
    assert [(s.text, s.kind, s.speaker) for s in statements] == expected


def test_a_short_quote_that_is_a_sentence_is_speech(extract: Extract) -> None:
    statements = extract(
        "Der SPD-Abgeordnete Karl Haas kritisierte den Plan. „Das ist unsozial“, sagte der "
        "Sozialdemokrat. Später trat Haas vor die Presse. „Wir müssen handeln.“"
    )
    assert by_text(statements, "unsozial").speaker == "other:Karl Haas"
    assert by_text(statements, "handeln").speaker == "other:Karl Haas"
    assert extract("Die „Kumpel“ trafen sich in der „Alten Mühle“.") == []


def test_report_ending_in_a_quote_keeps_both_marks(extract: Extract) -> None:
    statements = extract("Die Regierung habe „keine Geheimnisse“, so der Minister Olaf Brück.")
    report = next(s for s in statements if s.kind != "direct")
    assert report.text == "Die Regierung habe „keine Geheimnisse“"


def test_quote_interrupted_by_so_x_gives_no_extra_report(extract: Extract) -> None:
    statements = extract("„Wir haben alles versucht“, so Olaf Brück, „aber die Stadt ist pleite.“")
    assert [(s.kind, s.text) for s in statements] == [
        ("direct", "Wir haben alles versucht"),
        ("direct", "aber die Stadt ist pleite."),
    ]
