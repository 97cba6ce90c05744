"""Points 11 and 16 of issue 16: impossible dates and deep nesting in one article or data
file are input errors naming file, line and field; the other articles are analysed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.errors import ExitCode
from conftest import ARTICLE, Run, write


@pytest.mark.parametrize(
    ("front", "field", "line"),
    [
        ("published: 0000-01-01\n", "published", 3),
        ("published: 2022-03-03T25:61:00\n", "published", 3),
        ("published: 2022-02-30\n", "published", 3),
        ("source: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n", "source", 3),
        ("source:\n" + "".join("  " * i + "- \n" for i in range(1, 40)), "source", None),
    ],
)
def test_bad_front_matter_is_an_error_of_that_article_only(
    tmp_path: Path, run: Run, front: str, field: str, line: int | None
) -> None:
    write(tmp_path / "good.txt", ARTICLE)
    write(tmp_path / "bad.md", "---\ntitle: Titel\n" + front + "---\nEr sagte: „Nein.“\n")
    result = run("analyze", tmp_path, "--format", "json")
    assert result.exit_code == int(ExitCode.OK), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    data = json.loads(result.stdout)
    assert [Path(a["path"]).name for a in data["articles"]] == ["good.txt"]
    [error] = data["errors"]
    assert Path(error["path"]).name == "bad.md" and field in error["message"]
    if line is not None:
        assert error["line"] == line
    assert f"bad.md:{error['line']}:" in result.stderr


@pytest.mark.parametrize(
    ("body", "field", "line"),
    [
        ("actions:\n  - id: x\n    start: 2022-02-30\n", "actions.0.start", 3),
        ("actions:\n  - id: x\n    start: 0000-01-01\n", "actions.0.start", 3),
        ("actions:\n  - id: x\n    note: " + "[" * 5000 + "]" * 5000 + "\n", "actions.note", 3),
    ],
)
@pytest.mark.parametrize("command", ["analyze", "validate"])
def test_bad_kb_file_is_a_data_error_naming_file_line_and_field(
    tmp_path: Path, run: Run, body: str, field: str, line: int, command: str
) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    kb = write(tmp_path / "kb.yaml", body)
    args = (
        ["validate", kb] if command == "validate" else ["analyze", tmp_path / "a.txt", "--kb", kb]
    )
    result = run(*args)
    assert result.exit_code == int(ExitCode.USAGE_ERROR), result.stderr
    assert f"kb.yaml:{line}: field '{field}'" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


@pytest.mark.parametrize(
    ("published", "warning"),
    [("0001-01-01", "before 1900"), ("2999-01-01", "in the future")],
)
def test_implausible_publication_dates_are_warned_about(
    tmp_path: Path, run: Run, published: str, warning: str
) -> None:
    write(tmp_path / "a.md", f"---\npublished: {published}\n---\n" + ARTICLE)
    result = run("analyze", tmp_path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert f"publication date {published} is {warning}" in result.stderr
    assert json.loads(result.stdout)["articles"][0]["published"] == published
