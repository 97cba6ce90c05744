"""A temporary on-disk store of per-article results, so a run's memory stays flat.

A report on a large archive holds far more statements and findings than fit comfortably in
memory. :class:`Spool` writes each article's results to a private temporary SQLite database as
they come and reads them back article by article; :class:`SpooledReport` serves them to the
streaming formatters in the report's canonical order.

The database is SQLite's anonymous temporary database (in ``$SQLITE_TMPDIR`` or ``$TMPDIR``,
else ``/var/tmp`` or ``/tmp``): SQLite unlinks its file as soon as it is opened, so nothing is
left behind however the run ends, even when the process is killed.
"""

from __future__ import annotations

import contextlib
import pickle
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from claims.models import (
    Action,
    Article,
    ErrorRecord,
    Evidence,
    Finding,
    Report,
    Statement,
    ToolInfo,
)
from claims.report.common import ReportView, Tally

_SCHEMA = """
CREATE TABLE article (
    seq INTEGER PRIMARY KEY,
    article BLOB NOT NULL,
    statements BLOB NOT NULL,
    cites BLOB NOT NULL,
    checked INTEGER NOT NULL
);
CREATE TABLE finding (seq INTEGER PRIMARY KEY, findings BLOB NOT NULL);
"""
_BATCH = 256  # articles read or written per SQLite round trip


def _dump(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _load(value: bytes) -> Any:
    return pickle.loads(value)  # our own temporary database: nobody else writes to it


class Spool:
    """Per-article results in a private temporary SQLite database, keyed by input order (``seq``).

    Values are pickled models: the spool lives only as long as the run and only this process
    reads it, so the fastest exact round trip wins over a portable format.
    """

    def __init__(self) -> None:
        self._db = sqlite3.connect("")  # "": a temporary database, deleted when closed
        self._db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-4096;" + _SCHEMA
        )
        self.count = 0
        self._pending = 0

    def add(
        self,
        article: Article,
        statements: list[Statement],
        cites: Mapping[Any, list[Evidence]],
        checked: bool = True,
    ) -> int:
        """Store one article's results; return its ``seq`` (0, 1, 2, ... in input order).

        ``checked``: whether the rule engine has anything to check in the article.
        """
        seq = self.count
        self._db.execute(
            "INSERT INTO article VALUES (?, ?, ?, ?, ?)",
            (seq, _dump(article), _dump(statements), _dump(dict(cites)), int(checked)),
        )
        self.count += 1
        self._tick()
        return seq

    def set_findings(self, seq: int, findings: list[Finding]) -> None:
        if findings:
            self._db.execute("INSERT INTO finding VALUES (?, ?)", (seq, _dump(findings)))
            self._tick()

    def _tick(self) -> None:
        self._pending += 1
        if self._pending >= _BATCH:
            self._db.commit()
            self._pending = 0

    def records(self) -> Iterator[tuple[int, Article, list[Statement], dict[Any, list[Evidence]]]]:
        """Every article the engine checks, with its statements and cites, in input order."""
        self._db.commit()
        last = -1
        while True:
            rows = self._db.execute(
                "SELECT seq, article, statements, cites FROM article WHERE seq > ? AND checked "
                "ORDER BY seq LIMIT ?",
                (last, _BATCH),
            ).fetchall()
            if not rows:
                return
            for seq, article, statements, cites in rows:
                yield seq, _load(article), _load(statements), _load(cites)
            last = rows[-1][0]

    def article(self, seq: int) -> Article:
        return _load(self._one("SELECT article FROM article WHERE seq = ?", seq))

    def statements(self, seq: int) -> list[Statement]:
        return _load(self._one("SELECT statements FROM article WHERE seq = ?", seq))

    def findings(self, seq: int) -> list[Finding]:
        row = self._db.execute("SELECT findings FROM finding WHERE seq = ?", (seq,)).fetchone()
        return _load(row[0]) if row else []

    def _one(self, sql: str, seq: int) -> bytes:
        row = self._db.execute(sql, (seq,)).fetchone()
        if row is None:
            raise KeyError(seq)
        return row[0]

    def close(self) -> None:
        """Close (and so delete) the database; safe to call twice."""
        with contextlib.suppress(sqlite3.Error):
            self._db.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


