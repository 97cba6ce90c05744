"""`claims check` as a corpus repository's CI uses it: new findings fail, accepted ones pass."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims.cli import cli
from claims.errors import ExitCode

CONTRADICTING = """\
---
title: Lukaschenko bestreitet Waffenlieferungen an Moskau
published: 2023-05-10
source: claims test set (synthetic)
---
Lukaschenko bestreitet Waffenlieferungen an Moskau

Minsk – Der belarussische Machthaber Alexander Lukaschenko hat am Dienstag jede Beteiligung
seines Landes am Krieg gegen die Ukraine bestritten.

„Wir liefern keine Waffen an Russland, und wir schicken keine Soldaten in die Ukraine“, sagte
Lukaschenko vor ausländischen Journalisten in Minsk.
"""

NEUTRAL = """\
---
title: Trainer zufrieden nach Auftaktsieg
published: 2023-05-11
---
Trainer zufrieden nach Auftaktsieg

Der Trainer des FC Beispielstadt, Jonas Weber, zeigte sich nach dem 2:0 zufrieden. „Die
Mannschaft hat heute genau das umgesetzt, was wir uns vorgenommen hatten“, sagte Weber.
"""


@pytest.fixture()
def corpus_copy(corpus_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(corpus_dir, target)
    return target


def run(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(cli, list(args))
    return result.exit_code, result.output


def test_check_gates_new_contradictions_and_broken_articles(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    baseline = tmp_path / "claims-baseline.json"

    code, output = run(runner, "check", str(corpus_copy), "--update-baseline")
    assert code == ExitCode.OK, output
    assert baseline.is_file()

    code, output = run(runner, "check", str(corpus_copy))
    assert code == ExitCode.OK, output

    (corpus_copy / "new.txt").write_text(CONTRADICTING, encoding="utf-8")
    code, output = run(runner, "check", str(corpus_copy))
    assert code == ExitCode.NEW_FINDINGS, output
    assert "new.txt" in output

    code, output = run(runner, "check", str(corpus_copy), "--format", "github")
    assert code == ExitCode.NEW_FINDINGS
    assert "::warning file=" in output and "new.txt" in output

    code, output = run(runner, "check", str(corpus_copy), "--update-baseline")
    assert code == ExitCode.OK, output
    code, output = run(runner, "check", str(corpus_copy))
    assert code == ExitCode.OK, output

    (corpus_copy / "sport.txt").write_text(NEUTRAL, encoding="utf-8")
    code, output = run(runner, "check", str(corpus_copy))
    assert code == ExitCode.OK, output

    (corpus_copy / "broken.txt").write_bytes(b"\x00\xff\x00binary")
    code, output = run(runner, "check", str(corpus_copy))
    assert code == ExitCode.NEW_FINDINGS, output
    assert "broken.txt" in output


def test_accepted_finding_survives_reformatting_of_the_article(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    article = corpus_copy / "new.txt"
    article.write_text(CONTRADICTING, encoding="utf-8")
    assert run(runner, "check", str(corpus_copy), "--update-baseline")[0] == ExitCode.OK
    reflowed = CONTRADICTING.replace("\nLukaschenko vor", " Lukaschenko vor").replace(
        "Minsk – Der", "MINSK (dpa) – Der"
    )
    article.write_text(reflowed + "\nDas Treffen dauerte zwei Stunden.\n", encoding="utf-8")
    code, output = run(runner, "check", str(corpus_copy))
    assert code == ExitCode.OK, output


def test_sarif_output_names_rules_and_locations(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    monkeypatch.chdir(tmp_path)
    (corpus_copy / "new.txt").write_text(CONTRADICTING, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(corpus_copy / "new.txt"), "--format", "sarif"])
    assert result.exit_code == ExitCode.NEW_FINDINGS
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    assert results
    locations = [r["locations"][0]["physicalLocation"] for r in results]
    assert all(loc["artifactLocation"]["uri"].endswith("new.txt") for loc in locations)
    lines = {loc["region"]["startLine"] for loc in locations}
    assert 11 in lines, "the quote's line in the file, front matter included"
