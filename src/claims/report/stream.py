"""Streamed json, jsonl and csv: the same bytes as the string formatters, piece by piece.

A formatter here takes a :class:`ReportParts` (iterators over the report in canonical order,
e.g. :class:`claims.spool.SpooledReport`) instead of a whole :class:`Report`, and yields the
document in pieces, so a run never holds more than one article's statements at a time. Still
pure: no files, no clock; the caller writes the pieces.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from claims.models import Article, ErrorRecord, Finding, Report, Statement, ToolInfo
from claims.report.common import ordered
from claims.report.csv_ import COLUMNS, csv_row
from claims.report.json_ import dumps
from claims.report.jsonl import GROUPS

if TYPE_CHECKING:
    from claims.report.options import RenderOptions

STREAM_FORMATS = ("json", "jsonl", "csv")


class ReportParts(Protocol):
    """A report read piece by piece: articles and statements in canonical order (see
    :func:`claims.report.common.ordered`), findings in the engine's order, errors sorted."""

    tool: ToolInfo
    errors: list[ErrorRecord]

    def articles(self) -> Iterator[Article]: ...
    def statements(self) -> Iterator[Statement]: ...
    def findings(self) -> Iterator[Finding]: ...
    def rows(self) -> Iterator[tuple[Article, list[Statement], list[Finding]]]: ...


@dataclass
class ReportInMemory:
    """:class:`ReportParts` of a report held in memory."""

    report: Report

    def __post_init__(self) -> None:
        self.report = ordered(self.report)
        self.tool = self.report.tool
        self.errors = self.report.errors

    def articles(self) -> Iterator[Article]:
        return iter(self.report.articles)

    def statements(self) -> Iterator[Statement]:
        return iter(self.report.statements)

    def findings(self) -> Iterator[Finding]:
        return iter(self.report.findings)

    def rows(self) -> Iterator[tuple[Article, list[Statement], list[Finding]]]:
        said: dict[str, list[Statement]] = {}
        for statement in self.report.statements:
            said.setdefault(statement.article_id, []).append(statement)
        article_of = {s.id: s.article_id for s in self.report.statements}
        found: dict[str, list[Finding]] = {}
        for finding in self.report.findings:
            found.setdefault(article_of.get(finding.statement_id, ""), []).append(finding)
        for article in self.report.articles:
            yield article, said.get(article.id, []), found.get(article.id, [])


# -- json -----------------------------------------------------------------------------------


def _json_list(name: str, items: Iterable[str], last: bool = False) -> Iterator[str]:
    """``"name": [...]`` at depth 1 of an indent-2 document; ``items`` are indent-2 dumps."""
    yield f'  "{name}": '
    empty = True
    for item in items:
        yield ("[\n    " if empty else ",\n    ") + item.replace("\n", "\n    ")
        empty = False
    yield ("[]" if empty else "\n  ]") + ("\n" if last else ",\n")


def json_chunks(parts: ReportParts, options: RenderOptions) -> Iterator[str]:
    """``--format json``: the bytes of ``render_json``, one record at a time.

    A record dumped alone with indent 2 and indented by four more spaces is what it is inside
    the document (JSON strings hold no raw line breaks, so every newline is structural).
    """
    article_exclude = None if options.include_text else {"text"}
    yield "{\n"
    yield f'  "schema_version": {json.dumps(Report.model_fields["schema_version"].default)},\n'
    yield '  "tool": ' + parts.tool.model_dump_json(indent=2).replace("\n", "\n  ") + ",\n"
    yield from _json_list(
        "articles", (a.model_dump_json(indent=2, exclude=article_exclude) for a in parts.articles())
    )
    yield from _json_list("statements", (s.model_dump_json(indent=2) for s in parts.statements()))
    yield from _json_list("findings", (f.model_dump_json(indent=2) for f in parts.findings()))
    yield from _json_list("errors", (e.model_dump_json(indent=2) for e in parts.errors), last=True)
    yield "}\n"


# -- jsonl ----------------------------------------------------------------------------------


def jsonl_chunks(parts: ReportParts, options: RenderOptions) -> Iterator[str]:
    """``--format jsonl``: the lines of ``render_jsonl``, one record at a time."""
    article_exclude = None if options.include_text else {"text"}
    sources: dict[str, Callable[[], Iterable[Any]]] = {
        "articles": parts.articles,
        "statements": parts.statements,
        "findings": parts.findings,
        "errors": lambda: parts.errors,
    }
    for group, kind in GROUPS:
        exclude = article_exclude if group == "articles" else None
        for item in sources[group]():
            record = {"type": kind, **item.model_dump(mode="json", exclude=exclude)}
            yield dumps(record, indent=None) + "\n"


# -- csv ------------------------------------------------------------------------------------


def csv_chunks(parts: ReportParts, options: RenderOptions) -> Iterator[str]:
    """``--format csv``: the rows of ``render_csv``, one article at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for article, statements, findings in parts.rows():
        findings_of: dict[str, list[Finding]] = {}
        for finding in findings:
            findings_of.setdefault(finding.statement_id, []).append(finding)
        for statement in statements:
            writer.writerow(csv_row(statement, article, findings_of.get(statement.id, [])))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def stream(parts: ReportParts, fmt: str, options: RenderOptions) -> Iterator[str]:
    """The report in ``fmt`` (one of :data:`STREAM_FORMATS`), piece by piece."""
    formatters = {"json": json_chunks, "jsonl": jsonl_chunks, "csv": csv_chunks}
    return formatters[fmt](parts, options)
