"""The incremental cache: right values or misses, never wrong results, never a crash."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from claims.cache import DB_NAME, Cache, data_key


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Cache]:
    with Cache(tmp_path / "cache") as opened:
        yield opened


def test_get_returns_what_put_stored(cache: Cache) -> None:
    cache.put("nlp", "sha-1", "k1", '{"statements": []}')
    assert cache.get("nlp", "sha-1", "k1") == '{"statements": []}'
    assert (cache.hits, cache.misses) == (1, 0)
    assert cache.warnings == []


def test_other_key_stage_or_article_is_a_miss(cache: Cache) -> None:
    cache.put("nlp", "sha-1", "k1", "value")
    assert cache.get("nlp", "sha-1", "k2") is None  # the pipeline or a data file changed
    assert cache.get("rules", "sha-1", "k1") is None
    assert cache.get("nlp", "sha-2", "k1") is None
    assert cache.misses == 3


def test_put_many_and_replace(cache: Cache) -> None:
    cache.put_many([("nlp", f"sha-{i}", "k", f"v{i}") for i in range(50)])
    cache.put("nlp", "sha-7", "k", "new")
    assert cache.get("nlp", "sha-3", "k") == "v3"
    assert cache.get("nlp", "sha-7", "k") == "new"


def test_prune_drops_entries_under_old_keys(cache: Cache) -> None:
    cache.put_many([("rules", "a", "old", "1"), ("rules", "a", "new", "2"), ("nlp", "a", "x", "3")])
    assert cache.prune("rules", "new") == 1
    assert cache.get("rules", "a", "old") is None
    assert cache.get("rules", "a", "new") == "2"
    assert cache.get("nlp", "a", "x") == "3"


def test_values_survive_reopening_and_the_folder_is_tagged(tmp_path: Path) -> None:
    with Cache(tmp_path / "c") as first:
        first.put("nlp", "a", "k", "ü €")
    with Cache(tmp_path / "c") as second:
        assert second.get("nlp", "a", "k") == "ü €"
    assert (tmp_path / "c" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    assert (tmp_path / "c" / "CACHEDIR.TAG").exists()


def test_a_tampered_value_is_a_miss_not_a_wrong_result(cache: Cache) -> None:
    cache.put("nlp", "a", "k", "right")
    with sqlite3.connect(cache.path) as conn:
        conn.execute("UPDATE entries SET value = 'wrong'")
    assert cache.get("nlp", "a", "k") is None


def test_corrupt_database_is_moved_aside_and_rebuilt(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / DB_NAME).write_bytes(b"this is not an SQLite database\x00" * 200)
    with Cache(folder) as cache:
        assert cache.enabled
        assert len(cache.warnings) == 1 and "unreadable" in cache.warnings[0]
        assert cache.get("nlp", "a", "k") is None
        cache.put("nlp", "a", "k", "v")
        assert cache.get("nlp", "a", "k") == "v"
    assert (folder / f"{DB_NAME}.corrupt-1").read_bytes().startswith(b"this is not")


def test_two_caches_share_one_database(tmp_path: Path) -> None:
    with Cache(tmp_path / "c") as one, Cache(tmp_path / "c") as two:
        one.put("nlp", "a", "k", "from one")
        assert two.get("nlp", "a", "k") == "from one"
        for i in range(20):
            (one if i % 2 else two).put("rules", f"a{i}", "k", str(i))
        assert [one.get("rules", f"a{i}", "k") for i in range(20)] == [str(i) for i in range(20)]
        assert one.warnings == two.warnings == []


def _hold_exclusive_lock(path: Path, *, readers_too: bool = True) -> sqlite3.Connection:
    """Another process's connection in the middle of a write transaction."""
    holder = sqlite3.connect(path, isolation_level=None, timeout=0)
    if readers_too:  # keeps even readers out (possible only while nobody else is connected)
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT OR REPLACE INTO entries VALUES ('x', 'x', 'x', 'x', 'x')")
    return holder


