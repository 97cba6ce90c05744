"""Second round of extractor behaviour: noun-phrase objects, partial quotes inside reports,
headline speakers, pronouns after quotes, definite descriptions, unnamed groups, free indirect
speech. All texts are written for these tests."""

from __future__ import annotations

from claims.models import Statement


def by_text(statements: list[Statement], fragment: str, kind: str | None = None) -> Statement:
    matches = [s for s in statements if fragment in s.text and kind in (None, s.kind)]
    assert matches, f"no statement contains {fragment!r}: {[s.text for s in statements]}"
    return min(matches, key=lambda s: len(s.text))


def test_object_after_a_verb_in_second_position(extract) -> None:
    st = by_text(
        extract("Innenminister Karl Bauer bestritt Waffenlieferungen an das Nachbarland."),
        "Waffenlieferungen",
    )
    assert st.text == "Waffenlieferungen an das Nachbarland"
    assert (st.kind, st.speaker) == ("indirect", "other:Karl Bauer")


def test_object_before_a_clause_final_participle(extract) -> None:
    statements = extract(
        "Lukaschenko hat am Rande des Gipfels alle Berichte über Truppenbewegungen als Lüge "
        "abgetan."
    )
    st = by_text(statements, "Berichte")
    assert st.text == "alle Berichte über Truppenbewegungen als Lüge"
    assert st.speaker == "lukashenko"


def test_subject_after_the_auxiliary_is_not_part_of_the_object(extract) -> None:
    st = by_text(
        extract(
            "Nach dem Spiel hat Trainer Jonas Keller seiner Elf fehlenden Einsatz vorgeworfen."
        ),
        "Einsatz",
    )
    assert st.text == "seiner Elf fehlenden Einsatz"
    assert st.speaker == "other:Jonas Keller"


def test_fronted_accusative_object(extract) -> None:
    statements = extract("Die Trainerin Anna Roth bleibt. Einen Rücktritt schloss sie aus.")
    st = by_text(statements, "Rücktritt")
    assert (st.text, st.speaker) == ("Einen Rücktritt", "other:Anna Roth")


def test_objects_without_a_speaker_are_not_statements(extract) -> None:
    assert extract("Überschwemmungen haben im Süden mehr als 100 Todesopfer gefordert.") == []
    assert extract("Die drei Manager wurden am Freitag zu Bewährungsstrafen verurteilt.") == []
    assert extract("Details dazu konnten von der Polizei nicht bestätigt werden.") == []


def test_short_quote_inside_a_report_is_also_a_partial_quote(extract) -> None:
    statements = extract("Putin sagte, die Sanktionen des Westens seien „völlig wirkungslos“.")
    report = by_text(statements, "Sanktionen", "indirect")
    quote = by_text(statements, "völlig wirkungslos", "direct")
    assert report.speaker == quote.speaker == "putin"
    assert quote.text == "völlig wirkungslos"


def test_report_before_its_cue_may_hold_a_partial_quote(extract) -> None:
    statements = extract("Aleinik wies das zurück. Es handle sich um „reine Propaganda“, sagte er.")
    report = by_text(statements, "Es handle sich", "indirect")
    assert report.speaker == "aleinik"
    assert by_text(statements, "reine Propaganda", "direct").speaker == "aleinik"


def test_headline_quote_takes_the_speaker_of_the_body_quote_it_repeats(extract) -> None:
    text = (
        "»Wir schicken keine Soldaten«\n\n"
        "Minsk – Der belarussische Präsident hat am Montag erneut betont, dass sein Land sich "
        "aus dem Krieg heraushalten wolle. Die Opposition zweifelt daran.\n\n"
        "»Wir schicken keine Soldaten in dieses Land, niemals«, sagte Lukaschenko in Minsk.\n"
    )
    statements = extract(text)
    assert statements[0].text == "Wir schicken keine Soldaten"
    assert statements[0].speaker == "lukashenko"


