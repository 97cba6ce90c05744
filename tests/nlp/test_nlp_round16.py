"""Round ``nlp-16`` (issue 19): opinion markers with a described holder, possessive markers,
``laut`` before hyphenated names and adjectives, Konjunktiv reports after a colon and with a
speech verb of their own, speech acts of unnamed speakers, ``soll``-hearsay, and a clause that
opens with a quote. All sentences are written for these tests."""

from __future__ import annotations

import pytest
from nlp_helpers import Extract, by_text


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        ("Nach Ansicht des Bürgermeisters ist die neue Brücke zu teuer.", "Brücke", None),
        ("Nach Einschätzung von Fachleuten wird der Preis für Heizöl steigen.", "Heizöl", None),
        (
            "Nach Schätzungen der Behörde leben rund 3000 Menschen in dem Lager.",
            "3000 Menschen",
            "other:Behörde",
        ),
        (
            "Vereinschef Paul Weber kritisierte die Entscheidung. Seiner Meinung nach ist der "
            "Verband zu langsam.",
            "zu langsam",
            "other:Paul Weber",
        ),
        (
            "Die Trainerin Anna Roth äußerte sich am Abend. Nach ihrer Ansicht hätte der Verband "
            "früher handeln müssen.",
            "früher handeln",
            "other:Anna Roth",
        ),
        (
            "Die Kosten sollten laut Karl-Heinz Weber bei rund einer Million Euro liegen.",
            "Million Euro",
            "other:Karl-Heinz Weber",
        ),
        ("Laut örtlichen Medien gab es mehrere Verletzte.", "mehrere Verletzte", None),
    ],
)
def test_source_markers_with_a_holder_report_a_view(
    extract: Extract, text: str, fragment: str, speaker: str | None
) -> None:
    found = by_text(extract(text), fragment)
    assert found.kind == "indirect"
    assert found.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Nach Ansicht der Jury war das Bild das beste.",  # a holder: a statement
    ],
)
def test_an_opinion_marker_with_a_group_as_holder_is_a_statement(
    extract: Extract, text: str
) -> None:
    assert [s.text for s in extract(text)] == ["war das Bild das beste"]


@pytest.mark.parametrize(
    "text",
    [
        "Nach dem Spiel fuhr die Mannschaft zurück ins Hotel.",
        "Die laut rufenden Fans störten die Rede des Bürgermeisters.",
        "Sie sangen laut schöne Lieder.",  # the adverb before an accusative
        "Die Reporterin fragte die Ministerin: Welche Gesetze sind Ihrer Meinung nach überflüssig?",
    ],
)
def test_no_marker_statement(extract: Extract, text: str) -> None:
    assert extract(text) == []


def test_a_marker_source_ends_before_the_clause_goes_on(extract: Extract) -> None:
    found = by_text(extract("Im Hafen gibt es laut Polizeibericht keine Schäden."), "Hafen")
    assert found.speaker_mention == "Polizeibericht"
    found = by_text(extract("Nach einer Studie des Instituts schlafen Kinder zu wenig."), "wenig")
    assert found.text == "schlafen Kinder zu wenig"
    assert "schlafen" not in (found.speaker_mention or "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Der Sprecher Tim Berg kritisierte den Entwurf in scharfer Form: Das Gesetz verletze "
            "die Rechte der Mieter.",
            "Das Gesetz verletze die Rechte der Mieter",
        ),
        (
            "Die Ministerin Eva Kurz zog eine Bilanz: Das Jahr sei schwierig gewesen.",
            "Das Jahr sei schwierig gewesen",
        ),
    ],
)
def test_a_konjunktiv_clause_after_a_colon_is_the_subjects_report(
    extract: Extract, text: str, expected: str
) -> None:
    found = by_text(extract(text), expected)
    assert found.text == expected
    assert found.kind == "free_indirect"
    assert found.speaker in ("other:Tim Berg", "other:Eva Kurz")


def test_a_konjunktiv_speech_verb_without_content_reports_its_sentence(extract: Extract) -> None:
    text = "Eva Kurz sprach über die Autobauer. Sie empfehle den Kauf von Elektroautos."
    found = by_text(extract(text), "Elektroautos")
    assert found.speaker == "other:Eva Kurz"


