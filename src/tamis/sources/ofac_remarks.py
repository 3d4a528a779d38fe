"""Structured facts from the Remarks field of OFAC's legacy list files.

OFAC's CSV files carry most identifying information as one free-text field::

    DOB 07 Oct 1952; POB Leningrad, Russia; nationality Russia; Gender Male;
    Passport 0310857 (Eritrea) issued 21 Aug 2006 expires 20 Aug 2008;
    Linked To: HAMAS; a.k.a. 'BNC'.

:func:`parse_remarks` splits it into fragments (on ``;`` outside parentheses) and
reads each one with small functions: dates of birth, places of birth, countries,
gender, aliases, "Linked To", digital currency addresses, listing dates, and the
labelled identifiers of :mod:`tamis.sources.ofac_labels`. A fragment none of
them understands is kept in the ``notes`` property and listed in
:attr:`RemarkFacts.unknown`, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tamis.sources.common import parse_date
from tamis.sources.countries import country_code
from tamis.sources.ofac_labels import (
    ID_LABELS,
    LISTING_DATE_LABELS,
    SANCTION_INFO_LABELS,
    SCOPE_PHRASES,
    VALUE_LABELS,
)

#: the longest label, in words; prefixes longer than this are not looked up
_MAX_LABEL_WORDS = max(len(label.split()) for label in
                       (*ID_LABELS, *VALUE_LABELS, *LISTING_DATE_LABELS, *SANCTION_INFO_LABELS))
#: a year range "1960 to 1962" expands to every year only when it is this short
_MAX_YEAR_SPAN = 10


@dataclass
class Identifier:
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


@dataclass
class RemarkFacts:
    """What a Remarks field says, sorted into entity properties and listing facts."""

    properties: dict[str, list[str]] = field(default_factory=dict)
    listed_on: str | None = None
    #: listing-level facts: CMIC effective / divestment dates, sanction statements
    extra: dict[str, str] = field(default_factory=dict)
    identifiers: list[Identifier] = field(default_factory=list)
    #: fragments no rule understood (also kept in ``properties["notes"]``)
    unknown: list[str] = field(default_factory=list)

    def add(self, prop: str, value: str | None) -> None:
        if value is None:
            return
        value = " ".join(value.split())
        if not value:
            return
        bucket = self.properties.setdefault(prop, [])
        if value not in bucket:
            bucket.append(value)

    def add_extra(self, key: str, value: str) -> None:
        value = " ".join(value.split())
        if key in self.extra and value not in self.extra[key].split(" | "):
            self.extra[key] = f"{self.extra[key]} | {value}"
        else:
            self.extra[key] = value


# -- splitting ------------------------------------------------------------------


_SPLIT_CHARS = re.compile(r"[();]")


def split_remarks(text: str | None) -> list[str]:
    """Split a Remarks field on ``;`` outside parentheses; trims the final full stop.

    When a parenthesis never closes (a field cut at OFAC's 1,000-character limit),
    the unclosed part is split on every ``;`` instead of being swallowed whole.
    """
    if not text:
        return []
    text = text.strip()
    if text in ("-0-", ""):
        return []
    if "(" not in text:
        parts = text.split(";")
    else:
        parts = []
        depth = 0
        start = 0
        for m in _SPLIT_CHARS.finditer(text):
            char = m.group()
            if char == "(":
                depth += 1
            elif char == ")":
                depth = max(0, depth - 1)
            elif depth == 0:
                parts.append(text[start : m.start()])
                start = m.end()
        tail = text[start:]
        if depth > 0:
            parts.extend(tail.split(";"))
        else:
            parts.append(tail)
    out = []
    for part in parts:
        part = part.strip()
        if part.endswith(".") and not part.endswith(("Co.", "Ltd.", "No.", "Inc.", "S.A.")):
            part = part[:-1].rstrip()
        if part:
            out.append(part)
    return out


# -- small readers ---------------------------------------------------------------

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
            r"(?:31 Dec )?(\d{4})", end_text)
        first, last = int(start[:4]), int(end[:4])
        if whole and 0 <= last - first <= _MAX_YEAR_SPAN:
            return [str(year) for year in range(first, last + 1)]
        return [start, end]
    date = parse_date(value)
    return [date] if date else []


def parse_place(value: str) -> tuple[str, str | None]:
    """A place of birth and the country code of its last comma part, if any."""
    place = value.strip()
    last = place.rsplit(",", 1)[-1].strip()
    return place, country_code(last)


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
    return Identifier(label=label, number=number, prop=ID_LABELS[label], country=country,
                      issued=issued, expires=expires)


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


# -- the fragment dispatcher ---------------------------------------------------

_DIRECTIVE_DATE = re.compile(
    r"^(Listing|Effective) Date \((EO [^)]+)\):?\s*(.+)$", re.I)
_CRYPTO = re.compile(r"^Digital Currency Address - (\w+)\s+(\S+)$")
_LABEL_LOOKUP: dict[str, str] = {}
for _group, _labels in (("id", ID_LABELS), ("value", VALUE_LABELS),
                        ("listing", LISTING_DATE_LABELS), ("info", SANCTION_INFO_LABELS)):
    for _label in _labels:
        _LABEL_LOOKUP.setdefault(_label.rstrip(":").lower(), _group + ":" + _label)


def _find_label(fragment: str) -> tuple[str, str, str] | None:
    """(group, label, rest) for the longest known label that starts ``fragment``."""
    words = fragment.split(" ")
    for size in range(min(len(words), _MAX_LABEL_WORDS), 0, -1):
        candidate = " ".join(words[:size]).rstrip(":").lower()
        found = _LABEL_LOOKUP.get(candidate)
        if found:
            group, label = found.split(":", 1)
            rest = " ".join(words[size:]).strip().lstrip(":").strip()
            return group, label, rest
    return None


def _read_value(facts: RemarkFacts, label: str, rest: str) -> bool:
    prop, kind = VALUE_LABELS[label]
    if kind == "date":
        value = parse_date(rest) or (parse_dob(rest) or [None])[0]
    elif kind == "country":
        value = country_code(rest)
    elif kind == "gender":
        value = parse_gender(rest)
    else:
        value = rest or None
    if value is None:
        return False
    facts.add(prop, value)
    return True


def parse_fragment(fragment: str, facts: RemarkFacts, title: str | None = None) -> bool:
    """Read one fragment into ``facts``; False when nothing understood it."""
    text = fragment.strip()
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    if text.lower().startswith("alt. "):
        text = text[5:].strip()
    if title and text.rstrip(".").lower() == title.rstrip(".").lower():
        facts.add("position", title)
        return True
    if text.rstrip(".").lower() in SCOPE_PHRASES:
        facts.add_extra("scope", text.rstrip("."))
        return True
    alias = parse_alias(text)
    if alias:
        facts.add(*alias)
        return True
    head, _, rest = text.partition(" ")
    rest = rest.strip()
    if head == "DOB":
        dates = parse_dob(rest.lstrip(":").strip())
        for date in dates:
            facts.add("birthDate", date)
        return bool(dates)
    if head == "POB":
        place, code = parse_place(rest.lstrip(":").strip())
        facts.add("birthPlace", place)
        facts.add("birthCountry", code)
        return bool(place)
    if head in ("nationality", "citizen"):
        code = country_code(rest)
        facts.add("nationality" if head == "nationality" else "citizenship", code)
        return code is not None
    if text.startswith("Linked To:"):
        facts.add("linkedTo", text[len("Linked To:"):].strip())
        return True
    m = _CRYPTO.match(text)
    if m:
        facts.add("publicKey", m[2])
        facts.add("currency", m[1])
        return True
    m = _DIRECTIVE_DATE.match(text)
    if m:
        key = f"{m[1].lower()}_date ({m[2]})"
        facts.add_extra(key, parse_date(m[3]) or m[3])
        return True
    found = _find_label(text)
    if found is None:
        return False
    group, label, rest = found
    if not rest:
        return False
    if group == "id":
        ident = parse_identifier(label, rest)
        if label == "Identification Number" or label.startswith("Company Number"):
            # "Identification Number IMO 9187629" is an IMO company/vessel number.
            imo = re.fullmatch(r"IMO\s*(\d{7})", ident.number)
            if imo:
                facts.add("imoNumber", imo[1])
                return True
        if ident.prop == "imoNumber":
            ident.number = re.sub(r"^IMO\s*", "", ident.number)
        facts.add(ident.prop, ident.number)
        facts.identifiers.append(ident)
        if ident.country or ident.issued or ident.expires:
            facts.add("identification", ident.describe())
        return True
    if group == "value":
        return _read_value(facts, label, rest)
    if group == "listing":
        key = LISTING_DATE_LABELS[label]
        date = parse_date(rest)
        if date is None:
            return False
        if key == "listed_on":
            facts.listed_on = facts.listed_on or date
        else:
            facts.add_extra(key, date)
        return True
    facts.add_extra(SANCTION_INFO_LABELS[label], rest)
    return True


def parse_remarks(text: str | None, title: str | None = None) -> RemarkFacts:
    """Parse a whole Remarks field. ``title`` is the record's Title column, which
    OFAC repeats as the last remarks fragment; it becomes the ``position``."""
    facts = RemarkFacts()
    for fragment in split_remarks(text):
        if not parse_fragment(fragment, facts, title):
            facts.unknown.append(fragment)
            facts.add("notes", fragment)
    return facts
