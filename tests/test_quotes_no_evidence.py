"""`claims quotes` computes no corpus evidence (it never uses it), and the cache keeps its
statements-only results apart from the full results `claims analyze` needs."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claims.cli import cli
from claims.rules import CorpusEvidenceFinder

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = str(ROOT / "corpus" / "002_7c65917f404e4067.txt")


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_quotes_never_looks_for_evidence(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("corpus evidence computed for `claims quotes`")

    expected = _run("quotes", ARTICLE, "--format", "json", "--no-cache")
    monkeypatch.setattr(CorpusEvidenceFinder, "find", fail)
    monkeypatch.setattr(CorpusEvidenceFinder, "__init__", fail)
    assert _run("quotes", ARTICLE, "--format", "json", "--no-cache") == expected


def test_quotes_results_in_the_cache_do_not_serve_analyze(tmp_path: Path) -> None:
    cache = str(tmp_path / "cache")
    fresh = _run("analyze", ARTICLE, "--format", "json", "--no-cache")
    quotes = _run("quotes", ARTICLE, "--format", "json", "--no-cache")
    assert _run("quotes", ARTICLE, "--format", "json", "--cache-dir", cache) == quotes
    assert _run("analyze", ARTICLE, "--format", "json", "--cache-dir", cache) == fresh
    # and a later `quotes` takes the full results `analyze` stored
    assert _run("quotes", ARTICLE, "--format", "json", "--cache-dir", cache) == quotes
