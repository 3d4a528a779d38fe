"""Names split in the wrong place: "Patr ushev" for "Patrushev", "MOHAMMAD HASNI" for
"MOHAMMADHASNI". Two neighbouring tokens of one name are joined when together they
spell a token of the other name (starting with the same letter: a split keeps the first
letter in place), and the names are aligned again."""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from tamis.matching.features.names import NameMatch, align, evidence_factor
from tamis.matching.features.tokens import spelling_similarity
from tamis.matching.prepared import PreparedName, phonetic_key

#: The joined pair must spell the other token this closely (one typo in a long name).
MERGE_MIN: Final = 0.85
#: Only tokens at least this long are compared with a joined pair.
MERGE_MIN_LETTERS: Final = 6


def _merges(name: PreparedName, other: PreparedName) -> list[PreparedName]:
    targets = [t for t in other.tokens if len(t) >= MERGE_MIN_LETTERS and t not in name.tokens]
    out: list[PreparedName] = []
    if not targets:
        return out
    tokens = name.tokens
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if a.isdigit() or b.isdigit():
            continue
        joined = a + b
        if len(joined) < MERGE_MIN_LETTERS:
            continue
        if any(t[0] == joined[0] and spelling_similarity(joined, t) >= MERGE_MIN for t in targets):
            merged = (*tokens[:i], joined, *tokens[i + 2 :])
            out.append(
                replace(name, tokens=merged, phonetic=tuple(phonetic_key(t) for t in merged))
            )
    return out


def merged_alignment(
    query: PreparedName, candidate: PreparedName, org: bool = False
) -> NameMatch | None:
    """The best alignment after joining a split token on either side (None if no
    neighbouring pair of tokens spells a token of the other name)."""
    best: NameMatch | None = None
    for q in _merges(query, candidate):
        match = align(q, candidate, org)
        if best is None or match.score > best.score:
            best = match
    for c in _merges(candidate, query):
        match = align(query, c, org)
        if best is None or match.score > best.score:
            best = match
    factor = evidence_factor(query, candidate)
    if best is not None and factor != 1.0:
        best = best.replaced(score=best.score * factor)
    return best
