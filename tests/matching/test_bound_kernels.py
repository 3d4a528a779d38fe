"""The compiled loops of candidate ranking and the bounds compute what their Python
definitions say."""

from __future__ import annotations

import random

import numpy as np
from rapidfuzz.distance import OSA, Levenshtein
from rapidfuzz.process import cdist, cpdist

from tamis.matching.candidate_kernels import (
    MIN_CANDIDATES,
    RELATIVE_CUTOFF,
    TIE_ROOM,
    _touch,
    rank,
)
from tamis.matching.features.bound_kernels import (
    distinct_tokens,
    entity_max,
    gather_names,
    spelling_pairs,
)
from tamis.matching.features.bounds import _PAIRING_THRESHOLDS, _pairing_spelling, _spelt_alike
from tamis.matching.features.tokens import spelling_similarity


def test_spelling_kernels_are_spelling_similarity():
    rng = random.Random(3)
    words = [
        "".join(rng.choice("abcdeilnorsu") for _ in range(rng.randint(1, 9))) for _ in range(60)
    ]
    words += ["mohammed", "muhammad", "sergei", "sergey", "ab", "ba", "abc", "bac"]
    left, right = words[:30], words[30:]
    # may_pair needs only the side of each pairing threshold: from the OSA distances
    # alone where they settle it, the Levenshtein distance added where they do not
    sides = _pairing_spelling(
        left,
        right,
        np.array([len(w) for w in left], dtype=np.float64),
        np.array([len(w) for w in right], dtype=np.float64),
    )
    settled_by_osa = 0
    edits = cdist(left, right, scorer=OSA.distance, dtype=np.int32)
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            exact = spelling_similarity(a, b)
            for threshold in _PAIRING_THRESHOLDS:
                assert (sides[i, j] >= threshold) == (exact >= threshold), (a, b, threshold)
            settled_by_osa += edits[i, j] > 0 and max(0.0, sides[i, j]) != exact
    assert settled_by_osa > 0
    right = right[: len(left)]
    pairs = spelling_pairs(
        cpdist(left, right, scorer=OSA.distance, dtype=np.int32),
        cpdist(left, right, scorer=Levenshtein.distance, dtype=np.int32),
        np.array([len(w) for w in left], dtype=np.float64),
        np.array([len(w) for w in right], dtype=np.float64),
    )
    for k, (a, b) in enumerate(zip(left, right, strict=True)):
        assert max(0.0, pairs[k]) == spelling_similarity(a, b), (a, b)


def _edited(rng: random.Random, word: str, edits: int) -> str:
    letters = list(word)
    for _ in range(edits):
        at, roll = rng.randrange(max(len(letters), 1)), rng.random()
        if roll < 0.3 and at + 1 < len(letters):
            letters[at], letters[at + 1] = letters[at + 1], letters[at]
        elif roll < 0.6 and letters:
            letters[at] = rng.choice("abcdeilnorsu")
        elif roll < 0.8:
            letters.insert(at, rng.choice("abc"))
        elif letters:
            del letters[at]
    return "".join(letters)


def test_spelt_alike_is_spelling_similarity_at_a_threshold():
    # joined forms and merged tokens: short and long strings, near and far pairs,
    # transpositions (which the OSA distance alone cannot price)
    rng = random.Random(5)
    left, right = [], []
    for _ in range(1500):
        word = "".join(rng.choice("abcdeilnorsu") for _ in range(rng.randint(1, 70)))
        left.append(word)
        far = rng.random() < 0.1
        right.append(
            "".join(rng.choice("abcdeilnorsu") for _ in range(rng.randint(1, 70)))
            if far
            else _edited(rng, word, rng.randint(0, 8))
        )
    for least in (0.5, 0.85, 0.95):
        exact = [
            spelling_similarity(a, b) >= least - 1e-9 for a, b in zip(left, right, strict=True)
        ]
        assert _spelt_alike(left, right, least).tolist() == exact
        assert 0 < sum(exact) < len(exact)
    assert _spelt_alike([], [], 0.85).size == 0


def test_gather_names_lists_each_entitys_names_and_tokens_in_order():
    # three entities with 2, 0 and 1 names; names of 2, 1 and 3 tokens
    entity_start = np.array([0, 2, 2, 3], dtype=np.int64)
    token_start = np.array([0, 2, 3, 6], dtype=np.int64)
    name_tokens = np.array([10, 11, 12, 13, 14, 15], dtype=np.int64)
    names, owner, offsets, sizes, segments, tokens = gather_names(
        entity_start, token_start, name_tokens, np.array([2, 1, 0], dtype=np.int64)
    )
    assert names.tolist() == [2, 0, 1]
    assert owner.tolist() == [0, 2, 2]
    assert offsets.tolist() == [0, 1, 1, 3]
    assert sizes.tolist() == [3, 2, 1]
    assert segments.tolist() == [0, 3, 5]
    assert tokens.tolist() == [13, 14, 15, 10, 11, 12]


