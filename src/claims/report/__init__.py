"""Report formatters: one pure module per format, each ``Report -> str``.

The CLI picks the format and writes the string atomically; nothing here touches files, the clock
or the terminal, so every format is deterministic and testable on hand-built reports.
"""

from __future__ import annotations

from collections.abc import Callable

from claims.errors import NotAvailableError
from claims.models import Report
from claims.report.common import ReportView
from claims.report.options import RenderOptions

REPORT_FORMATS = ("table", "markdown", "json", "jsonl", "csv")
LANGUAGES = ("en", "de")


def _formatter(fmt: str) -> Callable[[Report, RenderOptions], str]:
    # Imported lazily so `claims analyze --format json` does not import rich.
    if fmt == "table":
        from claims.report.table import render_table

        return render_table
    if fmt == "markdown":
        from claims.report.markdown import render_markdown

        return render_markdown
    if fmt == "json":
        from claims.report.json_ import render_json

        return render_json
    if fmt == "jsonl":
        from claims.report.jsonl import render_jsonl

        return render_jsonl
    if fmt == "csv":
        from claims.report.csv_ import render_csv

        return render_csv
    raise NotAvailableError(
        f"unknown report format {fmt!r}",
        hint="choose one of: " + ", ".join(REPORT_FORMATS),
    )


def render(report: Report, fmt: str, options: RenderOptions | None = None) -> str:
    """Render ``report`` in ``fmt`` (one of :data:`REPORT_FORMATS`)."""
    options = options or RenderOptions()
    if options.lang not in LANGUAGES:
        raise NotAvailableError(
            f"unknown report language {options.lang!r}", hint="choose 'de' or 'en'"
        )
    return _formatter(fmt)(report, options)


def render_view(view: ReportView, fmt: str, options: RenderOptions | None = None) -> str:
    """``table`` or ``markdown`` from a prepared :class:`ReportView` (a streamed report's counts
    and findings; markdown also needs every statement)."""
    options = options or RenderOptions()
    if options.lang not in LANGUAGES:
        raise NotAvailableError(
            f"unknown report language {options.lang!r}", hint="choose 'de' or 'en'"
        )
    if fmt == "table":
        from claims.report.table import render_table_view

        return render_table_view(view, options)
    if fmt == "markdown":
        from claims.report.markdown import render_markdown_view

        return render_markdown_view(view, options)
    raise NotAvailableError(
        f"format {fmt!r} is not rendered from a view", hint="use claims.report.stream"
    )


__all__ = ["LANGUAGES", "REPORT_FORMATS", "RenderOptions", "render", "render_view"]
