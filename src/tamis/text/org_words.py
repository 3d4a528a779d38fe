"""Shortened words of organisation names ("lab" / "laboratory"), from the table
``data/org_abbreviations.yml``."""

from __future__ import annotations

from functools import cache

from tamis.text.normalize import latinize
from tamis.text.tables import load_table


@cache
def _pairs() -> frozenset[frozenset[str]]:
    pairs: set[frozenset[str]] = set()
    for word, shorts in load_table("org_abbreviations.yml").items():
        for short in shorts:
            pairs.add(frozenset((latinize(str(word)), latinize(str(short)))))
    return frozenset(pairs)


@cache
def _partners() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for pair in _pairs():
        for word in pair:
            out.setdefault(word, set()).update(pair - {word})
    return {word: frozenset(others) for word, others in out.items()}


def short_form_partners(token: str) -> frozenset[str]:
    """The words a latin token is a listed short form of, or the short forms of it."""
    return _partners().get(token, frozenset())


def is_short_form(a: str, b: str) -> bool:
    """Whether one latin token is a listed short form of the other ("univ" / "university")."""
    return a != b and frozenset((a, b)) in _pairs()
