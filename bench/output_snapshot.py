"""Snapshot of `claims analyze` and `claims quotes` JSON output, to check that a change keeps
the output byte-identical.

Writes the texts of the German news quotation benchmark (train and dev, read from
``../shared/benchmarks``) into a temporary folder that is removed afterwards, and runs the CLI
on them, on ``corpus/`` and on ``tests/gold/articles/``; stores each JSON report in ``OUT``.

    python bench/output_snapshot.py /tmp/before
    ... change ...
    python bench/output_snapshot.py /tmp/after --compare /tmp/before
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHMARK = ROOT.parent / "shared" / "benchmarks" / "german-news-quotes"


def write_benchmark_texts(folder: Path, splits: tuple[str, ...] = ("train", "dev")) -> int:
    """One .txt file per benchmark article (its original text), named by split and index."""
    count = 0
    for split in splits:
        target = folder / split
        target.mkdir(parents=True, exist_ok=True)
        for index, path in enumerate(sorted((BENCHMARK / split).glob("*.json"))):
            text = json.loads(path.read_text(encoding="utf-8"))["originalText"]
            (target / f"{index:04d}.txt").write_text(text, encoding="utf-8")
            count += 1
    return count


def run(command: str, paths: list[str], cwd: Path, out: Path, *extra: str) -> int:
    env = dict(os.environ, NO_COLOR="1")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "claims",
            command,
            *paths,
            "--format",
            "json",
            "-q",
            "--no-cache",
            *extra,
        ],
        cwd=cwd,
        env=env,
        capture_output=True,
        check=False,
    )
    out.write_bytes(result.stdout)
    (out.with_suffix(".stderr")).write_bytes(result.stderr)
    print(f"{out.name}: exit {result.returncode}, {len(result.stdout):,} bytes", flush=True)
    return result.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--compare", type=Path, default=None)
    parser.add_argument("--jobs", default="1")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="claims-snapshot-"))
    try:
        write_benchmark_texts(work / "bench")
        shutil.copytree(ROOT / "corpus", work / "corpus")
        shutil.copytree(ROOT / "tests" / "gold" / "articles", work / "gold")
        failed = []
        for name, paths in (("bench", ["bench"]), ("corpus", ["corpus"]), ("gold", ["gold"])):
            for command in ("analyze", "quotes"):
                out = args.out / f"{name}-{command}.json"
                if run(command, paths, work, out, "--jobs", args.jobs) != 0:
                    failed.append(out.name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failed:  # a run that failed wrote no report: two failed runs would compare "identical"
        print(f"FAILED runs (see their .stderr): {failed}")
        raise SystemExit(1)
    if args.compare is not None:
        names = sorted(p.name for p in args.compare.glob("*.json"))
        _, mismatch, errors = filecmp.cmpfiles(args.compare, args.out, names, shallow=False)
        print("identical" if not mismatch and not errors else f"DIFFERENT: {mismatch + errors}")
        if mismatch or errors:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
