"""Round ``nlp-18`` (issue 19): source markers. ``nach`` with an opinion or statement noun and a
hyphenated holder after it, ``gemäß`` as a second ``laut`` (not before a rule: ``gemäß den
Vorschriften``), ``laut`` before a web address or a lower-case paper; ``laut`` before a
nominative or accusative article is the adverb. The marker's noun phrase reaches over genitive
plurals (``vieler Ökonomen``) and dative plurals the word table lacks (``Worten``); a marker
inside its sentence is the frame. Beliefs (``vermuten``, ``befürchten``, ``davon ausgehen``, now
also ``schätzen``) are reported for a described person, group or body as for a named one, and in
an impersonal passive (``Es wird vermutet, dass …``) without a speaker. Speech acts of more
described speakers: bodies (``der Staat``, ``das Fernsehen``), groups (``Betreiber``), a pronoun
after ``Auch``, the described agent of a passive (``von der Ministerin abgelehnt``). An
impersonal ``es heißt`` is a speech verb (``In der Erklärung heißt es, …``, ``…, hieß es aus dem
Ministerium``), its source the phrase of place; ``Der Ort heißt Lindau`` names. ``so`` may stand
between the comma and an inverted speech verb (``…, so bestätigte die Polizei``). ``begründen``
reports the ``dass`` clause it gives as reason, and a one-word quote at the end of an object no
longer takes the object's statement away (``wies X als „Lüge“ zurück``). A passive ``als`` verb
with its agent reports (``Die Berichte wurden von X als Lüge bezeichnet``), and a passive agent
the mention finder knows is that person (no title in the speaker id). A ``zu`` infinitive with
``sein`` (``ist nicht auszuschließen``) is no speech cue.

Sentences written for these tests, first run: 1 of the 8 marker sentences with the expected
source phrase and 2 more with a shorter one; of the 3 without a source, 2 left alone; 1 of 5
beliefs (``Viele glauben``, ``Man hofft`` stay no statements); 0 of 1 impersonal passive; 7 of
11 speech acts of described speakers (``… wurde von der Ministerin als unrealistisch
bezeichnet`` is still not found); 0 of 4 ``es heißt`` reports with their cue (a bare ``Es heißt,
…`` stays a sentence of free indirect speech); 0 of 3 with ``so`` before the verb; 0 of 2
reasons, 0 of 1 rejection with a quoted word, 0 of 1 passive ``als`` verb, 0 of 2 sentences with
a modal infinitive."""

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


@pytest.mark.parametrize(
    ("text", "speaker_phrase"),
    [
        ("Die Forscher vermuten, dass das Eis schneller schmilzt als gedacht.", "Die Forscher"),
        (
            "Die Hilfsorganisation geht davon aus, dass die Zahl der Opfer weiter steigt.",
            "Die Hilfsorganisation",
        ),
        ("Beobachter befürchten, dass der Konflikt erneut aufflammt.", "Beobachter"),
        (
            "Die Bank schätzt, dass die Wirtschaft im kommenden Jahr um zwei Prozent wächst.",
            "Die Bank",
        ),
    ],
)
def test_a_belief_of_a_described_speaker_is_reported(
    extract: Extract, text: str, speaker_phrase: str
) -> None:
    # first run: none of these four; "Der Verband hofft, dass …" was found already
    (st,) = extract(text)
    assert st.kind == "indirect" and st.speaker is None
    assert _at(text, st.speaker_span) == speaker_phrase


@pytest.mark.parametrize(
    "text",
    ["Viele glauben, dass die Wahl manipuliert war.", "Man hofft, dass das Wetter hält."],
)
def test_a_belief_of_nobody_in_particular_is_no_statement(extract: Extract, text: str) -> None:
    assert extract(text) == []


def test_an_impersonal_passive_belief_is_reported_without_a_speaker(extract: Extract) -> None:
    # first run: dropped, as a belief of nobody named
    text = "Es wird vermutet, dass der Brand absichtlich gelegt wurde."
    (st,) = extract(text)
    assert (st.kind, st.speaker, st.speaker_span) == ("indirect", None, None)
    assert st.text == "der Brand absichtlich gelegt wurde"


