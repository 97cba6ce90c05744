"""Finding article files: recursion, sorting, hidden files, bad paths."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest

from claims.ingest import discover
from claims.models import ErrorRecord


def _touch(path: Path, text: str = "Titel eines Artikels\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_directories_are_searched_recursively_sorted_hidden_skipped(tmp_path: Path) -> None:
    _touch(tmp_path / "b.txt")
    _touch(tmp_path / "a.md")
    _touch(tmp_path / "sub" / "c.jsonl", '{"text": "x"}\n')
    _touch(tmp_path / "sub" / "deeper" / "a.txt")
    _touch(tmp_path / ".hidden.txt")
    _touch(tmp_path / ".git" / "x.txt")
    _touch(tmp_path / "sub" / ".cache" / "y.md")
    _touch(tmp_path / "notes.pdf")
    _touch(tmp_path / "README.rst")
    found = list(discover([tmp_path]))
    assert found == [
        tmp_path / "a.md",
        tmp_path / "b.txt",
        tmp_path / "sub" / "c.jsonl",
        tmp_path / "sub" / "deeper" / "a.txt",
    ]


def test_order_is_by_path_string_and_stable(tmp_path: Path) -> None:
    for name in ["z.txt", "A.txt", "m/1.txt", "m.txt", "10.txt", "9.txt"]:
        _touch(tmp_path / name)
    first = [str(p) for p in discover([tmp_path])]
    assert first == sorted(first)
    assert first == [str(p) for p in discover([str(tmp_path)])]


def test_explicit_file_is_taken_whatever_its_suffix(tmp_path: Path) -> None:
    article = _touch(tmp_path / "article.text")
    assert list(discover([article])) == [article]


def test_explicit_hidden_directory_is_searched(tmp_path: Path) -> None:
    article = _touch(tmp_path / ".corpus" / "a.txt")
    assert list(discover([tmp_path / ".corpus"])) == [article]


def test_nonexistent_path_is_an_error_record(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    (record,) = list(discover([missing]))
    assert isinstance(record, ErrorRecord)
    assert record.code == "not-found"
    assert record.path == str(missing)
    assert "no such file or directory" in record.message


def test_directory_without_articles(tmp_path: Path) -> None:
    _touch(tmp_path / "empty" / "image.png")
    _touch(tmp_path / "empty" / ".hidden.txt")
    (record,) = list(discover([tmp_path / "empty"]))
    assert isinstance(record, ErrorRecord)
    assert record.code == "no-articles"
    assert record.path == str(tmp_path / "empty")


def test_errors_do_not_stop_the_other_paths(tmp_path: Path) -> None:
    article = _touch(tmp_path / "a.txt")
    found = list(discover([tmp_path / "missing", article]))
    assert isinstance(found[0], ErrorRecord)
    assert found[1] == article


def test_same_file_twice_is_yielded_once(tmp_path: Path) -> None:
    article = _touch(tmp_path / "a.txt")
    assert list(discover([tmp_path, article])) == [article]


def test_a_bare_path_is_one_path(tmp_path: Path) -> None:
    article = _touch(tmp_path / "a.txt")
    assert list(discover(str(article))) == [article]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_special_files_are_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (record,) = list(discover([fifo]))
    assert isinstance(record, ErrorRecord)
    assert record.code == "not-a-file"


def test_files_are_checked_as_the_walk_reaches_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first article comes before the other files are checked (a large archive does not
    wait for a check of every file), in the same order."""
    module = importlib.import_module("claims.ingest.discover")
    names = ["a.txt", "b.md", "c.txt", "d.txt"]
    for name in names:
        _touch(tmp_path / name)
    checked: list[str] = []
    check = module._check_file

    def spy(path: Path, root: str, follow: bool) -> object:
        checked.append(path.name)
        return check(path, root, follow)

    monkeypatch.setattr(module, "_check_file", spy)
    walk = discover([tmp_path])
    first = next(walk)
    assert checked == ["a.txt"]
    assert [p.name for p in [first, *walk] if isinstance(p, Path)] == names
    assert checked == names
