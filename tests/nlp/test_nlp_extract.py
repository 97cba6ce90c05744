"""End-to-end behaviour of the extractor on small news-style texts written for these tests."""

from __future__ import annotations

import datetime as dt

from claims.models import Statement


def by_text(statements: list[Statement], fragment: str) -> Statement:
    matches = [s for s in statements if fragment in s.text]
    assert matches, f"no statement contains {fragment!r}: {[s.text for s in statements]}"
    return matches[0]


def test_direct_quote_with_cue_after(extract) -> None:
    text = "„Wir werden keine Soldaten in die Ukraine schicken“, sagte Lukaschenko am Montag."
    (st,) = extract(text)
    assert st.kind == "direct"
    assert st.text == "Wir werden keine Soldaten in die Ukraine schicken"
    assert st.speaker == "lukashenko" and st.cue == "sagte"


def test_direct_quote_with_cue_before_and_colon(extract) -> None:
    text = "Der Kreml-Chef erklärte am Abend: „Russland ist zu Gesprächen bereit.“"
    (st,) = extract(text)
    assert (st.kind, st.speaker, st.speaker_mention) == ("direct", "putin", "Der Kreml-Chef")


def test_interrupted_quote_gives_two_statements_of_one_speaker(extract) -> None:
    text = "„Die Lage ist ernst“, sagte Putin. „Aber wir haben alles unter Kontrolle.“"
    first, second = extract(text)
    assert first.text == "Die Lage ist ernst" and second.text.startswith("Aber wir haben")
    assert first.speaker == second.speaker == "putin"


def test_scare_quotes_are_not_statements(extract) -> None:
    text = (
        "Die Regierung nennt das Manöver eine Übung. Beobachter sprechen vom „Aufmarsch“ im Norden."
    )
    assert [s for s in extract(text) if s.kind == "direct"] == []
    assert extract("Das Projekt „Freundschaft“ wurde 2019 beschlossen.") == []


def test_short_quote_attributed_by_a_cue_is_a_partial_quote(extract) -> None:
    statements = extract("Lukaschenko nannte den Westen einen „gefährlichen Nachbarn“.")
    st = by_text(statements, "gefährlichen Nachbarn")
    assert (st.kind, st.speaker) == ("direct", "lukashenko")


def test_indirect_dass_clause_excludes_cue_and_conjunction(extract) -> None:
    statements = extract("Putin betonte, dass Russland keine Angriffspläne habe.")
    st = by_text(statements, "Russland")
    assert st.text == "Russland keine Angriffspläne habe"
    assert (st.kind, st.speaker, st.cue) == ("indirect", "putin", "betonte")


def test_verb_second_konjunktiv_clause(extract) -> None:
    st = by_text(
        extract("Lukaschenko erklärte, Belarus werde sich nicht am Krieg beteiligen."), "Belarus"
    )
    assert st.text == "Belarus werde sich nicht am Krieg beteiligen"
    assert st.speaker == "lukashenko"


def test_separable_verbs_with_particles(extract) -> None:
    statements = extract(
        "Aleinik räumte ein, dass die Gespräche ins Stocken geraten seien. "
        "Der Minister wies zudem darauf hin, dass Minsk neutral bleiben wolle."
    )
    first = by_text(statements, "Gespräche")
    assert (first.cue, first.speaker) == ("räumte ein", "aleinik")
    assert by_text(statements, "neutral").text == "Minsk neutral bleiben wolle"


def test_object_of_a_speech_verb(extract) -> None:
    st = by_text(
        extract("Der belarussische Präsident schloss einen Einsatz seiner Armee aus."), "Einsatz"
    )
    assert st.text == "einen Einsatz seiner Armee"
    assert st.speaker == "lukashenko"


def test_source_markers(extract) -> None:
    laut = extract("Laut Putin sind die Sanktionen wirkungslos.")[0]
    assert laut.text == "sind die Sanktionen wirkungslos" and laut.speaker == "putin"
    zufolge = extract("Die Verhandlungen sind Lukaschenko zufolge gescheitert.")[0]
    assert zufolge.speaker == "lukashenko" and zufolge.kind == "indirect"
    nach = extract("Nach Angaben von Aleinik gibt es keine russischen Truppen im Land.")[0]
    assert nach.text == "gibt es keine russischen Truppen im Land" and nach.speaker == "aleinik"


def test_role_resolves_by_article_date(extract) -> None:
    text = "Der belarussische Außenminister sagte, Minsk sei zu Gesprächen bereit."
    before = extract(text, dt.date(2021, 5, 1))[0]
    after = extract(text, dt.date(2023, 5, 1))[0]
    assert before.speaker == "makei"
    assert after.speaker == "aleinik"
    assert extract(text, None)[0].speaker is None  # two holders and no date: never a guess


