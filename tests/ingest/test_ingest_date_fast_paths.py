"""The date patterns tried only at digits find what a scan over every character finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.ingest.dates import _DIGITS, PATTERNS, _matches

TEXT = st.text(alphabet="0123456789./- \tMärzDezmbr", max_size=40)


@settings(max_examples=500, deadline=None)
@given(text=TEXT)
def test_matches_at_digits_are_finditer(text: str) -> None:
    runs = [m.span() for m in _DIGITS.finditer(text)]
    for pattern in PATTERNS:
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in _matches(pattern, text, runs)] == expected
