"""Initials written for several words: "IBM" / "International Business Machines",
"PLA" / "People's Liberation Army", "JC Juncker" / "Jean-Claude Juncker".

A short token of one name that spells the first letters of consecutive words of the
other name stands for those words; the other name is aligned again with the words
replaced by the token. The result is weaker evidence than the words themselves (many
phrases share initials), so its score is multiplied by ACRONYM_FACTOR.
"""

from __future__ import annotations

from dataclasses import replace

from tamis.matching.features.names import NameMatch, TokenPair, align
from tamis.matching.features.tokens import ORG_FILLERS
from tamis.matching.prepared import PreparedName, phonetic_key

#: Acronyms have this many letters (and stand for as many words, fillers aside).
ACRONYM_MIN = 2
ACRONYM_MAX = 6
#: Share of the aligned score kept when an acronym stands for words.
ACRONYM_FACTOR = 0.9
#: Scores of alignments through a weak alias are multiplied by this (as in best_name_match).
WEAK_FACTOR = 0.9
_VOWELS = frozenset("aeiouy")


def _acronyms(name: PreparedName, other: PreparedName, org: bool) -> frozenset[str]:
    """Tokens of ``name`` that could be acronyms of words of ``other``. In a person's
    name only tokens without vowels: "li", "wu", "an" are names, "jc" is initials."""
    return frozenset(
        t
        for t in name.tokens
        if ACRONYM_MIN <= len(t) <= ACRONYM_MAX
        and t.isalpha()
        and t not in other.tokens
        and (org or not _VOWELS.intersection(t))
    )


def _collapsed(
    name: PreparedName, acronyms: frozenset[str], org: bool
) -> list[tuple[PreparedName, str, str]]:
    """``name`` with a run of two or more words replaced by an acronym spelling their
    initials; organisation names may leave fillers ("of", "and") out of the initials. A
    person's name keeps at least one word outside the run, and its words must be words,
    not initials. Returns (the collapsed name, the acronym, the words it stands for)."""
    tokens = name.tokens
    out: list[tuple[PreparedName, str, str]] = []
    for start in range(len(tokens)):
        if tokens[start] in ORG_FILLERS:
            continue
        every = skipping = ""
        for end in range(start, min(len(tokens), start + 2 * ACRONYM_MAX)):
            token = tokens[end]
            if not token.isalpha() or (not org and len(token) < 2):
                break
            every += token[0]
            if token not in ORG_FILLERS:
                skipping += token[0]
            if len(every) > ACRONYM_MAX and len(skipping) > ACRONYM_MAX:
                break
            whole = start == 0 and end == len(tokens) - 1
            if end == start or (whole and not org):
                continue
            for initials in dict.fromkeys((every, skipping) if org else (every,)):
                if initials in acronyms:
                    merged = (*tokens[:start], initials, *tokens[end + 1 :])
                    collapsed = replace(
                        name,
                        tokens=merged,
                        phonetic=tuple(phonetic_key(t) for t in merged),
                        joined="".join(merged),
                    )
                    out.append((collapsed, initials, " ".join(tokens[start : end + 1])))
    return out


def _labelled(match: NameMatch, acronym: str, words: str, query_side: bool) -> NameMatch:
    """The match with the acronym's pair showing the words it stands for."""
    pairs = tuple(
        TokenPair(*((words, acronym) if query_side else (acronym, words)), p.similarity, "acronym")
        if p.query == acronym and p.candidate == acronym
        else p
        for p in match.pairs
    )
    return match._replace(pairs=pairs)


def _aligned(query: PreparedName, candidate: PreparedName, org: bool) -> NameMatch | None:
    best: NameMatch | None = None
    for q, acronym, words in _collapsed(query, _acronyms(candidate, query, org), org):
        match = align(q, candidate, org)
        if best is None or match.score > best.score:
            best = _labelled(match, acronym, words, True)
    for c, acronym, words in _collapsed(candidate, _acronyms(query, candidate, org), org):
        match = align(query, c, org)
        if best is None or match.score > best.score:
            best = _labelled(match, acronym, words, False)
    return best


def acronym_alignment(
    query_names: tuple[PreparedName, ...],
    candidate_names: tuple[PreparedName, ...],
    org: bool = False,
) -> NameMatch | None:
    """The best alignment of any two names after an acronym of one stands for words of
    the other (None when no short token of one name spells initials of the other)."""
    best: NameMatch | None = None
    for q in query_names:
        for c in candidate_names:
            match = _aligned(q, c, org)
            if match is None:
                continue
            factor = ACRONYM_FACTOR * (WEAK_FACTOR if c.weak else 1.0)
            match = match._replace(score=match.score * factor, query=q, candidate=c)
            if best is None or match.score > best.score:
                best = match
    return best
