"""Builders of articles and statements for the rule tests."""

from __future__ import annotations

import datetime as dt

from claims.ids import article_id, sha256_text, statement_id
from claims.models import Article, Statement


def make_article(text: str, published: dt.date | None = None, path: str = "a.txt") -> Article:
    return Article(
        id=article_id(text),
        path=path,
        sha256=sha256_text(text),
        text=text,
        published=published,
        title=text.splitlines()[0][:60],
    )


def make_statement(
    article: Article,
    text: str,
    speaker: str | None,
    *,
    cue: str | None = None,
    claims: list[str] | None = None,
    occurrence: int = 1,
) -> Statement:
    """A statement located in the article text (the ``occurrence``-th match)."""
    assert article.text is not None
    start = -1
    for _ in range(occurrence):
        start = article.text.index(text, start + 1)
    end = start + len(text)
    return Statement(
        id=statement_id(article.id, start, end, "indirect"),
        article_id=article.id,
        speaker=speaker,
        kind="indirect",
        text=text,
        start=start,
        end=end,
        cue=cue,
        claims=claims or [],
    )
