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
from functools import lru_cache
from typing import NamedTuple

from tamis.sources.countries import country_code
from tamis.sources.ofac_fields import (
    Identifier,
    parse_alias,
    parse_date,
    parse_dob,
    parse_gender,
    parse_identifier,
    parse_place,
)
from tamis.sources.ofac_labels import (
    ID_LABELS,
    LISTING_DATE_LABELS,
    RANKS,
    SANCTION_INFO_LABELS,
    SCOPE_PHRASES,
    VALUE_LABELS,
)


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
        if not value:
            return
        bucket = self.properties.setdefault(prop, [])
        if value not in bucket:
            bucket.append(value)

    def add_extra(self, key: str, value: str) -> None:
        """Set a listing fact; a second, different value joins the first with " | "."""
        self.extra[key] = join_values(self.extra.get(key), value)


def join_values(current: str | None, value: str) -> str:
    """``current`` with ``value`` appended after " | " unless it is already there."""
    value = " ".join(value.split())
    if not current:
        return value
    if value in current.split(" | "):
        return current
    return f"{current} | {value}"


# -- splitting ------------------------------------------------------------------


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
    pieces = text.split(";")
    parts: list[str] = []
    open_from = -1  # index in ``pieces`` where an unclosed parenthesis started
    depth = 0
    for index, piece in enumerate(pieces):
        if depth > 0:
            parts[-1] = f"{parts[-1]};{piece}"
        else:
            parts.append(piece)
            open_from = index
        if "(" in piece or ")" in piece:
            depth = max(0, depth + piece.count("(") - piece.count(")"))
    if depth > 0:  # never closed: split that part on every ';' after all
        parts[-1:] = pieces[open_from:]
    out = []
    for part in parts:
        part = part.strip()
        if part.endswith("."):
            part = trim_full_stop(part)
        if part:
            out.append(part)
    return out


_ABBREVIATIONS = frozenset(
    [
        "ltd.",
        "inc.",
        "co.",
        "corp.",
        "llc.",
        "jsc.",
        "plc.",
        "bhd.",
        "pte.",
        "pty.",
        "cia.",
        "cía.",
        "no.",
        "jr.",
        "sr.",
        "st.",
        "ave.",
        "blvd.",
        "dept.",
        "int'l.",
        "intl.",
        "bros.",
        "s.a.",
    ]
)
_INITIALISM = re.compile(r"(?:[A-Za-z]{1,2}\.){2,}$")


def trim_full_stop(text: str) -> str:
    """Drop a final full stop unless it ends an abbreviation ("CO., LTD.", "S.A.")."""
    last = text.rsplit(" ", 1)[-1]
    if last.lower() in _ABBREVIATIONS or _INITIALISM.search(last):
        return text
    return text[:-1].rstrip()


# -- the fragment dispatcher ---------------------------------------------------

_DIRECTIVE_DATE = re.compile(r"^(Listing|Effective) Date \((EO [^)]+)\):?\s*(.+)$", re.I)
_IMO = re.compile(r"IMO\s*(\d{7})")
_CRYPTO = re.compile(r"^Digital Currency Address - (\w+)\s+(\S+)$")
_GROUPS = (
    ("id", ID_LABELS),
    ("value", VALUE_LABELS),
    ("listing", LISTING_DATE_LABELS),
    ("info", SANCTION_INFO_LABELS),
)
#: first word (lower case) -> [(label lower case, group, label)], longest label first
_BY_FIRST_WORD: dict[str, list[tuple[str, str, str]]] = {}
for _group, _labels in _GROUPS:
    for _label in _labels:
        _key = _label.rstrip(":").lower()
        _BY_FIRST_WORD.setdefault(_key.split(" ", 1)[0], []).append((_key, _group, _label))
for _entries in _BY_FIRST_WORD.values():
    _entries.sort(key=lambda entry: -len(entry[0]))


class Reading(NamedTuple):
    """What one fragment says; :func:`read_fragment` results are cached and shared."""

    props: tuple[tuple[str, str], ...] = ()
    listed_on: str | None = None
    extra: tuple[tuple[str, str], ...] = ()
    identifier: Identifier | None = None


def _find_label(text: str) -> tuple[str, str, str] | None:
    """(group, label, rest) for the longest known label that starts ``text``."""
    lowered = text.lower()
    for key, group, label in _BY_FIRST_WORD.get(lowered.split(" ", 1)[0].rstrip(":"), ()):
        if lowered.startswith(key):
            tail = text[len(key) :]
            if not tail or tail[0] in " :#":
                return group, label, tail.strip().lstrip(":").strip()
    return None


