"""Round 8 speaker rules: a Konjunktiv I sentence without a cue right after a sentence about
one actor reports that actor, also when the actor stands after the finite verb of a clause with
a fronted adverbial or is an organisation written as an acronym; two actors leave it open
(invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from claims.models import Statement

Extract = Callable[[str], list[Statement]]


def by_text(statements: list[Statement], fragment: str) -> Statement:
    found = [s for s in statements if fragment in s.text]
    assert found, f"no statement with {fragment!r} in {[s.text for s in statements]}"
    return found[0]


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
    # regression guard: already held before this round (see the module docstring)
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
