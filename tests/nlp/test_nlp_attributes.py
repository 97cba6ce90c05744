"""Round ``nlp-13``: who speaks when a name is only the attribute of another person noun, verbs
that report only right after a quote, boasting verbs with their correlate, and follow-up quotes
opened by ``Und:``. All sentences are written for these tests."""

from __future__ import annotations

import pytest
from nlp_helpers import Extract, by_text


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # the name is a genitive or von-attribute: someone else speaks, unnamed
        ("Ein Berater Lukaschenkos sagte, die Gespräche seien vertagt worden.", "vertagt", None),
        (
            "Ein Vertrauter des Präsidenten Lukaschenko erklärte, die Armee bleibe zu Hause.",
            "Armee",
            None,
        ),
        (
            "Die Tochter des Oppositionspolitikers Sergej Tichanowski sagte, ihr Vater sei krank.",
            "Vater",
            None,
        ),
        # a definite ally-like description is the person the text is about
        (
            "Lukaschenko reiste nach Sotschi. Der langjährige Verbündete von Kremlchef Putin "
            "betonte dort, dass Belarus neutral bleibe.",
            "neutral",
            "lukashenko",
        ),
        (
            "Lukaschenko traf den Kremlchef. Putins engster Verbündeter sagte anschließend, man "
            "habe über Gas gesprochen.",
            "Gas",
            "lukashenko",
        ),
        (
            "Lukaschenko empfing am Freitag den Kremlchef. Der treue Verbündete des russischen "
            "Staatschefs Wladimir Putin sagte danach, dass die Gespräche offen verlaufen seien.",
            "offen",
            "lukashenko",
        ),
        # a spokesperson speaks for the one represented (docs/ANNOTATION.md)
        ("Ein Sprecher von Wladimir Putin sagte, die Lage sei ruhig.", "ruhig", "putin"),
        # the name itself still speaks
        ("Präsident Lukaschenko sagte, die Grenze bleibe offen.", "Grenze", "lukashenko"),
    ],
)
def test_a_name_that_is_an_attribute_does_not_speak(
    extract: Extract, text: str, fragment: str, speaker: str | None
) -> None:
    assert by_text(extract(text), fragment).speaker == speaker


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (
            "Putin prahlte im Fernsehen damit, dass seine Armee jeden Angriff abwehren könne.",
            "abwehren",
            "putin",
        ),
        (
            "Aleinik rühmte sich damit, dass die neuen Raketen bereits einsatzbereit seien.",
            "Raketen",
            "aleinik",
        ),
        (
            "Lukaschenko gab dem Sender ein Interview. «Wir wollen keinen Krieg», beginnt der "
            "68-jährige Politiker.",
            "keinen Krieg",
            "lukashenko",
        ),
        (
            "Putin sprach eine Stunde lang. «Der Westen trägt die Schuld», schloss er.",
            "Schuld",
            "putin",
        ),
    ],
)
def test_boasting_and_order_of_speaking_verbs_report(
    extract: Extract, text: str, fragment: str, speaker: str
) -> None:
    assert by_text(extract(text), fragment).speaker == speaker


def test_beginning_is_a_cue_only_right_after_a_quote(extract: Extract) -> None:
    text = (
        "Die Behörde kündigte den Abriss an. Bis die Arbeiten beginnen, vergehen noch Monate. "
        "Erst im Sommer könne der Bagger anrücken."
    )
    assert all(s.cue != "beginnen" for s in extract(text))


def test_a_follow_up_quote_after_und_keeps_the_speaker(extract: Extract) -> None:
    text = (
        "Lukaschenko gab dem Sender ein Interview. «Wir wollen keinen Krieg», sagte er. "
        "Und: «Wir haben nie jemanden bedroht.»"
    )
    assert by_text(extract(text), "bedroht").speaker == "lukashenko"


