"""Headlines and quoted subheadings: they take the speaker of the body statement they repeat, of
the same speech verb, or of the lead. All texts are written for these tests."""

from __future__ import annotations

from nlp_helpers import (
    shortest_by_text,
)


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
    st = shortest_by_text(extract(text), "GUTER NACHBAR")
    assert (st.kind, st.speaker) == ("direct", "lukashenko")
