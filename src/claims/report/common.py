"""What every formatter shares: a canonical order, look-ups, speaker names, dates, excerpts.

All formatters read the report through :class:`ReportView`, so they list articles, statements and
findings in the same order and name speakers the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from claims.models import Action, Article, ErrorRecord, Finding, Report, Source, Statement

_JSONL_PATH = re.compile(r"^(?P<file>.+\.jsonl):(?P<line>\d+)$", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def ordered(report: Report) -> Report:
    """A copy in canonical order: articles by path, statements by article then offset.

    Findings keep the engine's order (it is deterministic and meaningful); errors are sorted by
    path and line because they come from parallel ingestion.
    """
    articles = sorted(report.articles, key=lambda a: (a.path, a.id))
    position = {a.id: i for i, a in enumerate(articles)}
    statements = sorted(
        report.statements,
        key=lambda s: (position.get(s.article_id, len(position)), s.start, s.end, s.id),
    )
    errors = sorted(report.errors, key=lambda e: (e.path, e.line or 0, e.code, e.message))
    return report.model_copy(
        update={"articles": articles, "statements": statements, "errors": errors}
    )


def speaker_name(speaker: str | None, names: Mapping[str, str], unknown: str) -> str:
    """Display name: the registry's name, else the name after ``other:``, else the id."""
    if speaker is None:
        return unknown
    if speaker in names:
        return names[speaker]
    if speaker.startswith("other:"):
        return nominative(speaker[len("other:") :]) or unknown
    return speaker


#: Feminine nouns that end a body's name ("Zeitung", "Agentur"): an adjective before them in the
#: genitive or dative ("der Frankfurter Allgemeinen Zeitung") has "-e" in the nominative.
_FEMININE_END = re.compile(r"(ung|ion|tät|schaft|agentur|post|presse|welt|rundschau|zeit)$")


def nominative(name: str) -> str:
    """A name as written after a preposition, back in the nominative for a label:
    ``Frankfurter Allgemeinen Zeitung`` -> ``Frankfurter Allgemeine Zeitung``."""
    words = name.split()
    if len(words) < 2 or not _FEMININE_END.search(words[-1].lower()):
        return name
    fixed = [
        w[:-1] if w[:1].isupper() and w.endswith("en") and not w.endswith("een") else w
        for w in words[:-1]
    ]
    return " ".join([*fixed, words[-1]])


def one_line(text: str) -> str:
    """Collapse every run of whitespace (line breaks included) into one space."""
    return _SPACE.sub(" ", text).strip()


