"""Round 9 rules: who speaks when the subject is no speaker or a source stands elsewhere —
passives without agent, ``so X`` after a passive, documents as sources, ``Wie X erklärte``,
quoted and abbreviated names, the person ``zitieren`` quotes, reflexive cues, brackets and
colons (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from claims.models import Statement

Extract = Callable[[str], list[Statement]]


def by_text(statements: list[Statement], fragment: str) -> Statement:
    found = [s for s in statements if fragment in s.text]
    assert found, f"no statement with {fragment!r} in {[s.text for s in statements]}"
    return found[0]


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


def test_abbreviation_in_quotes_after_kurz_is_a_name(extract: Extract) -> None:
    statements = extract(
        "Im März verkündete der Verband der Imker, kurz „VDI“, dann offiziell, dass man "
        "klagen werde."
    )
    assert [s.text for s in statements] == ["man klagen werde"]


def test_subject_of_a_passive_speech_verb_is_not_the_speaker(extract: Extract) -> None:
    statements = extract(
        "Bürgermeister Tom Berger wurde aufgefordert, die Schule wieder zu öffnen."
    )
    assert by_text(statements, "Schule").speaker is None


def test_so_x_after_a_passive_names_the_speaker(extract: Extract) -> None:
    statements = extract(
        "Die Stadt wird inzwischen aufgefordert, die Schule wieder zu öffnen, so "
        "Elternsprecherin Maria Brandt im Lokalradio."
    )
    assert by_text(statements, "Schule").speaker == "other:Maria Brandt"


def test_document_of_a_body_is_the_source_of_a_passive(extract: Extract) -> None:
    statements = extract(
        "In einem Bericht der Nordsee-Zeitung wurde vermutet, dass der Hafen verkauft wird."
    )
    assert by_text(statements, "Hafen").speaker == "other:Nordsee-Zeitung"


def test_wie_clause_speaker_owns_quote_and_continuation(extract: Extract) -> None:
    statements = extract(
        "Wie Finanzministerin Laura Stein am Montag erklärte, sieht die Regierung in der Reform "
        "„einen großen Fortschritt für alle“. Die Kosten seien gering."
    )
    assert by_text(statements, "großen Fortschritt").speaker == "other:Laura Stein"
    assert by_text(statements, "Kosten seien").speaker == "other:Laura Stein"


def test_heisst_es_on_the_website_of_a_named_body(extract: Extract) -> None:
    statements = extract(
        "Ausgezeichnet werden Menschen, „die sich in besonderer Weise um die Freiheit der Presse "
        "verdient gemacht haben“, heißt es auf der Webseite der Stiftung Morgenrot."
    )
    assert by_text(statements, "Freiheit der Presse").speaker == "other:Stiftung Morgenrot"


def test_quote_in_brackets_after_a_name(extract: Extract) -> None:
    statements = extract(
        "Viele gratulierten, darunter die Präsidentin der Akademie, Helga Sommer („Niemand hat "
        "das mehr verdient.“), und der Bürgermeister Jan Petersen: „Ein großer Tag für die Stadt.“"
    )
    assert by_text(statements, "Niemand hat").speaker == "other:Helga Sommer"
    assert by_text(statements, "großer Tag").speaker == "other:Jan Petersen"


def test_relative_clause_after_a_speech_noun_is_no_content(extract: Extract) -> None:
    statements = extract(
        "Die Funde seien ein klarer Hinweis, auf den die Behörden nicht reagiert hätten."
    )
    assert all(not s.text.startswith("auf den") for s in statements)


def test_zeigte_sich_reports_with_sich_only(extract: Extract) -> None:
    statements = extract(
        "„Wir haben jetzt alles in der eigenen Hand“, zeigte sich Trainer Paul Weber nach dem "
        "Spiel zufrieden. Die Umfrage zeigt, dass die Mehrheit dagegen ist."
    )
    assert by_text(statements, "eigenen Hand").speaker == "other:Paul Weber"
    assert all("Mehrheit" not in s.text for s in statements)


def test_passive_zitiert_after_a_quote_names_its_subject(extract: Extract) -> None:
    statements = extract(
        "„Wir werden das Werk nicht schließen“, wird Vorstandschef Karl Brenner, seit 2019 im "
        "Amt, in der Zeitung zitiert."
    )
    assert by_text(statements, "Werk").speaker == "other:Karl Brenner"


def test_active_zitiert_quotes_its_object_not_the_medium(extract: Extract) -> None:
    statements = extract(
        "Die Firma plant ein neues Werk. „Das wird unser größtes Projekt“, zitiert die "
        "„Rheinpost“ Firmenchefin Eva Lindner in ihrer Ausgabe vom Montag."
    )
    assert by_text(statements, "größtes Projekt").speaker == "other:Eva Lindner"
