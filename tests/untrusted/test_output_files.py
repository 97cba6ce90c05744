"""Points 12 and 13 of issue 16: a full disk is an environment error (exit 2, "no space
left", the old file kept); temporary files do not outlive signals; modes and links of output
files are treated like any other tool does."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claims import atomic
from claims.errors import ExitCode
from conftest import ARTICLE, Run, write

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes and signals")


def _disk_full(fd: int) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("target", ["report.json", "claims-baseline.json"])
def test_full_disk_is_exit_2_with_the_path_and_the_old_file_stays(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    write(tmp_path / "corpus" / "a.txt", ARTICLE)
    content = '{"version": 1, "findings": []}\n' if "baseline" in target else "old content\n"
    old = write(tmp_path / target, content)
    monkeypatch.setattr(atomic.os, "fsync", _disk_full)
    if target == "report.json":
        result = run("analyze", tmp_path / "corpus", "-o", old)
    else:
        result = run("check", tmp_path / "corpus", "--baseline", old, "--update-baseline")
    assert result.exit_code == int(ExitCode.USAGE_ERROR), result.stderr
    assert f"{old}: no space left" in result.stderr
    assert "internal error" not in result.stderr
    assert old.read_text(encoding="utf-8") == content
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["corpus", target])


@posix_only
def test_new_files_honour_the_umask_and_existing_ones_keep_their_mode(tmp_path: Path) -> None:
    old_mask = os.umask(0o027)
    try:
        atomic.write_text_atomic(tmp_path / "new.txt", "x")
        kept = write(tmp_path / "kept.txt", "old")
        kept.chmod(0o664)
        atomic.write_text_atomic(kept, "new")
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640
    assert stat.S_IMODE(kept.stat().st_mode) == 0o664
    assert kept.read_text(encoding="utf-8") == "new"


@posix_only
def test_an_output_symlink_is_written_through(tmp_path: Path, run: Run) -> None:
    write(tmp_path / "corpus" / "a.txt", ARTICLE)
    real = write(tmp_path / "reports" / "latest.json", "{}")
    link = tmp_path / "report.json"
    link.symlink_to(real)
    result = run("analyze", tmp_path / "corpus", "-o", link)
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert '"schema_version"' in real.read_text(encoding="utf-8")


@posix_only
def test_stale_temporary_files_of_dead_processes_are_removed(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = write(tmp_path / f".report.json.{dead.pid}.abc123.tmp", "half")
    alive = write(tmp_path / f".report.json.{os.getppid()}.def456.tmp", "someone else's")
    other = write(tmp_path / f".other.json.{dead.pid}.abc123.tmp", "another target's")
    atomic.write_text_atomic(tmp_path / "report.json", "{}")
    assert not stale.exists()
    assert alive.exists() and other.exists()


@posix_only
def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    script = (
        "import sys, time\n"
        "from claims.cli import _install_signal_handlers\n"
        "from claims.atomic import write_chunks_atomic\n"
        "_install_signal_handlers()\n"
        "def chunks():\n"
        "    yield 'a'\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
        "    yield 'b'\n"
        f"write_chunks_atomic(__import__('pathlib').Path({str(target)!r}), chunks())\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    assert process.stdout is not None
    assert process.stdout.readline() == b"writing\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    process.send_signal(signal.SIGTERM)
    started = time.monotonic()
    assert process.wait(timeout=30) == 128 + signal.SIGTERM
    assert time.monotonic() - started < 30
    assert list(tmp_path.iterdir()) == []


def _writer_stopped_mid_write(target: Path) -> subprocess.Popen[bytes]:
    """A process of ours that has begun an atomic write to ``target`` and waits."""
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from claims.cli import _install_signal_handlers\n"
        "from claims.atomic import write_chunks_atomic\n"
        "_install_signal_handlers()\n"
        "def chunks():\n"
        "    yield 'half a report'\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
        "    yield 'b'\n"
        f"write_chunks_atomic(Path({str(target)!r}), chunks())\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    assert process.stdout is not None
    assert process.stdout.readline() == b"writing\n"
    return process


@posix_only
@pytest.mark.parametrize("name", ["SIGHUP", "SIGINT"])
def test_other_signals_during_a_write_leave_no_temporary_file(tmp_path: Path, name: str) -> None:
    target = tmp_path / "out.txt"
    process = _writer_stopped_mid_write(target)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    process.send_signal(getattr(signal, name))
    process.wait(timeout=30)
    assert list(tmp_path.iterdir()) == []


@posix_only
@pytest.mark.parametrize("target", ["report.json", "claims-baseline.json", "claims.sarif"])
def test_the_next_write_removes_the_temporary_file_of_a_killed_run(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "corpus" / "a.txt", ARTICLE)
    process = _writer_stopped_mid_write(tmp_path / target)
    process.kill()  # SIGKILL: no handler runs, the temporary file stays behind
    process.wait(timeout=30)
    [stale] = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert stale.name.startswith(f".{target}.{process.pid}.")
    unrelated = write(tmp_path / f".{target}.notes.tmp", "not ours: no process id")
    if target == "claims-baseline.json":
        result = run("check", "corpus", "--update-baseline")
    elif target == "claims.sarif":
        result = run("check", "corpus", "-o", target)
    else:
        result = run("analyze", "corpus", "-o", target)
    assert result.exit_code in (0, 1), result.stderr
    assert not stale.exists()
    assert unrelated.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["corpus", target, unrelated.name])


@posix_only
@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_cli_outputs_honour_the_umask_and_keep_an_existing_mode(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch, umask: int
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "corpus" / "a.txt", ARTICLE)
    old_mask = os.umask(umask)
    try:
        outputs = {
            "report.md": run("analyze", "corpus", "-o", "report.md"),
            "claims-baseline.json": run("check", "corpus", "--update-baseline"),
            "claims.sarif": run("check", "corpus", "-o", "claims.sarif"),
        }
        for name, result in outputs.items():
            assert result.exit_code in (0, 1), result.stderr
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o666 & ~umask, name
        (tmp_path / "claims-baseline.json").chmod(0o664)  # a mode the reviewer chose
        assert run("check", "corpus", "--update-baseline").exit_code == 0
        assert stat.S_IMODE((tmp_path / "claims-baseline.json").stat().st_mode) == 0o664
    finally:
        os.umask(old_mask)
