"""`--scheduler`: the per-article stage on a Dask cluster gives the output of a local run.

Skipped where Dask (the optional ``dask`` extra) is not installed, except the test that the
option then fails with a usage error naming the extra.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims.cli import cli
from claims.errors import ExitCode

ROOT = Path(__file__).resolve().parent.parent
CORPUS = str(ROOT / "corpus")
GOLD = str(ROOT / "tests" / "gold" / "articles")


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_without_dask_the_option_is_a_usage_error_naming_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    code, _, err = _run("analyze", CORPUS, "--no-cache", "--scheduler", "tcp://127.0.0.1:1")
    assert code == int(ExitCode.USAGE_ERROR)
    assert "claims-check[dask]" in err


def test_scheduler_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", "tcp://127.0.0.1:1")
    code, _, err = _run("quotes", CORPUS, "--no-cache")
    assert code == int(ExitCode.USAGE_ERROR)
    assert "dask" in err


distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as local:
        yield local.scheduler_address


@pytest.mark.parametrize("command", ["analyze", "quotes"])
def test_local_cluster_output_equals_a_local_run(cluster: str, command: str) -> None:
    args = (command, CORPUS, GOLD, "--format", "json", "--no-cache")
    code, local, _ = _run(*args)
    assert code == 0
    code, remote, err = _run(*args, "--scheduler", cluster)
    assert code == 0, err
    assert remote == local


def test_an_article_that_fails_on_a_worker_lands_in_errors(
    cluster: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from claims.worker import Worker

    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(
            f"Titel {name}\n\nDer Minister sagte, er sei zufrieden mit {name}.\n", encoding="utf-8"
        )
    (tmp_path / "bad.txt").write_text("Titel\n\nDieser Text BRICHT den Worker.\n", "utf-8")
    original = Worker.analyse

    def analyse(self: Worker, article: object) -> object:
        if "BRICHT" in (getattr(article, "text", "") or ""):
            raise RuntimeError("boom")
        return original(self, article)

    def analyse_many(self: Worker, articles: list) -> object:
        return [analyse(self, a) for a in articles]

    monkeypatch.setattr(Worker, "analyse", analyse)
    monkeypatch.setattr(Worker, "analyse_many", analyse_many)
    code, out, err = _run(
        "quotes", str(tmp_path), "--format", "json", "--no-cache", "--scheduler", cluster
    )
    assert code == 0, err
    report = json.loads(out)
    assert [e["code"] for e in report["errors"]] == ["analysis-failed"]
    assert report["errors"][0]["path"].endswith("bad.txt")
    assert len(report["articles"]) == 3
    assert "boom" in err


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _dask_command() -> list[str]:
    script = Path(sys.executable).parent / "dask"
    return [str(script)] if script.exists() else [sys.executable, "-m", "dask"]


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 15
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def test_scheduler_and_two_worker_processes_as_a_user_starts_them(tmp_path: Path) -> None:
    """`dask scheduler`, two `dask worker` processes on 127.0.0.1, the CLI against them."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    log = (tmp_path / "dask.log").open("wb")
    dask = _dask_command()
    processes = [
        subprocess.Popen(
            [*dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
        )
    ]
    try:
        for _ in range(2):
            processes.append(
                subprocess.Popen(
                    [
                        *dask,
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
                    env=env,
                )
            )
        with distributed.Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=90)
        args = ["quotes", CORPUS, "--format", "json", "--no-cache", "-q"]
        local = subprocess.run(
            [sys.executable, "-m", "claims", *args], capture_output=True, timeout=300, check=True
        )
        remote = subprocess.run(
            [sys.executable, "-m", "claims", *args, "--scheduler", address],
            capture_output=True,
            timeout=300,
        )
        assert remote.returncode == 0, remote.stderr.decode(errors="replace")
        assert remote.stdout == local.stdout
    finally:
        _stop(processes)
        log.close()
    assert all(p.poll() is not None for p in processes)


def test_workers_that_cannot_import_claims_are_a_usage_error(
    cluster: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claims.distributed

    def no_claims(*args: object) -> None:
        raise ModuleNotFoundError("No module named 'claims'")

    monkeypatch.setattr(claims.distributed, "analyse_part", no_claims)
    code, _, err = _run("quotes", CORPUS, "--no-cache", "--scheduler", cluster)
    assert code == int(ExitCode.USAGE_ERROR)
    assert "same claims version" in err
