"""Linearity benchmark: one article as a single long line against the same text in paragraphs.

Issue 16, point 9: a 256 KB one-line article took 109 s (quadratic: the quoted-name rules read
the whole paragraph before every quote). Every stage must be linear in the input, so the
one-line article should take about as long as the paragraphed one at every size.

    python bench/long_line_benchmark.py                 # 256 KB, 1 MB and 2 MB
    python bench/long_line_benchmark.py --sizes 512

The text is recombined from the project's own test articles (``tests/gold/articles``), never
from third-party data.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "gold" / "articles"


def bodies(size: int) -> tuple[str, str]:
    """(paragraphed, one-line) article bodies of about ``size`` characters, the same words."""
    paragraphs: list[str] = []
    for path in sorted(SOURCE.glob("*.txt")):
        paragraphs += [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    chosen: list[str] = []
    total = 0
    while total < size:
        paragraph = paragraphs[len(chosen) % len(paragraphs)]
        chosen.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(chosen), " ".join(chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[256, 1024, 2048], help="KB")
    args = parser.parse_args()
    from claims.ingest import article_from_text
    from claims.resources import Resources
    from claims.worker import Worker

    worker = Worker(Resources.load())
    worker.analyse(article_from_text("Titel\n\nEr sagte: „Ja.“", path="warm.txt"))
    print(f"{'size':>8} {'paragraphs s':>13} {'one line s':>11} {'ratio':>6} {'statements':>11}")
    for kb in args.sizes:
        timings = []
        for body in bodies(kb * 1024):
            article = article_from_text("Titel\n\n" + body, path="bench.txt")
            started = time.perf_counter()
            result = worker.analyse(article)
            timings.append((time.perf_counter() - started, len(result.statements)))
        (para, n_para), (line, n_line) = timings
        print(f"{kb:>6}KB {para:>13.2f} {line:>11.2f} {line / para:>6.2f} {n_para:>5}/{n_line:<5}")


if __name__ == "__main__":
    main()
