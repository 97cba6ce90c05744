"""Third round of extractor behaviour: topic person of a quote without a cue, bare names
opening a sentence, passive agents, ``so X, <apposition>``, new speech verbs, quoted names and
titles. All texts are written for these tests."""

from __future__ import annotations

from claims.models import Statement


def by_text(statements: list[Statement], fragment: str, kind: str | None = None) -> Statement:
    matches = [s for s in statements if fragment in s.text and kind in (None, s.kind)]
    assert matches, f"no statement contains {fragment!r}: {[s.text for s in statements]}"
    return min(matches, key=lambda s: len(s.text))


def test_quote_goes_to_the_topic_person_two_sentences_back(extract) -> None:
    statements = extract(
        "Bürgermeisterin Hanna Roth kritisierte am Montag die Pläne der Landesregierung. "
        "Die Stadt habe keine Mittel für neue Schulen. "
        "„Wir werden das nicht hinnehmen, so viel ist sicher.“"
    )
    st = by_text(statements, "hinnehmen", "direct")
    assert st.speaker == "other:Hanna Roth"


def test_no_topic_person_when_two_people_were_subjects(extract) -> None:
    statements = extract(
        "Minister Paul Weber kritisierte am Montag die Pläne. "
        "Senatorin Hanna Roth verteidigte sie dagegen vor dem Ausschuss. "
        "Die Stadt habe keine Mittel für neue Schulen. "
        "„Wir werden das nicht hinnehmen, so viel ist sicher.“"
    )
    st = by_text(statements, "hinnehmen", "direct")
    assert st.speaker is None


def test_the_person_of_the_sentence_right_before_wins(extract) -> None:
    statements = extract(
        "Minister Paul Weber kritisierte am Montag die Pläne. "
        "Senatorin Hanna Roth verteidigte sie dagegen vor dem Ausschuss. "
        "„Wir werden das nicht hinnehmen, so viel ist sicher.“"
    )
    st = by_text(statements, "hinnehmen", "direct")
    assert st.speaker == "other:Hanna Roth"


def test_bare_name_opening_a_sentence_with_a_later_verb(extract) -> None:
    statements = extract(
        "Nach dem Spiel trat Lindqvist vor die Presse. "
        "Lindqvist war ebenfalls anwesend und sagte bei der Gelegenheit, er freue sich."
    )
    st = by_text(statements, "er freue sich", "indirect")
    assert st.speaker == "other:Lindqvist"


def test_capitalised_adverb_opening_a_sentence_is_no_speaker(extract) -> None:
    statements = extract("Darin wird der König aufgefordert, bis zur Wahl einen Rat einzusetzen.")
    assert all(s.speaker != "other:Darin" for s in statements)


def test_passive_agent_is_the_speaker(extract) -> None:
    statements = extract(
        "Die Firma wurde von Senatorin Hanna Roth beschuldigt, die Auflagen missachtet zu haben."
    )
    st = by_text(statements, "Auflagen", "indirect")
    assert st.speaker == "other:Hanna Roth"


def test_so_marker_with_an_apposition_after_a_quote(extract) -> None:
    statements = extract(
        "Das Hochwasser geht zurück. „Wir haben lange mit dem Wasser gekämpft“, so Matthias "
        "Lorenz, Präsident des Landesamtes."
    )
    st = by_text(statements, "Wasser gekämpft", "direct")
    assert st.speaker == "other:Matthias Lorenz"


def test_wuerdigen_attributes_a_partial_quote(extract) -> None:
    statements = extract(
        "Gewerkschaftschef Frank Albers würdigte den Verstorbenen als „eine große und "
        "prägende Persönlichkeit“."
    )
    st = by_text(statements, "prägende Persönlichkeit", "direct")
    assert st.speaker == "other:Frank Albers"


def test_unattributed_quoted_title_is_no_statement(extract) -> None:
    statements = extract(
        "Das zweite Album der Band, „Lieder aus dem Grünen Haus“, erschien im Herbst 2004."
    )
    assert not any("Grünen Haus" in s.text for s in statements)


def test_unattributed_quoted_sentence_stays(extract) -> None:
    statements = extract("Auf dem Plakat am Eingang stand: „Wir bleiben hier und geben nicht auf.“")
    assert any("geben nicht auf" in s.text for s in statements)


def test_parenthetical_so_between_two_parts_of_a_quote(extract) -> None:
    statements = extract(
        "Der Konzern plant ein neues Werk. „In absehbarer Zeit“, so Finanzvorstand Hans "
        "Dieter Brenner, werde man „auch ein eigenes Modell für diesen Markt entwickeln“."
    )
    st = by_text(statements, "eigenes Modell", "direct")
    assert st.speaker == "other:Hans Dieter Brenner"


def test_subject_of_a_passive_zitieren_is_the_speaker(extract) -> None:
    statements = extract(
        "In der Mitteilung des Vereins wird Trainer Lindqvist wie folgt zitiert: „Wir haben "
        "eine schwere Saison vor uns.“"
    )
    st = by_text(statements, "schwere Saison", "direct")
    assert st.speaker == "other:Lindqvist"
