"""The lemma and noun tables answered from their on-disk index (claims.nlp.table_index):
the same answers as the full tables, the full tables read after enough words, the index file
built once per data version, atomically, and never trusted when damaged."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from claims import setup_cache
from claims.nlp import table_index
from claims.nlp.table_index import Lookups, build_index

LEMMAS = {"Häuser": "Haus", "Hauses": "Haus", "sagte": "sagen", "gesagt": "sagen"}
NOUNS = frozenset({"Häuser", "Haus"})
LOWER = frozenset({"sagte", "gesagt", "sagen"})
WORDS = ["Häuser", "Haus", "Hauses", "sagte", "sagen", "gesagt", "Peskow", ""]


def _index(tmp_path: Path) -> Path:
    path = tmp_path / "index.sqlite"
    build_index(path, LEMMAS, NOUNS, LOWER)
    return path


def _loader(calls: list[int]) -> Callable[[], table_index.Tables]:
    def load() -> table_index.Tables:
        calls.append(1)
        return dict(LEMMAS), NOUNS, LOWER

    return load


def _answers(lookups: Lookups) -> list[object]:
    lemmas, nouns, lower = lookups.lemmas, lookups.nouns, lookups.lower
    return [(lemmas.get(w), lemmas.get(w, "-"), w in lemmas, w in nouns, w in lower) for w in WORDS]


def test_the_index_answers_as_the_tables_without_reading_them(tmp_path: Path) -> None:
    calls: list[int] = []
    lazy = Lookups(_index(tmp_path), _loader(calls))
    full = Lookups(None, _loader([]))
    assert _answers(lazy) == _answers(full)
    assert lazy.lemmas["Häuser"] == "Haus"
    with pytest.raises(KeyError):
        lazy.lemmas["Peskow"]
    assert calls == []  # answered from the index only


def test_the_tables_are_read_after_enough_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(table_index, "PROMOTE_AFTER", 3)
    calls: list[int] = []
    lookups = Lookups(_index(tmp_path), _loader(calls))
    early = lookups.lemmas, lookups.nouns, lookups.lower  # views handed out before
    expected = _answers(Lookups(None, _loader([])))
    assert _answers(lookups) == expected
    assert calls == [1]
    assert isinstance(lookups.lemmas, dict)  # the full table from now on
    lemmas, nouns, lower = early
    assert [(lemmas.get(w), w in nouns, w in lower) for w in WORDS] == [
        (e[0], e[3], e[4]) for e in expected
    ]
    assert dict(lemmas.items()) == LEMMAS and len(lemmas) == len(LEMMAS)


def test_a_damaged_index_falls_back_to_the_tables(tmp_path: Path) -> None:
    path = _index(tmp_path)
    path.write_bytes(b"not a database" * 100)
    calls: list[int] = []
    lookups = Lookups(path, _loader(calls))
    assert _answers(lookups) == _answers(Lookups(None, _loader([])))
    assert calls == [1]


def test_the_index_file_is_built_once_per_data_and_atomically(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMS_SETUP_CACHE", str(tmp_path))
    built: list[Path] = []

    def build(path: Path) -> None:
        assert not path.exists() and path.parent == tmp_path  # a temporary name, then renamed
        built.append(path)
        build_index(path, LEMMAS, NOUNS, LOWER)

    first, existed = setup_cache.cached_file("index", ".sqlite", [b"v1"], build)
    assert first is not None and not existed and first.is_file()
    assert setup_cache.cached_file("index", ".sqlite", [b"v1"], build) == (first, True)
    week_ago = time.time() - setup_cache.STALE_AFTER - 60
    os.utime(first, (week_ago, week_ago))  # unused long enough to be removed
    second, existed = setup_cache.cached_file("index", ".sqlite", [b"v2"], build)
    assert second is not None and second != first and not existed
    assert len(built) == 2 and built[0] != first
    assert sorted(p.name for p in tmp_path.iterdir()) == [second.name]  # old one and temps gone

    def broken(path: Path) -> None:
        path.write_bytes(b"half")
        raise OSError("disk full")

    assert setup_cache.cached_file("index", ".sqlite", [b"v3"], broken) == (None, False)
    assert sorted(p.name for p in tmp_path.iterdir()) == [second.name]


def test_the_lexicon_builds_the_index_then_reads_from_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claims.nlp import lexicon

    monkeypatch.setenv("CLAIMS_SETUP_CACHE", str(tmp_path))
    try:
        lexicon._lookups.cache_clear()
        first = lexicon._lookups()
        assert first.full is not None  # the first run reads the tables (and builds the index)
        assert list(tmp_path.glob("lemma-index-*.sqlite"))
        lexicon._lookups.cache_clear()
        second = lexicon._lookups()
        assert second.full is None  # a later run asks the index
        table = first.full[0]
        sample = [*list(table)[:200:7], "Xyzzy", "Regierungssprecher"]
        assert [second.lemmas.get(w) for w in sample] == [table.get(w) for w in sample]
        assert [(w in second.nouns, w in second.lower) for w in sample] == [
            (w in first.full[1], w in first.full[2]) for w in sample
        ]
    finally:
        lexicon._lookups.cache_clear()
        lexicon._tables.cache_clear()


def test_an_in_process_run_of_many_articles_reads_the_tables_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from claims import worker
    from claims.models import Article

    class Fake:
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def analyse_many(self, articles: list[Article]) -> list[worker.ArticleResult]:
            return [worker.ArticleResult([], []) for _ in articles]

    loads: list[int] = []
    monkeypatch.setattr(worker, "Worker", Fake)
    monkeypatch.setattr(worker, "_load_tables", lambda: loads.append(1))
    executor = worker.Executor(None, jobs=1)  # type: ignore[arg-type]
    article = Article(id="a", path="a.txt", sha256="0", text="Er sagte etwas.")
    few = executor.compute([article] * (worker.FULL_TABLES_AT - 1))
    assert len(few) == worker.FULL_TABLES_AT - 1 and loads == []  # the index answers a few
    many = executor.compute([article] * worker.FULL_TABLES_AT)
    assert len(many) == worker.FULL_TABLES_AT and loads == [1]
