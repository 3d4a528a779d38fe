"""What every algorithm offers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Protocol

from tamis.matching.explain import Score
from tamis.matching.features.bounds import TokenTable
from tamis.matching.index import KeyIndex
from tamis.matching.prepared import PreparedEntity, prepare_entity
from tamis.model import Entity


class CandidatePool(Protocol):
    """What an algorithm may use of the screener it scores candidates for."""

    prepared: Sequence[PreparedEntity]
    index: KeyIndex

    def token_table(self) -> TokenTable: ...


class Algorithm:
    """A scoring method with a stable name, version and default threshold."""

    name: ClassVar[str]
    version: ClassVar[str]
    description: ClassVar[str]
    #: scores at or above this deserve an analyst's look
    threshold: ClassVar[float]
    #: whether :meth:`best_scores` bounds scores, so that searching every list entity
    #: costs a few alignments rather than one per entity
    bounded: ClassVar[bool] = False

    def compare(self, query: Entity, candidate: Entity) -> Score:
        """Score how likely ``candidate`` is the entity ``query`` describes."""
        return self.compare_prepared(prepare_entity(query), prepare_entity(candidate))

    def compare_prepared(
        self, query: PreparedEntity, candidate: PreparedEntity, explain: bool = True
    ) -> Score:  # pragma: no cover - interface
        raise NotImplementedError

    def score_candidates(
        self,
        query: PreparedEntity,
        numbers: Sequence[int],
        pool: CandidatePool,
        floor: float,
        explain: bool = False,
    ) -> list[tuple[int, Score]]:
        """(entity number, score) of the candidates ``numbers`` of ``pool`` that score at
        least ``floor``. Algorithms that can bound scores cheaply override this to
        skip candidates that cannot reach ``floor``."""
        out = []
        for number in numbers:
            result = self.compare_prepared(query, pool.prepared[number], explain)
            if result.score >= floor:
                out.append((number, result))
        return out

    def best_scores(
        self,
        query: PreparedEntity,
        numbers: Sequence[int],
        pool: CandidatePool,
        floor: float,
        limit: int,
        explain: bool = False,
    ) -> list[tuple[int, Score]]:
        """At least the ``limit`` best-scoring of ``numbers`` at or above ``floor`` (all
        that tie with the last of them included), unordered: the caller sorts. This one
        returns every one that reaches ``floor``; :attr:`bounded` algorithms stop
        scoring once the rest cannot beat the ``limit`` best."""
        return self.score_candidates(query, numbers, pool, floor, explain)

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "version": self.version,
            "description": self.description,
            "threshold": self.threshold,
        }
