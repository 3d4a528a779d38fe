"""The compiled loops of the bounds compute what their Python definitions say."""

from __future__ import annotations

import random

import numpy as np
from rapidfuzz.distance import OSA, Levenshtein
from rapidfuzz.process import cdist, cpdist

from tamis.matching.features.bound_kernels import gather_names, spelling_matrix, spelling_pairs
from tamis.matching.features.tokens import spelling_similarity


def test_spelling_kernels_are_spelling_similarity():
    rng = random.Random(3)
    words = [
        "".join(rng.choice("abcdeilnorsu") for _ in range(rng.randint(1, 9))) for _ in range(60)
    ]
    words += ["mohammed", "muhammad", "sergei", "sergey", "ab", "ba", "abc", "bac"]
    left, right = words[:30], words[30:]
    matrix = spelling_matrix(
        cdist(left, right, scorer=OSA.distance, dtype=np.int32),
        cdist(left, right, scorer=Levenshtein.distance, dtype=np.int32),
        np.array([len(w) for w in left], dtype=np.float64),
        np.array([len(w) for w in right], dtype=np.float64),
    )
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            # the Python form floors at 0; the bounds only compare with positive minima
            assert max(0.0, matrix[i, j]) == spelling_similarity(a, b), (a, b)
    right = right[: len(left)]
    pairs = spelling_pairs(
        cpdist(left, right, scorer=OSA.distance, dtype=np.int32),
        cpdist(left, right, scorer=Levenshtein.distance, dtype=np.int32),
        np.array([len(w) for w in left], dtype=np.float64),
        np.array([len(w) for w in right], dtype=np.float64),
    )
    for k, (a, b) in enumerate(zip(left, right, strict=True)):
        assert max(0.0, pairs[k]) == spelling_similarity(a, b), (a, b)


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
