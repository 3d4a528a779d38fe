"""Readers for the single values inside OFAC remarks and XML items.

Each takes the text after a label ("DOB", "POB", "Passport", "a.k.a.") and
returns clean values: ISO dates, a place with its country code, an identifier
with its issuing country and dates, an alias with the property it belongs to.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tamis.sources.common import parse_date as _parse_any_date
from tamis.sources.countries import country_code
from tamis.sources.ofac_labels import ID_LABELS

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_DAY_MONTH_YEAR = re.compile(r"(\d{2}) ([A-Za-z]{3}) (\d{4})")


def parse_date(value: str | None) -> str | None:
    """:func:`tamis.sources.common.parse_date` with a fast path for OFAC's usual
    "07 Oct 1952" and "1952" (most dates in the lists)."""
    if value:
        if len(value) == 4 and value.isdigit():
            return value
        m = _DAY_MONTH_YEAR.fullmatch(value)
        if m and m[2].lower() in _MONTHS and 1 <= int(m[1]) <= 28:
            return f"{m[3]}-{_MONTHS[m[2].lower()]:02d}-{m[1]}"
    return _parse_any_date(value)


#: a year range "1960 to 1962" expands to every year only when it is this short
_MAX_YEAR_SPAN = 10


class Identifier(NamedTuple):
    """One identifier read from the remarks (or an XML ``idList`` item)."""

    label: str  #: OFAC's label, e.g. "Passport"
    number: str
    prop: str  #: the entity property it feeds, e.g. ``passportNumber``
    country: str | None = None  #: issuing country, ISO alpha-2
    issued: str | None = None
    expires: str | None = None

    def describe(self) -> str:
        """A compact one-line form kept in the ``identification`` property."""
        text = f"{self.label} {self.number}"
        if self.country:
            text += f" ({self.country})"
        if self.issued:
            text += f" issued {self.issued}"
        if self.expires:
            text += f" expires {self.expires}"
        return text


_CIRCA = re.compile(r"^(?:circa|approximately|approx\.)\s+", re.I)


def parse_dob(value: str) -> list[str]:
    """Dates of birth from "07 Oct 1952", "circa 1964", "Oct 1952" or a range.

    A range of whole years ("1960 to 1962", "01 Jan 1961 to 31 Dec 1962") gives
    every year in it; any other range gives its two ends.
    """
    value = _CIRCA.sub("", value.strip())
    m = re.fullmatch(r"(\d{4})\s*-\s*(\d{4})", value)
    if m:
        value = f"{m[1]} to {m[2]}"
    if " to " in value:
        start_text, end_text = (p.strip() for p in value.split(" to ", 1))
        start, end = parse_date(start_text), parse_date(end_text)
        if start is None or end is None:
            return []
        whole = re.fullmatch(r"(?:01 Jan )?(\d{4})", start_text) and re.fullmatch(
            r"(?:31 Dec )?(\d{4})", end_text
        )
        first, last = int(start[:4]), int(end[:4])
        if whole and 0 <= last - first <= _MAX_YEAR_SPAN:
            return [str(year) for year in range(first, last + 1)]
        return [start, end]
    date = parse_date(value)
    return [date] if date else []


def parse_place(value: str) -> tuple[str, str | None]:
    """A place of birth and the country code of its last comma part(s), if any.

    Two parts are tried too, for names OFAC writes with a comma ("Korea, North").
    """
    place = value.strip()
    parts = [part.strip() for part in place.split(",")]
    code = country_code(parts[-1])
    if code is None and len(parts) > 1:
        code = country_code(f"{parts[-2]}, {parts[-1]}")
    return place, code


_PARENS = re.compile(r"\s*\(([^()]*)\)\s*$")
_ISSUED = re.compile(r"\s+(?:issued|expires)\s+.*$", re.I)


def parse_identifier(label: str, text: str) -> Identifier:
    """Read "A1234567 (Russia) issued 21 Aug 2006 expires 20 Aug 2008"."""
    issued = expires = None
    m = _ISSUED.search(text)
    if m:
        dates = m[0]
        text = text[: m.start()]
        found = re.search(r"issued\s+(.+?)(?=\s+expires|$)", dates, re.I)
        issued = parse_date(found[1]) if found else None
        found = re.search(r"expires\s+(.+)$", dates, re.I)
        expires = parse_date(found[1]) if found else None
    country = None
    qualifiers: list[str] = []
    while True:
        m = _PARENS.search(text)
        if not m or not text[: m.start()].strip():
            break
        code = country_code(m[1])
        if code and country is None:
            country = code
        elif not code:
            qualifiers.insert(0, f"({m[1]})")
        text = text[: m.start()]
    number = text.strip().lstrip("#:").strip()
    if qualifiers:
        number = f"{number} {' '.join(qualifiers)}"
    return Identifier(
        label=label,
        number=number,
        prop=ID_LABELS[label],
        country=country,
        issued=issued,
        expires=expires,
    )


_ALIAS = re.compile(r"^(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s*,?\s*['\"‘“](.+)['\"’”]$", re.I)
_ALIAS_PROPS = {"a.k.a.": "weakAlias", "f.k.a.": "previousName", "n.k.a.": "weakAlias"}


def parse_alias(fragment: str) -> tuple[str, str] | None:
    """("weakAlias", name) from "a.k.a. 'BNC'"; OFAC puts only weak aliases in remarks."""
    m = _ALIAS.match(fragment)
    if not m:
        return None
    return _ALIAS_PROPS[m[1].lower()], m[2].strip()


def parse_gender(value: str) -> str | None:
    word = value.strip().lower()
    return word if word in ("male", "female") else None
