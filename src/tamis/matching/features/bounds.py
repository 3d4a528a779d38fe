"""Upper bounds of name scores over many candidates at once, so that screening
aligns only the names that can matter.

A screening query meets a few dozen candidates, each with several names, and
most of them share a token or two with the query and nothing more. Aligning
every name pair costs more than everything else in a query. The bounds here are
computed for all candidates together, in compiled loops over arrays of token
numbers (:mod:`~tamis.matching.features.bound_kernels`), and are never below
the score :func:`tamis.matching.features.names.align` (with the joined-forms and
merged-token rules) would give, so skipping on them changes no result.

For one query name and one candidate name, alignment scores

    quality x high x (base + (1 - base) x low) x penalties

where quality is a weighted mean of paired similarities (at most the best
similarity any token pair reaches), and high / low are the coverages of the two
sides (at most the weight share of tokens that have some partner at or above
PAIR_MIN). The penalties are at most 1.

Token similarities come from one edit-distance matrix (rapidfuzz, in C) between
the query tokens and the candidates' distinct tokens; the full
:func:`token_similarity` runs only for the pairs that can reach PAIR_MIN (see
:func:`may_pair`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Final

import numpy as np
from mypy_extensions import mypyc_attr
from rapidfuzz.distance import OSA, Levenshtein
from rapidfuzz.process import cdist, cpdist

from tamis.matching.features.acronyms import acronym_sources, run_initials, short_tokens
from tamis.matching.features.bound_kernels import (
    SLACK,
    distinct_tokens,
    gather_names,
    joined_candidates,
    may_pair_matrix,
    merge_pair_candidates,
    merge_token_candidates,
    name_bound_matrix,
    spelling_at,
    spelling_pair_sides,
    spelling_pairs,
    spelling_sides,
)
from tamis.matching.features.context import EntityContext
from tamis.matching.features.merge import MERGE_MIN, MERGE_MIN_LETTERS
from tamis.matching.features.names import (
    COMPACT_MIN,
    COMPACT_MIN_LETTERS,
    JOINED_MIN,
    JOINED_MIN_LETTERS,
    PAIR_MIN,
    TokenPairs,
    _distinct,
    _joined,
    _weights,
)
from tamis.matching.features.tokens import (
    ENDING_MIN_STEM,
    PHONETIC_MIN_SAME_SYLLABLES,
    TRANSPOSITION_COST,
    VOWELS,
    relation_keys,
    token_similarity,
    token_weight,
)
from tamis.matching.index import KeyIndex, acronym_key
from tamis.matching.prepared import PreparedEntity, PreparedName, phonetic_key
from tamis.matching.scratch import scratch

#: Query tokens whose related list tokens are kept (the cache is emptied when full).
RELATED_CACHE_SIZE: Final = 50_000


@lru_cache(maxsize=300_000)
def mergeable_pairs(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Neighbouring tokens written together, as the merged-token rule tries them."""
    return tuple(
        a + b
        for a, b in zip(tokens, tokens[1:], strict=False)
        if not (a.isdigit() or b.isdigit()) and len(a) + len(b) >= MERGE_MIN_LETTERS
    )


@lru_cache(maxsize=300_000)
def _stem_key(token: str) -> str | None:
    """Phonetic key of the token without a Baltic -s ending (None if it has none)."""
    if not token.endswith("s") or len(token) - 1 < ENDING_MIN_STEM:
        return None
    return phonetic_key(token[:-1])


def _pairing_keys(token: str) -> frozenset[tuple[str, object]]:
    """The token's :func:`relation_keys`, and its stem's when it has a Baltic -s
    ending: token_similarity relates a dropped ending's stem to the other token by the
    same tables and letters ("charles" / "rachel": "charle" has rachel's letters)."""
    keys = relation_keys(token)
    if token.endswith("s") and len(token) - 1 >= ENDING_MIN_STEM:
        keys |= relation_keys(token[:-1])
    return keys


