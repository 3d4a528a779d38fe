"""Legal-form compatibility: "Deutsche Bank AG" is not "Deutsche Bank GmbH"-like
different kinds of body, and a trust, foundation, association or cooperative is
not the company whose name it shares ("Deutsche Bank Trust Company")."""

from __future__ import annotations

from tamis.text.legal_forms import compatible

#: Legal-form classes that name a different kind of body than a company.
KIND_CLASSES = frozenset({"trust", "foundation", "association", "cooperative"})


def legal_form_agreement(query: frozenset[str], candidate: frozenset[str]) -> float:
    """-1 when both names carry legal forms of incompatible classes, or when only one
    side names a non-commercial kind of body (trust, foundation, ...); otherwise 0."""
    if query and candidate and not compatible(sorted(query), sorted(candidate)):
        return -1.0
    if (query ^ candidate) & KIND_CLASSES:
        return -1.0
    return 0.0
