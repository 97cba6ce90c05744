"""Atomic file writes: a report is either complete or not there at all."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from claims.errors import OutputError


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename."""
    write_chunks_atomic(path, (text,))


def write_chunks_atomic(path: Path, chunks: Iterable[str]) -> None:
    """Write the pieces of a text to ``path`` as they come, then rename the finished file.

    Until the rename nothing is at ``path``; on any error (or an interrupt) the temporary
    file is removed, so a reader sees the whole old file or the whole new one. A target that
    exists and is not a regular file (``/dev/null``, a named pipe) is written in place: a
    rename would replace the device or pipe itself.
    """
    if _special(path):
        _write_in_place(path, chunks)
        return
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(
            "the output folder does not exist",
            path=str(path),
            hint=f"create {folder} first or choose another -o path",
        )
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(
            f"cannot write to the output folder ({exc.strerror})",
            path=str(path),
            hint="check the folder's permissions or choose another -o path",
        ) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _special(path: Path) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _write_in_place(path: Path, chunks: Iterable[str]) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            for chunk in chunks:
                handle.write(chunk)
    except OSError as exc:
        raise OutputError(
            f"cannot write the report ({exc.strerror})",
            path=str(path),
            hint="check the permissions or choose another -o path",
        ) from exc
