"""The engine on another topic with its own data files and no code change.

``tests/fixtures/other_topic`` holds a fictional case: Nordland's defence minister denies arms
exports while an export of shells is documented. Its files replace every built-in entry.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claims.kb.actions import load_actions
from claims.kb.categories import load_categories
from claims.models import Article, Finding
from claims.rules.claim_types import ClaimTagger, load_claim_types
from claims.rules.engine import evaluate
from claims.rules.evidence import CorpusEvidenceFinder
from claims.rules.loader import load_actor_info, load_actors, load_rules, validate_references

from .helpers import make_article, make_statement

TOPIC = Path(__file__).resolve().parent.parent / "fixtures" / "other_topic"
KB = [TOPIC / "kb.yaml"]
RULES = [TOPIC / "rules.yaml"]
SPEAKERS = [TOPIC / "speakers.yaml"]


@pytest.fixture(scope="module")
def article() -> Article:
    text = (TOPIC / "article.txt").read_text(encoding="utf-8")
    return make_article(text, published=dt.date(2024, 6, 12), path=str(TOPIC / "article.txt"))


def run(article: Article, kb: list[Path], rules: list[Path], speakers: list[Path]) -> list[Finding]:
    """The rule stage on the topic's article, with the given data files and no code change."""
    tagger = ClaimTagger(load_claim_types(rules))
    finder = CorpusEvidenceFinder(load_categories(kb))
    statements = tagger.tag(
        [
            make_statement(article, "Wir exportieren keine Waffen in Kriegsgebiete", "lindqvist"),
            make_statement(
                article, "Nordland halte sich strikt an seine Exportgesetze", "lindqvist"
            ),
            make_statement(article, "Wir setzen uns für Frieden in der Region ein", "lindqvist"),
        ]
    )
    return evaluate(
        statements,
        [article],
        load_actions(kb),
        finder.find(article, statements),
        load_rules(rules),
        load_actors(speakers),
        actor_info=load_actor_info(speakers),
    )


def without_replace(paths: list[Path], tmp_path: Path) -> list[Path]:
    copies = []
    for path in paths:
        copy = tmp_path / path.name
        copy.write_text(path.read_text(encoding="utf-8").replace("replace: true\n", ""), "utf-8")
        copies.append(copy)
    return copies


def test_other_topic_files_replace_the_builtin_data() -> None:
    assert [a.id for a in load_actions(KB)] == ["nl-shells-2024"]
    assert [r.id for r in load_rules(RULES)] == ["XR001"]
    assert [c.id for c in load_claim_types(RULES)] == ["deny_arms_export"]
    assert load_actors(SPEAKERS) == {"lindqvist": "Nordland"}
    assert validate_references(
        load_claim_types(RULES), load_rules(RULES), load_actions(KB), load_categories(KB),
        load_actor_info(SPEAKERS),
    ) == []  # fmt: skip


def test_denial_of_arms_exports_is_flagged_with_kb_and_corpus_evidence(article: Article) -> None:
    findings = run(article, KB, RULES, SPEAKERS)
    assert [(f.rule_id, f.timing) for f in findings] == [("XR001", "prior")]
    finding = findings[0]
    assert finding.claim_types == ["deny_arms_export"]
    assert finding.actions == ["nl-shells-2024"]
    kinds = [e.kind for e in finding.evidence]
    assert kinds[0] == "kb" and "corpus" in kinds
    corpus = next(e for e in finding.evidence if e.kind == "corpus")
    assert article.text is not None and corpus.start is not None and corpus.end is not None
    assert article.text[corpus.start : corpus.end] == corpus.text
    assert "Artilleriegranaten" in corpus.text
    assert finding.explanation.startswith("Lindqvist denied arms exports (12 Jun 2024), but")
    assert "example.org" in finding.evidence[0].source


def test_other_topic_data_added_to_the_builtins_leaves_both_working(
    article: Article, tmp_path: Path
) -> None:
    kb, rules, speakers = (without_replace(p, tmp_path) for p in (KB, RULES, SPEAKERS))
    assert {"CC001", "XR001"} <= {r.id for r in load_rules(rules)}
    assert load_actors(speakers)["lukashenko"] == "Belarus"
    findings = run(article, kb, rules, speakers)
    assert [f.rule_id for f in findings] == ["XR001"]