def _texts(values: list[str]) -> np.ndarray:
    """Strings as an object array (for taking many at once by number)."""
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


#: The spelling similarities :func:`may_pair` compares with (see may_pair_matrix).
_PAIRING_THRESHOLDS = np.array([PAIR_MIN - SLACK, PHONETIC_MIN_SAME_SYLLABLES - SLACK])


def _pairing_spelling(
    left: list[str], right: list[str], left_lengths: np.ndarray, right_lengths: np.ndarray
) -> np.ndarray:
    """:func:`spelling_similarity` of every pair (not floored at 0), where only its side
    of the thresholds :func:`may_pair` uses matters: one edit-distance matrix instead of
    two, and the Levenshtein distance for the few pairs the OSA distance alone leaves
    undecided (see spelling_sides). The lengths are those of the strings, as floats."""
    edits = cdist(left, right, scorer=OSA.distance, dtype=np.int32)
    values, unsure = spelling_sides(edits, left_lengths, right_lengths, _PAIRING_THRESHOLDS)
    rows, columns = np.nonzero(unsure)
    if rows.size:
        levenshtein = _levenshtein(left, right, rows.tolist(), columns.tolist())
        spelling_at(values, rows, columns, edits, levenshtein, left_lengths, right_lengths)
    return values


def _levenshtein(
    left: Sequence[str], right: Sequence[str], rows: list[int], columns: list[int]
) -> np.ndarray:
    """The Levenshtein distance of ``left[rows[k]]`` and ``right[columns[k]]`` for each k,
    in one call (the pairs the OSA distance leaves undecided)."""
    return cpdist(
        [left[i] for i in rows],
        [right[j] for j in columns],
        scorer=Levenshtein.distance,
        dtype=np.int32,
    )


def _spelt_alike(
    left: Sequence[str], right: Sequence[str], least: float, right_lengths: np.ndarray | None = None
) -> np.ndarray:
    """Whether :func:`spelling_similarity` of ``left[k]`` and ``right[k]`` reaches
    ``least`` (within SLACK), for each k. ``right_lengths``: the lengths of ``right``
    where they are known already (as floats).

    Only the side of ``least`` matters, so the OSA distance is computed with a cut-off
    (a pair needing more edits than any pair could afford is reported as one more, on
    the right side still), and the Levenshtein distance only for the pairs the OSA
    distance leaves undecided (see :func:`spelling_pair_sides`)."""
    if not left:
        return np.zeros(0, dtype=bool)
    left_lengths = _lengths(left)
    if right_lengths is None:
        right_lengths = _lengths(right)
    longest = max(float(np.maximum(left_lengths, right_lengths).max()), 1.0)
    # no pair with more edits than this reaches ``least``: each OSA edit costs at least
    # TRANSPOSITION_COST, so similarity <= 1 - edits * TRANSPOSITION_COST / length
    affordable = int((1.0 - least) * longest / TRANSPOSITION_COST) + 1
    edits = cpdist(left, right, scorer=OSA.distance, score_cutoff=affordable, dtype=np.int32)
    alike, unsure = spelling_pair_sides(edits, left_lengths, right_lengths, least - SLACK)
    pick = np.flatnonzero(unsure)
    if pick.size:
        chosen = pick.tolist()
        levenshtein = _levenshtein(left, right, chosen, chosen)
        alike[pick] = (
            spelling_pairs(edits[pick], levenshtein, left_lengths[pick], right_lengths[pick])
            >= least - SLACK
        )
    return alike


