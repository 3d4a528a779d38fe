"""Scores and the explanations an analyst reads beside them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Explanation:
    """One feature's part in a score: what matched what, contributing how much."""

    feature: str  #: e.g. ``name``, ``birth_date``, ``country``, ``identifier``
    contribution: float  #: signed effect on the final score
    query_value: str | None
    candidate_value: str | None
    text: str  #: an analyst-readable sentence

    @property
    def weight(self) -> float:
        return self.contribution

    def to_dict(self) -> dict[str, Any]:
        return {
            "feature": self.feature,
            "contribution": round(self.contribution, 4),
            "query_value": self.query_value,
            "candidate_value": self.candidate_value,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Score:
    """The result of comparing a query with a candidate under one algorithm."""

    score: float
    explanations: list[Explanation] = field(default_factory=list)


def signed(value: float) -> str:
    """``+0.82`` / ``−0.30`` as printed in explanations."""
    return f"+{value:.2f}" if value >= 0 else f"\u2212{abs(value):.2f}"
