"""Point 10 of issue 16: a worker process that dies does not hang `--jobs 2`."""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from claims.models import Article
from claims.worker import ArticleResult, Worker
from conftest import ARTICLE, OTHER, Run, write

KILLER = "Selbstzerstörung"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals, fork")
def test_a_killed_worker_is_reported_and_the_run_finishes(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = Worker.analyse_many

    def dying(self: Worker, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        batch = list(articles)
        if any(KILLER in (a.text or "") for a in batch) and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would
        return original(self, batch)

    parent = os.getpid()
    monkeypatch.setattr(Worker, "analyse_many", dying)
    corpus = tmp_path / "corpus"
    for index in range(6):
        write(corpus / f"a{index}.txt", ARTICLE.replace("Minsk", f"Minsk {index}"))
    write(corpus / "b.txt", OTHER)
    write(corpus / "killer.txt", f"Titel\n\nEr sagte: „{KILLER}.“\n")
    outcome: list[object] = []
    thread = threading.Thread(
        target=lambda: outcome.append(run("analyze", corpus, "--jobs", "2", "--format", "json")),
        daemon=True,
    )
    thread.start()
    thread.join(timeout=240)
    assert not thread.is_alive(), "claims analyze --jobs 2 hangs after a worker died"
    result = outcome[0]
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    assert "killer.txt: the worker process analysing this article died" in result.stderr  # type: ignore[attr-defined]
    data = json.loads(result.stdout)  # type: ignore[attr-defined]
    assert len(data["articles"]) == 7
    assert [Path(e["path"]).name for e in data["errors"]] == ["killer.txt"]
    assert data["errors"][0]["code"] == "worker-died"
