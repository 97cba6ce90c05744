"""Claim tagging: negation scope, conditions, denying cues, and the batch API."""

from __future__ import annotations

import pytest

from claims.rules.claim_types import ClaimTagger, ClaimType
from claims.rules.patterns import TermPattern, build_nlp

from .helpers import make_article, make_statement


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wir beteiligen uns nicht an diesem Krieg.", ["deny_involvement"]),
        ("Wir beteiligen uns an diesem Krieg.", []),
        # negation in another clause does not reach the predicate
        ("Das ist nicht wahr, wir beteiligen uns an dem Krieg.", []),
        # a negated bridge verb reaches into its dass-complement
        ("Ich glaube nicht, dass wir uns an dem Krieg beteiligen werden.", ["deny_involvement"]),
        ("Auf keinen Fall werden wir uns am Krieg beteiligen.", ["deny_involvement"]),
        ("Weder wir noch unsere Nachbarn werden uns am Krieg beteiligen.", ["deny_involvement"]),
        ("Niemals würden wir uns in den Konflikt einmischen.", ["deny_involvement"]),
        # "nicht nur ..., sondern auch" is additive
        ("Wir haben uns nicht nur eingemischt, sondern auch geholfen.", ["admit_support"]),
    ],
)
def test_negation_scope(tagger: ClaimTagger, text: str, expected: list[str]) -> None:
    assert tagger.tag_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Wir greifen nur ein, wenn man uns angreift.",
        "Wir werden uns lediglich dann beteiligen, wenn unser Land bedroht ist.",
        "Falls man uns angreift, werden wir uns verteidigen.",
    ],
)
def test_conditions_make_conditional_involvement_not_a_denial(
    tagger: ClaimTagger, text: str
) -> None:
    tags = tagger.tag_text(text)
    assert "conditional_involvement" in tags
    assert not [t for t in tags if t.startswith("deny_")]


def test_a_bare_wenn_is_not_a_condition_of_involvement(tagger: ClaimTagger) -> None:
    assert tagger.tag_text("Wenn es regnet, bleiben wir nicht zu Hause.") == []


def test_denying_cue_negates_the_reported_content(tagger: ClaimTagger) -> None:
    text = "Berichte über Waffenlieferungen an Russland"
    assert tagger.tag_text(text) == []
    assert tagger.tag_text(text, cue="bestritt") == ["deny_weapons"]
    assert tagger.tag_text(text, cue="wies zurück") == ["deny_weapons"]
    assert tagger.tag_text(text, cue="sagte") == []


def test_tag_copies_statements_and_keeps_every_other_field(tagger: ClaimTagger) -> None:
    article = make_article("Titel\nWir töten dort niemanden. Wir lieben den Frieden.")
    first = make_statement(article, "Wir töten dort niemanden", "lukashenko", cue="sagte")
    second = make_statement(article, "Wir lieben den Frieden", None)
    tagged = tagger.tag([first, second])
    assert [s.claims for s in tagged] == [["deny_killing"], ["peace_advocacy"]]
    assert tagged[0].model_dump(exclude={"claims"}) == first.model_dump(exclude={"claims"})
    assert first.claims == [] and second.claims == []


def test_a_statement_may_carry_several_types_or_none(tagger: ClaimTagger) -> None:
    assert tagger.tag_text(
        "Wir mischen uns dort nicht ein, wir töten keinen Menschen, wir entsenden keine Soldaten."
    ) == ["deny_involvement", "deny_killing", "deny_troops"]
    assert tagger.tag_text("Die Ernte war gut.") == []


def test_suppressed_by_cancels_a_type() -> None:
    pattern = TermPattern(terms=[["frieden"]])
    peace = ClaimType.model_validate(
        {"id": "peace", "title": "p", "definition": "d", "patterns": [pattern],
         "suppressed_by": ["war"], "examples": {"pass": ["x"], "fail": ["y"]}}
    )  # fmt: skip
    war = ClaimType.model_validate(
        {"id": "war", "title": "w", "definition": "d", "patterns": [{"terms": [["krieg"]]}],
         "examples": {"pass": ["x"], "fail": ["y"]}}
    )  # fmt: skip
    tagger = ClaimTagger([peace, war])
    assert tagger.tag_text("Frieden ist gut.") == ["peace"]
    assert tagger.tag_text("Frieden statt Krieg.") == ["war"]


def test_wildcards_stems_and_separable_verbs_match_inflected_forms() -> None:
    ct = ClaimType.model_validate(
        {"id": "t", "title": "t", "definition": "d",
         "patterns": [{"terms": [["*angriff"], ["einmischen", "zur verfügung"]]}],
         "examples": {"pass": ["x"], "fail": ["y"]}}
    )  # fmt: skip
    tagger = ClaimTagger([ct])
    assert tagger.tag_text("Bei Luftangriffen mischen sie sich ein.") == ["t"]
    assert tagger.tag_text("Für Raketenangriffe stellt man nichts zur Verfügung.") == ["t"]
    assert tagger.tag_text("Bei Luftangriffen mischen sie Farben.") == []


def test_raw_spacy_token_patterns_are_accepted() -> None:
    ct = ClaimType.model_validate(
        {"id": "raw", "title": "r", "definition": "d",
         "patterns": [{"terms": [[[{"LOWER": "rote"}, {"LOWER": "linie"}]]]}],
         "examples": {"pass": ["x"], "fail": ["y"]}}
    )  # fmt: skip
    assert ClaimTagger([ct]).tag_text("Das ist eine rote Linie.") == ["raw"]


def test_lookup_lemmatizer_gives_the_keys_the_patterns_rely_on() -> None:
    nlp = build_nlp()
    doc = nlp("Wir mischen uns nicht ein und schicken keine Soldaten.")
    keys = {t.text: set(t._.claims_keys) for t in doc}
    assert "einmischen" in keys["mischen"]
    assert {"soldat", "soldaten"} <= keys["Soldaten"]
    assert "kein" in keys["keine"]