@dataclass
class SpooledReport:
    """A report whose articles, statements and findings stay on disk until read.

    Holds in memory only the errors, one sort key per article and the duplicate warnings that
    arrived after their article was spooled. Iterators give the canonical order of
    :func:`claims.report.common.ordered`; findings keep the engine's order.
    """

    spool: Spool
    tool: ToolInfo
    errors: list[ErrorRecord] = field(default_factory=list)
    keys: list[tuple[str, str, int]] = field(default_factory=list)  # (path, id, seq)
    late_warnings: dict[str, list[str]] = field(default_factory=dict)
    own_warnings: dict[int, tuple[str, list[str]]] = field(default_factory=dict)  # seq -> path
    statement_count: int = 0

    def __post_init__(self) -> None:
        self.keys.sort()
        self.errors.sort(key=lambda e: (e.path, e.line or 0, e.code, e.message))

    def _article(self, seq: int) -> Article:
        article = self.spool.article(seq)
        late = self.late_warnings.get(article.id)
        if late:
            article.warnings = [*article.warnings, *late]
        return article

    def _statements(self, seq: int) -> list[Statement]:
        return sorted(self.spool.statements(seq), key=lambda s: (s.start, s.end, s.id))

    def article_warnings(self) -> list[tuple[str, str]]:
        """``(path, message)`` of every article warning, in input order (no spool read)."""
        late = {}
        if self.late_warnings:
            late = {seq: (path, self.late_warnings[id_]) for path, id_, seq in self.keys
                    if id_ in self.late_warnings}  # fmt: skip
        messages = []
        for seq in sorted(self.own_warnings.keys() | late.keys()):
            path, own = self.own_warnings.get(seq, ("", []))
            path, more = late.get(seq, (path, []))
            messages += [(path, message) for message in [*own, *more]]
        return messages

    def articles(self) -> Iterator[Article]:
        for _, _, seq in self.keys:
            yield self._article(seq)

    def statements(self) -> Iterator[Statement]:
        for _, _, seq in self.keys:
            yield from self._statements(seq)

    def findings(self) -> Iterator[Finding]:
        for seq in range(self.spool.count):
            yield from self.spool.findings(seq)

    def rows(self) -> Iterator[tuple[Article, list[Statement], list[Finding]]]:
        """Each article with its statements (canonical order) and their findings."""
        for _, _, seq in self.keys:
            yield self._article(seq), self._statements(seq), self.spool.findings(seq)

    def view(self, actions: tuple[Action, ...] = (), every_statement: bool = True) -> ReportView:
        """An index for the table and markdown formatters, counted in one pass over the spool.

        Without ``every_statement`` it holds only the statements that findings refer to (the
        terminal table of a large run lists no statements, only counts).
        """
        tally = Tally()
        return ReportView.build(self.report(every_statement, tally), actions, tally)

    def report(self, every_statement: bool = True, tally: Tally | None = None) -> Report:
        """The report in memory: every statement, or (``every_statement=False``, for `claims
        check` and large terminal tables) only those that findings refer to."""
        articles: list[Article] = []
        statements: list[Statement] = []
        findings: list[tuple[int, list[Finding]]] = []
        for _, _, seq in self.keys:
            articles.append(self._article(seq))
            said = self._statements(seq)
            found = self.spool.findings(seq)
            if tally is not None:
                of = {s.id: s for s in said}
                for statement in said:
                    tally.add_statement(statement)
                for finding in found:
                    tally.add_finding(finding, of.get(finding.statement_id))
            if every_statement:
                statements += said
            else:
                wanted = {f.statement_id for f in found}
                statements += [s for s in said if s.id in wanted]
            findings.append((seq, found))
        findings.sort(key=lambda pair: pair[0])
        return Report(
            tool=self.tool,
            articles=articles,
            statements=statements,
            findings=[f for _, found in findings for f in found],
            errors=list(self.errors),
        )
