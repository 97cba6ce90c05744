"""Every pass/fail example written in the claim type and rule YAML files, run as one test each."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.models import Action
from claims.rules.claim_types import ClaimTagger, load_claim_types
from claims.rules.engine import evaluate
from claims.rules.loader import load_rules
from claims.rules.schema import Rule, RuleExample

from .helpers import make_article, make_statement

CLAIM_EXAMPLES = [
    pytest.param(ct.id, text, expected, id=f"{ct.id}-{'pass' if expected else 'fail'}-{n}")
    for ct in load_claim_types()
    for expected, texts in ((True, ct.examples.pass_), (False, ct.examples.fail))
    for n, text in enumerate(texts)
]

RULE_EXAMPLES = [
    pytest.param(rule.id, example, expected, id=f"{rule.id}-{'pass' if expected else 'fail'}-{n}")
    for rule in load_rules()
    for expected, examples in ((True, rule.examples.pass_), (False, rule.examples.fail))
    for n, example in enumerate(examples)
]


@pytest.mark.parametrize(("claim_type", "text", "expected"), CLAIM_EXAMPLES)
def test_claim_type_example(
    tagger: ClaimTagger, claim_type: str, text: str, expected: bool
) -> None:
    assert (claim_type in tagger.tag_text(text)) is expected, tagger.tag_text(text)


@pytest.mark.parametrize(("rule_id", "example", "expected"), RULE_EXAMPLES)
def test_rule_example(
    tagger: ClaimTagger,
    rules: list[Rule],
    actions: list[Action],
    actors: dict[str, str],
    rule_id: str,
    example: RuleExample,
    expected: bool,
) -> None:
    """A pass example gets a finding of the rule for actions already under way; a fail does not."""
    date = dt.date.fromisoformat(example.date) if example.date else None
    article = make_article(example.text, published=date)
    statement = make_statement(article, example.text, example.speaker, cue=example.cue)
    tagged = tagger.tag([statement])
    findings = evaluate(tagged, [article], actions, [], rules, actors)
    hits = [f for f in findings if f.rule_id == rule_id and f.timing != "later"]
    assert bool(hits) is expected, [(f.rule_id, f.timing) for f in findings] or tagged[0].claims
    for finding in hits:
        assert finding.evidence and all(e.source for e in finding.evidence)
