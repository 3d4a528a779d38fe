"""Which input column holds what, and turning one input row into a query entity.

A :class:`ColumnMap` names the columns holding the name (or first and last
name), birth date, country, identifier, schema and row id. Columns given on the
command line win; the rest are detected from common header spellings
(``full_name``, ``date_of_birth``, ``surname`` ...). The same map and the same
:func:`row_to_query` serve the single-machine runner and the Spark job, so both
build identical queries from identical rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from tamis.batch.dates import parse_birth_date
from tamis.errors import InputError
from tamis.model import SCHEMAS, Entity

#: header spellings recognised for each role, most specific first
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "name",
        "full_name",
        "fullname",
        "customer_name",
        "client_name",
        "company",
        "company_name",
        "entity_name",
        "party_name",
    ),
    "first_name": ("first_name", "firstname", "given_name", "givenname", "forename"),
    "last_name": ("last_name", "lastname", "surname", "family_name", "familyname"),
    "birth_date": ("dob", "date_of_birth", "birth_date", "birthdate", "birthday"),
    "country": ("country", "nationality", "country_code", "citizenship"),
    "id_number": (
        "passport",
        "passport_number",
        "id_number",
        "idnumber",
        "national_id",
        "registration_number",
    ),
    "schema": ("type", "schema", "entity_type", "party_type", "customer_type"),
    "row_id": ("id", "row_id", "customer_id", "client_id", "record_id"),
}

#: spellings of the entity type found in customer files -> FtM schema
SCHEMA_WORDS: dict[str, str] = {
    "individual": "Person",
    "person": "Person",
    "natural person": "Person",
    "p": "Person",
    "private": "Person",
    "company": "Company",
    "business": "Company",
    "corporate": "Company",
    "corporation": "Company",
    "c": "Company",
    "organization": "Organization",
    "organisation": "Organization",
    "entity": "LegalEntity",
    "legal entity": "LegalEntity",
    "legalentity": "LegalEntity",
    "o": "Organization",
    "vessel": "Vessel",
    "ship": "Vessel",
    "aircraft": "Airplane",
    "airplane": "Airplane",
}


def _key(header: str) -> str:
    """Header spelling reduced for comparison: 'Date of Birth' -> 'date_of_birth'."""
    return re.sub(r"[^0-9a-z]+", "_", header.strip().casefold()).strip("_")


@dataclass(frozen=True)
class ColumnMap:
    """Input column names for each role; None when the input has no such column."""

    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    birth_date: str | None = None
    country: str | None = None
    id_number: str | None = None
    schema: str | None = None
    row_id: str | None = None
    #: ambiguous birth dates ("07/10/1952") are read day first (see tamis.batch.dates)
    day_first: bool = False

    @classmethod
    def resolve(
        cls, headers: Iterable[str], day_first: bool = False, **given: str | None
    ) -> ColumnMap:
        """Combine explicitly given columns with the ones detected in ``headers``.

        Raises :class:`InputError` when a given column is missing from the input
        or when no name column (nor first/last name) can be found.
        """
        headers = [h for h in headers if h is not None]
        by_key = {_key(h): h for h in reversed(headers)}
        chosen: dict[str, str | None] = {}
        for role, aliases in HEADER_ALIASES.items():
            wanted = given.get(role)
            if wanted:
                if wanted not in headers:
                    raise InputError(
                        f"column {wanted!r} (for {role.replace('_', ' ')}) is not in the input;"
                        f" columns are: {', '.join(headers)}"
                    )
                chosen[role] = wanted
                continue
            chosen[role] = next((by_key[a] for a in aliases if a in by_key), None)
        unknown = set(given) - set(HEADER_ALIASES)
        if unknown:
            raise InputError(f"unknown column role(s): {', '.join(sorted(unknown))}")
        if not chosen["name"] and not (chosen["first_name"] or chosen["last_name"]):
            raise InputError(
                "no name column found; name it with --name (or --first-name/--last-name);"
                f" columns are: {', '.join(headers)}"
            )
        return cls(**chosen, day_first=day_first)

    def to_dict(self) -> dict[str, str | bool | None]:
        return asdict(self)


def parse_schema(value: str | None) -> str | None:
    """Customer-file entity type -> FtM schema (None when blank)."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    if text in SCHEMAS:
        return text
    found = SCHEMA_WORDS.get(text.casefold())
    if found is None:
        raise InputError(f"unknown entity type {text!r}")
    return found


def _text(row: Mapping[str, Any], column: str | None) -> str:
    if column is None:
        return ""
    value = row.get(column)
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN from pandas / Parquet
        return ""
    if hasattr(value, "isoformat"):  # date / datetime cells from Excel or Parquet
        return value.isoformat()[:10]
    return " ".join(str(value).split())


def row_name(row: Mapping[str, Any], columns: ColumnMap) -> str:
    """The name to screen: the name column, else first + last name."""
    name = _text(row, columns.name)
    if not name:
        name = " ".join(
            p for p in (_text(row, columns.first_name), _text(row, columns.last_name)) if p
        )
    return name


QueryBuilder = Callable[..., Entity]


def row_to_query(row: Mapping[str, Any], columns: ColumnMap, build: QueryBuilder) -> Entity:
    """Build the query entity for one input row, raising :class:`InputError` if it is bad.

    ``build`` is :func:`tamis.matching.build_query` (passed in so this module
    stays importable without the matching engine).
    """
    name = row_name(row, columns)
    if not name:
        raise InputError("empty name")
    raw_date = _text(row, columns.birth_date)
    birth_date = None
    if raw_date:
        birth_date = parse_birth_date(raw_date, columns.day_first)
        if birth_date is None:
            raise InputError(f"unparseable birth date {raw_date!r}")
    schema = parse_schema(_text(row, columns.schema))
    country = _text(row, columns.country) or None
    id_number = _text(row, columns.id_number)
    return build(
        name,
        schema=schema,
        birth_date=birth_date,
        country=country,
        ids=(id_number,) if id_number else (),
    )


def row_id(row: Mapping[str, Any], columns: ColumnMap, line: int) -> str:
    """The id reported for a row: its id column, else its line number."""
    value = _text(row, columns.row_id)
    return value or str(line)
