"""A screening hit: a list entity, its score and the reasons for it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tamis.matching.explain import Explanation
from tamis.model import Entity


@dataclass
class Hit:
    entity: Entity
    score: float
    match: bool  #: score at or above the algorithm's default threshold
    explanations: list[Explanation] = field(default_factory=list)

    @property
    def listed_on(self) -> str | None:
        dates = [listing.listed_on for listing in self.entity.listings if listing.listed_on]
        return min(dates) if dates else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.entity.id,
            "schema": self.entity.schema,
            "caption": self.entity.caption,
            "names": self.entity.names,
            "lists": self.entity.lists,
            "programs": self.entity.programs,
            "listed_on": self.listed_on,
            "score": round(self.score, 4),
            "match": self.match,
            "explanations": [e.to_dict() for e in self.explanations],
        }
