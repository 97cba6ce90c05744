"""No rule, pattern or example of the rule stage is lifted from the corpus (6-word shingles)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OWN = [
    *sorted((ROOT / "src" / "claims" / "rules").glob("*.py")),
    ROOT / "src" / "claims" / "kb" / "actions.py",
    ROOT / "src" / "claims" / "kb" / "categories.py",
    *(
        ROOT / "src" / "claims" / "data" / name
        for name in (
            "claim_types.yaml",
            "actions.yaml",
            "categories.yaml",
            "rules.yaml",
            "actors.yaml",
        )
    ),
]


def shingles(text: str, n: int = 6) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_no_six_words_of_the_corpus_in_rule_code_or_data() -> None:
    corpus: set[tuple[str, ...]] = set()
    for path in (ROOT / "corpus").glob("*.txt"):
        corpus |= shingles(path.read_text(encoding="utf-8"))
    for path in OWN:
        if path.exists():
            common = shingles(path.read_text(encoding="utf-8")) & corpus
            assert not common, (path.name, sorted(" ".join(c) for c in common)[:5])
