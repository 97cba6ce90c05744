"""Short quoted phrases and the cue that governs them: partial quotes inside a report or an
object, verbs of judging and naming (``als``-phrases, ``für`` + quote), a colon that announces a
quote, and quotes a cue does not govern. All texts are written for these tests."""

from __future__ import annotations

import pytest
from nlp_helpers import (
    Extract,
    by_exact_text,
    by_text,
    quote_and_cue,
    shortest_by_text,
    texts,
)


def test_short_quote_inside_a_report_is_also_a_partial_quote(extract) -> None:
    statements = extract("Putin sagte, die Sanktionen des Westens seien „völlig wirkungslos“.")
    report = shortest_by_text(statements, "Sanktionen", "indirect")
    quote = shortest_by_text(statements, "völlig wirkungslos", "direct")
    assert report.speaker == quote.speaker == "putin"
    assert quote.text == "völlig wirkungslos"


def test_report_before_its_cue_may_hold_a_partial_quote(extract) -> None:
    statements = extract("Aleinik wies das zurück. Es handle sich um „reine Propaganda“, sagte er.")
    report = shortest_by_text(statements, "Es handle sich", "indirect")
    assert report.speaker == "aleinik"
    assert shortest_by_text(statements, "reine Propaganda", "direct").speaker == "aleinik"


def test_partial_quote_in_an_object_is_the_statement(extract_words) -> None:
    statements = extract_words(
        "Innenministerin Karla Feld wies die Kritik der Opposition als „haltlos“ zurück."
    )
    direct = [s for s in statements if s.kind == "direct"]
    assert [s.text for s in direct] == ["haltlos"]
    assert direct[0].speaker == "other:Karla Feld"
    assert not [s for s in statements if s.kind != "direct" and "Kritik" in s.text]


def test_wuerdigen_attributes_a_partial_quote(extract) -> None:
    statements = extract(
        "Gewerkschaftschef Frank Albers würdigte den Verstorbenen als „eine große und "
        "prägende Persönlichkeit“."
    )
    st = shortest_by_text(statements, "prägende Persönlichkeit", "direct")
    assert st.speaker == "other:Frank Albers"


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Die Ärztin Lena Hof riet allen Eltern zu „Ruhe und Geduld“.", "Ruhe und Geduld"),
        (
            "Richter Jan Bode attestierte dem Zeugen „große Glaubwürdigkeit“.",
            "große Glaubwürdigkeit",
        ),
        ("Bürgermeisterin Ute Kranz konstatierte eine „tiefe Spaltung“.", "tiefe Spaltung"),
    ],
)
def test_new_speech_verbs_attribute_short_quotes(extract, text: str, quote: str) -> None:  # type: ignore[no-untyped-def]
    statements = extract(text)
    assert quote in texts(statements, "direct")


