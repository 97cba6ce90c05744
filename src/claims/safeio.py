"""Opening input files safely: only regular files, never blocking on a pipe or a device.

A named pipe (FIFO) in a corpus folder would block a plain ``open`` forever, and ``/dev/zero``
would be read without end; both are refused here with an :class:`NotRegularFile` error.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class NotRegularFile(OSError):
    """The path names a pipe, socket, device or folder, not a regular file."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"not a regular file but a {kind}")
        self.kind = kind
        self.strerror = f"not a regular file but a {kind}"


def file_kind(mode: int) -> str:
    """A word for the kind of file ``mode`` (from ``stat``) describes."""
    if stat.S_ISREG(mode):
        return "regular file"
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """Open ``path`` for reading in binary mode if it is a regular file.

    The file is opened without blocking (a FIFO opens at once instead of waiting for a writer)
    and checked with ``fstat`` on the open descriptor, so a file swapped for a pipe between a
    check and the open is still refused. Raises :class:`NotRegularFile` or another ``OSError``.
    """
    fd = os.open(path, _FLAGS)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(file_kind(mode))
        if _FLAGS & getattr(os, "O_NONBLOCK", 0) and hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """Up to ``limit`` bytes of a regular file (see :func:`open_regular`)."""
    with open_regular(path) as handle:
        return handle.read(limit)
