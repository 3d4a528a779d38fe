"""The ``ids`` field of the US Consolidated Screening List.

Each item is an identifier type, a value and sometimes a country ("ISIN,
US1694261033" / "Passport, U00242309, TR"). Some items are not identifiers
but dated facts about the listing (the CMIC listing, effective and divestment
dates), equity tickers or directive notes; those go to the listing's ``extra``.
"""

from __future__ import annotations

import re
from typing import Any

from tamis.model import Entity, Listing

#: (substring of the lower-cased type, FtM property), first match wins
_PROPS: tuple[tuple[str, str], ...] = (
    ("passport", "passportNumber"),
    ("isin", "isin"),
    ("legal entity number", "leiCode"),
    ("swift", "swiftBic"),
    ("website", "website"),
    ("email", "email"),
    ("vessel registration", "imoNumber"),
    ("imo", "imoNumber"),
    ("mmsi", "mmsi"),
    ("tax", "taxNumber"),
    ("unified social credit", "registrationNumber"),
    ("registration", "registrationNumber"),
    ("registry", "registrationNumber"),
    ("matricula mercantil", "registrationNumber"),
    ("company number", "registrationNumber"),
    ("government gazette", "registrationNumber"),
    ("national id", "idNumber"),
    ("identification", "idNumber"),
    ("cedula", "idNumber"),
    ("ssn", "idNumber"),
    ("d.n.i.", "idNumber"),
)
#: types whose value is a fact about the listing, stored in ``Listing.extra``
_EXTRA = {
    "listing date (cmic)": "cmic_listing_date",
    "effective date (cmic)": "cmic_effective_date",
    "purchase/sales for divestment date (cmic)": "cmic_divestment_date",
    "equity ticker": "equity_ticker",
    "target type": "target_type",
}


def split_id(value: str, legacy: bool) -> dict[str, str | None]:
    """Split one CSV id item into type, number and country.

    Current layout: "Type, Number[, CC]". Pre-2020 layout: "[CC, ]Number, Type".
    """
    parts = [p.strip() for p in value.split(",")]
    if len(parts) == 1:
        return {"type": None, "number": parts[0], "country": None}
    if legacy:
        country = parts[0] if len(parts) >= 3 and re.fullmatch(r"[A-Z]{2}", parts[0]) else None
        body = parts[1:] if country else parts
        return {"type": body[-1], "number": ", ".join(body[:-1]), "country": country}
    country = parts[-1] if len(parts) >= 3 and re.fullmatch(r"[A-Z]{2}", parts[-1]) else None
    body = parts[:-1] if country else parts
    return {"type": body[0], "number": ", ".join(body[1:]), "country": country}


def add_identifiers(entity: Entity, listing: Listing, ids: list[dict[str, Any]]) -> None:
    """Put each id item where it belongs: a property, the listing's extra, or notes."""
    for item in ids:
        kind = str(item.get("type") or "").strip().rstrip(":-").strip()
        number = str(item.get("number") or "").strip()
        country = str(item.get("country") or "").strip()
        if not number:
            continue
        lowered = kind.lower()
        if lowered in _EXTRA:
            key = _EXTRA[lowered]
            previous = listing.extra.get(key)
            listing.extra[key] = f"{previous}; {number}" if previous else number
            continue
        if lowered == "gender":
            entity.add("gender", number.lower())
            continue
        if lowered == "issuer name":
            entity.add("alias", number)
            continue
        prop = next((p for key, p in _PROPS if key in lowered), None)
        if prop == "imoNumber":
            number = re.sub(r"^IMO\s*", "", number)
        if prop:
            entity.add(prop, number)
        if country or not prop:  # keep what the property cannot hold
            suffix = f" ({country})" if country else ""
            entity.add("notes", f"{kind or 'id'}: {number}{suffix}")
