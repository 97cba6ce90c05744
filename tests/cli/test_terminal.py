"""The terminal output of issue 15: ruff-like findings, `claims show`, `quotes`, `kb list`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claims.app import AnalyzeOptions, analyze
from claims.cli import cli
from claims.errors import ExitCode
from claims.resources import Resources

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
LOCATION = re.compile(
    r"^corpus/\d{3}_[0-9a-f]{16}\.txt:\d+:\d+: (CC\d{3}) (contradiction|consistent)"
)
#: the figure of the issue (1,081 lines) and of this branch's start (819 lines), at 80 columns
LINES_BEFORE = 819


def invoke(*args: str, columns: int = 80) -> Result:
    return CliRunner().invoke(cli, list(args), env={"COLUMNS": str(columns), "NO_COLOR": "1"})


@pytest.fixture(scope="module")
def corpus_json() -> dict:
    result = invoke("analyze", "corpus", "--format", "json", "--no-cache", "-q")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def at_80() -> str:
    result = invoke("analyze", "corpus", "--no-cache", "-q")
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(autouse=True)
def _in_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS.parent)


def test_corpus_at_80_columns_reads_like_ruff(at_80: str, corpus_json: dict) -> None:
    lines = at_80.splitlines()
    assert len(lines) < LINES_BEFORE // 5, len(lines)
    assert max(len(line) for line in lines) <= 80
    headers = [m for m in map(LOCATION.match, lines) if m]
    assert len(headers) == len(corpus_json["findings"])
    assert [m.group(1) for m in headers] == [f["rule_id"] for f in corpus_json["findings"]]
    for finding in corpus_json["findings"]:
        assert f"claims show {finding['id']} corpus" in at_80  # the id whole, with the command
    assert "evidence: 6 documented" in at_80


def test_corpus_at_80_columns_breaks_no_word_path_or_id(at_80: str) -> None:
    """Wrapping only replaces spaces by line breaks: the words at 80 columns are the words of
    an unwrapped rendering (no `erklär/te`, no path cut in two)."""
    wide = invoke("analyze", "corpus", "-q", columns=1000)
    assert wide.exit_code == 0
    assert at_80.split() == wide.stdout.split()
    for path in sorted(CORPUS.glob("*.txt")):
        assert f"corpus/{path.name}:" in at_80


def test_columns_point_at_the_statement_start_in_the_file() -> None:
    report = analyze([str(CORPUS)], AnalyzeOptions(use_cache=False))
    paths = {a.id: Path(a.path) for a in report.articles}
    checked = 0
    for statement in report.statements:
        assert statement.line is not None and statement.column is not None
        line = (
            paths[statement.article_id].read_text(encoding="utf-8").split("\n")[statement.line - 1]
        )
        first = statement.text.split("\n")[0]
        assert line[statement.column - 1 :].startswith(first), (line, statement.column, first)
        checked += 1
    assert checked == len(report.statements) > 50


def test_json_has_no_column_field(corpus_json: dict) -> None:
    assert all("column" not in s for s in corpus_json["statements"])


def test_verbose_adds_every_evidence_item_with_sources_and_the_statements(
    corpus_json: dict,
) -> None:
    result = invoke("analyze", "corpus", "-q", "--verbose")
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.stdout.splitlines()]
    actions = {a.id: a for a in Resources.load().actions}
    for finding in corpus_json["findings"]:
        assert f"id: {finding['id']}" in lines
        for evidence in finding["evidence"]:
            if evidence["kind"] == "kb":
                for source in actions[evidence["action_id"]].sources:
                    assert source.url in lines  # whole, on a line of its own
    assert "Statements" in lines
    assert len([s for s in result.stdout.splitlines() if re.match(r"^corpus/.*: ", s)]) >= len(
        corpus_json["statements"]
    )


def test_show_prints_a_finding_in_context_with_every_source(corpus_json: dict) -> None:
    finding = corpus_json["findings"][0]
    statement = next(s for s in corpus_json["statements"] if s["id"] == finding["statement_id"])
    result = invoke("show", finding["id"], "corpus", "-q")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith(f"{finding['id']}  {finding['rule_id']} contradiction")
    assert "In context" in out and "> " in out
    assert statement["text"].split()[0] in out
    assert "Explanation: " in out and "Documented (" in out and "In articles (" in out
    assert "https://" in out
    short = invoke("show", finding["id"][2:8], "corpus", "-q")  # a prefix of 6, without f-
    assert short.exit_code == 0 and short.stdout == out


def test_show_a_statement_in_german(corpus_json: dict) -> None:
    finding = corpus_json["findings"][0]
    result = invoke("show", finding["statement_id"], "corpus", "-q", "--lang", "de")
    assert result.exit_code == 0, result.output
    assert "Im Zusammenhang" in result.stdout and "Genannt als:" in result.stdout
    assert f"{finding['id']}: {finding['rule_id']} Widerspruch" in result.stdout


def test_show_unknown_or_short_id_exits_2_with_a_message() -> None:
    unknown = invoke("show", "f-000000000000", "corpus", "-q")
    assert unknown.exit_code == ExitCode.USAGE_ERROR
    assert "no finding or statement with id 'f-000000000000' in corpus" in unknown.stderr
    assert "Traceback" not in unknown.output
    short = invoke("show", "f-12", "corpus", "-q")
    assert short.exit_code == ExitCode.USAGE_ERROR
    assert "too short" in short.stderr and "at least 6 characters" in short.stderr


def test_quotes_shows_statements_without_rule_columns_or_counts() -> None:
    result = invoke("quotes", "corpus", "-q")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("articles: 5 · statements: ")
    for word in ("contradict", "Contradiction", "onsistent", "evidence", "Findings"):
        assert word not in out
    assert "Lukashenko · direct · sagte" in out


def test_german_terminal_text(at_80: str) -> None:
    result = invoke("analyze", "corpus", "-q", "--lang", "de")
    assert result.exit_code == 0
    out = result.stdout
    assert "CC001 Widerspruch  Alexander Lukaschenko" in out
    assert "Belege: 6 dokumentiert" in out and "Sprecher" in out and "Widersprüche" in out
    assert "evidence" not in out and "statements" not in out


def test_kb_list_keeps_ids_and_urls_whole_at_80_columns() -> None:
    result = invoke("kb", "list")
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.stdout.splitlines()]
    for action in Resources.load().actions:
        assert action.id in lines
        for source in action.sources:
            assert source.url in lines
    assert all(len(line) <= 80 or " " not in line.strip() for line in result.stdout.splitlines())
    listed = invoke("kb", "list", "--format", "json")
    assert listed.exit_code == 0 and json.loads(listed.stdout)[0]["id"]
