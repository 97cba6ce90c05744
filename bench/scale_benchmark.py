"""Throughput, scaling, memory, parallelism and cache benchmark for `claims analyze`.

Builds scaled corpora deterministically by recombining the paragraphs of ``corpus/`` and the
test articles, runs ``claims analyze`` on them in fresh processes (peak RSS via wait4), and bare
``spacy.blank("de")`` tokenisation of the same texts in this process, then prints words per
second, their ratio, peak RSS and time per article at each size.

    python bench/scale_benchmark.py --sizes 1000 10000 --write bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "corpus", ROOT / "tests" / "gold" / "articles"]


def paragraphs() -> list[str]:
    """Every non-trivial paragraph of the source articles, in a fixed order."""
    found: list[str] = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            if text.startswith("---"):
                text = text.split("---", 2)[-1]
            found.extend(p.strip() for p in text.split("\n") if len(p.strip()) > 40)
    return found


def build_corpus(folder: Path, count: int, seed: int = 7) -> list[str]:
    """Write ``count`` articles of 8-20 recombined paragraphs; return their texts."""
    pool = paragraphs()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    texts = []
    for index in range(count):
        body = "\n\n".join(rng.choice(pool) for _ in range(rng.randint(8, 20)))
        text = f"Artikel {index}: Bericht aus Minsk\n\n{body}\n"
        (folder / f"article_{index:05d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def tokenizer_rate(texts: list[str]) -> tuple[int, float]:
    """Words and seconds for bare spaCy tokenisation of ``texts``."""
    import spacy

    nlp = spacy.blank("de")
    start = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
    return words, time.perf_counter() - start


# `claims analyze` with statement extraction replaced by nothing: ingest, claim tagging, corpus
# evidence, the rule engine and the report still run. Its speed bounds what any extractor can reach.
NO_EXTRACTION = """
import sys
from claims.nlp.extract import StatementExtractor
def extract_many(self, articles, batch_size=32):
    for _ in articles:
        yield []
StatementExtractor.extract_many = extract_many
StatementExtractor.extract = lambda self, article: []
from claims.cli import main
sys.argv[0] = "claims"
main()
"""


@dataclass
class Run:
    seconds: float
    peak_rss_mb: float


def run_claims(
    folder: Path, *extra: str, cache_dir: Path | None = None, extraction: bool = True
) -> Run:
    """One `claims analyze` in a fresh process; wall time and that process's peak RSS
    (``extraction=False``: with statement extraction skipped, see ``NO_EXTRACTION``).

    The report is written to a real file beside the corpus (then removed), as a user would.
    """
    env = dict(os.environ)
    report = folder.parent / f"{folder.name}.report.json"
    if cache_dir is not None:
        env["CLAIMS_CACHE_DIR"] = str(cache_dir)
    command = [
        sys.executable,
        *(["-m", "claims"] if extraction else ["-c", NO_EXTRACTION]),
        "analyze",
        str(folder),
        "--format",
        "json",
        "-o",
        str(report),
        "-q",
        *extra,
    ]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    report.unlink(missing_ok=True)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"claims analyze failed on {folder} (exit {status})")
    return Run(seconds, usage.ru_maxrss / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--jobs-size",
        type=int,
        default=None,
        help="corpus size for the --jobs 2 and cache runs (default: smallest)",
    )
    parser.add_argument("--write", type=Path, default=None, help="write a Markdown results file")
    parser.add_argument(
        "--scale-only",
        action="store_true",
        help="skip the --jobs 2 and cache runs (time and memory at each size only)",
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="claims-bench-"))
    rows = []
    try:
        for size in args.sizes:
            folder = work / f"n{size}"
            texts = build_corpus(folder, size)
            words, tok_seconds = tokenizer_rate(texts)
            run = run_claims(folder, "--no-cache")
            rows.append((size, words, tok_seconds, run))
            print(
                f"n={size}: {words} words, tokenizer {words / tok_seconds:,.0f} w/s, "
                f"claims {words / run.seconds:,.0f} w/s, {run.peak_rss_mb:.0f} MB",
                flush=True,
            )
        jobs_size = args.jobs_size or min(args.sizes)
        folder = work / f"n{jobs_size}"
        build_corpus(work / "single", 1)  # one article: the start-up cost
        one = next(r[3] for r in rows if r[0] == jobs_size)
        if not args.scale_only:
            two = run_claims(folder, "--no-cache", "--jobs", "2")
            cache = work / "cache"
            cold = run_claims(folder, cache_dir=cache)
            warm = run_claims(folder, cache_dir=cache)
            bare = run_claims(folder, "--no-cache", extraction=False)
            start_up = run_claims(folder.parent / "single", "--no-cache", extraction=False)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    lines = [
        "| articles | words | tokenizer w/s | claims w/s | ratio | peak RSS MB | ms/article |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, words, tok_seconds, run in rows:
        lines.append(
            f"| {size:,} | {words:,} | {words / tok_seconds:,.0f} | {words / run.seconds:,.0f} | "
            f"{tok_seconds / run.seconds:.2f} | {run.peak_rss_mb:.0f} | "
            f"{1000 * run.seconds / size:.1f} |"
        )
    if len(rows) >= 2:
        (s1, _, _, r1), (s2, _, _, r2) = rows[0], rows[-1]
        lines.append("")
        lines.append(
            f"- time {s2 // s1}x articles: {r2.seconds / r1.seconds:.2f}x "
            f"(target <= {1.1 * s2 / s1:.1f}x); memory: "
            f"{r2.peak_rss_mb / r1.peak_rss_mb:.2f}x (target <= 1.5x)"
        )
    if not args.scale_only:
        lines.append(
            f"- `--jobs 2` on {jobs_size:,} articles: {one.seconds / two.seconds:.2f}x faster "
            "than `--jobs 1` (target >= 1.6x)"
        )
        lines.append(
            f"- cached re-run on {jobs_size:,} articles: {cold.seconds:.1f} s -> "
            f"{warm.seconds:.1f} s, {cold.seconds / warm.seconds:.1f}x faster "
            "(target >= 10x)"
        )
        tok_seconds = next(r[2] for r in rows if r[0] == jobs_size)
        lines.append(
            f"- without statement extraction on {jobs_size:,} articles: {bare.seconds:.1f} s "
            f"(start-up {start_up.seconds:.1f} s), {tok_seconds / bare.seconds:.3f}x the "
            f"tokenizer ({tok_seconds / max(bare.seconds - start_up.seconds, 1e-9):.3f}x without "
            "start-up): the most any extractor could reach"
        )
    table = "\n".join(lines)
    print(table)
    if args.write:
        machine = (
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        )
        args.write.write_text(
            "# Benchmark results\n\n"
            f"Machine: {machine}. Command:\n\n"
            f"    python bench/scale_benchmark.py --sizes {' '.join(map(str, args.sizes))}"
            f" --write {args.write}\n\n{table}\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
