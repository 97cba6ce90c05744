"""Round ``nlp-14``: relayed reports (an outlet's quote holding other people's words), quotes
nested in straight marks, ``Wörtlich hieß es:``, ``so der Minister``, speech nouns that name the
sentence before, questions left open after a ``zu``-infinitive, and agency datelines. All
sentences are written for these tests."""

from __future__ import annotations

import pytest
from nlp_helpers import Extract, by_text
from test_nlp_quotes import quotes

MAKEI = "Der Außenminister Wladimir Makei sprach am Montag vor der Presse in Minsk. "


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # the outlet's quote holds a report and a "so X" of its own
        (
            MAKEI + 'Weiter meldet das Portal "Nordkurier": "Makei sagte, dass kein belarussischer '
            "Soldat die Grenze überquert habe. Alle Berichte über Truppenbewegungen seien frei "
            'erfunden, so Makei."',
            "Grenze überquert",
            "makei",
        ),
        (
            MAKEI + 'Weiter meldet das Portal "Nordkurier": "Makei sagte, dass kein belarussischer '
            "Soldat die Grenze überquert habe. Alle Berichte über Truppenbewegungen seien frei "
            'erfunden, so Makei."',
            "frei erfunden",
            "makei",
        ),
        # "Dies erklärte X" inside the relay names the sentence before it
        (
            'Das Blatt "Abendpost" berichtet weiter: "Belarus schickt keine Truppen in das '
            "Nachbarland. Dies erklärte Präsident Alexander Lukaschenko am Freitag vor "
            'Offizieren."',
            "keine Truppen",
            "lukashenko",
        ),
        # a quote nested in straight marks after a colon is freed with the relay
        (
            'Außenminister Wladimir Makei trat am Dienstag in Genf auf. Das Portal "Ostblick" '
            'schreibt: "Wörtlich sagte er: "Unser Land wird keine Waffen an irgendwen liefern.""',
            "keine Waffen",
            "makei",
        ),
    ],
)
def test_words_attributed_inside_an_outlets_quote_are_their_speakers(
    extract: Extract, text: str, fragment: str, speaker: str
) -> None:
    found = by_text(extract(text), fragment)
    assert found.speaker == speaker
    assert not found.text.startswith(("Weiter", "Das Blatt", "Das Portal"))


def test_an_outlet_quoting_a_person_is_no_relay(extract: Extract) -> None:
    text = MAKEI + 'Die Zeitung "Abendpost" zitiert ihn so: "Ich sage Ihnen, wir bleiben neutral."'
    found = by_text(extract(text), "neutral")
    assert (found.kind, found.text) == ("direct", "Ich sage Ihnen, wir bleiben neutral.")
    assert found.speaker == "makei"  # "zitiert ihn": the person quoted, named before


def test_an_outlets_own_quote_without_attribution_stays_the_outlets(extract: Extract) -> None:
    text = 'Das Portal "Nordkurier" schreibt: "Die Regierung in Minsk schweigt seit Tagen."'
    assert by_text(extract(text), "schweigt").speaker == "other:Nordkurier"


def test_wortlich_hiess_es_gives_the_words_of_the_statement_before(extract: Extract) -> None:
    text = (
        "Belarus will sich an Gesprächen beteiligen. Dies erklärte Außenminister Wladimir Makei "
        'am Montag in Genf.\nWörtlich hieß es: "Wir sind zu jeder Vermittlung bereit."'
    )
    found = by_text(extract(text), "Vermittlung")
    assert (found.kind, found.speaker) == ("direct", "makei")


def test_a_straight_quote_after_a_colon_inside_a_quote_is_nested() -> None:
    text = 'Sie schreibt: "Er sagte nur: "Wir kommen." Mehr nicht."'
    assert quotes(text) == [('Er sagte nur: "Wir kommen." Mehr nicht.', "balanced")]


