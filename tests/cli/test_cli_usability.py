"""Issue #17: no silent wrong answers — `--speaker`, `-o FILE` extensions, `claims --help`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims.cli import cli
from claims.errors import ExitCode
from claims.kb.speakers import load_speakers

ARTICLE = "002_7c65917f404e4067.txt"  # Lukaschenko is quoted in it


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _speakers(runner: CliRunner, corpus_dir: Path, *speaker: str) -> set[str | None]:
    args = ["analyze", str(corpus_dir / ARTICLE), "--format", "json", "-q"]
    for value in speaker:
        args += ["--speaker", value]
    result = runner.invoke(cli, args)
    assert result.exit_code == ExitCode.OK, result.output
    return {s["speaker"] for s in json.loads(result.stdout)["statements"]}


@pytest.mark.parametrize("value", ["lukashenko", "LUKASHENKO", "lukaschenko", "Lukaschenko"])
def test_speaker_accepts_ids_and_name_forms_in_any_case(
    runner: CliRunner, corpus_dir: Path, value: str
) -> None:
    assert _speakers(runner, corpus_dir, value) == {"lukashenko"}


def test_speaker_name_of_another_tracked_speaker_selects_by_id(
    runner: CliRunner, corpus_dir: Path
) -> None:
    # Putin is not quoted in this article: no statements, but no error either.
    assert _speakers(runner, corpus_dir, "Putin") <= {"putin"}
    assert _speakers(runner, corpus_dir, "Putin", "Lukaschenko") == {"lukashenko"}


def test_unknown_speaker_is_a_usage_error_listing_the_valid_ids(
    runner: CliRunner, corpus_dir: Path
) -> None:
    result = runner.invoke(cli, ["analyze", str(corpus_dir), "--speaker", "xyz"])
    assert result.exit_code == ExitCode.USAGE_ERROR
    assert "unknown speaker 'xyz'" in result.output
    for speaker in load_speakers().tracked():  # read from the registry, never hard-coded
        assert speaker.id in result.output
    for command in ("quotes", "check"):
        result = runner.invoke(cli, [command, str(corpus_dir), "--speaker", "xyz"])
        assert result.exit_code == ExitCode.USAGE_ERROR, command
        assert "unknown speaker" in result.output


def test_speaker_help_lists_every_tracked_speaker_of_the_registry(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["analyze", "--help"], terminal_width=200)
    assert result.exit_code == ExitCode.OK
    help_line = " ".join(result.output.split())
    for speaker in load_speakers().tracked():
        assert speaker.id in help_line
    assert "aleinik" in help_line


def test_registry_resolution_keeps_the_special_values() -> None:
    registry = load_speakers()
    assert registry.resolve_filter(["other", "None", "other:Max Müller"]) == (
        "other",
        "none",
        "other:Max Müller",
    )
    makei = [s for s in registry.speakers if "Makei" in s.name]
    if makei and makei[0].is_other:
        assert "other:Wladimir Makei" in registry.resolve_filter(["makei"])


@pytest.mark.parametrize("command", ["analyze", "quotes"])
def test_output_with_an_unknown_extension_is_a_usage_error(
    runner: CliRunner, corpus_dir: Path, tmp_path: Path, command: str
) -> None:
    target = tmp_path / "report.html"
    result = runner.invoke(cli, [command, str(corpus_dir / ARTICLE), "-o", str(target)])
    assert result.exit_code == ExitCode.USAGE_ERROR
    assert "cannot tell the output format" in result.output
    assert "--format" in result.output
    assert not target.exists()


def test_output_extension_or_format_decides(
    runner: CliRunner, corpus_dir: Path, tmp_path: Path
) -> None:
    article = str(corpus_dir / ARTICLE)
    md = tmp_path / "report.md"
    assert runner.invoke(cli, ["analyze", article, "-q", "-o", str(md)]).exit_code == 0
    assert "\n# Claims report" in md.read_text(encoding="utf-8")  # a Markdown report
    html = tmp_path / "report.html"
    result = runner.invoke(cli, ["analyze", article, "-q", "--format", "markdown", "-o", str(html)])
    assert result.exit_code == ExitCode.OK, result.output
    assert "\n# Claims report" in html.read_text(encoding="utf-8")


def test_check_output_extension_picks_the_format(
    runner: CliRunner, corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    article = str(corpus_dir / ARTICLE)
    result = runner.invoke(cli, ["check", article, "-q", "-o", "claims.sarif"])
    assert result.exit_code == ExitCode.NEW_FINDINGS, result.output
    assert json.loads((tmp_path / "claims.sarif").read_text())["version"] == "2.1.0"
    result = runner.invoke(cli, ["check", article, "-q", "-o", "claims.html"])
    assert result.exit_code == ExitCode.USAGE_ERROR
    assert "cannot tell the output format" in result.output


def test_top_level_help_has_short_uncut_summaries(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"], terminal_width=80)
    assert result.exit_code == ExitCode.OK
    commands = result.output.split("Commands:", 1)[1]
    rows = [line for line in commands.splitlines() if line.strip()]
    assert len(rows) >= 9
    for row in rows:
        assert not row.rstrip().endswith("..."), row
        assert re.match(r"^  [a-z]+ +\S", row), row  # one line each, nothing wrapped


def test_eval_explains_its_columns_in_the_help_and_the_output(
    runner: CliRunner, corpus_dir: Path, tmp_path: Path
) -> None:
    help_text = " ".join(runner.invoke(cli, ["eval", "--help"]).output.split())
    for column in ("gold", "predicted", "found", "correct", "ignored"):
        assert re.search(rf"\b{column} [a-z]", help_text), column
    assert "recall = found/gold" in help_text and "precision = correct/predicted" in help_text
    assert "found exceed predicted" in help_text
    gold = Path(__file__).resolve().parents[1] / "gold" / "corpus.jsonl"
    result = runner.invoke(cli, ["eval", str(gold), str(corpus_dir), "--no-cache"])
    assert result.exit_code == ExitCode.OK, result.output
    output = " ".join(result.output.split())
    assert "found: gold items it matched (recall = found/gold)" in output
    assert "found may exceed predicted" in output


def test_cache_goes_where_cache_dir_or_the_environment_says(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "a.txt").write_text("Titel\n\nEr sagte: „Nein.“\n", encoding="utf-8")
    monkeypatch.chdir(work)
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(tmp_path / "from-env"))
    assert runner.invoke(cli, ["quotes", "a.txt"]).exit_code == ExitCode.OK
    assert list((tmp_path / "from-env").glob("*.sqlite3"))
    args = ["quotes", "a.txt", "--cache-dir", str(tmp_path / "from-option")]
    assert runner.invoke(cli, args).exit_code == ExitCode.OK
    assert list((tmp_path / "from-option").glob("*.sqlite3"))  # the option wins
    assert sorted(p.name for p in work.iterdir()) == ["a.txt"]
