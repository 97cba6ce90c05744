"""Speed, start-up, parallelism and memory of `claims analyze` on fresh news texts (issue 18).

The texts are the train and dev articles of the German news quotation benchmark, read from
``../shared/benchmarks`` and written to a temporary folder for the run (removed afterwards;
nothing is copied into the repository). Every measure is taken ``--repeats`` times (default 3)
in fresh processes; the table gives the minimum and the median, and every ratio is computed
within one round (both sides measured back to back) before taking min and median, because the
machine is shared and its load changes from minute to minute.

    python bench/scale_benchmark.py --write bench/RESULTS.md            # the issue's table
    python bench/scale_benchmark.py --memory --write bench/RESULTS.md   # + peak RSS 1k -> 10k

Measures (per round):

- tokenizer: bare ``spacy.blank("de")`` tokenisation of the same texts in a fresh process
  (time of ``nlp.pipe`` only); ratio = tokenizer seconds / whole ``claims analyze`` seconds
- per article: (``claims analyze`` of all texts - of one short article) / (texts - 1), i.e.
  start-up excluded
- one short article: wall time of ``claims analyze`` of one corpus article (``--no-cache``;
  the set-up tables cached on disk, as after the first run); the first run ever, which builds
  them, is measured once with an empty set-up cache
- ``claims --version`` and ``claims --help``
- ``--jobs 2`` against ``--jobs 1`` on all texts
- with ``--memory``: peak RSS of 1,000 and 10,000 articles (the texts again, each copy with its own
  first line, so no copy is a duplicate), one round
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHMARK = ROOT.parent / "shared" / "benchmarks" / "german-news-quotes"
SHORT_ARTICLE = ROOT / "corpus" / "000_5b23b2942ce73acf.txt"

TOKENIZE = """
import json, sys, time
import spacy
texts = json.load(open(sys.argv[1], encoding="utf-8"))
nlp = spacy.blank("de")
start, cpu = time.perf_counter(), time.process_time()
words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({"words": words, "seconds": seconds, "cpu": cpu}))
"""


def benchmark_texts(splits: tuple[str, ...] = ("train", "dev")) -> list[str]:
    texts = []
    for split in splits:
        for path in sorted((BENCHMARK / split).glob("*.json")):
            texts.append(json.loads(path.read_text(encoding="utf-8"))["originalText"])
    return texts


def write_texts(folder: Path, texts: list[str], copies: int = 1) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for copy in range(copies):
        for index, text in enumerate(texts):
            head = f"Ausgabe {copy}\n\n" if copies > 1 else ""
            name = f"{copy:03d}_{index:04d}.txt"
            (folder / name).write_text(head + text, encoding="utf-8")


@dataclass
class Run:
    seconds: float
    peak_rss_mb: float
    cpu: float = 0.0  # user + sys seconds of the process and its children


def run(command: list[str], env: dict[str, str] | None = None) -> Run:
    """Wall time and peak RSS of one fresh process (stdout discarded)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)} (status {status})")
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def claims(*args: str, env: dict[str, str] | None = None) -> Run:
    return run([sys.executable, "-m", "claims", *args], env=env)


def analyze(folder: Path, *extra: str, env: dict[str, str] | None = None) -> Run:
    return claims(
        "analyze",
        str(folder),
        "--format",
        "json",
        "-o",
        os.devnull,
        "-q",
        "--no-cache",
        *extra,
        env=env,
    )


