"""``--format table``: what a researcher reads in the terminal, laid out like ruff or semgrep.

A one-line total, then one compact block per finding::

    news/a.txt:7:12: CC001 contradiction  Erik Lindqvist
      “Wir liefern keine Waffen”
      Erik Lindqvist denied arms exports (3 May 2024), but Nordland approved …
      evidence: 2 documented, 1 in articles — claims show f-0123456789ab news

then a short summary per speaker and the articles that could not be analysed. ``verbose`` adds
every piece of evidence with its sources and the list of statements; ``claims quotes``
(``findings_table=False``) prints the statements only, with no rule counts.

Plain text, wrapped at word boundaries only: a word, a path, an id or a URL is never split
across lines (a path longer than the terminal stays whole on its own line). User text goes
through :func:`claims.textsafe.display`, so it cannot move the cursor or forge a log line, and
markup in it (``[bold]``) is printed as written. Colour (ANSI) only with ``color``.
"""

from __future__ import annotations

import shlex
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claims.models import Action, Article, Evidence, Finding, Report, Statement
from claims.report.common import (
    ReportView,
    excerpt,
    long_date,
    one_line,
    source_date,
    speaker_name,
    speaker_summaries,
    split_path,
)
from claims.report.i18n import t
from claims.textsafe import display

if TYPE_CHECKING:
    from claims.report.options import RenderOptions

MIN_WIDTH = 40
QUOTE_LIMIT = 400  # a statement in `claims quotes`, --verbose and `claims show`
BLOCK_QUOTE_LIMIT = 160  # the quote in a finding's compact block
SUMMARY_LIMIT = 240  # the one-line explanation of a compact block
EVIDENCE_LIMIT = 300
INDENT = "  "
_QUOTES = {"de": ("„", "“"), "en": ("“", "”")}
_NBSP = "\xa0"  # joins the words of a unit (a command) that must not be wrapped apart

_STYLES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "cyan": "36", "bold red": "1;31"}


@dataclass(frozen=True)
class Context:
    """The sentences around a statement (for ``claims show``)."""

    before: str
    sentence: str
    after: str


