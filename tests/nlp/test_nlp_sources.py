"""Sources named by markers (``laut``, ``nach Angaben``, ``zufolge``, ``heißt es``,
``für X``): which ``nach`` phrases are markers, who the source is (documents, places, quoted
names, people in an apposition) and what is no source (unnamed groups). All texts are written
for these tests."""

from __future__ import annotations

import pytest
from nlp_helpers import (
    Extract,
    by_text,
)

from claims.nlp.speakers.sources import names_source


@pytest.mark.parametrize(
    ("text", "is_marker"),
    [
        ("Nach Ermittlungen der Polizei war der Fahrer betrunken.", True),
        ("Nach Angaben der Feuerwehr brannte das Dach.", True),
        ("Nach umfangreichen Ermittlungen, die Jahre dauerten, kam es zum Prozess.", False),
        ("Der Zug fährt 300, nach anderen Angaben 320 Kilometer pro Stunde.", False),
        ("Nach der Veröffentlichung kam es zu Protesten.", False),
        ("Nach einer Umfrage des Senders sind viele Wähler unentschlossen.", True),
        ("Nach einer Studie der Universität Kiel schlafen Jugendliche zu wenig.", True),
        ("Nach der Analyse ging das Team zum Essen.", False),
        ("Laut dieser Studie schlafen Jugendliche zu wenig.", True),
    ],
)
def test_nach_markers_name_a_source(extractor, text: str, is_marker: bool) -> None:  # type: ignore[no-untyped-def]
    doc = extractor.nlp(text)
    markers = [c for c in doc.spans["cues"] if c._.cue_type == "marker"]
    assert bool(markers) is is_marker


def test_source_markers_with_compound_nouns(extract) -> None:
    st = extract("Nach Polizeiangaben waren es rund 1000 Menschen.")[0]
    assert (st.text, st.speaker) == ("waren es rund 1000 Menschen", "other:Polizei")
    st = extract("Medienberichten zufolge ist der Minister zurückgetreten.")[0]
    assert st.kind == "indirect" and "zurückgetreten" in st.text


def test_sources_of_markers_with_documents_places_and_quoted_names(extract: Extract) -> None:
    statements = extract(
        "Laut einem Artikel der „Kieler Rundschau“ hat der Bürgermeister gestern einen Brief "
        "geschrieben. Den Behörden in Hamburg zufolge wurden Chemikalien gefunden. "
        "Nach Angaben aus Moskau wurden zwölf Soldaten getötet. "
        "Das Gesetz sei gut, so der Vorsitzende der Partei, Bakary Sanogo."
    )
    brief = by_text(statements, "einen Brief")
    assert brief.speaker == "other:Kieler Rundschau"
    assert "Rundschau" not in brief.text  # the source is not part of the content
    assert by_text(statements, "Chemikalien").speaker == "other:Behörden in Hamburg"
    assert by_text(statements, "zwölf Soldaten").speaker == "other:Moskau"
    assert by_text(statements, "Das Gesetz sei gut").speaker == "other:Bakary Sanogo"


def test_unnamed_groups_are_not_speakers_but_institutions_are(extract) -> None:
    assert all(
        s.speaker is None for s in extract("Analysten zufolge wird der Rubel weiter fallen.")
    )
    st = extract(
        "Nach Angaben des britischen Verteidigungsministeriums sind die Truppen abgezogen."
    )
    assert st[0].speaker is not None and st[0].speaker.endswith("Verteidigungsministeriums")


def test_unnamed_groups_and_quoted_source_names_are_no_speakers(extract: Extract) -> None:
    statements = extract(
        "Laut Experten wurden drei Häuser zerstört. Die Lage ist laut „Morgenblatt“ ernst."
    )
    assert all(s.speaker is None for s in statements if "drei Häuser" in s.text)
    assert not any(s.text == "Morgenblatt" for s in statements)
    text = "Er ist laut „Morgenblatt“ ernst und nannte es „absurd“."
    assert names_source(text, text.index("Morgenblatt"), text.index("“ ernst"))
    assert not names_source(text, text.index("absurd"), text.index("“."))


def test_marker_description_with_apposition_names_the_person(extract: Extract) -> None:
    statements = extract(
        "Nach Angaben des Direktors der Fluggesellschaft, Peter Maus, sei der Zustand des "
        "Flugzeugs gut gewesen."
    )
    report = by_text(statements, "Zustand des Flugzeugs")
    assert report.speaker == "other:Peter Maus"
    assert not report.text.startswith("Peter Maus")