@mypyc_attr(native_class=False)  # a plain class when compiled: screeners stay picklable
class TokenTable:
    """The names of every list entity as arrays of token numbers, with what the
    bounds need per token and per name. Built once per screener."""

    def __init__(self, prepared: Sequence[PreparedEntity]) -> None:
        token_ids: dict[tuple[str, str], int] = {}
        pair_ids: dict[str, int] = {}
        number_ids: dict[frozenset[str], int] = {}
        self.names: list[PreparedName] = []
        name_tokens: list[int] = []
        name_pairs: list[int] = []
        token_start, pair_start, entity_start = [0], [0], [0]
        # the same name recurs across lists and romanisations: number it once
        numbered: dict[tuple[str, ...], tuple[list[int], list[int]]] = {}
        for entity in prepared:
            for name in entity.names:
                self.names.append(name)
                found = numbered.get(name.tokens)
                if found is None:
                    found = numbered[name.tokens] = (
                        [
                            token_ids.setdefault(key, len(token_ids))
                            for key in zip(name.tokens, name.phonetic, strict=True)
                        ],
                        [
                            pair_ids.setdefault(joined, len(pair_ids))
                            for joined in mergeable_pairs(name.tokens)
                        ],
                    )
                name_tokens.extend(found[0])
                name_pairs.extend(found[1])
                token_start.append(len(name_tokens))
                pair_start.append(len(name_pairs))
            entity_start.append(len(self.names))
        vocabulary = list(token_ids)
        #: phonetic keys (of tokens and of their stems) as numbers
        self.key_codes: dict[str, int] = {}
        self.token_text = [t for t, _ in vocabulary]
        self.token_phonetic = [p for _, p in vocabulary]
        self.token_texts = _texts(self.token_text)
        self.token_len = _lengths(self.token_text)
        self.token_first = _firsts(self.token_text)
        self.token_last = _lasts(self.token_text)
        self.token_vowels = _vowel_counts(self.token_text)
        self.token_alpha = np.array([t.isalpha() for t in self.token_text], dtype=bool)
        self.token_ending = np.array([t.endswith("s") for t in self.token_text], dtype=bool)
        self.token_key = self._codes(self.token_phonetic)
        self.token_stem = self._codes([_stem_key(t) for t in self.token_text])
        #: relation key -> numbers of the tokens carrying it (see _pairing_keys)
        related: dict[tuple[str, object], list[int]] = {}
        for number, text in enumerate(self.token_text):
            for key in _pairing_keys(text):
                related.setdefault(key, []).append(number)
        self.related = {key: np.array(ids, dtype=np.int64) for key, ids in related.items()}
        self._related_of: dict[str, np.ndarray] = {}
        #: token weight in the names of people (column 0) and organisations (1)
        self.token_weight = np.array(
            [[token_weight(t, False), token_weight(t, True)] for t in self.token_text],
            dtype=np.float64,
        ).reshape(-1, 2)
        #: ... and that weight where an unpaired token signals a different name, else 0
        self.token_distinct = self.token_weight * np.array(
            [[_distinct(t, False), _distinct(t, True)] for t in self.token_text], dtype=bool
        ).reshape(-1, 2)
        self.pair_texts = _texts(list(pair_ids))
        self.pair_len = np.array([len(p) for p in pair_ids], dtype=np.float64)
        self.pair_first = np.array([ord(p[0]) for p in pair_ids], dtype=np.int64)
        self.name_tokens = np.array(name_tokens, dtype=np.int64)
        self.name_pairs = np.array(name_pairs, dtype=np.int64)
        self.token_start = np.array(token_start, dtype=np.int64)
        self.pair_start = np.array(pair_start, dtype=np.int64)
        self.entity_start = np.array(entity_start, dtype=np.int64)
        #: per entity: its schema (a number into schema_names), its birth dates and
        #: countries (what can add to a name score, as numbers)
        self.schema_names: list[str] = sorted({e.schema for e in prepared})
        self.schema_tuple = tuple(self.schema_names)
        schema_numbers = {schema: n for n, schema in enumerate(self.schema_names)}
        self.entity_schema = np.array([schema_numbers[e.schema] for e in prepared], dtype=np.int64)
        self.context = EntityContext(prepared)
        self.name_weak = np.array([n.weak for n in self.names], dtype=bool)
        self.name_joined = _texts([n.joined for n in self.names])
        self.name_compact = _texts([n.compact for n in self.names])
        self.name_joined_len = np.array([len(n.joined) for n in self.names], dtype=np.float64)
        #: joined and compact forms as numbers (the same text, the same number)
        self.text_ids: dict[str, int] = {}
        self.name_joined_id = self._text_numbers([n.joined for n in self.names])
        self.name_compact_id = self._text_numbers([n.compact for n in self.names])
        self.name_first = np.array([ord(n.joined[0]) if n.joined else -1 for n in self.names])
        self.name_sizes = np.diff(self.token_start)
        self.name_initial = np.array(
            [min(map(len, n.tokens), default=0) <= 1 for n in self.names], dtype=bool
        )
        self.name_compact_len = np.array([len(n.compact) for n in self.names], dtype=np.float64)
        self.name_numbers = np.array(
            [number_ids.setdefault(n.numbers, len(number_ids)) for n in self.names],
            dtype=np.int64,
        )
        self.number_ids = number_ids
        #: total token weight of each name as people's (column 0) and organisations' names
        totals = np.add.reduceat(self.token_weight[self.name_tokens], self.token_start[:-1])
        self.name_total = np.where(totals > 0, totals, 1.0)

    def related_tokens(self, token: str) -> np.ndarray:
        """Sorted numbers of the list tokens sharing a relation key with ``token``."""
        found = self._related_of.get(token)
        if found is None:
            arrays = [self.related[k] for k in _pairing_keys(token) if k in self.related]
            found = np.unique(np.concatenate(arrays)) if arrays else np.zeros(0, np.int64)
            if len(self._related_of) >= RELATED_CACHE_SIZE:
                self._related_of.clear()
            self._related_of[token] = found
        return found

    def _text_numbers(self, texts: Sequence[str]) -> np.ndarray:
        ids = self.text_ids
        return np.array([ids.setdefault(t, len(ids)) for t in texts], dtype=np.int64)

    def _codes(self, keys: Sequence[str | None]) -> np.ndarray:
        codes = self.key_codes
        return np.array(
            [-1 if k is None else codes.setdefault(k, len(codes)) for k in keys], dtype=np.int64
        )

    def query_codes(self, keys: Sequence[str | None]) -> np.ndarray:
        """Codes of a query's keys: keys no list token has get codes no token has."""
        codes = self.key_codes
        return np.array(
            [-1 if k is None else codes.get(k, -2 - i) for i, k in enumerate(keys)],
            dtype=np.int64,
        )


