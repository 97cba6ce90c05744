"""Points 4, 5, 6 and 14 of issue 16: untrusted names, keys and metadata cannot forge CI
annotations, spreadsheet formulas or terminal escapes, and invisible characters do not break
attribution."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

import pytest

from claims.report.csv_ import cell
from conftest import ARTICLE, Run, write

# A line that GitHub Actions would read as a workflow command (v2 `::cmd::`, v1 `##[cmd]`).
WORKFLOW_COMMAND = re.compile(r"^\s*::[a-z-]+|##\[", re.MULTILINE)
FORGED = "::error file=README.md,line=1::forged annotation"
ESCAPES = ("\x1b", "\x07", "\x00", "\x9b", "\u202e")


def _forged_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", ARTICLE)
    lines = [
        {"text": "Titel\n\nLukaschenko sagte: „Wir bleiben neutral.“", f"\n{FORGED}\n": 1},
        {"title": "x", "text": "   "},  # an article error, whose message names the line
    ]
    write(corpus / "b.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n")
    if sys.platform != "win32":  # a file name with line breaks (empty: an error names it)
        write(corpus / f"x\n{FORGED}\n##[error]v1 forged\n.txt", "")
    return corpus


@pytest.mark.parametrize(
    "args",
    [
        ["analyze", "--format", "table"],
        ["analyze", "--format", "markdown"],
        ["quotes", "--format", "csv"],
        ["check", "--format", "text"],
        ["check", "--format", "github"],
        ["validate"],
    ],
)
def test_no_channel_carries_a_forged_workflow_command(
    tmp_path: Path, run: Run, args: list[str]
) -> None:
    corpus = _forged_corpus(tmp_path)
    result = run(args[0], corpus, *args[1:])
    assert "Traceback" not in result.stderr
    assert not WORKFLOW_COMMAND.search(result.stderr), result.stderr
    ours = [line for line in result.stdout.splitlines() if "forged" in line]
    if "github" in args:  # our own annotations: the forged text only inside escaped data
        assert all(not line.startswith(FORGED) and "%0A" in line for line in ours), ours
    else:
        assert not WORKFLOW_COMMAND.search(result.stdout), result.stdout
    assert "forged" in result.stderr + result.stdout  # shown, escaped, not dropped


def test_a_forged_file_name_is_shown_escaped_on_stderr(tmp_path: Path, run: Run) -> None:
    if sys.platform == "win32":
        pytest.skip("line breaks in file names")
    corpus = _forged_corpus(tmp_path)
    result = run("analyze", corpus, "--format", "json")
    assert "x\\n:\\:error file=README.md" in result.stderr
    assert "unknown metadata key '\\n:\\:error" in result.stderr


# -- 5: CSV formula injection ------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_never_start_a_formula(start: str) -> None:
    assert cell(start + 'HYPERLINK("http://x")') == "'" + start + 'HYPERLINK("http://x")'
    assert cell("Lukaschenko") == "Lukaschenko"


def test_csv_report_neutralises_formulas_from_titles_and_quotes(tmp_path: Path, run: Run) -> None:
    text = (
        '---\ntitle: "=HYPERLINK(\\"http://evil\\",\\"klick\\")"\n---\n'
        "Lukaschenko sagte: „-Wir schicken keine Soldaten in die Ukraine.“\n"
    )
    write(tmp_path / "a.md", text)
    result = run("quotes", tmp_path, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and rows[0]["article_title"].startswith("'=HYPERLINK")
    for row in rows:
        for name, value in row.items():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (name, value)


# -- 6: terminal escapes and NUL in metadata -----------------------------------------------


def _escape_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    front = (
        '---\ntitle: "\\e]0;pwned\\a\\e[31mRoter Titel\\0 mit NUL"\n'
        'author: "\\x9b2J Autor"\nsource: "Quelle \\u202eevil"\n---\n'
    )
    write(corpus / "a.md", front + ARTICLE.split("\n", 2)[2])
    record = {
        "title": "\u001b[2JJSONL-Titel\u0000",
        "author": "\u001b]8;;http://evil\u0007Link",
        "text": "Lukaschenko sagte: „Wir sind neutral.“",
    }
    write(corpus / "b.jsonl", json.dumps(record) + "\n")
    return corpus


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "json", "jsonl"])
def test_metadata_control_characters_are_stripped_at_ingest(
    tmp_path: Path, run: Run, fmt: str
) -> None:
    corpus = _escape_corpus(tmp_path)
    out = tmp_path / f"report.{fmt}"
    verbose = ["--verbose"] if fmt == "table" else []  # titles: in the table's article list
    result = run("analyze", corpus, "--format", fmt, "-o", out, *verbose)
    assert result.exit_code == 0, result.stderr
    written = out.read_text(encoding="utf-8")
    for char in ESCAPES:
        assert char not in written, (fmt, repr(char))
        assert char not in result.stderr
    decoded = written if fmt in ("table", "markdown", "csv") else json.dumps(json.loads(
        written if fmt == "json" else "[" + ",".join(written.splitlines()) + "]"
    ), ensure_ascii=False)  # fmt: skip
    for char in ESCAPES:
        assert char not in decoded, (fmt, repr(char))
    assert "Roter Titel mit NUL" in written and "JSONL-Titel" in written
    assert "[31m" not in written


# -- 14: invisible characters -------------------------------------------------------------


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u200e", "\u2060", "\u202e"])
def test_invisible_characters_do_not_break_attribution(
    tmp_path: Path, run: Run, invisible: str
) -> None:
    text = f"Streit um Zölle\n\nMax{invisible} Müller sagte: „Wir senken die Zölle nicht.“\n"
    write(tmp_path / "a.txt", text)
    result = run("quotes", tmp_path, "--format", "json", "--include-text")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    [statement] = data["statements"]
    assert statement["speaker"] == "other:Max Müller"
    article_text = data["articles"][0]["text"]
    assert article_text[statement["start"] : statement["end"]] == statement["text"]
    assert invisible not in result.stdout


def test_bidi_controls_in_a_file_name_are_printed_escaped(tmp_path: Path, run: Run) -> None:
    if sys.platform == "win32":
        pytest.skip("file names")
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "rechnung\u202etxt.exe.txt", "")
    result = run("analyze", tmp_path, "--format", "json")
    assert "rechnung\\u202etxt.exe.txt" in result.stderr
    assert "\u202e" not in result.stderr
