"""``claims check`` output: the format dispatch over the pure check formatters (text, json,
github, sarif), kept apart from :mod:`claims.check` so that the formatters may read its types
without the two importing each other."""

from __future__ import annotations

from claims.check import CHECK_FORMATS, CheckResult
from claims.errors import NotAvailableError


def render_check(
    result: CheckResult,
    fmt: str,
    *,
    lang: str = "en",
    rules: dict[str, str] | None = None,
) -> str:
    """Render a check result; ``rules`` maps rule ids to titles for SARIF rule metadata."""
    if fmt == "text":
        from claims.report.check_text import render_check_text

        return render_check_text(result, lang=lang)
    if fmt == "json":
        from claims.report.check_text import render_check_json

        return render_check_json(result)
    if fmt == "github":
        from claims.report.github import render_github

        return render_github(result, lang=lang)
    if fmt == "sarif":
        from claims.report.sarif import render_sarif

        return render_sarif(result, rules=rules or {})
    raise NotAvailableError(
        f"unknown check format {fmt!r}", hint="choose one of: " + ", ".join(CHECK_FORMATS)
    )
