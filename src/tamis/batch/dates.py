"""Birth dates as customer files write them, read into ISO dates.

Customer files come from many systems and countries: ``1952-10-07``,
``07.10.1952`` (day first wherever dots are used), ``1952/10/07``,
``7 Oct 1952``, ``October 7, 1952`` and the ambiguous ``07/10/1952``, which is
7 October in Europe and 10 July in the United States. An ambiguous date is read
month first unless the caller says the file writes the day first
(``tamis screen-file --day-first``); a date whose first or second number is above
12 is read the only way it can be.
"""

from __future__ import annotations

import re

from tamis.sources.common import iso_date

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ].*)?")
_YEAR_MONTH = re.compile(r"(\d{4})[-/.](\d{1,2})")
_YEAR = re.compile(r"\d{4}")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_NUMERIC = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[ -]([a-z]+)\.?,?[ -](\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})")
_MONTH_YEAR = re.compile(r"([a-z]+)\.? (\d{4})")


def parse_birth_date(value: str, day_first: bool = False) -> str | None:
    """``value`` as an ISO date (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when only
    those are given), or None when it is not a date that exists."""
    text = " ".join(value.strip().lower().split())
    if match := _ISO.fullmatch(text):
        return iso_date(int(match[1]), int(match[2]), int(match[3]))
    if match := _YEAR_MONTH.fullmatch(text):
        month = int(match[2])
        return f"{match[1]}-{month:02d}" if 1 <= month <= 12 else None
    if _YEAR.fullmatch(text):
        return text
    if match := _DOTTED.fullmatch(text):
        return iso_date(int(match[3]), int(match[2]), int(match[1]))
    if match := _NUMERIC.fullmatch(text):
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        if first > 12 or (day_first and second <= 12):
            return iso_date(year, second, first)
        return iso_date(year, first, second)
    if (match := _DAY_MONTH_YEAR.fullmatch(text)) and match[2] in _MONTHS:
        return iso_date(int(match[3]), _MONTHS[match[2]], int(match[1]))
    if (match := _MONTH_DAY_YEAR.fullmatch(text)) and match[1] in _MONTHS:
        return iso_date(int(match[3]), _MONTHS[match[1]], int(match[2]))
    if (match := _MONTH_YEAR.fullmatch(text)) and match[1] in _MONTHS:
        return f"{match[2]}-{_MONTHS[match[1]]:02d}"
    return None
