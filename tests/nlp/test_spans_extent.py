"""How far speaker phrases and cues reach (round ``nlp-17``, issue 19): the whole noun phrase
that names the speaker, with attributes, appositions and joined names; the cue with the words of
its verb complex; a source marker's noun phrase as the speaker and its adposition as the cue.
The sentences were written for these tests, before the rules (first run: 12 of 27 speakers and
12 of 27 cues as expected)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from claims.models import Statement
from claims.nlp.speakers.extent import speaker_extent
from claims.nlp.tokenizer import blank_german

Extract = Callable[[str], list[Statement]]

CASES = [
    (
        "Der Sprecher des Bauernverbands, Karl Weidner, sagte, die Ernte sei schlecht ausgefallen.",
        "Der Sprecher des Bauernverbands, Karl Weidner",
        "sagte",
    ),
    (
        "Karl Weidner, der Sprecher des Bauernverbands, sagte, die Ernte sei schlecht ausgefallen.",
        "Karl Weidner, der Sprecher des Bauernverbands",
        "sagte",
    ),
    (
        "Die Landwirtschaftsministerin Petra Brandl (CSU) erklärte, die Hilfen kämen bald.",
        "Die Landwirtschaftsministerin Petra Brandl (CSU)",
        "erklärte",
    ),
    (
        "Ein Vertreter der Feuerwehr hatte gesagt, der Brand sei gelöscht.",
        "Ein Vertreter der Feuerwehr",
        "hatte gesagt",
    ),
    ("Die Polizei geht davon aus, dass der Täter geflohen ist.", "Die Polizei", "geht davon aus"),
    (
        "Der Trainer äußerte sich zufrieden: „Wir haben gut gespielt.“",
        "Der Trainer",
        "äußerte sich",
    ),
    (
        "Die Direktorin des Museums, Anna Roth, meldete sich mit den Worten: „Das Bild ist echt.“",
        "Die Direktorin des Museums, Anna Roth",
        "meldete sich mit den Worten",
    ),
    ("Es war berichtet worden, dass der Zug entgleist sei.", None, "war berichtet worden"),
    ("Der Minister wird beschuldigt, Gelder veruntreut zu haben.", None, "wird beschuldigt"),
    (
        "Nach Angaben der Stadtverwaltung wurden drei Häuser beschädigt.",
        "Angaben der Stadtverwaltung",
        "Nach",
    ),
    (
        "Die Chefin der örtlichen Klinik, Dr. Maria Lenz, sagte der Zeitung, die Lage sei ernst.",
        "Die Chefin der örtlichen Klinik, Dr. Maria Lenz",
        "sagte",
    ),
    (
        "Die Forscher der Universität Kiel haben bestätigt, dass das Wasser sauber ist.",
        "Die Forscher der Universität Kiel",
        "haben bestätigt",
    ),
    (
        "Der ehemalige Außenminister Hans Vogt (FDP) hat sich gegen den Plan ausgesprochen "
        "und gesagt, er halte ihn für falsch.",
        "Der ehemalige Außenminister Hans Vogt (FDP)",
        "hat gesagt",
    ),
    (
        "Laut dem Sprecher der Bahn, Tim Kaiser, fallen morgen alle Züge aus.",
        "dem Sprecher der Bahn, Tim Kaiser",
        "Laut",
    ),
    (
        "Nach Angaben des Umweltamtes ist der Fluss wieder sauber.",
        "Angaben des Umweltamtes",
        "Nach",
    ),
    ("Nach eigenen Angaben hat die Firma keine Schulden.", "eigenen Angaben", "Nach"),
    ("Dem Gutachten zufolge war die Brücke seit Jahren marode.", "Dem Gutachten", "zufolge"),
    ("Seiner Ansicht nach ist das Gesetz verfassungswidrig.", "Seiner Ansicht", "nach"),
    (
        "Laut einer Mitteilung der Stadtwerke steigen die Preise im Herbst.",
        "einer Mitteilung der Stadtwerke",
        "Laut",
    ),
    (
        "Wie der Sprecher der Staatsanwaltschaft mitteilte, wurde der Verdächtige festgenommen.",
        "der Sprecher der Staatsanwaltschaft",
        "Wie mitteilte",
    ),
    (
        "Die Gewerkschaft wies darauf hin, dass die Löhne seit Jahren stagnieren.",
        "Die Gewerkschaft",
        "wies darauf hin",
    ),
    (
        "Die Abgeordneten Eva Kern und Paul Stein forderten, das Verfahren sofort zu stoppen.",
        "Die Abgeordneten Eva Kern und Paul Stein",
        "forderten",
    ),
    (
        "Der Vorsitzende des Vereins für Denkmalpflege sagte, das Haus müsse erhalten bleiben.",
        "Der Vorsitzende des Vereins für Denkmalpflege",
        "sagte",
    ),
    (
        "Die Ärztin bezeichnete die Versorgung als „völlig unzureichend“.",
        "Die Ärztin",
        "bezeichnete als",
    ),
    (
        "„Wir sind enttäuscht“, sagte Jana Weiß, die Vorsitzende des Mieterbundes.",
        "Jana Weiß, die Vorsitzende des Mieterbundes",
        "sagte",
    ),
    (
        "Der Bürgermeister von Talheim hatte erklärt, die Schule werde nicht geschlossen.",
        "Der Bürgermeister von Talheim",
        "hatte erklärt",
    ),
]


def _at(text: str, where: list[int] | None) -> str | None:
    return text[where[0] : where[1]] if where else None


@pytest.mark.parametrize(("text", "speaker", "cue"), CASES)
def test_speaker_phrase_and_cue_pieces(
    extract: Extract, text: str, speaker: str | None, cue: str
) -> None:
    st = extract(text)[0]
    assert _at(text, st.speaker_span) == speaker
    assert " ".join(_at(text, c) or "" for c in st.cue_spans or []) == cue


def test_a_dative_after_a_named_speaker_stays_the_addressee(extract: Extract) -> None:
    text = "„Wir kommen nicht“, sagte Jonas Berger der Zeitung."
    st = extract(text)[0]
    assert _at(text, st.speaker_span) == "Jonas Berger"
    assert _at(text, st.addressee_span) == "der Zeitung"


def test_a_name_takes_no_genitive_phrase_after_it(extract: Extract) -> None:
    text = "Nach dem Treffen erklärte Lea Stein der Vorsitzenden des Rates, der Plan sei gut."
    st = extract(text)[0]
    assert _at(text, st.speaker_span) == "Lea Stein"


def test_a_finite_verb_is_no_adjective_of_the_phrase(extract: Extract) -> None:
    text = "Deshalb forderte Paula Graf, dass die Regeln verschärft werden."
    st = extract(text)[0]
    assert _at(text, st.speaker_span) == "Paula Graf"
    assert [_at(text, c) for c in st.cue_spans or []] == ["forderte"]


def test_spans_change_no_statement(extract: Extract) -> None:
    text = (
        "Der Sprecher des Bauernverbands, Karl Weidner, hatte gesagt, die Ernte sei schlecht. "
        "Nach Angaben der Stadt wurden drei Häuser beschädigt."
    )
    sts = extract(text)
    assert [s.speaker for s in sts] == ["other:Karl Weidner", None]
    assert [s.cue for s in sts] == ["gesagt", "Nach Angaben"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Die Sprecherin der Stadt erklärte, der Bau verzögere sich. Die Kosten seien gedeckt.",
            "Die Sprecherin der Stadt",
        ),
        (
            "Nach Angaben der Feuerwehr brannte die Halle aus. Verletzt worden sei niemand.",
            "Angaben der Feuerwehr",
        ),
    ],
)
def test_a_continuation_is_spoken_by_the_phrase_of_its_report(
    extract: Extract, text: str, speaker: str
) -> None:
    report, continuation = extract(text)
    assert continuation.kind == "free_indirect"
    assert _at(text, continuation.speaker_span) == _at(text, report.speaker_span) == speaker
    assert continuation.cue_spans is None


def test_a_fronted_adverbial_is_no_correlate_of_the_cue(extract: Extract) -> None:
    text = "Darüber hinaus wies der Minister den Vorwurf der Bestechung entschieden zurück."
    st = extract(text)[0]
    assert [_at(text, c) for c in st.cue_spans or []] == ["wies", "zurück"]


def test_a_quote_that_fills_an_indirect_clause_names_the_clause(extract: Extract) -> None:
    text = "Der Trainer erklärte, es sei „ein Spiel, das wir nie vergessen werden“."
    (st,) = extract(text)
    assert st.kind == "direct" and st.text == "ein Spiel, das wir nie vergessen werden"
    assert _at(text, st.clause_span) == "es sei „ein Spiel, das wir nie vergessen werden“"


def test_a_quote_of_its_own_has_no_clause(extract: Extract) -> None:
    text = "„Wir haben gut gespielt“, sagte der Trainer."
    (st,) = extract(text)
    assert st.clause_span is None


def _doc(text: str) -> Doc:
    return blank_german()(text)


def _range_of(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return (start, start + len(words))


@pytest.mark.parametrize(
    ("text", "mention", "phrase"),
    [
        ("Am Montag sagte er nichts.", "Am Montag", None),
        ("Als Begründung nannte sie Kosten.", "Als Begründung", None),
        ("Außerdem Peter Krause sagte nichts.", "Außerdem Peter Krause", "Peter Krause"),
        (
            "Der Leiter des Amtes für Statistik Jan Ott sagte nichts.",
            "Jan Ott",
            "Der Leiter des Amtes für Statistik Jan Ott",
        ),
    ],
)
def test_speaker_extent_on_a_plain_doc(text: str, mention: str, phrase: str | None) -> None:
    doc = _doc(text)
    verb = next(t.i for t in doc if t.text in ("sagte", "nannte"))
    found = speaker_extent(doc, _range_of(text, mention), 0, verb)
    assert (text[found[0] : found[1]] if found else None) == phrase


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Die Sprecherin der Fraktion im Landtag, Anna Weber, sagte, der Plan sei gut.",
            "Die Sprecherin der Fraktion im Landtag, Anna Weber",
        ),
        (
            "„Der Plan ist gut“, sagte Anna Weber, Sprecherin der Fraktion im Landtag.",
            "Anna Weber, Sprecherin der Fraktion im Landtag",
        ),
        # outside an apposition "in" opens an adverbial, not part of the phrase
        ("Anna Weber sagte in einem Interview, der Plan sei gut.", "Anna Weber"),
    ],
)
def test_a_place_phrase_belongs_to_an_apposition(extract: Extract, text: str, speaker: str) -> None:
    st = extract(text)[0]
    assert _at(text, st.speaker_span) == speaker


def test_an_inverted_pronoun_and_a_subject_after_das_are_speaker_phrases(
    extract: Extract,
) -> None:
    text = (
        "Der Trainer war zufrieden. „Wir haben verdient gewonnen“, sagte er. "
        "„Die Mannschaft war stark.“ „Es war knapp.“ Das sagte der Kapitän nach dem Spiel."
    )
    first, second, third = extract(text)[:3]
    assert _at(text, first.speaker_span) == "er"
    # the quote right after goes on with the same unnamed speaker
    assert _at(text, second.speaker_span) == "er" and second.cue_spans is None
    # "Das" points back to the quote; the subject follows the verb
    assert _at(text, third.speaker_span) == "der Kapitän"


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        (
            "Die Ministerin forderte die Gewerkschaft auf, neue Gespräche zu führen.",
            "die Gewerkschaft",
        ),
        ("Der Bürgermeister rief die Bürger auf, Wasser zu sparen.", "die Bürger"),
        ("Die Opposition warf der Regierung vor, die Krise verschlafen zu haben.", "der Regierung"),
        ("Der Papst appellierte an die Politiker, den Frieden zu sichern.", "die Politiker"),
        ("Dem Minister wird vorgeworfen, Gelder veruntreut zu haben.", "Dem Minister"),
        ("Die Staatsanwaltschaft beschuldigt den Mann, das Feuer gelegt zu haben.", "den Mann"),
        # no speaker named: the phrase after the verb may be its subject, not whom it warns
        ("Am Abend warnten die Ärzte vor der Grippe, die sich rasch ausbreite.", None),
    ],
)
def test_whom_a_request_or_an_accusation_addresses(
    extract: Extract, text: str, addressee: str | None
) -> None:
    st = extract(text)[0]
    assert _at(text, st.addressee_span) == addressee
