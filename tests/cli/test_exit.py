"""The end of a `claims` process: the heap is frozen at exit (no last walk over every object of
the pipeline), once however often ``main`` runs, and the output is complete all the same."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import claims.cli as cli_module
from conftest import CORPUS


def test_main_registers_the_freeze_at_exit_once(monkeypatch: pytest.MonkeyPatch) -> None:
    hooks: list[Callable[[], None]] = []
    monkeypatch.setattr(cli_module.atexit, "register", hooks.append)
    monkeypatch.setattr(
        cli_module.atexit, "unregister", lambda f: hooks.remove(f) if f in hooks else None
    )
    monkeypatch.setattr(sys, "argv", ["claims", "--version"])
    for _ in range(2):
        with pytest.raises(SystemExit):
            cli_module.main()
    assert hooks == [cli_module._freeze_at_exit]


def test_a_run_ends_with_its_report_complete(tmp_path: Path) -> None:
    article = sorted(CORPUS.glob("*.txt"))[0]
    out = tmp_path / "report.json"
    options = ["--format", "json", "-o", str(out), "-q", "--no-cache", "--jobs", "2"]
    done = subprocess.run(
        [sys.executable, "-m", "claims", "analyze", str(article), *options],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [Path(a["path"]).name for a in report["articles"]] == [article.name]
