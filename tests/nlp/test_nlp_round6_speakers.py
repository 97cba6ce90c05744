"""Round 6 speaker rules: short opinions after ``Für X``, quotes a speech noun introduces,
bare ``ein Sprecher``, subjects before a relative clause, and speech verbs whose own subject is
unnamed stopping a carried-over speaker (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from claims.models import Statement

Extract = Callable[[str], list[Statement]]


def by_text(statements: list[Statement], fragment: str) -> Statement:
    found = [s for s in statements if fragment in s.text]
    assert found, f"no statement with {fragment!r} in {[s.text for s in statements]}"
    return found[0]


def test_short_quote_after_fuer_is_the_opinion_of_the_person(extract: Extract) -> None:
    statements = extract("Für den Theologen Hans Kühn ist der Rücktritt „verständlich“.")
    assert by_text(statements, "verständlich").speaker == "other:Hans Kühn"


def test_quote_after_a_speech_noun_is_no_name(extract: Extract) -> None:
    statements = extract("Minister Hans Kühn schloss seine Rede mit den Worten „Wir schaffen das“.")
    assert by_text(statements, "Wir schaffen das").speaker == "other:Hans Kühn"


def test_quote_only_verb_carries_no_speaker_into_the_next_sentence(extract: Extract) -> None:
    statements = extract("Manche halten Minister Hans Kühn für naiv. Die Kosten seien zu hoch.")
    assert by_text(statements, "Die Kosten seien").speaker != "other:Hans Kühn"


def test_a_bare_spokesman_names_nobody(extract: Extract) -> None:
    statements = extract("„Wir freuen uns sehr über den Preis“, sagte ein Sprecher.")
    assert by_text(statements, "Wir freuen uns").speaker is None


def test_a_spokesman_of_a_named_body_names_the_body(extract: Extract) -> None:
    statements = extract("„Wir freuen uns sehr über den Preis“, sagte ein Siemens-Sprecher.")
    assert by_text(statements, "Wir freuen uns").speaker == "other:Siemens"


def test_subject_before_a_relative_clause_speaks(extract: Extract) -> None:
    statements = extract(
        "Die Interessengemeinschaft der Anwohner (IGA), die seit Jahren gegen den Flughafen "
        "kämpft, hat bekannt gegeben, dass sie klagen werde."
    )
    assert by_text(statements, "klagen werde").speaker == "other:IGA"


def test_inverted_subject_after_the_verb_beats_a_relative_clause(extract: Extract) -> None:
    statements = extract(
        "Der Planet ist weit entfernt von dem Stern, der sehr jung ist, erklärte die "
        "Astronomin Jane Greaves."
    )
    assert "Jane Greaves" in (by_text(statements, "Der Planet").speaker or "")


def test_unnamed_speech_verb_stops_a_carried_over_report(extract: Extract) -> None:
    statements = extract(
        "Hans Kühn sagte, die Lage sei ernst.\n\n"
        "Die Opposition spricht von einem „Desaster“. Die Regierung habe versagt."
    )
    assert by_text(statements, "die Lage sei ernst").speaker == "other:Hans Kühn"
    assert by_text(statements, "Die Regierung habe versagt").speaker is None


def test_unnamed_speech_verb_stops_the_topic_person_of_a_quote(extract: Extract) -> None:
    statements = extract(
        "Hans Kühn kritisierte den Plan.\n\n"
        "Die Opposition spricht von einem „Desaster“. „Die Regierung hat versagt.“"
    )
    assert by_text(statements, "Die Regierung hat versagt").speaker is None


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