def test_quote_in_a_sentence_opened_by_a_marker_takes_its_source(extract: Extract) -> None:
    statements = extract(
        "Die Partei hatte Aufklärung gefordert. Nach Auffassung des SPD-Fraktionsvorsitzenden "
        "Peter Stark sei es „völlig untragbar, dass unsere Kinder warten müssen“."
    )
    assert by_text(statements, "Kinder warten").speaker == "other:Peter Stark"


def test_impersonal_heisst_es_takes_the_source_of_its_place_phrase(extract: Extract) -> None:
    statements = extract(
        "„Alle Spuren deuten auf Brandstiftung hin“, hieß es vom Abgeordneten des Stadtrates "
        "Viktor Orlow. Die Reporter seien abgedrängt worden, hieß es bei Radio Nord."
    )
    assert by_text(statements, "Alle Spuren").speaker == "other:Viktor Orlow"
    assert by_text(statements, "Reporter seien").speaker == "other:Radio Nord"


def test_heisst_es_source_overrides_a_carried_over_speaker(extract: Extract) -> None:
    statements = extract(
        "Der Süden fordert den Rückzug der Truppen, sagte Peter Lang. Aus Paris hieß es, das "
        "Vorgehen sei eine schwere Verletzung des Abkommens."
    )
    assert by_text(statements, "schwere Verletzung").speaker == "other:Paris"


def test_opinion_after_fuer_belongs_to_the_person_named(extract: Extract) -> None:
    statements = extract(
        "Die Kanzlerin lobte den Schritt. Für den Theologen Hans Kühn sei der Rücktritt „aus "
        "vielen Gründen verständlich“."
    )
    assert by_text(statements, "vielen Gründen").speaker == "other:Hans Kühn"


def test_short_quote_after_fuer_is_the_opinion_of_the_person(extract_words: Extract) -> None:
    statements = extract_words("Für den Theologen Hans Kühn ist der Rücktritt „verständlich“.")
    assert by_text(statements, "verständlich").speaker == "other:Hans Kühn"


def test_document_of_a_body_is_the_source_of_a_passive(extract: Extract) -> None:
    statements = extract(
        "In einem Bericht der Nordsee-Zeitung wurde vermutet, dass der Hafen verkauft wird."
    )
    assert by_text(statements, "Hafen").speaker == "other:Nordsee-Zeitung"


def test_heisst_es_on_the_website_of_a_named_body(extract: Extract) -> None:
    statements = extract(
        "Gefördert werden Vereine, „die sich seit Jahren für den Schutz alter Wälder eingesetzt "
        "haben“, heißt es auf der Webseite der Stiftung Eichenhain."
    )
    assert by_text(statements, "alter Wälder").speaker == "other:Stiftung Eichenhain"


def test_wie_clause_speaker_owns_quote_and_continuation(extract: Extract) -> None:
    statements = extract(
        "Wie Finanzministerin Laura Stein am Montag erklärte, sieht die Regierung in der Reform "
        "„einen großen Fortschritt für alle“. Die Kosten seien gering."
    )
    assert by_text(statements, "großen Fortschritt").speaker == "other:Laura Stein"
    assert by_text(statements, "Kosten seien").speaker == "other:Laura Stein"


def test_so_x_reports_only_what_follows_the_colon(extract: Extract) -> None:
    statements = extract(
        "Der Verteidiger hatte betont, sein Mandant sei unschuldig, doch die Richterin blieb "
        "hart: Eine milde Strafe sei nicht zu vermitteln, so Richterin Ute Kramer."
    )
    assert by_text(statements, "milde Strafe").speaker == "other:Ute Kramer"
    assert by_text(statements, "unschuldig").text == "sein Mandant sei unschuldig"


def test_marker_source_after_an_extended_attribute(extract: Extract) -> None:
    statements = extract(
        "Laut einer am Dienstag veröffentlichten Mitteilung des Hilfswerks WFP wurden "
        "zunächst 2.000 Menschen versorgt."
    )
    found = by_text(statements, "versorgt")
    assert found.speaker is not None and "WFP" in found.speaker
    assert found.text == "wurden zunächst 2.000 Menschen versorgt"


def test_genitive_source_stops_before_the_clause(extract: Extract) -> None:
    statements = extract(
        "Nach Angaben des ukrainischen Generalstabs hat Belarus seit dem Herbst Panzer geliefert."
    )
    assert by_text(statements, "Panzer").text.startswith("hat Belarus")


def test_lower_case_agency_is_a_source(extract: Extract) -> None:
    statements = extract("Laut dpa wurden drei Menschen verletzt.")
    assert by_text(statements, "verletzt").speaker == "other:dpa"


