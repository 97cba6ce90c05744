"""JSON, JSONL and CSV: what pipelines and spreadsheets consume."""

from __future__ import annotations

import csv
import io
import json

import pytest

from claims.errors import NotAvailableError
from claims.models import Report
from claims.report import REPORT_FORMATS, RenderOptions, render
from claims.report.csv_ import COLUMNS


def test_json_validates_back_into_the_same_report_without_text(report: Report) -> None:
    data = json.loads(render(report, "json"))
    assert data["schema_version"] == "1"
    assert list(data) == ["schema_version", "tool", "articles", "statements", "findings", "errors"]
    assert all("text" not in article for article in data["articles"])
    back = Report.model_validate(data)
    assert {s.id: s for s in back.statements} == {s.id: s for s in report.statements}
    assert back.findings == report.findings
    assert back.errors == report.errors


def test_json_keeps_article_text_when_asked(report: Report) -> None:
    data = json.loads(render(report, "json", RenderOptions(include_text=True)))
    back = Report.model_validate(data)
    texts = {a.id: a.text for a in back.articles}
    for statement in back.statements:
        text = texts[statement.article_id]
        assert text is not None
        assert text[statement.start : statement.end] == statement.text


def test_json_orders_articles_by_path_and_statements_by_offset(report: Report) -> None:
    data = json.loads(render(report, "json"))
    paths = [a["path"] for a in data["articles"]]
    assert paths == sorted(paths)
    order = {a["id"]: i for i, a in enumerate(data["articles"])}
    keys = [(order[s["article_id"]], s["start"]) for s in data["statements"]]
    assert keys == sorted(keys)
    # The engine's finding order is kept.
    assert [f["id"] for f in data["findings"]] == [f.id for f in report.findings]


def test_json_does_not_depend_on_input_order(report: Report) -> None:
    shuffled = report.model_copy(
        update={
            "articles": list(reversed(report.articles)),
            "statements": list(reversed(report.statements)),
        }
    )
    assert render(shuffled, "json") == render(report, "json")


def test_jsonl_has_one_typed_object_per_line(report: Report) -> None:
    lines = render(report, "jsonl").splitlines()
    records = [json.loads(line) for line in lines]
    types = [r["type"] for r in records]
    assert types == (
        ["article"] * len(report.articles)
        + ["statement"] * len(report.statements)
        + ["finding"] * len(report.findings)
        + ["error"] * len(report.errors)
    )
    # Statement texts with line breaks stay on their JSONL line.
    assert len(lines) == len(records)
    statement = next(r for r in records if r["type"] == "statement" and "\n" in r["text"])
    assert statement["speaker"] == "lukashenko"


def test_csv_parses_with_header_and_one_row_per_statement(report: Report) -> None:
    text = render(report, "csv")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == COLUMNS
    body = [dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]]
    assert len(body) == len(report.statements)
    by_speaker = {row["speaker"]: row for row in body}
    denial = by_speaker["lukashenko"]
    assert denial["verdict"] == "contradiction"
    assert denial["contradiction_rules"] == "denial-vs-support"
    assert denial["contradicted_actions"] == "by-territory-for-invasion-2022"
    # Verbatim text, line break and markup characters included.
    original = next(s for s in report.statements if s.speaker == "lukashenko")
    assert denial["text"] == original.text
    assert by_speaker["putin"]["verdict"] == "consistent"
    assert by_speaker[""]["verdict"] == ""  # the unknown speaker, no finding


def test_every_format_is_deterministic(report: Report) -> None:
    options = RenderOptions(corpus="corpus/")
    for fmt in REPORT_FORMATS:
        assert render(report, fmt, options) == render(report, fmt, options), fmt


def test_empty_report_renders_in_every_format(report: Report) -> None:
    empty = Report(tool=report.tool)
    for fmt in REPORT_FORMATS:
        assert render(empty, fmt).endswith("\n") or fmt == "jsonl", fmt


def test_unknown_format_and_language_are_usage_errors(report: Report) -> None:
    with pytest.raises(NotAvailableError, match="unknown report format"):
        render(report, "xml")
    with pytest.raises(NotAvailableError, match="language"):
        render(report, "markdown", RenderOptions(lang="fr"))
