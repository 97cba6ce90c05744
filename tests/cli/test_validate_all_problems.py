"""Issue #17: `claims validate` reports every problem of a data file in one run, and references
between files (category, actor, speaker, rule -> claim type) are errors."""

from __future__ import annotations

import re
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


def _action(entry_id: str, category: str, start: str = "2022-01-01") -> str:
    return (
        f"  - id: {entry_id}\n    actor: Belarus\n    category: {category}\n    start: {start}\n"
        "    description_en: a\n    description_de: b\n    sources: " + SOURCE + "\n"
    )


def test_field_errors_and_references_of_one_file_in_one_run(tmp_path: Path) -> None:
    kb = tmp_path / "kb.yaml"
    kb.write_text(
        "categories:\n"
        "  - id: broken\n    title_de: x\n"  # no title_en: a field error
        "actions:\n"
        + _action("a1", "territory_use", start="nope")  # a field error
        + _action("a2", "no_such_category")  # a valid entry with a bad reference
        + _action("a3", "broken")  # refers to the invalid category: no second message
        + _action("a2", "also_unknown"),  # a duplicate id: reported once, as a duplicate
        encoding="utf-8",
    )
    code, output = validate(kb)
    assert code == ExitCode.USAGE_ERROR, output
    assert "kb.yaml:2: Category #1, field 'title_en': Field required" in output
    assert "kb.yaml:8: Action #1, field 'start'" in output
    assert "kb.yaml:12: action a2: unknown category 'no_such_category'" in output
    assert "duplicate Action id 'a2'" in output
    assert "'broken'" not in output and "also_unknown" not in output
    assert "ok " not in output and "internal error" not in output


def test_references_are_checked_across_files_when_one_has_an_impossible_date(
    tmp_path: Path,
) -> None:
    kb = tmp_path / "kb.yaml"
    kb.write_text(
        "actions:\n" + _action("a1", "territory_use", start="2022-02-30") + _action("a2", "mine"),
        encoding="utf-8",
    )
    categories = tmp_path / "categories.yaml"
    categories.write_text(
        "categories:\n  - id: mine\n    title_de: Meins\n    title_en: Mine\n"
        "  - id: other\n    title_de: x\n    title_en: y\n    colour: red\n",
        encoding="utf-8",
    )
    code, output = validate(kb, categories)
    assert code == ExitCode.USAGE_ERROR, output
    assert "kb.yaml:5: field 'actions.0.start': '2022-02-30' is not a date" in output
    assert "categories.yaml:8: Category #2, field 'colour'" in output
    assert "unknown category 'mine'" not in output  # defined by a valid entry of the other file
    code, output = validate(kb)  # without the file that defines it, the reference is an error
    assert code == ExitCode.USAGE_ERROR, output
    assert "kb.yaml:9: action a2: unknown category 'mine'" in output


def test_a_list_that_is_not_a_list_does_not_hide_the_other_lists(tmp_path: Path) -> None:
    kb = tmp_path / "kb.yaml"
    kb.write_text("categories: 5\nactions:\n" + _action("a1", "nowhere"), encoding="utf-8")
    code, output = validate(kb)
    assert code == ExitCode.USAGE_ERROR, output
    assert "kb.yaml:1: 'categories' must be a list" in output
    assert "kb.yaml:3: action a1: unknown category 'nowhere'" in output
    assert "holds none of the known lists" not in output


def test_every_impossible_date_of_a_file_and_its_other_problems_in_one_run(
    tmp_path: Path,
) -> None:
    kb = tmp_path / "kb.yaml"
    kb.write_text(
        "actions:\n"
        + _action("a1", "territory_use", start="2022-02-30")
        + _action("a2", "territory_use", start="0000-01-01")
        + _action("a3", "nowhere"),
        encoding="utf-8",
    )
    code, output = validate(kb)
    assert code == ExitCode.USAGE_ERROR, output
    lines = [line for line in output.splitlines() if not line.startswith("  hint:")]
    assert re.findall(r"kb\.yaml:(\d+): ", output) == ["5", "12", "16"]
    assert "field 'actions.0.start': '2022-02-30' is not a date" in lines[0]
    assert "field 'actions.1.start': '0000-01-01' is not a date" in lines[1]
    assert "action a3: unknown category 'nowhere'" in lines[2]
    # analyze still refuses the file at its first impossible date
    article = tmp_path / "a.txt"
    article.write_text("Titel\n\nEr sagte: „Nein.“\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(article), "--kb", str(kb)])
    assert result.exit_code == ExitCode.USAGE_ERROR
    assert "kb.yaml:5: field 'actions.0.start'" in result.stderr
