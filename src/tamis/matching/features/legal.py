"""Legal-form compatibility: "Deutsche Bank AG" is not "Deutsche Bank GmbH"."""

from __future__ import annotations

from tamis.text.legal_forms import compatible


def legal_form_agreement(query: frozenset[str], candidate: frozenset[str]) -> float:
    """-1 when both names carry legal forms of incompatible classes, otherwise 0."""
    if query and candidate and not compatible(sorted(query), sorted(candidate)):
        return -1.0
    return 0.0