def test_a_cue_governs_several_short_quotes(extract_words) -> None:  # type: ignore[no-untyped-def]
    statements = extract_words(
        "Senatorin Hanna Roth nannte den Plan „mutig“ und die Kosten „vertretbar“."
    )
    direct = {s.text: s.speaker for s in statements if s.kind == "direct"}
    assert direct == {"mutig": "other:Hanna Roth", "vertretbar": "other:Hanna Roth"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ein Sprecher bezeichnete den Plan als „unausgegoren“.", True),
        ("Er bezeichnete die Einigung als eine „faire Lösung“.", True),
        ("Die Regierung bezeichnete den Bericht als „Hetze“.", True),  # after "als"
        ("Der Verband sprach von einer „ernsten Lage“.", True),
        ("Die Zeitung bezeichnete ihn „Vater der Reform“.", False),  # upper case, no "als"
        ("„Unfug“, sagte der Minister am Abend.", False),  # the cue follows
    ],
)
def test_governed_phrase(extractor, text: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    from claims.nlp.speakers.quotecue import governed_phrase

    doc, quote, cue = quote_and_cue(extractor, text)
    assert governed_phrase(doc, quote, cue) is expected


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Richterin Petra Lind hält den Angeklagten für „gefährlich und uneinsichtig“.",
            "gefährlich und uneinsichtig",
            "other:Petra Lind",
        ),
        (
            "Im Streit sieht Gewerkschafter Jonas Kern einen „Angriff auf die Mieter“.",
            "Angriff auf die Mieter",
            "other:Jonas Kern",
        ),
        (
            "Stadträtin Eva Moll wertete das Ergebnis als „klares Signal“.",
            "klares Signal",
            "other:Eva Moll",
        ),
        (
            "Meteorologe Paul Sand rechnet mit „heftigen Niederschlägen“ im Winter.",
            "heftigen Niederschlägen",
            "other:Paul Sand",
        ),
    ],
)
def test_verbs_of_judging_govern_a_quoted_phrase(  # type: ignore[no-untyped-def]
    extract, text: str, quote: str, speaker: str | None
) -> None:
    statement = by_exact_text(extract(text), quote)
    assert statement.kind == "direct"
    assert statement.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Der Kapitän sah sich gezwungen, den Passagier zu „entsorgen“.",
        "Die Stadt hält sich an die „Vorgaben“ des Landes.",
    ],
)
def test_reflexive_halten_and_sehen_govern_nothing(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert texts(extract(text), "direct") == []


def test_reflexive_erinnern_right_after_a_quote_reports_it(extract: Extract) -> None:
    statements = extract(
        "Die Werft stand damals vor dem Aus. „Wir haben nachts gearbeitet, um die Frist zu "
        "halten“, erinnerte sich Betriebsrätin Ilse Brandt später. Brandt erinnerte sich auch an "
        "den Tag der Rettung."
    )
    assert by_text(statements, "nachts gearbeitet").speaker == "other:Ilse Brandt"
    assert not any("Tag der Rettung" in s.text for s in statements)  # remembering, no report


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Die Agentur hatte die Lage im Land als „äußerst angespannt“ bezeichnet.",
            "äußerst angespannt",
        ),
        (
            "Protest kommt vom Mieterbund, der den Plan als „Kapitulation“ vor Konzernen sieht.",
            "Kapitulation",
        ),
    ],
)
def test_a_verb_at_the_clause_end_governs_an_als_phrase(
    extract_words, text: str, quote: str
) -> None:  # type: ignore[no-untyped-def]
    assert quote in texts(extract_words(text), "direct")


def test_a_passive_naming_verb_reports_no_quote(extractor) -> None:  # type: ignore[no-untyped-def]
    from claims.nlp.speakers.quotecue import governed_phrase

    doc, quote, cue = quote_and_cue(
        extractor, "Das Gas strömt aus der Sonne, das als „Sonnenwind“ bezeichnet wird."
    )
    assert cue is not None and not governed_phrase(doc, quote, cue)
    doc, quote, cue = quote_and_cue(extractor, "Der Rat hatte das als „Unsinn“ bezeichnet.")
    assert governed_phrase(doc, quote, cue)


