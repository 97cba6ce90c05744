"""The terminal table: fits the terminal, prints markup in user text, colour only on request."""

from __future__ import annotations

import re

import pytest

from claims.models import Action, Report
from claims.report import RenderOptions, render

NAMES = {"lukashenko": "Alexander Lukaschenko", "putin": "Wladimir Putin"}


@pytest.mark.parametrize("width", [80, 100, 60])
def test_no_line_is_wider_than_the_terminal(report: Report, action: Action, width: int) -> None:
    text = render(report, "table", RenderOptions(width=width, actions=(action,)))
    assert max(len(line) for line in text.splitlines()) <= width


def test_user_markup_is_printed_not_interpreted(report: Report) -> None:
    text = render(report, "table", RenderOptions(width=200))
    assert "[bold]x[/bold]" in text
    assert "[red]eng[/red]" in text
    assert "<script>" in text


def test_no_escape_sequences_without_colour(report: Report) -> None:
    text = render(report, "table", RenderOptions(width=80))
    assert "\x1b" not in text


def test_colour_when_asked(report: Report) -> None:
    text = render(report, "table", RenderOptions(width=80, color=True))
    assert "\x1b[" in text
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert "[bold]x[/bold]" in " ".join(plain.split()).replace(" ", "")


def test_summary_and_findings_show_speakers_quotes_and_evidence(
    report: Report, action: Action
) -> None:
    text = render(report, "table", RenderOptions(width=120, actions=(action,), speaker_names=NAMES))
    flat = " ".join(text.split())
    assert "Alexander Lukaschenko" in flat
    assert "Iwan <Petrow>" in flat  # the name after "other:"
    assert "unknown speaker" in flat
    assert "statements contradicted: 1" in flat
    assert "denial-vs-support contradiction" in flat
    assert "evidence: 1 documented, 1 in articles" in flat
    assert "corpus/a.txt:3" in flat
    assert "corpus/broken.txt" in flat and "input-error" in flat


def test_a_finding_is_one_ruff_like_block(report: Report, action: Action) -> None:
    """`path:line:col: RULE verdict  Speaker`, the quote, one explanation, the counts and the
    command that shows the rest; the evidence itself is not repeated."""
    options = RenderOptions(width=100, actions=(action,), speaker_names=NAMES, paths=("corpus",))
    lines = render(report, "table", options).splitlines()
    first = lines.index("corpus/a.txt:3:2: denial-vs-support contradiction  Alexander Lukaschenko")
    block = lines[first : lines.index("", first)]
    assert block[1].startswith("  “Belarus wird sich *niemals*")
    finding = report.findings[0]
    assert block[-1] == (
        f"  evidence: 1 documented, 1 in articles — claims show {finding.id} corpus"
    )
    assert not any("Russische Truppen griffen" in line for line in lines), "details: --verbose"
    assert not any("https://" in line for line in lines)


def test_column_is_counted_in_the_statement_line(report: Report) -> None:
    text = render(report, "table", RenderOptions(width=100))
    statement = next(s for s in report.statements if s.id == report.findings[0].statement_id)
    article = next(a for a in report.articles if a.id == statement.article_id)
    assert article.text is not None
    line_start = article.text.rfind("\n", 0, statement.start) + 1
    column = statement.start - line_start + 1
    assert f"{article.path}:{statement.line}:{column}: " in text


def test_verbose_lists_every_evidence_item_with_its_sources_and_the_statements(
    report: Report, action: Action
) -> None:
    options = RenderOptions(width=80, actions=(action,), verbose=True)
    lines = render(report, "table", options).splitlines()
    for source in action.sources:
        assert f"      {source.url}" in lines  # the URL whole, on a line of its own
        assert any(source.publisher in line for line in lines)
    assert any("Russische Truppen griffen" in line for line in lines)
    assert "Statements" in lines
    assert sum(1 for line in lines if line.startswith("corpus/b.txt:")) == 2


def test_lines_break_only_between_words(report: Report, action: Action) -> None:
    wide = render(report, "table", RenderOptions(width=1000, actions=(action,), verbose=True))
    for width in (40, 60, 80):
        narrow = render(
            report, "table", RenderOptions(width=width, actions=(action,), verbose=True)
        )
        assert narrow.split() == wide.split()


def test_german_labels(report: Report, action: Action) -> None:
    text = render(report, "table", RenderOptions(lang="de", actions=(action,)))
    flat = " ".join(text.split())
    assert "widersprochene Aussagen: 1" in flat
    assert "denial-vs-support Widerspruch" in flat
    assert "Belege: 1 dokumentiert, 1 in Artikeln" in flat
    assert "Sprecher" in flat and "unbekannter Sprecher" in flat
    assert "evidence" not in flat and "statements" not in flat


def test_german_headings(report: Report) -> None:
    text = render(report, "table", RenderOptions(lang="de"))
    assert "Sprecher" in text and "Widersprüche" in text and "Aussagen" in text


def test_empty_report(report: Report) -> None:
    text = render(Report(tool=report.tool), "table", RenderOptions(width=80))
    assert "No findings." in text


def test_every_statement_is_listed_with_verbose(report: Report) -> None:
    out = render(report, "table", RenderOptions(width=120, verbose=True))
    flat = re.sub(r"\s+", " ", out)
    for article in report.articles:
        assert article.path in flat
    for statement in report.statements:
        assert statement.text.split()[0] in flat


def test_without_verbose_the_statements_are_counted_and_pointed_to(report: Report) -> None:
    out = render(report, "table", RenderOptions(width=120))
    assert f"{len(report.statements)} statements: list them with `claims quotes`" in out
    assert "corpus/b.txt:" not in out  # statements without findings are not listed


def test_quotes_view_has_no_rule_columns_or_counts(report: Report) -> None:
    out = render(report, "table", RenderOptions(width=120, findings_table=False))
    assert "Findings" not in out
    for word in ("contradict", "Contradiction", "onsistent", "evidence", "claims show"):
        assert word not in out
    assert out.startswith("articles: 2 · statements: 4 · not analysed: 1")
    assert "Direct" in out and "Indirect" in out
    flat = re.sub(r"\s+", " ", out)
    for statement in report.statements:
        assert statement.text.split()[0] in flat
