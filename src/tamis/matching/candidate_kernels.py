"""The compiled loops of candidate generation (numba): sum the weights of the keys each
entity holds and keep the best-ranked entities; look entities up in postings. Kept apart from
:mod:`tamis.matching.candidates`, whose Python is compiled by mypyc instead."""

from __future__ import annotations

import numba
import numpy as np

#: Of the best-ranked entities, those ranked below RELATIVE_CUTOFF x the best rank are
#: dropped, except the first MIN_CANDIDATES (the entity that full scoring ranks first is
#: almost always at the top of this rank; see bench/bench_screening.py); entities tied
#: with the last one kept are kept too, up to TIE_ROOM x the limit.
RELATIVE_CUTOFF = 0.25
MIN_CANDIDATES = 10
TIE_ROOM = 2


#: Relative margin on the pruning test of :func:`_touch`: sums of the same weights
#: taken in another order differ by far less.
PRUNE_MARGIN = 1e-9


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
    marks: np.ndarray,
) -> np.ndarray:
    """The candidates: each entity's rank is the sum of the (positive) weights of the
    keys it holds (added key by key, in the order given); of the entities allowed by
    ``mask``, the ``limit`` best are kept, with those tied with the last one kept (up to
    TIE_ROOM x ``limit``, lowest entity numbers first, so that the candidates never
    depend on how a sort breaks ties), then those below RELATIVE_CUTOFF x the best are
    dropped except the first MIN_CANDIDATES.

    ``scores`` (all zero), ``touched`` and ``marks`` (all False) are work arrays of one
    entry per entity; ``scores`` and ``marks`` are left as they were found."""
    count = _touch(owners, key_start, keys, weights, mask, limit, scores, touched, marks)[0]
    return _select(scores, touched, count, mask, limit)


@numba.njit(cache=True, nogil=True)
def _touch(
    owners: np.ndarray,
    key_start: np.ndarray,
    keys: np.ndarray,
    weights: np.ndarray,
    mask: np.ndarray,
    limit: int,
    scores: np.ndarray,
    touched: np.ndarray,
    marks: np.ndarray,
) -> tuple[int, int]:
    """Puts in ``touched[:count]`` every entity that may be among the best ``limit``
    allowed ones (or tie with the last of them), with its exact rank in ``scores``;
    returns (count, the number of keys whose entities were gathered).

    Most entities a query touches hold only common trigrams, keys of small weight and
    long postings, and can never rank among the best. Keys are gathered heaviest first;
    once more than ``limit`` allowed entities are touched and the weights of the keys
    left sum to less than the ``limit``-th best rank so far, an entity none of the
    gathered keys holds can only rank below the entities already touched: the keys
    left add to the touched entities only. The ranks are then summed again in the
    order given, so that they are exactly those of summing every key (ties between
    candidates depend on the last bit)."""
    n = keys.size
    order = np.argsort(-weights, kind="mergesort")
    weight_left = np.zeros(n + 1)
    postings_left = np.zeros(n + 1, np.int64)
    for i in range(n - 1, -1, -1):
        k = keys[order[i]]
        weight_left[i] = weight_left[i + 1] + weights[order[i]]
        postings_left[i] = postings_left[i + 1] + key_start[k + 1] - key_start[k]
    heap = np.empty(max(limit, 1))
    count = allowed = 0
    gathered = n
    for i in range(n):
        weight = weights[order[i]]
        k = keys[order[i]]
        for p in range(key_start[k], key_start[k + 1]):
            entity = owners[p]
            if scores[entity] == 0.0:
                touched[count] = entity
                count += 1
                if mask[entity]:
                    allowed += 1
            scores[entity] += weight
        # worth testing only when the postings left outnumber the entities to rank
        if allowed > limit and postings_left[i + 1] > count:
            bound = weight_left[i + 1] * (1.0 + PRUNE_MARGIN)
            if bound < weight_left[0] - weight_left[i + 1]:
                _offer_allowed(heap, scores, touched, count, mask, limit)
                if bound < heap[0] * (1.0 - PRUNE_MARGIN):
                    gathered = i + 1
                    break
    # the exact ranks: every key's weight added to the touched entities, in the order given
    for t in range(count):
        scores[touched[t]] = 0.0
        marks[touched[t]] = True
    for k in range(n):
        weight = weights[k]
        for p in range(key_start[keys[k]], key_start[keys[k] + 1]):
            entity = owners[p]
            if marks[entity]:
                scores[entity] += weight
    for t in range(count):
        marks[touched[t]] = False
    return count, gathered


@numba.njit(cache=True, nogil=True)
def _select(
    scores: np.ndarray, touched: np.ndarray, count: int, mask: np.ndarray, limit: int
) -> np.ndarray:
    """The candidates among ``touched[:count]`` (see :func:`rank`); clears ``scores``."""
    # the limit-th best rank of the allowed entities, through a min-heap of the best
    heap = np.empty(max(limit, 1))
    allowed = _offer_allowed(heap, scores, touched, count, mask, limit)
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


@numba.njit(cache=True, nogil=True)
def _offer_allowed(
    heap: np.ndarray,
    scores: np.ndarray,
    touched: np.ndarray,
    count: int,
    mask: np.ndarray,
    limit: int,
) -> int:
    """Fills ``heap`` with the ``limit`` best ranks of the entities of ``touched[:count]``
    that ``mask`` allows (its root the ``limit``-th best when there are that many);
    returns how many are allowed."""
    allowed = 0
    for t in range(count):
        entity = touched[t]
        if mask[entity]:
            _heap_offer(heap, min(allowed, limit), limit, scores[entity])
            allowed += 1
    return allowed


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


@numba.njit(cache=True, nogil=True)
def entities_holding(owners: np.ndarray, key_start: np.ndarray, keys: np.ndarray,
                     entities: np.ndarray) -> np.ndarray:  # fmt: skip
    """Which of ``entities`` hold one of ``keys`` (key numbers): a binary search per
    entity in each key's posting (``owners[key_start[n]:key_start[n + 1]]``, sorted),
    rather than merging postings that may be long."""
    out = np.zeros(entities.size, np.bool_)
    for n in keys:
        start, end = key_start[n], key_start[n + 1]
        if start == end:
            continue
        posting = owners[start:end]
        at = np.searchsorted(posting, entities)
        for k in range(entities.size):
            if at[k] < posting.size and posting[at[k]] == entities[k]:
                out[k] = True
    return out