def test_an_adverb_damit_opens_a_report_a_final_damit_does_not(extract: Extract) -> None:
    said = by_text(
        extract("Der General Paul Roth erklärte, damit solle ein Chaos vermieden werden."),
        "Chaos",
    )
    assert said.text == "damit solle ein Chaos vermieden werden"
    assert extract("Der General Paul Roth handelte schnell, damit es keine Toten gebe.") == []


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Ohrenzeugen berichteten von einem lauten Knall.", "Knall"),
        ("Am Abend sprachen Augenzeugen von Schüssen.", "Schüssen"),
        ("Die Studenten gingen auf die Straße. Sie forderten mehr Freiheit.", "Freiheit"),
        ("Seit Jahren fordert die Regierung die Rückgabe der Bilder.", "Rückgabe"),
        ("Als Grund nannte der Minister Paul Roth die hohen Kosten.", "Kosten"),
        ("Die Ministerin kündigte neue Kontrollen an.", "neue Kontrollen"),
        ("Beobachter werten das Ergebnis als Niederlage für die Regierung.", "Niederlage"),
        (
            "Die Staatsanwaltschaft gab am Dienstag die Einstellung des Verfahrens bekannt.",
            "Einstellung",
        ),
    ],
)
def test_speech_acts_of_described_speakers_are_reported(
    extract: Extract, text: str, fragment: str
) -> None:
    found = by_text(extract(text), fragment)
    assert found.kind == "reported"
    assert found.speaker_span is not None


@pytest.mark.parametrize(
    "text",
    [
        "Das Hochwasser hat mehrere Todesopfer gefordert.",
        "Der Sturm kündigte sich schon am Morgen an.",
        "Die Firma gab im Sommer ihr Werk in Bremen auf.",
        "Der Minister Paul Roth sprach am Montag. Er nannte keine Zahlen.",
        "Die Flut traf das Dorf schwer. Sie forderte zwanzig Todesopfer.",
        "Seit die Regierung die Rückgabe fordert, wird verhandelt.",
    ],
)
def test_no_speech_act(extract: Extract, text: str) -> None:
    assert [s.kind for s in extract(text) if "Zahlen" in s.text or s.kind == "reported"] == []


def test_hearsay_with_sollen_is_free_indirect(extract: Extract) -> None:
    text = (
        "Die Ermittler haben einen Verdächtigen festgenommen. Ein zweiter Mann soll ihm bei "
        "der Flucht geholfen haben."
    )
    found = by_text(extract(text), "zweiter Mann")
    assert (found.kind, found.hearsay) == ("free_indirect", True)


def test_sollen_goes_on_with_the_report_before_it(extract: Extract) -> None:
    text = (
        "Der Minister Paul Roth kündigte ein Hilfspaket an. Auch sollen die Steuern sinken. "
        "Zudem soll es mehr Geld für Schulen geben."
    )
    found = extract(text)
    assert by_text(found, "Steuern").speaker == "other:Paul Roth"
    assert by_text(found, "Schulen").hearsay


@pytest.mark.parametrize(
    "text",
    [
        "Die Brücke soll im Jahr 2030 fertig sein.",  # a plan the writer states
        "Der Verein hat einen neuen Trainer. Wer soll das bezahlen?",
    ],
)
def test_plans_and_questions_with_sollen_are_no_hearsay(extract: Extract, text: str) -> None:
    assert [s for s in extract(text) if s.hearsay] == []


def test_a_clause_that_opens_with_a_quote_is_a_report(extract: Extract) -> None:
    found = by_text(extract("Der Trainer Jan Ott sagte, „Ausreden“ werde es nicht geben."), "geben")
    assert (found.kind, found.text) == ("indirect", "„Ausreden“ werde es nicht geben")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Eine Beteiligung an dem Angriff wurde von Lukaschenko am Montag bestritten.",
            "Eine Beteiligung an dem Angriff",
            "lukashenko",
        ),
        (
            "Die Berichte wurden vom Verteidigungsministerium in Minsk zurückgewiesen.",
            "Die Berichte",
            "other:Verteidigungsministerium",
        ),
    ],
)
def test_a_passive_speech_act_is_its_agents(
    extract: Extract, text: str, content: str, speaker: str
) -> None:
    found = by_text(extract(text), content)
    assert (found.kind, found.text, found.speaker) == ("reported", content, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "Dem Fahrer wird von der Staatsanwaltschaft fahrlässige Tötung vorgeworfen.",
        "Am Montag wurde die Brücke von der Polizei gesperrt.",
        "Der Plan wurde von der Opposition scharf kritisiert.",
        "Die Vorwürfe wurden von ihm zurückgewiesen.",  # a pronoun agent: no crash, no source
    ],
)
def test_no_passive_speech_act(extract: Extract, text: str) -> None:
    assert [s for s in extract(text) if s.kind == "reported"] == []
