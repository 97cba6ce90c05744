"""read_ahead: the stream of load_articles, read and cleaned in a forked reader process."""

from __future__ import annotations

import os
from collections.abc import Generator
from pathlib import Path
from typing import cast

import pytest

from claims.ingest import load_articles, prefetch
from claims.ingest.prefetch import read_ahead
from claims.models import Article, ErrorRecord

pytestmark = pytest.mark.skipif(not prefetch.fork_available(), reason="needs os.fork")

TEXT = (
    "Minister lehnt Kriegseintritt ab\n"
    "\n"
    "Der Außenminister sagte am Montag, dass sein Land keine Soldaten in den Krieg schicken "
    "werde. Er betonte, man unterstütze die Nachbarn nur mit Worten und nicht mit Waffen.\n"
)


def _corpus(root: Path) -> Path:
    """Text, Markdown and JSONL articles, a duplicate, bad lines, a file over the limit."""
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "b.md").write_text("# Titel\n\n" + TEXT.replace("Montag", "Dienstag"), "utf-8")
    (root / "sub" / "copy.txt").write_text(TEXT, encoding="utf-8")
    (root / "sub" / "big.txt").write_text(TEXT * 50, encoding="utf-8")
    (root / "c.jsonl").write_text(
        '{"text": "' + TEXT.replace("\n", "\\n").replace("Montag", "Freitag") + '"}\n'
        "not json\n"
        '{"title": "no text"}\n',
        encoding="utf-8",
    )
    (root / "cp1252.txt").write_bytes(TEXT.replace("Montag", "Mittwoch").encode("cp1252"))
    (root / "notes.csv").write_text("a,b\n", encoding="utf-8")
    return root


class _Memo:
    """A file memo in a dict (what the cache stores, keyed the same way)."""

    def __init__(self) -> None:
        self.stored: dict[tuple[Path, str], list[Article | ErrorRecord]] = {}
        self.calls: list[str] = []

    def get(self, path: Path, digest: str) -> list[Article | ErrorRecord] | None:
        self.calls.append(f"get {path.name}")
        return self.stored.get((path, digest))

    def put(self, path: Path, digest: str, results: list[Article | ErrorRecord]) -> None:
        self.calls.append(f"put {path.name}")
        self.stored[(path, digest)] = results


def test_the_same_stream_as_load_articles(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    paths = [root, tmp_path / "missing.txt"]
    expected = list(load_articles(paths, max_bytes=2000))
    assert len(expected) >= 8
    assert list(read_ahead(paths, max_bytes=2000, memo=None)) == expected


def test_the_memo_is_asked_and_filled_in_the_parent(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    here, ahead = _Memo(), _Memo()
    expected = list(load_articles([root], max_bytes=2000, memo=here))
    assert list(read_ahead([root], max_bytes=2000, memo=ahead)) == expected
    assert ahead.calls == here.calls and ahead.stored == here.stored
    # a second run takes the remembered results (not what the reader made of the bytes)
    (key, results), *_ = ahead.stored.items()
    marked = [r.model_copy(update={"title": "remembered"}) for r in results]
    ahead.stored[key] = list(marked)
    again = list(read_ahead([root], max_bytes=2000, memo=ahead))
    assert any(isinstance(r, Article) and r.title == "remembered" for r in again)


def test_an_error_in_the_reader_is_raised_where_it_happened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _corpus(tmp_path)
    clean = prefetch.articles_from_bytes

    def failing(path: Path, data: bytes) -> list[Article | ErrorRecord]:
        if path.name == "b.md":
            raise ValueError("a bug in cleaning")
        return clean(path, data)

    monkeypatch.setattr(prefetch, "articles_from_bytes", failing)
    stream = read_ahead([root], max_bytes=2000, memo=None)
    first = next(stream)
    assert isinstance(first, Article) and first.path.endswith("a.txt")
    with pytest.raises(ValueError, match="a bug in cleaning"):
        list(stream)


def test_a_stream_closed_early_ends_the_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _corpus(tmp_path)
    stopped: list[int] = []
    stop = prefetch._stop

    def recorded(pid: int) -> None:
        stopped.append(pid)
        stop(pid)

    monkeypatch.setattr(prefetch, "_stop", recorded)
    stream = read_ahead([root], max_bytes=2000, memo=None)
    next(stream)
    cast(Generator[object, None, None], stream).close()
    assert len(stopped) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(stopped[0], os.WNOHANG)  # ended and collected: no process left behind
