"""The fast token layer: per-form keys, sentences, quotations and data-file peeking."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from claims.models import Statement
from claims.rules.claim_types import ClaimTagger, ClaimType
from claims.rules.clauses import QuoteMask, analyse, quoted_mask
from claims.rules.loading import top_level
from claims.rules.patterns import build_nlp
from claims.rules.tokens import Tokenizer

TEXTS = [
    "Wir mischen uns nicht ein und schicken keine Soldaten.",
    "Er schloss einen Einsatz aus, sie lehnte das Angebot ab.",
    "Die Regierung weigerte sich, Truppen einzusetzen  oder Waffen zu liefern.",
    "Russisch-belarussische Manöver: „Wir greifen nicht an“, sagte er.\nNeue Zeile – US-Truppen.",
    "Das Land stellt Panzer zur Verfügung (so der Bericht); man wies die Vorwürfe zurück!",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    return Tokenizer()


@pytest.mark.parametrize("text", TEXTS)
def test_fast_tokens_have_the_keys_of_the_pipeline_component(
    nlp: Language, tokenizer: Tokenizer, text: str
) -> None:
    doc = nlp(text)
    tokens = tokenizer(text)
    assert [lex.text for lex in tokens.lexes] == [t.text for t in doc]
    assert tokens.idx == [t.idx for t in doc]
    assert [tuple(sorted(tokens.keys(i))) for i in range(len(tokens))] == [
        t._.claims_keys for t in doc
    ]


def test_a_particle_joins_only_the_verbs_of_its_own_clause(tokenizer: Tokenizer) -> None:
    def keys_of(text: str, word: str) -> frozenset[str]:
        tokens = tokenizer(text)
        return tokens.keys([lex.text for lex in tokens.lexes].index(word))

    assert "ablehnen" in keys_of("Er lehnte das Angebot ab.", "lehnte")
    assert "ablehnen" not in keys_of("Er lehnte sich zurück und reiste ab.", "lehnte")
    assert "ablehnen" not in keys_of("Er lehnte das Angebot, sie reiste ab.", "lehnte")


def test_sentences_end_at_final_punctuation_before_a_capital_and_at_line_breaks(
    tokenizer: Tokenizer,
) -> None:
    text = "Am 3. Mai kam er. Dann ging er „weg.“ Ende\nTitel ohne Punkt\n\nz. B. hier."
    tokens = tokenizer(text)
    analysis = analyse(tokens)
    sentences = [text[tokens.start_char(s) : tokens.end_char(e - 1)] for s, e in analysis.bounds]
    assert sentences == [
        "Am 3. Mai kam er.",
        "Dann ging er „weg.“",
        "Ende",
        "Titel ohne Punkt",
        "z. B. hier.",
    ]


def test_negation_belongs_to_its_clause_and_conditions_to_their_sentence(
    tokenizer: Tokenizer,
) -> None:
    tokens = tokenizer("Wir kommen nicht, wir bleiben. Nur wenn es regnet, gehen wir.")
    analysis = analyse(tokens)
    words = [lex.text for lex in tokens.lexes]
    first = analysis.clause_at(words.index("kommen"))
    second = analysis.clause_at(words.index("bleiben"))
    assert first is not None and first.negated
    assert second is not None and not second.negated
    first_sentence = analysis.sentence_at(0)
    last_sentence = analysis.sentence_at(len(words) - 1)
    assert first_sentence is not None and not first_sentence.conditional
    assert last_sentence is not None and last_sentence.conditional
    assert analysis.clause_at(words.index(",")) is None


@pytest.mark.parametrize(
    "text",
    [
        'Er sagte: „Wir kommen.“ Dann „noch einmal“ und «so» und "so".',
        "Ein „offenes Zitat\nauf der nächsten Zeile“ zählt nicht.",
        "Verschachtelt: „außen ‚innen‘ weiter“ – Ende ‚kurz‘.",
    ],
)
def test_quote_mask_marks_paired_quotation_marks_within_a_line(text: str) -> None:
    mask = QuoteMask(text)
    per_char = quoted_mask(text)
    assert [mask[i] for i in range(len(text))] == per_char
    if "\n" in text.split("„", 1)[1].split("“", 1)[0]:
        assert not any(per_char)  # a quotation does not run over a line break
    else:
        assert per_char[text.index("„")] and per_char[text.index("“")]
        assert not per_char[0]


def test_a_tagger_uses_the_lemma_table_it_is_given() -> None:
    going = ClaimType.model_validate(
        {"id": "going", "title": "g", "definition": "d", "patterns": [{"terms": [["gehen"]]}],
         "examples": {"pass": ["x"], "fail": ["y"]}}
    )  # fmt: skip
    assert ClaimTagger([going]).tag_text("Er ging.") == ["going"]
    assert ClaimTagger([going], Tokenizer(lemmas={})).tag_text("Er ging.") == []


def test_a_changed_data_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("claim_types: []\n", encoding="utf-8")
    assert top_level(path).holds("claim_types") and not top_level(path).replace
    path.write_text("replace: true\nrules: []\n", encoding="utf-8")
    assert top_level(path).holds("rules") and not top_level(path).holds("claim_types")
    assert top_level(path).replace


@pytest.mark.parametrize(
    "token",
    [
        {"LOWER": "ging"},
        {"LEMMA": "gehen"},
        {"_": {"claims_keys": {"INTERSECTS": ["gehen"]}}},
        {"_": {"claims_keystr": {"REGEX": r"\|geh"}}},
    ],
)
def test_raw_token_patterns_see_what_they_read(token: dict[str, object]) -> None:
    going = ClaimType.model_validate(
        {"id": "going", "title": "g", "definition": "d", "patterns": [{"terms": [[[token]]]}],
         "examples": {"pass": ["x"], "fail": ["y"]}}
    )  # fmt: skip
    tagger = ClaimTagger([going])
    assert tagger.tag_text("Er ging.") == ["going"]
    text = "Titel: „Er ging nicht“"
    tokens = tagger.tokenizer(text)
    statement = Statement(
        id="s-1", article_id="a-1", speaker=None, kind="direct", text=text[8:21], start=8, end=21
    )
    assert tagger.tag([statement], tokens)[0].claims == ["going"]
