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
from itertools import compress
from typing import Final

from tamis.matching.features.lineage import names_unpaired_parent
from tamis.matching.features.tokens import (
    ORG_FILLERS,
    is_common,
    spelling_similarity,
    token_similarity,
    token_weight,
)
from tamis.matching.prepared import PreparedName

#: Token pairs below this similarity are not paired at all.
PAIR_MIN: Final = 0.65
#: Share of the score earned by the better-covered side alone, for people (a missing
#: middle name or patronymic is normal) and for organisations (an extra word often
#: names a different organisation: "Deutsche Bank Trust" is not "Deutsche Bank").
COVER_BASE_PERSON: Final = 0.6
COVER_BASE_ORG: Final = 0.4
#: Penalty weight when both sides keep unpaired distinctive tokens (a substitution).
CONFLICT_PENALTY: Final = 0.4
#: A partial match resting on fewer letters than this is weak evidence ("yu yi"
#: inside a five-syllable name): its score is multiplied by THIN_FACTOR.
THIN_LETTERS: Final = 6
THIN_FACTOR: Final = 0.85
#: Joined forms must be this similar to count as the same name written together,
#: and whole names with their legal forms this similar to count as a typo in a form.
JOINED_MIN: Final = 0.85
COMPACT_MIN: Final = 0.85
#: Joined forms shorter than this are compared only when equal; compact forms (with
#: the legal forms) only from this length.
JOINED_MIN_LETTERS: Final = 6
COMPACT_MIN_LETTERS: Final = 12
#: A weak alias (a nickname, a partial name) is weaker evidence: its score is scaled.
WEAK_ALIAS_FACTOR: Final = 0.9


#: query token -> candidate token -> what :func:`token_similarity` gives them, for every
#: pair that reaches PAIR_MIN (a token's phonetic key is a function of the token)
TokenPairs = dict[str, dict[str, tuple[float, str]]]


class TokenPair:
    """One query token paired with one candidate token, and how they were found alike."""

    __slots__ = ("query", "candidate", "similarity", "kind")

    def __init__(self, query: str, candidate: str, similarity: float, kind: str) -> None:
        self.query = query
        self.candidate = candidate
        self.similarity = similarity
        self.kind = kind

    def __repr__(self) -> str:
        return f"TokenPair({self.query!r}, {self.candidate!r}, {self.similarity}, {self.kind!r})"


