"""Phonetic keys under which the transliteration variants of a name collide.

:func:`phonetic_key` maps a lower-case ASCII token to a key built by these rules, in order:

1. Tokens that are not ASCII letters (numbers) and Roman numerals of two letters or more
   up to 39 (ii, iv, xii) are returned upper-cased and otherwise unchanged.
2. ``abd`` + article (abdul-, abdel-, abdal-, abdur-r...) is reduced to ``abd``
   (abdulrahman, abdurrahman, abdelrahman -> abd + rahman); letters on either side of
   the cut do not form a digraph (abdalhadi: d + h, not dh).
3. Spelling groups become one sound class: ``shch/sch/sh/ch/tch/tsch/cz/sz`` -> X
   (hushing sounds), ``kh/h`` -> H, ``zh/dzh/dj/j`` -> Y, ``ph/f/v/w`` -> F,
   ``th/dh/d/t`` -> T, ``gh/gu(e|i)/g/k/q/ck/c(a|o|u)`` -> K, soft ``c(e|i|y)`` -> S,
   ``x`` -> KS, ``b/p`` -> P. An initial ``i/y/j`` before a vowel is the glide Y
   (iouri, yuri, jurij), as is ``y`` before a vowel anywhere; ``y``/``j`` after a vowel and
   not before one is part of the vowel (sergey, husayn, jurij).
4. Vowels are dropped, except that a token starting with a vowel keeps the marker A
   (osama/usama -> ASM; oleksandr/aleksandr -> ALKSNTR).
5. A final h is dropped, repeated classes collapse (mm, ss, dd), as does a final glide.

So mohammed/muhammad/mohamad/mehmet -> MHMT, sergei/sergey/serguei/sergej -> SRK,
yuri/yury/iouri/jurij -> YR, putin/poutine -> PTN, kadhafi/gaddafi/qadhafi -> KTF,
husain/hussein/husayn/hosseyn -> HSN. Different names with the same consonants collide
too (hassan/hussein): the key is a candidate filter and an agreement signal, not proof.

:func:`soundex` is standard American Soundex (as used by OFAC's search tool).
:func:`skeleton` is the plain consonant skeleton, for comparing a Latin name with a
romanisation of a script that does not write short vowels (Arabic, Hebrew).
"""

from __future__ import annotations

import re

from tamis.text.caching import short_string_cache

_ABD = re.compile(r"^abd(?:[aeiou]l(?=[a-z]{3})|[aeiou](?=([tdrszn])\1))")
_GROUPS = [
    (re.compile(r"shch|schtsch|chtch|tsch|sch|tch|sh|sz|cz|ch"), "X"),
    (re.compile(r"dzh|dj|zh"), "Y"),
    (re.compile(r"kh"), "H"),
    (re.compile(r"ph"), "F"),
    (re.compile(r"th|dh"), "T"),
    (re.compile(r"gh|gu(?=[eiy])|ck|qu|q"), "K"),
    (re.compile(r"c(?=[eiy])"), "S"),
    (re.compile(r"c"), "K"),
    (re.compile(r"x"), "KS"),
    (re.compile(r"^[iyj](?=[aeiou])"), "Y"),
    (re.compile(r"(?<=[aeiou])[yj](?![aeiou])"), ""),
    (re.compile(r"[yj](?=[aeiou])"), "Y"),
    (re.compile(r"[yj]"), ""),
]
_CLASSES = str.maketrans(
    {"f": "F", "v": "F", "w": "F", "d": "T", "t": "T", "g": "K", "k": "K", "b": "P", "p": "P",
     "h": "H", "s": "S", "z": "Z", "l": "L", "m": "M", "n": "N", "r": "R",
     "a": "", "e": "", "i": "", "o": "", "u": "", "|": ""}
)  # fmt: skip
_REPEATS = re.compile(r"(.)\1+")
# Roman numerals up to 39 (ship and company numbering) stay as they are.
_ROMAN = re.compile(r"^(?=[ivx]{2,})x{0,3}(?:ix|iv|v?i{0,3})$")
_VOWELS = frozenset("aeiouy")


@short_string_cache(500_000, 40)
def phonetic_key(token: str) -> str:
    """Phonetic key of one lower-case ASCII token (see the module docstring for the rules).

    Numbers and Roman numerals are returned upper-cased and otherwise unchanged; the key of
    a token made of letters is never empty (a lone vowel gives "A").
    """
    if not token.isascii() or not token.isalpha() or _ROMAN.match(token):
        return token.upper()
    word = token.lower()
    initial_glide = word[0] in "iyj" and word[1:2] in _VOWELS
    initial_vowel = not initial_glide and word[0] in "aeiouy"
    word = _ABD.sub("abd|", word)
    if len(word) > 2 and word.endswith("h") and word[-2] in _VOWELS:
        word = word[:-1]
    for pattern, repl in _GROUPS:
        word = pattern.sub(repl, word)
    key = _REPEATS.sub(r"\1", word.translate(_CLASSES))
    if initial_vowel:
        key = "A" + key
    return key or "A"


_SOUNDEX = str.maketrans(
    {"b": "1", "f": "1", "p": "1", "v": "1", "c": "2", "g": "2", "j": "2", "k": "2", "q": "2",
     "s": "2", "x": "2", "z": "2", "d": "3", "t": "3", "l": "4", "m": "5", "n": "5", "r": "6",
     "h": "h", "w": "h", "a": "0", "e": "0", "i": "0", "o": "0", "u": "0", "y": "0"}
)  # fmt: skip


@short_string_cache(200_000, 40)
def soundex(token: str) -> str:
    """Standard American Soundex: first letter and three digits ("robert" -> "R163").

    Non-letters are ignored; h and w do not separate equal codes, vowels do. Returns ""
    when the token has no ASCII letter.
    """
    letters = "".join(c for c in token.lower() if "a" <= c <= "z")
    if not letters:
        return ""
    codes = letters.translate(_SOUNDEX)
    out = [letters[0].upper()]
    last = codes[0]
    for code in codes[1:]:
        if code == "h":
            continue
        if code != "0" and code != last:
            out.append(code)
        last = code
    return ("".join(out) + "000")[:4]


_SKELETON_DROP = str.maketrans(dict.fromkeys("aeiouy'", None))


@short_string_cache(200_000, 40)
def skeleton(token: str) -> str:
    """Consonants of a lower-case ASCII token, doubles collapsed (moshe -> msh, david -> dvd)."""
    return _REPEATS.sub(r"\1", token.translate(_SKELETON_DROP))
