"""The in-memory inverted index used for candidate generation.

Keys of a prepared name: its tokens (``t:``), the tokens' phonetic keys
(``p:``), character trigrams of each token padded with ``^``/``$`` (``g:``,
which catch typos, missing letters and names written together) and the
normalised identifiers (``i:``). Each key maps to the sorted array of the
entities that carry it; a key's weight is its inverse document frequency.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

from tamis.matching.prepared import PreparedEntity, PreparedName

#: Keys held by more than this share of the entities are not indexed (no signal).
MAX_DF_SHARE = 0.2


def trigrams(token: str) -> list[str]:
    padded = f"^{token}$"
    return [padded[i : i + 3] for i in range(len(padded) - 2)]


def name_keys(name: PreparedName) -> Iterable[str]:
    for i, token in enumerate(name.tokens):
        yield "t:" + token
        if name.phonetic[i]:
            yield "p:" + name.phonetic[i]
        for gram in trigrams(token):
            yield "g:" + gram


def entity_keys(entity: PreparedEntity) -> set[str]:
    keys: set[str] = set()
    for name in entity.names:
        keys.update(name_keys(name))
    keys.update("i:" + ident for ident in entity.identifiers)
    return keys


class KeyIndex:
    """Postings (entity numbers) and IDF weights for every key of every entity."""

    def __init__(self, prepared: Sequence[PreparedEntity]) -> None:
        self.size = len(prepared)
        postings: dict[str, list[int]] = defaultdict(list)
        for number, entity in enumerate(prepared):
            for key in entity_keys(entity):
                postings[key].append(number)
        limit = max(50, int(self.size * MAX_DF_SHARE))
        self.postings: dict[str, np.ndarray] = {}
        self.idf: dict[str, float] = {}
        for key, numbers in postings.items():
            if len(numbers) > limit and not key.startswith("i:"):
                continue
            self.postings[key] = np.asarray(numbers, dtype=np.int32)
            self.idf[key] = math.log(1 + self.size / len(numbers))
        self.default_idf = math.log(1 + self.size)

    def weight(self, key: str) -> float:
        return self.idf.get(key, 0.0)

    def accumulate(self, weights: dict[str, float]) -> np.ndarray:
        """Sum of the key weights per entity (entities sharing no key get 0)."""
        scores = np.zeros(self.size, dtype=np.float32)
        for key, weight in weights.items():
            posting = self.postings.get(key)
            if posting is not None:
                scores[posting] += weight
        return scores
