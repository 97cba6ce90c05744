"""Sentences without a cue that continue a report (Konjunktiv I) and who speaks them: the last
speaker, the one actor of the sentence before (also after a fronted adverbial or as an acronym),
and what ends the continuation (first person, Konjunktiv II, a new paragraph, an unnamed speaker,
two actors). All texts are written for these tests."""

from __future__ import annotations

import pytest
from nlp_helpers import (
    Extract,
    by_exact_text,
    by_text,
    shortest_by_text,
    texts,
)


def test_konjunktiv_continuation_still_counts(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "Ministerin Eva Roth erklärte, die Schulen seien gut ausgestattet. "
        "Es gebe genug Lehrer für alle Klassen."
    )
    assert "Es gebe genug Lehrer für alle Klassen" in texts(statements, "indirect")


def test_konjunktiv_sentence_with_a_short_quote_continues_a_report(extract) -> None:
    statements = extract(
        "Trainer Jonas Keller räumte ein, selbst Fehler gemacht zu haben. "
        "Die Wechsel seien „zu spät“ gekommen."
    )
    st = shortest_by_text(statements, "Wechsel", "indirect")
    assert st.speaker == "other:Jonas Keller"
    assert shortest_by_text(statements, "zu spät", "direct").speaker == "other:Jonas Keller"


def test_konjunktiv_cue_without_subject_goes_on_with_the_report(extract: Extract) -> None:
    statements = extract(
        "Die Stadträtin Merle Ohlsen sagte, man müsse jetzt aufhören mit „ständigen "
        "Schuldzuweisungen“. Es drohe „ein Stillstand, den am Ende alle bezahlen“."
    )
    assert by_text(statements, "ein Stillstand").speaker == "other:Merle Ohlsen"


@pytest.mark.parametrize(
    "second",
    [
        "Ich habe selbst viele Schulen besucht.",
        "Die Kosten steigen um zehn Euro je Kind.",
        "Der Vorstand möchte das Urteil abwarten.",
        "Ich arbeite mit Malern, Musikern und Tänzern und plane eine Ausstellung.",
        "Wie stehen Sie dazu, das Amt solle mehr Geld bekommen?",
    ],
)
def test_no_report_continues_into_first_person_or_adverbs(extract, second: str) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        f"Ministerin Eva Roth erklärte, die Schulen seien gut ausgestattet. {second}"
    )
    assert texts(statements, "indirect") == ["die Schulen seien gut ausgestattet"]


def test_a_hypothesis_in_konjunktiv_ii_does_not_continue_a_report(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "Ministerin Eva Roth erklärte, die Schulen seien gut ausgestattet. "
        "Das wäre ein großer Fortschritt für die Stadt."
    )
    assert texts(statements, "indirect") == ["die Schulen seien gut ausgestattet"]


def test_konjunktiv_ii_does_not_continue_a_report_into_a_new_paragraph(extract) -> None:
    text = (
        "Putin sagte, die Lage sei stabil.\n\n"
        "Beobachter äußerten ihre Sorge, dass der Konflikt eskalieren könnte.\n"
    )
    report, concern = extract(text)
    assert (report.text, report.speaker) == ("die Lage sei stabil", "putin")
    # the concern is the observers' own (nlp-18: beliefs of described speakers), not Putin's
    assert (concern.kind, concern.speaker) == ("indirect", None)
    assert text[concern.speaker_span[0] : concern.speaker_span[1]] == "Beobachter"


@pytest.mark.parametrize(
    "second",
    [
        "Die Behörde halte die Pläne für verfrüht.",
        "Die Behörde nenne die Pläne verfrüht.",
        "Die Behörde spreche von einem Fehler.",
    ],
)
def test_a_quote_only_verb_does_not_block_a_reported_sentence(extract, second: str) -> None:  # type: ignore[no-untyped-def]
    statements = extract("Sprecherin Anna Roth äußerte sich am Montag. " + second)
    statement = by_exact_text(statements, second.rstrip("."))
    assert (statement.kind, statement.speaker) == ("free_indirect", "other:Anna Roth")


def test_quote_only_verb_carries_no_speaker_into_the_next_sentence(extract: Extract) -> None:
    statements = extract("Manche halten Minister Hans Kühn für naiv. Die Kosten seien zu hoch.")
    assert by_text(statements, "Die Kosten seien").speaker != "other:Hans Kühn"


def test_unnamed_speech_verb_stops_a_carried_over_report(extract: Extract) -> None:
    statements = extract(
        "Hans Kühn sagte, die Lage sei ernst.\n\n"
        "Die Opposition spricht von einem „Desaster“. Die Regierung habe versagt."
    )
    assert by_text(statements, "die Lage sei ernst").speaker == "other:Hans Kühn"
    assert by_text(statements, "Die Regierung habe versagt").speaker is None