def test_a_passive_estimate_of_a_thing_is_no_statement(extract: Extract) -> None:
    assert extract("Der Wert des Gebäudes wurde auf zwei Millionen Euro geschätzt.") == []


@pytest.mark.parametrize(
    ("text", "speaker_phrase", "content"),
    [
        (
            "Das Fernsehen berichtete von schweren Kämpfen im Norden.",
            "Das Fernsehen",
            "von schweren Kämpfen im Norden",
        ),
        (
            "Seit Monaten fordert der Staat die Rückgabe der Gemälde.",
            "der Staat",
            "die Rückgabe der Gemälde",
        ),
        (
            "Die Betreiber sprechen von 500 neuen Arbeitsplätzen.",
            "Die Betreiber",
            "von 500 neuen Arbeitsplätzen",
        ),
        (
            "Die Demonstranten zogen zum Rathaus. Auch sie forderten den Rücktritt des "
            "Bürgermeisters.",
            "sie",
            "den Rücktritt des Bürgermeisters",
        ),
        (
            "Der Vorschlag wurde von der Ministerin abgelehnt.",
            "der Ministerin",
            "Der Vorschlag",
        ),
    ],
)
def test_speech_acts_of_described_speakers(
    extract: Extract, text: str, speaker_phrase: str, content: str
) -> None:
    # first run: none of these five (7 of 11 such sentences were found before the round)
    st = next(st for st in extract(text) if st.text == content)
    assert (st.kind, st.speaker) == ("reported", None)
    assert _at(text, st.speaker_span) == speaker_phrase


def test_a_passive_agent_of_another_verb_is_no_speaker(extract: Extract) -> None:
    assert extract("Der Brief wurde von der Polizei geöffnet.") == []


def test_the_auxiliary_of_a_coordinated_verb_is_no_part_of_the_cue(extract: Extract) -> None:
    text = "Die Partei hat das Thema aufgegriffen und fordert strengere Regeln."
    (st,) = extract(text)
    assert [_at(text, c) for c in st.cue_spans or []] == ["fordert"]


@pytest.mark.parametrize(
    ("text", "content", "speaker_phrase"),
    [
        (
            "In der Erklärung der Regierung heißt es, die Lage sei stabil.",
            "die Lage sei stabil",
            "der Erklärung der Regierung",
        ),
        (
            "Eine Heilung sei ausgeschlossen, heißt es in dem Bericht.",
            "Eine Heilung sei ausgeschlossen",
            "dem Bericht",
        ),
        (
            "Die Lage sei stabil, hieß es aus dem Ministerium.",
            "Die Lage sei stabil",
            "dem Ministerium",
        ),
        (
            "In einer Mitteilung hieß es, das Werk werde geschlossen.",
            "das Werk werde geschlossen",
            "einer Mitteilung",
        ),
    ],
)
def test_es_heisst_reports(extract: Extract, text: str, content: str, speaker_phrase: str) -> None:
    # first run: none with "heißt" as its cue; one as a sentence without a cue, "hieß es aus
    # dem Ministerium" inside its text
    (st,) = extract(text)
    assert (st.kind, st.text) == ("indirect", content)
    assert st.cue in ("heißt", "hieß")
    assert _at(text, st.speaker_span) == speaker_phrase


def test_es_heisst_with_a_named_source_speaks_for_it(extract: Extract) -> None:
    (st,) = extract("Die Lage sei stabil, hieß es aus dem Ministerium.")
    assert st.speaker == "other:Ministerium"


