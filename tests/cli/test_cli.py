"""The command line as a user meets it: exit codes, messages, output files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims import __version__
from claims.cli import cli
from claims.errors import ExitCode

COMMANDS = [
    "analyze",
    "show",
    "quotes",
    "check",
    "validate",
    "eval",
    "rules",
    "kb",
    "speakers",
    "schema",
]


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_help_lists_every_command_of_the_contract(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["-h"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["analyze"],
        ["show"],
        ["quotes"],
        ["check"],
        ["validate"],
        ["eval"],
        ["schema"],
        ["rules", "list"],
        ["kb", "list"],
        ["speakers", "list"],
    ],
)
def test_every_command_has_help_with_an_example(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(cli, [*args, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert "claims " in result.output


def test_analyze_corpus_prints_findings_and_speakers(runner: CliRunner, corpus_dir: Path) -> None:
    result = runner.invoke(cli, ["analyze", str(corpus_dir)])
    assert result.exit_code == 0, result.output
    assert "Alexander Lukashenko" in result.output
    assert "CC001 contradiction" in result.output
    assert "Traceback" not in result.output


def test_analyze_mixed_folder_keeps_good_articles_and_reports_each_bad_file(
    runner: CliRunner, corpus_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(corpus_dir / "002_7c65917f404e4067.txt", folder / "good.txt")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (folder / "broken.jsonl").write_text('{"text": "Ein Text."\n', encoding="utf-8")
    (folder / "front.md").write_text("---\ntitle: [unclosed\n---\nText\n", encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [Path(a["path"]).name for a in report["articles"]] == ["good.txt"]
    bad = sorted(Path(e["path"].split(":")[0]).name for e in report["errors"])
    assert bad == ["binary.txt", "broken.jsonl", "empty.txt", "front.md"]
    assert report["statements"], "the good article's statements are still there"
    assert "empty.txt" in result.stderr


def test_nonexistent_path_is_a_usage_error_naming_the_path(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["analyze", "no/such/dir"])
    assert result.exit_code == ExitCode.USAGE_ERROR
    assert "no/such/dir" in result.stderr
    assert "Traceback" not in result.output


def test_folder_without_articles_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    result = runner.invoke(cli, ["analyze", str(tmp_path)])
    assert result.exit_code == ExitCode.USAGE_ERROR
    assert "no article" in result.stderr


def test_output_file_format_follows_the_extension(
    runner: CliRunner, corpus_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "report.json"
    result = runner.invoke(
        cli, ["analyze", str(corpus_dir / "000_5b23b2942ce73acf.txt"), "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(target.read_text(encoding="utf-8"))
    assert report["schema_version"] == "1"
    assert result.stdout == ""
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"], "no temporary file left"


def test_output_into_a_missing_folder_is_a_clear_error(
    runner: CliRunner, corpus_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "report.md"
    result = runner.invoke(cli, ["analyze", str(corpus_dir), "-o", str(target)])
    assert result.exit_code == ExitCode.USAGE_ERROR
    assert "does not exist" in result.stderr
    assert not target.exists()


def test_quotes_json_with_text_lets_a_user_recover_every_statement(
    runner: CliRunner, corpus_dir: Path
) -> None:
    result = runner.invoke(cli, ["quotes", str(corpus_dir), "--format", "json", "--include-text"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    texts = {a["id"]: a["text"] for a in report["articles"]}
    assert report["statements"]
    assert report["findings"] == []
    for statement in report["statements"]:
        text = texts[statement["article_id"]]
        assert text[statement["start"] : statement["end"]] == statement["text"]


def test_ids_are_stable_across_runs_and_paths(
    runner: CliRunner, corpus_dir: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "elsewhere.txt"
    shutil.copy(corpus_dir / "004_de090dc964533ea4.txt", copy)
    first = json.loads(
        runner.invoke(
            cli,
            [
                "analyze",
                str(corpus_dir / "004_de090dc964533ea4.txt"),
                "--format",
                "json",
                "--no-cache",
            ],
        ).stdout
    )
    second = json.loads(runner.invoke(cli, ["analyze", str(copy), "--format", "json"]).stdout)
    assert [s["id"] for s in first["statements"]] == [s["id"] for s in second["statements"]]
    assert [f["id"] for f in first["findings"]] == [f["id"] for f in second["findings"]]
    assert first["articles"][0]["id"] == second["articles"][0]["id"]


def test_internal_errors_exit_3_without_traceback_unless_debug(
    runner: CliRunner, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claims.cli.analyze as module

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaputt")

    monkeypatch.setattr(module, "analyze", boom)
    monkeypatch.setattr(module, "analyze_streaming", boom)  # what `claims analyze` runs
    result = runner.invoke(cli, ["analyze", str(corpus_dir)])
    assert result.exit_code == ExitCode.INTERNAL_ERROR
    assert "kaputt" in result.stderr and "Traceback" not in result.stderr
    debug = runner.invoke(cli, ["--debug", "analyze", str(corpus_dir)])
    assert debug.exit_code == ExitCode.INTERNAL_ERROR
    assert "Traceback" in debug.stderr


def test_schema_command_matches_the_committed_schema(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["schema"])
    assert result.exit_code == 0
    committed = Path(__file__).resolve().parents[2] / "docs" / "report.schema.json"
    assert json.loads(result.stdout) == json.loads(committed.read_text(encoding="utf-8")), (
        "run `claims schema > docs/report.schema.json` after changing models.py"
    )


def test_validate_accepts_the_corpus(runner: CliRunner, corpus_dir: Path) -> None:
    result = runner.invoke(cli, ["validate", str(corpus_dir)])
    assert result.exit_code == 0, result.output
    assert "5 article(s) valid" in result.output


def test_validate_names_file_line_and_field_of_a_bad_data_file(
    runner: CliRunner, tmp_path: Path
) -> None:
    bad = tmp_path / "kb.yaml"
    bad.write_text(
        "actions:\n  - id: x1\n    actor: Belarus\n    category: territory\n"
        "    start: not-a-date\n    description_de: a\n    description_en: b\n"
        "    sources: [{publisher: P, title: T, date: 2023-01-01,\n"
        "                url: 'https://example.org', supports: S}]\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["validate", str(bad)])
    assert result.exit_code == ExitCode.USAGE_ERROR
    assert f"{bad}:5" in result.stderr
    assert "start" in result.stderr


def test_invalid_extra_data_file_stops_analyze_with_exit_2(
    runner: CliRunner, corpus_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text("rules: [\n", encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(corpus_dir), "--rules", str(bad)])
    assert result.exit_code == ExitCode.USAGE_ERROR
    assert str(bad) in result.stderr and "YAML" in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["rules", "list"], "CC001"),
        (["kb", "list"], "Belarus"),
        (["speakers", "list"], "lukashenko"),
    ],
)
def test_data_listings(runner: CliRunner, args: list[str], expected: str) -> None:
    result = runner.invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert expected in result.output
    assert json.loads(result.output)


def test_parallel_run_gives_the_same_report(runner: CliRunner, corpus_dir: Path) -> None:
    args = ["analyze", str(corpus_dir), "--format", "json", "--no-cache"]
    one = runner.invoke(cli, args)
    two = runner.invoke(cli, [*args, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0, two.output
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_cached_rerun_gives_the_same_report(runner: CliRunner, corpus_dir: Path) -> None:
    args = ["analyze", str(corpus_dir), "--format", "json"]
    cold = runner.invoke(cli, args)
    warm = runner.invoke(cli, args)
    assert cold.exit_code == warm.exit_code == 0
    assert json.loads(cold.stdout) == json.loads(warm.stdout)
