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


@pytest.mark.parametrize(
    ("baseline", "line"),
    [
        ('{"version": 1,\n "findings": ' + "[" * 5000 + "]" * 5000 + "}\n", 2),
        ('{"version": 1,\n "findings": [],\n "note": ' + '{"a": ' * 5000 + "1" + "}" * 5001, 3),
        # brackets inside strings are text, not nesting: the line is that of the real ones
        ('{"version": 1, "x": "[[{{\\"[[",\n\n "y": ' + "[" * 5000 + "]" * 5000 + "}\n", 3),
    ],
    ids=["arrays", "objects", "brackets-in-strings"],
)
@pytest.mark.parametrize("update", [False, True])
def test_deeply_nested_baseline_is_an_input_error_naming_file_and_line(
    tmp_path: Path, run: Run, baseline: str, line: int, update: bool
) -> None:
    write(tmp_path / "corpus" / "a.txt", ARTICLE)
    path = write(tmp_path / "claims-baseline.json", baseline)
    args = ["check", tmp_path / "corpus", "--baseline", path]
    result = run(*args, *(["--update-baseline"] if update else []))
    assert result.exit_code == int(ExitCode.USAGE_ERROR), result.stderr
    assert f"{path}:{line}: baseline is nested more than 100 levels deep" in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert path.read_text(encoding="utf-8") == baseline  # an update leaves it as it was


def test_deeply_nested_gold_file_is_an_input_error_naming_file_and_line(
    tmp_path: Path, run: Run
) -> None:
    write(tmp_path / "corpus" / "a.txt", ARTICLE)
    good = {"article": "a.txt", "text": "Gespräche", "speaker": None, "kind": "direct"}
    gold = write(tmp_path / "gold.jsonl", json.dumps(good) + "\n" + "[" * 5000 + "]" * 5000)
    result = run("eval", gold, tmp_path / "corpus")
    assert result.exit_code == int(ExitCode.USAGE_ERROR), result.stderr
    assert f"{gold}:2: invalid JSON: nested too deeply" in result.stderr
    assert "internal error" not in result.stderr


@pytest.mark.parametrize(
    ("option", "body", "field", "line"),
    [
        (
            "--speakers",
            "speakers:\n  - id: x\n    names: " + "[" * 5000 + "]" * 5000,
            "speakers",
            3,
        ),
        ("--rules", "rules:\n  - id: x\n    when: " + "{a: " * 5000 + "1" + "}" * 5000, "rules", 3),
        ("--rules", "claim_types:\n  - id: x\n    cues:\n      " + "- " * 5000 + "x", "claim", 4),
        ("--kb", "categories:\n  - id: x\n    note: " + "[" * 5000 + "]" * 5000, "categories", 3),
    ],
    ids=["speakers-flow", "rules-flow", "claim-types-block", "kb-categories"],
)
def test_deeply_nested_data_files_of_every_option_are_data_errors(
    tmp_path: Path, run: Run, option: str, body: str, field: str, line: int
) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    data = write(tmp_path / "data.yaml", body + "\n")
    for args in (["analyze", tmp_path / "a.txt", option, data], ["validate", data]):
        result = run(*args)
        assert result.exit_code == int(ExitCode.USAGE_ERROR), result.stderr
        assert f"data.yaml:{line}: field '{field}" in result.stderr
        assert "nested more than 64 levels deep" in result.stderr
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
