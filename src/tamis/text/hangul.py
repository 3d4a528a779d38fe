"""Korean Hangul romanisation: Revised Romanization plus the spellings names are known by.

Syllables are decomposed arithmetically into initial, vowel and final jamo (Unicode
Hangul syllables block) and romanised syllable by syllable, as Korean personal names are
(no sound changes across syllable boundaries).

Variants of a name: the family name in its conventional spelling (김 Kim, 이 Lee, 박 Park,
최 Choi, ... from ``data/korean_surnames.yml``) with the given name in Revised Romanization
("kim jeong eun"); the given name joined ("kim jeongeun"); the McCune–Reischauer-like
popular rendering of ㅓ/ㅡ as o/u ("kim jong un") or u/u ("kim jung un"); strict Revised
Romanization of the family name ("gim jeong eun"); the North Korean style with voiceless
initials ("pak pong ju"); the family name's other spellings.
"""

from __future__ import annotations

from functools import cache

from tamis.text.tables import load_table

_INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch",
             "k", "t", "p", "h"]  # fmt: skip
_VOWELS = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
           "wo", "we", "wi", "yu", "eu", "ui", "i"]  # fmt: skip
_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m",
           "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]  # fmt: skip

#: Popular renderings of vowels (ㅓ as "o" or "u", ㅡ as "u").
_POPULAR_O = {"eo": "o", "yeo": "yo", "eu": "u", "ui": "ui"}
_POPULAR_U = {"eo": "u", "yeo": "yu", "eu": "u", "ui": "ui"}


def is_hangul_syllable(ch: str) -> bool:
    """True for a precomposed Hangul syllable (가 .. 힣)."""
    return "\uac00" <= ch <= "\ud7a3"


def _jamo(ch: str) -> tuple[int, int, int]:
    index = ord(ch) - 0xAC00
    return index // 588, (index % 588) // 28, index % 28


#: North Korean / McCune–Reischauer-like voiceless initials (Pak Pong Ju, Kim Tok Hun).
_VOICELESS = {"g": "k", "d": "t", "b": "p"}


def romanize_syllable(
    ch: str, vowels: dict[str, str] | None = None, initials: dict[str, str] | None = None
) -> str:
    """One syllable in Revised Romanization (or with popular vowel / initial spellings)."""
    if not is_hangul_syllable(ch):
        return ch
    lead, vowel, tail = _jamo(ch)
    v = _VOWELS[vowel]
    if vowels:
        v = vowels.get(v, v)
    c = _INITIALS[lead]
    if initials:
        c = initials.get(c, c)
    return c + v + _FINALS[tail]


@cache
def _surnames() -> dict[str, tuple[str, ...]]:
    table = load_table("korean_surnames.yml")
    return {str(k): tuple(str(v) for v in vs) for k, vs in table.items()}


def _split_name(word: str) -> tuple[str, str]:
    """(family name, given name) of a Hangul name word; family name "" when unsure."""
    if 2 <= len(word) <= 4 and all(is_hangul_syllable(c) for c in word):
        if len(word) >= 3 and word[:2] in _surnames():
            return word[:2], word[2:]
        if word[0] in _surnames() or len(word) <= 3:
            return word[0], word[1:]
    return "", word


def spellings(word: str) -> list[str]:
    """Latin spellings of one Hangul word, canonical first (see the module docstring)."""
    family, given = _split_name(word)
    rr = [romanize_syllable(c) for c in given]
    if not family:
        return list(dict.fromkeys([" ".join(rr), "".join(rr)]))
    conventional = _surnames().get(family, ("".join(romanize_syllable(c) for c in family),))
    strict = "".join(romanize_syllable(c) for c in family)
    pop_o = [romanize_syllable(c, _POPULAR_O) for c in given]
    pop_u = [romanize_syllable(c, _POPULAR_U) for c in given]
    north = [romanize_syllable(c, _POPULAR_O, _VOICELESS) for c in given]
    fam = conventional[0]
    out = [
        f"{fam} {' '.join(rr)}",
        f"{fam} {''.join(rr)}",
        f"{fam} {' '.join(pop_o)}",
        f"{fam} {''.join(pop_o)}",
        f"{fam} {' '.join(pop_u)}",
        f"{strict} {' '.join(rr)}",
    ]
    out += [f"{alt} {' '.join(rr)}" for alt in conventional[1:]]
    # North Korean names: voiceless initials and o/u vowels, family name in its North
    # Korean spelling when the table has one (Pak Pong Ju, Ri Pyong Chol)
    north_family = next((a for a in conventional if a in ("pak", "ri", "choe", "o", "ryu")), fam)
    out.insert(5, f"{north_family} {' '.join(north)}")
    return list(dict.fromkeys(out))