def _read_value(label: str, rest: str) -> Reading | None:
    prop, kind = VALUE_LABELS[label]
    value: str | None
    if kind == "date":
        value = parse_date(rest) or (parse_dob(rest) or [None])[0]
    elif kind == "country":
        if rest.lower() in ("none identified", "unknown"):
            return Reading()  # understood: OFAC states there is no known country
        value = country_code(rest)
    elif kind == "gender":
        value = parse_gender(rest)
    else:
        value = rest or None
    return Reading(props=((prop, value),)) if value else None


def _read_labelled(text: str) -> Reading | None:
    found = _find_label(text)
    if found is None or not found[2]:
        return None
    group, label, rest = found
    if group == "id":
        ident = parse_identifier(label, rest)
        imo = _IMO.fullmatch(ident.number)
        if imo and label in ("Identification Number", "Company Number"):
            # "Identification Number IMO 9187629": an IMO company or vessel number.
            return Reading(props=(("imoNumber", imo[1]),))
        if ident.prop == "imoNumber":
            # "Vessel Registration Identification" is an IMO number only when it says so.
            if imo:
                ident = ident._replace(number=imo[1])
            else:
                ident = ident._replace(prop="registrationNumber")
        props = [(ident.prop, ident.number)]
        if ident.country or ident.issued or ident.expires:
            props.append(("identification", ident.describe()))
        return Reading(props=tuple(props), identifier=ident)
    if group == "value":
        return _read_value(label, rest)
    if group == "listing":
        key, date = LISTING_DATE_LABELS[label], parse_date(rest)
        if date is None:
            return None
        if key == "listed_on":
            return Reading(listed_on=date)
        return Reading(extra=((key, date),))
    return Reading(extra=((SANCTION_INFO_LABELS[label], rest),))


@lru_cache(maxsize=65536)
def read_fragment(fragment: str) -> Reading | None:
    """Interpret one remarks fragment; None when no rule understands it."""
    text = fragment.strip()
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    if text[:5].lower() == "alt. ":
        text = text[5:].strip()
    lowered = text.rstrip(".").lower()
    if lowered in SCOPE_PHRASES:
        return Reading(extra=(("scope", text.rstrip(".")),))
    if lowered in RANKS:
        return Reading(props=(("title", text.rstrip(".")),))
    head, _, rest = text.partition(" ")
    rest = rest.strip().lstrip(":").strip()
    if head == "DOB":
        dates = parse_dob(rest)
        return Reading(props=tuple(("birthDate", d) for d in dates)) if dates else None
    if head == "POB":
        place, code = parse_place(rest)
        props = (("birthPlace", place),) + ((("birthCountry", code),) if code else ())
        return Reading(props=props) if place else None
    if head in ("nationality", "citizen"):
        code = country_code(rest)
        prop = "nationality" if head == "nationality" else "citizenship"
        return Reading(props=((prop, code),)) if code else None
    if text.startswith("Linked To:"):
        return Reading(props=(("linkedTo", text[len("Linked To:") :].strip()),))
    alias = parse_alias(text)
    if alias:
        return Reading(props=(alias,))
    m = _CRYPTO.match(text)
    if m:
        wallet = Identifier(
            label=f"Digital Currency Address - {m[1]}", number=m[2], prop="publicKey"
        )
        return Reading(props=(("publicKey", m[2]),), identifier=wallet)
    m = _DIRECTIVE_DATE.match(text)
    if m:
        return Reading(extra=((f"{m[1].lower()}_date ({m[2]})", parse_date(m[3]) or m[3]),))
    return _read_labelled(text)


def parse_fragment(fragment: str, facts: RemarkFacts, title: str | None = None) -> bool:
    """Read one fragment into ``facts``; False when nothing understood it.

    ``title`` is the record's Title column, which OFAC repeats as a fragment.
    """
    title_key = title.rstrip(".").lower() if title else None
    return _apply(fragment, facts, title, title_key)


def _apply(fragment: str, facts: RemarkFacts, title: str | None, title_key: str | None) -> bool:
    if (
        title_key
        and len(fragment) - len(title_key) < 2
        and (fragment.rstrip(".").lower() == title_key)
    ):
        facts.add("position", title)
        return True
    reading = read_fragment(fragment)
    if reading is None:
        return False
    for prop, value in reading.props:
        facts.add(prop, value)
    if reading.listed_on and not facts.listed_on:
        facts.listed_on = reading.listed_on
    for key, value in reading.extra:
        facts.add_extra(key, value)
    if reading.identifier is not None:
        facts.identifiers.append(reading.identifier)
    return True


def parse_remarks(text: str | None, title: str | None = None) -> RemarkFacts:
    """Parse a whole Remarks field. ``title`` is the record's Title column, which
    OFAC repeats as the last remarks fragment; it becomes the ``position``."""
    facts = RemarkFacts()
    title_key = title.rstrip(".").lower() if title else None
    for fragment in split_remarks(text):
        if not _apply(fragment, facts, title, title_key):
            facts.unknown.append(fragment)
            facts.add("notes", fragment)
    return facts
