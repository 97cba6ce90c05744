"""The tool must work on news it has never seen: no six consecutive words of the corpus in src/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE_SUFFIXES = {".py", ".yaml", ".yml", ".json", ".toml", ".txt", ".csv"}


def shingles(text: str, n: int = 6) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


CORPUS: set[str] = set()
for _article in sorted((ROOT / "corpus").glob("*.txt")):
    CORPUS |= shingles(_article.read_text(encoding="utf-8"))

SOURCES = sorted(
    path for path in (ROOT / "src").rglob("*") if path.is_file() and path.suffix in SOURCE_SUFFIXES
)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_corpus_sentence_in_code_or_data(path: Path) -> None:
    common = shingles(path.read_text(encoding="utf-8", errors="replace")) & CORPUS
    assert not common, f"corpus text in {path.name}: {sorted(common)[:3]}"


def test_the_check_sees_the_corpus_and_the_sources() -> None:
    assert len(CORPUS) > 1000
    assert any(p.name == "rules.yaml" for p in SOURCES)
