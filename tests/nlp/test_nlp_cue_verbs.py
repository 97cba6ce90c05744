"""Which verbs and verb forms are speech cues: word classes of the lexicon, past plurals the lemma
table lacks, new cue verbs, ``davon ausgehen`` and ``hervorgehen``, verbs of remembering and
belief, and negated speech verbs. All texts are written for these tests."""

from __future__ import annotations

import pytest
from nlp_helpers import (
    Extract,
    by_exact_text,
    by_text,
    texts,
)

from claims.nlp.lexicon import load_lexicon


def test_lexicon_word_classes() -> None:
    from claims.nlp.lexicon import is_lower_case_word, is_role_noun, verb_lemmas

    assert is_role_noun("Pressesprecherin") and is_role_noun("Regierung")
    assert not is_role_noun("Einrichtung") and not is_role_noun("sprecher")
    assert "gehen" in verb_lemmas() and "neuen" not in verb_lemmas()
    assert is_lower_case_word("Verschiedene") and not is_lower_case_word("Rechte")


def test_strong_past_plurals_shadowed_by_nouns_are_cue_forms() -> None:
    forms = load_lexicon().forms
    assert ("an", "angeben") in forms["gaben"].separable  # the table only has "Gaben"
    assert forms["sprachen"].full == "sprechen"


def test_past_plural_of_a_separable_verb_reports(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Am Montag gaben die Behörden in Köln an, dass drei Menschen verletzt worden seien."
    statement = by_exact_text(extract(text), "drei Menschen verletzt worden seien")
    assert statement.kind == "indirect"
    assert statement.cue == "gaben an"


def test_new_cue_verbs(extract) -> None:  # type: ignore[no-untyped-def]
    statements = extract("Senatorin Ada Wolf erinnerte daran, dass die Mittel knapp seien.")
    assert by_exact_text(statements, "die Mittel knapp seien").speaker == "other:Ada Wolf"
    statements = extract("Er erinnerte sich, dass es damals regnete.")
    assert texts(statements) == []  # remembering is no speech
    statements = extract("Bürgermeister Lars Otte drückte sich vorsichtig aus: „Wir prüfen alles.“")
    statement = by_exact_text(statements, "Wir prüfen alles.")
    assert (statement.speaker, statement.cue) == ("other:Lars Otte", "drückte aus")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Der Arzt Peter Gold empfahl den Anwohnern, die Fenster geschlossen zu halten.",
            "die Fenster geschlossen zu halten",
            "other:Peter Gold",
        ),
        (
            "Stadträtin Eva Moll hat am Sonntag angeregt, die Gebühren zu senken.",
            "die Gebühren zu senken",
            "other:Eva Moll",
        ),
        (
            "Gewerkschafter Jonas Kern signalisierte, dass er dem Kompromiss zustimmen werde.",
            "er dem Kompromiss zustimmen werde",
            "other:Jonas Kern",
        ),
        (
            "Richterin Petra Lind plädierte dafür, das Verfahren einzustellen.",
            "das Verfahren einzustellen",
            "other:Petra Lind",
        ),
        (
            "Dazu ließ Premier Omar Haddad im Staatsfernsehen verbreiten, das Land werde "
            "nicht nachgeben.",
            "das Land werde nicht nachgeben",
            "other:Omar Haddad",
        ),
        (
            "Aus dem Bericht der Kommission geht hervor, dass die Kosten steigen.",
            "die Kosten steigen",
            None,
        ),
    ],
)
def test_new_cue_verbs_report_their_content(  # type: ignore[no-untyped-def]
    extract, text: str, content: str, speaker: str | None
) -> None:
    statement = by_exact_text(extract(text), content)
    assert statement.kind == "indirect"
    if speaker is not None:
        assert statement.speaker == speaker


def test_davon_ausgehen_reports_its_clause(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Kommissar Paul Stein geht davon aus, dass der Brand gelegt wurde."
    statement = by_exact_text(extract(text), "der Brand gelegt wurde")
    assert statement.speaker == "other:Paul Stein"


def test_davon_ausgehen_of_an_unnamed_group_is_a_belief(extract) -> None:  # type: ignore[no-untyped-def]
    # like "glauben": a perception of an unnamed group is no statement (docs/ANNOTATION.md)
    assert extract("Viele Anwohner gehen davon aus, dass der Brand gelegt wurde.") == []


def test_ausgehen_without_davon_reports_nothing(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract("Der Streit ging so aus, dass beide Seiten verloren.") == []


def test_hervorgehen_without_a_clause_reports_nothing(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract("Die Mannschaft ging als Sieger aus dem Turnier hervor.") == []


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


def test_zeigte_sich_reports_with_sich_only(extract: Extract) -> None:
    statements = extract(
        "„Wir haben jetzt alles in der eigenen Hand“, zeigte sich Trainer Paul Weber nach dem "
        "Spiel zufrieden. Die Umfrage zeigt, dass die Mehrheit dagegen ist."
    )
    assert by_text(statements, "eigenen Hand").speaker == "other:Paul Weber"
    assert all("Mehrheit" not in s.text for s in statements)


def test_passive_zitiert_after_a_quote_names_its_subject(extract: Extract) -> None:
    statements = extract(
        "„Wir werden das Werk nicht schließen“, wird Vorstandschef Karl Brenner, seit 2019 im "
        "Amt, in der Zeitung zitiert."
    )
    assert by_text(statements, "Werk").speaker == "other:Karl Brenner"


def test_active_zitiert_quotes_its_object_not_the_medium(extract: Extract) -> None:
    statements = extract(
        "Die Firma plant ein neues Werk. „Das wird unser größtes Projekt“, zitiert die "
        "„Rheinpost“ Firmenchefin Eva Lindner in ihrer Ausgabe vom Montag."
    )
    assert by_text(statements, "größtes Projekt").speaker == "other:Eva Lindner"


def test_beurteilen_governs_a_quoted_judgement(extract: Extract) -> None:
    statements = extract(
        "Als „verpasste Chance“ beurteilte der Geschäftsführer der Fraktion, Volker Brandt, "
        "die Amtszeit."
    )
    assert by_text(statements, "verpasste Chance").speaker == "other:Volker Brandt"


def test_zum_ausdruck_bringen_is_a_cue_with_a_fronted_object(extract: Extract) -> None:
    statements = extract(
        "Den Ärger der Eltern brachte die Vorsitzende des Elternbeirats, Heike Lorenzen, zum "
        "Ausdruck: „Wir sehen keinen Anlass, von unseren Forderungen abzurücken.“ Er brachte das "
        "Paket zur Post."
    )
    assert by_text(statements, "keinen Anlass").speaker == "other:Heike Lorenzen"
    assert all("Paket" not in s.text for s in statements)


def test_zu_bedenken_geben_reports_a_clause(extract: Extract) -> None:
    statements = extract("Die Ökonomin Ute Kramm gab zu bedenken, dass die Zinsen steigen könnten.")
    assert by_text(statements, "Zinsen").speaker == "other:Ute Kramm"
    assert extract("Er gab das Buch zurück.") == []