def test_a_colon_after_a_cue_announces_a_short_quote(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract("Ein Zuschauer sprang auf und schrie laut: „Betrug!“")
    assert texts(statements, "direct") == []  # "schreien" is no cue: nothing governs it
    statements = extract("Ein Zuschauer sprang auf und schrie laut: „Das ist Betrug!“")
    assert [(s.text, s.speaker) for s in statements] == [("Das ist Betrug!", None)]  # a sentence
    statements = extract("Der Schiedsrichter zögerte nicht und erklärte: „Das ist Betrug!“")
    assert texts(statements, "direct") == ["Das ist Betrug!"]


@pytest.mark.parametrize(
    "text",
    [
        "„Wir bauen keine Stellen ab“, hatte Konzernchef Lars Wendt in einem Interview erklärt.",
        "„Wir bauen keine Stellen ab“, hat Lars Wendt am Montag vor Journalisten gesagt.",
    ],
)
def test_perfect_tense_cue_after_a_quote(extract: Extract, text: str) -> None:
    quote = by_exact_text(extract(text), "Wir bauen keine Stellen ab")
    assert (quote.kind, quote.speaker) == ("direct", "other:Lars Wendt")


def test_cue_after_the_last_quote_of_a_sentence_attributes_every_quote(extract: Extract) -> None:
    statements = extract(
        "Die „seit Wochen überlasteten Pflegekräfte“ hätten „keine Kraft mehr“, so die "
        "Betriebsrätin Silke Amann."
    )
    first = by_exact_text(statements, "seit Wochen überlasteten Pflegekräfte")
    second = by_exact_text(statements, "keine Kraft mehr")
    assert first.speaker == second.speaker == "other:Silke Amann"


def test_quote_without_a_cue_inside_a_marker_report_is_the_reports(extract: Extract) -> None:
    statements = extract(
        "Landrat Tim Kolb sprach von Fortschritt. Die „sogenannten Reformen“ seien „nie mehr "
        "als ein Versprechen“ gewesen, so die Gewerkschaft Verdi."
    )
    quote = by_exact_text(statements, "nie mehr als ein Versprechen")
    assert quote.speaker == by_exact_text(statements, "sogenannten Reformen").speaker
    assert quote.speaker is not None and quote.speaker.endswith("Verdi")


def test_quote_in_an_earlier_sentence_keeps_its_own_cue(extract_words: Extract) -> None:
    statements = extract_words(
        "Landrat Tim Kolb sprach von „Chaos“. Die Lage sei „sehr ernst“, sagte Silke Amann."
    )
    assert by_exact_text(statements, "sehr ernst").speaker == "other:Silke Amann"
    assert by_exact_text(statements, "Chaos").speaker == "other:Tim Kolb"


def test_verb_that_takes_no_quote_yields_to_the_cue_after_it(extract: Extract) -> None:
    statements = extract(
        "Zuletzt verbreiteten „manche Zeitungen die These, das Bündnis sei am Ende. Das ist "
        "falsch“, sagte Ministerin Eva Lind am Montag."
    )
    assert by_text(statements, "manche Zeitungen die These").speaker == "other:Eva Lind"


def test_quote_in_brackets_after_a_name(extract: Extract) -> None:
    statements = extract(
        "Viele gratulierten, darunter die Präsidentin der Akademie, Helga Sommer („Niemand hat "
        "das mehr verdient.“), und der Bürgermeister Jan Petersen: „Ein großer Tag für die Stadt.“"
    )
    assert by_text(statements, "Niemand hat").speaker == "other:Helga Sommer"
    assert by_text(statements, "großer Tag").speaker == "other:Jan Petersen"


def test_speech_noun_names_its_owner_after_von(extract: Extract) -> None:
    statements = extract(
        "Das Fazit von Ministerin Sandra Kühne nach fünf Jahren überrascht nicht: „Die Zahlen "
        "zeigen, dass die Qualität stimmt.“"
    )
    assert by_text(statements, "Qualität").speaker == "other:Sandra Kühne"


def test_demonstrative_with_a_modal_after_a_quote(extract: Extract) -> None:
    statements = extract(
        "„Ja, es gibt Zumutungen“. Das musste Finanzminister Peer Strohbach zu Beginn der "
        "Debatte einräumen."
    )
    assert by_text(statements, "Zumutungen").speaker == "other:Peer Strohbach"
    assert all("Beginn" not in s.text for s in statements)


def test_demonstrative_with_a_long_clause_bracket_after_a_quote(extract: Extract) -> None:
    statements = extract(
        "„Die Kasse ist leer.“ Dies hatte Kämmerin Olga Tietz bei der ersten Lesung des "
        "Nachtragshaushalts für das laufende Jahr 2031 vor dem vollbesetzten Stadtrat zugegeben."
    )
    assert by_text(statements, "Kasse ist leer").speaker == "other:Olga Tietz"


def test_quote_in_a_konjunktiv_sentence_after_a_report_goes_on(extract: Extract) -> None:
    statements = extract(
        "Doch sei es, so der Schriftsteller Musa Okonjo in einem Blog, ein Fehler gewesen. "
        "Deshalb müsse „die Politik des Präsidenten Teil der Lösung sein“."
    )
    assert by_text(statements, "Teil der Lösung").speaker == "other:Musa Okonjo"


def test_mit_diesen_worten_after_a_quote_names_its_speaker(extract: Extract) -> None:
    statements = extract(
        "„Das ist ein schwarzer Tag für die Stadt.“ Mit diesen Worten kommentierte Bürgermeisterin "
        "Ilka Norden den Beschluss."
    )
    assert by_text(statements, "schwarzer Tag").speaker == "other:Ilka Norden"


def test_one_word_medium_before_a_colon_is_the_addressee(extract: Extract) -> None:
    statements = extract("Karin Norden sagte der „Rundschau“: „Wir bleiben dran.“")
    assert texts(statements) == ["Wir bleiben dran."]
    assert statements[0].speaker == "other:Karin Norden"


def test_mit_diesen_worten_with_any_verb_after_a_dash(extract: Extract) -> None:
    statements = extract(
        "„Ich bleibe im Amt“ – mit diesen Worten trat Bürgermeisterin Ilka Norden vor die Presse. "
        "Sie wird von der „Rundschau“ mit den Worten zitiert: „Ich gebe nicht auf.“"
    )
    assert by_text(statements, "bleibe im Amt").speaker == "other:Ilka Norden"
    assert "Rundschau" not in texts(statements)  # the medium before "mit den Worten"
