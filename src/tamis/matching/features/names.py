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

from dataclasses import dataclass

from tamis.matching.features.tokens import (
    is_common,
    spelling_similarity,
    token_similarity,
    token_weight,
)
from tamis.matching.prepared import PreparedName

#: Token pairs below this similarity are not paired at all.
PAIR_MIN = 0.6
#: Share of the score earned by covering the better-covered side alone.
COVER_BASE = 0.7
#: Extra penalty weight when both sides keep unpaired tokens (a substitution).
CONFLICT_PENALTY = 0.35
#: Joined forms must be this similar to count as the same name written together.
JOINED_MIN = 0.9


@dataclass(frozen=True, slots=True)
class TokenPair:
    query: str
    candidate: str
    similarity: float
    kind: str


@dataclass(frozen=True, slots=True)
class NameMatch:
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
        return sum(1 for p in self.pairs if p.similarity >= 0.8 and not is_common(p.query))


def _effective(similarity: float) -> float:
    """Stretch raw similarity so that near misses count much less than matches."""
    return max(0.0, (similarity - 0.5) / 0.5)


def align(query: PreparedName, candidate: PreparedName) -> NameMatch:
    """Pair tokens greedily by similarity and score the alignment in [0, 1]."""
    qt, ct = query.tokens, candidate.tokens
    options: list[tuple[float, int, int, str]] = []
    for i, a in enumerate(qt):
        pa = query.phonetic[i]
        for j, b in enumerate(ct):
            sim, kind = token_similarity(a, b, pa, candidate.phonetic[j])
            if sim >= PAIR_MIN:
                options.append((sim, i, j, kind))
    options.sort(key=lambda o: (-o[0], o[1], o[2]))
    used_q: set[int] = set()
    used_c: set[int] = set()
    pairs: list[TokenPair] = []
    matched_q = matched_c = 0.0
    for sim, i, j, kind in options:
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        pairs.append(TokenPair(qt[i], ct[j], sim, kind))
        eff = _effective(sim)
        matched_q += eff * token_weight(qt[i])
        matched_c += eff * token_weight(ct[j])
    total_q = sum(token_weight(t) for t in qt) or 1.0
    total_c = sum(token_weight(t) for t in ct) or 1.0
    cov_q, cov_c = matched_q / total_q, matched_c / total_c
    unpaired_q = tuple(t for i, t in enumerate(qt) if i not in used_q)
    unpaired_c = tuple(t for j, t in enumerate(ct) if j not in used_c)
    high, low = max(cov_q, cov_c), min(cov_q, cov_c)
    score = high * (COVER_BASE + (1 - COVER_BASE) * low)
    if unpaired_q and unpaired_c:
        left_q = sum(token_weight(t) for t in unpaired_q) / total_q
        left_c = sum(token_weight(t) for t in unpaired_c) / total_c
        score *= 1 - CONFLICT_PENALTY * min(1.0, 2 * min(left_q, left_c))
    match = NameMatch(score, query, candidate, tuple(pairs), unpaired_q, unpaired_c)
    if len(qt) != len(ct) and min(len(query.joined), len(candidate.joined)) >= 6:
        joined = spelling_similarity(query.joined, candidate.joined)
        if joined >= JOINED_MIN and _effective(joined) > score:
            pair = TokenPair(query.joined, candidate.joined, joined, "joined")
            return NameMatch(_effective(joined), query, candidate, (pair,), (), (), True)
    return match


def best_name_match(
    query_names: tuple[PreparedName, ...], candidate_names: tuple[PreparedName, ...]
) -> NameMatch | None:
    """The best-scoring alignment over every pair of names (None if a side has none)."""
    best: NameMatch | None = None
    for q in query_names:
        for c in candidate_names:
            match = align(q, c)
            if c.weak:
                # a weak alias (nickname, partial name) is weaker evidence
                match = NameMatch(
                    match.score * 0.9, q, c, match.pairs,
                    match.query_unpaired, match.candidate_unpaired, match.joined,
                )
            if best is None or match.score > best.score:
                best = match
                if best.score >= 1.0:
                    return best
    return best
