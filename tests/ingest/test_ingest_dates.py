"""Publication dates found in text: complete dates only."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.ingest.dates import find_date, find_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("27/09/2023\nWelt", dt.date(2023, 9, 27)),
        ("Stand: 27.09.2023, 14:00 Uhr", dt.date(2023, 9, 27)),
        ("published 2023-09-27", dt.date(2023, 9, 27)),
        ("Minsk, 19. Dezember 2022 - Der Präsident", dt.date(2022, 12, 19)),
        ("am 19. Dez. 2022 in Minsk", dt.date(2022, 12, 19)),
        ("Berlin, 3. März 2023", dt.date(2023, 3, 3)),
        ("3. MÄRZ 2023", dt.date(2023, 3, 3)),
        ("1. Mai 2021", dt.date(2021, 5, 1)),
        ("5.1.2024", dt.date(2024, 1, 5)),
    ],
)
def test_complete_dates_are_found(text: str, expected: dt.date) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "43 Wochen vor",
        "vor 3 Tagen",
        "am Montag (19. Dezember) traf er",  # no year
        "seit Oktober 2022",  # no day
        "am 24. Februar",
        "31/02/2023",  # no such day
        "13/13/2023",
        "im Jahr 2022",
        "200,000 Soldaten",
        "Version 1.2.3",
        "",
    ],
)
def test_incomplete_or_invalid_dates_are_not_dates(text: str) -> None:
    assert find_date(text) is None


def test_first_date_in_text_order_wins_across_formats() -> None:
    text = "Minsk, 19. Dezember 2022. Update vom 2023-01-05 und 27/09/2023."
    assert find_date(text) == dt.date(2022, 12, 19)
    assert [d for _, d in find_dates(text)] == [
        dt.date(2022, 12, 19),
        dt.date(2023, 1, 5),
        dt.date(2023, 9, 27),
    ]


def test_invalid_date_is_skipped_for_the_next_valid_one() -> None:
    assert find_date("31.02.2023 und dann 01.03.2023") == dt.date(2023, 3, 1)


def test_digits_inside_longer_numbers_are_not_dates() -> None:
    assert find_date("Bestellnummer 127/09/20234") is None
