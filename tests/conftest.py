"""Shared fixtures: the corpus location and an isolated cache for every test."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def _setup_tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder of set-up tables (claims.setup_cache) for the whole session: built once."""
    return tmp_path_factory.mktemp("setup-tables")


@pytest.fixture(autouse=True)
def _isolated_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, _setup_tables: Path
) -> None:
    """No test reads or writes the user's cache or the repository's .claims-cache."""
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("CLAIMS_SETUP_CACHE", str(_setup_tables))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS
