"""Shared helpers of the hostile-input suite: every hostile input is generated here."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claims.cli import cli

ARTICLE = (
    "Gespräche in Minsk\n\n"
    "Lukaschenko sagte: „Wir schicken keine Soldaten in die Ukraine.“\n\n"
    "Der Präsident betonte, Belarus sei kein Teil des Krieges.\n"
)
OTHER = "Besuch in Moskau\n\nPutin sagte am Abend: „Wir haben keine Pläne für einen Angriff.“\n"

Run = Callable[..., Result]


@pytest.fixture()
def run() -> Run:
    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, [str(a) for a in args])

    return invoke


def statements_of(result: Result) -> list[dict[str, object]]:
    assert result.exit_code == 0, result.output + result.stderr
    return list(json.loads(result.stdout)["statements"])


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
