"""Exact matches of normalised identifiers (passport, national ID, IMO, LEI, ISIN, ...)."""

from __future__ import annotations


def identifier_match(query: frozenset[str], candidate: frozenset[str]) -> str | None:
    """The normalised identifier both sides share, if any (the longest one)."""
    shared = query & candidate
    if not shared:
        return None
    return max(sorted(shared), key=len)
