"""Finding article files: explicit files as given, directories searched recursively."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from claims.ingest.common import ARTICLE_SUFFIXES
from claims.models import ErrorRecord


def is_hidden(name: str) -> bool:
    return name.startswith(".") and name not in (".", "..")


def _walk(directory: Path) -> list[Path]:
    """Article files below ``directory``, hidden files and folders skipped, sorted by path."""
    found: list[Path] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not is_hidden(d)]
        for name in files:
            if not is_hidden(name) and name.lower().endswith(ARTICLE_SUFFIXES):
                found.append(Path(root) / name)
    return sorted(found, key=str)


def discover(paths: Sequence[str | Path]) -> Iterator[Path | ErrorRecord]:
    """Article files under ``paths`` in a deterministic order, or an ErrorRecord per bad path.

    A file named explicitly is taken whatever its suffix (as linters do); a directory yields its
    ``.txt``, ``.md`` and ``.jsonl`` files. The same file reached twice is yielded once.
    """
    if isinstance(paths, (str, Path)):  # one path given bare, not a list of its characters
        paths = [paths]
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = _walk(path)
            if not files:
                yield ErrorRecord(
                    path=str(path),
                    code="no-articles",
                    message="no article files (.txt, .md, .jsonl) in this directory"
                    " — pass a directory that holds articles",
                )
        elif path.is_file():
            files = [path]
        elif path.exists():
            yield ErrorRecord(
                path=str(path),
                code="not-a-file",
                message="not a regular file or directory — pass article files or directories",
            )
            continue
        else:
            yield ErrorRecord(
                path=str(path),
                code="not-found",
                message="no such file or directory — check the path",
            )
            continue
        for file in files:
            key = os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                yield file
