"""The streamed run (disk spool, two-pass engine, streamed formatters) gives the same bytes as
the in-memory run, and leaves no temporary files behind."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims.app import AnalyzeOptions, analyze, analyze_streaming
from claims.atomic import write_chunks_atomic, write_text_atomic
from claims.cli import cli
from claims.models import Report
from claims.report import RenderOptions, render, render_view
from claims.report.common import ordered
from claims.report.stream import stream
from claims.resources import Resources

ROOT = Path(__file__).resolve().parent.parent
PATHS = [str(ROOT / "corpus"), str(ROOT / "tests" / "gold" / "articles")]
FORMATS = ("json", "jsonl", "csv")


@pytest.fixture(scope="module")
def in_memory() -> dict[bool, Report]:
    """``analyze()`` (everything in memory) without and with the article texts."""
    return {
        include: analyze(PATHS, AnalyzeOptions(use_cache=False, include_text=include))
        for include in (False, True)
    }


@pytest.mark.parametrize("include_text", [False, True])
def test_streamed_output_is_byte_identical(
    in_memory: dict[bool, Report], include_text: bool, tmp_path: Path
) -> None:
    report = in_memory[include_text]
    assert report.findings and report.statements  # a corpus that exercises the engine
    options = AnalyzeOptions(use_cache=False, include_text=include_text)
    render_options = RenderOptions(include_text=include_text)
    with analyze_streaming(PATHS, options) as spooled:
        for fmt in FORMATS:
            expected = render(report, fmt, render_options)
            assert "".join(stream(spooled, fmt, render_options)) == expected, fmt
        assert spooled.report() == ordered(report)


def test_findings_do_not_depend_on_whether_texts_are_kept(in_memory: dict[bool, Report]) -> None:
    """`--include-text` only adds the texts: the engine always reads them (a reporter sentence
    that points back with `er` or `dort` is attributed through the sentence before)."""

    def evidence(report: Report) -> list[tuple[str, list[tuple[str, int]]]]:
        return [
            (f.id, [(e.article_id or "", e.start or 0) for e in f.evidence])
            for f in report.findings
        ]

    assert evidence(in_memory[False]) == evidence(in_memory[True])


def test_table_and_markdown_from_counts_and_findings(
    in_memory: dict[bool, Report], tmp_path: Path
) -> None:
    """The terminal table of a large run needs no statement beyond the findings' own."""
    report = in_memory[False]
    resources = Resources.load()
    base = RenderOptions(
        actions=tuple(resources.actions), speaker_names=resources.speaker_names(), lang="de"
    )
    with analyze_streaming(PATHS, AnalyzeOptions(use_cache=False)) as spooled:
        assert spooled.statement_count == len(report.statements)
        small = spooled.view(base.actions, every_statement=False)
        assert len(small.report.statements) < len(report.statements)
        for listed in (True, False):
            options = replace(base, statements_table=listed)
            view = spooled.view(base.actions) if listed else small
            assert render_view(view, "table", options) == render(report, "table", options)
        assert render_view(spooled.view(base.actions), "markdown", base) == render(
            report, "markdown", base
        )


