"""Finding a publication date in article text: complete dates only (day, month and year).

A date without a year ("am 24. Februar") or a relative age ("vor 3 Tagen", "43 Wochen vor")
cannot be placed in time, so it is never taken for a publication date.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS: dict[str, int] = {
    "januar": 1,
    "jänner": 1,
    "jan": 1,
    "februar": 2,
    "feber": 2,
    "feb": 2,
    "märz": 3,
    "maerz": 3,
    "mär": 3,
    "mrz": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "dez": 12,
}
MIN_YEAR = 1900
MAX_YEAR = 2100

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# Each pattern has the named groups day, month and year; month is a number or a German name.
PATTERNS: tuple[re.Pattern[str], ...] = (
    # 27/09/2023, 27.09.2023, 27-09-2023 (day first, as German texts write it)
    re.compile(r"(?<![\d./-])(?P<day>\d{1,2})([./-])(?P<month>\d{1,2})\2(?P<year>\d{4})(?![\d])"),
    # 2023-09-27 (ISO 8601)
    re.compile(r"(?<![\d./-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d])"),
    # 19. Dezember 2022, 19. Dez. 2022, 3. März 2023
    re.compile(
        rf"(?<!\d)(?P<day>\d{{1,2}})\.\s*(?P<month>{_MONTH_NAMES})\.?\s+(?P<year>\d{{4}})(?!\d)",
        re.IGNORECASE,
    ),
)


def _to_date(match: re.Match[str]) -> dt.date | None:
    month_text = match["month"]
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
    year = int(match["year"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, int(match["day"]))
    except ValueError:  # 31/02/2023 and the like
        return None


#: every pattern's match starts with a digit
_DIGITS = re.compile(r"\d+")


def _matches(
    pattern: re.Pattern[str], text: str, runs: list[tuple[int, int]]
) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` tried only at digits (``runs``: the digit runs of ``text``):
    the engine scanning every character for a leading look-behind costs ten times more."""
    found: list[re.Match[str]] = []
    pos = 0
    for start, end in runs:
        for at in range(max(start, pos), end):
            if at < pos:
                continue
            match = pattern.match(text, at)
            if match is not None:
                found.append(match)
                pos = match.end()
    return found


def find_dates(text: str) -> list[tuple[int, dt.date]]:
    """Every valid complete date in ``text`` with its offset, in text order."""
    found: list[tuple[int, dt.date]] = []
    runs = [m.span() for m in _DIGITS.finditer(text)]
    for pattern in PATTERNS:
        for match in _matches(pattern, text, runs):
            date = _to_date(match)
            if date is not None:
                found.append((match.start(), date))
    return sorted(found)


def find_date(text: str) -> dt.date | None:
    """The first valid complete date in ``text``, or None."""
    dates = find_dates(text)
    return dates[0][1] if dates else None