class _Terminal:
    def __init__(self, view: ReportView, options: RenderOptions) -> None:
        self.view = view
        self.options = options
        self.lang = options.lang
        self.width = max(MIN_WIDTH, options.width)

    # -- text helpers ------------------------------------------------------------------------

    def t(self, key: str, **values: object) -> str:
        return t(self.lang, key, **values)

    def style(self, text: str, style: str) -> str:
        if not self.options.color or not text or style not in _STYLES:
            return text
        return f"\x1b[{_STYLES[style]}m{text}\x1b[0m"

    def wrap(self, text: str, indent: str = INDENT, first: str | None = None) -> list[str]:
        """``text`` on lines of at most the width, broken only between words (a word longer
        than a line stays whole on its own line)."""
        lines = textwrap.wrap(
            text,
            width=self.width,
            initial_indent=indent if first is None else first,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
        return [line.replace(_NBSP, " ") for line in lines] or [indent.rstrip()]

    def quoted(self, text: str, limit: int) -> str:
        left, right = _QUOTES[self.lang]
        return f"{left}{display(excerpt(text, limit))}{right}"

    def speaker(self, speaker: str | None) -> str:
        name = speaker_name(speaker, self.options.speaker_names, self.t("unknown_speaker"))
        return display(one_line(name))

    def location(self, statement: Statement | None) -> str:
        """``path:line:col`` of a statement, as ruff prints it (clickable in most terminals and
        editors); a JSONL article is ``file.jsonl:LINE`` (its JSON line)."""
        article = self.view.article_of(statement)
        if article is None or statement is None:
            return ""
        file, jsonl_line = split_path(article.path)
        if jsonl_line is not None or statement.line is None:
            return display(article.path)
        column = statement.column
        if column is None and article.text is not None:
            column = Article.column_of(statement.start, article.text)
        where = f"{display(file)}:{statement.line}"
        return f"{where}:{column}" if column else where

    def command(self, finding_id: str) -> str:
        """``claims show ID PATH...`` for a finding, as one unbreakable unit."""
        paths = list(self.options.paths)
        shown = shlex.join(paths) if paths and sum(len(p) for p in paths) <= 40 else "PATH..."
        return _NBSP.join(["claims", "show", finding_id, *shown.split(" ")])

    # -- pieces ------------------------------------------------------------------------------

    def totals(self) -> list[str]:
        report = self.view.report
        if not self.options.findings_table:
            text = self.t(
                "counts_quotes",
                articles=len(report.articles),
                statements=self.view.tally.statements,
                errors=len(report.errors),
            )
        else:
            text = self.t(
                "counts_text",
                articles=len(report.articles),
                statements=self.view.tally.statements,
                contradictions=len(self.view.contradictions),
                consistent=sum(1 for f in report.findings if f.verdict == "consistent"),
                errors=len(report.errors),
            )
        # "label: value" pairs stay together; lines break at the " · " between them
        text = " · ".join(pair.replace(" ", _NBSP) for pair in text.split(" · "))
        return [self.style(line, "bold") for line in self.wrap(text, indent="")]

    def header(self, location: str, rest: str) -> list[str]:
        """``path:line:col: rest`` with the path whole on the first line."""
        lines = self.wrap(f"{location}: {rest}" if location else rest, first="")
        if self.options.color and location:
            lines[0] = lines[0].replace(location, self.style(location, "bold"), 1)
        return lines

    def summary(self, finding: Finding) -> str:
        """The explanation in one sentence: the engine's explanation up to its first documented
        action (the rest is in --verbose and ``claims show``)."""
        explanation = one_line(finding.explanation)
        kb = [e for e in finding.evidence if e.kind == "kb"]
        first = one_line(kb[0].text) if kb else ""
        at = explanation.find(first) if first else -1
        if at < 0:
            return display(excerpt(explanation, SUMMARY_LIMIT))
        text = explanation[: at + len(first)]
        action = self.view.actions.get(kb[0].action_id)
        if action is not None:
            text += f" ({self.t('kb_since')} {long_date(action.start, self.lang)})"
        if len(kb) > 1:
            text += " " + self.t("and_more", count=len(kb) - 1)
        return display(excerpt(text, SUMMARY_LIMIT - 1).rstrip(".…") + ".")

    def evidence_counts(self, finding: Finding) -> tuple[int, int]:
        kb = sum(1 for e in finding.evidence if e.kind == "kb")
        return kb, len(finding.evidence) - kb

    def finding_block(self, finding: Finding) -> list[str]:
        statement = self.view.statement_of(finding)
        contradiction = finding.verdict == "contradiction"
        verdict = self.t("verdict_" + finding.verdict)
        who = self.speaker(statement.speaker if statement else None).replace(" ", _NBSP)
        rest = f"{finding.rule_id} {verdict}  {who}"
        lines = self.header(self.location(statement), rest)
        if self.options.color:
            colour = "bold red" if contradiction else "green"
            lines[0] = lines[0].replace(f" {verdict} ", f" {self.style(verdict, colour)} ", 1)
        limit = QUOTE_LIMIT if self.options.verbose else BLOCK_QUOTE_LIMIT
        if statement is not None:
            lines += self.wrap(self.quoted(statement.text, limit))
        if self.options.verbose:
            lines += self.finding_details(finding, statement)
            return lines
        lines += self.wrap(self.summary(finding))
        kb, corpus = self.evidence_counts(finding)
        counts = self.t("evidence_line", kb=kb, corpus=corpus)
        lines += [
            self.style(line, "dim") for line in self.wrap(f"{counts} — {self.command(finding.id)}")
        ]
        return lines

    def finding_details(self, finding: Finding, statement: Statement | None) -> list[str]:
        """Everything about a finding: article, claim types, explanation, every evidence item
        with its sources, the other places the statement stands, the id."""
        lines: list[str] = []
        article = self.view.article_of(statement)
        if article is not None:
            lines += self.labelled(self.t("article"), self.article_label(article))
        names = self.options.claim_type_names
        claims = [names.get(c, c) for c in (finding.claim_types or [])]
        if claims:
            lines += self.labelled(self.t("claim_types"), ", ".join(claims))
        lines += self.labelled(self.t("explanation"), display(one_line(finding.explanation)))
        kb = [e for e in finding.evidence if e.kind == "kb"]
        corpus = [e for e in finding.evidence if e.kind != "kb"]
        if kb:
            lines.append(f"{INDENT}{_capital(self.t('documented'))} ({len(kb)}):")
            for evidence in kb:
                lines += self.kb_evidence(evidence)
        if corpus:
            lines.append(f"{INDENT}{_capital(self.t('in_articles'))} ({len(corpus)}):")
            for evidence in corpus:
                lines += self.corpus_evidence(evidence, statement)
        if finding.occurrences and article is not None:
            file, _ = split_path(article.path)
            places = ", ".join(
                f"{display(file)}:{o.line}" if o.line else display(article.path)
                for o in finding.occurrences
            )
            lines += self.labelled(_capital(self.t("also_at")), places)
        lines += self.labelled("id", finding.id)
        return lines

    def labelled(self, label: str, text: str) -> list[str]:
        return self.wrap(f"{label}: {text}", indent=INDENT * 2, first=INDENT)

    def article_label(self, article: Article) -> str:
        title = self.quoted(article.title, 200) if article.title else display(article.path)
        date = long_date(article.published, self.lang)
        return f"{title} ({date})" if date else title

    def kb_evidence(self, evidence: Evidence) -> list[str]:
        action = self.view.actions.get(evidence.action_id)
        text = display(excerpt(evidence.text, EVIDENCE_LIMIT))
        if action is not None:
            text += f" ({self.t('kb_since')} {long_date(action.start, self.lang)})"
        lines = self.wrap(f"• {text}", indent=INDENT * 3, first=INDENT * 2)
        lines += self.sources(action, evidence)
        return lines

    def sources(self, action: Action | None, evidence: Evidence) -> list[str]:
        """Publisher, title and date on one (wrapped) line, the URL whole on its own line."""
        lines: list[str] = []
        deep = INDENT * 3
        if action is None:
            for cite in evidence.source.split(" | "):
                lines += self.wrap(display(one_line(cite)), indent=deep + INDENT, first=deep)
            return lines
        left, right = _QUOTES[self.lang]
        for source in action.sources:
            what = (
                f"{display(source.publisher)}: {left}{display(one_line(source.title))}{right}, "
                f"{source_date(source, self.lang)}"
            )
            lines += self.wrap(what, indent=deep + INDENT, first=deep)
            lines.append(deep + self.style(display(source.url), "cyan"))
        return lines

    def corpus_evidence(self, evidence: Evidence, statement: Statement | None) -> list[str]:
        lines = self.wrap(
            f"• {self.quoted(evidence.text, EVIDENCE_LIMIT)}", indent=INDENT * 3, first=INDENT * 2
        )
        where = display(one_line(evidence.source))
        other = statement is not None and evidence.article_id not in (None, statement.article_id)
        if other:
            where += f" ({self.t('other_article')}"
            if evidence.published:
                where += f", {long_date(evidence.published, self.lang)}"
            where += ")"
        lines += self.wrap(where, indent=INDENT * 4, first=INDENT * 3)
        return lines

    def statement_block(self, statement: Statement) -> list[str]:
        parts = [self.speaker(statement.speaker), self.t(statement.kind)]
        if statement.cue:
            parts.append(display(one_line(statement.cue)))
        lines = self.header(self.location(statement), " · ".join(parts))
        lines += self.wrap(self.quoted(statement.text, QUOTE_LIMIT))
        return lines

    def speakers(self) -> list[str]:
        """Per speaker: statements and the findings' verdicts (``claims quotes``: statements,
        direct and indirect)."""
        summaries = speaker_summaries(self.view)
        if not summaries:
            return []
        names = [self.speaker(s.speaker) for s in summaries]
        pad = min(max(len(n) for n in [*names, self.t("speaker")]), 30)
        rules = self.options.findings_table
        headers = [self.t("statements")]
        headers += [self.t("contradictions"), self.t("consistent")] if rules else []
        headers += [] if rules else [self.t("direct"), self.t("indirect")]
        headers = [_capital(h) for h in headers]
        widths = [max(len(h), 4) for h in headers]

        def row(first: str, cells: list[str]) -> str:
            padded = first.ljust(pad)
            return "  ".join([padded, *(c.rjust(w) for c, w in zip(cells, widths, strict=True))])

        lines = [self.style(row(self.t("speaker"), headers), "bold")]
        for summary, name in zip(summaries, names, strict=True):
            cells = [str(summary.statements)]
            if rules:
                cells += [str(summary.contradictions), str(summary.consistent)]
            else:
                cells += [str(summary.direct), str(summary.indirect)]
            lines.append(row(name, cells))
            if self.options.verbose and summary.claim_types:
                kinds = self.options.claim_type_names
                claims = ", ".join(f"{kinds.get(c, c)} ({n})" for c, n in summary.claim_types)
                lines += self.wrap(f"{self.t('claim_types')}: {claims}", indent=INDENT * 2)
        return lines

    def articles(self) -> list[str]:
        """--verbose: every article read, its date and title (the path whole on its line)."""
        articles = self.view.report.articles
        if not articles:
            return []
        said = self.view.tally.by_article
        lines = [self.style(self.t("articles"), "bold")]
        for article in articles:
            count = self.t("statements_short", count=said.get(article.id, 0))
            date = article.published.isoformat() if article.published else "–"
            lines += self.wrap(f"{display(article.path)}  {date} · {count}", first="")
            if article.title:
                lines += self.wrap(self.quoted(article.title, 200))
        return lines

    def errors(self) -> list[str]:
        lines: list[str] = []
        for error in self.view.errors:
            where = display(error.path) + (f":{error.line}" if error.line else "")
            rest = f"{self.style(error.code, 'red')} {display(one_line(error.message))}"
            lines += self.wrap(f"{where}: {rest}", first="")
        return lines


def _capital(label: str) -> str:
    return label[:1].upper() + label[1:]


def _blocks(parts: Sequence[list[str]]) -> str:
    """Non-empty parts separated by one blank line, no trailing spaces."""
    text = "\n\n".join("\n".join(line.rstrip() for line in part) for part in parts if part)
    return text + "\n"


def render_table(report: Report, options: RenderOptions) -> str:
    return render_table_view(ReportView.build(report, options.actions), options)


def render_table_view(view: ReportView, options: RenderOptions) -> str:
    """The terminal report from a prepared view: it needs every statement only with
    ``statements_table`` (otherwise counts in ``view.tally`` and the findings' statements)."""
    out = _Terminal(view, options)
    parts: list[list[str]] = [out.totals()]
    findings = view.report.findings if options.findings_table else []
    if options.findings_table and not findings:
        parts.append([out.t("no_findings")])
    parts += [out.finding_block(f) for f in findings]
    listed = options.statements_table and (options.verbose or not options.findings_table)
    if listed and view.tally.statements:
        if options.findings_table:
            parts.append([out.style(out.t("all_statements"), "bold")])
        parts += [out.statement_block(s) for s in view.report.statements]
    if options.verbose and options.findings_table:
        parts.append(out.articles())
    parts.append(out.speakers())
    parts.append(out.errors())
    hints: list[str] = []
    if options.findings_table and view.tally.statements and not listed:
        hints += out.wrap(out.t("statements_hint", count=view.tally.statements), indent="")
    parts.append([out.style(line, "dim") for line in hints])
    return _blocks(parts)


def find_item(view: ReportView, query: str) -> list[Finding | Statement]:
    """Findings and statements whose id starts with ``query`` (with or without the ``f-``/``s-``
    prefix)."""
    query = query.strip().lower()

    def matches(item_id: str) -> bool:
        return item_id.startswith(query) or item_id.split("-", 1)[-1].startswith(query)

    found: list[Finding | Statement] = [f for f in view.report.findings if matches(f.id)]
    found += [s for s in view.report.statements if matches(s.id)]
    return found


def render_item(
    view: ReportView,
    item: Finding | Statement,
    options: RenderOptions,
    context: Context | None = None,
) -> str:
    """``claims show``: everything about one finding or statement."""
    out = _Terminal(view, options)
    if isinstance(item, Finding):
        statement = view.statement_of(item)
        finding: Finding | None = item
    else:
        statement = item
        finding = None
    parts: list[list[str]] = []
    if finding is not None:
        verdict = out.t("verdict_" + finding.verdict)
        colour = "bold red" if finding.verdict == "contradiction" else "green"
        parts.append(
            [f"{out.style(finding.id, 'bold')}  {finding.rule_id} {out.style(verdict, colour)}"]
        )
    if statement is not None:
        block = out.statement_block(statement)
        if statement.speaker_mention:
            mention = display(one_line(statement.speaker_mention))
            block += out.labelled(_capital(out.t("mention")), mention)
        names = options.claim_type_names
        if statement.claims:
            claims = ", ".join(names.get(c, c) for c in statement.claims)
            block += out.labelled(out.t("claim_types"), claims)
        block += out.labelled("id", statement.id)
        parts.append(block)
    if context is not None:
        lines = [out.style(out.t("in_context"), "bold")]
        if context.before:
            lines += [out.style(x, "dim") for x in out.wrap(display(one_line(context.before)))]
        lines += out.wrap(display(one_line(context.sentence)), first="> ", indent=INDENT)
        if context.after:
            lines += [out.style(x, "dim") for x in out.wrap(display(one_line(context.after)))]
        parts.append(lines)
    if finding is not None:
        parts.append(out.finding_details(finding, statement))
    elif statement is not None:
        on_it = [
            f
            for f in view.report.findings
            if f.statement_id == statement.id
            or any(o.statement_id == statement.id for o in f.occurrences)
        ]
        for other in on_it:
            verdict = out.t("verdict_" + other.verdict)
            parts.append(
                out.wrap(f"{other.id}: {other.rule_id} {verdict} — {out.summary(other)}", first="")
            )
    return _blocks(parts)