def excerpt(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[: max(1, limit - 1)]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def split_path(path: str) -> tuple[str, int | None]:
    """``("corpus/a.jsonl", 12)`` for a JSONL article path ``corpus/a.jsonl:12``."""
    match = _JSONL_PATH.match(path)
    if match:
        return match["file"], int(match["line"])
    return path, None


_MONTHS = {
    "de": (
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def long_date(day: dt.date | None, lang: str) -> str:
    """``24. Februar 2022`` / ``24 February 2022``; empty for no date."""
    if day is None:
        return ""
    month = _MONTHS[lang][day.month - 1]
    return f"{day.day}. {month} {day.year}" if lang == "de" else f"{day.day} {month} {day.year}"


def source_date(source: Source, lang: str) -> str:
    """The date of a source as precise as it is known (``März 2022`` for a month)."""
    if source.month_only:
        return f"{_MONTHS[lang][source.date.month - 1]} {source.date.year}"
    return long_date(source.date, lang)


@dataclass(frozen=True)
class SpeakerSummary:
    """Per-speaker counts for the summary tables."""

    speaker: str | None
    statements: int
    direct: int
    indirect: int
    claim_types: tuple[tuple[str, int], ...]
    contradictions: int
    consistent: int


@dataclass
class Tally:
    """Counts over every statement of a report, taken in one pass.

    The terminal table and the summaries need these numbers, not the statements themselves,
    so a streamed report can count while it reads and keep only the findings' statements.
    """

    statements: int = 0
    by_article: dict[str, int] = field(default_factory=dict)
    _kinds: dict[str | None, Counter[str]] = field(default_factory=dict)
    _claims: dict[str | None, Counter[str]] = field(default_factory=dict)
    _verdicts: dict[str | None, Counter[str]] = field(default_factory=dict)

    def add_statement(self, statement: Statement) -> None:
        self.statements += 1
        self.by_article[statement.article_id] = self.by_article.get(statement.article_id, 0) + 1
        self._kinds.setdefault(statement.speaker, Counter())[statement.kind] += 1
        self._claims.setdefault(statement.speaker, Counter()).update(statement.claims)

    def add_finding(self, finding: Finding, statement: Statement | None) -> None:
        speaker = statement.speaker if statement else None
        self._verdicts.setdefault(speaker, Counter())[finding.verdict] += 1

    @classmethod
    def of(cls, report: Report) -> Tally:
        tally = cls()
        for statement in report.statements:
            tally.add_statement(statement)
        statements = {s.id: s for s in report.statements}
        for finding in report.findings:
            tally.add_finding(finding, statements.get(finding.statement_id))
        return tally

    def speaker_summaries(self) -> list[SpeakerSummary]:
        """One summary per speaker: registered and named speakers first (by count), unknown
        last."""
        summaries = []
        for speaker, kinds in self._kinds.items():
            claims = self._claims.get(speaker, Counter())
            counts = self._verdicts.get(speaker, Counter())
            summaries.append(
                SpeakerSummary(
                    speaker=speaker,
                    statements=kinds.total(),
                    direct=kinds["direct"],
                    # reported speech of every kind (indirect, reported, free_indirect)
                    indirect=kinds.total() - kinds["direct"],
                    claim_types=tuple(sorted(claims.items(), key=lambda kv: (-kv[1], kv[0]))),
                    contradictions=counts["contradiction"],
                    consistent=counts["consistent"],
                )
            )
        summaries.sort(
            key=lambda s: (
                s.speaker is None,
                bool(s.speaker and s.speaker.startswith("other:")),
                -s.contradictions,
                -s.statements,
                s.speaker or "",
            )
        )
        return summaries


@dataclass
class ReportView:
    """Index of a report for the formatters (built once, read many times).

    ``tally`` counts every statement of the run; ``report.statements`` may hold fewer (a
    streamed run keeps only the statements its findings need when no formatter lists them all).
    """

    report: Report
    articles: dict[str, Article] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    actions: dict[str, Action] = field(default_factory=dict)
    findings_of: dict[str, list[Finding]] = field(default_factory=dict)
    tally: Tally = field(default_factory=Tally)

    @classmethod
    def build(
        cls, report: Report, actions: tuple[Action, ...] = (), tally: Tally | None = None
    ) -> ReportView:
        report = ordered(report)
        view = cls(report=report, tally=tally if tally is not None else Tally.of(report))
        view.articles = {a.id: a for a in report.articles}
        view.statements = {s.id: s for s in report.statements}
        view.actions = {a.id: a for a in actions}
        for finding in report.findings:
            view.findings_of.setdefault(finding.statement_id, []).append(finding)
        return view

    @property
    def contradictions(self) -> list[Finding]:
        return [f for f in self.report.findings if f.verdict == "contradiction"]

    @property
    def errors(self) -> list[ErrorRecord]:
        return self.report.errors

    def statement_of(self, finding: Finding) -> Statement | None:
        return self.statements.get(finding.statement_id)

    def article_of(self, statement: Statement | None) -> Article | None:
        return self.articles.get(statement.article_id) if statement else None

    def location(self, statement: Statement | None) -> str:
        """``path:line`` of a statement (the file path for JSONL articles is kept whole)."""
        article = self.article_of(statement)
        if article is None or statement is None:
            return ""
        if statement.line is None or _JSONL_PATH.match(article.path):
            return article.path
        return f"{article.path}:{statement.line}"


def speaker_summaries(view: ReportView) -> list[SpeakerSummary]:
    """One summary per speaker: registered and named speakers first (by count), unknown last."""
    return view.tally.speaker_summaries()
