"""Who is whose child: word order is free in names, except around the lineage
particles and between a given and a family name set apart as such.

"AHMAD BIN HASAN" (Ahmad, son of Hasan) is not "HASAN BIN AHMAD" (his father or his
son), though both names hold the same words; nor is the person whose given name is
Hans and family name Friedrich the one whose given name is Friedrich and family
name Hans.
"""

from __future__ import annotations

#: "son / daughter of" particles: the word before names the person, the word after the parent.
LINEAGE = frozenset(["bin", "ibn", "bint", "binti", "ben", "ould"])


def _roles(tokens: tuple[str, ...]) -> tuple[set[str], set[str]]:
    own: set[str] = set()
    parent: set[str] = set()
    for i, token in enumerate(tokens):
        if token in LINEAGE and 0 < i < len(tokens) - 1:
            own.add(tokens[i - 1])
            parent.add(tokens[i + 1])
    return own, parent


def swapped_lineage(query: tuple[str, ...], candidate: tuple[str, ...]) -> str | None:
    """A word naming the person in one name and the parent in the other, if any.

    In a chain ("Mohammed bin Salman bin Abdulaziz") a middle word is both a person and
    a parent: it is never swapped.
    """
    own_q, parent_q = _roles(query)
    if not own_q:
        return None
    own_c, parent_c = _roles(candidate)
    swapped = ((own_q - parent_q) & (parent_c - own_c)) | ((own_c - parent_c) & (parent_q - own_q))
    return min(swapped) if swapped else None


def swapped_parts(query: tuple[str, str] | None, candidate: tuple[str, str] | None) -> str | None:
    """The given name of one side when it is the family name of the other and the
    other way round (both sides give their parts as (given, family))."""
    if not query or not candidate:
        return None
    (qg, qf), (cg, cf) = query, candidate
    if qg != qf and qg == cf and qf == cg:
        return qg
    return None
