"""Issue #17: `claims validate` reports every problem of a data file in one run, and references
between files (category, actor, speaker, rule -> claim type) are errors."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from claims.cli import cli
from claims.errors import ExitCode

SOURCE = '[{publisher: x, url: "https://example.org", title: t, date: 2022-03-01, supports: s}]'


def validate(*paths: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["validate", *map(str, paths)])
    return result.exit_code, result.output


def test_every_problem_of_a_file_in_one_run(tmp_path: Path) -> None:
    kb = tmp_path / "kb.yaml"
    kb.write_text(
        "actions:\n"
        "  - id: a1\n    actor: Belarus\n    category: territory_use\n    start: 2022-01-01\n"
        "    description_en: a\n    description_de: b\n    sources: []\n"
        "  - id: a2\n    actor: Belarus\n    category: territory_use\n    start: nope\n"
        "    description_en: a\n    description_de: b\n    sources: " + SOURCE + "\n"
        "  - id: a3\n    actor: Belarus\n    start: 2022-01-01\n"
        "    description_en: a\n    description_de: b\n    sources: " + SOURCE + "\n",
        encoding="utf-8",
    )
    code, output = validate(kb)
    assert code == ExitCode.USAGE_ERROR
    assert "kb.yaml:8: Action #1, field 'sources'" in output
    assert "kb.yaml:12: Action #2, field 'start'" in output
    assert "Action #3, field 'category': Field required" in output
    assert "ok " not in output


def test_cross_references_are_errors(tmp_path: Path) -> None:
    kb = tmp_path / "kb.yaml"
    kb.write_text(
        "actions:\n  - id: a1\n    actor: Nowhere\n    category: no_such_category\n"
        "    start: 2022-01-01\n    description_en: a\n    description_de: b\n"
        "    sources: " + SOURCE + "\n",
        encoding="utf-8",
    )
    code, output = validate(kb)
    assert code == ExitCode.USAGE_ERROR
    assert "kb.yaml:2: action a1: unknown category 'no_such_category'" in output
    assert "action a1: unknown actor 'Nowhere'" in output

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "other_topic" / "rules.yaml"
    text = fixture.read_text(encoding="utf-8")
    start = text.index("rules:")
    rules = tmp_path / "rules.yaml"  # only the rules: their claim type is in another file
    rules.write_text(text[start:], encoding="utf-8")
    code, output = validate(rules)
    assert code == ExitCode.USAGE_ERROR, output
    assert "rules.yaml:2: rule XR001: unknown claim type 'deny_arms_export'" in output

    actors = tmp_path / "actors.yaml"
    actors.write_text(
        "actors:\n  - id: Nordland\n    name_de: Nordland\n    name_en: Nordland\n"
        "    names: [nordland*]\n    speakers: [nobody]\n",
        encoding="utf-8",
    )
    code, output = validate(actors)
    assert code == ExitCode.USAGE_ERROR, output
    assert "actor Nordland: unknown speaker 'nobody'" in output


def test_built_in_data_files_are_valid() -> None:
    data = Path(__file__).resolve().parents[2] / "src" / "claims" / "data"
    code, output = validate(*sorted(data.glob("*.yaml")))
    assert code == ExitCode.OK, output
