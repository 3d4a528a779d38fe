"""Gender agreement (only a disagreement carries information)."""

from __future__ import annotations


def gender_agreement(query: str | None, candidate: str | None) -> float:
    """-1 when both genders are known and differ, otherwise 0."""
    if query and candidate and query != candidate:
        return -1.0
    return 0.0
