"""Legal-form compatibility: "Deutsche Bank AG" is not "Deutsche Bank GmbH"-like
different kinds of body, and a trust, foundation, association or cooperative is
not the company whose name it shares ("Deutsche Bank Trust Company")."""

from __future__ import annotations

from typing import Final

from tamis.text.legal_forms import compatible

#: Legal-form classes that name a different kind of body than a company.
KIND_CLASSES: Final = frozenset({"trust", "foundation", "association", "cooperative"})
#: Classes of one precise legal form each: a body has one of them, so two different
#: ones name two bodies (an AG is not a GmbH). "Company", "Co", "Group" and branches
#: are too loosely used to tell anything.
EXCLUSIVE_CLASSES: Final = frozenset({"llc", "jsc", "partnership", "sole"})


def legal_form_agreement(query: frozenset[str], candidate: frozenset[str]) -> float:
    """-1 when both names carry legal forms of incompatible classes, when they carry
    different precise forms (LLC / JSC / partnership), or when only one side names a
    non-commercial kind of body (trust, foundation, ...); otherwise 0."""
    if query and candidate and not compatible(sorted(query), sorted(candidate)):
        return -1.0
    if (query ^ candidate) & KIND_CLASSES:
        return -1.0
    if (
        query
        and candidate
        and query <= EXCLUSIVE_CLASSES
        and candidate <= EXCLUSIVE_CLASSES
        and not query & candidate
    ):
        return -1.0
    return 0.0
