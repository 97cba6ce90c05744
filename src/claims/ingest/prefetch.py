"""Reading and cleaning articles in a second process while ``--jobs N`` starts its workers.

A pool run spends about a second before its workers exist (importing spaCy, building the
pipeline, reading the word tables) with one core idle, and afterwards the parent's reading and
cleaning (≈ 0.3 s per 850 articles) takes CPU from the workers. :func:`read_ahead` forks a
reader before any of that: it walks, reads, decodes and cleans the files on the idle core and
hands its results over through an unlinked temporary file (a token per result on a pipe says
that one is complete), so the parent only unpickles them.

The stream is the one :func:`~claims.ingest.loader.load_articles` gives: the parent looks up
and fills the file memo itself (a text file's results as the memo has them, else as the reader
made them, then remembered) and marks duplicates, so the cache and its warnings stay in one
process. The reader writes nothing else and ends with ``os._exit``; an exception in it is raised
in the parent at the same point of the stream, and the reader is stopped when the stream is
closed early. Read-ahead is bounded by the pipe (one byte per result).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import signal
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claims.ingest.loader import (
    FileMemo,
    LoadResult,
    articles_from_bytes,
    file_results,
    read_article_bytes,
    without_duplicates,
)
from claims.models import Article, ErrorRecord


@dataclass(frozen=True)
class _Cleaned:
    """A text file's results as the reader made them, with the digest of its bytes."""

    path: Path
    digest: str
    results: list[Article | ErrorRecord]


@dataclass(frozen=True)
class _End:
    """The reader's last item: every result was sent."""


@dataclass(frozen=True)
class _Failed:
    """The reader stopped on an exception (raised again in the parent)."""

    error: BaseException


def fork_available() -> bool:
    return hasattr(os, "fork")


def read_ahead(
    paths: Sequence[str | Path],
    *,
    max_bytes: int,
    memo: FileMemo | None,
    follow_symlinks: bool = False,
) -> Iterator[LoadResult]:
    """``load_articles(paths, ...)``, read and cleaned in a forked reader process."""
    items = _from_reader(lambda: file_results(paths, max_bytes, follow_symlinks, _clean))
    return without_duplicates(_remembered(items, memo))


def _clean(path: Path, max_bytes: int) -> list[ErrorRecord | _Cleaned]:
    data = read_article_bytes(path, max_bytes)
    if isinstance(data, ErrorRecord):
        return [data]  # a read error is never remembered
    return [_Cleaned(path, hashlib.sha256(data).hexdigest(), articles_from_bytes(path, data))]


def _remembered(items: Iterable[Any], memo: FileMemo | None) -> Iterator[Any]:
    """The reader's results, a text file's as the memo has them (see ``loader._remembered``)."""
    for item in items:
        if not isinstance(item, _Cleaned):
            yield item
            continue
        results = item.results
        if memo is not None:
            stored = memo.get(item.path, item.digest)
            if stored is None:
                memo.put(item.path, item.digest, results)
            else:
                results = stored
        yield from results


def _from_reader(produce: Any) -> Iterator[Any]:
    """The items of ``produce()``, run in a forked process, in order."""
    handle, name = tempfile.mkstemp(prefix="claims-read-")
    tokens, signal_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the reader: never returns into the caller's stack
        os.close(tokens)
        _reader(produce, handle, signal_end)
    os.close(signal_end)
    try:
        with open(name, "rb") as results:
            os.close(handle)
            os.unlink(name)  # gone from the folder; alive while either side holds it
            yield from _received(results, tokens)
    finally:
        os.close(tokens)
        _stop(pid)


def _reader(produce: Any, handle: int, tokens: int) -> None:
    status = 0
    try:
        for name in ("SIGINT", "SIGTERM", "SIGHUP"):  # end at once: the parent reports it
            number = getattr(signal, name, None)  # (and its handlers clean up its files)
            if number is not None:
                signal.signal(number, signal.SIG_DFL)
        with open(handle, "wb") as out:
            try:
                for item in produce():
                    pickle.dump(item, out, pickle.HIGHEST_PROTOCOL)
                    out.flush()
                    os.write(tokens, b".")
                pickle.dump(_End(), out)
            except Exception as exc:
                status = 1
                try:
                    pickle.dump(_Failed(exc), out, pickle.HIGHEST_PROTOCOL)
                except Exception:
                    pickle.dump(_Failed(RuntimeError(f"article reader: {exc!r}")), out)
            out.flush()
            os.write(tokens, b".")
    finally:
        os._exit(status)


def _received(results: Any, tokens: int) -> Iterator[Any]:
    while True:
        ready = os.read(tokens, 65536)
        if not ready:
            raise RuntimeError("the article reader process ended without its results")
        for _ in range(len(ready)):
            item = pickle.load(results)
            if isinstance(item, _Failed):
                raise item.error
            if isinstance(item, _End):
                return
            yield item


def _stop(pid: int) -> None:
    """End the reader (done, or no longer needed) and collect it."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
