"""Points 2, 3, 7 and 8 of issue 16: the cache never hides a change or a fixed file, the
tool's own outputs are not read back as articles, links leaving the folder and pipes are not
followed."""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

import pytest

from claims.ingest import Skipped, load_articles
from claims.models import Article, ErrorRecord
from conftest import ARTICLE, OTHER, Run, statements_of, write

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file kinds")


# -- 2: the file cache is keyed on content and never stores a read error -------------------


def test_edit_keeping_size_and_mtime_is_seen_by_the_cache(tmp_path: Path, run: Run) -> None:
    article = write(tmp_path / "corpus" / "a.txt", ARTICLE)
    stat = article.stat()
    first = statements_of(run("quotes", tmp_path / "corpus", "--format", "json"))
    assert any("Soldaten" in s["text"] for s in first)
    # same length, same mtime (what `cp -p`, `rsync -a` or `touch -d` leave)
    edited = ARTICLE.replace("Soldaten", "Panzerxx")
    assert len(edited.encode()) == len(ARTICLE.encode())
    article.write_text(edited, encoding="utf-8")
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    second = statements_of(run("quotes", tmp_path / "corpus", "--format", "json"))
    assert any("Panzerxx" in s["text"] for s in second)
    assert not any("Soldaten" in s["text"] for s in second)


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root reads unreadable files"
)
def test_unreadable_file_is_read_once_permissions_are_fixed(tmp_path: Path, run: Run) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "b.txt", OTHER)
    locked = write(corpus / "a.txt", ARTICLE)
    locked.chmod(0)
    try:
        result = run("quotes", corpus, "--format", "json")
        assert "a.txt" in result.stderr and "unreadable" in result.stderr
    finally:
        locked.chmod(0o644)
    again = run("quotes", corpus, "--format", "json")
    assert "unreadable" not in again.stderr
    assert {Path(a["path"]).name for a in json.loads(again.stdout)["articles"]} == {
        "a.txt",
        "b.txt",
    }


# -- 3: the tool's own outputs are not articles --------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("json", "report.txt"),
        ("jsonl", "report.jsonl"),
        ("markdown", "report.md"),
        ("table", "report.txt"),
    ],
)
def test_a_report_in_the_corpus_folder_is_not_read_back(
    tmp_path: Path, run: Run, fmt: str, name: str
) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", ARTICLE)
    before = statements_of(run("quotes", corpus, "--format", "json"))
    written = run("analyze", corpus, "--format", fmt, "-o", corpus / name)
    assert written.exit_code == 0, written.stderr
    again = run("quotes", corpus, "--format", "json")
    assert statements_of(again) == before
    assert f"{name}: a claims" in again.stderr and "skipped" in again.stderr


def test_baseline_and_sarif_in_the_corpus_folder_are_not_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", ARTICLE)
    write(corpus / "base.txt", json.dumps({"version": 1, "findings": []}, indent=2))
    fingerprint = {"fingerprint": "v1:abc", "rule_id": "CC001"}
    write(corpus / "base2.md", json.dumps({"version": 1, "findings": [fingerprint]}, indent=2))
    sarif = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0"}
    write(corpus / "scan.txt", json.dumps(sarif, indent=2))
    items = list(load_articles([corpus]))
    assert [Path(i.path).name for i in items if isinstance(i, Article)] == ["a.txt"]
    skipped = {Path(i.path).name for i in items if isinstance(i, Skipped)}
    assert skipped == {"base.txt", "base2.md", "scan.txt"}


def test_an_article_that_quotes_json_is_still_an_article(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", '{"schema_version": "2", "note": "kein Bericht"}\n\n' + ARTICLE)
    items = list(load_articles([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Article"]


# -- 7: symbolic links leaving the folder ---------------------------------------------------


@posix_only
def test_symlink_out_of_the_folder_is_not_followed(tmp_path: Path, run: Run) -> None:
    secret = write(tmp_path / "secret" / "passwd.txt", "root:x:0:0:root:/root:/bin/bash\n")
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", ARTICLE)
    (corpus / "x.txt").symlink_to(secret)
    (corpus / "outside").symlink_to(secret.parent, target_is_directory=True)
    (corpus / "inside.txt").symlink_to(corpus / "a.txt")  # stays inside: fine (same file)
    result = run("analyze", corpus, "--format", "json", "--include-text")
    assert result.exit_code == 0, result.stderr
    assert "root:x" not in result.stdout
    assert [Path(a["path"]).name for a in json.loads(result.stdout)["articles"]] == ["a.txt"]
    assert "x.txt: symbolic link to a place outside the folder; not followed" in result.stderr
    allowed = run("analyze", corpus, "--format", "json", "--follow-symlinks")
    assert "root:x" in allowed.stdout


# -- 8: named pipes and devices -------------------------------------------------------------


@posix_only
@pytest.mark.parametrize("command", ["analyze", "check", "validate", "quotes"])
def test_a_fifo_in_the_folder_does_not_block(tmp_path: Path, run: Run, command: str) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", ARTICLE)
    os.mkfifo(corpus / "pipe.txt")
    outcome: list[object] = []
    worker = threading.Thread(target=lambda: outcome.append(run(command, corpus)), daemon=True)
    worker.start()
    worker.join(timeout=120)
    if worker.is_alive():  # unblock the reader so the test process can end
        with open(corpus / "pipe.txt", "w"):
            pass
        pytest.fail(f"claims {command} blocked on a named pipe")
    result = outcome[0]
    assert "pipe.txt: not a regular file but a named pipe" in result.stderr  # type: ignore[attr-defined]


@posix_only
def test_a_fifo_named_explicitly_and_a_device_are_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    items = list(load_articles([tmp_path / "pipe.txt", "/dev/zero"]))
    assert all(isinstance(i, ErrorRecord) and i.code == "not-a-file" for i in items)
    assert "named pipe" in items[0].message and "device" in items[1].message  # type: ignore[union-attr]
