"""Compiled loops of the name-score bounds (see :mod:`tamis.matching.features.bounds`).

A screening query bounds a few hundred candidate names. Written as array
operations, that is about a hundred small numpy calls per query, each costing
more in dispatch than in arithmetic; these loops do the same work in one call
each. They are compiled by numba on first use and cached on disk, so only the
first process on a machine pays the compilation (a few seconds).

The functions take plain arrays (token numbers, lengths, codes, weights), never
strings: string work (edit distances, the token rules) stays in the callers.
"""

from __future__ import annotations

import numba
import numpy as np

from tamis.matching.features.names import (
    CONFLICT_PENALTY,
    COVER_BASE_ORG,
    COVER_BASE_PERSON,
    PAIR_MIN,
    WEAK_ALIAS_FACTOR,
)
from tamis.matching.features.tokens import (
    EDIT_COST,
    PHONETIC_MIN_SAME_SYLLABLES,
    TRANSPOSITION_COST,
)

#: Floating-point slack: a bound is a product of sums taken in another order than
#: the alignment takes them.
SLACK = 1e-9

_compiled = numba.njit(cache=True, nogil=True)


@_compiled
def gather_names(
    entity_start: np.ndarray,
    token_start: np.ndarray,
    name_tokens: np.ndarray,
    entities: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The names of ``entities`` and their tokens, one after the other.

    Returns (names, owner, offsets, name_sizes, segments, tokens): the names' numbers,
    each name's position of its entity in ``entities``, where each entity's names
    start (and the last ends), each name's token count, where each name's tokens
    start in ``tokens``, and the token numbers."""
    count = 0
    for k in range(entities.size):
        count += entity_start[entities[k] + 1] - entity_start[entities[k]]
    names = np.empty(count, np.int64)
    owner = np.empty(count, np.int64)
    offsets = np.empty(entities.size + 1, np.int64)
    sizes = np.empty(count, np.int64)
    segments = np.empty(count, np.int64)
    n = 0
    total = 0
    for k in range(entities.size):
        offsets[k] = n
        for name in range(entity_start[entities[k]], entity_start[entities[k] + 1]):
            names[n] = name
            owner[n] = k
            sizes[n] = token_start[name + 1] - token_start[name]
            segments[n] = total
            total += sizes[n]
            n += 1
    offsets[entities.size] = n
    tokens = np.empty(total, np.int64)
    t = 0
    for n in range(count):
        for position in range(token_start[names[n]], token_start[names[n] + 1]):
            tokens[t] = name_tokens[position]
            t += 1
    return names, owner, offsets, sizes, segments, tokens


@_compiled
def entity_max(values: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Per entity, the largest of its names' ``values`` (names of entity k at
    ``offsets[k]:offsets[k + 1]``), 0 for none: values are scores and bounds, never
    negative."""
    out = np.zeros(offsets.size - 1)
    for k in range(offsets.size - 1):
        for n in range(offsets[k], offsets[k + 1]):
            if values[n] > out[k]:
                out[k] = values[n]
    return out


@_compiled
def distinct_tokens(tokens: np.ndarray, slot: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(tokens, return_inverse=True)`` for token numbers: the distinct
    numbers, sorted, and each token's position among them. ``slot`` is a work array of
    one entry per token of the table, all -1 (as it is left)."""
    distinct = np.empty(tokens.size, np.int64)
    inverse = np.empty(tokens.size, np.int64)
    count = 0
    for k in range(tokens.size):
        token = tokens[k]
        if slot[token] < 0:
            slot[token] = count
            distinct[count] = token
            count += 1
        inverse[k] = slot[token]
    distinct = np.sort(distinct[:count])
    for position in range(count):
        slot[distinct[position]] = position
    for k in range(tokens.size):
        inverse[k] = slot[tokens[k]]
    for position in range(count):
        slot[distinct[position]] = -1
    return distinct, inverse


@_compiled
def spelling(edits: int, levenshtein: int, left_len: float, right_len: float) -> float:
    """Spelling similarity from the OSA and Levenshtein distances of two strings (the
    formula of :func:`tamis.matching.features.tokens.spelling_similarity`, not floored
    at 0): each transposition is one edit in OSA's count and two in Levenshtein's."""
    swaps = levenshtein - edits
    cost = edits * EDIT_COST - swaps * (EDIT_COST - TRANSPOSITION_COST)
    return 1.0 - cost / max(max(left_len, right_len), 1.0)


@_compiled
def spelling_bracket(edits: int, left_len: float, right_len: float) -> tuple[float, float]:
    """The lowest and the highest :func:`spelling` of two strings at OSA distance
    ``edits``, whatever their Levenshtein distance: that lies between ``edits`` (no
    transposition) and twice as many (every OSA edit a transposition, two edits for
    Levenshtein), and each transposition lowers the cost by EDIT_COST -
    TRANSPOSITION_COST."""
    return spelling(edits, edits, left_len, right_len), spelling(
        edits, 2 * edits, left_len, right_len
    )


@_compiled
def spelling_sides(
    edits: np.ndarray, left_len: np.ndarray, right_len: np.ndarray, thresholds: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """What :func:`spelling` gives for every pair where only its side of each ``thresholds``
    matters, from the OSA distances alone (see :func:`spelling_bracket`). Returns
    (values, unsure): where both ends of the bracket fall on the same side of every
    threshold, a value on that side; elsewhere ``unsure`` is set and the value must come
    from :func:`spelling` with the Levenshtein distance."""
    out = np.empty(edits.shape)
    unsure = np.zeros(edits.shape, np.bool_)
    for i in range(edits.shape[0]):
        for j in range(edits.shape[1]):
            low, high = spelling_bracket(edits[i, j], left_len[i], right_len[j])
            out[i, j] = high
            for t in range(thresholds.size):
                if (low >= thresholds[t]) != (high >= thresholds[t]):
                    unsure[i, j] = True
    return out, unsure


@_compiled
def spelling_at(values: np.ndarray, rows: np.ndarray, columns: np.ndarray, edits: np.ndarray,
                levenshtein: np.ndarray, left_len: np.ndarray,
                right_len: np.ndarray) -> None:  # fmt: skip
    """Sets ``values[rows[k], columns[k]]`` to :func:`spelling` of that pair, whose
    Levenshtein distance is ``levenshtein[k]`` (the pairs :func:`spelling_sides` left
    unsure)."""
    for k in range(rows.size):
        i, j = rows[k], columns[k]
        values[i, j] = spelling(edits[i, j], levenshtein[k], left_len[i], right_len[j])


@_compiled
def spelling_pair_sides(edits: np.ndarray, left_len: np.ndarray, right_len: np.ndarray,
                        threshold: float) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """For each k, whether :func:`spelling` of the k-th pair reaches ``threshold``, from
    its OSA distance alone (see :func:`spelling_bracket`): (reaches, unsure),
    where ``unsure`` pairs need their Levenshtein distance to tell."""
    reaches = np.zeros(edits.size, np.bool_)
    unsure = np.zeros(edits.size, np.bool_)
    for k in range(edits.size):
        low, high = spelling_bracket(edits[k], left_len[k], right_len[k])
        reaches[k] = low >= threshold
        unsure[k] = (low >= threshold) != (high >= threshold)
    return reaches, unsure


@_compiled
def spelling_pairs(edits: np.ndarray, levenshtein: np.ndarray, left_len: np.ndarray,
                   right_len: np.ndarray) -> np.ndarray:  # fmt: skip
    """:func:`spelling` of the k-th left and k-th right string, for each k."""
    out = np.empty(edits.size)
    for k in range(edits.size):
        out[k] = spelling(edits[k], levenshtein[k], left_len[k], right_len[k])
    return out


@_compiled
def may_pair_matrix(
    spelling: np.ndarray,
    q_len: np.ndarray,
    q_first: np.ndarray,
    q_last: np.ndarray,
    q_vowels: np.ndarray,
    q_alpha: np.ndarray,
    q_ending: np.ndarray,
    q_key: np.ndarray,
    q_stem: np.ndarray,
    tokens: np.ndarray,
    token_len: np.ndarray,
    token_first: np.ndarray,
    token_last: np.ndarray,
    token_vowels: np.ndarray,
    token_alpha: np.ndarray,
    token_ending: np.ndarray,
    token_key: np.ndarray,
    token_stem: np.ndarray,
) -> np.ndarray:
    """Which (query token, list token) pairs may reach PAIR_MIN, by every rule but the
    relation keys (see :func:`tamis.matching.features.bounds.may_pair`)."""
    out = np.zeros(spelling.shape, np.bool_)
    for i in range(spelling.shape[0]):
        for j in range(spelling.shape[1]):
            t = tokens[j]
            spelled = spelling[i, j]
            one_ending = q_ending[i] != token_ending[t]
            shorter = min(q_len[i], token_len[t])
            longer = max(q_len[i], token_len[t])
            by_spelling = spelled >= PAIR_MIN - SLACK
            by_sound = spelled >= PHONETIC_MIN_SAME_SYLLABLES - SLACK and (
                q_key[i] == token_key[t] or one_ending
            )
            by_letters = not (q_alpha[i] and token_alpha[t])
            # a contraction (see is_abbreviation): ends alike, twice as long, the
            # shorter with one vowel at most
            short_vowels = q_vowels[i] if q_len[i] < token_len[t] else token_vowels[t]
            contraction = (
                shorter >= 3
                and longer >= 2 * shorter
                and q_last[i] == token_last[t]
                and short_vowels <= 1
            )
            by_first_letter = q_first[i] == token_first[t] and (
                shorter == 1 or contraction or one_ending
            )
            by_stem = (q_stem[i] >= 0 and q_stem[i] == token_key[t]) or (
                token_stem[t] >= 0 and q_key[i] == token_stem[t]
            )
            out[i, j] = by_spelling or by_sound or by_letters or by_first_letter or by_stem
    return out


@_compiled
def name_bound_matrix(
    similarity: np.ndarray,
    inverse: np.ndarray,
    tokens: np.ndarray,
    segments: np.ndarray,
    sizes: np.ndarray,
    names: np.ndarray,
    org: np.ndarray,
    token_weight: np.ndarray,
    token_distinct: np.ndarray,
    name_total: np.ndarray,
    name_weak: np.ndarray,
    q_slot: np.ndarray,
    q_start: np.ndarray,
    q_weight: np.ndarray,
    q_distinct: np.ndarray,
    q_total: np.ndarray,
    joined: np.ndarray,
) -> np.ndarray:
    """``bounds[i, n]`` of query name i and candidate name n (the formula is explained
    in :mod:`tamis.matching.features.bounds`).

    ``similarity[s, d]``: token similarity of query slot s and distinct candidate token
    d (0 below PAIR_MIN); ``inverse[t]``: the distinct token of candidate token t;
    query name i's tokens are slots ``q_slot[q_start[i]:q_start[i + 1]]`` with weights
    ``q_weight`` (column 0 for people, 1 for organisations); ``joined[i, n]``: the
    joined-forms score where it applies."""
    out = np.zeros((q_start.size - 1, names.size))
    hit = np.zeros(max(q_slot.size, 1), np.bool_)
    for i in range(q_start.size - 1):
        first, last = q_start[i], q_start[i + 1]
        for n in range(names.size):
            o = 1 if org[n] else 0
            best = 0.0
            covered = 0.0
            left_c = 0.0
            for p in range(first, last):
                hit[p] = False
            for t in range(segments[n], segments[n] + sizes[n]):
                d = inverse[t]
                best_token = 0.0
                for p in range(first, last):
                    value = similarity[q_slot[p], d]
                    if value > 0.0:
                        hit[p] = True
                        if value > best_token:
                            best_token = value
                if best_token > best:
                    best = best_token
                if best_token > 0.0:
                    covered += token_weight[tokens[t], o]
                else:
                    left_c += token_distinct[tokens[t], o]
            total_c = name_total[names[n], o]
            cov_c = covered / total_c
            left_c /= total_c
            cov_q = 0.0
            left_q = 0.0
            for p in range(first, last):
                if hit[p]:
                    cov_q += q_weight[p, o]
                else:
                    left_q += q_distinct[p, o]
            cov_q /= q_total[i, o]
            left_q /= q_total[i, o]
            high, low = max(cov_q, cov_c), min(cov_q, cov_c)
            base = COVER_BASE_ORG if o else COVER_BASE_PERSON
            bound = best * high * (base + (1.0 - base) * low)
            if left_q > 0.0 and left_c > 0.0:
                bound *= 1.0 - CONFLICT_PENALTY * min(1.0, 2.0 * min(left_q, left_c))
            if joined[i, n] > bound:
                bound = joined[i, n]
            if name_weak[names[n]]:
                bound *= WEAK_ALIAS_FACTOR
            if bound > 0.0:
                out[i, n] = min(1.0, bound + SLACK)
    return out


@_compiled
def near(left: float, right: float, least: float) -> bool:
    """Whether strings of these lengths can reach a spelling similarity of ``least``
    (each letter of difference in length is an edit)."""
    return abs(left - right) <= (1.0 - least) / EDIT_COST * max(left, right) + SLACK


@_compiled
def joined_candidates(
    q_numbers: np.ndarray,
    q_joined: np.ndarray,
    q_compact: np.ndarray,
    q_joined_len: np.ndarray,
    q_compact_len: np.ndarray,
    q_first: np.ndarray,
    q_count: np.ndarray,
    q_initial: np.ndarray,
    names: np.ndarray,
    name_numbers: np.ndarray,
    name_joined: np.ndarray,
    name_compact: np.ndarray,
    name_joined_len: np.ndarray,
    name_compact_len: np.ndarray,
    name_first: np.ndarray,
    name_sizes: np.ndarray,
    name_initial: np.ndarray,
    joined_min: float,
    joined_letters: int,
    compact_min: float,
    compact_letters: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The (query name, candidate name) pairs where the joined-forms rule may reach
    ``joined_min`` (see ``_joined`` in :mod:`tamis.matching.features.names`).

    Returns (rows, cols, same, spell_joined, spell_compact): the pairs, and per pair
    whether a joined or compact form is the same (the rule applies), or whether the
    joined or the compact forms must first spell each other closely enough. Joined and
    compact forms are given as text numbers, lengths as floats."""
    rows = []
    cols = []
    same_form = []
    joined_spelling = []
    compact_spelling = []
    for i in range(q_numbers.size):
        for n in range(names.size):
            name = names[n]
            if name_numbers[name] != q_numbers[i]:
                continue
            same = name_joined[name] == q_joined[i] or name_compact[name] == q_compact[i]
            spell_joined = (
                q_count[i] != name_sizes[name]
                and min(q_joined_len[i], name_joined_len[name]) >= joined_letters
                and q_first[i] == name_first[name]
                and near(q_joined_len[i], name_joined_len[name], joined_min)
            )
            spell_compact = (
                min(q_compact_len[i], name_compact_len[name]) >= compact_letters
                and not (q_initial[i] or name_initial[name])
                and near(q_compact_len[i], name_compact_len[name], max(joined_min, compact_min))
            )
            if same or spell_joined or spell_compact:
                rows.append(i)
                cols.append(n)
                same_form.append(same)
                joined_spelling.append(spell_joined)
                compact_spelling.append(spell_compact)
    return (
        np.array(rows, np.int64),
        np.array(cols, np.int64),
        np.array(same_form, np.bool_),
        np.array(joined_spelling, np.bool_),
        np.array(compact_spelling, np.bool_),
    )


@_compiled
def merge_token_candidates(
    q_len: np.ndarray,
    q_first: np.ndarray,
    tokens: np.ndarray,
    token_len: np.ndarray,
    token_first: np.ndarray,
    merge_min: float,
    merge_letters: int,
) -> tuple[np.ndarray, np.ndarray]:
    """(query text, position in ``tokens``) pairs where a list token of at least
    ``merge_letters`` letters starts like the query text and is close in length."""
    rows = []
    cols = []
    for i in range(q_len.size):
        for j in range(tokens.size):
            t = tokens[j]
            if (
                token_len[t] >= merge_letters
                and token_first[t] == q_first[i]
                and near(q_len[i], token_len[t], merge_min)
            ):
                rows.append(i)
                cols.append(j)
    return np.array(rows, np.int64), np.array(cols, np.int64)


@_compiled
def merge_pair_candidates(
    q_len: np.ndarray,
    q_first: np.ndarray,
    names: np.ndarray,
    pair_start: np.ndarray,
    name_pairs: np.ndarray,
    pair_len: np.ndarray,
    pair_first: np.ndarray,
    merge_min: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(query token, joined neighbour pair, position in ``names``) triples where a
    pair of neighbouring tokens of a name, written together, starts like the query
    token and is close in length."""
    rows = []
    pairs = []
    owners = []
    for n in range(names.size):
        for k in range(pair_start[names[n]], pair_start[names[n] + 1]):
            pair = name_pairs[k]
            for i in range(q_len.size):
                if pair_first[pair] == q_first[i] and near(q_len[i], pair_len[pair], merge_min):
                    rows.append(i)
                    pairs.append(pair)
                    owners.append(n)
    return np.array(rows, np.int64), np.array(pairs, np.int64), np.array(owners, np.int64)
