"""Boundaries of indirect speech: which clause a cue or a source marker reports (relative and
``weil`` clauses, the phrase after the source), reports before their cue (``…, wie X mitteilte``,
subjects with appositions) and clauses that are no content. All texts are written for these
tests."""

from __future__ import annotations

import pytest
from nlp_helpers import (
    Extract,
    by_exact_text,
    by_text,
    shortest_by_text,
    texts,
)


def test_verb_second_clause_after_a_cue_stays(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract("Sprecher Tim Haas sagte, die Übungen verliefen ruhig.")
    assert texts(statements, "indirect") == ["die Übungen verliefen ruhig"]


def test_relative_clause_after_a_cue_is_no_content(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract("Das Magazin Profil berichtet über einen Käse, der keine Milch enthält.")
    assert texts(statements, "indirect") == []


def test_a_cue_after_a_quote_has_no_second_content(extract) -> None:
    statements = extract("„Wir müssen reden“, sagte Bill Graham, Parteichef der Liberalen.")
    assert [s.text for s in statements] == ["Wir müssen reden"]
    assert statements[0].speaker == "other:Bill Graham"


def test_marker_in_a_relative_clause_reports_the_clause(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "Schuld war das neue Stellwerk, das nach Angaben der Bahn nicht rechtzeitig "
        "fertig wurde. Die Züge fuhren danach wieder."
    )
    assert texts(statements, "indirect") == ["nicht rechtzeitig fertig wurde"]


def test_marker_inside_a_weil_clause_reports_the_clause(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "Die Fähre blieb im Hafen, weil der Motor nach Angaben der Reederei beschädigt war."
    )
    reports = texts(statements, "indirect")
    assert len(reports) == 1
    assert reports[0].startswith("weil der Motor") and "Fähre" not in reports[0]


def test_marker_source_stops_before_the_next_phrase(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "Der Zug hielt an, da nach Angaben der Bahn die Strecke gesperrt werden musste."
    )
    assert texts(statements, "indirect") == ["die Strecke gesperrt werden musste"]


def test_konjunktiv_in_a_weil_clause_reports_only_the_clause(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "Der Verein zog die Klage zurück. Der Bau der Halle wurde gestoppt, "
        "weil die Kosten zu hoch seien."
    )
    assert texts(statements, "indirect") == ["die Kosten zu hoch seien"]


@pytest.mark.parametrize(
    ("text", "report", "speaker"),
    [
        (
            "Die Preise seien im Herbst deutlich gestiegen, erklärte der Direktor der "
            "Landesbank (LBK), Tom Reiter.",
            "Die Preise seien im Herbst deutlich gestiegen",
            "other:Tom Reiter",
        ),
        (
            "Die Brücke bleibe bis Mai gesperrt, wie die Stadtverwaltung am Montag mitteilte.",
            "Die Brücke bleibe bis Mai gesperrt",
            "other:Stadtverwaltung",
        ),
        (
            "Die Brücke ist bis Mai gesperrt, wie Baustadtrat Ole Brand mitteilte.",
            "Die Brücke ist bis Mai gesperrt",
            "other:Ole Brand",
        ),
        (
            "Die Werft habe keine weiteren Aufträge, hatte Betriebsrat Uwe Salm am Montag in "
            "Kiel erklärt.",
            "Die Werft habe keine weiteren Aufträge",
            "other:Uwe Salm",
        ),
        (
            "Das Museum bleibt im Winter geschlossen, hat die Direktorin Ina Falk gesagt.",
            "Das Museum bleibt im Winter geschlossen",
            "other:Ina Falk",
        ),
    ],
)
def test_report_before_its_cue(extract, text: str, report: str, speaker: str | None) -> None:  # type: ignore[no-untyped-def]
    statement = by_exact_text(extract(text), report)
    assert statement.kind == "indirect"
    assert statement.speaker == speaker


def test_reflexive_perfect_after_a_clause_reports_nothing(extract: Extract) -> None:
    statements = extract("Dass die Firma schließen würde, hatte sich lange angekündigt.")
    assert texts(statements) == []


def test_report_before_a_subject_with_a_lower_case_apposition(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "Die Lage sei unter Kontrolle, sagte Jan Mertens, belgischer General und Kommandeur "
        "der Mission, am Montag."
    )
    assert by_exact_text(statements, "Die Lage sei unter Kontrolle").speaker == "other:Jan Mertens"


def test_indicative_clause_before_a_cue_needs_a_named_speaker(extract) -> None:
    named = extract("Die Vorräte gehen zur Neige, berichtet das Magazin Foreign Policy.")
    assert shortest_by_text(named, "Vorräte").speaker == "other:Foreign Policy"
    assert extract("Die Vorräte gehen zur Neige, sagen manche.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Die Sprecherin der Grünen im Landtag, Anna Weiß, kritisierte den Haushalt scharf.",
        "In seiner Rede, die im Fernsehen übertragen wurde, warnte Karl Ott vor Hektik.",
        "Während die Opposition schwieg, forderte Minister Karl Ott neue Schulden.",
    ],
)
def test_no_indicative_report_before_the_cue_without_a_main_clause(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    statements = extract(text)
    first_words = text.split(",")[0]
    assert not [s for s in statements if s.text.startswith(first_words)]


@pytest.mark.parametrize(
    "text",
    [
        "Das Wetter war schön, wie man sieht.",
        "Die Brücke ist gesperrt, wie erwartet.",
    ],
)
def test_no_report_before_a_cue_with_a_clause_of_its_own(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    statements = extract(text)
    assert not [s for s in statements if s.text.startswith(("Die Preise", "Das Wetter", "Die Br"))]


@pytest.mark.parametrize(
    "text",
    [
        "Nach dem Streik (Radio Nord berichtete) hat es keine Einigung gegeben, ob die Löhne "
        "steigen.",
        "Ministerin Eva Roth bedauert wie auch weitere Politiker die Entscheidung des Vereins.",
        "Karl Brenner oder Kalle, wie er sich am liebsten selbst nannte, ist gestorben.",
    ],
)
def test_parentheses_comparisons_and_names_report_nothing(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert texts(extract(text), "indirect") == []


@pytest.mark.parametrize(
    "text",
    [
        "Die Leitung stand unter Druck, wie Karl Moor, Chef der Firma Bauwerk, mitteilte.",
        "Die Leitung stand unter Druck, wie der Chef der Firma, Karl Moor, am Montag mitteilte.",
    ],
)
def test_wie_clause_with_an_apposition_ends_the_report(  # type: ignore[no-untyped-def]
    extract, text: str
) -> None:
    statement = by_exact_text(extract(text), "Die Leitung stand unter Druck")
    assert statement.speaker == "other:Karl Moor"


def test_wie_comparison_before_a_cue_stays_in_the_report(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Die Preise steigen, wie in Berlin, München und Köln, berichtete Karl Moor."
    assert "Die Preise steigen, wie in Berlin, München und Köln" in texts(extract(text))


def test_apposition_after_inverted_subject_is_no_content(extract: Extract) -> None:
    statements = extract(
        "Am Abend meldete der regionale Fernsehsender, Kanal Nord, dass die Brücke gesperrt werde."
    )
    found = by_text(statements, "Brücke")
    assert found.text == "die Brücke gesperrt werde"


def test_quoted_name_of_the_subject_before_dass(extract: Extract) -> None:
    statements = extract(
        "Im März verkündete der „Bund der Imker“ dann offiziell, dass man gegen das Gesetz "
        "klagen werde."
    )
    found = by_text(statements, "klagen")
    assert found.text == "man gegen das Gesetz klagen werde"
    assert found.speaker == "other:Bund der Imker"


def test_relative_clause_after_a_speech_noun_is_no_content(extract: Extract) -> None:
    statements = extract(
        "Die Funde seien ein klarer Hinweis, auf den die Behörden nicht reagiert hätten."
    )
    assert all(not s.text.startswith("auf den") for s in statements)


def test_contrasting_indicative_clause_ends_the_report(extract: Extract) -> None:
    statements = extract("Sie erklärte, die Lage sei ruhig, aber die Polizei blieb skeptisch.")
    assert by_text(statements, "Lage").text == "die Lage sei ruhig"


def test_contrasting_konjunktiv_clause_stays_in_the_report(extract: Extract) -> None:
    statements = extract("Er sagte, er komme, aber er bleibe nicht lange.")
    assert by_text(statements, "komme").text == "er komme, aber er bleibe nicht lange"


def test_question_frame_before_the_cue_is_no_report(extract: Extract) -> None:
    statements = extract(
        "Auf die Frage, ob sie zurücktrete, antwortete die Ministerin Eva Roth: „Nein.“ Auf "
        "die Frage, wann sie gehe, sagte Roth, das sei offen."
    )
    assert texts(statements) == ["Nein.", "das sei offen"]


@pytest.mark.parametrize(
    "text",
    [
        "Trainerin Lina Berg sagte, die Elf sei stärker geworden: „Wir haben viel gelernt.“",
        "Ole Dahl sagte, die Bahn brauche mehr Geld und fügte hinzu: „Sonst fährt nichts.“",
    ],
)
def test_a_report_ends_before_a_direct_quote_of_its_own(extract: Extract, text: str) -> None:
    statements = extract(text)
    report = [s for s in statements if s.kind != "direct"]
    assert len(report) == 1 and "„" not in report[0].text, [s.text for s in statements]
    assert report[0].text in ("die Elf sei stärker geworden", "die Bahn brauche mehr Geld")
