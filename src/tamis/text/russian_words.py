"""Russian organisation names with their common words in English.

"Муромский приборостроительный завод" is listed in English as "Murom Instrument-Making
Plant": :func:`translated` gives the romanised name with the words of
``data/russian_glossary.yml`` in English and adjectives of places reduced to the place
("муромский" -> "murom"), so that the two spellings share their words.
"""

from __future__ import annotations

import re
from functools import cache

from tamis.text import cyrillic
from tamis.text.tables import load_table

#: Grammatical endings a glossary stem may carry (nouns and adjectives, any case).
_ENDINGS = (
    "а я ы и у ю е о ь ой ей ый ий ая яя ое ее ые ие ого его ому ему ым им ом ем ую юю "
    "ых их ыми ими ами ями ах ях ов ев ам ям"
)
ENDINGS = frozenset(_ENDINGS.split()) | {""}
#: An adjective made of a place name: the place, then -sk- and an adjective ending.
_PLACE_ADJECTIVE = re.compile(r"^(\w{3,}?)ск(?:ий|ая|ое|ие|ого|ой|ом|ую|их|ым|ых|ому)$")


@cache
def _glossary() -> dict[str, str]:
    return {str(k): str(v) for k, v in load_table("russian_glossary.yml").items()}


def _english(word: str) -> str | None:
    """The English for a glossary word in any of its forms (longest stem first)."""
    table = _glossary()
    for cut in range(len(word), 0, -1):
        if word[cut:] in ENDINGS and word[:cut] in table:
            return table[word[:cut]]
    return None


def translated(text: str) -> str | None:
    """Normalised Cyrillic text with its glossary words in English (None when it has
    none, or has only "и")."""
    out: list[str] = []
    hit = False
    for word in text.split():
        english = _english(word)
        if english is not None:
            hit = hit or english != "and"
            out.append(english)
            continue
        place = _PLACE_ADJECTIVE.match(word)
        out.append(cyrillic.romanize(place.group(1) if place else word))
    return " ".join(out) if hit else None
