"""Schema compatibility: a person never matches a vessel or a company.

Company, Organization, PublicBody and LegalEntity are compatible with each
other; a query schema of ``Thing`` or ``LegalEntity`` leaves the kind open
(``LegalEntity`` still excludes vessels, aircraft and securities).
"""

from __future__ import annotations

from tamis.model import schema_is_a


def _kind(schema: str) -> str:
    if schema_is_a(schema, "Person"):
        return "person"
    if schema_is_a(schema, "Organization"):
        return "organization"
    if schema == "LegalEntity":
        return "legal"
    if schema == "Thing":
        return "thing"
    return schema.lower()  # Vessel, Airplane, Security, CryptoWallet


def schema_compatible(query: str, candidate: str) -> bool:
    """Whether entities of these two schemata can be the same thing."""
    a, b = _kind(query), _kind(candidate)
    if a == b or "thing" in (a, b):
        return True
    if "legal" in (a, b):
        other = b if a == "legal" else a
        return other in ("person", "organization", "legal")
    return False
