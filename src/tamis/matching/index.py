"""The in-memory inverted index used for candidate generation.

Keys of a prepared name: its tokens (``t:``), the tokens' phonetic keys
(``p:``), character trigrams of each token padded with ``^``/``$`` (``g:``,
which catch typos, missing letters and names written together), the tokens'
relation keys (``r:``: given-name forms, short forms, romanisations, scrambled
letters; see :func:`relation_keys`), the initials of runs of its words (``a:``,
which an acronym in a query finds) and the normalised identifiers (``i:``). Each
key maps to the sorted array of the entities that carry it; a key's weight is its
inverse document frequency.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
from mypy_extensions import mypyc_attr

from tamis.matching.candidate_kernels import entities_holding
from tamis.matching.features.acronyms import acronym_sources, both_run_initials
from tamis.matching.features.tokens import relation_keys
from tamis.matching.prepared import PreparedEntity

#: Keys held by more than this share of the entities are not indexed (no signal).
MAX_DF_SHARE = 0.2


@lru_cache(maxsize=300_000)
def trigrams(token: str) -> tuple[str, ...]:
    padded = f"^{token}$"
    return tuple(padded[i : i + 3] for i in range(len(padded) - 2))


@lru_cache(maxsize=300_000)
def token_keys(token: str, phonetic: str) -> tuple[str, ...]:
    keys = ["t:" + token]
    if phonetic:
        keys.append("p:" + phonetic)
    keys.extend("g:" + gram for gram in trigrams(token))
    return tuple(keys)


@lru_cache(maxsize=300_000)
def related_keys(token: str) -> tuple[str, ...]:
    """``r:`` keys of a token: one per relation key other than the token itself."""
    out = []
    for kind, value in relation_keys(token):
        if kind == "romanisation" and value == token:
            continue
        text = "|".join(sorted(value)) if isinstance(value, frozenset) else str(value)
        out.append(f"r:{kind}:{text}")
    return tuple(out)


def name_key_set(tokens: tuple[str, ...], phonetic: tuple[str, ...]) -> frozenset[str]:
    keys: set[str] = set()
    for token, phon in zip(tokens, phonetic, strict=True):
        keys.update(token_keys(token, phon))
        keys.update(related_keys(token))
    return frozenset(keys)


def acronym_key(initials: str, org: bool) -> str:
    """The key of names with a run of words spelling ``initials`` (as organisations' or
    people's acronyms read them)."""
    return ("a:" if org else "ap:") + initials


def acronym_keys(tokens: tuple[str, ...], latin: str) -> frozenset[str]:
    """``a:`` / ``ap:`` keys: the initials of runs of a name's words (its tokens, or all
    its words with titles and legal forms), so that a query written as an acronym finds
    the name."""
    keys: set[str] = set()
    for source in acronym_sources(tokens, latin):
        person, organisation = both_run_initials(source)
        keys.update(acronym_key(initials, False) for initials in person)
        keys.update(acronym_key(initials, True) for initials in organisation)
    return frozenset(keys)


def name_keys(tokens: tuple[str, ...], phonetic: tuple[str, ...], latin: str) -> frozenset[str]:
    """Every key of one prepared name."""
    return name_key_set(tokens, phonetic) | acronym_keys(tokens, latin)


@mypyc_attr(native_class=False)  # a plain class when compiled: screeners stay picklable
class KeyIndex:
    """Postings (entity numbers) and IDF weights for every key of every entity."""

    def __init__(self, prepared: Sequence[PreparedEntity]) -> None:
        self.size = len(prepared)
        key_ids: dict[str, int] = {}
        # compact arrays rather than lists of Python ints: millions of entries
        owners = array("i")
        keys_of = array("i")
        # the key numbers of each name already seen: the same name recurs across lists
        memo: dict[tuple[str, ...], list[int]] = {}
        for number, entity in enumerate(prepared):
            held: set[int] = set()
            for name in entity.names:
                seen = name.tokens + (name.latin,)
                found = memo.get(seen)
                if found is None:
                    keys = name_keys(name.tokens, name.phonetic, name.latin)
                    found = memo[seen] = [key_ids.setdefault(k, len(key_ids)) for k in keys]
                held.update(found)
            held.update(key_ids.setdefault("i:" + i, len(key_ids)) for i in entity.identifiers)
            keys_of.extend(held)
            owners.extend([number] * len(held))
        del memo
        key_array = np.frombuffer(keys_of, dtype=np.int32)
        owner_array = np.frombuffer(owners, dtype=np.int32)
        order = np.argsort(key_array, kind="stable")  # owners stay sorted per key
        counts = np.bincount(key_array, minlength=len(key_ids))
        limit = max(50, int(self.size * MAX_DF_SHARE))
        kept = (counts <= limit) | np.array([k.startswith("i:") for k in key_ids], dtype=bool)
        #: keys left out for being too common (an absent key is held by no entity)
        self.dropped: set[str] = {key for key, n in key_ids.items() if not kept[n]}
        # postings of the kept keys, one after the other: key number n's entities are
        # owners[key_start[n]:key_start[n + 1]], sorted
        self.owners = owner_array[order][np.repeat(kept, counts)]
        self.key_start = np.concatenate(([0], np.cumsum(counts[kept]))).astype(np.int64)
        self.key_numbers: dict[str, int] = {}
        for key, number in key_ids.items():
            if kept[number]:
                self.key_numbers[key] = len(self.key_numbers)
        #: each key's inverse document frequency, as Python floats (read one at a time,
        #: per query token), by math.log as the weights have always been computed
        #: (numpy's log may differ in the last bit, which would reorder tied candidates)
        self.idf: list[float] = [math.log(1 + self.size / df) for df in counts[kept].tolist()]
        #: per query token, its keys and weights (see candidates.query_weights)
        self.query_cache: dict[tuple[str, str], tuple[tuple[int, float], ...]] = {}

    def held(self, keys: Iterable[str], entities: np.ndarray) -> np.ndarray | None:
        """Which of ``entities`` (numbers, int64) hold any of ``keys`` (None: one of the
        keys is too common to be indexed, so any entity may)."""
        numbers = []
        for key in keys:
            if key in self.dropped:
                return None
            number = self.key_numbers.get(key)
            if number is not None:
                numbers.append(number)
        if not numbers:
            return np.zeros(len(entities), dtype=bool)
        return entities_holding(
            self.owners, self.key_start, np.array(numbers, dtype=np.int64), entities
        )

    def posting(self, key: str) -> np.ndarray:
        """The sorted numbers of the entities holding ``key`` (none if it is not indexed)."""
        number = self.key_numbers.get(key)
        if number is None:
            return self.owners[:0]
        return self.owners[self.key_start[number] : self.key_start[number + 1]]

    def weight(self, key: str) -> float:
        """The key's inverse document frequency (0 if it is not indexed)."""
        number = self.key_numbers.get(key)
        return 0.0 if number is None else self.idf[number]
