"""Round 7 speaker rules: a single person after a plural finite verb is its object, never its
subject (number agreement); coordinated names and singular verbs keep their subject (invented
sentences)."""

from __future__ import annotations

from collections.abc import Callable

from claims.models import Statement

Extract = Callable[[str], list[Statement]]


def by_text(statements: list[Statement], fragment: str) -> Statement:
    found = [s for s in statements if fragment in s.text]
    assert found, f"no statement with {fragment!r} in {[s.text for s in statements]}"
    return found[0]


def test_person_after_plural_auxiliary_is_the_addressee(extract: Extract) -> None:
    statements = extract(
        "Mehrere bekannte Forscher haben Ministerpräsident Hans Müller gestern in einem Brief "
        "geschrieben, dass die Politik dringend geändert werden müsse."
    )
    assert by_text(statements, "die Politik dringend").speaker != "other:Hans Müller"


def test_person_after_plural_verb_is_the_object(extract: Extract) -> None:
    statements = extract("Die Forscher sagten Minister Karl Huber, die Regierung müsse gehen.")
    assert by_text(statements, "die Regierung müsse").speaker != "other:Karl Huber"


def test_singular_verb_keeps_its_inverted_subject(extract: Extract) -> None:
    statements = extract("Am Montag sagte Minister Karl Huber, die Regierung müsse gehen.")
    assert by_text(statements, "die Regierung müsse").speaker == "other:Karl Huber"


def test_coordinated_names_agree_with_a_plural_verb(extract: Extract) -> None:
    statements = extract("Am Montag sagten Karl Huber und Otto Weber, die Regierung müsse gehen.")
    assert by_text(statements, "die Regierung müsse").speaker == "other:Karl Huber"


def test_participle_after_singular_auxiliary_keeps_the_subject(extract: Extract) -> None:
    statements = extract("Karl Huber hat am Montag gesagt, die Regierung müsse gehen.")
    assert by_text(statements, "die Regierung müsse").speaker == "other:Karl Huber"