@pytest.mark.parametrize("text", ["Der Ort heißt Lindau.", "Die neue Straße hieß früher anders."])
def test_a_name_given_with_heissen_is_no_report(extract: Extract, text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Der Täter sei gefasst, so bestätigte die Polizei am Abend.",
            "Der Täter sei gefasst",
            "so bestätigte",
        ),
        (
            "Das Projekt werde teurer, so erklärte ein Sprecher der Stadt.",
            "Das Projekt werde teurer",
            "so erklärte",
        ),
        (
            "Der Plan sei gescheitert, so heißt es in dem Bericht.",
            "Der Plan sei gescheitert",
            "so heißt",
        ),
    ],
)
def test_so_before_an_inverted_speech_verb(
    extract: Extract, text: str, content: str, cue: str
) -> None:
    # first run: none of the three ("…, so der Minister weiter." was found already)
    (st,) = extract(text)
    assert (st.kind, st.text) == ("indirect", content)
    assert " ".join(_at(text, c) or "" for c in st.cue_spans or []) == cue


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Der Minister begründete seinen Rücktritt damit, dass er krank sei.",
            "er krank sei",
        ),
        (
            "Die Firma begründete die Preiserhöhung damit, dass die Kosten gestiegen seien.",
            "die Kosten gestiegen seien",
        ),
    ],
)
def test_the_reason_given_is_reported(extract: Extract, text: str, content: str) -> None:
    # first run: neither ("begründen" only reported a quote)
    (st,) = extract(text)
    assert (st.kind, st.text, st.cue) == ("indirect", content, "begründete")


def test_a_quoted_word_in_a_rejection_keeps_the_rejection(extract: Extract) -> None:
    # first run: nothing (the one-word quote took the cue and is no statement of its own)
    text = "Lukaschenko wies die Berichte über Truppen in Belarus als „Lüge“ zurück."
    (st,) = extract(text)
    assert (st.kind, st.speaker) == ("reported", "lukashenko")
    assert st.text == "die Berichte über Truppen in Belarus als „Lüge“"


def test_a_passive_als_verb_with_its_agent(extract: Extract) -> None:
    # first run: nothing ("als" verbs were left out of the passive, their claim being split)
    text = "Die Berichte wurden von Lukaschenko als Lüge bezeichnet."
    (st,) = extract(text)
    assert (st.kind, st.speaker) == ("reported", "lukashenko")
    assert st.text == "Die Berichte wurden von Lukaschenko als Lüge"


def test_a_passive_agent_with_a_title_is_the_person(extract: Extract) -> None:
    text = "Der Vorschlag wurde von Verkehrsminister Karl Brenner als unrealistisch bezeichnet."
    (st,) = extract(text)
    assert st.speaker == "other:Karl Brenner"


def test_a_quote_closed_with_the_english_mark_stays_closed(extract: Extract) -> None:
    # "„…”" (a German opening and an English closing mark, common in typed text): the content
    # kept the opening mark and lost the closing one
    (st,) = extract("Der Gewerkschafter Jan Roth warnte vor den „Träumen der Arbeitgeber”.")
    assert st.text == "vor den „Träumen der Arbeitgeber”"


@pytest.mark.parametrize(
    "text",
    [
        "Der Vermieter schrieb den Mietern einen Brief. Die Kosten seien gestiegen, und weitere "
        "Erhöhungen seien nicht auszuschließen.",
        "Der Arzt sprach am Abend mit den Eltern. Die Lage sei ernst, eine Besserung sei kaum zu "
        "erwarten.",
    ],
)
def test_a_modal_infinitive_is_no_speech_cue(extract: Extract, text: str) -> None:
    # "nicht auszuschließen", "kaum zu erwarten" with "sein" say what can be; they made the
    # Konjunktiv sentence look like one with a cue of its own, and it was lost (first run:
    # neither found)
    second = text.split(". ", 1)[1].rstrip(".")
    st = next(st for st in extract(text) if st.text == second)
    assert st.kind == "free_indirect"


def test_a_zu_infinitive_after_an_adjective_still_reports(extract: Extract) -> None:
    text = "Der Partei war es wichtig zu betonen, dass die Mieten bezahlbar bleiben."
    (st,) = extract(text)
    assert (st.text, st.cue) == ("die Mieten bezahlbar bleiben", "betonen")


def test_an_article_is_no_part_of_a_body_s_name(extract: Extract) -> None:
    # first run: "other:Der NDR" (the relative clause made the article look like a name word)
    text = (
        "Der NDR, der für den Vertrag verantwortlich ist, begründete die Entscheidung damit, "
        "dass die Kosten zu hoch seien."
    )
    (st,) = extract(text)
    assert st.speaker == "other:NDR"
