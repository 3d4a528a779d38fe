"""Candidate generation: rank every entity cheaply, keep the best few for full scoring.

The cheap rank is an IDF-weighted overlap of index keys: each query token
contributes its own weight when a list entity has the same token, most of it
through the phonetic key, and a share spread over its trigrams (so a typo
loses only the trigrams it touches). Related forms (a nickname, a romanisation,
an acronym and the words it stands for) count a share of their weight.
Identifiers weigh more than any name.
"""

from __future__ import annotations

import numba
import numpy as np

from tamis.matching.features.acronyms import run_initials, short_tokens
from tamis.matching.index import KeyIndex, acronym_key, related_keys, trigrams
from tamis.matching.prepared import PreparedEntity
from tamis.matching.scratch import scratch

#: How many entities are fully scored per query at most ...
DEFAULT_CANDIDATES = 50
#: ... of which those ranked below RELATIVE_CUTOFF x the best rank are dropped,
#: except the first MIN_CANDIDATES (the entity that full scoring ranks first is
#: almost always at the top of this rank; see bench/bench_screening.py).
RELATIVE_CUTOFF = 0.25
MIN_CANDIDATES = 10
TIE_ROOM = 2
PHONETIC_SHARE = 0.8
#: Share of a key's weight for a related form (nickname, acronym, romanisation...).
RELATED_SHARE = 0.8
TRIGRAM_SHARE = 1.0
IDENTIFIER_WEIGHT = 50.0
#: Query tokens whose keys and weights are kept (the cache is emptied when full).
QUERY_CACHE_SIZE = 100_000


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


@numba.njit(cache=True, nogil=True)
def rank(
    owners: np.ndarray,
    key_start: np.ndarray,
    keys: np.ndarray,
    weights: np.ndarray,
    mask: np.ndarray,
    limit: int,
    scores: np.ndarray,
    touched: np.ndarray,
) -> np.ndarray:
    """The candidates: each entity's rank is the sum of the (positive) weights of the
    keys it holds (added key by key, in the order given); of the entities allowed by
    ``mask``, the ``limit`` best are kept, with those tied with the last one kept (up to
    TIE_ROOM x ``limit``, lowest entity numbers first, so that the candidates never
    depend on how a sort breaks ties), then those below RELATIVE_CUTOFF x the best are
    dropped except the first MIN_CANDIDATES.

    ``scores`` (all zero) and ``touched`` are work arrays of one entry per entity;
    ``scores`` is all zero again on return."""
    count = 0
    for k in range(keys.size):
        weight = weights[k]
        for p in range(key_start[keys[k]], key_start[keys[k] + 1]):
            entity = owners[p]
            if scores[entity] == 0.0:
                touched[count] = entity
                count += 1
            scores[entity] += weight
    # the limit-th best rank of the allowed entities, through a min-heap of the best
    heap = np.empty(max(limit, 1))
    allowed = 0
    for t in range(count):
        entity = touched[t]
        if mask[entity]:
            _heap_offer(heap, min(allowed, limit), limit, scores[entity])
            allowed += 1
    # what ranks above it, and what ties with it, in one pass that also clears scores
    above = np.empty(min(allowed, limit), np.int64)
    above_values = np.empty(above.size)
    tied = np.empty(allowed, np.int64)
    n_above = n_tied = 0
    for t in range(count):
        entity = touched[t]
        value = scores[entity]
        scores[entity] = 0.0
        if not mask[entity]:
            continue
        if allowed <= limit or value > heap[0]:
            above[n_above] = entity
            above_values[n_above] = value
            n_above += 1
        elif value == heap[0]:
            tied[n_tied] = entity
            n_tied += 1
    # the tied ones, lowest entity numbers first, up to TIE_ROOM x limit in all
    tied = np.sort(tied[:n_tied])[: max(0, TIE_ROOM * limit - n_above)]
    found = np.concatenate((above[:n_above], tied))
    values = np.concatenate((above_values[:n_above], np.full(tied.size, heap[0])))
    by_number = np.argsort(found)
    found, values = found[by_number], values[by_number]
    order = np.argsort(-values, kind="mergesort")
    ranked, values = found[order], values[order]
    if ranked.size == 0:
        return ranked
    keep = values >= values[0] * RELATIVE_CUTOFF
    keep[:MIN_CANDIDATES] = True
    return ranked[keep]


@numba.njit(cache=True, nogil=True, inline="always")
def _heap_offer(heap: np.ndarray, size: int, k: int, value: float) -> None:
    """Offers ``value`` to ``heap``, a min-heap of the ``k`` largest values offered so
    far, ``size`` of them in it until it is full."""
    if size < k:
        child = size
        while child > 0:
            parent = (child - 1) // 2
            if heap[parent] <= value:
                break
            heap[child] = heap[parent]
            child = parent
        heap[child] = value
    elif value > heap[0]:
        parent = 0
        while True:
            child = 2 * parent + 1
            if child >= k:
                break
            if child + 1 < k and heap[child + 1] < heap[child]:
                child += 1
            if heap[child] >= value:
                break
            heap[parent] = heap[child]
            parent = child
        heap[parent] = value
