"""The matching engine: find the list entries that are the same as a query.

Public API::

    from tamis.matching import Screener, Hit, Explanation, Score, get_algorithm, \\
        list_algorithms, build_query

    query = build_query("Vladimir Poutine", schema="Person", birth_date="1952")
    screener = Screener(entities)            # or Screener.from_store(store)
    hits = screener.screen(query, as_of="2024-01-01", lists=["ofac_sdn"])
    get_algorithm("tamis-v1").compare(query, candidate)  # Score(score, explanations)
"""

from tamis.matching.algorithms.base import Algorithm
from tamis.matching.explain import Explanation, Score
from tamis.matching.hits import Hit
from tamis.matching.query import build_query
from tamis.matching.registry import DEFAULT_ALGORITHM, get_algorithm, list_algorithms
from tamis.matching.screener import Screener

__all__ = [
    "DEFAULT_ALGORITHM",
    "Algorithm",
    "Explanation",
    "Hit",
    "Score",
    "Screener",
    "build_query",
    "get_algorithm",
    "list_algorithms",
]