def test_distinct_tokens_is_numpys_unique_and_leaves_its_work_array_clean():
    rng = np.random.default_rng(5)
    slot = np.full(50, -1, dtype=np.int64)
    for size in (0, 1, 7, 200):
        tokens = rng.integers(0, 50, size=size)
        distinct, inverse = distinct_tokens(tokens, slot)
        expected, expected_inverse = np.unique(tokens, return_inverse=True)
        assert distinct.tolist() == expected.tolist()
        assert inverse.tolist() == expected_inverse.tolist()
        assert (slot == -1).all()


def test_entity_max_takes_each_entitys_best_name():
    values = np.array([0.2, 0.9, 0.1, 0.5, 0.7])
    offsets = np.array([0, 2, 2, 3, 5])  # the second entity has no names
    assert entity_max(values, offsets).tolist() == [0.9, 0.0, 0.1, 0.7]


def _rank_by_sorting(owners, key_start, keys, weights, mask, limit):
    """:func:`rank` written with whole-array numpy operations (the definition)."""
    scores = np.zeros(mask.size)
    for key, weight in zip(keys, weights, strict=True):
        for p in range(key_start[key], key_start[key + 1]):
            scores[owners[p]] += weight
    found = np.flatnonzero((scores > 0) & mask)
    values = scores[found]
    if limit < found.size:
        last = np.sort(values)[::-1][limit - 1]
        above = np.flatnonzero(values > last)
        tied = np.flatnonzero(values == last)[: max(0, TIE_ROOM * limit - above.size)]
        best = np.sort(np.concatenate((above, tied)))
        found, values = found[best], values[best]
    order = np.argsort(-values, kind="mergesort")
    ranked, values = found[order], values[order]
    if not ranked.size:
        return ranked
    keep = values >= values[0] * RELATIVE_CUTOFF
    keep[:MIN_CANDIDATES] = True
    return ranked[keep]


def test_rank_keeps_the_best_entities_with_ties_by_number_and_leaves_its_work_arrays_clean():
    rng = np.random.default_rng(11)
    entities = 300
    # postings of 40 keys; few distinct weights, so that many entities tie
    postings = [
        np.sort(rng.choice(entities, size=rng.integers(1, 60), replace=False)) for _ in range(40)
    ]
    owners = np.concatenate(postings).astype(np.int32)
    key_start = np.concatenate(([0], np.cumsum([p.size for p in postings]))).astype(np.int64)
    scores, touched = np.zeros(entities), np.zeros(entities, dtype=np.int64)
    marks = np.zeros(entities, dtype=bool)
    for _ in range(200):
        keys = rng.choice(40, size=rng.integers(1, 12), replace=False).astype(np.int64)
        weights = rng.choice([0.5, 1.0, 2.0], size=keys.size)
        mask = rng.random(entities) < 0.8
        limit = int(rng.integers(1, 30))
        got = rank(owners, key_start, keys, weights, mask, limit, scores, touched, marks)
        want = _rank_by_sorting(owners, key_start, keys, weights, mask, limit)
        assert got.tolist() == want.tolist()
        assert not scores.any() and not marks.any()


def test_rank_leaves_out_entities_only_light_keys_reach_and_still_ranks_exactly():
    """Real queries: a few rare keys of large weight, many common trigrams of small
    weight and long postings. Entities holding only the light keys are not gathered,
    and the ranks are still those of summing every key in the order given (weights
    with many digits, so that the order of summing shows in the last bit)."""
    rng = np.random.default_rng(5)
    entities = 3000
    heavy = [np.sort(rng.choice(entities, size=rng.integers(1, 25), replace=False))
             for _ in range(12)]  # fmt: skip
    light = [np.sort(rng.choice(entities, size=rng.integers(200, 1500), replace=False))
             for _ in range(30)]  # fmt: skip
    postings = heavy + light
    owners = np.concatenate(postings).astype(np.int32)
    key_start = np.concatenate(([0], np.cumsum([p.size for p in postings]))).astype(np.int64)
    scores, touched = np.zeros(entities), np.zeros(entities, dtype=np.int64)
    marks = np.zeros(entities, dtype=bool)
    pruned = 0
    for _ in range(150):
        keys = np.concatenate(
            (rng.choice(12, size=rng.integers(2, 8), replace=False),
             12 + rng.choice(30, size=rng.integers(5, 20), replace=False))
        ).astype(np.int64)  # fmt: skip
        rng.shuffle(keys)
        heavy_weights = rng.uniform(3, 9, keys.size)
        weights = np.where(keys < 12, heavy_weights, rng.uniform(0.01, 0.2, keys.size))
        mask = rng.random(entities) < 0.9
        limit = int(rng.integers(1, 20))
        arrays = (scores, touched, marks)
        count, gathered = _touch(owners, key_start, keys, weights, mask, limit, *arrays)
        pruned += gathered < keys.size
        every = len(set(np.concatenate([postings[k] for k in keys]).tolist()))
        assert count < every or gathered == keys.size
        scores[touched[:count]] = 0.0
        got = rank(owners, key_start, keys, weights, mask, limit, scores, touched, marks)
        want = _rank_by_sorting(owners, key_start, keys, weights, mask, limit)
        assert got.tolist() == want.tolist()
        assert not scores.any() and not marks.any()
    assert pruned > 100
