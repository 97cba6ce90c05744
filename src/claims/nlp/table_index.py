"""Look-ups in the lemma and noun tables before they are read in full.

Reading the tables back from the set-up cache takes about 0.25 s at every start (a dict of
355,000 word forms and two sets of 390,000 words), while one short article looks up about 1,200
words. So a process answers its first look-ups from an SQLite index of the same tables, stored
in the set-up cache beside them (built once, keyed by the same hash, written atomically), and
reads the full tables only when it has asked for :data:`PROMOTE_AFTER` different words: a corpus
run does so within its first articles, a few milliseconds later than it would have. The answers
are the same either way (the index holds the tables' own strings); only the time differs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

#: Different words looked up before the full tables are read (one short article: ~1,200).
PROMOTE_AFTER = 4000

Tables = tuple[Mapping[str, str], frozenset[str], frozenset[str]]
NOUN, LOWER = 1, 2  # bits of a word's kind in the index
_MISSING: Any = object()


def build_index(
    path: Path, lemmas: Mapping[str, str], nouns: frozenset[str], lower: frozenset[str]
) -> None:
    """Write the index of the tables to ``path`` (a new file)."""
    kinds = dict.fromkeys(nouns, NOUN)
    for word in lower:
        kinds[word] = kinds.get(word, 0) | LOWER
    db = sqlite3.connect(path)
    try:
        db.executescript(
            "pragma journal_mode=off; pragma synchronous=off;"
            "create table lemmas (form text primary key, lemma text not null) without rowid;"
            "create table words (word text primary key, kind integer not null) without rowid;"
        )
        db.executemany("insert into lemmas values (?, ?)", sorted(lemmas.items()))
        db.executemany("insert into words values (?, ?)", sorted(kinds.items()))
        db.commit()
    finally:
        db.close()


class Lookups:
    """The lemma table and the noun sets as the extractor reads them: views that ask the index
    (and remember the answers) until :data:`PROMOTE_AFTER` words were asked for, then the full
    tables. ``lemmas``, ``nouns`` and ``lower`` are replaced by the full tables then; views
    handed out before keep working (they pass every question on)."""

    def __init__(self, index: Path | None, load: Callable[[], Tables]) -> None:
        self._load = load
        self._db: sqlite3.Connection | None = None
        self.full: Tables | None = None
        if index is not None:
            try:
                self._db = sqlite3.connect(
                    f"file:{index}?mode=ro", uri=True, check_same_thread=False
                )
            except sqlite3.Error:
                self._db = None
        self.asked = 0
        self.lemmas: Mapping[str, str] = LazyLemmas(self)
        self.nouns: Any = LazyWords(self, NOUN)
        self.lower: Any = LazyWords(self, LOWER)
        if self._db is None:
            self.promote()

    def promote(self) -> Tables:
        """Read the full tables (once) and answer from them from now on."""
        if self.full is None:
            self.full = self._load()
            self.lemmas, self.nouns, self.lower = self.full
            if self._db is not None:
                self._db.close()
                self._db = None
        return self.full

    def query(self, sql: str, key: str) -> Any:
        """One value from the index, or ``_MISSING``; the full tables' answer when the index
        cannot be read (a damaged file) — then they answer everything from now on."""
        self.asked += 1
        if self.asked > PROMOTE_AFTER:
            self.promote()
        if self._db is not None:
            try:
                row = self._db.execute(sql, (key,)).fetchone()
            except sqlite3.Error:
                self.promote()
            else:
                return _MISSING if row is None else row[0]
        return _MISSING


class LazyLemmas(Mapping[str, str]):
    """The lemma table (form -> lemma), answered by the index until the tables are read."""

    def __init__(self, lookups: Lookups) -> None:
        self._lookups = lookups
        self._memo: dict[str, Any] = {}

    def _find(self, key: str) -> Any:
        full = self._lookups.full
        if full is not None:
            return full[0].get(key, _MISSING)
        found = self._memo.get(key, None)
        if found is None:
            found = self._lookups.query("select lemma from lemmas where form = ?", key)
            full = self._lookups.full
            if full is not None:  # promoted meanwhile
                return full[0].get(key, _MISSING)
            self._memo[key] = found
        return found

    def get(self, key: str, default: Any = None) -> Any:
        found = self._find(key)
        return default if found is _MISSING else found

    def __getitem__(self, key: str) -> str:
        found = self._find(key)
        if found is _MISSING:
            raise KeyError(key)
        return str(found)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) is not _MISSING

    def __iter__(self) -> Iterator[str]:
        return iter(self._lookups.promote()[0])

    def __len__(self) -> int:
        return len(self._lookups.promote()[0])

    def items(self) -> Any:
        return self._lookups.promote()[0].items()

    def values(self) -> Any:
        return self._lookups.promote()[0].values()


class LazyWords:
    """One of the noun sets (membership only), answered by the index until the tables are
    read."""

    def __init__(self, lookups: Lookups, bit: int) -> None:
        self._lookups = lookups
        self._bit = bit
        self._memo: dict[str, int] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        full = self._lookups.full
        if full is None:
            kind = self._memo.get(word)
            if kind is None:
                found = self._lookups.query("select kind from words where word = ?", word)
                full = self._lookups.full
                kind = self._memo[word] = 0 if found is _MISSING else int(found)
            if full is None:
                return bool(kind & self._bit)
        return word in (full[1] if self._bit == NOUN else full[2])
