"""Streamed formatters: the pieces join to exactly the string formatters' bytes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from claims.models import ErrorRecord, Report
from claims.report import RenderOptions, render
from claims.report.stream import STREAM_FORMATS, ReportInMemory, stream


@pytest.mark.parametrize("fmt", STREAM_FORMATS)
@pytest.mark.parametrize("include_text", [False, True])
def test_streamed_pieces_join_to_the_rendered_report(
    report: Report, fmt: str, include_text: bool
) -> None:
    """Quotes, line breaks, markup, non-ASCII and errors survive piecewise writing unchanged."""
    options = RenderOptions(include_text=include_text)
    pieces = list(stream(ReportInMemory(report), fmt, options))
    assert len(pieces) > 1
    assert "".join(pieces) == render(report, fmt, options)


@pytest.mark.parametrize("fmt", STREAM_FORMATS)
def test_empty_groups_stream_like_the_rendered_report(
    report_factory: Callable[[], Report], fmt: str
) -> None:
    full = report_factory()
    empty = full.model_copy(
        update={
            "statements": [],
            "findings": [],
            "errors": [ErrorRecord(path="x.txt", code="empty", message="leer „x“")],
        }
    )
    options = RenderOptions()
    assert "".join(stream(ReportInMemory(empty), fmt, options)) == render(empty, fmt, options)
