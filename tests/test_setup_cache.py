"""The set-up tables cache (claims.setup_cache): built once, read back, rebuilt on change."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import srsly

from claims import setup_cache


def _counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_built_once_then_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_SETUP_CACHE", str(tmp_path))
    value = {"Häuser": "Haus", "sets": (frozenset({"a", "b"}), ("x", None))}
    calls, build = _counting(value)
    assert setup_cache.cached("table", [b"data"], build) == value
    assert setup_cache.cached("table", [b"data"], build) == value
    assert calls == [1]
    assert len(list(tmp_path.glob("table-*.marshal"))) == 1


def test_changed_source_rebuilds_and_drops_the_old_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMS_SETUP_CACHE", str(tmp_path))
    source = tmp_path / "words.txt"
    source.write_text("eins", encoding="utf-8")
    calls, build = _counting(["eins"])
    setup_cache.cached("words", [source], build)
    (old,) = tmp_path.glob("words-*.marshal")
    week_ago = time.time() - setup_cache.STALE_AFTER - 60
    os.utime(old, (week_ago, week_ago))  # unused for longer than STALE_AFTER
    source.write_text("zwei", encoding="utf-8")
    setup_cache.cached("words", [source], build)
    assert calls == [1, 1]
    assert len(list(tmp_path.glob("words-*.marshal"))) == 1


def test_two_installations_sharing_the_folder_keep_their_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two versions of the data (two checkouts, two versions of claims) in one cache folder:
    each keeps its table instead of removing the other's and building its own at every start;
    a table in use has its mtime renewed (at most daily), so only unused ones age out."""
    monkeypatch.setenv("CLAIMS_SETUP_CACHE", str(tmp_path))
    calls, build = _counting(["x"])
    for _ in range(3):
        setup_cache.cached("words", [b"one"], build)
        setup_cache.cached("words", [b"two"], build)
    assert calls == [1, 1]
    assert len(list(tmp_path.glob("words-*.marshal"))) == 2
    stored = sorted(tmp_path.glob("words-*.marshal"))
    two_days_ago = time.time() - 2 * 24 * 3600
    for path in stored:
        os.utime(path, (two_days_ago, two_days_ago))
    setup_cache.cached("words", [b"one"], build)
    assert calls == [1, 1]
    assert sum(p.stat().st_mtime > two_days_ago + 3600 for p in stored) == 1  # the one read


def test_damaged_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_SETUP_CACHE", str(tmp_path))
    calls, build = _counting({"a": "b"})
    setup_cache.cached("t", [b"x"], build)
    (stored,) = tmp_path.glob("t-*.marshal")
    raw = bytearray(stored.read_bytes())
    raw[-1] ^= 0xFF
    stored.write_bytes(bytes(raw))
    assert setup_cache.cached("t", [b"x"], build) == {"a": "b"}
    stored.write_bytes(b"short")
    assert setup_cache.cached("t", [b"x"], build) == {"a": "b"}
    assert calls == [1, 1, 1]


def test_unwritable_folder_builds_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CLAIMS_SETUP_CACHE", str(blocker / "setup"))
    calls, build = _counting([1, 2])
    assert setup_cache.cached("t", [b"x"], build) == [1, 2]
    assert setup_cache.cached("t", [b"x"], build) == [1, 2]
    assert calls == [1, 1]


def test_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_SETUP_CACHE", "0")
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(tmp_path))
    calls, build = _counting("v")
    setup_cache.cached("t", [b"x"], build)
    assert calls == [1]
    assert os.listdir(tmp_path) == []


def test_default_folder_is_inside_the_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CLAIMS_SETUP_CACHE")
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(tmp_path))
    assert setup_cache.setup_dir() == tmp_path / "setup"


def test_lexicon_tables_equal_a_fresh_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stored tables are the tables: compare with building them without the cache."""
    from claims.nlp import lexicon

    monkeypatch.setenv("CLAIMS_SETUP_CACHE", str(tmp_path))
    caches = (lexicon._tables, lexicon._lookups, lexicon.verb_lemmas)
    for _ in range(2):  # the second round reads what the first stored
        for function in caches:
            function.cache_clear()
        table, nouns, lower = lexicon._tables()
        assert (nouns, lower) == lexicon._build_noun_table(table)
        assert table == srsly.read_gzip_json(lexicon._lemma_path())
        strings = {id(s) for pair in table.items() for s in pair}
        assert all(id(s) in strings for s in nouns | lower)  # one string, not two copies
    verbs = {v.lemma: v for v in lexicon._read_cues(lexicon.package_data("speech_cues.yaml")).verbs}
    forms, subjunctive = lexicon._cue_tables(verbs)
    assert forms == lexicon._verb_forms(verbs, lexicon._tables()[0])
    assert subjunctive == lexicon._subjunctive_forms(lexicon._tables()[0])
    for function in caches:
        function.cache_clear()
