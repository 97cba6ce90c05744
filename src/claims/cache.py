"""Incremental cache: results of each pipeline stage per article, in one SQLite file.

A value is stored under ``(stage, article_sha, key)`` where ``key`` is a :func:`data_key` of
everything the stage depends on (tool version, data files, options). Change a rule and only the
rule stage's key changes, so only that stage re-runs; add an article and only its hash is new.

The cache is an optimisation, never a source of truth: a value whose checksum does not match is a
miss, a corrupt database is moved aside and rebuilt, and a database that stays locked (or cannot
be written) turns the cache off for the run. Each of these leaves a line in ``warnings``; none of
them stops the run or changes its results.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType

import platformdirs

DB_NAME = "claims.sqlite3"
SCHEMA_VERSION = 1
DEFAULT_TIMEOUT = 5.0  # seconds to wait for another process's lock before giving up

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    stage TEXT NOT NULL,
    article_sha TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    checksum TEXT NOT NULL,
    PRIMARY KEY (stage, article_sha, key)
) WITHOUT ROWID
"""
_SKIPPED_DIRS = frozenset({"__pycache__"})


def _checksum(stage: str, article_sha: str, key: str, value: str) -> str:
    h = hashlib.sha256()
    for part in (stage, article_sha, key, value):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def _hash_path(h: hashlib._Hash, path: Path) -> None:
    if path.is_dir():
        h.update(b"dir\x1f")
        for child in sorted(path.rglob("*")):
            relative = child.relative_to(path)
            if child.is_dir() or any(
                p.startswith(".") or p in _SKIPPED_DIRS for p in relative.parts
            ):
                continue
            h.update(relative.as_posix().encode("utf-8", "surrogateescape") + b"\x1f")
            h.update(child.read_bytes())
            h.update(b"\x1e")
    elif path.is_file():
        h.update(b"file\x1f")
        h.update(path.read_bytes())
    else:
        h.update(b"missing\x1f" + str(path).encode("utf-8", "surrogateescape"))


