"""Candidate generation: rank every entity cheaply, keep the best few for full scoring.

The cheap rank is an IDF-weighted overlap of index keys: each query token
contributes its own weight when a list entity has the same token, most of it
through the phonetic key, and a share spread over its trigrams (so a typo
loses only the trigrams it touches). Related forms (a nickname, a romanisation,
an acronym and the words it stands for) count a share of their weight.
Identifiers weigh more than any name.
"""

from __future__ import annotations

from typing import Final

import numpy as np

from tamis.matching.candidate_kernels import rank
from tamis.matching.features.acronyms import run_initials, short_tokens
from tamis.matching.index import KeyIndex, acronym_key, related_keys, trigrams
from tamis.matching.prepared import PreparedEntity
from tamis.matching.scratch import scratch

#: How many entities are fully scored per query at most ...
DEFAULT_CANDIDATES: Final = 50
#: ... of which :func:`~tamis.matching.candidate_kernels.rank` drops the weakest.
#: Share of a token's weight that its phonetic key carries.
PHONETIC_SHARE: Final = 0.8
#: Share of a key's weight for a related form (nickname, acronym, romanisation...).
RELATED_SHARE: Final = 0.8
TRIGRAM_SHARE: Final = 1.0
IDENTIFIER_WEIGHT: Final = 50.0
#: Query tokens whose keys and weights are kept (the cache is emptied when full).
QUERY_CACHE_SIZE: Final = 100_000


def query_weights(index: KeyIndex, query: PreparedEntity) -> dict[str, float]:
    """Key -> weight for a prepared query (the best weight when keys repeat)."""
    weights: dict[str, float] = {}

    def put(key: str, weight: float) -> None:
        if weight > weights.get(key, 0.0):
            weights[key] = weight

    for name in query.names:
        for org in (False, True):
            # an acronym in the query finds the words it stands for, and the
            # query's words find an acronym on the list
            for token in short_tokens(name.tokens, org):
                key = acronym_key(token, org)
                put(key, RELATED_SHARE * index.weight(key))
            for initials in run_initials(name.tokens, org):
                put("t:" + initials, RELATED_SHARE * index.weight("t:" + initials))
        for token, phon in zip(name.tokens, name.phonetic, strict=True):
            for key, weight in _token_weights(index, token, phon):
                put(key, weight)
    for ident in query.identifiers:
        put("i:" + ident, IDENTIFIER_WEIGHT)
    return weights


def _token_weights(index: KeyIndex, token: str, phon: str) -> tuple[tuple[str, float], ...]:
    """The keys of one query token with their weights (kept per index: the same
    tokens recur from query to query)."""
    cache = index.query_cache
    found = cache.get((token, phon))
    if found is not None:
        return found
    out = [("t:" + token, index.weight("t:" + token))]
    out.extend((key, RELATED_SHARE * index.weight(key)) for key in related_keys(token))
    if phon:
        out.append(("p:" + phon, PHONETIC_SHARE * index.weight("p:" + phon)))
    grams = trigrams(token)
    out.extend(
        ("g:" + gram, TRIGRAM_SHARE * index.weight("g:" + gram) / len(grams)) for gram in grams
    )
    # keys no entity holds add nothing to any rank
    found = tuple((key, weight) for key, weight in out if weight > 0)
    if len(cache) >= QUERY_CACHE_SIZE:
        cache.clear()
    cache[(token, phon)] = found
    return found


def top_candidates(
    index: KeyIndex,
    query: PreparedEntity,
    mask: np.ndarray | None = None,
    limit: int = DEFAULT_CANDIDATES,
) -> list[int]:
    """Entity numbers of the ``limit`` best-ranked entities allowed by ``mask``, best
    first (ties by entity number)."""
    numbers, weights = [], []
    for key, weight in query_weights(index, query).items():
        number = index.key_numbers.get(key)
        if number is not None:
            numbers.append(number)
            weights.append(weight)
    if not numbers:
        return []
    return rank(
        index.owners,
        index.key_start,
        np.array(numbers, dtype=np.int64),
        np.array(weights, dtype=np.float64),
        np.ones(index.size, dtype=bool) if mask is None else mask,
        limit,
        # work arrays of one entry per entity: see rank
        scratch("rank.scores", index.size, np.float64),
        scratch("rank.touched", index.size, np.int64),
    ).tolist()
