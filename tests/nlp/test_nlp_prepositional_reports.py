"""Reported speech acts whose content is a prepositional complement (``sprach von einem
Erfolg``, ``drohte mit einem Streik``, ``rief zu Ruhe auf``) or the object of a verb of
expectation (``erwartet eine Abschwächung``): statements of kind ``reported``, and the senses of
the same verbs in which nobody reports anything. All texts are written for these tests."""

from __future__ import annotations

import pytest
from nlp_helpers import Extract, texts


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Bürgermeisterin Clara Weiß sprach am Abend von einem friedlichen Verlauf der "
            "Kundgebung.",
            "von einem friedlichen Verlauf der Kundgebung",
            "other:Clara Weiß",
        ),
        (
            "Gewerkschaftschef Bernd Lutz drohte mit einem unbefristeten Streik.",
            "mit einem unbefristeten Streik",
            "other:Bernd Lutz",
        ),
        (
            "Vereinspräsident Max Hart rief die Fans zu Ruhe und Besonnenheit auf.",
            "die Fans zu Ruhe und Besonnenheit",
            "other:Max Hart",
        ),
        (
            "Der Ökonom Felix Brand erwartet eine deutliche Abschwächung der Konjunktur.",
            "eine deutliche Abschwächung der Konjunktur",
            "other:Felix Brand",
        ),
        (
            "Kommissarin Jana Vogt vermutet einen technischen Defekt als Ursache.",
            "einen technischen Defekt als Ursache",
            "other:Jana Vogt",
        ),
        (
            "Der Ermittler Tom Brenner geht von Brandstiftung aus.",
            "von Brandstiftung",
            "other:Tom Brenner",
        ),
        (
            "Finanzminister Jan Ott rechnet mit weiteren Ausfällen bei der Gewerbesteuer.",
            "mit weiteren Ausfällen bei der Gewerbesteuer",
            "other:Jan Ott",
        ),
        (
            "Die Reporterin Lea Sommer berichtete von langen Schlangen vor den Wahllokalen.",
            "von langen Schlangen vor den Wahllokalen",
            "other:Lea Sommer",
        ),
        (
            "Ministerin Ida Kron warnte vor überzogenen Erwartungen an die Reform.",
            "vor überzogenen Erwartungen an die Reform",
            "other:Ida Kron",
        ),
    ],
)
def test_prepositional_complement_is_reported(
    extract: Extract, text: str, content: str, speaker: str
) -> None:
    found = [(s.text, s.kind, s.speaker) for s in extract(text)]
    assert (content, "reported", speaker) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Minister Lars Ebert sprach am Montag vor 500 Gästen in der Stadthalle.",
        "Dem Verein von Trainer Otto Falk drohte am Ende der Abstieg.",
        "Kanzler Ulf Berg erwartet am Freitag den französischen Präsidenten in Berlin.",
        "Die Sängerin Mia Roth sprach von 20 Uhr bis Mitternacht.",
    ],
)
def test_no_report_without_a_speech_sense(extract: Extract, text: str) -> None:
    assert texts(extract(text), "indirect") == []