def test_agencies_joined_by_und_stay_in_the_source(extract: Extract) -> None:
    statements = extract(
        "Nach Angaben der Agenturen dpa und AFP umstellten Polizisten das Lager am Hafen."
    )
    found = by_text(statements, "Lager")
    assert found.text.startswith("umstellten")
    assert found.speaker is not None and "AFP" in found.speaker


def test_heisst_es_takes_no_source_from_inside_the_quote(extract: Extract) -> None:
    statements = extract(
        "„Reformen in einem kleinen Parlament durchzusetzen, heißt zusammenzuarbeiten“, hieß es "
        "in der Rede. „Wir bleiben hier in der Stadt“, hieß es bei Radio Nord."
    )
    assert by_text(statements, "kleinen Parlament").speaker is None
    assert by_text(statements, "Wir bleiben").speaker == "other:Radio Nord"


def test_so_x_right_after_a_closing_quote_mark(extract: Extract) -> None:
    statements = extract(
        "Der Verein hat kaum noch Mitglieder. „Anscheinend sind die Fragen einfach zu unbequem.“ "
        "so das Fazit der Macher von Faktenblick."
    )
    assert by_text(statements, "zu unbequem").speaker == "other:Faktenblick"


def test_capitalised_adjectives_belong_to_the_source_name(extract: Extract) -> None:
    statements = extract(
        "Nach Angaben eines Sprechers des Deutschen Roten Kreuzes wurden zwölf Menschen "
        "verletzt. Nach Aussagen des Statistischen Landesamtes sei die Zahl der Geburten "
        "gestiegen."
    )
    assert by_text(statements, "zwölf Menschen").speaker == "other:Deutschen Roten Kreuzes"
    assert by_text(statements, "Geburten").speaker == "other:Statistischen Landesamtes"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Laut „Spiegel“ sei der Vertrag unterschrieben.", "other:Spiegel"),
        ("Laut dem „Kurier“ sei der Vertrag unterschrieben.", "other:Kurier"),
        ("Laut der Bremer Zeitung sei der Vertrag unterschrieben.", "other:Bremer Zeitung"),
        ("Nach Angaben der Kölner Polizei wurde der Mann gefasst.", "other:Kölner Polizei"),
    ],
)
def test_quoted_and_place_named_sources(extract: Extract, text: str, speaker: str) -> None:
    statements = extract(text)
    assert [s.speaker for s in statements] == [speaker]
    assert not statements[0].text.startswith(("Laut", "Nach"))


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Die Lage sei, so Haas, sehr ernst.", "Die Lage sei, so Haas, sehr ernst", "other:Haas"),
        (
            "Die Lage sei ernst, so der Sprecher der Feuerwehr, Gerd Lanz.",
            "Die Lage sei ernst",
            "other:Gerd Lanz",
        ),
        ("Die Lage sei ernst, so der WHO-Bericht.", "Die Lage sei ernst", "other:WHO"),
    ],
)
def test_so_marker_inside_and_after_a_report(
    extract: Extract, text: str, content: str, speaker: str
) -> None:
    statements = extract(text)
    assert [(s.text, s.speaker) for s in statements] == [(content, speaker)]


def test_so_x_weiter_before_a_colon_leaves_the_quote_to_its_cue(extract: Extract) -> None:
    statements = extract(
        "Das habe Methode, so Gerd Lanz weiter: „Das ist üblich, dass niemand etwas weiß.“"
    )
    assert by_text(statements, "niemand etwas weiß").speaker == "other:Gerd Lanz"


def test_the_railway_is_a_source(extract: Extract) -> None:
    statements = extract("Nach Angaben der Bahn sollen am Donnerstag nur wenige Fernzüge fahren.")
    assert by_text(statements, "nur wenige Fernzüge").speaker == "other:Bahn"


def test_demnach_opens_a_report_of_the_source_before(extract: Extract) -> None:
    statements = extract(
        "Das Institut legte am Montag eine neue Studie vor. Demnach schlafen Jugendliche zu wenig."
    )
    st = by_text(statements, "schlafen")
    assert (st.text, st.kind) == ("schlafen Jugendliche zu wenig", "indirect")


def test_demnach_in_konjunktiv_continues_the_report(extract: Extract) -> None:
    statements = extract(
        "Die Ministerin Eva Roth sagte, die Schulen seien gut ausgestattet. "
        "Demnach gebe es genug Lehrer."
    )
    st = by_text(statements, "genug Lehrer")
    assert (st.kind, st.speaker) == ("free_indirect", "other:Eva Roth")
