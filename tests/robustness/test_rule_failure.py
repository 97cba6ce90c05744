"""A bug in a rule that raises on one article (as an IndexError on one dev text did during
round nlp-16) costs that article only: its error lands in the run's errors, the others are
analysed, as on a Dask cluster (tests/test_dask.py). ``--debug`` raises it with a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims.cli import cli
from claims.errors import DEBUG_ENV, ExitCode
from claims.worker import Worker


@pytest.fixture()
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(
            f"Titel {name}\n\nDer Minister Paul Roth sagte, er sei zufrieden mit {name}.\n",
            encoding="utf-8",
        )
    (tmp_path / "bad.txt").write_text("Titel\n\nDieser Text BRICHT eine Regel.\n", "utf-8")
    original = Worker.analyse

    def analyse(self: Worker, article: object) -> object:
        if "BRICHT" in (getattr(article, "text", "") or ""):
            raise IndexError("list index out of range")
        return original(self, article)  # type: ignore[arg-type]

    def analyse_many(self: Worker, articles: list[object]) -> object:
        return (analyse(self, a) for a in articles)

    monkeypatch.setattr(Worker, "analyse", analyse)
    monkeypatch.setattr(Worker, "analyse_many", analyse_many)
    monkeypatch.delenv(DEBUG_ENV, raising=False)
    return tmp_path


def test_an_article_a_rule_fails_on_lands_in_errors(corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["quotes", str(corpus), "--format", "json", "--no-cache"])
    assert result.exit_code == ExitCode.OK, result.output
    report = json.loads(result.stdout)
    assert [(Path(e["path"]).name, e["code"]) for e in report["errors"]] == [
        ("bad.txt", "analysis-failed")
    ]
    assert "IndexError" in report["errors"][0]["message"]
    assert len(report["articles"]) == 2
    assert {s["speaker"] for s in report["statements"]} == {"other:Paul Roth"}


def test_debug_raises_the_failure_with_its_traceback(corpus: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--debug", "quotes", str(corpus), "--format", "json", "--no-cache"]
    )
    assert result.exit_code == ExitCode.INTERNAL_ERROR
    assert "IndexError" in result.output
    assert DEBUG_ENV not in os.environ  # only for the command
