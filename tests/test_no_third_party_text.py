"""Third-party text stays out of the repository: no eight consecutive words of the quotation
benchmark (CC BY-NC-SA, and a test made from it tunes the rules to the benchmark) or of the
realnews excerpts (copied news) in src/, tests/, docs/, bench/ or README.md.

Both live in a ``shared/`` folder beside the repository (``../shared`` locally, one level higher
in some CI layouts); without it the check is skipped. Runs that also stand in the project's own
``corpus/`` are allowed: the gold annotation and the README quote that sample.
"""

from __future__ import annotations

import json
import re
import subprocess
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
N = 8
CHECKED = ("src/", "tests/", "docs/", "bench/", "README.md")
SHARED = next(
    (p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), None
)
BENCHMARK = SHARED / "benchmarks" / "german-news-quotes" if SHARED else None
REALNEWS = SHARED / "realnews" / "articles" if SHARED else None
HAVE_BENCHMARK = BENCHMARK is not None and BENCHMARK.is_dir()
HAVE_REALNEWS = REALNEWS is not None and REALNEWS.is_dir()
WORD = re.compile(r"\w+")

pytestmark = pytest.mark.skipif(
    not (HAVE_BENCHMARK or HAVE_REALNEWS),
    reason="no shared/benchmarks/german-news-quotes or shared/realnews beside the repository "
    f"(looked in {ROOT.parent / 'shared'} and {ROOT.parent.parent / 'shared'})",
)


def shingles(text: str) -> set[str]:
    """Every run of N words, lower-cased; punctuation and spacing do not matter."""
    words = WORD.findall(text.lower())
    return {" ".join(words[i : i + N]) for i in range(len(words) - N + 1)}


def benchmark_text(path: Path) -> str:
    """An article's running text: its tokens joined by spaces (the original text if none)."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    tokens = doc.get("tokens") or []
    return " ".join(t["text"] if isinstance(t, dict) else str(t) for t in tokens) or str(
        doc.get("originalText", "")
    )


@cache
def corpus_runs() -> frozenset[str]:
    """Runs of the project's own corpus/, which gold files and README may quote."""
    found: set[str] = set()
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        found |= shingles(path.read_text(encoding="utf-8"))
    return frozenset(found)


@cache
def third_party_runs() -> dict[str, frozenset[str]]:
    """Built once per session (about 850 benchmark articles, about a second)."""
    sources: dict[str, set[str]] = {}
    if BENCHMARK is not None and HAVE_BENCHMARK:
        runs = sources.setdefault("german-news-quotes", set())
        for path in sorted(BENCHMARK.glob("*/*.json")):
            runs |= shingles(benchmark_text(path))
        for path in sorted(BENCHMARK.glob("eval/*.py")):  # the scorer, same licence
            runs |= shingles(path.read_text(encoding="utf-8", errors="replace"))
    if REALNEWS is not None and HAVE_REALNEWS:
        runs = sources.setdefault("realnews", set())
        for path in sorted(REALNEWS.glob("*.txt")):
            runs |= shingles(path.read_text(encoding="utf-8"))
    own = corpus_runs()
    return {name: frozenset(runs - own) for name, runs in sources.items()}


def tracked_files() -> list[Path]:
    """Files git tracks under the checked paths (all files there when git is not available)."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--", *CHECKED],
            cwd=ROOT,
            capture_output=True,
            check=True,
            text=True,
        ).stdout.split("\0")
        paths = [ROOT / name for name in listed if name]
    except (OSError, subprocess.CalledProcessError):
        paths = [ROOT / "README.md"]
        for folder in CHECKED[:-1]:
            paths += [p for p in (ROOT / folder).rglob("*") if "__pycache__" not in p.parts]
    return sorted(p for p in paths if p.is_file())


def text_of(path: Path) -> str | None:
    """A text file's content; None for binary files."""
    data = path.read_bytes()
    return None if b"\0" in data else data.decode("utf-8", errors="replace")


FILES = tracked_files()


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_third_party_text_in_the_repository(path: Path) -> None:
    text = text_of(path)
    if text is None:
        return
    runs = shingles(text)
    for name, source in third_party_runs().items():
        common = sorted(runs & source)
        assert not common, (
            f"{len(common)} run(s) of {N} words from {name} in {path.relative_to(ROOT)}, "
            f"e.g. {common[:3]}: rewrite them in your own words"
        )


def test_the_check_sees_the_sources_and_the_files() -> None:
    sources = third_party_runs()
    if HAVE_BENCHMARK:
        assert len(sources["german-news-quotes"]) > 100_000
    if HAVE_REALNEWS:
        assert len(sources["realnews"]) > 1_000
    names = {str(p.relative_to(ROOT)) for p in FILES}
    assert {"README.md", "tests/test_no_third_party_text.py"} <= names
    assert any(name.startswith("src/claims/nlp/") for name in names)


def test_the_check_finds_a_copied_run() -> None:
    """A sentence built at run time from a source is caught, with different spacing and case."""
    name, source = next(iter(third_party_runs().items()))
    run = min(source)
    copied = "Vorher. " + ", ".join(word.upper() for word in run.split()) + " Nachher."
    assert shingles(copied) & source, name
