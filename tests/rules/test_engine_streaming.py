"""The two-pass engine gives exactly the findings of ``evaluate``, with a bounded index."""

from __future__ import annotations

import datetime as dt

from claims.models import Action, Article, Evidence, Finding, Statement
from claims.rules.claim_types import ClaimTagger
from claims.rules.engine import MAX_OTHER, evaluate, prepare
from claims.rules.evidence import CorpusEvidenceFinder
from claims.rules.schema import Rule
from claims.rules.streaming import StreamingEngine, corpus_only

from .helpers import make_article, make_statement

DENIAL = "Wir mischen uns nicht ein"
REPORT = "Belarus stellt Panzer und Munition zur Verfügung."
OTHER_REPORT = "Belarus liefert Munition an die Front."


def _corpus(count: int) -> list[Article]:
    articles = []
    for index in range(count):
        lines = [f"Artikel {index}", f"{DENIAL}, sagte er.", REPORT]
        if index % 2 and index > MAX_OTHER + 1:  # the first articles: one sentence each
            lines.append(OTHER_REPORT)
        published = None if index == 4 else dt.date(2023, 1, 1 + index)
        articles.append(make_article("\n".join(lines) + "\n", published, f"{index}.txt"))
    return articles


def _streamed(
    articles: list[Article],
    statements: list[Statement],
    evidence: list[Evidence],
    engine: StreamingEngine,
) -> list[Finding]:
    per_article = {
        a.id: (
            [s for s in statements if s.article_id == a.id],
            [e for e in evidence if e.article_id == a.id],
        )
        for a in articles
    }
    cited = {}
    for article in articles:  # pass 1
        corpus = corpus_only(per_article[article.id][1])
        cited[article.id] = engine.cites(corpus, engine.attribute(article, corpus))
        engine.add(article.id, cited[article.id])
    return [  # pass 2
        finding
        for article in articles
        for finding in engine.findings(article, per_article[article.id][0], cited[article.id])
    ]


def test_two_passes_give_the_findings_of_evaluate(
    tagger: ClaimTagger,
    finder: CorpusEvidenceFinder,
    rules: list[Rule],
    actions: list[Action],
    actors: dict[str, str],
) -> None:
    articles = _corpus(5 * MAX_OTHER)
    statements = tagger.tag(
        [make_statement(a, DENIAL, "lukashenko") for i, a in enumerate(articles) if i % 3 == 0]
        + [make_statement(articles[4], DENIAL, "aleinik")]
    )
    evidence = [e for a in articles for e in finder.find(a, statements)]
    assert len(evidence) > (MAX_OTHER + 1) * MAX_OTHER  # more than the index keeps
    expected = evaluate(statements, articles, actions, evidence, rules, actors, lang="de")
    engine = StreamingEngine(prepare(actions, rules, actors, lang="de"))
    assert _streamed(articles, statements, evidence, engine) == expected
    assert expected
    first = next(f for f in expected if f.statement_id == statements[0].id)
    cited = [e.article_id for e in first.evidence if e.kind == "corpus"]
    assert cited[0] == articles[0].id  # its own article first, then the first others
    assert len([a for a in cited if a != articles[0].id]) == MAX_OTHER


def test_the_index_keeps_only_the_first_articles(
    finder: CorpusEvidenceFinder,
    rules: list[Rule],
    actions: list[Action],
    actors: dict[str, str],
) -> None:
    articles = _corpus(5 * MAX_OTHER)
    engine = StreamingEngine(prepare(actions, rules, actors))
    for article in articles:
        corpus = corpus_only(finder.find(article, []))
        engine.add(article.id, engine.cites(corpus, engine.attribute(article, corpus)))
    for head in engine._head.values():
        assert len(head) <= MAX_OTHER + 1
        assert all(len(items) <= MAX_OTHER for _, items in head)