BODY = "\n\nDer Präsident äußerte sich am Montag in Minsk vor Journalisten."


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        ("Lukaschenko an die Nachbarn: Wir greifen niemanden an", "lukashenko"),
        ("Putin über die Sanktionen: Sie schaden nur dem Westen", "putin"),
        ("Aleinik vor der UNO: Belarus bleibt ein neutraler Staat", "aleinik"),
        (
            "Alexander Lukaschenko: Belarussische Truppen nehmen an der Operation nicht teil",
            "lukashenko",
        ),
        # indicative reports after a speech verb are the headline's style
        ("Lukaschenko versichert, belarussische Truppen bleiben im eigenen Land", "lukashenko"),
        ("Krieg im Osten: Lukaschenko bekräftigt, seine Armee wird nicht eingreifen", "lukashenko"),
    ],
)
def test_headline_reports_with_addressee_topic_or_indicative(
    extract: Extract, headline: str, speaker: str
) -> None:
    found = [s for s in extract(headline + BODY) if s.start < len(headline)]
    assert [s.speaker for s in found] == [speaker]


@pytest.mark.parametrize(
    "headline",
    [
        "Putin in Sotschi: Ein Besuch mit Folgen",  # no verb: a topic, not a statement
        "Lukaschenko und die Armee: Was der Machthaber plant",  # a clause in the name part
    ],
)
def test_colon_headline_without_a_report(extract: Extract, headline: str) -> None:
    assert not [s for s in extract(headline + BODY) if s.start < len(headline)]


def test_in_the_body_an_indicative_bare_plural_is_no_report(extract: Extract) -> None:
    text = "Die Ermittler prüften, was ihm vorgeworfen wird, schwere Vorwürfe wurden laut."
    assert not [s for s in extract(text) if "Vorwürfe wurden" in s.text]


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (
            "Sergej Aleinik traf sich mit Journalisten. Ihm zufolge sind die Truppen abgezogen.",
            "abgezogen",
            "aleinik",
        ),
        (
            "Die Ministerin Anna Berger äußerte sich am Abend. Ihr zufolge habe die Regierung "
            "nichts gewusst.",
            "gewusst",
            "other:Anna Berger",
        ),
    ],
)
def test_zufolge_after_a_pronoun_is_the_person_it_refers_to(
    extract: Extract, text: str, fragment: str, speaker: str
) -> None:
    assert by_text(extract(text), fragment).speaker == speaker


def test_a_colon_glued_to_a_quote_mark_is_split_from_the_words() -> None:
    from claims.nlp.tokenizer import blank_german

    tokens = [t.text for t in blank_german()('meldet der Sender RT DE:"Im Wortlaut')]
    assert tokens[-5:] == ["DE", ":", '"', "Im", "Wortlaut"]


def test_a_speaker_name_never_swallows_the_colon_and_quote(extract: Extract) -> None:
    text = 'Weiter meldet der Sender RT DE:"Im Wortlaut hieß es: Wir bleiben neutral."'
    assert all('"' not in (s.speaker or "") for s in extract(text))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Kurz vor seiner Reise nach China erhebt Wladimir Putin Forderungen an die Regierung "
            "der Ukraine - und behauptet zugleich, Russland habe niemanden angegriffen.",
            "putin",
        ),
        (
            "Am Montag stellte Lukaschenko seine Pläne für den Norden der Ukraine vor und sagte, "
            "Belarus werde sich nicht beteiligen.",
            "lukashenko",
        ),
    ],
)
def test_a_verb_after_und_shares_the_inverted_subject_of_the_first(
    extract: Extract, text: str, speaker: str
) -> None:
    assert by_text(extract(text), "habe" if "habe" in text else "werde").speaker == speaker


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Lukaschenko wies am Montag Berichte über Panzerlieferungen zurück.", "Berichte"),
        ("Putin schloss am Dienstag Gespräche mit der Regierung in Kiew aus.", "Gespräche"),
    ],
)
def test_a_bare_plural_object_after_an_adverbial_is_the_content(
    extract: Extract, text: str, fragment: str
) -> None:
    assert by_text(extract(text), fragment).kind == "reported"


def test_a_name_after_von_is_no_second_object(extract: Extract) -> None:
    text = "Die Chefin bekräftigte in einer Mitteilung vom Montag den Bericht von Karl Moser."
    assert not [s for s in extract(text) if s.text == "von Karl Moser"]
