"""Point 9 of issue 16: one long line is as fast as the same text in paragraphs.

The only timed test of the suite, with a generous bound: the one-line article may take at most
3x the paragraphed one (it took 7x at 128 KB and grew quadratically before the fix). The full
benchmark with 2 MB articles is ``python bench/long_line_benchmark.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from claims.ingest import article_from_text
from claims.resources import Resources
from claims.worker import Worker

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from long_line_benchmark import bodies

SIZE = 256 * 1024


@pytest.fixture(scope="module")
def worker() -> Worker:
    built = Worker(Resources.load())
    built.analyse(article_from_text("Titel\n\nEr sagte: „Ja.“", path="warm.txt"))
    return built


def _seconds(worker: Worker, body: str) -> tuple[float, int]:
    article = article_from_text("Titel\n\n" + body, path="long.txt")
    started = time.perf_counter()
    result = worker.analyse(article)
    return time.perf_counter() - started, len(result.statements)


def test_one_line_article_takes_at_most_three_times_the_paragraphed_one(
    worker: Worker,
) -> None:
    paragraphed, one_line = bodies(SIZE)
    para_seconds, para_count = _seconds(worker, paragraphed)
    line_seconds, line_count = _seconds(worker, one_line)
    assert line_count >= 0.9 * para_count  # the same statements are found
    assert line_seconds <= 3 * max(para_seconds, 0.5), (line_seconds, para_seconds)
