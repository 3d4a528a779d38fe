"""The entity model: FollowTheMoney-compatible entities plus their listings.

An :class:`Entity` has an ``id``, a ``schema`` (see :data:`SCHEMAS`) and
``properties`` mapping FtM property names to lists of strings. What makes it a
*sanctions* entity is its :class:`Listing` records: on which list, under which
programs, since when and until when.

Dates are ISO strings (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) throughout, as in
FtM, because the lists themselves give partial dates.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

#: Schemata tamis knows, with the parent each inherits from (FtM hierarchy).
SCHEMAS: dict[str, str | None] = {
    "Thing": None,
    "LegalEntity": "Thing",
    "Person": "LegalEntity",
    "Organization": "LegalEntity",
    "Company": "Organization",
    "PublicBody": "Organization",
    "Vessel": "Thing",
    "Airplane": "Thing",
    "Security": "Thing",
    "CryptoWallet": "Thing",
}

#: Properties whose values are names (matched by the name features).
NAME_PROPS = ("name", "alias", "weakAlias", "previousName", "firstName", "lastName")

#: Properties holding identifiers (matched exactly after normalisation).
ID_PROPS = (
    "idNumber",
    "passportNumber",
    "taxNumber",
    "registrationNumber",
    "innCode",
    "ogrnCode",
    "leiCode",
    "isin",
    "imoNumber",
    "mmsi",
    "swiftBic",
    "callSign",
    "registrationNumber",
    "serialNumber",
    "publicKey",
    "email",
    "website",
)


def schema_is_a(schema: str, ancestor: str) -> bool:
    """True when ``schema`` is ``ancestor`` or inherits from it."""
    current: str | None = schema
    while current is not None:
        if current == ancestor:
            return True
        current = SCHEMAS.get(current)
    return False


@dataclass
class Listing:
    """One appearance of an entity on one official list."""

    list: str  #: list id, e.g. ``ofac_sdn``, ``un_sc``, ``csl_el``, ``dod_1237``
    programs: list[str] = field(default_factory=list)
    listed_on: str | None = None
    delisted_on: str | None = None
    delisting_reason: str | None = None
    reference: list[str] = field(default_factory=list)  #: reference numbers on that list
    remarks: str | None = None
    source_url: str | None = None
    extra: dict[str, str] = field(default_factory=dict)  #: list-specific facts
    #: dated events about this listing: dicts with ``date``, ``event``, ``detail``, ``source``
    events: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"list": self.list, "programs": list(self.programs)}
        for key in ("listed_on", "delisted_on", "delisting_reason", "remarks", "source_url"):
            value = getattr(self, key)
            if value:
                out[key] = value
        if self.reference:
            out["reference"] = list(self.reference)
        if self.extra:
            out["extra"] = dict(self.extra)
        if self.events:
            out["events"] = [dict(event) for event in self.events]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Listing:
        return cls(
            list=data["list"],
            programs=list(data.get("programs") or []),
            listed_on=data.get("listed_on"),
            delisted_on=data.get("delisted_on"),
            delisting_reason=data.get("delisting_reason"),
            reference=list(data.get("reference") or []),
            remarks=data.get("remarks"),
            source_url=data.get("source_url"),
            extra=dict(data.get("extra") or {}),
            events=[dict(event) for event in data.get("events") or []],
        )

    def in_force(self, on: str) -> bool:
        """Whether this listing is in force on the ISO date ``on``.

        A listing with no ``listed_on`` counts as in force from the start; one
        delisted on day D is no longer in force on D.
        """
        # ISO strings compare chronologically, and a partial date ("2021")
        # sorts before every full date inside it.
        if self.listed_on and self.listed_on > on:
            return False
        return not (self.delisted_on and self.delisted_on[: len(on)] <= on)


@dataclass
class Entity:
    """A listed person, organisation, vessel, aircraft or security."""

    id: str
    schema: str
    properties: dict[str, list[str]] = field(default_factory=dict)
    listings: list[Listing] = field(default_factory=list)

    # -- properties -------------------------------------------------------
    def add(self, prop: str, values: str | Iterable[str | None] | None) -> None:
        """Add cleaned, de-duplicated values to ``prop`` (blank values are skipped)."""
        if values is None:
            return
        if isinstance(values, str):
            values = [values]
        bucket = self.properties.setdefault(prop, [])
        for value in values:
            if value is None:
                continue
            value = " ".join(str(value).split())
            if value and value not in bucket:
                bucket.append(value)
        if not bucket:
            del self.properties[prop]

    def get(self, prop: str) -> list[str]:
        return self.properties.get(prop, [])

    def first(self, prop: str) -> str | None:
        values = self.properties.get(prop)
        return values[0] if values else None

    @property
    def caption(self) -> str:
        for prop in ("name", "alias", "lastName"):
            value = self.first(prop)
            if value:
                return value
        return self.id

    @property
    def names(self) -> list[str]:
        """All name-like values, main names first."""
        out: list[str] = []
        for prop in ("name", "alias", "previousName", "weakAlias"):
            for value in self.get(prop):
                if value not in out:
                    out.append(value)
        return out

    @property
    def lists(self) -> list[str]:
        return sorted({listing.list for listing in self.listings})

    @property
    def programs(self) -> list[str]:
        return sorted({p for listing in self.listings for p in listing.programs})

    def in_force(self, on: str | None) -> bool:
        """Whether any listing is in force on ``on`` (always true when ``on`` is None)."""
        if on is None or not self.listings:
            return True
        return any(listing.in_force(on) for listing in self.listings)

    # -- serialisation ----------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """FtM-style dict, with tamis listings under ``listings``."""
        return {
            "id": self.id,
            "schema": self.schema,
            "caption": self.caption,
            "properties": {k: list(v) for k, v in sorted(self.properties.items()) if v},
            "listings": [listing.to_dict() for listing in self.listings],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        from tamis.errors import InputError

        if not isinstance(data, dict):
            raise InputError("an entity must be a JSON object")
        schema = data.get("schema")
        if schema not in SCHEMAS:
            raise InputError(f"unknown schema {schema!r}; expected one of {sorted(SCHEMAS)}")
        props = data.get("properties") or {}
        if not isinstance(props, dict):
            raise InputError("'properties' must be an object of lists of strings")
        entity = cls(id=str(data.get("id") or ""), schema=schema)
        for prop, values in props.items():
            if isinstance(values, str):
                values = [values]
            if not isinstance(values, list):
                raise InputError(f"property {prop!r} must be a list of strings")
            entity.add(prop, [str(v) for v in values if v is not None])
        entity.listings = [Listing.from_dict(item) for item in data.get("listings") or []]
        return entity

    def fingerprint(self) -> str:
        """A stable hash of the entity's content, used to detect modifications."""
        import orjson

        payload = orjson.dumps(self.to_dict(), option=orjson.OPT_SORT_KEYS)
        return hashlib.sha1(payload).hexdigest()
