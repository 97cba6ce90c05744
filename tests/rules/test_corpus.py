"""End to end on ``corpus/`` and the annotated test articles: the rule stage on gold statements.

The gold files (``tests/gold/*.jsonl``) mark the statements a documented action contradicts.
Here the statements are taken from the gold files themselves (so extraction errors do not
count) and the speech cue is the words around the statement, as the extractor reports it; the
tagger, the corpus evidence finder and the engine must then flag the contradicted statements
(recall >= 0.9) and nothing else (precision >= 0.9), each finding with cited evidence.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from claims.ids import statement_id
from claims.ingest.loader import load_articles
from claims.models import Action, Article, Finding, Statement
from claims.rules.claim_types import ClaimTagger
from claims.rules.engine import evaluate
from claims.rules.evidence import CorpusEvidenceFinder
from claims.rules.schema import Rule

ROOT = Path(__file__).resolve().parents[2]
SETS = [
    ("corpus", ROOT / "tests" / "gold" / "corpus.jsonl", ROOT / "corpus"),
    ("articles", ROOT / "tests" / "gold" / "articles.jsonl", ROOT / "tests" / "gold" / "articles"),
]


def cue_around(text: str, start: int, end: int) -> str:
    """The words next to a statement on its line: where a speech verb stands."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = re.findall(r"\w+", text[line_start:start])[-3:]
    after = re.findall(r"\w+", text[end : line_end if line_end >= 0 else len(text)])[:3]
    return " ".join(before + after)


def gold_run(
    gold: Path,
    root: Path,
    tagger: ClaimTagger,
    finder: CorpusEvidenceFinder,
    rules: list[Rule],
    actions: list[Action],
    actors: dict[str, str],
) -> tuple[list[Statement], dict[str, bool], list[Finding]]:
    articles = {Path(a.path).name: a for a in load_articles([root]) if isinstance(a, Article)}
    statements: list[Statement] = []
    truth: dict[str, bool] = {}
    for line in gold.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        article = articles[item["article"]]
        assert article.text is not None
        start = -1
        for _ in range(item.get("occurrence", 1)):
            start = article.text.index(item["text"], start + 1)
        end = start + len(item["text"])
        statement = Statement(
            id=statement_id(article.id, start, end, item["kind"]),
            article_id=article.id,
            speaker=item["speaker"],
            kind=item["kind"],
            text=item["text"],
            start=start,
            end=end,
            cue=cue_around(article.text, start, end),
        )
        statements.append(statement)
        truth[statement.id] = truth.get(statement.id, False) or bool(item["contradiction"])
    statements = tagger.tag(statements)
    evidence = [
        e
        for a in articles.values()
        for e in finder.find(a, [s for s in statements if s.article_id == a.id])
    ]
    findings = evaluate(statements, list(articles.values()), actions, evidence, rules, actors)
    return statements, truth, findings


@pytest.mark.parametrize(("name", "gold", "root"), SETS, ids=[s[0] for s in SETS])
def test_contradictions_found_with_evidence(
    name: str,
    gold: Path,
    root: Path,
    tagger: ClaimTagger,
    finder: CorpusEvidenceFinder,
    rules: list[Rule],
    actions: list[Action],
    actors: dict[str, str],
) -> None:
    if not gold.exists():
        pytest.skip(f"no gold file {gold}")
    statements, truth, findings = gold_run(gold, root, tagger, finder, rules, actions, actors)
    # a statement repeated word for word (headline, subtitle) is flagged once, with occurrences
    flagged = {
        sid
        for f in findings
        if f.verdict == "contradiction"
        for sid in (f.statement_id, *(o.statement_id for o in f.occurrences))
    }
    expected = {sid for sid, contradicted in truth.items() if contradicted}
    text = {s.id: s.text for s in statements}
    missed = [text[s] for s in expected - flagged]
    wrong = [text[s] for s in flagged - expected]
    recall = len(expected & flagged) / len(expected)
    precision = len(expected & flagged) / max(1, len(flagged))
    assert recall >= 0.9, missed
    assert precision >= 0.9, wrong
    for finding in findings:
        assert finding.evidence, finding
        assert all(e.source for e in finding.evidence)


def test_corpus_findings_cite_the_article_and_the_kb(
    tagger: ClaimTagger,
    finder: CorpusEvidenceFinder,
    rules: list[Rule],
    actions: list[Action],
    actors: dict[str, str],
) -> None:
    """Aleinik's denial (27 Sep 2023) is contradicted by the territory use since Feb 2022."""
    _, _, gold, root = (None, None, *SETS[0][1:])
    statements, _, findings = gold_run(gold, root, tagger, finder, rules, actions, actors)
    by_id = {s.id: s for s in statements}
    finding = next(
        f
        for f in findings
        if by_id[f.statement_id].text.startswith("er sich nicht vorstellen könne")
    )
    assert finding.rule_id == "CC001" and finding.timing == "prior"
    assert finding.actions[0] == "by-territory-invasion-2022"
    assert "undocs.org/A/RES/ES-11/1" in finding.evidence[0].source
    same_article = [
        e for e in finding.evidence if e.article_id == by_id[finding.statement_id].article_id
    ]
    assert same_article and "Territorium" in same_article[0].text
    assert finding.explanation.startswith(
        "Aleinik denied that Belarus takes part in the war (27 Sep 2023)"
    )
