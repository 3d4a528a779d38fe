"""Building and validating screening queries.

A query is an :class:`~tamis.model.Entity`. :func:`build_query` makes one from a
bare name (plus optional schema, birth date, country and identifiers) or from an
FtM-style dict, and refuses bad input with an :class:`~tamis.errors.InputError`:

- a name that is empty or only whitespace (after control characters are removed);
- a name longer than :data:`MAX_NAME_LENGTH` characters after trimming (no real
  name is that long; longer input is almost certainly a pasted document);
- unpaired UTF-16 surrogates (text that was mis-decoded);
- an unknown schema;
- an impossible or malformed date (``2021-02-30``, ``21-3-1``); ``1981-3-5`` is
  accepted and written ``1981-03-05``.

Control characters (C0, C1, DEL, zero-width and bidi formatting marks) are
stripped from names rather than refused.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from tamis.errors import InputError
from tamis.model import NAME_PROPS, SCHEMAS, Entity

MAX_NAME_LENGTH = 1_000
#: Schema of a query that does not say what it is: compatible with everything.
DEFAULT_SCHEMA = "Thing"
_DATE = re.compile(r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$")


def clean_text(value: str, what: str = "name") -> str:
    """Strip control/format characters and collapse whitespace; refuse surrogates."""
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise InputError(f"{what} contains an unpaired surrogate (mis-decoded text)")
    kept = []
    for ch in value:
        category = unicodedata.category(ch)
        if category == "Cc":
            kept.append(" " if ch in "\t\n\r\v\f" else "")
        elif category == "Cf" and ch != "\u200c":  # keep ZWNJ: part of Persian spelling
            continue
        else:
            kept.append(ch)
    return " ".join("".join(kept).split())


def clean_name(value: str) -> str:
    """A validated name: cleaned, not empty, at most MAX_NAME_LENGTH characters."""
    if not isinstance(value, str):
        raise InputError("a name must be a string")
    name = clean_text(value)
    if not name:
        raise InputError("the name is empty")
    if len(name) > MAX_NAME_LENGTH:
        raise InputError(
            f"the name is {len(name)} characters long; at most {MAX_NAME_LENGTH} are accepted"
        )
    return name


def check_date(value: str, what: str = "date") -> str:
    """A validated ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) that exists."""
    value = clean_text(str(value), what)
    if not _DATE.match(value):
        raise InputError(f"{what} {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise InputError(f"{what} {value!r} does not exist") from None
    # "1981-3-5" is written "1981-03-05"
    return "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])


def check_schema(schema: str | None) -> str:
    if schema is None:
        return DEFAULT_SCHEMA
    if schema not in SCHEMAS:
        raise InputError(f"unknown schema {schema!r}; expected one of {', '.join(sorted(SCHEMAS))}")
    return schema


def build_query(
    name: str | None = None,
    *,
    schema: str | None = None,
    birth_date: str | None = None,
    country: str | None = None,
    ids: Sequence[str] = (),
    entity: dict[str, Any] | None = None,
) -> Entity:
    """A validated query entity from a bare name and facts, or from an FtM-style dict.

    With ``entity``, its properties are validated the same way and the keyword
    arguments add to them. At least one name is required.
    """
    if entity is not None:
        data = dict(entity)
        data.setdefault("schema", schema or DEFAULT_SCHEMA)
        data.setdefault("id", "query")
        query = Entity.from_dict(data)
        query.listings = []
        for prop in NAME_PROPS:
            if prop in query.properties:
                query.properties[prop] = [clean_name(v) for v in query.properties[prop]]
        for prop in ("birthDate", "deathDate"):
            if prop in query.properties:
                query.properties[prop] = [check_date(v, prop) for v in query.properties[prop]]
    else:
        query = Entity(id="query", schema=check_schema(schema))
    if name is not None:
        query.add("name", clean_name(name))
    if birth_date:
        query.add("birthDate", check_date(birth_date, "birth date"))
    if country:
        query.add("country", clean_text(country, "country"))
    for ident in ids:
        value = clean_text(ident, "identifier")
        if not value:
            raise InputError("an identifier is empty")
        query.add("idNumber", value)
    if not any(query.get(prop) for prop in NAME_PROPS):
        raise InputError("a query needs a name")
    return query