def test_headline_report_takes_the_speaker_of_the_same_speech_verb(extract) -> None:
    text = (
        "Minister weist Vorwürfe zurück\n\n"
        "Berlin – Verteidigungsminister Karl Bauer hat am Dienstag alle Vorwürfe der "
        "Opposition zurückgewiesen. Die Beschaffung sei korrekt verlaufen, hieß es.\n"
    )
    head = extract(text)[0]
    assert head.text == "Vorwürfe" and head.speaker == "other:Karl Bauer"


def test_headline_without_a_match_takes_the_lead_speaker(extract) -> None:
    text = (
        'Nachbar lehnt ab: "Kann mir keinen Krieg vorstellen"\n\n'
        "In einem Interview erklärte Außenministerin Maria Novak, dass ihr Land sich an keinem "
        "militärischen Konflikt in der Region beteiligen werde.\n"
    )
    assert extract(text)[0].speaker == "other:Maria Novak"


def test_pronoun_after_a_quote_continues_the_last_speaker(extract) -> None:
    text = (
        "Über seine Beziehung zu Putin sagte Lukaschenko: „Wir streiten manchmal.“\n"
        "Putin gilt als wichtigster Verbündeter des Regimes in Minsk.\n"
        "„Aber niemand steht sich so nah wie wir beide“, sagte er.\n"
    )
    assert by_text(extract(text), "niemand steht").speaker == "lukashenko"


def test_definite_description_refers_to_the_last_named_person(extract) -> None:
    text = (
        "Die Außenministerin Maria Novak kam am Montag nach Wien. „Wir suchen das Gespräch“, "
        "sagte die Ministerin. Der Trainer Jonas Keller lobte die Elf. „Das war stark“, sagte "
        "der 47-Jährige."
    )
    statements = extract(text)
    assert by_text(statements, "Gespräch").speaker == "other:Maria Novak"
    assert by_text(statements, "stark").speaker == "other:Jonas Keller"


def test_common_nouns_are_not_bare_names(extract) -> None:
    statements = extract("Ministerin bestreitet Munitionslieferungen an Kiew")
    assert all(s.speaker is None for s in statements)


def test_unnamed_groups_are_not_speakers_but_institutions_are(extract) -> None:
    assert all(
        s.speaker is None for s in extract("Analysten zufolge wird der Rubel weiter fallen.")
    )
    st = extract(
        "Nach Angaben des britischen Verteidigungsministeriums sind die Truppen abgezogen."
    )
    assert st[0].speaker is not None and st[0].speaker.endswith("Verteidigungsministeriums")


def test_konjunktiv_sentence_with_a_short_quote_continues_a_report(extract) -> None:
    statements = extract(
        "Trainer Jonas Keller räumte ein, selbst Fehler gemacht zu haben. "
        "Die Wechsel seien „zu spät“ gekommen."
    )
    st = by_text(statements, "Wechsel", "indirect")
    assert st.speaker == "other:Jonas Keller"
    assert by_text(statements, "zu spät", "direct").speaker == "other:Jonas Keller"


def test_quote_before_a_colon_in_a_headline(extract) -> None:
    text = (
        '"Kein einziger Soldat": Minister weist Vorwürfe zurück\n\n'
        "Minsk – Verteidigungsminister Karl Bauer hat am Montag alle Vorwürfe zurückgewiesen. "
        '"Kein einziger Soldat hat die Grenze überquert", sagte Bauer.\n'
    )
    head = extract(text)[0]
    assert (head.text, head.kind, head.speaker) == (
        "Kein einziger Soldat",
        "direct",
        "other:Karl Bauer",
    )


def test_quoted_subheading_takes_the_speaker_of_the_statement_it_repeats(extract) -> None:
    text = (
        "Die Beziehungen zwischen beiden Ländern waren lange eng und wurden oft gelobt.\n\n"
        "'GUTER NACHBAR'\n\n"
        "Lukaschenko nannte Polen einst einen „guten Nachbarn“, kritisierte später aber die "
        "Regierung in Warschau.\n"
    )
    st = by_text(extract(text), "GUTER NACHBAR")
    assert (st.kind, st.speaker) == ("direct", "lukashenko")


