"""Where command output goes: stdout or an atomically written file, stderr messages, progress."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType

import click

from claims.atomic import write_chunks_atomic, write_text_atomic
from claims.models import Article, ErrorRecord
from claims.textsafe import display


def is_tty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def use_color() -> bool:
    return is_tty(sys.stdout) and "NO_COLOR" not in os.environ


def terminal_width() -> int:
    try:
        return max(60, os.get_terminal_size(sys.stdout.fileno()).columns)
    except (OSError, ValueError):
        return int(os.environ.get("COLUMNS", "100") or 100)


def emit(text: str, output: Path | None) -> None:
    """Print to stdout, or write the file atomically (never a half-written report)."""
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        write_text_atomic(output, text if text.endswith("\n") else text + "\n")


def emit_chunks(chunks: Iterable[str], output: Path | None, size: int = 1 << 16) -> None:
    """:func:`emit` for a text that comes in pieces: written as it comes (atomically to a
    file), in blocks of about ``size`` characters."""
    last = ""

    def blocks() -> Iterator[str]:
        nonlocal last
        block: list[str] = []
        held = 0
        for chunk in chunks:
            if chunk:
                block.append(chunk)
                held += len(chunk)
                last = chunk
            if held >= size:
                yield "".join(block)
                block, held = [], 0
        text = "".join(block)
        if not last.endswith("\n"):
            text += "\n"
        yield text

    if output is None:
        for block in blocks():
            click.echo(block, nl=False)
    else:
        write_chunks_atomic(output, blocks())


def report_error(record: ErrorRecord, quiet: bool = False) -> None:
    """One line on stderr per article that could not be analysed (the run goes on)."""
    if quiet:
        return
    where = f"{record.path}:{record.line}" if record.line else record.path
    click.echo(f"claims: {display(where)}: {display(record.message)} [{record.code}]", err=True)


def warn(message: str, quiet: bool = False) -> None:
    if not quiet:
        click.echo(f"claims: warning: {display(message)}", err=True)


class Progress:
    """A progress line on stderr that appears only for runs over a few seconds, on a TTY."""

    def __init__(self, quiet: bool, delay: float = 2.0) -> None:
        self.enabled = not quiet and is_tty(sys.stderr) and "NO_COLOR" not in os.environ
        self.delay = delay
        self.started = time.monotonic()
        self.count = 0
        self._progress: object | None = None
        self._task: object | None = None

    def advance(self, article: Article) -> None:
        self.count += 1
        if not self.enabled:
            return
        if self._progress is None and time.monotonic() - self.started >= self.delay:
            from rich.console import Console
            from rich.progress import Progress as RichProgress
            from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

            progress = RichProgress(
                SpinnerColumn(),
                TextColumn("{task.completed} articles analysed"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            progress.start()
            self._task = progress.add_task("analyse", total=None)
            self._progress = progress
        if self._progress is not None:
            self._progress.update(self._task, completed=self.count)  # type: ignore[attr-defined]

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()  # type: ignore[attr-defined]
