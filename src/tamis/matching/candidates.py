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


def query_weights(index: KeyIndex, query: PreparedEntity) -> dict[int, float]:
    """Indexed key number -> weight for a prepared query (the best weight when keys
    repeat), in the order the keys are first met: :func:`rank` adds them in that order."""
    weights: dict[int, float] = {}
    numbers = index.key_numbers

    def put(key: str, share: float) -> None:
        number = numbers.get(key)
        if number is not None:
            _keep_best(weights, number, share * index.idf[number])

    for name in query.names:
        for org in (False, True):
            # an acronym in the query finds the words it stands for, and the
            # query's words find an acronym on the list
            for token in short_tokens(name.tokens, org):
                put(acronym_key(token, org), RELATED_SHARE)
            for initials in run_initials(name.tokens, org):
                put("t:" + initials, RELATED_SHARE)
        for token, phon in zip(name.tokens, name.phonetic, strict=True):
            for number, weight in _token_weights(index, token, phon):
                _keep_best(weights, number, weight)
    for ident in query.identifiers:
        held = numbers.get("i:" + ident)
        if held is not None:
            _keep_best(weights, held, IDENTIFIER_WEIGHT)
    return weights


def _keep_best(weights: dict[int, float], number: int, weight: float) -> None:
    """Keeps ``weight`` for key ``number`` if it beats the weight kept so far."""
    if weight > weights.get(number, 0.0):
        weights[number] = weight


def _token_weights(index: KeyIndex, token: str, phon: str) -> tuple[tuple[int, float], ...]:
    """The indexed keys of one query token (their numbers) with their weights (kept per
    index: the same tokens recur from query to query)."""
    cache = index.query_cache
    found = cache.get((token, phon))
    if found is not None:
        return found
    # (key, share, divisor): its weight is share x idf / divisor, in that order
    keys = [("t:" + token, 1.0, 1)]
    keys.extend((key, RELATED_SHARE, 1) for key in related_keys(token))
    if phon:
        keys.append(("p:" + phon, PHONETIC_SHARE, 1))
    grams = trigrams(token)
    keys.extend(("g:" + gram, TRIGRAM_SHARE, len(grams)) for gram in grams)
    out = []
    for key, share, divisor in keys:
        number = index.key_numbers.get(key)
        # keys no entity holds add nothing to any rank
        if number is not None:
            out.append((number, share * index.idf[number] / divisor))
    found = tuple(out)
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
    weights = query_weights(index, query)
    if not weights:
        return []
    return rank(
        index.owners,
        index.key_start,
        np.fromiter(weights.keys(), dtype=np.int64, count=len(weights)),
        np.fromiter(weights.values(), dtype=np.float64, count=len(weights)),
        np.ones(index.size, dtype=bool) if mask is None else mask,
        limit,
        # work arrays of one entry per entity: see rank
        scratch("rank.scores", index.size, np.float64),
        scratch("rank.touched", index.size, np.int64),
        scratch("rank.marks", index.size, np.bool_),
    ).tolist()
