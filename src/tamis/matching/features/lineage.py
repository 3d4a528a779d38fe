"""Who is whose child: word order is free in names, except around the lineage
particles and between a given and a family name set apart as such.

"AHMAD BIN HASAN" (Ahmad, son of Hasan) is not "HASAN BIN AHMAD" (his father or his
son), though both names hold the same words; nor is the person whose given name is
Hans and family name Friedrich the one whose given name is Friedrich and family
name Hans.
"""

from __future__ import annotations

from typing import Final

#: "son / daughter of" particles: the word before names the person, the word after the parent.
LINEAGE: Final = frozenset(["bin", "ibn", "bint", "binti", "ben", "ould"])
#: Links in a chain from which its short form is also a name of the person.
SHORT_FORM_MIN_LINKS: Final = 2


def short_lineage_form(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """The everyday form of a name that opens with a chain of ancestors, or None.

    Lists write Arabic names in full, "Moncef ben Mohamed ben Rhouma Trabelsi" (Moncef,
    son of Mohamed, son of Rhouma, of the Trabelsi family); passports, bank records and
    the press write "Moncef Trabelsi". With a family name after the chain the short
    form is the given name and the family name; without one, the chain's last link is
    the family name ("Usama bin Muhammad bin Awad bin Ladin" -> "Usama bin Ladin").
    Only chains of SHORT_FORM_MIN_LINKS links or more: "Ahmad bin Hasan" is short already.
    """
    end, links = 1, 0
    while end + 1 < len(tokens) and tokens[end] in LINEAGE and tokens[end + 1] not in LINEAGE:
        links += 1
        end += 2
    if links < SHORT_FORM_MIN_LINKS:
        return None
    family = tokens[end:]
    return (tokens[0], *family) if family else (tokens[0], *tokens[end - 2 : end])


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


def names_unpaired_parent(tokens: tuple[str, ...], unpaired: tuple[str, ...]) -> bool:
    """Whether a token left unpaired names a parent (follows a lineage particle): a
    short form, which has dropped the parents, cannot confirm or deny it."""
    return any(
        token in unpaired and tokens[i - 1] in LINEAGE for i, token in enumerate(tokens) if i
    )