def test_locked_database_at_start_degrades_to_no_cache(tmp_path: Path) -> None:
    Cache(tmp_path / "c").close()
    holder = _hold_exclusive_lock(tmp_path / "c" / DB_NAME)
    try:
        with Cache(tmp_path / "c", timeout=0.05) as cache:
            assert not cache.enabled
            assert cache.get("nlp", "a", "k") is None
            cache.put("nlp", "a", "k", "v")  # a no-op, not a crash
            assert any("locked" in w for w in cache.warnings)
    finally:
        holder.close()
    assert (tmp_path / "c" / DB_NAME).exists()  # a locked database is not "corrupt"


def test_database_locked_during_the_run_degrades_to_no_cache(tmp_path: Path) -> None:
    with Cache(tmp_path / "c", timeout=0.05) as cache:
        cache.put("nlp", "a", "k", "v")
        holder = _hold_exclusive_lock(cache.path, readers_too=False)
        try:
            cache.put("nlp", "b", "k", "v")
            assert cache.get("nlp", "a", "k") is None
            assert not cache.enabled
            assert len(cache.warnings) == 1 and "locked" in cache.warnings[0]
        finally:
            holder.close()
    with Cache(tmp_path / "c") as again:
        assert again.get("nlp", "a", "k") == "v"  # nothing was lost


def test_unwritable_folder_degrades_to_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with Cache(blocker / "cache") as cache:
        assert not cache.enabled
        assert cache.get("nlp", "a", "k") is None
        assert cache.warnings


def test_default_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(tmp_path / "explicit"))
    assert Cache.default_dir() == tmp_path / "explicit"
    monkeypatch.delenv("CLAIMS_CACHE_DIR")
    monkeypatch.chdir(tmp_path)
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert Cache.default_dir() == tmp_path / "xdg" / "claims"
        monkeypatch.delenv("XDG_CACHE_HOME")
        monkeypatch.setenv("HOME", str(tmp_path / "home"))
        assert Cache.default_dir() == tmp_path / "home" / ".cache" / "claims"
    assert not Cache.default_dir().is_relative_to(tmp_path / ".claims-cache")


def test_a_run_leaves_no_cache_folder_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from claims.cli import cli

    monkeypatch.delenv("CLAIMS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    work = tmp_path / "work"
    work.mkdir()
    (work / "a.txt").write_text("Titel\n\nEr sagte: „Nein.“\n", encoding="utf-8")
    monkeypatch.chdir(work)
    result = CliRunner().invoke(cli, ["quotes", "a.txt", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in work.iterdir()) == ["a.txt"]
    assert list((tmp_path / "xdg").rglob("claims.sqlite3")) or list(
        (tmp_path / "home").rglob("claims.sqlite3")
    )


def test_data_key_follows_file_contents_not_names(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules: []\n", encoding="utf-8")
    key = data_key("0.1.0", rules)
    assert data_key("0.1.0", rules) == key
    assert data_key("0.2.0", rules) != key
    moved = tmp_path / "moved.yaml"
    moved.write_text("rules: []\n", encoding="utf-8")
    assert data_key("0.1.0", moved) == key
    rules.write_text("rules: [x]\n", encoding="utf-8")
    assert data_key("0.1.0", rules) != key
    assert data_key("ab", "c") != data_key("a", "bc")


def test_data_key_of_a_folder_sees_every_file(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.yaml").write_text("a", encoding="utf-8")
    (folder / "sub" / "b.yaml").write_text("b", encoding="utf-8")
    key = data_key(folder)
    (folder / "__pycache__").mkdir()
    (folder / "__pycache__" / "x.pyc").write_bytes(b"\x00")
    assert data_key(folder) == key
    (folder / "sub" / "b.yaml").write_text("changed", encoding="utf-8")
    assert data_key(folder) != key
