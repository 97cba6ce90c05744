"""A quoted single word is no statement by default; ``--one-word-quotes`` keeps it (the
quotation benchmark's convention), and the cache never hands one run's choice to the other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims.cli import cli

ARTICLE = (
    "---\npublished: 2023-03-01\n---\nTreffen in Minsk\n\n"
    "Lukaschenko nannte die Vorwürfe der Nachbarn „lächerlich“. "
    "„Niemals“, sagte er danach. Später sagte er: „Nein!“\n"
)


def quotes(path: Path, *extra: str) -> list[str]:
    result = CliRunner().invoke(cli, ["quotes", str(path), "--format", "json", "-q", *extra])
    assert result.exit_code == 0, result.output
    return [s["text"] for s in json.loads(result.stdout)["statements"]]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "minsk.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_a_quoted_word_inside_a_sentence_is_no_statement(article: Path) -> None:
    found = quotes(article)
    assert "lächerlich" not in found
    # a one-word quote that opens its sentence, or ends like an utterance, is speech
    assert "Niemals" in found
    assert "Nein!" in found


def test_one_word_quotes_keeps_it_and_the_cache_keeps_the_runs_apart(article: Path) -> None:
    assert "lächerlich" not in quotes(article)  # cached without the word
    assert "lächerlich" in quotes(article, "--one-word-quotes")  # not served from that cache
    assert "lächerlich" not in quotes(article)
