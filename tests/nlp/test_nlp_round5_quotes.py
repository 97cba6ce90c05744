"""Fifth round, direct and indirect statements: verbs of judging that govern a quoted phrase,
``als`` phrases before a verb at the clause end, a colon that announces a short quote, reports
before ``wie X mitteilte`` and before a subject with an apposition, new cue verbs, and ordinals
before quote marks in the sentence splitter. All texts are written for these tests."""

from __future__ import annotations

import pytest

from claims.models import Statement
from claims.nlp.lexicon import load_lexicon
from claims.nlp.sentences import paragraph_ranges, sentence_starts


def texts(statements: list[Statement], kind: str | None = None) -> list[str]:
    return [s.text for s in statements if kind in (None, s.kind)]


def by_text(statements: list[Statement], text: str) -> Statement:
    found = [s for s in statements if s.text == text]
    assert found, f"no statement {text!r}: {texts(statements)}"
    return found[0]


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
    statement = by_text(extract(text), quote)
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
def test_a_verb_at_the_clause_end_governs_an_als_phrase(extract, text: str, quote: str) -> None:  # type: ignore[no-untyped-def]
    assert quote in texts(extract(text), "direct")


def _quote_and_cue(extractor, text: str):  # type: ignore[no-untyped-def]
    from claims.ids import article_id, sha256_text
    from claims.models import Article
    from claims.nlp.quotecue import quote_cue

    article = Article(id=article_id(text), path="t.txt", sha256=sha256_text(text), text=text)
    doc = extractor._make_doc(article)
    for _, component in extractor.nlp.pipeline:
        doc = component(doc)
    quote = doc.spans["quotes"][0]
    cues = list(doc.spans["cues"])
    return doc, quote, quote_cue(doc, quote, cues, [c.start_char for c in cues])


def test_a_passive_naming_verb_reports_no_quote(extractor) -> None:  # type: ignore[no-untyped-def]
    from claims.nlp.quotecue import governed_phrase

    doc, quote, cue = _quote_and_cue(
        extractor, "Das Gas strömt aus der Sonne, das als „Sonnenwind“ bezeichnet wird."
    )
    assert cue is not None and not governed_phrase(doc, quote, cue)
    doc, quote, cue = _quote_and_cue(extractor, "Der Rat hatte das als „Unsinn“ bezeichnet.")
    assert governed_phrase(doc, quote, cue)


def test_a_colon_after_a_cue_announces_a_short_quote(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract("Ein Zuschauer sprang auf und schrie laut: „Das ist Betrug!“")
    assert texts(statements, "direct") == []  # "schreien" is no cue: nothing governs it
    statements = extract("Der Schiedsrichter zögerte nicht und erklärte: „Das ist Betrug!“")
    assert texts(statements, "direct") == ["Das ist Betrug!"]


@pytest.mark.parametrize(
    ("text", "report", "speaker"),
    [
        (
            "Die Preise seien im Herbst deutlich gestiegen, erklärte der Direktor der "
            "Landesbank (LBK), Tom Reiter.",
            "Die Preise seien im Herbst deutlich gestiegen",
            "other:Tom Reiter",
        ),
        (
            "Die Brücke bleibe bis Mai gesperrt, wie die Stadtverwaltung am Montag mitteilte.",
            "Die Brücke bleibe bis Mai gesperrt",
            "other:Stadtverwaltung",
        ),
        (
            "Die Brücke ist bis Mai gesperrt, wie Baustadtrat Ole Brand mitteilte.",
            "Die Brücke ist bis Mai gesperrt",
            "other:Ole Brand",
        ),
    ],
)
def test_report_before_its_cue(extract, text: str, report: str, speaker: str | None) -> None:  # type: ignore[no-untyped-def]
    statement = by_text(extract(text), report)
    assert statement.kind == "indirect"
    assert statement.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Die Preise seien gestiegen, sagte Reiter, der seit Mai im Amt ist.",  # a relative clause
        "Das Wetter war schön, wie man sieht.",
        "Die Brücke ist gesperrt, wie erwartet.",
    ],
)
def test_no_report_before_a_cue_with_a_clause_of_its_own(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    statements = extract(text)
    assert not [s for s in statements if s.text.startswith(("Die Preise", "Das Wetter", "Die Br"))]


def test_new_cue_verbs(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract("Senatorin Ada Wolf erinnerte daran, dass die Mittel knapp seien.")
    assert by_text(statements, "die Mittel knapp seien").speaker == "other:Ada Wolf"
    statements = extract("Er erinnerte sich, dass es damals regnete.")
    assert texts(statements) == []  # remembering is no speech
    statements = extract("Bürgermeister Lars Otte drückte sich vorsichtig aus: „Wir prüfen alles.“")
    statement = by_text(statements, "Wir prüfen alles.")
    assert (statement.speaker, statement.cue) == ("other:Lars Otte", "drückte aus")


@pytest.mark.parametrize(
    "second",
    [
        "Die Behörde halte die Pläne für verfrüht.",
        "Die Behörde nenne die Pläne verfrüht.",
        "Die Behörde spreche von einem Fehler.",
    ],
)
def test_a_quote_only_verb_does_not_block_a_reported_sentence(extract, second: str) -> None:  # type: ignore[no-untyped-def]
    statements = extract("Sprecherin Anna Roth äußerte sich am Montag. " + second)
    statement = by_text(statements, second.rstrip("."))
    assert (statement.kind, statement.speaker) == ("indirect", "other:Anna Roth")


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Am Freitag beginnt die 22. „Winterwoche“ im Park. Sie dauert zehn Tage.", 2),
        ("Eröffnet wurde die „4. Winterwoche“ am Montag. Sie dauert zehn Tage.", 2),
        ("Das Fest dauert vom 19.–20. August. Der Eintritt ist frei.", 2),
        ('Die Bühne steht in Halle 4. "Wir sind bereit", sagte sie.', 2),  # a cardinal
    ],
)
def test_ordinals_before_quote_marks_do_not_end_a_sentence(text: str, sentences: int) -> None:
    abbreviations = load_lexicon().abbreviations
    assert len(sentence_starts(text, paragraph_ranges(text), abbreviations)) == sentences


