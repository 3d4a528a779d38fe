"""Nationality / country agreement between a query and a list entity."""

from __future__ import annotations


def country_agreement(
    query: frozenset[str], candidate: frozenset[str]
) -> tuple[float, str | None, str | None]:
    """1 with the shared code when the sets meet, -1 when both are known and disjoint,
    0 when either side has no country."""
    if not query or not candidate:
        return 0.0, None, None
    shared = query & candidate
    if shared:
        code = min(shared)
        return 1.0, code, code
    return -1.0, ", ".join(sorted(query)), ", ".join(sorted(candidate))