def may_pair(table: TokenTable, query: Sequence[tuple[str, str]], tokens: np.ndarray) -> np.ndarray:
    """Which (query token, list token) pairs can reach PAIR_MIN in
    :func:`token_similarity` (True is a maybe, False is certain).

    Each way to a similarity, and what it needs:

    - exact or spelling: a spelling similarity of PAIR_MIN;
    - phonetic: the same phonetic key and PHONETIC_MIN_SAME_SYLLABLES of spelling;
    - initials: one token of one letter, the same first letter;
    - contractions: the same first and last letters, one token of at least three
      letters and one vowel at most, the other at least twice as long;
    - numbers, ordinals and digits for letters: a token that is not all letters;
    - a dropped Baltic -s ending (one token ends in -s, the other not): the stem
      spells like the other token (which keeps PHONETIC_MIN_SAME_SYLLABLES of
      spelling between the whole tokens), is a contraction of it or an initial
      (same first letter), sounds like it (its phonetic key), or shares a relation
      key with it;
    - tables and letters (given-name forms, short forms, romanisations, scrambled
      letters): a shared :func:`relation_keys` key.
    """
    left = [t for t, _ in query]
    left_lengths = _lengths(left)
    maybe = may_pair_matrix(
        _pairing_spelling(
            left, table.token_texts[tokens].tolist(), left_lengths, table.token_len[tokens]
        ),
        left_lengths,
        _firsts(left),
        _lasts(left),
        _vowel_counts(left),
        np.array([t.isalpha() for t in left], dtype=bool),
        np.array([t.endswith("s") for t in left], dtype=bool),
        table.query_codes([p for _, p in query]),
        table.query_codes([_stem_key(t) for t in left]),
        tokens,
        table.token_len,
        table.token_first,
        table.token_last,
        table.token_vowels,
        table.token_alpha,
        table.token_ending,
        table.token_key,
        table.token_stem,
    )
    for i, token in enumerate(left):
        related = table.related_tokens(token)
        if related.size:
            # ``related`` is sorted: a binary search per list token is cheaper than isin
            found = related[np.minimum(np.searchsorted(related, tokens), related.size - 1)]
            maybe[i] |= found == tokens
    return maybe


