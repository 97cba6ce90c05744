"""Interleaved before/after timing: the code of a git ref against the working tree, back to back.

Each round runs every measure with the old code (``git archive REF src``, put first on
``PYTHONPATH`` in the same virtualenv) and then with the new, so both see the same load of a
shared machine; it prints min / median of the rounds and the before/after ratio within each
round, for wall time and CPU time (user + sys of the process and its children). The texts are the
benchmark's train and dev articles, written to a temporary folder (removed afterwards).

    python bench/before_after.py --ref 28c5fd0 --repeats 3
"""

from __future__ import annotations

import argparse
import compileall
import io
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_benchmark import SHORT_ARTICLE, benchmark_texts, write_texts

ROOT = Path(__file__).resolve().parent.parent


def run(args: list[str], old_src: Path | None, setup: Path | None = None) -> tuple[float, float]:
    env = dict(os.environ)
    if old_src is not None:
        env["PYTHONPATH"] = str(old_src)
    if setup is not None:
        # each side its own set-up tables: in one folder the two codes would replace each
        # other's tables (same name, other data hash) and build them at every start
        env["CLAIMS_SETUP_CACHE"] = str(setup / ("old" if old_src is not None else "new"))
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "claims", *args], env=env, stdout=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: claims {' '.join(args)}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


JOBS = ("analyze --jobs 1", "analyze --jobs 2")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="28c5fd0")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="claims-ab-"))
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", args.ref, "src"], capture_output=True, check=True
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(work / "old", filter="data")
        old = work / "old" / "src"
        # bytecode for both sides: with PYTHONDONTWRITEBYTECODE set (as in some shells here)
        # a tree without it compiles every module again at every start (+0.9 billion
        # instructions, ≈ 0.2–0.4 s), which the fresh old tree would pay and the checkout not
        for tree in (old, ROOT / "src"):
            compileall.compile_dir(tree, quiet=1)
        texts = work / "texts"
        write_texts(texts, benchmark_texts())
        every = ["analyze", str(texts), "--no-cache", "--format", "json", "-q", "-o", os.devnull]
        measures = {
            "--version": ["--version"],
            "--help": ["--help"],
            "one short article": [
                "analyze",
                str(SHORT_ARTICLE),
                "--no-cache",
                "-q",
                "--format",
                "json",
            ],
            "analyze --jobs 1": [*every, "--jobs", "1"],
            "analyze --jobs 2": [*every, "--jobs", "2"],
            "quotes --jobs 1": ["quotes", *every[1:], "--jobs", "1"],
        }
        setup = work / "setup"
        for side in (old, None):  # the set-up tables of each side, built once
            run(measures["one short article"], side, setup)
        results: dict[tuple[str, bool], list[tuple[float, float]]] = {}
        for number in range(args.repeats):
            for name, command in measures.items():
                for before in (True, False):
                    results.setdefault((name, before), []).append(
                        run(command, old if before else None, setup)
                    )
            print(f"round {number + 1} done", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def spread(values: list[float]) -> str:
        return f"{min(values):.2f} / {statistics.median(values):.2f}"

    print(
        "| measure | before wall | after wall | before/after per round | CPU before | CPU after |"
    )
    print("|---|---|---|---|---|---|")
    for name in measures:
        old_runs, new_runs = results[(name, True)], results[(name, False)]
        ratios = [b[0] / a[0] for b, a in zip(old_runs, new_runs, strict=True)]
        print(
            f"| {name} | {spread([r[0] for r in old_runs])} s | {spread([r[0] for r in new_runs])}"
            f" s | {spread(ratios)}x | {spread([r[1] for r in old_runs])} s | "
            f"{spread([r[1] for r in new_runs])} s |"
        )
    # the speed-up of a second worker, within each round and side (both runs back to back)
    speedups = [
        [one[0] / two[0] for one, two in zip(*(results[(n, before)] for n in JOBS), strict=True)]
        for before in (True, False)
    ]
    print(f"| `--jobs 2` vs `--jobs 1` | {spread(speedups[0])}x | {spread(speedups[1])}x | | | |")


if __name__ == "__main__":
    main()
