"""Numbers in names are significant: OCEAN STAR II is not OCEAN STAR, 747 is not 737."""

from __future__ import annotations


def number_agreement(query: frozenset[str], candidate: frozenset[str]) -> float:
    """0 when the numbers agree (or neither name has one), -1 when both names carry
    numbers and they differ, -0.5 when only one name carries a number."""
    if query == candidate:
        return 0.0
    if query and candidate:
        return -1.0
    return -0.5


def unmatched_numerals(numbers: frozenset[str], other_tokens: tuple[str, ...]) -> frozenset[str]:
    """The numbers of a name, less the Roman numerals the other name writes as a word
    ("Jinping Xi" / "Xi Jinping": "xi" is a family name, not 11)."""
    return frozenset(n for n in numbers if n.isdigit() or n not in other_tokens)
