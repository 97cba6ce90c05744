"""Round 5 speaker rules: appositions that are really reported subjects, units after numbers,
extended participle attributes, objects in front of the verb (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from claims.models import Statement

Extract = Callable[[str], list[Statement]]


def by_text(statements: list[Statement], fragment: str) -> Statement:
    found = [s for s in statements if fragment in s.text]
    assert found, f"no statement with {fragment!r} in {[s.text for s in statements]}"
    return found[0]


def test_subject_of_the_reported_clause_is_not_the_speaker(extract: Extract) -> None:
    statements = extract(
        "Der Anwalt Thorsten Kranich sagte, man habe Einspruch eingelegt.\n\n"
        "Am Abend meldeten dann die Nachrichten des Senders, Kranich rechne mit einer "
        "Verhandlung."
    )
    assert by_text(statements, "Einspruch").speaker == "other:Thorsten Kranich"
    reported = by_text(statements, "rechne mit einer Verhandlung")
    assert reported.speaker != "other:Thorsten Kranich"


def test_closed_apposition_after_the_verb_still_names_the_speaker(extract: Extract) -> None:
    statements = extract(
        "Am Montag erklärte der Direktor der Atombehörde (ATB), Mohammed el-Kadi, das Land "
        "habe Atombomben."
    )
    assert by_text(statements, "Atombomben").speaker == "other:Mohammed el-Kadi"


def test_time_zone_after_a_clock_time_speaks_for_nobody(extract: Extract) -> None:
    statements = extract("Um 15:36 Uhr MEZ meldeten dann die Zeitungen, Kranich rechne mit Ärger.")
    assert by_text(statements, "rechne mit Ärger").speaker != "other:MEZ"


def test_an_ordinal_does_not_hide_the_next_sentence_subject(extract: Extract) -> None:
    statements = extract(
        "Die Auslieferung des Modells 3. Ein Sprecher von Voltwerk teilte mit: „Jeder wird "
        "bei uns fair bezahlt.“"
    )
    assert by_text(statements, "fair bezahlt").speaker == "other:Voltwerk"


def test_name_after_an_extended_participle_attribute(extract: Extract) -> None:
    statements = extract(
        "Marta Lindqvist und Ana Ruiz treten gemeinsam auf. „Wir sind sehr froh darüber, dass "
        "es klappt“, schrieb die in Stockholm geborene Lindqvist."
    )
    assert by_text(statements, "sehr froh").speaker == "other:Marta Lindqvist"


def test_name_inside_the_attribute_is_not_the_speaker(extract: Extract) -> None:
    statements = extract(
        "„Wir sind sehr froh darüber, dass es klappt“, sagte die mit Peter Braun befreundete "
        "Anwältin."
    )
    spoken = [s for s in statements if "sehr froh" in s.text]
    assert all(s.speaker != "other:Peter Braun" for s in spoken)


def test_object_in_front_of_the_verb_does_not_speak(extract: Extract) -> None:
    statements = extract(
        "Den Unmut der Partei über die Äußerungen des Ministers brachte die Sprecherin der "
        "Fraktion im Landtag, Annette Kroll-Weber, zum Ausdruck: „Es gibt keinen Grund, "
        "Positionen aufzugeben.“ Den Unmut der CDU teilte die Sprecherin: „Wir geben nichts auf.“"
    )
    assert by_text(statements, "keinen Grund").speaker != "other:Partei"
    assert by_text(statements, "nichts auf").speaker != "other:CDU"


def test_verb_after_und_shares_the_subject_of_the_clause_before(extract: Extract) -> None:
    statements = extract(
        "Die Sprecherin Anna Kroll lobte den Plan und forderte Minister Peter Braun auf, ihn "
        "rasch umzusetzen."
    )
    assert by_text(statements, "rasch umzusetzen").speaker == "other:Anna Kroll"


def test_inverted_subject_after_a_verb_that_opens_its_clause(extract: Extract) -> None:
    statements = extract("Am Montag forderte Minister Peter Braun die Stadt auf, rasch zu handeln.")
    assert by_text(statements, "rasch zu handeln").speaker == "other:Peter Braun"


def test_title_after_a_place_genitive_names_the_subject(extract: Extract) -> None:
    statements = extract(
        "Das Gericht wies die Klage zurück.\n\n"
        "Hamburgs Erster Bürgermeister Jonas Falkner bedauerte die Entscheidung. Damals seien "
        "Fehler gemacht worden. Seinerzeit sei das aber niemandem klar gewesen."
    )
    assert by_text(statements, "Damals seien").speaker == "other:Jonas Falkner"
    assert by_text(statements, "Seinerzeit sei").speaker == "other:Jonas Falkner"


def test_short_quote_of_a_coordinated_verb_stays_without_a_wrong_speaker(
    extract: Extract,
) -> None:
    statements = extract(
        "Datenschützer äußerten Bedenken an den Plänen und warfen der Regierung „Wortbruch“ vor."
    )
    quote = by_text(statements, "Wortbruch")
    assert quote.kind == "direct"
    assert quote.speaker is None  # the unnamed critics speak, not the government