def test_titles_of_works_are_not_statements(extract) -> None:
    text = "Sein Buch „Die Zeit ist reif“ erschien 2020. Es lief unter dem Titel „Neue Wege“."
    assert extract(text) == []


def test_indicative_clause_before_a_cue_needs_a_named_speaker(extract) -> None:
    named = extract("Die Vorräte gehen zur Neige, berichtet das Magazin Foreign Policy.")
    assert by_text(named, "Vorräte").speaker == "other:Foreign Policy"
    assert extract("Die Vorräte gehen zur Neige, sagen manche.") == []


def test_source_markers_with_compound_nouns(extract) -> None:
    st = extract("Nach Polizeiangaben waren es rund 1000 Menschen.")[0]
    assert (st.text, st.speaker) == ("waren es rund 1000 Menschen", "other:Polizei")
    st = extract("Medienberichten zufolge ist der Minister zurückgetreten.")[0]
    assert st.kind == "indirect" and "zurückgetreten" in st.text


def test_spokesperson_speaks_for_the_institution(extract) -> None:
    statements = extract(
        "„Wir prüfen den Vorfall genau“, sagte ein Sprecher des Verteidigungsministeriums."
    )
    assert statements[0].speaker == "other:Verteidigungsministeriums"


def test_genitive_name_before_a_title_is_not_the_subject(extract) -> None:
    text = (
        "Putins Sprecher Dmitri Peskow nannte den Bericht „völlig haltlos“. "
        "Lukaschenkos Berater Pavel Novak hat dagegen selbst die Bildung einer Truppe verkündet."
    )
    statements = extract(text)
    assert by_text(statements, "völlig haltlos").speaker == "other:Dmitri Peskow"
    assert by_text(statements, "Bildung").speaker == "other:Pavel Novak"


def test_unknown_first_names_before_a_surname(extract) -> None:
    statements = extract(
        "Der Vorsitzende der Kommission, Bambang Suryo Aji, sagte, die Suche gehe weiter."
    )
    assert by_text(statements, "Suche").speaker == "other:Bambang Suryo Aji"


def test_konjunktiv_ii_does_not_continue_a_report_into_a_new_paragraph(extract) -> None:
    text = (
        "Putin sagte, die Lage sei stabil.\n\n"
        "Beobachter äußerten ihre Sorge, dass der Konflikt eskalieren könnte.\n"
    )
    assert [s.text for s in extract(text)] == ["die Lage sei stabil"]


def test_named_bodies_and_sentence_subjects_of_speech_nouns(extract) -> None:
    st = extract("Wie die Hoover Institution am Montag mitteilte, ist der Plan gescheitert.")
    assert st[0].speaker == "other:Hoover Institution"
    st = extract("Die BVG begegnet der Kritik mit dem Argument, die Züge seien meist unterirdisch.")
    assert st[0].speaker == "other:BVG"


def test_subject_before_an_apposition_and_not_the_object_after_the_verb(extract) -> None:
    statements = extract(
        "Der frühere Bürgermeister, Henning Scherf (SPD), warnte die CDU vor einem "
        "„gefährlichen Wahlkampf“. Die Botschaft in Riad teilte dem Sender CNN mit, dass "
        "niemand verletzt sei."
    )
    assert by_text(statements, "gefährlichen Wahlkampf").speaker == "other:Henning Scherf"
    assert by_text(statements, "niemand verletzt").speaker == "other:Botschaft"


def test_a_cue_after_a_quote_has_no_second_content(extract) -> None:
    statements = extract("„Wir müssen reden“, sagte Bill Graham, Parteichef der Liberalen.")
    assert [s.text for s in statements] == ["Wir müssen reden"]
    assert statements[0].speaker == "other:Bill Graham"


def test_demonstrative_object_gives_no_object_statement(extract) -> None:
    statements = extract(
        "Die Partei schließt eine Koalition aus. "
        "Dies bestätigte der Vorsitzende Karl Bauer am Abend."
    )
    assert all("Abend" not in s.text for s in statements)
