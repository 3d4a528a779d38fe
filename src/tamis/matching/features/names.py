"""Name alignment: pair the tokens of two names and score how well they cover each other.

Word order is ignored: every query token is paired with at most one candidate
token, best pairs first. The score rewards names whose tokens all find a
partner, tolerates a missing middle name or patronymic on one side, and
punishes substitutions (both sides keep an unpaired token: "Sergey Ivanevich
Lavrov" is not "Sergey Viktorovich Lavrov"). Concatenated forms ("sergeilavrov"
/ "sergei lavrov", "xiaoming" / "xiao ming") are compared through the joined
tokens.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from tamis.matching.features.tokens import (
    ORG_FILLERS,
    is_common,
    spelling_similarity,
    token_similarity,
    token_weight,
)
from tamis.matching.prepared import PreparedName

#: Token pairs below this similarity are not paired at all.
PAIR_MIN = 0.65
#: Share of the score earned by the better-covered side alone, for people (a missing
#: middle name or patronymic is normal) and for organisations (an extra word often
#: names a different organisation: "Deutsche Bank Trust" is not "Deutsche Bank").
COVER_BASE_PERSON = 0.6
COVER_BASE_ORG = 0.4
#: Penalty weight when both sides keep unpaired distinctive tokens (a substitution).
CONFLICT_PENALTY = 0.4
#: A partial match resting on fewer letters than this is weak evidence ("yu yi"
#: inside a five-syllable name): its score is multiplied by THIN_FACTOR.
THIN_LETTERS = 6
THIN_FACTOR = 0.85
#: Joined forms must be this similar to count as the same name written together,
#: and whole names with their legal forms this similar to count as a typo in a form.
JOINED_MIN = 0.85
COMPACT_MIN = 0.85


class TokenPair(NamedTuple):
    query: str
    candidate: str
    similarity: float
    kind: str


class NameMatch(NamedTuple):
    """The best alignment of one query name with one candidate name."""

    score: float
    query: PreparedName
    candidate: PreparedName
    pairs: tuple[TokenPair, ...]
    query_unpaired: tuple[str, ...]
    candidate_unpaired: tuple[str, ...]
    joined: bool = False  #: matched through the joined forms

    @property
    def distinctive_pairs(self) -> int:
        """Pairs of well-matched tokens that are not particles or common words."""
        return sum(
            1
            for p in self.pairs
            if p.similarity >= PAIR_MIN and p.kind != "initial" and not is_common(p.query)
        )


@lru_cache(maxsize=200_000)
def _weights(
    tokens: tuple[str, ...], org: bool
) -> tuple[tuple[float, ...], float, tuple[float, ...]]:
    """Token weights, their total (at least a tiny positive number), and the weight of
    each token that would signal a different name if left unpaired (0 otherwise)."""
    weights = tuple(token_weight(t, org) for t in tokens)
    distinct = tuple(w if _distinct(t, org) else 0.0 for t, w in zip(tokens, weights, strict=True))
    return weights, sum(weights) or 1.0, distinct


def _distinct(token: str, org: bool) -> bool:
    """Whether an unpaired token signals a different name (not a filler or particle)."""
    return token not in ORG_FILLERS if org else not is_common(token)


def _joined(query: PreparedName, candidate: PreparedName) -> float:
    """Similarity of the names written without spaces (0 when not comparable).

    Catches names written together ("SiemensAG", "xiaoming") and typos inside
    long legal forms ("JOINT STOCK COMPAN"); never bridges different numbers.
    """
    if query.numbers != candidate.numbers:
        return 0.0
    if query.compact == candidate.compact or query.joined == candidate.joined:
        return 1.0 if len(query.joined) >= 3 else 0.0
    best = 0.0
    if (
        len(query.tokens) != len(candidate.tokens)
        and min(len(query.joined), len(candidate.joined)) >= 6
    ):
        best = spelling_similarity(query.joined, candidate.joined)
    if (
        min(len(query.compact), len(candidate.compact)) >= 12
        and min(map(len, query.tokens + candidate.tokens)) > 1  # an initial must agree
    ):
        compact = spelling_similarity(query.compact, candidate.compact)
        if compact >= COMPACT_MIN:
            best = max(best, compact)
    return best


def align(query: PreparedName, candidate: PreparedName, org: bool = False) -> NameMatch:
    """Pair tokens greedily by similarity and score the alignment in [0, 1].

    score = quality x coverage of the better-covered side x (base + (1 - base) x
    coverage of the other side), lowered when both sides keep unpaired
    distinctive tokens. Quality is the weighted mean similarity of the pairs.
    """
    return _align(query, candidate, org, _options(query, candidate), _joined(query, candidate))


_Option = tuple[float, int, int, str]


def _options(query: PreparedName, candidate: PreparedName) -> list[_Option]:
    """(similarity, query token, candidate token, kind) of every pairable token pair."""
    qt, ct = query.tokens, candidate.tokens
    qp, cp = query.phonetic, candidate.phonetic
    options: list[_Option] = []
    for i, a in enumerate(qt):
        pa = qp[i]
        for j, b in enumerate(ct):
            sim, kind = token_similarity(a, b, pa, cp[j])
            if sim >= PAIR_MIN:
                options.append((sim, i, j, kind))
    return options


def _bound(
    query: PreparedName, candidate: PreparedName, org: bool, options: list[_Option], joined: float
) -> float:
    """An upper bound of :func:`align`'s score, without pairing the tokens.

    The pairs are a subset of ``options``, so quality is at most the best option's
    similarity and each side's coverage at most that of its pairable tokens; the
    penalties only lower the score.
    """
    bound = joined if joined >= JOINED_MIN else 0.0
    if options:
        wq_all, total_q, _ = _weights(query.tokens, org)
        wc_all, total_c, _ = _weights(candidate.tokens, org)
        cov_q = sum(wq_all[i] for i in {o[1] for o in options}) / total_q
        cov_c = sum(wc_all[j] for j in {o[2] for o in options}) / total_c
        high, low = max(cov_q, cov_c), min(cov_q, cov_c)
        base = COVER_BASE_ORG if org else COVER_BASE_PERSON
        bound = max(bound, max(o[0] for o in options) * high * (base + (1 - base) * low))
    return bound


def _align(
    query: PreparedName,
    candidate: PreparedName,
    org: bool,
    options: list[_Option],
    joined: float,
) -> NameMatch:
    """:func:`align` from the pairable token pairs and the joined similarity."""
    qt, ct = query.tokens, candidate.tokens
    score = 0.0
    pairs: list[TokenPair] = []
    unpaired_q, unpaired_c = qt, ct
    if options:
        options.sort(key=lambda o: (-o[0], o[1], o[2]))
        wq_all, total_q, distinct_q = _weights(qt, org)
        wc_all, total_c, distinct_c = _weights(ct, org)
        used_q: set[int] = set()
        used_c: set[int] = set()
        quality_sum = quality_weight = paired_q = paired_c = 0.0
        for sim, i, j, kind in options:
            if i in used_q or j in used_c:
                continue
            used_q.add(i)
            used_c.add(j)
            pairs.append(TokenPair(qt[i], ct[j], sim, kind))
            wq, wc = wq_all[i], wc_all[j]
            quality_sum += sim * (wq + wc)
            quality_weight += wq + wc
            paired_q += wq
            paired_c += wc
        unpaired_q = tuple(t for i, t in enumerate(qt) if i not in used_q)
        unpaired_c = tuple(t for j, t in enumerate(ct) if j not in used_c)
        quality = quality_sum / quality_weight
        cov_q, cov_c = paired_q / total_q, paired_c / total_c
        high, low = max(cov_q, cov_c), min(cov_q, cov_c)
        base = COVER_BASE_ORG if org else COVER_BASE_PERSON
        score = quality * high * (base + (1 - base) * low)
        left_q = sum(distinct_q[i] for i in range(len(qt)) if i not in used_q) / total_q
        left_c = sum(distinct_c[j] for j in range(len(ct)) if j not in used_c) / total_c
        if left_q and left_c:
            score *= 1 - CONFLICT_PENALTY * min(1.0, 2 * min(left_q, left_c))
        if unpaired_q or unpaired_c:
            letters = sum(len(p.candidate) for p in pairs if p.similarity >= 0.75)
            if letters < THIN_LETTERS:
                score *= THIN_FACTOR
    if joined >= JOINED_MIN and joined > score:
        pair = TokenPair(query.joined, candidate.joined, joined, "joined")
        return NameMatch(joined, query, candidate, (pair,), (), (), True)
    return NameMatch(score, query, candidate, tuple(pairs), unpaired_q, unpaired_c)


#: Rounding slack when comparing an upper bound with an exact score.
_SLACK = 1e-9


def best_name_match(
    query_names: tuple[PreparedName, ...],
    candidate_names: tuple[PreparedName, ...],
    org: bool = False,
) -> NameMatch | None:
    """The best-scoring alignment over every pair of names (None if a side has none).

    Among equal scores the first pair (query names outer, candidate names inner)
    wins. Pairs are aligned in order of a cheap upper bound of their score, and
    those whose bound cannot beat the best alignment found so far are skipped:
    the result is the one exhaustive alignment would give.
    """
    pairs = [(q, c) for q in query_names for c in candidate_names]
    if not pairs:
        return None
    if len(pairs) == 1:
        q, c = pairs[0]
        return _weakened(align(q, c, org), c)
    ranked = []
    for number, (q, c) in enumerate(pairs):
        options = _options(q, c)
        joined = _joined(q, c)
        bound = _bound(q, c, org, options, joined) * (0.9 if c.weak else 1.0)
        ranked.append((-bound, number, options, joined))
    ranked.sort(key=lambda row: (row[0], row[1]))
    best: NameMatch | None = None
    best_number = -1
    for negative_bound, number, options, joined in ranked:
        if best is not None and -negative_bound + _SLACK <= best.score:
            break  # the bounds are sorted: nothing left can beat the best
        q, c = pairs[number]
        match = _weakened(_align(q, c, org, options, joined), c)
        if (
            best is None
            or match.score > best.score
            or (match.score == best.score and number < best_number)
        ):
            best, best_number = match, number
    return best


def _weakened(match: NameMatch, candidate: PreparedName) -> NameMatch:
    """A weak alias (nickname, partial name) is weaker evidence."""
    if not candidate.weak:
        return match
    return match._replace(score=match.score * 0.9)
