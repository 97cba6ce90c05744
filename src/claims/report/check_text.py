"""``claims check --format text|json``, and the located items the other check formats share.

Each new finding becomes an :class:`Item` with the file, line and column a CI system can point
at: the statement's line when the app filled it in, else line 1 (or the JSONL line of the
article); the column when the article text is at hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claims.models import Finding
from claims.report.common import excerpt, split_path
from claims.report.i18n import t
from claims.report.json_ import dumps
from claims.textsafe import display

if TYPE_CHECKING:
    from claims.check import BaselineEntry, CheckResult

MESSAGE_QUOTE = 200


@dataclass(frozen=True)
class Item:
    """A finding located in a file, with what a reviewer needs to recognise it."""

    finding: Finding
    fingerprint: str
    path: str
    line: int
    column: int | None
    end_line: int | None
    end_column: int | None
    speaker: str | None
    text: str

    @property
    def message(self) -> str:
        """One line: who said what, and why it is flagged."""
        return self.message_in("en")

    def message_in(self, lang: str) -> str:
        """``message`` in the report language (German quote marks „…“ for "de")."""
        who = self.speaker or t(lang, "unknown_speaker")
        quote = excerpt(self.text, MESSAGE_QUOTE)
        left, right = ("„", "“") if lang == "de" else ("“", "”")
        explanation = excerpt(self.finding.explanation, 300)
        return f"{who}: {left}{quote}{right} — {explanation}".rstrip(" —")


def _position(text: str | None, body_line: int, offset: int) -> tuple[int, int] | None:
    if text is None or offset > len(text):
        return None
    line = body_line + text.count("\n", 0, offset)
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def items(result: CheckResult, findings: list[Finding]) -> list[Item]:
    """Locate ``findings`` (``result.new`` or ``result.known``) in their files."""
    report = result.report
    statements = {s.id: s for s in report.statements}
    articles = {a.id: a for a in report.articles}
    located = []
    for finding in findings:
        statement = statements.get(finding.statement_id)
        article = articles.get(statement.article_id) if statement else None
        path, jsonl_line = split_path(article.path) if article else ("", None)
        start = end = None
        if statement is not None and article is not None:
            start = _position(article.text, article.body_line, statement.start)
            end = _position(article.text, article.body_line, statement.end)
        line = (statement.line if statement else None) or (start[0] if start else None)
        if jsonl_line is not None:
            line, start, end = jsonl_line, None, None  # a JSON string has no useful column
        located.append(
            Item(
                finding=finding,
                fingerprint=result.fingerprints.get(finding.id, ""),
                path=path,
                line=line or 1,
                column=start[1] if start and start[0] == line else None,
                end_line=end[0] if end and start and start[0] == line else None,
                end_column=end[1] if end and start and start[0] == line else None,
                speaker=statement.speaker if statement else None,
                text=statement.text if statement else "",
            )
        )
    return located


def summary_lines(result: CheckResult, lang: str) -> list[str]:
    lines = [
        t(lang, "check_new", count=len(result.new)),
        t(lang, "check_known", count=len(result.known)),
    ]
    if result.false_positives:
        lines.append("  " + t(lang, "check_false_positives", count=len(result.false_positives)))
    if result.stale:
        lines.append(t(lang, "check_stale", count=len(result.stale)))
    if result.errors:
        lines.append(t(lang, "check_errors", count=len(result.errors)))
    lines.append(t(lang, "check_failed" if result.failed else "check_passed"))
    if result.new:
        lines.append(t(lang, "check_hint"))
    return lines


def stale_message(entry: BaselineEntry, lang: str) -> str:
    """One stale baseline entry: rule, speaker, article and excerpt."""
    who = entry.speaker or "unknown speaker"
    quote = excerpt(entry.text, MESSAGE_QUOTE)
    return (
        f"{t(lang, 'check_stale_entry')}: {entry.rule_id}: {who}: “{quote}” ({entry.article}) "
        f"[{entry.status}, {entry.fingerprint}]"
    )


def render_check_text(result: CheckResult, *, lang: str = "en") -> str:
    """``path:line: rule: message [id …]`` per new finding and per error, a line per stale
    baseline entry, then a summary."""
    lines = []
    for item in items(result, result.new):
        actions = ", ".join(item.finding.actions)
        contradicts = f" [{t(lang, 'contradicts')} {actions}]" if actions else ""
        lines.append(
            f"{display(item.path)}:{item.line}: {item.finding.rule_id}: "
            f"{display(item.message_in(lang))}{display(contradicts)} [id {item.finding.id}]"
        )
    for error in result.errors:
        where = f"{error.path}:{error.line}" if error.line else error.path
        lines.append(f"{display(where)}: {error.code}: {display(excerpt(error.message, 500))}")
    for entry in result.stale:
        where = display(str(result.baseline_path or "baseline"))
        lines.append(f"{where}: {display(stale_message(entry, lang))}")
    if lines:
        lines.append("")
    lines += summary_lines(result, lang)
    return "\n".join(lines) + "\n"


def _review_data(result: CheckResult, item: Item) -> dict[str, Any]:
    review = result.review(item.finding)
    if review is None:
        return {}
    return {"status": review.status, "reason": review.reason, "by": review.by, "at": review.at}


def _item_data(item: Item) -> dict[str, Any]:
    return {
        "fingerprint": item.fingerprint,
        "finding_id": item.finding.id,
        "statement_id": item.finding.statement_id,
        "rule_id": item.finding.rule_id,
        "speaker": item.speaker,
        "text": item.text,
        "path": item.path,
        "line": item.line,
        "actions": item.finding.actions,
        "explanation": item.finding.explanation,
    }


def render_check_json(result: CheckResult) -> str:
    """A machine-readable result: ``failed``, ``new``, ``known``, ``stale`` and ``errors``."""
    data = {
        "schema_version": "1",
        "tool": result.report.tool.model_dump(mode="json"),
        "failed": result.failed,
        "new": [_item_data(i) for i in items(result, result.new)],
        "known": [_item_data(i) | _review_data(result, i) for i in items(result, result.known)],
        "stale": [e.model_dump(mode="json") for e in result.stale],
        "errors": [e.model_dump(mode="json") for e in result.errors],
    }
    return dumps(data) + "\n"
