"""Devanagari (Hindi, Marathi, Nepali) romanisation with the inherent vowel.

Devanagari consonants carry an inherent "a" unless a vowel sign or the virama (्) follows;
``anyascii`` leaves it out (नरेन्द्र -> nrendr). Here it is written, except at the end of
a word after a single consonant, where Hindi does not pronounce it (राम -> ram, but
नरेन्द्र -> narendra, मोदी -> modi). The anusvara is "m" before p, ph, b, bh, m (अंबानी ->
ambani) and "n" elsewhere.
"""

from __future__ import annotations

_CONSONANTS = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n", "च": "ch", "छ": "chh", "ज": "j",
    "झ": "jh", "ञ": "n", "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n", "त": "t",
    "थ": "th", "द": "d", "ध": "dh", "न": "n", "प": "p", "फ": "ph", "ब": "b", "भ": "bh",
    "म": "m", "य": "y", "र": "r", "ल": "l", "व": "v", "श": "sh", "ष": "sh", "स": "s",
    "ह": "h", "ळ": "l",
}  # fmt: skip
_NUKTA_FORMS = {"k": "q", "kh": "kh", "g": "gh", "j": "z", "d": "r", "dh": "rh", "ph": "f"}
_VOWELS = {
    "अ": "a", "आ": "a", "इ": "i", "ई": "i", "उ": "u", "ऊ": "u", "ऋ": "ri", "ए": "e",
    "ऐ": "ai", "ओ": "o", "औ": "au", "ऑ": "o",
}  # fmt: skip
_SIGNS = {
    "ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "ृ": "ri", "े": "e", "ै": "ai",
    "ो": "o", "ौ": "au", "ॉ": "o",
}  # fmt: skip
_NASAL = {"ं": "n", "ँ": "n", "ः": "h"}
_LABIALS = frozenset("पफबभम")
_VIRAMA = "्"
_NUKTA = "़"


def _word(word: str) -> str:
    out: list[str] = []
    pending = False  # a consonant waiting for its vowel
    cluster = 0  # consonants in the current cluster
    for i, ch in enumerate(word):
        if ch == "ं" and word[i + 1 : i + 2] in _LABIALS:
            if pending:
                out.append("a")
                pending = False
            cluster = 0
            out.append("m")
        elif ch in _CONSONANTS:
            if pending:
                out.append("a")
                cluster = 0
            out.append(_CONSONANTS[ch])
            pending = True
            cluster += 1
        elif ch == _NUKTA and out:
            out[-1] = _NUKTA_FORMS.get(out[-1], out[-1])
        elif ch == _VIRAMA:
            pending = False
        elif ch in _SIGNS:
            out.append(_SIGNS[ch])
            pending = False
            cluster = 0
        else:
            if pending:
                out.append("a")
                pending = False
            cluster = 0
            out.append(_VOWELS.get(ch, _NASAL.get(ch, "")))
    if pending and cluster > 1:
        out.append("a")
    return "".join(out)


def devanagari_spellings(text: str) -> list[str]:
    """Romanisation of Devanagari text with inherent vowels (one spelling)."""
    return [" ".join(_word(w) for w in text.split())]
