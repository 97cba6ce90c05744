"""Interrupted and concurrent runs: no partial output, a consistent shared cache."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def make_corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    paragraphs = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").split("\n") if len(p) > 60]
    for index in range(count):
        body = "\n\n".join(paragraphs[(index + k) % len(paragraphs)] for k in range(12))
        (folder / f"a{index:04d}.txt").write_text(f"Artikel {index}\n\n{body}\n", encoding="utf-8")


def claims(*args: str, cache: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "CLAIMS_CACHE_DIR": str(cache)}
    return subprocess.Popen(
        [sys.executable, "-m", "claims", *args], env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigint_leaves_no_partial_output_and_a_usable_cache(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 2000)
    cache = tmp_path / "cache"
    out = tmp_path / "report.json"
    process = claims("analyze", str(corpus), "-o", str(out), "-q", cache=cache)
    time.sleep(6)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode in (130, -signal.SIGINT), stderr.decode()
    assert not out.exists(), "an interrupted run writes no report"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []
    small = tmp_path / "small"
    small.mkdir()
    for name in sorted(p.name for p in corpus.iterdir())[:20]:
        (small / name).write_bytes((corpus / name).read_bytes())
    cached = claims("analyze", str(small), "--format", "json", "-q", cache=cache)
    fresh = claims("analyze", str(small), "--format", "json", "-q", "--no-cache", cache=cache)
    cached_out, cached_err = cached.communicate(timeout=300)
    fresh_out, _ = fresh.communicate(timeout=300)
    assert cached.returncode == 0, cached_err.decode()
    assert json.loads(cached_out) == json.loads(fresh_out)


def test_two_runs_sharing_one_cache_agree(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 30)
    cache = tmp_path / "cache"
    runs = [claims("analyze", str(corpus), "--format", "json", "-q", cache=cache) for _ in "ab"]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (_, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err.decode()
    first, second = (json.loads(out) for out, _ in outputs)
    assert first == second
    third = claims("analyze", str(corpus), "--format", "json", "-q", cache=cache)
    out, err = third.communicate(timeout=300)
    assert third.returncode == 0, err.decode()
    assert json.loads(out) == first
