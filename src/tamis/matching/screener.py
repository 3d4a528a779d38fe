"""The screener: an index over list entities that answers screening queries."""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections import OrderedDict
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np

from tamis.errors import InputError
from tamis.matching.candidates import (
    DEFAULT_CANDIDATES,
    top_candidates,
)
from tamis.matching.explain import Explanation
from tamis.matching.features.bounds import TokenTable
from tamis.matching.features.schema import schema_compatible
from tamis.matching.hits import Hit
from tamis.matching.index import KeyIndex
from tamis.matching.prepared import PreparedEntity, prepare_entity
from tamis.matching.query import check_date
from tamis.matching.registry import DEFAULT_ALGORITHM, get_algorithm
from tamis.model import Entity

#: Below this many queries, screen_many stays in one process.
POOL_MIN_QUERIES = 200
#: Below this threshold, screening searches every list entity rather than the index's
#: candidates (when the algorithm is ``bounded``): whoever asks for weak matches gets
#: exactly the entities that scoring each one would rank first, at the cost of bounding
#: every entity's names (tens of milliseconds a query instead of one or two). From it
#: up, only the index's candidates are scored: checked against scoring every entity,
#: they held the best entity of every query whose best reaches the default threshold
#: (bench/bench_screening.py).
EXACT_BELOW = 0.5
#: The smallest score an exact search returns: an entity scoring 0 has nothing in
#: common with the query, and thousands tie there.
EXACT_MIN_SCORE = 1e-6


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Building an index allocates millions of small objects and frees almost none;
    the cyclic garbage collector would walk the growing heap again and again (it
    took three quarters of the build time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Screener:
    """Screens queries against a fixed set of list entities.

    Building one prepares every entity (normalised names, phonetic keys, dates,
    countries, identifiers) and indexes them; screening then ranks candidates
    through the index and scores the best of them with the chosen algorithm.
    """

    def __init__(self, entities: Iterable[Entity], candidates: int = DEFAULT_CANDIDATES) -> None:
        self.entities: list[Entity] = list(entities)
        with _collector_paused():
            self.prepared: list[PreparedEntity] = [prepare_entity(e) for e in self.entities]
            self.index = KeyIndex(self.prepared)
            self._token_table = TokenTable(self.prepared)
        self.candidates = candidates
        self._schemas = np.array([e.schema for e in self.entities], dtype=object)
        self._masks: OrderedDict[tuple[Any, ...], np.ndarray] = OrderedDict()

    @classmethod
    def from_store(
        cls,
        store: Any,
        as_of: str | None = None,
        lists: Sequence[str] | None = None,
        **kwargs: Any,
    ) -> Screener:
        """A screener over ``store.entities(as_of, lists)``: the current versions, or
        the versions in force on ``as_of`` (needed to screen against a past date,
        since a delisted entity may be gone from the current version)."""
        return cls(store.entities(as_of=as_of, lists=lists), **kwargs)

    def warm_up(self) -> Screener:
        """Screen one made-up name so that the compiled loops of the matching engine are
        loaded before the first real query (the first query of a process pays it: a few
        seconds on a machine that has not compiled them yet, a fraction of a second
        after). Call it before forking workers, which then inherit them."""
        from tamis.matching.query import build_query

        self.screen(build_query("Warm Up Probe Holdings"), threshold=1.0)
        return self

    def token_table(self) -> TokenTable:
        """Every entity's names as token numbers (see :mod:`tamis.matching.features.bounds`)."""
        return self._token_table

    def __len__(self) -> int:
        return len(self.entities)

    # -- filters -------------------------------------------------------------
    def _mask(
        self,
        as_of: str,
        lists: tuple[str, ...] | None,
        schema: str,
        schemas: tuple[str, ...] | None,
    ) -> np.ndarray:
        """Which entities may be hit: in force on ``as_of``, on ``lists``, of a
        schema compatible with the query (cached: most queries share filters)."""
        key = (as_of, lists, schema, schemas)
        mask = self._masks.get(key)
        if mask is not None:
            self._masks.move_to_end(key)
            return mask
        wanted = set(lists) if lists is not None else None
        allowed_schemas = {s for s in set(self._schemas) if schema_compatible(schema, s)}
        if schemas is not None:
            allowed_schemas &= set(schemas)
        values = []
        for entity in self.entities:
            ok = entity.schema in allowed_schemas
            if ok:
                if entity.listings:
                    ok = any(
                        listing.in_force(as_of) and (wanted is None or listing.list in wanted)
                        for listing in entity.listings
                    )
                else:
                    ok = wanted is None
            values.append(ok)
        mask = np.array(values, dtype=bool)
        self._masks[key] = mask
        if len(self._masks) > 32:
            self._masks.popitem(last=False)
        return mask

    # -- screening -----------------------------------------------------------
    def screen(
        self,
        query: Entity,
        *,
        as_of: str | None = None,
        lists: Sequence[str] | None = None,
        threshold: float | None = None,
        algorithm: str = DEFAULT_ALGORITHM,
        limit: int = 10,
        exclude_ids: Collection[str] = (),
        schemas: Collection[str] | None = None,
        exact: bool | None = None,
    ) -> list[Hit]:
        """Hits for ``query`` scoring at least ``threshold``, best first.

        ``as_of`` (ISO date, default today) keeps entities with a listing in force
        that day; ``lists`` keeps entities listed on one of those lists; ``threshold``
        defaults to the algorithm's own (use 0 to get the ``limit`` nearest entities);
        ``schemas`` restricts the schemata of the hits. ``exact`` chooses between
        searching every entity (True: entities scoring 0 are left out) and the index's
        candidates (False); by default thresholds below :data:`EXACT_BELOW` search every
        entity.
        """
        scored = self._scored(
            query, as_of, lists, threshold, algorithm, limit, exclude_ids, schemas, exact
        )
        return [self._hit(row) for row in scored]

    def _hit(self, row: _Scored) -> Hit:
        number, score, match, explanations = row
        return Hit(self.entities[number], score, match, explanations)

    def _scored(
        self,
        query: Entity,
        as_of: str | None,
        lists: Sequence[str] | None,
        threshold: float | None,
        algorithm: str,
        limit: int,
        exclude_ids: Collection[str],
        schemas: Collection[str] | None,
        exact: bool | None = None,
    ) -> list[_Scored]:
        """(entity number, score, match, explanations) of the hits, best first."""
        algo = get_algorithm(algorithm)
        if threshold is None:
            threshold = algo.threshold
        if not 0.0 <= threshold <= 1.0:
            raise InputError(f"threshold {threshold} is not between 0 and 1")
        if limit < 1:
            raise InputError("limit must be at least 1")
        day = check_date(as_of, "as-of date") if as_of else dt.date.today().isoformat()
        prepared = prepare_entity(query)
        mask = self._mask(
            day,
            tuple(sorted(lists)) if lists is not None else None,
            query.schema,
            tuple(sorted(schemas)) if schemas is not None else None,
        )
        if exact is None:
            exact = algo.bounded and threshold < EXACT_BELOW
        if exact:
            numbers = np.flatnonzero(mask).tolist()
        else:
            numbers = top_candidates(self.index, prepared, mask, max(self.candidates, limit))
        if exclude_ids:
            numbers = [n for n in numbers if self.entities[n].id not in exclude_ids]
        # Explanations are cheap beside the alignment: written for every candidate that
        # reaches the threshold rather than in a second pass over the returned ones.
        if exact:
            floor = max(threshold, EXACT_MIN_SCORE)
            found = algo.best_scores(prepared, numbers, self, floor, limit, explain=True)
        else:
            found = algo.score_candidates(prepared, numbers, self, threshold, explain=True)
        found.sort(key=lambda row: (-row[1].score, self.entities[row[0]].id))
        return [
            (number, result.score, result.score >= algo.threshold, result.explanations)
            for number, result in found[:limit]
        ]

    def screen_many(
        self, queries: Sequence[Entity], *, workers: int | None = None, **options: Any
    ) -> list[list[Hit]]:
        """:meth:`screen` for each query, in order; large batches use a process pool
        (forked, so the index is shared copy-on-write; workers send back entity
        numbers and scores, not entities)."""
        workers = workers if workers is not None else (os.cpu_count() or 1)
        if workers <= 1 or len(queries) < POOL_MIN_QUERIES or os.name != "posix":
            return [self.screen(q, **options) for q in queries]
        import multiprocessing as mp

        global _POOL_SCREENER, _POOL_OPTIONS
        _POOL_SCREENER, _POOL_OPTIONS = self.warm_up(), options
        chunk = max(1, min(64, len(queries) // (workers * 8)))
        # Objects that exist before the fork are moved out of the collector's reach:
        # a collection in a worker would otherwise touch (and so copy) every page of
        # the index, which costs more than the work itself. No collection first: over
        # the bundled lists' heap it takes about a second, as long as the workers need
        # for a thousand names; garbage frozen with the rest is freed after unfreeze.
        gc.freeze()
        try:
            with mp.get_context("fork").Pool(workers) as pool:
                rows = pool.map(_screen_in_worker, queries, chunksize=chunk)
        finally:
            gc.unfreeze()
            _POOL_SCREENER, _POOL_OPTIONS = None, {}
        return [[self._hit(row) for row in scored] for scored in rows]


_Scored = tuple[int, float, bool, list[Explanation]]
_POOL_SCREENER: Screener | None = None
_POOL_OPTIONS: dict[str, Any] = {}


def _screen_in_worker(query: Entity) -> list[_Scored]:
    assert _POOL_SCREENER is not None
    options = {
        "as_of": None,
        "lists": None,
        "threshold": None,
        "algorithm": DEFAULT_ALGORITHM,
        "limit": 10,
        "exclude_ids": (),
        "schemas": None,
        "exact": None,
        **_POOL_OPTIONS,
    }
    return _POOL_SCREENER._scored(query, **options)
