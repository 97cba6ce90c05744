"""Another country, another denial: only data files change, the command line does the rest."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from claims.cli import cli

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "other_topic"


def data_args() -> list[str]:
    return [
        "--speakers", str(FIXTURE / "speakers.yaml"),
        "--kb", str(FIXTURE / "kb.yaml"),
        "--rules", str(FIXTURE / "rules.yaml"),
    ]  # fmt: skip


def test_other_topic_is_checked_with_its_own_data_files() -> None:
    result = CliRunner().invoke(
        cli, ["analyze", str(FIXTURE / "article.txt"), "--format", "json", *data_args()]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    speakers = {s["speaker"] for s in report["statements"]}
    assert "lindqvist" in speakers
    contradictions = [f for f in report["findings"] if f["verdict"] == "contradiction"]
    assert contradictions, "the minister's denial of arms exports is flagged"
    assert {f["rule_id"] for f in contradictions} == {"XR001"}
    assert all(f["evidence"] for f in contradictions)
    kinds = {e["kind"] for f in contradictions for e in f["evidence"]}
    assert "kb" in kinds


def test_other_topic_data_lists_and_validates() -> None:
    runner = CliRunner()
    rules = runner.invoke(cli, ["rules", "list", "--format", "json", *data_args()])
    assert rules.exit_code == 0, rules.output
    assert [r["id"] for r in json.loads(rules.stdout)] == ["XR001"]
    valid = runner.invoke(cli, ["validate", *(str(p) for p in sorted(FIXTURE.glob("*.yaml")))])
    assert valid.exit_code == 0, valid.output
