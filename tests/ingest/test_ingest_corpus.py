"""The five corpus articles ingest with sensible titles and stable ids; src has no corpus text."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from claims.ingest import load_articles
from claims.ingest.furniture import is_furniture
from claims.models import Article

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
INGEST_SOURCES = [
    *sorted((ROOT / "src" / "claims" / "ingest").glob("*.py")),
    ROOT / "src" / "claims" / "data" / "furniture.yaml",
    ROOT / "src" / "claims" / "data" / "function_words.yaml",
]
_WORD = re.compile(r"\w+")


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    results = list(load_articles([CORPUS]))
    assert all(isinstance(r, Article) for r in results), results
    return [r for r in results if isinstance(r, Article)]


def test_all_corpus_files_load_sorted(articles: list[Article]) -> None:
    names = [Path(a.path).name for a in articles]
    assert names == sorted(p.name for p in CORPUS.glob("*.txt"))
    assert len({a.id for a in articles}) == len(articles)


def test_titles_are_headlines_not_furniture(articles: list[Article]) -> None:
    for article in articles:
        assert article.title, article.path
        assert not is_furniture(article.title)
        assert len(article.title.split()) >= 3
        assert len(article.title) <= 150
        first_lines = (article.text or "").split("\n")[:8]
        assert any(article.title in line for line in first_lines), article.title


def test_corpus_headers_are_cleaned(articles: list[Article]) -> None:
    by_name = {Path(a.path).name: a for a in articles}
    with_share = by_name["001_24082b386dc2bc2c.txt"]
    text = with_share.text or ""
    assert "SHARE:" not in text and "Vernetzen Sie sich" not in text
    assert "jederzeit abmelden" not in text
    assert with_share.title is not None and with_share.title.startswith("Putin und Lukaschenko")
    assert "Putin und Lukaschenko" in text  # article lines kept
    counter = by_name["003_f70e56235c3d8015.txt"]
    assert counter.title is not None and counter.title.startswith("Putin verliert")


def test_corpus_dates_only_where_complete(articles: list[Article]) -> None:
    by_name = {Path(a.path).name: a for a in articles}
    assert by_name["000_5b23b2942ce73acf.txt"].published == dt.date(2023, 9, 27)
    # "Montag (19. Dezember)" and "Donnerstag (24. November)" have no year
    assert by_name["001_24082b386dc2bc2c.txt"].published is None
    assert by_name["002_7c65917f404e4067.txt"].published is None


def test_corpus_line_numbers_match_the_files(articles: list[Article]) -> None:
    for article in articles:
        text = article.text or ""
        file_lines = Path(article.path).read_text(encoding="utf-8").split("\n")
        for number, line in enumerate(text.split("\n"), start=article.body_line):
            if line:
                assert file_lines[number - 1] == line


def test_corpus_is_german(articles: list[Article]) -> None:
    for article in articles:
        assert article.warnings == [], (article.path, article.warnings)


def test_ids_are_stable_across_runs_and_paths(articles: list[Article], tmp_path: Path) -> None:
    copy = tmp_path / "renamed.txt"
    copy.write_bytes(Path(articles[0].path).read_bytes())
    (again,) = list(load_articles([copy]))
    assert isinstance(again, Article)
    assert again.id == articles[0].id and again.path != articles[0].path
    assert [a.id for a in articles] == [
        a.id for a in load_articles([CORPUS]) if isinstance(a, Article)
    ]


def test_no_corpus_sentence_in_ingest_sources() -> None:
    """No tuning to the corpus: no 6 consecutive corpus words in this package's sources."""
    grams: set[tuple[str, ...]] = set()
    for path in CORPUS.glob("*.txt"):
        words = _WORD.findall(path.read_text(encoding="utf-8").lower())
        grams.update(tuple(words[i : i + 6]) for i in range(len(words) - 5))
    for source in INGEST_SOURCES:
        words = _WORD.findall(source.read_text(encoding="utf-8").lower())
        hits = {tuple(words[i : i + 6]) for i in range(len(words) - 5)} & grams
        assert not hits, (source.name, sorted(hits)[:3])
