"""``--format markdown``: a report a journalist can publish from.

Sections: title and run metadata, a summary table, one section per contradiction (the quote as a
blockquote, article, claim type, each documented action with its sources, each corpus sentence
with its citation, the explanation), consistent findings, an index by speaker, a Mermaid timeline,
unreadable articles, and methods and caveats. All user text goes through :mod:`mdtext` escaping.
The output is CommonMark plus GFM pipe tables and depends only on the report and options.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from claims.ingest.own_output import MARKDOWN_MARKER
from claims.models import Action, Evidence, Finding, Report, Statement
from claims.report.common import (
    ReportView,
    excerpt,
    long_date,
    source_date,
    speaker_name,
    speaker_summaries,
)
from claims.report.i18n import paragraphs, t
from claims.report.mdtext import blockquote, inline, link, mermaid_text, table

if TYPE_CHECKING:
    from claims.report.options import RenderOptions

_QUOTES = {"de": ("„", "“"), "en": ("“", "”")}


class _Writer:
    """Builds the document from a report view; one method per section."""

    def __init__(self, view: ReportView, options: RenderOptions) -> None:
        self.view = view
        self.options = options
        self.lang = options.lang
        # Contradiction numbers (C1, C2, ...) shared by the sections and the index.
        self.numbers = {f.id: i for i, f in enumerate(self.view.contradictions, start=1)}

    def t(self, key: str, **values: object) -> str:
        return t(self.lang, key, **values)

    def speaker(self, speaker: str | None) -> str:
        return speaker_name(speaker, self.options.speaker_names, self.t("unknown_speaker"))

    def claim(self, claim_type: str) -> str:
        return inline(self.options.claim_type_names.get(claim_type, claim_type))

    def quoted(self, text: str) -> str:
        left, right = _QUOTES[self.lang]
        return f"{left}{inline(text)}{right}"

    def article_line(self, statement: Statement | None) -> str:
        article = self.view.article_of(statement)
        if article is None:
            return ""
        title = article.title or article.path
        parts = [link(title, article.url)]
        if article.published:
            parts.append(long_date(article.published, self.lang))
        if article.source:
            parts.append(inline(article.source))
        parts.append(inline(self.view.location(statement)))
        return " · ".join(parts)

    # -- sections -------------------------------------------------------------------------

    def header(self) -> str:
        report = self.view.report
        counts = self.t(
            "counts_text",
            articles=len(report.articles),
            statements=self.view.tally.statements,
            contradictions=len(self.view.contradictions),
            consistent=sum(1 for f in report.findings if f.verdict == "consistent"),
            errors=len(report.errors),
        )
        items = []
        if self.options.generated:
            items.append(f"- **{self.t('generated')}:** {inline(self.options.generated)}")
        tool = f"{report.tool.name} {report.tool.version}"
        items.append(f"- **{self.t('tool')}:** {inline(tool)}")
        if self.options.corpus:
            items.append(f"- **{self.t('corpus')}:** {inline(self.options.corpus)}")
        items.append(f"- **{self.t('counts')}:** {counts}")
        # the marker line lets a later run skip this report if it lands in the corpus folder
        return f"{MARKDOWN_MARKER}\n# {self.t('title')}\n\n" + "\n".join(items)

    def summary(self) -> str:
        summaries = speaker_summaries(self.view)
        if not summaries:
            return f"## {self.t('summary')}\n\n{self.t('no_statements')}"
        header = [
            self.t("speaker"),
            self.t("statements"),
            self.t("direct"),
            self.t("indirect"),
            self.t("claim_types"),
            self.t("contradictions"),
            self.t("consistent"),
        ]
        rows = []
        for s in summaries:
            claims = ", ".join(f"{self.claim(c)} ({n})" for c, n in s.claim_types)
            numbers = [s.statements, s.direct, s.indirect]
            counts = [str(s.contradictions), str(s.consistent)]
            rows.append([inline(self.speaker(s.speaker)), *map(str, numbers), claims, *counts])
        totals = [
            sum(s.statements for s in summaries),
            sum(s.direct for s in summaries),
            sum(s.indirect for s in summaries),
        ]
        verdicts = [sum(s.contradictions for s in summaries), sum(s.consistent for s in summaries)]
        rows.append([f"**{self.t('total')}**", *map(str, totals), "", *map(str, verdicts)])
        return f"## {self.t('summary')}\n\n" + table(header, rows, "lrrrlrr")

    def action_item(self, evidence: Evidence) -> str:
        action = self.view.actions.get(evidence.action_id)
        if action is None:
            source = link(evidence.source, evidence.url)
            return f"- {inline(evidence.text)} — {source}"
        return f"- {self.action_text(action)}"

    def action_text(self, action: Action) -> str:
        description = action.description(self.lang)
        period = long_date(action.start, self.lang)
        if action.end:
            period += " – " + long_date(action.end, self.lang)
        # what a source supports is written in English in the knowledge base: the German
        # report keeps to German and gives the source itself
        sources = "; ".join(
            link(", ".join((s.publisher, s.title, source_date(s, self.lang))), s.url)
            + (f" ({inline(s.supports.strip())})" if self.lang == "en" else "")
            for s in action.sources
        )
        return f"{inline(description)} ({period}). {self.t('source')}: {sources}"

    def contradiction(self, finding: Finding) -> str:
        statement = self.view.statement_of(finding)
        number = self.numbers[finding.id]
        who = self.speaker(statement.speaker if statement else None)
        claim_types = finding.claim_types or (statement.claims if statement else [])
        lines = [f"### C{number} · {inline(who)}", ""]
        lines += [blockquote(statement.text) if statement else ">", ""]
        facts = [f"- **{self.t('speaker')}:** {inline(who)}"]
        if statement:
            facts.append(f"- **{self.t('article')}:** {self.article_line(statement)}")
        if finding.occurrences and statement:
            article = self.view.article_of(statement)
            path = article.path if article else ""
            places = ", ".join(
                inline(f"{path}:{o.line}" if o.line else path) for o in finding.occurrences
            )
            facts.append(f"- **{self.t('occurrences')}:** {places}")
        if claim_types:
            facts.append(
                f"- **{self.t('claim_type')}:** " + ", ".join(self.claim(c) for c in claim_types)
            )
        facts.append(f"- **{self.t('rule')}:** {inline(finding.rule_id)}")
        if finding.timing:
            facts.append(f"- **{self.t('timing')}:** {self.t('timing_' + finding.timing)}")
        kb = [e for e in finding.evidence if e.kind == "kb"]
        listed = {e.action_id for e in kb}
        kb_items = [self.action_item(e) for e in kb]
        # Actions named by the finding but without an evidence record still get cited.
        kb_items += [
            f"- {self.action_text(self.view.actions[a])}"
            for a in finding.actions
            if a not in listed and a in self.view.actions
        ]
        if kb_items:
            facts.append(f"- **{self.t('actions')}:**")
            facts += ["  " + item for item in kb_items]
        corpus = [e for e in finding.evidence if e.kind == "corpus"]
        if corpus:
            facts.append(f"- **{self.t('corpus_evidence')}:**")
            own = statement.article_id if statement else None
            for e in corpus:
                label = ""
                if e.article_id != own:
                    when = long_date(e.published, self.lang)
                    label = f"({self.t('other_article')}{', ' + when if when else ''}) "
                facts.append(f"  - {label}{self.quoted(e.text)} — {link(e.source, e.url)}")
        facts.append(f"- **{self.t('explanation')}:** {inline(finding.explanation)}")
        return "\n".join(lines + facts)

    def contradictions(self) -> str:
        found = self.view.contradictions
        if not found:
            return f"## {self.t('contradictions')}\n\n{self.t('no_contradictions')}"
        return f"## {self.t('contradictions')}\n\n" + "\n\n".join(
            self.contradiction(f) for f in found
        )

    def consistent(self) -> str:
        items = []
        for finding in self.view.report.findings:
            if finding.verdict != "consistent":
                continue
            statement = self.view.statement_of(finding)
            if statement is None:
                continue
            who = inline(self.speaker(statement.speaker))
            quote = self.quoted(excerpt(statement.text, 160))
            items.append(
                f"- **{who}:** {quote} — {self.article_line(statement)} "
                f"({self.t('rule')}: {inline(finding.rule_id)})"
            )
        if not items:
            return ""
        return f"## {self.t('consistent_findings')}\n\n" + "\n".join(items)

    def index(self) -> str:
        blocks = []
        by_speaker: dict[str | None, list[Statement]] = {}
        for statement in self.view.report.statements:  # one pass, not one per speaker
            by_speaker.setdefault(statement.speaker, []).append(statement)
        for summary in speaker_summaries(self.view):
            items = []
            for statement in by_speaker.get(summary.speaker, []):
                details = [self.t(statement.kind)] + [self.claim(c) for c in statement.claims]
                refs = [
                    f"C{self.numbers[f.id]}"
                    for f in self.view.findings_of.get(statement.id, [])
                    if f.id in self.numbers
                ]
                see = f" — {self.t('see')} {', '.join(refs)}" if refs else ""
                items.append(
                    f"- {self.quoted(excerpt(statement.text, 120))} — "
                    f"{self.article_line(statement)} ({', '.join(details)}){see}"
                )
            blocks.append(f"### {inline(self.speaker(summary.speaker))}\n\n" + "\n".join(items))
        if not blocks:
            return ""
        return f"## {self.t('index')}\n\n" + "\n\n".join(blocks)

    def timeline(self) -> str:
        events: dict[dt.date, list[str]] = {}
        undated = 0
        action_ids: list[str] = []
        for finding in self.view.report.findings:
            statement = self.view.statement_of(finding)
            article = self.view.article_of(statement)
            action_ids += [a for a in finding.actions if a not in action_ids]
            if statement is None:
                continue
            if article is None or article.published is None:
                undated += 1
                continue
            who = self.speaker(statement.speaker)
            mark = " ⚠" if finding.verdict == "contradiction" else ""
            label = f"{self.t('tl_statement')} {who}{mark} - {statement.text}"
            entry = mermaid_text(label)
            day = events.setdefault(article.published, [])
            if entry not in day:
                day.append(entry)
        for action_id in action_ids:
            action = self.view.actions.get(action_id)
            if action is None:
                continue
            description = action.description(self.lang)
            entry = mermaid_text(f"{self.t('tl_action')} - {description}")
            day = events.setdefault(action.start, [])
            if entry not in day:
                day.append(entry)
        parts = [f"## {self.t('timeline')}"]
        if not events:
            parts.append(self.t("timeline_none"))
        else:
            lines = ["```mermaid", "timeline", f"    title {mermaid_text(self.t('timeline'))}"]
            for date in sorted(events):
                first, *rest = events[date]
                lines.append(f"    {date.isoformat()} : {first}")
                lines += [f"        : {entry}" for entry in rest]
            lines.append("```")
            parts += [self.t("timeline_intro"), "\n".join(lines)]
        if undated:
            parts.append(self.t("timeline_undated", count=undated))
        return "\n\n".join(parts)

    def errors(self) -> str:
        if not self.view.errors:
            return ""
        items = []
        for error in self.view.errors:
            where = inline(error.path)
            if error.line:
                where += f", {self.t('line')} {error.line}"
            items.append(f"- {where}: {inline(error.code)} — {inline(error.message)}")
        return f"## {self.t('errors')}\n\n" + "\n".join(items)

    def methods(self) -> str:
        return f"## {self.t('methods')}\n\n" + "\n\n".join(paragraphs(self.lang, "methods_text"))

    def document(self) -> str:
        sections = [
            self.header(),
            self.summary(),
            self.contradictions(),
            self.consistent(),
            self.index(),
            self.timeline(),
            self.errors(),
            self.methods(),
        ]
        return "\n\n".join(s for s in sections if s) + "\n"


def render_markdown(report: Report, options: RenderOptions) -> str:
    return render_markdown_view(ReportView.build(report, options.actions), options)


def render_markdown_view(view: ReportView, options: RenderOptions) -> str:
    """The document from a prepared view; its index lists every statement, so the view must
    hold them all."""
    return _Writer(view, options).document()
