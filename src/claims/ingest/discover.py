"""Finding article files: explicit files as given, directories searched recursively.

A corpus folder is untrusted input, so a directory walk takes only what is plainly an article
of that folder:

* regular files only: a named pipe, socket or device with an article suffix is reported (it
  would block or never end), never opened;
* symbolic links are followed only while they stay inside the folder given (``ln -s
  /etc/passwd x.txt`` is skipped with a note) unless ``follow_symlinks`` allows it;
* the tool's own outputs (reports, baselines, SARIF; see :mod:`own_output`) are skipped with a
  note, so a report written into the corpus folder is not analysed on the next run.

A file named explicitly is taken whatever its suffix (as linters do), and a link named
explicitly is followed: the user chose it.
"""

from __future__ import annotations

import itertools
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from claims.ingest.common import ARTICLE_SUFFIXES
from claims.ingest.own_output import HEAD_BYTES, own_output_kind
from claims.models import ErrorRecord
from claims.safeio import file_kind, read_regular


@dataclass(frozen=True)
class Skipped:
    """A file a directory walk left out on purpose, with the reason (shown as a warning)."""

    path: str
    reason: str


Found = Path | ErrorRecord | Skipped


def is_hidden(name: str) -> bool:
    return name.startswith(".") and name not in (".", "..")


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def not_regular(path: Path, mode: int) -> ErrorRecord:
    return ErrorRecord(
        path=str(path),
        code="not-a-file",
        message=f"not a regular file but a {file_kind(mode)}; not read"
        " — pass article files or directories",
    )


def _walk(directory: Path, follow_symlinks: bool) -> Iterator[Found]:
    """Article files below ``directory``, hidden files and folders skipped, sorted by path.

    Each file is checked (:func:`_check_file`: its real place, kind and first bytes) only when
    it is reached: the first article is read without checking every file of a large archive
    first, in the order a check of them all before sorting gives (a check keeps the path)."""
    root = os.path.realpath(directory)
    visited: set[str] = {root}
    found: list[Path | Skipped] = []
    for folder, dirs, files in os.walk(directory, followlinks=follow_symlinks):
        kept = []
        for name in sorted(dirs):
            if is_hidden(name):
                continue
            full = os.path.join(folder, name)
            real = os.path.realpath(full)
            if os.path.islink(full) and not follow_symlinks:
                if not _inside(real, root):
                    found.append(Skipped(full, _LINK_NOTE))
                continue  # a link inside the folder: its files are found anyway
            if real in visited:
                continue  # a link loop or a second way to the same folder
            visited.add(real)
            kept.append(name)
        dirs[:] = kept
        for name in files:
            if is_hidden(name) or not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            found.append(Path(folder) / name)
    for item in sorted(found, key=lambda item: str(item if isinstance(item, Path) else item.path)):
        yield _check_file(item, root, follow_symlinks) if isinstance(item, Path) else item


_LINK_NOTE = (
    "symbolic link to a place outside the folder; not followed"
    " (pass it by name or use --follow-symlinks to read it)"
)


def _check_file(path: Path, root: str, follow_symlinks: bool) -> Found:
    try:
        if not follow_symlinks and not _inside(os.path.realpath(path), root):
            return Skipped(str(path), _LINK_NOTE)
        mode = os.stat(path).st_mode
    except OSError:
        return path  # a dangling link or a vanished file: reading it reports why
    if not stat.S_ISREG(mode):
        return not_regular(path, mode)
    try:
        kind = own_output_kind(read_regular(path, HEAD_BYTES))
    except OSError:
        return path  # unreadable: reading it reports why
    if kind is not None:
        return Skipped(str(path), f"{kind}, not an article; skipped")
    return path


def _through_first_article(walk: Iterator[Found]) -> Iterator[Found]:
    """What ``walk`` finds up to and with its first article file (all of it when none)."""
    for item in walk:
        yield item
        if isinstance(item, Path):
            return


def discover(
    paths: Sequence[str | Path], *, follow_symlinks: bool = False
) -> Iterator[Path | ErrorRecord | Skipped]:
    """Article files under ``paths`` in a deterministic order, or an ErrorRecord per bad path
    and a :class:`Skipped` note per file a directory walk leaves out (see the module).

    A file named explicitly is taken whatever its suffix (as linters do); a directory yields its
    ``.txt``, ``.md`` and ``.jsonl`` files. The same file reached twice is yielded once.
    """
    if isinstance(paths, (str, Path)):  # one path given bare, not a list of its characters
        paths = [paths]
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        files: Iterable[Found]
        if path.is_dir():
            walk = _walk(path, follow_symlinks)
            head = list(_through_first_article(walk))
            files = itertools.chain(head, walk)
            if not head or not isinstance(head[-1], Path):
                yield ErrorRecord(
                    path=str(path),
                    code="no-articles",
                    message="no article files (.txt, .md, .jsonl) in this directory"
                    " — pass a directory that holds articles",
                )
        elif path.is_file():
            files = [path]
        elif path.exists():
            yield not_regular(path, path.stat().st_mode)
            continue
        else:
            yield ErrorRecord(
                path=str(path),
                code="not-found",
                message="no such file or directory — check the path",
            )
            continue
        for file in files:
            if not isinstance(file, Path):
                yield file
                continue
            key = os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                yield file