def test_a_passive_speech_verb_does_not_stop_the_report(extract: Extract) -> None:
    statements = extract(
        "Hans Kühn sagte, die Lage sei ernst. Die Zahl der Toten wurde mit 20 angegeben. "
        "Die Regierung habe versagt."
    )
    assert by_text(statements, "Die Regierung habe versagt").speaker == "other:Hans Kühn"


def test_report_goes_to_the_person_of_the_sentence_before(extract: Extract) -> None:
    statements = extract(
        "Die Zeitung Morgenpost berichtete, das Amt sei angeboten worden.\n\n"
        "Für die Arbeit an einer neuen Verfassung gab General Hans Kühn einen Zeitraum von "
        "einem Jahr an. Ein weiterer Monat werde für die Prüfung gebraucht."
    )
    assert by_text(statements, "Ein weiterer Monat").speaker == "other:Hans Kühn"


def test_konjunktiv_sentence_after_a_person_sentence_is_theirs(extract: Extract) -> None:
    statements = extract(
        "Die Stadt plant neue Schulden.\n\nKämmerin Julia Brandt kritisierte den Plan scharf. "
        "Die Rücklagen seien längst aufgebraucht."
    )
    assert by_text(statements, "Rücklagen seien").speaker == "other:Julia Brandt"


def test_konjunktiv_sentence_after_a_wie_clause_takes_its_subject(extract: Extract) -> None:
    statements = extract(
        "Die Werft baut Fähren. Der Tank war undicht, wie Brix Vennholt, Chef der Werft Nordkai "
        "Marine, mitteilte. Der genaue Hergang des Brandes sei aber noch unklar."
    )
    assert by_text(statements, "Hergang des Brandes").speaker == "other:Brix Vennholt"


def test_konjunktiv_sentence_after_an_inverted_subject(extract: Extract) -> None:
    statements = extract(
        "Die Firma wächst. 2024 will BZQ 180.000 Autos verkaufen. Problematisch sei noch die "
        "fehlende Infrastruktur."
    )
    assert by_text(statements, "fehlende Infrastruktur").speaker == "other:BZQ"
    statements = extract(
        "Die Firma wächst. Die Stadt will BZQ neue Flächen verkaufen. Problematisch sei noch die "
        "fehlende Infrastruktur."
    )
    assert all(s.speaker != "other:BZQ" for s in statements)  # BZQ is the object there


def test_inverted_subject_after_fronted_adverb_is_the_actor(extract: Extract) -> None:
    statements = extract(
        "Der Streit um die Schule dauert an. Dazu hält sich Bürgermeisterin Anna Keller "
        "noch zurück. Die Entscheidung sei noch nicht gefallen."
    )
    assert by_text(statements, "Entscheidung sei").speaker == "other:Anna Keller"


def test_inverted_subject_wins_over_an_earlier_statement(extract: Extract) -> None:
    statements = extract(
        "Anna Keller sagte, die Schule bleibe offen. Dazu hält sich Bürgermeister Peter Lang "
        "noch zurück. So sei die Entscheidung nicht gefallen."
    )
    assert by_text(statements, "Entscheidung nicht").speaker == "other:Peter Lang"


def test_new_paragraph_in_konjunktiv_reports_the_inverted_subject(extract: Extract) -> None:
    statements = extract(
        "Der Streit um die Schule dauert an. Dazu hält sich Bürgermeister Peter Lang noch "
        "zurück.\n\nSo sei die Entscheidung nicht gefallen."
    )
    assert by_text(statements, "Entscheidung nicht").speaker == "other:Peter Lang"


def test_acronym_organisation_after_finite_verb_is_the_actor(extract: Extract) -> None:
    # regression guard: held before the inverted-actor rule was added (see the test above)
    statements = extract(
        "Die Lage der Reporter bleibt schwierig. Noch gibt XYZR keine Entwarnung. "
        "Die Situation sei weiter angespannt."
    )
    assert by_text(statements, "Situation sei").speaker == "other:XYZR"


def test_acronym_organisation_opening_the_sentence_is_the_actor(extract: Extract) -> None:
    statements = extract(
        "Die Lage der Reporter bleibt schwierig. XYZR gibt keine Entwarnung. "
        "Die Situation sei weiter angespannt."
    )
    assert by_text(statements, "Situation sei").speaker == "other:XYZR"