class CandidateNames:
    """The names of some list entities, and their tokens, gathered for bounding."""

    def __init__(self, table: TokenTable, entities: np.ndarray) -> None:
        self.table = table
        (
            #: numbers into ``table.names``
            self.names,
            #: for each name, its entity's position in ``entities``
            self.owner,
            #: where each entity's names start in :attr:`names` (and where the last ends)
            self.offsets,
            #: each name's token count
            self.name_sizes,
            #: where each name's tokens start in :attr:`tokens`
            self.segments,
            #: token numbers of every name, one name after the other
            self.tokens,
        ) = gather_names(table.entity_start, table.token_start, table.name_tokens, entities)
        self.distinct, self.inverse = distinct_tokens(
            self.tokens, scratch("tokens.slot", len(table.token_text), np.int64, -1)
        )

    def __len__(self) -> int:
        return len(self.names)


def name_bounds(
    query: PreparedEntity,
    candidates: CandidateNames,
    org: np.ndarray,
    similar: TokenPairs | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """``(bounds, joined)``: ``bounds[i, n]`` is at least the score of aligning query
    name i with candidate name n (``org[n]``: scored as organisations), the weak-alias
    factor included, as :func:`best_name_match` scores pairs; ``joined[i, n]`` is the
    joined-forms rule's score of the two names where it reaches JOINED_MIN, else 0 (all
    that alignment needs of that rule: see :func:`~tamis.matching.features.names.align`).

    ``similar``, when given, receives every (query token, candidate token) pair that
    reaches PAIR_MIN, with its :func:`token_similarity`: all that aligning these names
    needs of the tokens."""
    out = np.zeros((len(query.names), len(candidates)))
    if not query.names or not len(candidates):
        return out, out
    table = candidates.table
    slots: dict[tuple[str, str], int] = {}
    q_slot: list[int] = []
    q_start = [0]
    q_weight: list[tuple[float, float]] = []
    q_distinct: list[tuple[float, float]] = []
    q_total: list[tuple[float, float]] = []
    for name in query.names:
        person, organisation = _weights(name.tokens, False), _weights(name.tokens, True)
        for j, key in enumerate(zip(name.tokens, name.phonetic, strict=True)):
            q_slot.append(slots.setdefault(key, len(slots)))
            q_weight.append((person[0][j], organisation[0][j]))
            q_distinct.append((person[2][j], organisation[2][j]))
        q_total.append((person[1], organisation[1]))
        q_start.append(len(q_slot))
    joined = _joined_scores(table, query.names, candidates.names)
    bounds = name_bound_matrix(
        _similarities(table, list(slots), candidates.distinct, similar),
        candidates.inverse,
        candidates.tokens,
        candidates.segments,
        candidates.name_sizes,
        candidates.names,
        org.astype(bool),
        table.token_weight,
        table.token_distinct,
        table.name_total,
        table.name_weak,
        np.array(q_slot, dtype=np.int64),
        np.array(q_start, dtype=np.int64),
        np.array(q_weight, dtype=np.float64).reshape(-1, 2),
        np.array(q_distinct, dtype=np.float64).reshape(-1, 2),
        np.array(q_total, dtype=np.float64).reshape(-1, 2),
        joined,
    )
    return bounds, joined


def _similarities(
    table: TokenTable,
    query: Sequence[tuple[str, str]],
    tokens: np.ndarray,
    similar: TokenPairs | None = None,
) -> np.ndarray:
    """:func:`token_similarity` of each query token and list token (0 below PAIR_MIN),
    also put in ``similar`` where it reaches PAIR_MIN."""
    out = np.zeros((len(query), len(tokens)))
    rows, columns = np.nonzero(may_pair(table, query, tokens))
    values = np.zeros(rows.size)
    texts, phonetics = table.token_text, table.token_phonetic
    for k, (i, t) in enumerate(zip(rows.tolist(), tokens[columns].tolist(), strict=True)):
        a, pa = query[i]
        b = texts[t]
        found = token_similarity(a, b, pa, phonetics[t])
        if found[0] >= PAIR_MIN:
            values[k] = found[0]
            if similar is not None:
                similar.setdefault(a, {})[b] = found
    out[rows, columns] = values
    return out


def _joined_scores(
    table: TokenTable, query: Sequence[PreparedName], names: np.ndarray
) -> np.ndarray:
    """``scores[i, n]``: the joined-forms rule's score of query name i and name n where
    it reaches JOINED_MIN, else 0. The rule runs only where :func:`_joined` can reach
    JOINED_MIN: names of the same numbers, with the same joined or compact form, or
    joined forms of different token counts starting alike and spelt alike, or long
    compact forms without initials spelt alike."""
    out = np.zeros((len(query), len(names)))
    texts = table.text_ids
    rows, cols, same, spell_joined, spell_compact = joined_candidates(
        np.array([table.number_ids.get(q.numbers, -1) for q in query], dtype=np.int64),
        np.array([texts.get(q.joined, -1) for q in query], dtype=np.int64),
        np.array([texts.get(q.compact, -1) for q in query], dtype=np.int64),
        _lengths([q.joined for q in query]),
        _lengths([q.compact for q in query]),
        np.array([ord(q.joined[0]) if q.joined else -1 for q in query], dtype=np.int64),
        np.array([len(q.tokens) for q in query], dtype=np.int64),
        np.array([min(map(len, q.tokens), default=0) <= 1 for q in query], dtype=bool),
        names,
        table.name_numbers,
        table.name_joined_id,
        table.name_compact_id,
        table.name_joined_len,
        table.name_compact_len,
        table.name_first,
        table.name_sizes,
        table.name_initial,
        JOINED_MIN,
        JOINED_MIN_LETTERS,
        COMPACT_MIN,
        COMPACT_MIN_LETTERS,
    )
    if not rows.size:
        return out
    spelled = same.copy()
    _spelled_alike(
        spelled,
        spell_joined,
        rows,
        [q.joined for q in query],
        table.name_joined,
        table.name_joined_len,
        names[cols],
        JOINED_MIN,
    )
    _spelled_alike(
        spelled,
        spell_compact,
        rows,
        [q.compact for q in query],
        table.name_compact,
        table.name_compact_len,
        names[cols],
        max(JOINED_MIN, COMPACT_MIN),
    )
    for i, n in zip(rows[spelled].tolist(), cols[spelled].tolist(), strict=True):
        score = _joined(query[i], table.names[names[n]])
        if score >= JOINED_MIN:
            out[i, n] = score
    return out


def _spelled_alike(
    found: np.ndarray,
    chosen: np.ndarray,
    rows: np.ndarray,
    query: list[str],
    texts: np.ndarray,
    lengths: np.ndarray,
    numbers: np.ndarray,
    least: float,
) -> None:
    """Sets ``found[k]`` where ``chosen[k]`` and query text ``rows[k]`` spells list
    text ``numbers[k]`` (of length ``lengths[numbers[k]]``) at ``least``."""
    pick = np.flatnonzero(chosen & ~found)
    if pick.size:
        chosen_numbers = numbers[pick]
        alike = _spelt_alike(
            [query[i] for i in rows[pick]],
            texts[chosen_numbers].tolist(),
            least,
            lengths[chosen_numbers],
        )
        found[pick[alike]] = True


def merge_possible(query: PreparedEntity, candidates: CandidateNames) -> np.ndarray:
    """Per candidate name, whether the merged-token rule may apply between it and a
    query name: a long token of one spells two neighbouring tokens of the other
    written together, starting with the same letter."""
    out = np.zeros(len(candidates), dtype=bool)
    if not len(candidates):
        return out
    table = candidates.table
    query_pairs = sorted({p for n in query.names for p in mergeable_pairs(n.tokens)})
    query_long = sorted({t for n in query.names for t in n.tokens if len(t) >= MERGE_MIN_LETTERS})
    if query_pairs:
        distinct = candidates.distinct
        rows, cols = merge_token_candidates(
            _lengths(query_pairs),
            _firsts(query_pairs),
            distinct,
            table.token_len,
            table.token_first,
            MERGE_MIN,
            MERGE_MIN_LETTERS,
        )
        if rows.size:
            tokens = distinct[cols]
            spells = _spells(
                [query_pairs[r] for r in rows],
                table.token_texts[tokens].tolist(),
                table.token_len[tokens],
            )
            if spells.any():
                flags = np.zeros(len(distinct), dtype=bool)
                flags[cols[spells]] = True
                out |= np.logical_or.reduceat(flags[candidates.inverse], candidates.segments)
    if query_long:
        rows, pairs, owners = merge_pair_candidates(
            _lengths(query_long),
            _firsts(query_long),
            candidates.names,
            table.pair_start,
            table.name_pairs,
            table.pair_len,
            table.pair_first,
            MERGE_MIN,
        )
        if rows.size:
            spells = _spells(
                [query_long[r] for r in rows],
                table.pair_texts[pairs].tolist(),
                table.pair_len[pairs],
            )
            out[owners[spells]] = True
    return out


def _firsts(texts: Sequence[str]) -> np.ndarray:
    return np.array([ord(t[0]) for t in texts], dtype=np.int64)


def _lasts(texts: Sequence[str]) -> np.ndarray:
    return np.array([ord(t[-1]) for t in texts], dtype=np.int64)


def _vowel_counts(texts: Sequence[str]) -> np.ndarray:
    return np.array([sum(ch in VOWELS for ch in t) for t in texts], dtype=np.int64)


def _lengths(texts: Sequence[str]) -> np.ndarray:
    return np.array([len(t) for t in texts], dtype=np.float64)


def _spells(left: list[str], right: list[str], right_lengths: np.ndarray) -> np.ndarray:
    """Whether each ``left[k]`` spells ``right[k]`` as closely as a merge needs."""
    return _spelt_alike(left, right, MERGE_MIN, right_lengths)


def acronym_possible(
    index: KeyIndex, query: PreparedEntity, entities: np.ndarray, org: np.ndarray
) -> np.ndarray:
    """Per entity (numbers ``entities``, scored as organisations where ``org``), whether
    the acronym rule may apply between one of its names and a query name: a short
    token of the query spells the initials of a run of its words, or one of its short
    tokens spells the initials of a run of the query's words (read from the index)."""
    out = np.zeros(len(entities), dtype=bool)
    for mode in (False, True):
        chosen = org == mode
        if not chosen.any():
            continue
        keys: list[str] = []
        for name in query.names:
            keys.extend(acronym_key(token, mode) for token in short_tokens(name.tokens, mode))
            for words in acronym_sources(name.tokens, name.latin):
                keys.extend(
                    "t:" + initials
                    for initials in run_initials(words, mode)
                    if short_tokens((initials,), mode)
                )
        holding = index.held(keys, entities)
        out |= chosen if holding is None else chosen & holding
    return out