@pytest.mark.parametrize(
    ("tail", "speaker"),
    [
        ("so der Minister.", "makei"),
        ("so der Außenminister.", "makei"),
    ],
)
def test_so_with_a_description_is_the_person_described(
    extract: Extract, tail: str, speaker: str
) -> None:
    text = MAKEI + "„Niemand in der Region will eine Eskalation, wir am wenigsten“, " + tail
    assert by_text(extract(text), "Eskalation").speaker == speaker


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (
            "Die Sanktionen des Westens seien wirkungslos geblieben. Diese Einschätzung gab "
            "Außenminister Sergej Aleinik am Mittwoch in Minsk ab.",
            "wirkungslos",
            "aleinik",
        ),
        (
            "Die Lage an der Grenze ist ruhig geworden. Dieses Statement hat Außenminister "
            "Sergej Aleinik vor Journalisten abgegeben.",
            "ruhig",
            "aleinik",
        ),
        (
            "Die Gespräche müssen weitergehen. Diese Auffassung vertritt auch Außenminister "
            "Wladimir Makei.",
            "weitergehen",
            "makei",
        ),
    ],
)
def test_a_demonstrative_speech_noun_names_the_sentence_before(
    extract: Extract, text: str, fragment: str, speaker: str
) -> None:
    assert by_text(extract(text), fragment).speaker == speaker


def test_a_speech_noun_that_is_contradicted_names_no_report(extract: Extract) -> None:
    text = (
        "Präsident Lukaschenko empfing Offiziere. Die Grenze war in der Nacht offen. Dieser "
        "Darstellung wurde von der Opposition widersprochen."
    )
    assert not [s for s in extract(text) if "offen" in s.text]


@pytest.mark.parametrize(
    "text",
    [
        "Lukaschenko sei mit den Details nicht vertraut genug, um zu sagen, ob der Plan aufgeht.",
        "Lukaschenko weigerte sich zu erklären, warum die Truppen an der Grenze stehen.",
    ],
)
def test_a_question_after_a_zu_infinitive_is_left_unsaid(extract: Extract, text: str) -> None:
    assert not [s for s in extract(text) if s.text.startswith(("der Plan", "die Truppen"))]


def test_a_report_after_a_zu_infinitive_before_dass_stays(extract: Extract) -> None:
    text = "Lukaschenko beeilte sich zu versichern, dass alles in Ordnung sei."
    assert by_text(extract(text), "Ordnung").text == "alles in Ordnung sei"


@pytest.mark.parametrize(
    "dateline",
    ["MINSK (dpa) - ", "Minsk, 3. Mai (BelTA) – ", "BERLIN/MOSKAU (AFP) – ", "Kiew (dpa/AFP) - "],
)
def test_an_agency_dateline_is_no_part_of_the_statement(extract: Extract, dateline: str) -> None:
    text = dateline + "Die Lage an der Grenze sei ernst, sagte Präsident Alexander Lukaschenko."
    found = by_text(extract(text), "Grenze")
    assert (found.text, found.speaker) == ("Die Lage an der Grenze sei ernst", "lukashenko")


@pytest.mark.parametrize(
    "tail",
    [
        'behauptete er in einem Interview des Senders "Belarus 1", aus dem die Agentur Belta '
        "zitierte.",
        'sagte er dem Sender "Belarus 1", wie die Agentur Belta meldete.',
    ],
)
def test_a_report_before_its_speaker_and_a_channel_clause(extract: Extract, tail: str) -> None:
    text = (
        "Lukaschenko verlegte Truppen an die Grenze. Dort hätten die Nachbarn mehrere Brigaden "
        "zusammengezogen, " + tail
    )
    statements = extract(text)
    found = by_text(statements, "Brigaden")
    assert (found.text, found.speaker) == (
        "Dort hätten die Nachbarn mehrere Brigaden zusammengezogen",
        "lukashenko",
    )
    assert not [s for s in statements if "Agentur" in s.text]  # the channel says nothing


def test_a_relative_clause_after_a_long_tail_closes_no_report(extract: Extract) -> None:
    text = (
        "Als Lukaschenko am Montag sagte, dass die Lage ruhig sei, meinte er damit kaum die "
        "Kämpfe, die am Abend begannen."
    )
    assert not [s for s in extract(text) if s.text.startswith("Als")]


def test_a_konjunktiv_ii_goes_on_with_a_chain_of_reported_sentences(extract: Extract) -> None:
    text = (
        "Lukaschenko betonte, dass Belarus der Armee Russlands nicht helfen könne. Moskau "
        "verfüge ohnehin über genug Reserven. Jede Lieferung aus belarussischen Depots wäre "
        "veraltet und kaum brauchbar."
    )
    assert by_text(extract(text), "Depots").speaker == "lukashenko"


