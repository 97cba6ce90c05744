"""Corpus evidence: reporter sentences only, with exact offsets and a citation."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.models import Article
from claims.rules.evidence import CorpusEvidenceFinder

from .helpers import make_article, make_statement

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def categories_of(finder: CorpusEvidenceFinder, article: Article) -> list[str]:
    return [e.category or "" for e in finder.find(article, [])]


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        (
            "Das Land stellt der Armee des Nachbarn Panzer und Munition zur Verfügung.",
            "weapons_supplied",
        ),
        ("Das Nachbarland diente den Truppen als Sprungbrett für die Invasion.", "territory_used"),
        ("Die Krankenhäuser kümmern sich um die verwundeten Soldaten.", "wounded_treated"),
        (
            "Raketenangriffe werden vom Staatsgebiet des Nachbarn aus gestartet.",
            "strikes_from_territory",
        ),
        ("Beide Armeen halten gemeinsame Manöver ab.", "joint_forces"),
        ("Der Staat bot seine Truppenübungsplätze für die Ausbildung an.", "training_grounds"),
    ],
)
def test_reporter_sentences_are_evidence(
    finder: CorpusEvidenceFinder, sentence: str, category: str
) -> None:
    article = make_article(f"Titel\n\n{sentence}\n")
    found = finder.find(article, [])
    assert [e.category for e in found] == [category]
    evidence = found[0]
    assert evidence.kind == "corpus" and evidence.action_id == category
    assert article.text is not None and evidence.start is not None and evidence.end is not None
    assert article.text[evidence.start : evidence.end] == evidence.text == sentence
    assert evidence.article_id == article.id
    assert evidence.source == "Titel — a.txt:3"


@pytest.mark.parametrize(
    "text",
    [
        # inside quote marks: someone else's words
        "Titel\n\nEr sagte: „Wir stellen Panzer und Munition zur Verfügung.“\n",
        # negated
        "Titel\n\nDas Land hat keine Panzer zur Verfügung gestellt.\n",
        # hedged: a fear, not an assertion
        "Titel\n\nBeobachter befürchten, das Land könnte Panzer zur Verfügung stellen.\n",
        # dismissed as a lie
        "Titel\n\nDie Meldung, das Land liefere Panzer, sei eine Lüge.\n",
    ],
)
def test_quotes_negations_hedges_are_not_evidence(finder: CorpusEvidenceFinder, text: str) -> None:
    assert finder.find(make_article(text), []) == []


def test_sentences_of_statements_are_not_evidence(finder: CorpusEvidenceFinder) -> None:
    text = "Titel\n\nDas Land stellt Panzer zur Verfügung, sagte der Sprecher.\n"
    article = make_article(text)
    assert len(finder.find(article, [])) == 1
    statement = make_statement(article, "Das Land stellt Panzer zur Verfügung", "other:Sprecher")
    assert finder.find(article, [statement]) == []


def test_article_without_text_has_no_evidence(finder: CorpusEvidenceFinder) -> None:
    article = make_article("Titel\n\nDas Land stellt Panzer zur Verfügung.\n").model_copy(
        update={"text": None}
    )
    assert finder.find(article, []) == []


def test_corpus_reporter_sentences_are_found(finder: CorpusEvidenceFinder) -> None:
    """The corpus asserts territory use, strikes, weapons, wounded, training and joint forces."""
    found: set[str] = set()
    for path in sorted(CORPUS.glob("*.txt")):
        article = make_article(path.read_text(encoding="utf-8"), path=path.name)
        for evidence in finder.find(article, []):
            assert article.text is not None
            assert article.text[evidence.start : evidence.end] == evidence.text
            found.add(evidence.category or "")
    assert {
        "territory_used", "strikes_from_territory", "weapons_supplied", "wounded_treated",
        "training_grounds", "joint_forces",
    } <= found  # fmt: skip