def test_report_before_a_subject_with_a_lower_case_apposition(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "Die Lage sei unter Kontrolle, sagte Jan Mertens, belgischer General und Kommandeur "
        "der Mission, am Montag."
    )
    assert by_text(statements, "Die Lage sei unter Kontrolle").speaker == "other:Jan Mertens"


@pytest.mark.parametrize(
    ("before", "quote", "after", "rule"),
    [
        ("Sie spielten vor allem Lieder wie ", "Walk on the Wild Side", ".", "name-foreign"),
        ("Die Rennstrecke ", "La piste de Rochefort", " gilt als schwer.", "name-foreign"),
        ("Er rief ", "Go home", " und ging.", None),  # no function word: may be speech
        ("Sie sagte: ", "We will stay.", "", None),  # a sentence
        ("Er sagte, ", "the end is near, my friends", ".", None),  # lower case, a comma
        ("Er sprach von einer ", "Politik der kleinen Schritte", ".", None),  # German
    ],
)
def test_a_short_phrase_in_another_language_is_a_title(
    before: str, quote: str, after: str, rule: str | None
) -> None:
    from claims.nlp.titles import name_rule

    assert name_rule(before, quote, after, frozenset({"sagte", "rief"})) == rule


def test_a_quoted_foreign_title_is_no_statement(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract(
        "Sängerin Mia Roth stellte am Abend die neue Platte vor: „Light of the Sea“."
    )
    assert texts(statements, "direct") == []
    statements = extract("„Light of the sea is what we need“, sagte Sängerin Mia Roth.")
    assert texts(statements, "direct") == ["Light of the sea is what we need"]


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("Ein Sprecher der Bahn wollte nicht bestätigen, dass die Strecke gesperrt sei.", False),
        ("Die Ärztin sagte nicht, ob der Patient überlebt habe.", False),
        ("Ein Sprecher der Bahn bestätigte, dass die Strecke gesperrt sei.", True),
        ("Der Minister schloss nicht aus, dass die Steuern steigen könnten.", True),  # denial
        ("Sie warnte nicht nur vor Hitze, sondern sagte, es drohe Sturm.", True),
    ],
)
def test_a_negated_speech_verb_reports_nothing(extract, text: str, reported: bool) -> None:  # type: ignore[no-untyped-def]
    assert bool(texts(extract(text), "indirect")) is reported


@pytest.mark.parametrize(
    ("before", "quote"),
    [
        ("Die neue Version (Codename: ", "Nordlicht"),
        ("Das Flugblatt erschien unter der Überschrift ", "Kiel und seine Verräter"),
    ],
)
def test_a_noun_of_naming_makes_a_quote_a_name(before: str, quote: str) -> None:
    from claims.nlp.titles import name_rule

    assert name_rule(before, quote, ").", frozenset()) == "name-noun"
    assert name_rule("Er sagte: ", quote, ".", frozenset()) is None
