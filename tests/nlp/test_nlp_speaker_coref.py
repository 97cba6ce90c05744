"""Speakers of quotes that name nobody themselves: a pronoun or a definite description after a
named person, and the topic person of the sentences before (one person only; an unnamed speech
verb in between ends it). All texts are written for these tests."""

from __future__ import annotations

import pytest
from nlp_helpers import (
    Extract,
    by_text,
    shortest_by_text,
)


def test_pronoun_after_a_quote_continues_the_last_speaker(extract) -> None:
    text = (
        "Über seine Beziehung zu Putin sagte Lukaschenko: „Wir streiten manchmal.“\n"
        "Putin gilt als wichtigster Verbündeter des Regimes in Minsk.\n"
        "„Aber niemand steht sich so nah wie wir beide“, sagte er.\n"
    )
    assert shortest_by_text(extract(text), "niemand steht").speaker == "lukashenko"


def test_addressee_after_gegenueber_is_no_speaker(extract: Extract) -> None:
    statements = extract(
        "Die Polizei sucht weiter. Ihr Sprecher Tim Brandt ist vorsichtig.\n\n"
        "„Wir haben keine neuen Spuren“, sagte er gegenüber der Nachrichtenagentur Nordpress."
    )
    assert by_text(statements, "keine neuen Spuren").speaker == "other:Tim Brandt"


def test_definite_description_refers_to_the_last_named_person(extract) -> None:
    text = (
        "Die Außenministerin Maria Novak kam am Montag nach Wien. „Wir suchen das Gespräch“, "
        "sagte die Ministerin. Der Trainer Jonas Keller lobte die Elf. „Das war stark“, sagte "
        "der 47-Jährige."
    )
    statements = extract(text)
    assert shortest_by_text(statements, "Gespräch").speaker == "other:Maria Novak"
    assert shortest_by_text(statements, "stark").speaker == "other:Jonas Keller"


def test_quote_goes_to_the_topic_person_two_sentences_back(extract) -> None:
    statements = extract(
        "Bürgermeisterin Hanna Roth kritisierte am Montag die Pläne der Landesregierung. "
        "Die Stadt habe keine Mittel für neue Schulen. "
        "„Wir werden das nicht hinnehmen, so viel ist sicher.“"
    )
    st = shortest_by_text(statements, "hinnehmen", "direct")
    assert st.speaker == "other:Hanna Roth"


def test_no_topic_person_when_two_people_were_subjects(extract) -> None:
    statements = extract(
        "Minister Paul Weber kritisierte am Montag die Pläne. "
        "Senatorin Hanna Roth verteidigte sie dagegen vor dem Ausschuss. "
        "Die Stadt habe keine Mittel für neue Schulen. "
        "„Wir werden das nicht hinnehmen, so viel ist sicher.“"
    )
    st = shortest_by_text(statements, "hinnehmen", "direct")
    assert st.speaker is None


def test_the_person_of_the_sentence_right_before_wins(extract) -> None:
    statements = extract(
        "Minister Paul Weber kritisierte am Montag die Pläne. "
        "Senatorin Hanna Roth verteidigte sie dagegen vor dem Ausschuss. "
        "„Wir werden das nicht hinnehmen, so viel ist sicher.“"
    )
    st = shortest_by_text(statements, "hinnehmen", "direct")
    assert st.speaker == "other:Hanna Roth"


def test_quote_after_a_sentence_opened_by_description_and_name(extract: Extract) -> None:
    statements = extract(
        "„Wir danken allen Helfern“, sagte der Bürgermeister Paul Kramer.\n\n"
        "Der ältere Bruder des Bürgermeisters, Georg Kramer, war seit langem eingeweiht. "
        "„Mein Bruder wünscht sich mehr Ruhe.“"
    )
    assert by_text(statements, "mehr Ruhe").speaker == "other:Georg Kramer"


def test_quote_without_cue_after_a_wie_clause_takes_its_subject(extract: Extract) -> None:
    statements = extract(
        "Im Hafen stand ein Schiff. Die Ladung war gefährlich, wie Bert Rutland, Chef der Firma "
        "Orbital Works, mitteilte. Dabei gehe es um „eine Frage der Sicherheit für alle Anwohner“."
    )
    assert by_text(statements, "Sicherheit für alle").speaker == "other:Bert Rutland"


def test_unnamed_speech_verb_stops_the_topic_person_of_a_quote(extract: Extract) -> None:
    statements = extract(
        "Hans Kühn kritisierte den Plan.\n\n"
        "Die Opposition spricht von einem „Desaster“. „Die Regierung hat versagt.“"
    )
    assert by_text(statements, "Die Regierung hat versagt").speaker is None


@pytest.mark.parametrize(
    "epithet", ["der Sozialdemokrat", "der Gewerkschafter", "der Republikaner"]
)
def test_party_and_union_epithets_refer_back_to_the_person(extract: Extract, epithet: str) -> None:
    statements = extract(f"Karl Haas kritisierte den Plan. Der Plan sei unsozial, sagte {epithet}.")
    assert by_text(statements, "unsozial").speaker == "other:Karl Haas"


def test_body_description_refers_to_the_body_that_spoke_just_before(extract: Extract) -> None:
    statements = extract(
        "Nach Angaben der Hilfsorganisation Medico sind 300 Helfer im Einsatz. Die Versorgung "
        "sei, so die Organisation, gesichert. Die Firma Lanz kündigte an, Zelte zu schicken. "
        "Man wolle helfen, teilte das Unternehmen mit."
    )
    assert by_text(statements, "Versorgung").speaker == "other:Hilfsorganisation Medico"
    assert by_text(statements, "Man wolle helfen").speaker == "other:Lanz"


def test_body_description_without_a_body_just_before_names_nobody(extract: Extract) -> None:
    statements = extract(
        "Die Hamas übernahm die Verantwortung. Die Organisation erklärte, sie werde weiter "
        "angreifen."
    )
    assert by_text(statements, "weiter angreifen").speaker is None


def test_pronoun_after_a_body_spoke_goes_to_the_person_named_since(extract: Extract) -> None:
    statements = extract(
        "Die Lage sei ernst, so die Behörde Civil-X.\n\nDer Landwirt Paolo Renzi verlor seine "
        "Ernte. „Wir konnten nichts retten“, sagte er."
    )
    assert by_text(statements, "nichts retten").speaker == "other:Paolo Renzi"