class NameMatch:
    """The best alignment of one query name with one candidate name (treat as immutable:
    :meth:`replaced` makes a changed copy)."""

    __slots__ = (
        "score",
        "query",
        "candidate",
        "pairs",
        "query_unpaired",
        "candidate_unpaired",
        "joined",
    )

    def __init__(
        self,
        score: float,
        query: PreparedName,
        candidate: PreparedName,
        pairs: tuple[TokenPair, ...],
        query_unpaired: tuple[str, ...],
        candidate_unpaired: tuple[str, ...],
        joined: bool = False,  #: matched through the joined forms
    ) -> None:
        self.score = score
        self.query = query
        self.candidate = candidate
        self.pairs = pairs
        self.query_unpaired = query_unpaired
        self.candidate_unpaired = candidate_unpaired
        self.joined = joined

    def replaced(
        self,
        score: float | None = None,
        query: PreparedName | None = None,
        candidate: PreparedName | None = None,
        pairs: tuple[TokenPair, ...] | None = None,
    ) -> NameMatch:
        """A copy with the given fields changed."""
        return NameMatch(
            self.score if score is None else score,
            self.query if query is None else query,
            self.candidate if candidate is None else candidate,
            self.pairs if pairs is None else pairs,
            self.query_unpaired,
            self.candidate_unpaired,
            self.joined,
        )

    def __repr__(self) -> str:
        return (
            f"NameMatch(score={self.score}, query={self.query.latin!r}, "
            f"candidate={self.candidate.latin!r}, pairs={self.pairs!r})"
        )

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
    long legal forms ("JOINT STOCK COMPAN"); never bridges different numbers. Joined
    forms with a typo must start alike: "andrangheta" is not "ndrangheta".
    """
    if query.numbers != candidate.numbers:
        return 0.0
    if query.compact == candidate.compact or query.joined == candidate.joined:
        return 1.0 if len(query.joined) >= 3 else 0.0
    best = 0.0
    if (
        len(query.tokens) != len(candidate.tokens)
        and min(len(query.joined), len(candidate.joined)) >= JOINED_MIN_LETTERS
        and query.joined[0] == candidate.joined[0]
    ):
        best = spelling_similarity(query.joined, candidate.joined)
    if (
        min(len(query.compact), len(candidate.compact)) >= COMPACT_MIN_LETTERS
        and min(map(len, query.tokens + candidate.tokens)) > 1  # an initial must agree
    ):
        compact = spelling_similarity(query.compact, candidate.compact)
        if compact >= COMPACT_MIN:
            best = max(best, compact)
    return best


def align(
    query: PreparedName,
    candidate: PreparedName,
    org: bool = False,
    similar: TokenPairs | None = None,
    joined: float | None = None,
) -> NameMatch:
    """Pair tokens greedily by similarity and score the alignment in [0, 1].

    score = quality x coverage of the better-covered side x (base + (1 - base) x
    coverage of the other side), lowered when both sides keep unpaired
    distinctive tokens. Quality is the weighted mean similarity of the pairs.

    ``similar``, when given, holds every token pair of the two names that reaches
    PAIR_MIN (as screening's bounds find them): the others are not compared again.
    ``joined``, when given, is the joined-forms score of the two names where it
    reaches JOINED_MIN and anything below it otherwise (as the bounds find it).
    """
    qt, ct = query.tokens, candidate.tokens
    qp, cp = query.phonetic, candidate.phonetic
    # (-similarity, i, j, kind): sorted, the best pairs come first, ties by position
    options: list[tuple[float, int, int, str]] = []
    if similar is not None:
        for i, a in enumerate(qt):
            partners = similar.get(a)
            if partners:
                for j, b in enumerate(ct):
                    known = partners.get(b)
                    if known is not None:
                        options.append((-known[0], i, j, known[1]))
    else:
        for i, a in enumerate(qt):
            pa = qp[i]
            for j, b in enumerate(ct):
                found = token_similarity(a, b, pa, cp[j])
                if found[0] >= PAIR_MIN:
                    options.append((-found[0], i, j, found[1]))
    score = 0.0
    pairs: list[TokenPair] = []
    unpaired_q, unpaired_c = qt, ct
    if options:
        options.sort()
        wq_all, total_q, distinct_q = _weights(qt, org)
        wc_all, total_c, distinct_c = _weights(ct, org)
        free_q = [True] * len(qt)
        free_c = [True] * len(ct)
        most = min(len(qt), len(ct))
        quality_sum = quality_weight = paired_q = paired_c = 0.0
        for negative, i, j, kind in options:
            if not (free_q[i] and free_c[j]):
                continue
            free_q[i] = free_c[j] = False
            sim = -negative
            pairs.append(TokenPair(qt[i], ct[j], sim, kind))
            wq, wc = wq_all[i], wc_all[j]
            quality_sum += sim * (wq + wc)
            quality_weight += wq + wc
            paired_q += wq
            paired_c += wc
            if len(pairs) == most:
                break
        unpaired_q = tuple(compress(qt, free_q))
        unpaired_c = tuple(compress(ct, free_c))
        quality = quality_sum / quality_weight
        cov_q, cov_c = paired_q / total_q, paired_c / total_c
        high, low = max(cov_q, cov_c), min(cov_q, cov_c)
        base = COVER_BASE_ORG if org else COVER_BASE_PERSON
        score = quality * high * (base + (1 - base) * low)
        if unpaired_q and unpaired_c:
            left_q = sum(compress(distinct_q, free_q)) / total_q
            left_c = sum(compress(distinct_c, free_c)) / total_c
            if left_q and left_c:
                score *= 1 - CONFLICT_PENALTY * min(1.0, 2 * min(left_q, left_c))
        if unpaired_q or unpaired_c:
            letters = sum(len(p.candidate) for p in pairs if p.similarity >= 0.75)
            if letters < THIN_LETTERS:
                score *= THIN_FACTOR
    if score < 1.0:
        if joined is None:
            joined = _joined(query, candidate)
        if joined >= JOINED_MIN and joined > score:
            pair = TokenPair(query.joined, candidate.joined, joined, "joined")
            return NameMatch(joined, query, candidate, (pair,), (), (), True)
    return NameMatch(score, query, candidate, tuple(pairs), unpaired_q, unpaired_c)


def best_name_match(
    query_names: tuple[PreparedName, ...],
    candidate_names: tuple[PreparedName, ...],
    org: bool = False,
    bounds: list[list[float]] | None = None,
    similar: TokenPairs | None = None,
    joined: list[list[float]] | None = None,
) -> NameMatch | None:
    """The best-scoring alignment over every pair of names (None if a side has none):
    the first pair, query names outer, to reach the highest score.

    ``bounds[i][j]``, when given, is at least the score of query name i against
    candidate name j (see :mod:`tamis.matching.features.bounds`): the pair with the
    highest bound is aligned first, and pairs whose bound is below its score are
    never aligned. ``similar`` and ``joined[i][j]`` (see :func:`align`) save comparing
    tokens and joined forms again. The result is the same without them.
    """
    if not query_names or not candidate_names:
        return None
    seed = -1.0
    seeded: tuple[int, int, NameMatch] | None = None
    if bounds is not None:
        _, i, j = max((b, i, j) for i, line in enumerate(bounds) for j, b in enumerate(line))
        seeded = (
            i,
            j,
            _scored_pair(query_names[i], candidate_names[j], org, similar, joined, i, j),
        )
        seed = seeded[2].score
    best: NameMatch | None = None
    for i, q in enumerate(query_names):
        for j, c in enumerate(candidate_names):
            if bounds is not None:
                if bounds[i][j] < seed:
                    continue
                assert seeded is not None
                if (i, j) == seeded[:2]:
                    match = seeded[2]
                else:
                    match = _scored_pair(q, c, org, similar, joined, i, j)
            else:
                match = _scored_pair(q, c, org, similar, joined, i, j)
            if best is None or match.score > best.score:
                best = match
                if best.score >= 1.0:
                    return best
    return best


def _scored_pair(
    query: PreparedName,
    candidate: PreparedName,
    org: bool,
    similar: TokenPairs | None,
    joined: list[list[float]] | None,
    i: int,
    j: int,
) -> NameMatch:
    match = align(query, candidate, org, similar, None if joined is None else joined[i][j])
    if (query.short_form or candidate.short_form) and (
        names_unpaired_parent(query.tokens, match.query_unpaired)
        or names_unpaired_parent(candidate.tokens, match.candidate_unpaired)
    ):
        # "Moncef ben Ali Trabelsi" is not confirmed by the short form of "Moncef ben
        # Mohamed ben Rhouma Trabelsi": the full names are compared instead
        return match.replaced(score=0.0)
    factor = evidence_factor(query, candidate)
    return match if factor == 1.0 else match.replaced(score=match.score * factor)


def evidence_factor(query: PreparedName, candidate: PreparedName) -> float:
    """What an alignment of these two names keeps of its score: WEAK_ALIAS_FACTOR for a
    list name's weak alias or a short form derived from either side's name, else 1."""
    return WEAK_ALIAS_FACTOR if candidate.weak or query.short_form else 1.0