def tokenizer_seconds(texts_file: Path) -> tuple[int, float, float]:
    out = subprocess.run(
        [sys.executable, "-c", TOKENIZE, str(texts_file)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data = json.loads(out)
    return int(data["words"]), float(data["seconds"]), float(data["cpu"])


def spread(values: list[float], fmt: Callable[[float], str]) -> str:
    """``min / median`` of a measure."""
    return f"{fmt(min(values))} / {fmt(statistics.median(values))}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N texts")
    parser.add_argument("--memory", action="store_true", help="also peak RSS at 1k and 10k")
    parser.add_argument("--write", type=Path, default=None, help="write a Markdown results file")
    args = parser.parse_args()

    texts = benchmark_texts()[: args.limit]
    n = len(texts)
    work = Path(tempfile.mkdtemp(prefix="claims-bench-"))
    rounds: dict[str, list[float]] = {}

    def note(name: str, value: float) -> None:
        rounds.setdefault(name, []).append(value)

    try:
        folder = work / "texts"
        write_texts(folder, texts)
        texts_file = work / "texts.json"
        texts_file.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        # the first run ever: set-up tables built (and stored) in an empty set-up cache
        cold_env = {**os.environ, "CLAIMS_SETUP_CACHE": str(work / "setup")}
        note("first_run", analyze(SHORT_ARTICLE, env=cold_env).seconds)
        env = cold_env  # from now on the tables are on disk, as after a user's first run
        words = 0
        for round_number in range(args.repeats):
            words, tok, tok_cpu = tokenizer_seconds(texts_file)
            one_run = analyze(SHORT_ARTICLE, env=env)
            jobs1_run = analyze(folder, "--jobs", "1", env=env)
            jobs2_run = analyze(folder, "--jobs", "2", env=env)
            one, jobs1, jobs2 = one_run.seconds, jobs1_run.seconds, jobs2_run.seconds
            version = claims("--version", env=env).seconds
            help_ = claims("--help", env=env).seconds
            note("tokenizer", tok)
            note("jobs1", jobs1)
            note("jobs2", jobs2)
            note("one", one)
            note("version", version)
            note("help", help_)
            note("ratio", tok / jobs1)
            note("per_article_ms", 1000 * (jobs1 - one) / max(1, n - 1))
            note("speedup", jobs1 / jobs2)
            # CPU time (user + sys): steadier than wall time on a shared machine
            note("ratio_cpu", tok_cpu / jobs1_run.cpu)
            note("per_article_cpu_ms", 1000 * (jobs1_run.cpu - one_run.cpu) / max(1, n - 1))
            note("one_cpu", one_run.cpu)
            note("jobs1_cpu", jobs1_run.cpu)
            note("jobs2_cpu", jobs2_run.cpu)
            print(
                f"round {round_number + 1}: tokenizer {tok:.2f} s, analyze {jobs1:.2f} s "
                f"(ratio {tok / jobs1:.3f}), --jobs 2 {jobs2:.2f} s ({jobs1 / jobs2:.2f}x), "
                f"one article {one:.2f} s, --version {version:.2f} s, --help {help_:.2f} s; "
                f"CPU: analyze {jobs1_run.cpu:.2f} s, --jobs 2 {jobs2_run.cpu:.2f} s, "
                f"one article {one_run.cpu:.2f} s",
                flush=True,
            )
        memory: list[tuple[int, Run]] = []
        if args.memory:
            for size in (1000, 10000):
                big = work / f"n{size}"
                write_texts(big, texts, copies=-(-size // n))
                for extra in sorted(big.glob("*.txt"))[size:]:
                    extra.unlink()
                memory.append((size, analyze(big, env=env)))
                print(f"n={size}: {memory[-1][1].peak_rss_mb:.0f} MB", flush=True)
                shutil.rmtree(big, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    seconds = lambda v: f"{v:.2f} s"  # noqa: E731
    times = lambda v: f"{v:.2f}x"  # noqa: E731
    lines = [
        f"{n} fresh news texts (benchmark train + dev), {words:,} tokens; "
        f"{args.repeats} rounds, min / median.",
        "",
        "| measure | min / median | CPU time, min / median | target |",
        "|---|---|---|---|",
        f'| `claims analyze` whole process vs bare `spacy.blank("de")` tokenization, same round '
        f"| {spread(rounds['ratio'], lambda v: f'{v:.3f}x')} "
        f"| {spread(rounds['ratio_cpu'], lambda v: f'{v:.3f}x')} | >= 0.30x |",
        f"| per article in process (start-up excluded) "
        f"| {spread(rounds['per_article_ms'], lambda v: f'{v:.1f} ms')} "
        f"| {spread(rounds['per_article_cpu_ms'], lambda v: f'{v:.1f} ms')} | <= 3 ms |",
        f"| `claims analyze` of one short article, wall | {spread(rounds['one'], seconds)} "
        f"(first run ever, building the set-up tables: {rounds['first_run'][0]:.2f} s) "
        f"| {spread(rounds['one_cpu'], seconds)} | <= 1.0 s |",
        f"| `claims --version` | {spread(rounds['version'], seconds)} | | <= 0.3 s |",
        f"| `claims --help` | {spread(rounds['help'], seconds)} | | <= 0.3 s |",
        f"| `--jobs 2` vs `--jobs 1`, same texts | {spread(rounds['speedup'], times)} | "
        "| >= 1.7x |",
        f"| (`claims analyze`, all texts, `--jobs 1` / `--jobs 2`) "
        f"| {spread(rounds['jobs1'], seconds)} / {spread(rounds['jobs2'], seconds)} "
        f"| {spread(rounds['jobs1_cpu'], seconds)} / {spread(rounds['jobs2_cpu'], seconds)} | |",
        f"| (bare tokenizer, all texts) | {spread(rounds['tokenizer'], seconds)} "
        f"({words / min(rounds['tokenizer']):,.0f} tokens/s at best) | | |",
    ]
    if memory:
        (s1, r1), (s2, r2) = memory
        lines.append(
            f"| peak memory {s1:,} -> {s2:,} articles | {r1.peak_rss_mb:.0f} -> "
            f"{r2.peak_rss_mb:.0f} MB, {r2.peak_rss_mb / r1.peak_rss_mb:.2f}x (one round) "
            "| | <= 1.1x |"
        )
    table = "\n".join(lines)
    print(table)
    if args.write:
        machine = (
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        )
        command = "python bench/scale_benchmark.py" + (" --memory" if args.memory else "")
        args.write.write_text(
            f"# Benchmark results\n\nMachine: {machine} (shared: load from other users "
            f"varies). Command:\n\n    {command} --write {args.write}\n\n{table}\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
