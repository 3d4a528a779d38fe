"""Birth dates as customer files write them."""

from __future__ import annotations

import pytest

from tamis.batch.dates import parse_birth_date


@pytest.mark.parametrize(
    ("value", "month_first", "day_first"),
    [
        ("1952-10-07", "1952-10-07", "1952-10-07"),
        ("1952-10-07T00:00:00", "1952-10-07", "1952-10-07"),  # a spreadsheet's date cell
        ("1952/10/07", "1952-10-07", "1952-10-07"),
        ("1952.10.7", "1952-10-07", "1952-10-07"),
        ("1952-10", "1952-10", "1952-10"),
        ("1952", "1952", "1952"),
        # dots: day first wherever they are written
        ("07.10.1952", "1952-10-07", "1952-10-07"),
        ("7.10.1952", "1952-10-07", "1952-10-07"),
        # slashes and dashes: ambiguous unless a number is above 12
        ("07/10/1952", "1952-07-10", "1952-10-07"),
        ("07-10-1952", "1952-07-10", "1952-10-07"),
        ("13/10/1952", "1952-10-13", "1952-10-13"),
        ("10/13/1952", "1952-10-13", "1952-10-13"),
        # month names
        ("7 Oct 1952", "1952-10-07", "1952-10-07"),
        ("07-OCT-1952", "1952-10-07", "1952-10-07"),
        ("7th October 1952", "1952-10-07", "1952-10-07"),
        ("October 7, 1952", "1952-10-07", "1952-10-07"),
        ("Oct. 7 1952", "1952-10-07", "1952-10-07"),
        ("Oct 1952", "1952-10", "1952-10"),
        # not dates
        ("31/31/1999", None, None),
        ("30.02.1990", None, None),
        ("1952-13", None, None),
        ("7 Foo 1952", None, None),
        ("soon", None, None),
    ],
)
def test_birth_dates(value: str, month_first: str | None, day_first: str | None) -> None:
    assert parse_birth_date(value) == month_first
    assert parse_birth_date(value, day_first=True) == day_first
