"""Round ``nlp-18`` (issue 19): source markers. ``nach`` with an opinion or statement noun and a
name before it in the genitive or a hyphenated holder after it, ``gemäß`` as a second ``laut``
(not before a rule: ``gemäß den Vorschriften``), ``laut`` before a web address or a lower-case
paper; ``laut`` before a nominative or accusative article is the adverb. The marker's noun phrase
reaches over genitive plurals (``vieler Ökonomen``) and dative plurals the word table lacks
(``Worten``); a marker inside its sentence is the frame. Sentences written for these tests
(first run: 8 of 14 markers found with the expected source phrase, 2 of 3 sentences without a
marker left alone)."""

from __future__ import annotations

import pytest
from nlp_helpers import Extract


def _at(text: str, where: list[int] | None) -> str | None:
    return text[where[0] : where[1]] if where else None


MARKERS = [
    (
        "Nach Meinung vieler Ökonomen wird die Inflation im nächsten Jahr sinken.",
        "Meinung vieler Ökonomen",
    ),
    (
        "Nach den Worten des Bürgermeisters fehlen der Stadt zwei Millionen Euro.",
        "den Worten des Bürgermeisters",
    ),
    (
        "Nach Ansicht des EU-Kommissars sind die Regierungen für die Lage verantwortlich.",
        "Ansicht des EU-Kommissars",
    ),
    (
        "Der Ökonom Peter Schmidt warnt vor einer Krise. Nach Schmidts Meinung werden zu viele "
        "Fehler gemacht.",
        "Schmidts Meinung",
    ),
    ("Laut spiegel.de hat der Minister seinen Rücktritt angeboten.", "spiegel.de"),
    ("Die Zahl der Toten ist laut taz auf zwölf gestiegen.", "taz"),
    (
        "Gemäß einem Sprecher der Feuerwehr brach das Feuer im Keller aus.",
        "einem Sprecher der Feuerwehr",
    ),
    ("Gemäß seiner Aussage war er zur Tatzeit zu Hause.", "seiner Aussage"),
    ("Nach Überzeugung der Ermittler handelte der Täter allein.", "Überzeugung der Ermittler"),
]


@pytest.mark.parametrize(("text", "source"), MARKERS)
def test_a_source_marker_reports_its_sentence(extract: Extract, text: str, source: str) -> None:
    found = [st for st in extract(text) if st.cue_spans and _at(text, st.speaker_span) == source]
    assert len(found) == 1
    assert found[0].kind == "indirect"


def test_a_genitive_name_before_the_noun_is_the_speaker(extract: Extract) -> None:
    text = (
        "Der Ökonom Peter Schmidt warnt vor einer Krise. Nach Schmidts Meinung werden zu viele "
        "Fehler gemacht."
    )
    st = next(st for st in extract(text) if "Fehler" in st.text)
    assert st.speaker == "other:Peter Schmidt"


@pytest.mark.parametrize(
    "text",
    [
        "Die Proben wurden gemäß den Vorschriften gelagert.",
        "Er sang laut ein Lied.",
        "Nach dem Treffen fuhr der Minister nach Hause.",
    ],
)
def test_no_marker_without_a_source(extract: Extract, text: str) -> None:
    assert extract(text) == []


def test_a_marker_inside_its_sentence_is_the_frame(extract: Extract) -> None:
    text = "Die Regierung hat nach Aussagen der Opposition keinen Plan."
    (st,) = extract(text)
    assert _at(text, st.frame_span) == "nach Aussagen der Opposition"
    assert _at(text, st.speaker_span) == "Aussagen der Opposition"
