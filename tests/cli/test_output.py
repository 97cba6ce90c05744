"""Terminal etiquette: colour and progress only on a terminal, never with NO_COLOR or --quiet."""

from __future__ import annotations

import io
import sys

import pytest

from claims.cli import output


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_colour_when_stdout_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert not output.use_color()


def test_colour_on_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", FakeTTY())
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert output.use_color()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not output.use_color()


@pytest.mark.parametrize(
    ("tty", "quiet", "no_color", "enabled"),
    [
        (True, False, False, True),
        (False, False, False, False),
        (True, True, False, False),
        (True, False, True, False),
    ],
)
def test_progress_only_on_an_interactive_stderr(
    monkeypatch: pytest.MonkeyPatch, tty: bool, quiet: bool, no_color: bool, enabled: bool
) -> None:
    monkeypatch.setattr(sys, "stderr", FakeTTY() if tty else io.StringIO())
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    assert output.Progress(quiet=quiet).enabled is enabled


def test_progress_stays_silent_for_short_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    stderr = FakeTTY()
    monkeypatch.setattr(sys, "stderr", stderr)
    monkeypatch.delenv("NO_COLOR", raising=False)
    from claims.models import Article

    article = Article(id="a", path="p", sha256="s")
    with output.Progress(quiet=False, delay=60) as progress:
        progress.advance(article)
    assert progress.count == 1
    assert stderr.getvalue() == ""
