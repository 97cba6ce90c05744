"""Engine cases in ``cases/*.yaml``: an article, its statements, and the findings expected.

Each case runs the whole rule stage (tagger, corpus evidence finder, engine) on the built-in
data unless it brings its own ``actions:`` or ``rules:``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from claims.models import Action, Finding, Statement
from claims.rules.claim_types import ClaimTagger
from claims.rules.engine import evaluate
from claims.rules.evidence import CorpusEvidenceFinder
from claims.rules.schema import Rule

from .helpers import make_article, make_statement

CASES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))


def run_case(
    case: dict[str, Any],
    tagger: ClaimTagger,
    finder: CorpusEvidenceFinder,
    rules: list[Rule],
    actions: list[Action],
    actors: dict[str, str],
) -> tuple[list[Statement], list[Finding]]:
    raw_date = case["article"].get("date")
    date = dt.date.fromisoformat(str(raw_date)) if raw_date else None
    article = make_article(case["article"]["text"], published=date)
    statements = tagger.tag(
        [
            make_statement(
                article,
                s["text"],
                s["speaker"],
                cue=s.get("cue"),
                occurrence=s.get("occurrence", 1),
            )
            for s in case["statements"]
        ]
    )
    if "actions" in case:
        actions = [Action.model_validate(a) for a in case["actions"]]
    if "rules" in case:
        rules = [Rule.model_validate(r) for r in case["rules"]]
    evidence = finder.find(article, statements)
    return statements, evaluate(statements, [article], actions, evidence, rules, actors)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_engine_case(
    path: Path,
    tagger: ClaimTagger,
    finder: CorpusEvidenceFinder,
    rules: list[Rule],
    actions: list[Action],
    actors: dict[str, str],
) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    statements, findings = run_case(case, tagger, finder, rules, actions, actors)
    speaker_of = {s.id: s.speaker for s in statements}
    got = sorted((f.rule_id, f.timing or "") for f in findings)
    want = sorted((e["rule"], e.get("timing") or "") for e in case["expect"])
    assert got == want, [(f.rule_id, f.timing, f.explanation) for f in findings]
    for expected in case["expect"]:
        finding = next(
            f
            for f in findings
            if f.rule_id == expected["rule"] and (f.timing or "") == (expected.get("timing") or "")
        )
        assert finding.verdict == expected["verdict"]
        assert finding.evidence, "a finding cites at least one piece of evidence"
        if "speaker" in expected:
            assert speaker_of[finding.statement_id] == expected["speaker"]
        if "severity" in expected:
            assert finding.severity == expected["severity"]
        if "actions" in expected:
            assert finding.actions == expected["actions"]
        assert set(expected.get("includes_actions", [])) <= set(finding.actions)
        corpus = [e for e in finding.evidence if e.kind == "corpus"]
        assert len(corpus) >= expected.get("min_corpus", 0)
        for snippet in expected.get("explanation_contains", []):
            assert snippet in finding.explanation
