"""``--format table``: what a researcher reads in the terminal.

A one-line total, the articles, every statement, a summary per speaker, a findings table (quote,
article, evidence) and the articles that could not be analysed. Rendered by rich into a string at
a fixed width; every piece of user text is a :class:`rich.text.Text`, so ``[bold]`` in a quote
is printed, not obeyed. Without ``color`` no escape sequence is written at all (pipes,
``NO_COLOR``).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from claims.models import Evidence, Finding, Report
from claims.report.common import (
    ReportView,
    excerpt,
    long_date,
    one_line,
    speaker_name,
    speaker_summaries,
)
from claims.report.i18n import t
from claims.textsafe import display

if TYPE_CHECKING:
    from claims.report import RenderOptions

MIN_WIDTH = 40
QUOTE_LIMIT = 400
EVIDENCE_LIMIT = 200
_QUOTES = {"de": ("„", "“"), "en": ("“", "”")}


TABLE_EVIDENCE = 3  # the terminal shows the strongest few; markdown and json list every piece


def _console(options: RenderOptions) -> Console:
    return Console(
        file=io.StringIO(),
        width=max(MIN_WIDTH, options.width),
        color_system="standard" if options.color else None,
        force_terminal=options.color,
        no_color=not options.color,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
        soft_wrap=False,
    )


class _Tables:
    def __init__(self, view: ReportView, options: RenderOptions) -> None:
        self.view = view
        self.options = options
        self.lang = options.lang

    def t(self, key: str, **values: object) -> str:
        return t(self.lang, key, **values)

    def speaker(self, speaker: str | None) -> str:
        return speaker_name(speaker, self.options.speaker_names, self.t("unknown_speaker"))

    def totals(self) -> Text:
        report = self.view.report
        return Text(
            self.t(
                "counts_text",
                articles=len(report.articles),
                statements=self.view.tally.statements,
                contradictions=len(self.view.contradictions),
                consistent=sum(1 for f in report.findings if f.verdict == "consistent"),
                errors=len(report.errors),
            ),
            style="bold",
        )

    def speakers(self) -> Table | None:
        summaries = speaker_summaries(self.view)
        if not summaries:
            return None
        table = self._table("summary", expand=False)
        table.add_column(Text(self.t("speaker")), overflow="fold", ratio=2)
        table.add_column(Text(self.t("statements")), justify="right", overflow="fold")
        table.add_column(Text(self.t("contradictions")), justify="right", overflow="fold")
        table.add_column(Text(self.t("claim_types")), overflow="fold", ratio=3)
        for s in summaries:
            kinds = f"{s.statements} ({s.direct}/{s.indirect})"
            names = self.options.claim_type_names
            claims = ", ".join(f"{names.get(c, c)} ({n})" for c, n in s.claim_types)
            table.add_row(
                Text(one_line(self.speaker(s.speaker))),
                Text(kinds),
                Text(str(s.contradictions), style="bold red" if s.contradictions else ""),
                Text(claims or "–"),
            )
        table.caption = Text(
            f"{self.t('statements')}: {self.t('total')} ({self.t('direct')}/{self.t('indirect')})",
            style="dim",
        )
        table.caption_justify = "left"
        return table

    def evidence_text(self, evidence: Evidence) -> Text:
        action = self.view.actions.get(evidence.action_id)
        if evidence.kind == "kb" and action is not None:
            description = action.description(self.lang)
            publishers = ", ".join(dict.fromkeys(s.publisher for s in action.sources))
            body = f"{excerpt(description, EVIDENCE_LIMIT)} ({long_date(action.start, self.lang)}"
            return Text(f"• {body}; {publishers})")
        if evidence.kind == "corpus":
            left, right = _QUOTES[self.lang]
            quote = excerpt(evidence.text, EVIDENCE_LIMIT)
            return Text(f"• {left}{quote}{right} — {one_line(evidence.source)}")
        return Text(f"• {excerpt(evidence.text, EVIDENCE_LIMIT)} — {one_line(evidence.source)}")

    def finding_row(self, number: str, finding: Finding) -> tuple[RenderableType, ...]:
        statement = self.view.statement_of(finding)
        article = self.view.article_of(statement)
        who = Text(one_line(self.speaker(statement.speaker if statement else None)), style="bold")
        where = [who]
        if article is not None:
            where.append(Text(excerpt(article.title or "", 120), style="italic"))
            if article.published:
                where.append(Text(long_date(article.published, self.lang)))
            where.append(Text(self.view.location(statement), style="dim"))
        left, right = _QUOTES[self.lang]
        quote = excerpt(statement.text, QUOTE_LIMIT) if statement else ""
        contradiction = finding.verdict == "contradiction"
        verdict = Text(
            self.t("verdict_" + finding.verdict),
            style="bold red" if contradiction else "green",
        )
        verdict.append(f"  {finding.rule_id}", style="dim")
        shown = finding.evidence[:TABLE_EVIDENCE]
        evidence = [verdict, *(self.evidence_text(e) for e in shown)]
        if len(finding.evidence) > len(shown):
            hidden = len(finding.evidence) - len(shown)
            evidence.append(Text(self.t("more_evidence", count=hidden), style="dim"))
        if finding.explanation:
            evidence.append(Text(one_line(finding.explanation), style="dim"))
        return (
            Text(number),
            Group(*(w for w in where if w.plain)),
            Text(f"{left}{quote}{right}") if statement else Text("–"),
            Group(*evidence),
        )

    def findings(self) -> Table | Text:
        findings = self.view.report.findings
        if not findings:
            return Text(self.t("no_findings"))
        table = self._table("findings", show_lines=True)
        table.add_column("#", no_wrap=True, min_width=2)
        table.add_column(
            Text(f"{self.t('speaker')} / {self.t('article')}"), overflow="fold", ratio=2
        )
        table.add_column(Text(self.t("quote")), overflow="fold", ratio=3)
        table.add_column(Text(self.t("evidence")), overflow="fold", ratio=3)
        contradiction_number = 0
        for finding in findings:
            if finding.verdict == "contradiction":
                contradiction_number += 1
                number = f"C{contradiction_number}"
            else:
                number = "–"
            table.add_row(*self.finding_row(number, finding))
        return table

    def _table(self, title: str, *, expand: bool = True, show_lines: bool = False) -> Table:
        """A titled table in the one style every section of the terminal report shares."""
        return Table(
            title=Text(self.t(title), style="bold"),
            title_justify="left",
            box=box.SIMPLE_HEAD,
            expand=expand,
            show_lines=show_lines,
            pad_edge=False,
        )

    def articles(self) -> Table | None:
        """One row per article: what was read, when it appeared, what was found in it."""
        report = self.view.report
        if not report.articles:
            return None
        said = self.view.tally.by_article
        contradicted: dict[str, int] = {}
        for finding in report.findings:
            said_by = self.view.statement_of(finding)
            if said_by is not None and finding.verdict == "contradiction":
                key = said_by.article_id
                contradicted[key] = contradicted.get(key, 0) + 1
        table = self._table("articles")
        table.add_column(Text(self.t("article")), overflow="fold", ratio=4)
        table.add_column(Text(self.t("date")), no_wrap=True)
        table.add_column(Text(self.t("statements")), justify="right", no_wrap=True)
        table.add_column(Text(self.t("contradictions")), justify="right", no_wrap=True)
        for article in report.articles:
            title = Text(excerpt(article.title or "–", 160), style="bold")
            title.append(f"\n{display(article.path)}", style="dim")
            count = contradicted.get(article.id, 0)
            table.add_row(
                title,
                Text(article.published.isoformat() if article.published else "–"),
                Text(str(said.get(article.id, 0))),
                Text(str(count), style="bold red" if count else ""),
            )
        return table

    def statements(self) -> Table | Text | None:
        """Every statement with its speaker, kind and cue, in article order."""
        report = self.view.report
        if not self.view.tally.statements:
            return None
        if not self.options.statements_table:
            count = self.view.tally.statements
            return Text(self.t("statements_hidden", count=count), style="dim")
        left, right = _QUOTES[self.lang]
        table = self._table("all_statements")
        table.add_column(Text(self.t("speaker")), overflow="fold", ratio=2)
        table.add_column(Text(self.t("kind")), no_wrap=True)
        table.add_column(Text(self.t("cue")), overflow="fold", ratio=1)
        table.add_column(Text(self.t("quote")), overflow="fold", ratio=5)
        for statement in report.statements:
            who = Text(one_line(self.speaker(statement.speaker)))
            who.append(f"\n{self.view.location(statement)}", style="dim")
            table.add_row(
                who,
                Text(self.t(statement.kind)),
                Text(one_line(statement.cue or "–")),
                Text(f"{left}{excerpt(statement.text, QUOTE_LIMIT)}{right}"),
            )
        return table

    def errors(self) -> Table | None:
        if not self.view.errors:
            return None
        table = self._table("errors")
        table.add_column(Text(self.t("article")), overflow="fold", ratio=2)
        table.add_column(Text(self.t("line")), justify="right", no_wrap=True)
        table.add_column("", no_wrap=True)
        table.add_column("", overflow="fold", ratio=3)
        for error in self.view.errors:
            table.add_row(
                Text(display(error.path)),
                Text(str(error.line or "")),
                Text(error.code, style="red"),
                Text(display(one_line(error.message))),
            )
        return table


def render_table(report: Report, options: RenderOptions) -> str:
    return render_table_view(ReportView.build(report, options.actions), options)


def render_table_view(view: ReportView, options: RenderOptions) -> str:
    """The table from a prepared view: it needs every statement only with ``statements_table``
    (otherwise counts in ``view.tally`` and the findings' statements are enough)."""
    tables = _Tables(view, options)
    console = _console(options)
    parts: list[RenderableType | None] = [
        tables.totals(),
        tables.articles(),
        tables.statements(),
        tables.speakers(),
        tables.findings() if options.findings_table else None,
        tables.errors(),
    ]
    for part in parts:
        if part is not None:
            console.print(part)
            console.print()
    file = console.file
    assert isinstance(file, io.StringIO)
    return "\n".join(line.rstrip() for line in file.getvalue().rstrip("\n").split("\n")) + "\n"
