"""`claims analyze --scheduler` on a local Dask cluster: 1 worker against 2 workers.

Starts ``dask scheduler`` and one, then two, ``dask worker`` processes (one thread each) on
127.0.0.1 as a user would, runs ``claims analyze`` of the benchmark texts (train + dev, read from
``../shared/benchmarks`` into a temporary folder) against them, checks that the JSON equals the
local run's, and prints wall times (min / median of ``--repeats`` rounds; the speed-up is the ratio
of the medians: the two-worker rounds follow the one-worker rounds).

    python bench/dask_benchmark.py
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_benchmark import benchmark_texts, write_texts


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def dask() -> list[str]:
    script = Path(sys.executable).parent / "dask"
    return [str(script)] if script.exists() else [sys.executable, "-m", "dask"]


def stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def analyze(folder: Path, *extra: str) -> tuple[float, bytes]:
    start = time.perf_counter()
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "claims",
            "analyze",
            str(folder),
            "--format",
            "json",
            "-q",
            "--no-cache",
            *extra,
        ],
        capture_output=True,
        check=True,
    ).stdout
    return time.perf_counter() - start, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    from distributed import Client

    work = Path(tempfile.mkdtemp(prefix="claims-dask-bench-"))
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    log = (work / "dask.log").open("wb")
    processes: list[subprocess.Popen[bytes]] = []
    times: dict[str, list[float]] = {"local": [], "1": [], "2": []}
    try:
        folder = work / "texts"
        texts = benchmark_texts()[: args.limit]
        write_texts(folder, texts)
        processes.append(
            subprocess.Popen(
                [
                    *dask(),
                    "scheduler",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--no-dashboard",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )

        def add_worker() -> None:
            processes.append(
                subprocess.Popen(
                    [
                        *dask(),
                        "worker",
                        address,
                        "--nthreads",
                        "1",
                        "--no-dashboard",
                        "--host",
                        "127.0.0.1",
                    ],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )

        for workers in (1, 2):
            add_worker()
            with Client(address, timeout="60s") as client:
                client.wait_for_workers(workers, timeout=90)
            analyze(folder, "--scheduler", address)  # warm-up: workers build their pipelines
            for _ in range(args.repeats):
                seconds, remote = analyze(folder, "--scheduler", address)
                times[str(workers)].append(seconds)
                if workers == 1:
                    local_seconds, local = analyze(folder)
                    times["local"].append(local_seconds)
                    assert remote == local, "output differs from the local run"
                print(f"{workers} worker(s): {seconds:.2f} s", flush=True)
    finally:
        stop(processes)
        log.close()
        shutil.rmtree(work, ignore_errors=True)

    def spread(values: list[float], unit: str) -> str:
        return f"{min(values):.2f}{unit} / {statistics.median(values):.2f}{unit}"

    print(f"{len(texts)} texts, {args.repeats} rounds, min / median")
    print(f"| local `claims analyze` (--jobs 1) | {spread(times['local'], ' s')} |")
    print(f"| `--scheduler`, 1 worker | {spread(times['1'], ' s')} |")
    print(f"| `--scheduler`, 2 workers | {spread(times['2'], ' s')} |")
    print(
        f"| 2 workers vs 1 (ratio of medians) | "
        f"{statistics.median(times['1']) / statistics.median(times['2']):.2f}x |"
    )
    print(f"(cores here: {os.cpu_count()})")


if __name__ == "__main__":
    main()
