"""Atomic file writes: a report is either complete or not there at all.

The text goes to a temporary file beside the target (``.NAME.PID.XXXX.tmp``), is flushed to
disk and renamed over the target. Like any other tool:

* a new file gets the mode the umask allows (0644 with the usual umask), an existing file keeps
  its mode;
* a target that is a symbolic link is written through: the file it points to is replaced, the
  link stays;
* a full disk (or quota) is an :class:`OutputError` with the path and "no space left" (exit 2),
  and the old file stays as it was;
* the temporary file is removed on any error, on Ctrl-C and on SIGTERM (the CLI turns SIGTERM
  into an exception, see :mod:`claims.cli`); one left by a process killed with SIGKILL is
  removed by the next write to the same target, once its process is gone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from claims.errors import OutputError

_SPACE_ERRORS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG})


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
    shown = str(path)
    path = _through_links(path)
    if _special(path):
        _write_in_place(path, chunks, shown)
        return
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(
            "the output folder does not exist",
            path=shown,
            hint=f"create {folder} first or choose another -o path",
        )
    remove_stale_temporaries(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=_prefix(path), suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _write_error(exc, shown, "cannot write to the output folder") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            with _writing(shown):
                os.chmod(tmp, _mode_for(path))
            for chunk in chunks:  # an error of the producer passes as it is
                with _writing(shown):
                    handle.write(chunk)
            with _writing(shown):
                handle.flush()
                os.fsync(handle.fileno())
        with _writing(shown):
            os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def _writing(shown: str) -> Iterator[None]:
    """An OSError of writing becomes an OutputError naming the file (exit 2)."""
    try:
        yield
    except OSError as exc:
        raise _write_error(exc, shown, "cannot write the file") from exc


def _write_error(exc: OSError, shown: str, what: str) -> OutputError:
    if exc.errno in _SPACE_ERRORS:
        return OutputError(
            "no space left on the device (or over the quota); the old file is unchanged",
            path=shown,
            hint="free some space or write to another disk with -o",
        )
    return OutputError(
        f"{what} ({exc.strerror or exc})",
        path=shown,
        hint="check the folder's permissions or choose another -o path",
    )


def _through_links(path: Path) -> Path:
    """The file a symbolic link points to (the link itself stays), else ``path``."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def _mode_for(path: Path) -> int:
    """An existing file's permission bits, else what the umask leaves of 0666."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _prefix(path: Path) -> str:
    return f".{path.name}.{os.getpid()}."


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove temporary files of earlier writes to ``path`` whose process no longer runs."""
    pattern = re.compile(re.escape(f".{path.name}.") + r"(\d+)\.[^.]+\.tmp")
    removed: list[Path] = []
    folder = path.parent if str(path.parent) else Path(".")
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        match = pattern.fullmatch(name)
        if match is None or _running(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            os.unlink(folder / name)
            removed.append(folder / name)
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # Windows: no harmless probe, leave it
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or no way to tell: leave its file alone
    return True


def _special(path: Path) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _write_in_place(path: Path, chunks: Iterable[str], shown: str) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            for chunk in chunks:
                handle.write(chunk)
    except OSError as exc:
        raise _write_error(exc, shown, "cannot write the report") from exc
