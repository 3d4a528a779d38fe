"""What every algorithm offers."""

from __future__ import annotations

from typing import ClassVar

from tamis.matching.explain import Score
from tamis.matching.prepared import PreparedEntity, prepare_entity
from tamis.model import Entity


class Algorithm:
    """A scoring method with a stable name, version and default threshold."""

    name: ClassVar[str]
    version: ClassVar[str]
    description: ClassVar[str]
    #: scores at or above this deserve an analyst's look
    threshold: ClassVar[float]

    def compare(self, query: Entity, candidate: Entity) -> Score:
        """Score how likely ``candidate`` is the entity ``query`` describes."""
        return self.compare_prepared(prepare_entity(query), prepare_entity(candidate))

    def compare_prepared(
        self, query: PreparedEntity, candidate: PreparedEntity, explain: bool = True
    ) -> Score:  # pragma: no cover - interface
        raise NotImplementedError

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "version": self.version,
            "description": self.description,
            "threshold": self.threshold,
        }