def test_cli_writes_the_in_memory_json(in_memory: dict[bool, Report], tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = CliRunner().invoke(
        cli, ["analyze", *PATHS, "--no-cache", "-q", "--format", "json", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == render(in_memory[False], "json", RenderOptions())


def test_speaker_filter_streams_the_same_report(tmp_path: Path) -> None:
    options = AnalyzeOptions(use_cache=False, speakers=("lukashenko", "other"))
    report = analyze(PATHS, options)
    assert {s.speaker for s in report.statements} - {"lukashenko"} and report.findings
    with analyze_streaming(PATHS, options) as spooled:
        streamed = "".join(stream(spooled, "json", RenderOptions()))
    assert streamed == render(report, "json", RenderOptions())


def test_spool_is_closed_after_the_run_and_after_an_error() -> None:
    options = AnalyzeOptions(use_cache=False)
    corpus = [str(ROOT / "corpus")]
    with analyze_streaming(corpus, options) as spooled:
        assert sum(1 for _ in spooled.statements()) > 0
    with pytest.raises(sqlite3.ProgrammingError):  # closed: its database is gone
        next(spooled.statements())
    with pytest.raises(RuntimeError), analyze_streaming(corpus, options) as spooled:
        raise RuntimeError("the output failed")
    with pytest.raises(sqlite3.ProgrammingError):
        next(spooled.statements())


def _claims(args: list[str], tmp: Path) -> subprocess.Popen[bytes]:
    """`claims` in a fresh process whose temporary files go to ``tmp``."""
    env = {**os.environ, "TMPDIR": str(tmp), "SQLITE_TMPDIR": str(tmp)}
    return subprocess.Popen(
        [sys.executable, "-m", "claims", *args], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX unlink-while-open")
def test_no_temporary_file_outlives_a_run_an_error_or_a_kill(tmp_path: Path) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    paragraphs = [
        p for f in sorted((ROOT / "corpus").glob("*.txt"))
        for p in f.read_text(encoding="utf-8").split("\n") if len(p) > 60
    ]  # fmt: skip
    for index in range(600):
        body = "\n\n".join(paragraphs[(index + k) % len(paragraphs)] for k in range(12))
        (corpus / f"a{index:04d}.txt").write_text(f"Artikel {index}\n\n{body}\n", "utf-8")
    args = ["analyze", str(corpus), "--no-cache", "-q", "--format", "json", "-o"]
    killed = _claims([*args, str(tmp_path / "killed.json")], tmp)
    time.sleep(5)  # well into the analysis: the spool holds many articles by now
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=60)
    assert list(tmp.iterdir()) == [] and not (tmp_path / "killed.json").exists()
    bad = _claims(  # an output error after the analysis
        [
            "analyze",
            str(ROOT / "corpus"),
            "--no-cache",
            "-q",
            "-o",
            str(tmp_path / "no" / "r.json"),
        ],
        tmp,
    )
    assert bad.wait(timeout=600) == 2
    assert list(tmp.iterdir()) == []


def test_chunked_write_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_text("old", encoding="utf-8")

    def failing() -> object:
        yield "new"
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_chunks_atomic(target, failing())  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]
    write_chunks_atomic(target, iter(["a", "b", "c"]))
    assert target.read_text(encoding="utf-8") == "abc"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX named pipes")
def test_a_pipe_or_device_is_written_not_replaced(tmp_path: Path) -> None:
    """``-o /dev/null`` or ``-o >(gzip ...)`` must not replace the device or pipe by a file."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    write_text_atomic(fifo, "report\n")
    reader.join(timeout=10)
    assert received == ["report\n"]
    assert fifo.is_fifo()


def test_a_cached_article_at_another_path_and_line_is_rebound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same text elsewhere (here below front matter) reuses the cache with its own lines."""
    source = sorted((ROOT / "corpus").glob("*.txt"))[0].read_text(encoding="utf-8")
    if source.startswith("---\n"):  # the corpus files carry front matter: use the body
        source = source.split("\n---\n", 1)[1]
    first = tmp_path / "a" / "one.txt"
    moved = tmp_path / "b" / "two.txt"
    first.parent.mkdir()
    moved.parent.mkdir()
    first.write_text(source, encoding="utf-8")
    moved.write_text(f"---\nsource: Beispiel\n---\n{source}", encoding="utf-8")
    cached = AnalyzeOptions(cache_dir=tmp_path / "cache")
    before = analyze([str(first)], cached)  # fills the cache
    fresh = analyze([str(moved)], AnalyzeOptions(use_cache=False))

    def no_analysis(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cache hit needs no analysis")

    monkeypatch.setattr("claims.worker.Executor", no_analysis)
    warm = analyze([str(moved)], cached)
    assert warm == fresh
    assert warm.statements[0].line != before.statements[0].line