def test_inflected_roles_and_epithets(extract) -> None:
    statements = extract(
        "Das sagte ein Sprecher des weißrussischen Präsidenten. "
        "Belarus-Machthaber Lukaschenko sagte, er sei zufrieden.\n"
        "Der Kreml-Chef betonte, Russland sei stark."
    )
    assert by_text(statements, "zufrieden").speaker == "lukashenko"
    assert by_text(statements, "stark").speaker == "putin"


def test_pronoun_resolves_to_the_latest_subject(extract) -> None:
    statements = extract(
        "Lukaschenko traf Putin am Freitag in Sotschi.\n"
        "Er sagte: „Unsere Beziehungen sind so gut wie nie.“"
    )
    assert by_text(statements, "Beziehungen").speaker == "lukashenko"


def test_other_speakers_use_the_fullest_name(extract) -> None:
    statements = extract(
        "Kremlsprecher Dmitri Peskow äußerte sich am Morgen.\n"
        "„Wir haben dazu nichts zu sagen“, sagte Peskow.\n"
        "Markus Weber, Sprecher des Auswärtigen Amts, erklärte, man beobachte die Lage genau."
    )
    assert by_text(statements, "nichts zu sagen").speaker == "other:Dmitri Peskow"
    assert by_text(statements, "beobachte").speaker == "other:Markus Weber"


def test_unknown_speaker_is_null(extract) -> None:
    (st,) = extract("„Die Preise steigen weiter und niemand tut etwas dagegen“, hieß es.")
    assert st.kind == "direct" and st.speaker is None


def test_continuation_paragraph_keeps_the_speaker(extract) -> None:
    text = (
        "„Wir haben keine Angst“, sagte Lukaschenko. „Wir verteidigen unser Land.\n"
        "„Und wir werden niemanden angreifen.“\n"
    )
    statements = extract(text)
    assert [s.speaker for s in statements] == ["lukashenko"] * 3
    assert statements[1].text == "Wir verteidigen unser Land."


def test_konjunktiv_sentences_continue_a_report(extract) -> None:
    statements = extract(
        "Putin sagte, die Lage sei stabil. Es gebe keinen Grund zur Sorge. "
        "Der Rubel fiel am Nachmittag."
    )
    cont = by_text(statements, "keinen Grund")
    assert (cont.kind, cont.speaker) == ("free_indirect", "putin")
    assert all("Rubel" not in s.text for s in statements)


def test_opinion_of_an_unnamed_group_is_not_a_statement(extract) -> None:
    assert extract("Viele Beobachter befürchten, dass der Konflikt eskalieren könnte.") == []


def test_statements_are_sorted_with_exact_offsets(extract) -> None:
    text = "Titel\n\n»Alles ist gut«, sagte Putin. Lukaschenko sagte, er sei müde."
    statements = extract(text)
    assert [s.start for s in statements] == sorted(s.start for s in statements)
    assert all(text[s.start : s.end] == s.text for s in statements)
    assert all(s.line == 3 for s in statements)


def test_wie_clause_reports_the_rest_of_the_sentence(extract) -> None:
    (st,) = extract("Wie der Kreml am Montag mitteilte, sind die Gespräche abgesagt worden.")
    assert st.text == "sind die Gespräche abgesagt worden"
    assert (st.kind, st.speaker) == ("indirect", "other:Kreml")


def test_bare_surname_and_titled_names_are_speakers(extract) -> None:
    statements = extract(
        "Bundesinnenminister Seehuber sagte, die Lage sei unter Kontrolle.\n"
        "„Wir prüfen alle Optionen“, sagte Brandtner."
    )
    assert by_text(statements, "unter Kontrolle").speaker == "other:Seehuber"
    assert by_text(statements, "Optionen").speaker == "other:Brandtner"


def test_konjunktiv_sentence_after_an_uncued_paragraph(extract) -> None:
    statements = extract(
        "Lukaschenko sprach sich gegen neue Sanktionen aus.\n"
        "Diese würden vor allem der Bevölkerung schaden. Es gebe bessere Wege."
    )
    st = by_text(statements, "bessere Wege")
    assert (st.kind, st.speaker) == ("free_indirect", "lukashenko")


def test_hard_wrapped_paragraph_keeps_cue_and_speaker_together(extract) -> None:
    text = (
        "Minsk – Der Präsident hat am Dienstag alle Vorwürfe zurückgewiesen und sprach von\n"
        "einer Kampagne.\n"
        "\n"
        "„Wir haben mit diesem Krieg nichts zu tun und werden nichts damit zu tun haben“, sagte\n"
        "Lukaschenko vor Journalisten in Minsk. Belarus sei ein friedliches Land, das keine\n"
        "Soldaten schicke.\n"
    )
    statements = extract(text)
    quote = by_text(statements, "nichts zu tun")
    assert (quote.kind, quote.speaker) == ("direct", "lukashenko")
    report = by_text(statements, "friedliches Land")
    assert report.speaker == "lukashenko" and "\n" in report.text  # offsets of the file text