def test_acronym_with_a_second_actor_leaves_the_speaker_open(extract: Extract) -> None:
    statements = extract(
        "Die Lage der Reporter bleibt schwierig. XYZR gibt Peter Lang recht. "
        "Die Situation sei weiter angespannt."
    )
    reported = [s for s in statements if "Situation sei" in s.text]
    assert all(s.speaker is None for s in reported)


def test_object_after_noun_phrase_subject_is_not_the_actor(extract: Extract) -> None:
    statements = extract(
        "Der Fall beschäftigt die Stadt. Die Polizei nahm Peter Lang am Abend fest. "
        "Er habe sich nicht gewehrt."
    )
    reported = [s for s in statements if "nicht gewehrt" in s.text]
    assert all(s.speaker != "other:Peter Lang" for s in reported)


def test_two_people_in_the_sentence_before_leave_the_speaker_open(extract: Extract) -> None:
    statements = extract(
        "Der Streit um die Schule dauert an. Dazu trifft sich Anna Keller mit Peter Lang. "
        "Die Entscheidung sei noch nicht gefallen."
    )
    reported = [s for s in statements if "Entscheidung sei" in s.text]
    assert all(s.speaker is None for s in reported)


def test_konjunktiv_after_a_long_fronted_adverbial_reports_the_inverted_subject(
    extract: Extract,
) -> None:
    statements = extract(
        "Am Rande einer Sitzung des Stadtrats in Kiel nahm jetzt auch die Bürgermeisterin der "
        "Stadt, Petra Olsen (SPD), zu der Frage Stellung. Jeder Lehrer könne das Konto später "
        "einlösen."
    )
    assert by_text(statements, "Konto").speaker == "other:Petra Olsen"


def test_konjunktiv_after_a_cue_sentence_without_statement_reports_the_cue_subject(
    extract: Extract,
) -> None:
    statements = extract(
        "Staatssekretär Jonas Wendt stellte einen Plan vor. Die Forderungen Wendts wurden von "
        "Verkehrsminister Karl Brenner als unrealistisch bezeichnet. Heutige Autos seien dafür "
        "nicht gebaut."
    )
    assert by_text(statements, "Heutige Autos").speaker == "other:Karl Brenner"


def test_quote_paragraph_after_a_colon_ending_the_paragraph_before(extract: Extract) -> None:
    statements = extract(
        "Der Kapitän Lars Wendt sagte am Montag:\n\n„Wir haben das Schiff verloren.\n\nDie "
        "Mannschaft ist in Sicherheit.“"
    )
    assert [s.speaker for s in statements] == ["other:Lars Wendt", "other:Lars Wendt"]


def test_quote_paragraph_after_a_paragraph_about_one_person(extract: Extract) -> None:
    statements = extract(
        "Der Kapitän Lars Wendt war nach der Havarie erschöpft.\n\n„Wir haben das Schiff "
        "verloren. Die Mannschaft ist in Sicherheit.“"
    )
    assert [s.speaker for s in statements] == ["other:Lars Wendt"]


def test_konjunktiv_after_an_indicative_sentence_goes_on_with_the_last_report(
    extract: Extract,
) -> None:
    statements = extract(
        "Der Streit um die Schließung geht weiter.\n\n"
        "„Das ist ein Fehler“, sagte Bürgermeister Tim Kolb.\n\n"
        "Unterstützung erhielt Kolb vom Elternbeirat. Dessen Sprecherin Jana Roth lobte "
        "beispielsweise seinen Einsatz. So seien am Samstag hunderte Eltern auf die Straße "
        "gegangen. Die Schule hatte den Protest ebenfalls unterstützt. Man sei sich "
        "schließlich einig, dass die Schule bleiben müsse."
    )
    assert by_text(statements, "hunderte Eltern").speaker == "other:Jana Roth"
    assert by_text(statements, "Man sei sich").speaker == "other:Jana Roth"


def test_continuation_paragraph_goes_on_with_the_speaker_found_for_the_report_before(
    extract: Extract,
) -> None:
    statements = extract(
        "Der Geologe Jan Brandt sprach am Abend im Rathaus.\n\n"
        "Brandt war mehrmals in der Region und hat dort selbst gemessen. Die Bevölkerung "
        "werde nicht informiert – im Gegenteil gebe es Aussagen, dass das Wasser sauber sei. "
        "In der Region selbst sei es schwierig, mit Ärzten zu sprechen.\n\n"
        "Wie es weitergehe, sei offen. Eine Lösung gibt es noch nicht. Gegenwärtig werde an "
        "einem Plan gearbeitet."
    )
    assert by_text(statements, "Wie es weitergehe").speaker == "other:Jan Brandt"
    assert by_text(statements, "Gegenwärtig werde").speaker == "other:Jan Brandt"
