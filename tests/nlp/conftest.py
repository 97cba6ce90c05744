"""Shared fixtures for the extractor tests: one pipeline per test session.

Plain helpers (picking statements out of a result, running the quote finder) live in
nlp_helpers.py next to this file; test modules import them from there.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claims.ids import article_id, sha256_text
from claims.kb.speakers import SpeakerRegistry, load_speakers
from claims.models import Article, Statement
from claims.nlp.extract import StatementExtractor


@pytest.fixture(scope="session")
def registry() -> SpeakerRegistry:
    return load_speakers()


@pytest.fixture(scope="session")
def extractor(registry: SpeakerRegistry) -> StatementExtractor:
    return StatementExtractor(registry)


def make_article(text: str, published: dt.date | None = dt.date(2023, 3, 1)) -> Article:
    return Article(
        id=article_id(text),
        path="test.txt",
        sha256=sha256_text(text),
        text=text,
        published=published,
    )


def _runner(extractor: StatementExtractor):  # type: ignore[no-untyped-def]
    def run(text: str, published: dt.date | None = dt.date(2023, 3, 1)) -> list[Statement]:
        statements = extractor.extract(make_article(text, published))
        for st in statements:
            assert text[st.start : st.end] == st.text
        return statements

    return run


@pytest.fixture(scope="session")
def extract(extractor: StatementExtractor):  # type: ignore[no-untyped-def]
    return _runner(extractor)


@pytest.fixture(scope="session")
def extract_words(registry: SpeakerRegistry):  # type: ignore[no-untyped-def]
    """``extract`` with ``--one-word-quotes``: quoted single words are statements too, so the
    tests of who a quoted word belongs to see it."""
    return _runner(StatementExtractor(registry, one_word_quotes=True))
