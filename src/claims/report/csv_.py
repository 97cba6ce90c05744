"""``--format csv``: one row per statement with its findings joined, for spreadsheets.

Columns (header row first; lists are joined with ``;``):

=====================  ===============================================================
statement_id           stable statement id
article_id             stable article id
article_path           file the article came from (``file.jsonl:LINE`` for JSONL)
article_title          title of the article
published              publication date (ISO), empty when unknown
line                   1-based line of the statement in the source file
start, end             character offsets into the ingested article text
speaker                speaker id (``lukashenko``, ``other:<Name>``); empty when unknown
speaker_mention        the words that identified the speaker
kind                   ``direct``, ``indirect``, ``reported`` or ``free_indirect``
cue                    speech verb or marker
text                   the statement, verbatim (line breaks kept, the field is quoted)
claims                 claim type ids
verdict                ``contradiction`` if any finding says so, else ``consistent`` if any
                       finding exists, else empty
contradiction_rules    rule ids of the contradiction findings
contradicted_actions   KB action ids of the contradiction findings
consistent_rules       rule ids of the consistent findings
finding_ids            ids of all findings of the statement
=====================  ===============================================================

Cells come from untrusted articles, so CSV (formula) injection is neutralised by OWASP's rule: a
text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
``'`` (a spreadsheet shows the text instead of evaluating it; strip one leading ``'`` to get the
exact text, which ``--format json`` also gives). Numbers (``line``, ``start``, ``end``) and ids
are left alone. Control characters in the path are shown escaped (``\\x1b``).
Records of unreadable articles are not part of this table; use ``json`` or ``jsonl`` for them.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from claims.models import Article, Finding, Report, Statement
from claims.report.common import ReportView
from claims.textsafe import visible

if TYPE_CHECKING:
    from claims.report.options import RenderOptions

COLUMNS = (
    "statement_id",
    "article_id",
    "article_path",
    "article_title",
    "published",
    "line",
    "start",
    "end",
    "speaker",
    "speaker_mention",
    "kind",
    "cue",
    "text",
    "claims",
    "verdict",
    "contradiction_rules",
    "contradicted_actions",
    "consistent_rules",
    "finding_ids",
)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """A text cell that no spreadsheet evaluates as a formula (OWASP's CSV injection rule)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _unique(items: list[str]) -> str:
    return ";".join(dict.fromkeys(items))


def csv_row(
    statement: Statement, article: Article | None, findings: list[Finding]
) -> tuple[object, ...]:
    """One statement's row; ``findings`` are the statement's own, in report order."""
    against = [f for f in findings if f.verdict == "contradiction"]
    agree = [f for f in findings if f.verdict == "consistent"]
    verdict = "contradiction" if against else "consistent" if agree else ""
    return (
        statement.id,
        statement.article_id,
        cell(visible(article.path)) if article else "",
        cell(article.title or "") if article else "",
        article.published.isoformat() if article and article.published else "",
        statement.line if statement.line is not None else "",
        statement.start,
        statement.end,
        cell(statement.speaker or ""),
        cell(statement.speaker_mention or ""),
        statement.kind,
        cell(statement.cue or ""),
        cell(statement.text),
        ";".join(statement.claims),
        verdict,
        _unique([f.rule_id for f in against]),
        _unique([a for f in against for a in f.actions]),
        _unique([f.rule_id for f in agree]),
        ";".join(f.id for f in findings),
    )


def render_csv(report: Report, options: RenderOptions) -> str:
    view = ReportView.build(report)
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for statement in view.report.statements:
        findings = view.findings_of.get(statement.id, [])
        writer.writerow(csv_row(statement, view.article_of(statement), findings))
    return buffer.getvalue()
