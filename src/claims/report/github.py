"""``claims check --format github``: GitHub Actions workflow commands.

``::warning file=…,line=…,title=…::message`` per new finding and ``::error …`` per article that
could not be analysed, so they show up as annotations on the pull request, a ``::notice`` per stale
baseline entry, then the plain summary.
User text cannot break out of a command: data escapes ``%``, CR and LF; properties also ``:`` and
``,`` (the rules of ``@actions/core``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claims.report.check_text import items, stale_message, summary_lines
from claims.report.common import excerpt

if TYPE_CHECKING:
    from claims.check import CheckResult


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    """One workflow command line; properties with value None are left out."""
    props = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in properties.items()
        if value is not None
    )
    return (
        f"::{name} {props}::{escape_data(message)}"
        if props
        else f"::{name}::{escape_data(message)}"
    )


def render_github(result: CheckResult, *, lang: str = "en") -> str:
    lines = []
    for item in items(result, result.new):
        lines.append(
            command(
                "warning",
                f"{item.message} [id {item.finding.id}]",
                file=item.path,
                line=item.line,
                col=item.column,
                endLine=item.end_line,
                endColumn=item.end_column,
                title=f"claims: {item.finding.rule_id}",
            )
        )
    for error in result.errors:
        lines.append(
            command(
                "error",
                excerpt(error.message, 1000),
                file=error.path,
                line=error.line,
                title=f"claims: {error.code}",
            )
        )
    for entry in result.stale:
        lines.append(
            command(
                "notice",
                stale_message(entry, lang),
                file=result.baseline_path,
                title="claims: stale baseline entry",
            )
        )
    lines += summary_lines(result, lang)
    return "\n".join(lines) + "\n"