def test_a_konjunktiv_ii_right_after_a_report_is_a_hypothesis(extract: Extract) -> None:
    text = "Lukaschenko sagte, Belarus bleibe neutral. Das wäre ein Bruch mit seiner Politik."
    assert not [s for s in extract(text) if "Bruch" in s.text]


def test_a_demonstrative_before_wuerde_leaves_it_a_verb(extract: Extract) -> None:
    text = (
        "Den Westen warnte Lukaschenko vor neuen Waffenlieferungen an Kiew. Diese würde "
        "Gespräche zwischen Moskau und Kiew unmöglich machen."
    )
    assert by_text(extract(text), "Gespräche zwischen").speaker == "lukashenko"


def test_a_dass_clause_coordinated_with_the_object_is_content(extract: Extract) -> None:
    text = "Putin informierte Lukaschenko über die Lage und dass die Armee bald vorrücken werde."
    found = by_text(extract(text), "vorrücken")
    assert (found.text, found.speaker) == ("die Armee bald vorrücken werde", "putin")


def test_a_coordinated_subject_clause_is_no_content(extract: Extract) -> None:
    assert not extract("Lukaschenko sagte nichts, und dass er geht, war allen klar.")


def test_gemeint_ist_in_a_dash_explains_and_reports_nothing(extract: Extract) -> None:
    text = (
        "Putin sprach. „Sie haben uns betrogen.“ Der Saal applaudierte.\n\nDer Westen habe "
        "2014 den Umsturz – gemeint ist der Maidan – bezahlt. Dort habe man gehofft, dass "
        "Russland hilft, sagte Putin."
    )
    assert by_text(extract(text), "Umsturz").speaker == "putin"


HEADLINE_BODY = (
    "Präsident Alexander Lukaschenko sprach am Wochenende über mögliche Einsätze jenseits der "
    "Grenze. Er kündigte Gegenmaßnahmen an.\n\nBelarus habe dort nichts zu suchen, sagte "
    "Lukaschenko am Montag in Minsk vor Offizieren."
)


def test_a_headline_with_partial_quotes_is_a_statement_per_part(extract: Extract) -> None:
    text = (
        "Belarus hat dort „nichts zu suchen“, aber: Wenn Minsk antwortet, „wird es jeder "
        "merken“\n\n" + HEADLINE_BODY
    )
    statements = extract(text)
    first = by_text(statements, "hat dort")
    second = by_text(statements, "Wenn Minsk")
    assert (first.text, first.speaker) == ("Belarus hat dort „nichts zu suchen“", "lukashenko")
    assert (second.text, second.speaker) == (
        "Wenn Minsk antwortet, „wird es jeder merken“",
        "lukashenko",
    )


def test_a_subheading_with_a_partial_quote_takes_the_body_speaker(extract: Extract) -> None:
    text = (
        HEADLINE_BODY + "\n\nKrieg im Osten: Für Belarus gäbe es dort „nichts zu suchen“\n\n"
        "Lukaschenko sprach danach über die Ernte."
    )
    found = by_text(extract(text), "gäbe es")
    assert (found.text, found.speaker) == (
        "Für Belarus gäbe es dort „nichts zu suchen“",
        "lukashenko",
    )


def test_a_headline_with_a_quoted_word_only_is_no_statement(extract: Extract) -> None:
    text = "Minsk setzt auf „Neutralität“\n\n" + HEADLINE_BODY
    assert not [s for s in extract(text) if "setzt auf" in s.text]


def test_a_ticker_heading_that_is_only_a_quote_after_its_marks_is_no_statement(
    extract: Extract,
) -> None:
    text = (
        HEADLINE_BODY
        + "\n\n+++ Moskau stichelt gegen Berlin: „Schwache Regierung“ +++\n\n"
        + ("Lukaschenko sprach danach über die Ernte.")
    )
    assert not [s for s in extract(text) if "Schwache" in s.text and s.speaker == "lukashenko"]


@pytest.mark.parametrize("place", ['in der Zeitung "Minsker Bote"', "auf seinem Portal"])
def test_a_person_writing_in_an_outlet_is_quoted_not_relayed(extract: Extract, place: str) -> None:
    text = (
        f'Lukaschenko schreibt {place}: "Der Westen sagt, wir seien Aggressoren. Das ist falsch."'
    )
    found = by_text(extract(text), "Aggressoren")
    assert (found.kind, found.speaker) == ("direct", "lukashenko")
