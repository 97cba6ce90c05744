"""Points 15 and 16 of issue 16: UTF-16 without BOM, stray NUL bytes, a corrupt cache found
mid-run, data files that are pipes or devices, and SARIF paths."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from claims.cache import DB_NAME
from claims.errors import ExitCode
from claims.report.sarif import artifact_uri
from conftest import ARTICLE, Run, write


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_with_a_warning(tmp_path: Path, run: Run, codec: str) -> None:
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode(codec))
    result = run("quotes", tmp_path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["errors"] == []
    assert any("Soldaten" in s["text"] for s in data["statements"])
    assert "decoded as utf-16 (no byte order mark)" in result.stderr


def test_a_nul_byte_is_treated_alike_in_txt_and_jsonl(tmp_path: Path, run: Run) -> None:
    text = ARTICLE.replace("Minsk", "Minsk\x00")
    (tmp_path / "a.txt").write_bytes(text.encode())
    write(tmp_path / "b.jsonl", json.dumps({"text": text.replace("Minsk", "Brest")}) + "\n")
    result = run("quotes", tmp_path, "--format", "json")
    data = json.loads(result.stdout)
    assert data["errors"] == [], data["errors"]
    assert sorted(a["title"] for a in data["articles"]) == [
        "Gespräche in Brest",
        "Gespräche in Minsk",
    ]


def test_cache_corruption_found_mid_run_is_warned_about(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("CLAIMS_CACHE_DIR", str(cache))
    write(tmp_path / "corpus" / "a.txt", ARTICLE)
    assert run("quotes", tmp_path / "corpus").exit_code == 0
    # damage the pages of the database after the header: it opens, then fails on reading
    db = cache / DB_NAME
    for extra in ("-wal", "-shm"):
        Path(str(db) + extra).unlink(missing_ok=True)
    data = bytearray(db.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)
    db.write_bytes(bytes(data))
    result = run("quotes", tmp_path / "corpus", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "was unreadable" in result.stderr and "moved it to" in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero")
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_kb_that_is_a_pipe_or_device_says_so(tmp_path: Path, run: Run, kind: str) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    if kind == "fifo":
        kb = tmp_path / "kb.yaml"
        os.mkfifo(kb)
    else:
        kb = Path("/dev/zero")
    result = run("analyze", tmp_path / "a.txt", "--kb", kb)
    assert result.exit_code == int(ExitCode.USAGE_ERROR)
    word = "named pipe" if kind == "fifo" else "device"
    assert f"{kb}: not a regular file but a {word}" in result.stderr


@pytest.mark.skipif(os.name == "nt", reason="a backslash separates folders on Windows")
def test_sarif_keeps_backslashes_in_names_and_resolves_dot_segments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert artifact_uri("corpus/back\\slash.txt") == "corpus/back%5Cslash.txt"
    assert artifact_uri("./corpus/../corpus/a b.txt") == "corpus/a%20b.txt"
    monkeypatch.chdir(tmp_path)
    outside = artifact_uri("../elsewhere/a.txt")
    assert outside == "file://" + (tmp_path.parent / "elsewhere" / "a.txt").as_posix()


@pytest.mark.parametrize("given", [False, True], ids=["default", "--baseline"])
@pytest.mark.parametrize("update", [False, True], ids=["check", "update"])
def test_a_baseline_that_is_a_directory_is_an_error_naming_it(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch, given: bool, update: bool
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "corpus" / "a.txt", ARTICLE)
    (tmp_path / "claims-baseline.json").mkdir()
    args = ["check", "corpus"]
    args += ["--baseline", "claims-baseline.json"] if given else []
    args += ["--update-baseline"] if update else []
    result = run(*args)
    assert result.exit_code == int(ExitCode.USAGE_ERROR), result.output
    assert "claims-baseline.json" in result.stderr and "is a directory" in result.stderr
    assert "claims check passed" not in result.output
    assert (tmp_path / "claims-baseline.json").is_dir()
    assert list((tmp_path / "claims-baseline.json").iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, /dev/zero and symbolic links")
@pytest.mark.parametrize("kind", ["fifo", "device", "dangling-link"])
def test_a_default_baseline_that_is_no_readable_file_is_an_error(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "corpus" / "a.txt", ARTICLE)
    baseline = tmp_path / "claims-baseline.json"
    if kind == "fifo":
        os.mkfifo(baseline)  # would block a plain open forever
    elif kind == "device":
        baseline.symlink_to("/dev/zero")  # would be read without end
    else:
        baseline.symlink_to(tmp_path / "moved-away.json")
    result = run("check", "corpus")
    assert result.exit_code == int(ExitCode.USAGE_ERROR), result.output
    message = {
        "fifo": "cannot read baseline (not a regular file but a named pipe)",
        "device": "cannot read baseline (not a regular file but a device)",
        "dangling-link": "baseline file not found",
    }[kind]
    assert f"claims-baseline.json: {message}" in result.stderr