def data_key(*parts: str | Path) -> str:
    """Hash of version strings and of the *contents* of data files or folders.

    Strings are hashed as they are; a :class:`Path` is read (a folder recursively, hidden files
    and ``__pycache__`` skipped), so editing a data file changes the key and moving it does not.
    """
    h = hashlib.sha256(b"claims-cache-key\x1f")
    for part in parts:
        if isinstance(part, Path):
            _hash_path(h, part)
        else:
            h.update(b"str\x1f" + part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1d")
    return h.hexdigest()[:32]


def _is_busy(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return True
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _is_corrupt(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return True
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text or "corrupt" in text


class Cache:
    """Stage results per article in ``directory/claims.sqlite3`` (WAL mode, busy timeout)."""

    def __init__(self, directory: Path, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.directory = directory
        self.path = directory / DB_NAME
        self.timeout = timeout
        self.warnings: list[str] = []
        self.hits = 0
        self.misses = 0
        self._conn: sqlite3.Connection | None = None
        self._recovered = False
        try:
            self._prepare_directory()
            self._conn = self._connect()
        except OSError as exc:
            self._disable(f"cannot use the cache folder {directory} ({exc.strerror or exc})")
        except sqlite3.Error as exc:
            self._failed(exc)

    # -- public API -----------------------------------------------------------------------

    @property
    def enabled(self) -> bool:
        """False once the cache was turned off for this run (see ``warnings``)."""
        return self._conn is not None

    @staticmethod
    def default_dir() -> Path:
        """``$CLAIMS_CACHE_DIR``, else the platform's user cache folder (``platformdirs``:
        ``$XDG_CACHE_HOME/claims`` or ``~/.cache/claims`` on Linux, ``~/Library/Caches/claims``
        on macOS, ``%LOCALAPPDATA%\\claims\\Cache`` on Windows) — never the working directory,
        which would leave a cache folder in whatever folder the user ran claims in."""
        explicit = os.environ.get("CLAIMS_CACHE_DIR", "").strip()
        if explicit:
            return Path(explicit)
        return Path(platformdirs.user_cache_dir("claims", appauthor=False))

    def get(self, stage: str, article_sha: str, key: str) -> str | None:
        """The stored value, or None on a miss (absent, other key, bad checksum, no cache)."""
        row = None
        if self._conn is not None:
            try:
                row = self._conn.execute(
                    "SELECT value, checksum FROM entries"
                    " WHERE stage = ? AND article_sha = ? AND key = ?",
                    (stage, article_sha, key),
                ).fetchone()
            except sqlite3.Error as exc:
                self._failed(exc)
        if row is None or row[1] != _checksum(stage, article_sha, key, row[0]):
            self.misses += 1
            return None
        self.hits += 1
        return str(row[0])

    def put(self, stage: str, article_sha: str, key: str, value: str) -> None:
        self.put_many([(stage, article_sha, key, value)])

    def put_many(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        """Store ``(stage, article_sha, key, value)`` rows in one transaction."""
        if self._conn is None:
            return
        records = [(s, a, k, v, _checksum(s, a, k, v)) for s, a, k, v in rows]
        if not records:
            return
        try:
            with self._transaction() as conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO entries (stage, article_sha, key, value, checksum)"
                    " VALUES (?, ?, ?, ?, ?)",
                    records,
                )
        except sqlite3.Error as exc:
            self._failed(exc)

    def prune(self, stage: str, keep_key: str) -> int:
        """Delete the entries of ``stage`` stored under any other key; returns how many."""
        if self._conn is None:
            return 0
        try:
            with self._transaction() as conn:
                cursor = conn.execute(
                    "DELETE FROM entries WHERE stage = ? AND key != ?", (stage, keep_key)
                )
                return cursor.rowcount
        except sqlite3.Error as exc:
            self._failed(exc)
            return 0

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    def __enter__(self) -> Cache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- internals ------------------------------------------------------------------------

    def _prepare_directory(self) -> None:
        """Create the folder, tagged like pytest's and ruff's caches: not for git, not backed up."""
        fresh = not self.directory.exists()
        self.directory.mkdir(parents=True, exist_ok=True)
        if fresh:
            with contextlib.suppress(OSError):
                (self.directory / ".gitignore").write_text(
                    "# Created by claims automatically.\n*\n", encoding="utf-8"
                )
                (self.directory / "CACHEDIR.TAG").write_text(
                    "Signature: 8a477f597d28d172789f06886806bc55\n"
                    "# This file is a cache directory tag created by claims.\n",
                    encoding="utf-8",
                )

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION:
                # A cache written by another claims version: its values may not parse.
                conn.execute("DROP TABLE IF EXISTS entries")
                conn.execute(_SCHEMA)
                conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            conn.execute("SELECT 1 FROM entries LIMIT 1").fetchall()
        except BaseException:
            conn.close()
            raise
        return conn

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        assert self._conn is not None
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def _disable(self, reason: str) -> None:
        self.close()
        self._warn(f"{reason}; continuing without the cache")

    def _failed(self, exc: sqlite3.Error) -> None:
        """Turn an SQLite error into a warning: wait-and-give-up, rebuild, or switch off."""
        if _is_busy(exc):
            self._disable(
                f"the cache {self.path} stayed locked by another process for {self.timeout:g} s"
            )
        elif _is_corrupt(exc) and not self._recovered:
            self._recovered = True
            self.close()
            try:
                moved = self._move_aside()
                self._conn = self._connect()
            except (OSError, sqlite3.Error) as again:
                self._disable(
                    f"the cache {self.path} is unreadable and cannot be rebuilt ({again})"
                )
                return
            self._warn(
                f"the cache {self.path} was unreadable ({exc}); "
                f"moved it to {moved.name} and started a new one"
            )
        else:
            self._disable(f"cannot use the cache {self.path} ({exc})")

    def _move_aside(self) -> Path:
        """Rename the database (and its WAL files) to the first free ``.corrupt-N`` name."""
        n = 1
        while (target := self.path.with_name(f"{DB_NAME}.corrupt-{n}")).exists():
            n += 1
        os.replace(self.path, target)
        for suffix in ("-wal", "-shm"):
            extra = self.path.with_name(DB_NAME + suffix)
            if extra.exists():
                os.replace(extra, target.with_name(target.name + suffix))
        return target
