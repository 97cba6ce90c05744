"""The engine as a pure function: stable sorted output, actor matching, evidence order."""

from __future__ import annotations

import datetime as dt

from claims.models import Action, Evidence, Source, Statement
from claims.rules.claim_types import ClaimTagger
from claims.rules.engine import evaluate
from claims.rules.evidence import CorpusEvidenceFinder
from claims.rules.schema import Rule

from .helpers import make_article, make_statement

DENIAL = "Wir mischen uns nicht ein"


def action(actor: str, category: str, start: str, id_: str) -> Action:
    return Action(
        id=id_,
        actor=actor,
        category=category,
        start=dt.date.fromisoformat(start),
        description_de=f"{actor} tat etwas",
        description_en=f"{actor} did something",
        sources=[
            Source(
                publisher="P",
                title="T",
                date=dt.date(2020, 1, 1),
                url="https://example.org/" + id_,
                supports="S",
            )
        ],
    )


def test_same_input_same_output_and_inputs_untouched(
    tagger: ClaimTagger, rules: list[Rule], actions: list[Action], actors: dict[str, str]
) -> None:
    article = make_article(f"Titel\n{DENIAL}, sagte er.", published=dt.date(2022, 11, 1))
    statements = tagger.tag([make_statement(article, DENIAL, "lukashenko")])
    before = [s.model_dump() for s in statements]
    first = evaluate(statements, [article], actions, [], rules, actors)
    second = evaluate(
        list(reversed(statements)), [article], list(reversed(actions)), [], rules, actors
    )
    assert first == second and first
    assert [s.model_dump() for s in statements] == before
    assert all(f.id.startswith("f-") for f in first)


def test_findings_sorted_by_article_then_offset_then_rule(
    tagger: ClaimTagger, rules: list[Rule], actions: list[Action], actors: dict[str, str]
) -> None:
    one = make_article(f"Eins\n{DENIAL}. Wir liefern keine Panzer.", dt.date(2023, 1, 1), "1.txt")
    two = make_article(f"Zwei\n{DENIAL}.", dt.date(2023, 1, 1), "2.txt")
    statements = tagger.tag(
        [
            make_statement(two, DENIAL, "lukashenko"),
            make_statement(one, "Wir liefern keine Panzer", "lukashenko"),
            make_statement(one, DENIAL, "aleinik"),
        ]
    )
    findings = evaluate(statements, [one, two], actions, [], rules, actors)
    by_id = {s.id: s for s in statements}
    keys = [
        (by_id[f.statement_id].article_id, by_id[f.statement_id].start, f.rule_id) for f in findings
    ]
    assert keys == [
        (one.id, 5, "CC001"),
        (one.id, 32, "CC004"),
        (two.id, 5, "CC001"),
    ]


def test_actor_must_match_unless_the_rule_says_any(
    tagger: ClaimTagger, rules: list[Rule], actors: dict[str, str]
) -> None:
    article = make_article(f"Titel\n{DENIAL}.", published=dt.date(2023, 1, 1))
    statements = tagger.tag([make_statement(article, DENIAL, "putin")])
    only_belarus = [action("Belarus", "territory_used", "2022-02-24", "b1")]
    cc001 = next(r for r in rules if r.id == "CC001")
    assert evaluate(statements, [article], only_belarus, [], [cc001], actors) == []
    anyone = cc001.model_copy(update={"actor": "any"})
    (finding,) = evaluate(statements, [article], only_belarus, [], [anyone], actors)
    assert finding.actions == ["b1"]


def test_prior_and_later_are_separate_findings(
    tagger: ClaimTagger, rules: list[Rule], actors: dict[str, str]
) -> None:
    article = make_article(f"Titel\n{DENIAL}.", published=dt.date(2022, 6, 1))
    statements = tagger.tag([make_statement(article, DENIAL, "lukashenko")])
    kb = [
        action("Belarus", "territory_used", "2022-02-24", "before"),
        action("Belarus", "joint_forces", "2022-10-10", "after"),
    ]
    findings = evaluate(statements, [article], kb, [], rules, actors, lang="de")
    assert [(f.timing, f.actions, f.severity) for f in findings] == [
        ("prior", ["before"], "high"),
        ("later", ["after"], "medium"),
    ]
    assert findings[0].explanation.startswith("Lukaschenko bestritt eine Beteiligung von Belarus")
    assert (
        "(01.06.2022)" in findings[0].explanation and "seit 24.02.2022" in findings[0].explanation
    )
    assert "später" in findings[1].explanation
    assert len({f.id for f in findings}) == 2


def test_corpus_evidence_same_article_first_and_only_for_the_named_actor(
    tagger: ClaimTagger,
    finder: CorpusEvidenceFinder,
    rules: list[Rule],
    actions: list[Action],
    actors: dict[str, str],
) -> None:
    other = make_article(
        "Andere\nBelarus stellt Panzer und Munition zur Verfügung.\n"
        "Polen stellt Panzer und Munition zur Verfügung.\n",
        dt.date(2023, 1, 1),
        "0.txt",
    )
    own = make_article(
        f"Eigene\n{DENIAL}, sagte er.\nBelarus stellt Panzer und Munition zur Verfügung.\n",
        dt.date(2023, 1, 2),
        "1.txt",
    )
    statements = tagger.tag([make_statement(own, DENIAL, "lukashenko")])
    evidence: list[Evidence] = [e for a in (other, own) for e in finder.find(a, statements)]
    assert len(evidence) == 3
    (finding,) = evaluate(statements, [other, own], actions, evidence, rules, actors)
    corpus = [e for e in finding.evidence if e.kind == "corpus"]
    assert [(e.article_id, e.text.split()[0]) for e in corpus] == [
        (own.id, "Belarus"),
        (other.id, "Belarus"),
    ]
    assert [e.kind for e in finding.evidence][: len(finding.actions)] == ["kb"] * len(
        finding.actions
    )


def test_only_registered_speakers_with_claims_are_checked(
    rules: list[Rule], actions: list[Action], actors: dict[str, str]
) -> None:
    article = make_article(f"Titel\n{DENIAL}.", published=dt.date(2023, 1, 1))
    base = make_statement(article, DENIAL, None, claims=["deny_involvement"])
    statements: list[Statement] = [
        base,
        base.model_copy(update={"speaker": "other:Peskow"}),
        base.model_copy(update={"speaker": "lukashenko", "claims": []}),
    ]
    assert evaluate(statements, [article], actions, [], rules, actors) == []
    flagged = base.model_copy(update={"speaker": "lukashenko"})
    assert [f.rule_id for f in evaluate([flagged], [article], actions, [], rules, actors)] == [
        "CC001"
    ]
