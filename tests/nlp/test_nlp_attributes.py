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
            "Lukaschenko empfing am Freitag den Kremlchef. Der enge Verbündete des russischen "
            "Präsidenten Wladimir Putin sagte danach, dass die Gespräche offen verlaufen seien.",
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
