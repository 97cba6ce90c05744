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
    assert "C1" in flat and "denial-vs-support" in flat
    assert "Belarus let Russian forces attack" in flat  # the KB action
    assert "Russische Truppen griffen" in flat  # the corpus sentence
    assert "corpus/a.txt:3" in flat
    assert "corpus/broken.txt" in flat and "input-error" in flat


def test_german_headings(report: Report) -> None:
    text = render(report, "table", RenderOptions(lang="de"))
    assert "Zusammenfassung" in text and "Befunde" in text and "Widersprüche" in text


def test_empty_report(report: Report) -> None:
    text = render(Report(tool=report.tool), "table", RenderOptions(width=80))
    assert "No findings." in text


def test_articles_and_every_statement_are_listed(report: Report) -> None:
    out = render(report, "table", RenderOptions(width=120))
    assert "Articles" in out and "Statements" in out
    flat = re.sub(r"\s+", " ", out)
    for article in report.articles:
        assert (article.path) in flat
    for statement in report.statements:
        assert statement.text.split()[0] in flat


def test_statement_list_can_be_replaced_by_a_hint_for_huge_corpora(report: Report) -> None:
    out = render(report, "table", RenderOptions(width=120, statements_table=False))
    assert f"{len(report.statements)} statements: list them with `claims quotes`" in out


def test_quotes_view_has_no_findings_table(report: Report) -> None:
    out = render(report, "table", RenderOptions(width=120, findings_table=False))
    assert "Findings" not in out
