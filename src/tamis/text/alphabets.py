"""Romanisation variants for Greek, Hebrew, Thai, Japanese kana and accented Latin.

The canonical form of these scripts is ``anyascii``'s (ELOT 743-like Greek, Hepburn-like
kana, ...); this module adds the other spellings met in lists:

- Greek: the modern phonetic spelling (η/ι/υ/ει/οι as i, β as v) and the classical Latin
  one (η as e, υ as y, -ρος as -er, -ος as -us: Αλέξανδρος -> alexander).
- Hebrew (unvocalised): frequent names from a table (משה -> moshe), other words with ו
  and י read as vowels (o, i) or consonants (v, y), final ה as e or a.
- Thai: an inherent "o" in a word-initial consonant cluster and final "ay" as "ai"
  (สมชาย -> somchai); a heuristic, Thai spelling does not show these vowels.
- Japanese kana: long vowels written out or not (tarou / taro).
- Latin with diacritics: German umlauts as ae/oe/ue (Müller -> muller, mueller).
"""

from __future__ import annotations

import re
from functools import cache

from anyascii import anyascii

from tamis.text.tables import load_table

# --- Greek ---------------------------------------------------------------------------

_GREEK_STRIP = str.maketrans("άέήίόύώϊϋΐΰς", "αεηιουωιυιυσ")
_GREEK_MODERN = [("ου", "ou"), ("ει", "i"), ("οι", "i"), ("αι", "e"), ("μπ", "b"), ("ντ", "d"),
                 ("γγ", "ng"), ("γκ", "g")]  # fmt: skip
_GREEK_MODERN_T = str.maketrans(
    {"α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i",
     "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
     "τ": "t", "υ": "i", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o"}
)  # fmt: skip
_GREEK_CLASSIC = [("ου", "u"), ("ει", "i"), ("αι", "ae"), ("οι", "oe"), ("γγ", "ng")]
_GREEK_CLASSIC_T = str.maketrans(
    {"α": "a", "β": "b", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "e", "θ": "th", "ι": "i",
     "κ": "c", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
     "τ": "t", "υ": "y", "φ": "ph", "χ": "ch", "ψ": "ps", "ω": "o"}
)  # fmt: skip
_GREEK_ENDINGS = [(re.compile(r"(?<=[^aeiouy])ros$"), "er"), (re.compile(r"os$"), "us")]


def _greek_word(word: str, pairs: list[tuple[str, str]], table: dict[int, str]) -> str:
    word = word.translate(_GREEK_STRIP)
    for src, dst in pairs:
        word = word.replace(src, dst)
    return word.translate(table)


def greek_spellings(text: str) -> list[str]:
    """anyascii, modern phonetic and classical Latin spellings of Greek text."""
    modern = " ".join(_greek_word(w, _GREEK_MODERN, _GREEK_MODERN_T) for w in text.split())
    classic_words = []
    for w in text.split():
        c = _greek_word(w, _GREEK_CLASSIC, _GREEK_CLASSIC_T)
        for pattern, repl in _GREEK_ENDINGS:
            c = pattern.sub(repl, c)
        classic_words.append(c)
    return list(dict.fromkeys([anyascii(text), modern, " ".join(classic_words)]))


# --- Hebrew --------------------------------------------------------------------------

_HEBREW_BASE = {
    "א": "", "ב": "v", "ג": "g", "ד": "d", "ה": "h", "ז": "z", "ח": "ch", "ט": "t",
    "כ": "kh", "ך": "kh", "ל": "l", "מ": "m", "ם": "m", "נ": "n", "ן": "n", "ס": "s",
    "ע": "", "פ": "f", "ף": "f", "צ": "tz", "ץ": "tz", "ק": "k", "ר": "r", "ש": "sh",
    "ת": "t",
}  # fmt: skip


# Letters pronounced hard at the start of a word (dagesh): b, k, p rather than v, kh, f.
_HEBREW_INITIAL = {"ב": "b", "כ": "k", "פ": "p"}


def _hebrew_word(word: str, vowels: bool, final_he: str) -> str:
    out: list[str] = []
    letters = [c for c in word if "\u05d0" <= c <= "\u05ea"]
    n = len(letters)
    for i, ch in enumerate(letters):
        if ch == "ו":
            out.append("v" if not vowels or i == 0 or letters[i - 1] == "ו" else "o")
        elif ch == "י":
            out.append("y" if not vowels or i == 0 else "i")
        elif ch == "ה" and i == n - 1 and i > 0:
            out.append(final_he)
        elif ch == "א" and i == 0:
            out.append("a")
        elif i == 0 and ch in _HEBREW_INITIAL:
            out.append(_HEBREW_INITIAL[ch])
        else:
            out.append(_HEBREW_BASE.get(ch, ch))
    return "".join(out)


@cache
def _hebrew_names() -> dict[str, tuple[str, ...]]:
    table = load_table("hebrew_names.yml")
    return {str(k): tuple(str(v) for v in vs) for k, vs in table.items()}


def hebrew_spellings(text: str) -> list[str]:
    """Spellings of unvocalised Hebrew: matres lectionis as vowels, as consonants, final ה.

    Words of the frequent-names table (``data/hebrew_names.yml``) take its spellings, the
    usual one first (משה -> moshe, moses).
    """
    words = text.split()
    names = _hebrew_names()
    if any(w in names for w in words):
        parts = [list(names.get(w, ())) or [_hebrew_word(w, True, "")] for w in words]
        depth = max(len(p) for p in parts)
        known = [" ".join(p[min(i, len(p) - 1)] for p in parts) for i in range(depth)]
    else:
        known = []
    forms = [
        *known,
        " ".join(_hebrew_word(w, True, "") for w in words),
        " ".join(_hebrew_word(w, False, "") for w in words),
        " ".join(_hebrew_word(w, True, "e") for w in words),
        " ".join(_hebrew_word(w, True, "a") for w in words),
        anyascii(text),
    ]
    return list(dict.fromkeys(forms))


# --- Thai ----------------------------------------------------------------------------

_LATIN_VOWELS = "aeiou"


def _thai_word(latin: str) -> str:
    if len(latin) >= 3 and latin[0] not in _LATIN_VOWELS and latin[1] not in _LATIN_VOWELS + "hr":
        latin = latin[0] + "o" + latin[1:]
    return re.sub(r"ay$", "ai", latin)


def thai_spellings(text: str) -> list[str]:
    """anyascii's Thai and a variant with the commonest unwritten vowels restored."""
    plain = anyascii(text).lower()
    guessed = " ".join(_thai_word(w) for w in plain.split())
    return list(dict.fromkeys([guessed, plain]))


# --- Japanese kana -------------------------------------------------------------------

_LONG_VOWELS = [("ou", "o"), ("uu", "u"), ("oo", "o")]


def kana_spellings(text: str) -> list[str]:
    """Hepburn-like romaji, with and without written-out long vowels."""
    plain = anyascii(text).lower()
    short = plain
    for src, dst in _LONG_VOWELS:
        short = short.replace(src, dst)
    return list(dict.fromkeys([plain, short]))


# --- Latin with diacritics -----------------------------------------------------------

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def latin_spellings(text: str) -> list[str]:
    """Diacritics removed; with German umlauts written out as a second spelling."""
    plain = anyascii(text)
    out = [plain]
    if any(c in text for c in "äöüß"):
        out.append(anyascii(text.translate(_UMLAUTS)))
    return list(dict.fromkeys(out))
