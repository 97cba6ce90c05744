"""Noun-phrase objects of speech verbs as indirect statements (``bestritt Waffenlieferungen``):
where the object starts and ends, and what is no claim object (adverbials, pronouns, verbs in a
sense without speech, objects without a speaker). All texts are written for these tests."""

from __future__ import annotations

import pytest
from nlp_helpers import (
    shortest_by_text,
    texts,
)


def test_object_after_a_verb_in_second_position(extract) -> None:
    st = shortest_by_text(
        extract("Innenminister Karl Bauer bestritt Waffenlieferungen an das Nachbarland."),
        "Waffenlieferungen",
    )
    assert st.text == "Waffenlieferungen an das Nachbarland"
    assert (st.kind, st.speaker) == ("reported", "other:Karl Bauer")


def test_object_before_a_clause_final_participle(extract) -> None:
    statements = extract(
        "Lukaschenko hat am Rande des Gipfels alle Berichte über Truppenbewegungen als Lüge "
        "abgetan."
    )
    st = shortest_by_text(statements, "Berichte")
    assert st.text == "alle Berichte über Truppenbewegungen als Lüge"
    assert st.speaker == "lukashenko"


def test_subject_after_the_auxiliary_is_not_part_of_the_object(extract) -> None:
    st = shortest_by_text(
        extract(
            "Nach dem Spiel hat Trainer Jonas Keller seiner Elf fehlenden Einsatz vorgeworfen."
        ),
        "Einsatz",
    )
    assert st.text == "seiner Elf fehlenden Einsatz"
    assert st.speaker == "other:Jonas Keller"


def test_fronted_accusative_object(extract) -> None:
    statements = extract("Die Trainerin Anna Roth bleibt. Einen Rücktritt schloss sie aus.")
    st = shortest_by_text(statements, "Rücktritt")
    assert (st.text, st.speaker) == ("Einen Rücktritt", "other:Anna Roth")


def test_objects_without_a_speaker_are_not_statements(extract) -> None:
    assert extract("Überschwemmungen haben im Süden mehr als 100 Todesopfer gefordert.") == []
    assert extract("Die drei Manager wurden am Freitag zu Bewährungsstrafen verurteilt.") == []
    assert extract("Details dazu konnten von der Polizei nicht bestätigt werden.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Bürgermeister Tom Lenz hatte in einer Rede am Montag verkündet: „Wir bauen.“",
        "Bereits im Mai hatte Kanzlerin Anna Roth in einer Rede verkündet: „Wir bauen.“",
        "Der Trainer Ole Sand lehnte die Anfrage mit den Worten ab: „Nicht mit mir.“",
        "Vor der Glätte warnte die Sprecherin eines Senders: „Bleiben Sie zu Hause.“",
        "Die Stadt hatte die Eltern gewarnt. Ein Sprecher Tim Haas bestätigte dies anschließend.",
    ],
)
def test_adverbials_and_pronouns_are_no_claim_objects(extract, text: str) -> None:
    statements = extract(text)
    objects = [s for s in statements if s.kind != "direct"]
    assert not objects, [s.text for s in objects]


def test_noun_phrase_object_still_counts(extract) -> None:
    statements = extract("Gesundheitsminister Paul Kern lehnte eine Impfpflicht für Kinder ab.")
    assert texts(statements, "indirect") == ["eine Impfpflicht für Kinder"]


@pytest.mark.parametrize(
    "text",
    [
        "In Peru forderte das Erdbeben der Stärke 7 mindestens 40 Menschenleben.",
        "Trainer Ole Sand und seine Elf bestreiten am Sonntag ihr zweites Gruppenspiel.",
        "Die Regierung Norwegens hatte der Flotte Fangrechte eingeräumt.",
    ],
)
def test_verbs_in_a_sense_without_speech_have_no_object(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert texts(extract(text), "indirect") == []


def test_the_speech_sense_keeps_its_object(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract("Gesundheitsminister Paul Kern forderte mehr Geld für die Kliniken.")
    assert texts(statements, "indirect") == ["mehr Geld für die Kliniken"]
