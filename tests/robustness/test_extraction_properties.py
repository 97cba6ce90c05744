"""Property-based tests over extraction: any text, no exception, exact offsets, stable ids."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.ingest import article_from_text
from claims.kb.speakers import load_speakers
from claims.models import KINDS
from claims.nlp.extract import StatementExtractor

QUOTES = ["„", "“", "”", '"', "»", "«", "‚", "‘", "'", "›", "‹"]
WORDS = [
    "Lukaschenko",
    "sagte",
    "erklärte",
    ",",
    "dass",
    "er",
    "sei",
    "Putin",
    "laut",
    "Er",
    "zufolge",
    "Belarus",
    "nicht",
    "habe",
    ".",
    ":",
    "Kreml-Chef",
    "betonte",
    "wir",
]

fragments = st.one_of(
    st.sampled_from(QUOTES),
    st.sampled_from(WORDS).map(lambda w: w + " "),
    st.sampled_from(["\n", "\n\n", "\t", "\x0b", "\u2028", " "]),
    st.text(st.characters(codec="utf-8"), max_size=12),
)
news_like = st.lists(fragments, max_size=150).map("".join)


@pytest.fixture(scope="module")
def extractor() -> StatementExtractor:
    return StatementExtractor(load_speakers())


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(news_like)
def test_any_text_gives_exact_offsets_and_stable_ids(
    extractor: StatementExtractor, raw: str
) -> None:
    article = article_from_text("Titel\n\n" + raw, path="prop.txt")
    text = article.text or ""
    first = extractor.extract(article)
    for statement in first:
        assert 0 <= statement.start < statement.end <= len(text)
        assert text[statement.start : statement.end] == statement.text
        assert statement.text == statement.text.strip()
        assert statement.kind in KINDS
    assert [s.start for s in first] == sorted(s.start for s in first)
    again = extractor.extract(article.model_copy())
    assert [s.id for s in again] == [s.id for s in first]


def test_thousands_of_unbalanced_and_nested_quotes_finish(extractor: StatementExtractor) -> None:
    """A pathological paragraph (no quadratic blow-up: this would take minutes if it were)."""
    hostile = ("„ sagte Lukaschenko » « ‚ " * 2500) + ("“" * 5000) + ("„a „b „c " * 1000)
    article = article_from_text("Titel\n\n" + hostile, path="hostile.txt")
    statements = extractor.extract(article)
    text = article.text or ""
    assert all(text[s.start : s.end] == s.text for s in statements)


def test_very_long_single_line(extractor: StatementExtractor) -> None:
    sentence = "Lukaschenko sagte, Belarus werde sich nicht beteiligen. "
    article = article_from_text("Titel\n\n" + sentence * 20000, path="long.txt")
    statements = extractor.extract(article)
    assert len(statements) >= 1000
    assert all(s.speaker == "lukashenko" for s in statements[:10])
