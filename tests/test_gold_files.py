"""The gold annotations in tests/gold/ must stay loadable and point at real article text.

`claims eval` refuses a gold line whose text it cannot find, so a typo here would break the
evaluation of every extractor change; these checks read the files directly, without ingest.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from claims.evaluate import load_gold
from claims.kb.speakers import load_speakers

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
CORPUS = ROOT / "corpus"
SYNTHETIC = GOLD / "articles"
REGISTERED = {s.id for s in load_speakers().speakers if not s.is_other}
QUOTE_STYLES = ["„", "“", '"', "»", "«", "‚", "‘", "'"]

UNSEEN = GOLD / "unseen"
GOLD_FILES = {"corpus.jsonl": CORPUS, "articles.jsonl": SYNTHETIC, "unseen.jsonl": UNSEEN}


def body(path: Path) -> str:
    """Article text after the YAML front matter, as ingest keeps it (NFC, LF)."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    return text


def gold_rows(name: str) -> list[tuple[int, dict[str, object]]]:
    lines = (GOLD / name).read_text(encoding="utf-8").splitlines()
    return [(n, json.loads(line)) for n, line in enumerate(lines, 1) if line.strip()]


@pytest.mark.parametrize("name", sorted(GOLD_FILES))
def test_every_gold_text_occurs_in_its_article(name: str) -> None:
    folder = GOLD_FILES[name]
    for number, row in gold_rows(name):
        article = folder / str(row["article"])
        assert article.is_file(), f"{name}:{number}: no article {article.name}"
        text, occurrence = str(row["text"]), int(str(row.get("occurrence", 1)))
        found = body(article).count(text)
        assert found >= occurrence, f"{name}:{number}: text found {found}x: {text[:60]!r}"
        if "text_to" in row:  # a long quote given by its two ends: the end follows the start
            start = body(article).index(text)
            assert str(row["text_to"]) in body(article)[start:], f"{name}:{number}: no end"


@pytest.mark.parametrize("name", sorted(GOLD_FILES))
def test_gold_fields_are_valid(name: str) -> None:
    gold = load_gold(GOLD / name)
    assert len(gold) == len(gold_rows(name))
    keys = set()
    for item in gold:
        key = (item.article, item.text, item.occurrence)
        assert key not in keys, f"duplicate gold line {key}"
        keys.add(key)
        assert item.text == item.text.strip(), f"untrimmed text {item.text!r}"
        assert item.text[0] not in QUOTE_STYLES[:-1], f"quote mark kept in {item.text!r}"
        if item.contradiction:
            assert item.speaker in REGISTERED, f"contradiction by {item.speaker}: {item.text!r}"


def test_every_corpus_article_is_annotated() -> None:
    annotated = {str(row["article"]) for _, row in gold_rows("corpus.jsonl")}
    assert annotated == {p.name for p in CORPUS.glob("*.txt")}


def test_synthetic_articles_are_news_sized_with_front_matter() -> None:
    files = sorted(SYNTHETIC.glob("*.txt"))
    assert len(files) >= 12
    annotated = {str(row["article"]) for _, row in gold_rows("articles.jsonl")}
    for path in files:
        raw = path.read_text(encoding="utf-8")
        assert raw == unicodedata.normalize("NFC", raw) and "\r" not in raw, path.name
        meta = yaml.safe_load(raw.split("---\n")[1])
        assert set(meta) == {"title", "published", "source"}, path.name
        assert meta["source"] == "claims test set (synthetic)"
        assert 150 <= len(body(path).split()) <= 400, path.name
        assert path.name in annotated, f"{path.name} has no gold line"


def test_synthetic_set_covers_every_quote_style_and_contradiction_cases() -> None:
    text = "".join(body(p) for p in SYNTHETIC.glob("*.txt"))
    for mark in QUOTE_STYLES:
        assert mark in text, f"no article uses {mark}"
    rows = [row for _, row in gold_rows("articles.jsonl")]
    flagged = {r["article"] for r in rows if r["contradiction"]}
    unflagged = [r for r in rows if r["speaker"] in REGISTERED and not r["contradiction"]]
    assert len(flagged) >= 3 and len(unflagged) >= 3
    assert any(r["speaker"] is None for r in rows)


def test_synthetic_articles_copy_no_corpus_wording() -> None:
    def windows(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}

    corpus = set().union(*(windows(p.read_text(encoding="utf-8")) for p in CORPUS.glob("*.txt")))
    for path in SYNTHETIC.glob("*.txt"):
        shared = windows(path.read_text(encoding="utf-8")) & corpus
        assert not shared, f"{path.name} repeats corpus wording: {sorted(shared)[:3]}"
