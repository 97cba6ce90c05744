"""``claims check``: compare a run with a baseline of accepted findings, for CI.

A baseline entry is a *fingerprint* of what was said, by whom, under which rule - not of where it
stands. Rewrapping an article, changing its quote marks, moving the quote to another paragraph or
another file keeps the fingerprint, so a reviewed finding stays accepted; a new speaker, rule or
wording makes a new one.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claims.errors import InputError, InternalError, NotAvailableError
from claims.ids import digest
from claims.models import ErrorRecord, Finding, Report, Statement

FINGERPRINT_VERSION = "v1"
CHECK_FORMATS = ("text", "json", "github", "sarif")
MAX_BASELINE_BYTES = 50_000_000
EXCERPT_CHARS = 160

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The text as a fingerprint sees it: NFKC, case-folded, without punctuation, one space.

    Typography that reformatting changes - quote styles, dashes, line breaks, non-breaking spaces,
    soft hyphens, full-width forms - disappears; words and their order stay.
    """
    chars = []
    for ch in unicodedata.normalize("NFKC", text).casefold():
        category = unicodedata.category(ch)
        if category == "Cf":  # soft hyphen, zero-width space: invisible, so dropped
            continue
        # Punctuation (quote marks, dashes) becomes a space, so "a-b" and "a - b" agree.
        chars.append(" " if ch.isspace() or category[0] == "P" or category == "Cc" else ch)
    return _SPACE.sub(" ", "".join(chars)).strip()


def fingerprint(finding: Finding, statement: Statement) -> str:
    """Stable id of an accepted finding: rule, speaker and normalised statement text."""
    return (
        FINGERPRINT_VERSION
        + ":"
        + digest(
            "claims-fingerprint",
            FINGERPRINT_VERSION,
            finding.rule_id,
            statement.speaker or "",
            normalise(statement.text),
            length=32,
        )
    )


class BaselineEntry(BaseModel):
    """One accepted finding; everything but ``fingerprint`` is for the human reviewing a diff."""

    model_config = ConfigDict(extra="ignore")

    fingerprint: str = Field(min_length=1)
    rule_id: str
    speaker: str | None = None
    text: str = Field(default="", description="Excerpt of the statement.")
    article: str = Field(default="", description="Path of the article it was accepted in.")


class Baseline(BaseModel):
    """The accepted findings of a corpus (``claims-baseline.json``)."""

    model_config = ConfigDict(extra="ignore")

    version: int = 1
    findings: list[BaselineEntry] = Field(default_factory=list)

    def fingerprints(self) -> set[str]:
        return {entry.fingerprint for entry in self.findings}


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; any problem is an :class:`InputError` that names the file."""
    where = str(path)
    hint = "fix the file, or recreate it with `claims check PATH --update-baseline`"
    try:
        size = path.stat().st_size
        if size > MAX_BASELINE_BYTES:
            raise InputError(
                f"baseline is {size:,} bytes, over the limit of {MAX_BASELINE_BYTES:,}",
                path=where,
                hint=hint,
            )
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise InputError(
            "baseline file not found",
            path=where,
            hint="create it with `claims check PATH --update-baseline`",
        ) from exc
    except UnicodeDecodeError as exc:
        raise InputError("baseline is not UTF-8 text", path=where, hint=hint) from exc
    except OSError as exc:
        raise InputError(f"cannot read baseline ({exc.strerror})", path=where) from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"baseline is not valid JSON: {exc.msg}", path=where, line=exc.lineno, hint=hint
        ) from exc
    if not isinstance(data, dict):
        raise InputError(
            "baseline must be a JSON object with a 'findings' list", path=where, hint=hint
        )
    try:
        baseline = Baseline.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise InputError(
            f"invalid baseline at {loc}: {first['msg']}", path=where, hint=hint
        ) from exc
    if baseline.version != 1:
        raise InputError(
            f"baseline version {baseline.version} is not supported (this claims reads 1)",
            path=where,
            hint="upgrade claims, or recreate the baseline with --update-baseline",
        )
    return baseline


def _statements(report: Report) -> dict[str, Statement]:
    return {s.id: s for s in report.statements}


def _statement_of(finding: Finding, statements: dict[str, Statement]) -> Statement:
    try:
        return statements[finding.statement_id]
    except KeyError:
        raise InternalError(
            f"finding {finding.id} refers to statement {finding.statement_id}, "
            "which is not in the report"
        ) from None


def _excerpt(text: str) -> str:
    text = _SPACE.sub(" ", text).strip()
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1].rstrip() + "…"


def baseline_from_report(report: Report) -> Baseline:
    """The contradictions of ``report`` as a baseline (one entry per fingerprint)."""
    statements = _statements(report)
    paths = {a.id: a.path for a in report.articles}
    entries: dict[str, BaselineEntry] = {}
    for finding in report.findings:
        if finding.verdict != "contradiction":
            continue
        statement = _statement_of(finding, statements)
        fp = fingerprint(finding, statement)
        if fp in entries:
            continue
        entries[fp] = BaselineEntry(
            fingerprint=fp,
            rule_id=finding.rule_id,
            speaker=statement.speaker,
            text=_excerpt(statement.text),
            article=paths.get(statement.article_id, ""),
        )
    ordered = sorted(
        entries.values(), key=lambda e: (e.article, e.rule_id, e.speaker or "", e.fingerprint)
    )
    return Baseline(findings=ordered)


def dump_baseline(baseline: Baseline) -> str:
    """Deterministic JSON text: entries sorted, keys in model order, one entry per few lines."""
    data = baseline.model_dump(mode="json")
    data["findings"] = sorted(
        data["findings"],
        key=lambda e: (e["article"], e["rule_id"], e["speaker"] or "", e["fingerprint"]),
    )
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@dataclass
class CheckResult:
    """Outcome of ``claims check``: what is new, what was accepted, what could not be read."""

    new: list[Finding]
    known: list[Finding]
    errors: list[ErrorRecord]
    report: Report
    stale: list[BaselineEntry] = field(default_factory=list)
    fingerprints: dict[str, str] = field(default_factory=dict)  # finding id -> fingerprint

    @property
    def failed(self) -> bool:
        return bool(self.new or self.errors)


def compare(report: Report, baseline: Baseline | None) -> CheckResult:
    """Split the contradictions of ``report`` into new and known; consistent ones never fail."""
    statements = _statements(report)
    accepted = baseline.fingerprints() if baseline else set()
    new: list[Finding] = []
    known: list[Finding] = []
    seen: set[str] = set()
    prints: dict[str, str] = {}
    for finding in report.findings:
        if finding.verdict != "contradiction":
            continue
        fp = fingerprint(finding, _statement_of(finding, statements))
        prints[finding.id] = fp
        seen.add(fp)
        (known if fp in accepted else new).append(finding)
    stale = [e for e in baseline.findings if e.fingerprint not in seen] if baseline else []
    return CheckResult(
        new=new,
        known=known,
        errors=list(report.errors),
        report=report,
        stale=stale,
        fingerprints=prints,
    )


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
