"""Pinyin syllables to Wade–Giles (ASCII, without aspiration marks or umlauts).

Taiwanese names and older sources write Chinese names in Wade–Giles (Tsai Ing-wen,
Chiang Ching-kuo, Hsi Chin-ping); a name read in pinyin from its characters is offered
in this spelling too. Aspiration apostrophes are dropped (ASCII output), so ch/ch' and
ts/ts' coincide, as they do in most lists.
"""

from __future__ import annotations

import re
from functools import cache

_WHOLE = {
    "zhi": "chih", "chi": "chih", "shi": "shih", "ri": "jih", "zi": "tzu", "ci": "tzu",
    "si": "ssu", "you": "yu", "yan": "yen", "ye": "yeh", "yi": "i", "yong": "yung",
    "er": "erh", "yue": "yueh", "e": "o", "ge": "ko", "ke": "ko", "he": "ho",
}  # fmt: skip
_INITIAL = re.compile(r"^(zh|ch|sh|b|p|m|f|d|t|n|l|g|k|h|j|q|x|r|z|c|s|y|w)?(.*)$")
_INITIALS = {
    "zh": "ch", "ch": "ch", "sh": "sh", "b": "p", "p": "p", "d": "t", "t": "t", "g": "k",
    "k": "k", "j": "ch", "q": "ch", "x": "hs", "r": "j", "z": "ts", "c": "ts", "s": "s",
}  # fmt: skip
_UO_TO_O = frozenset("dtnlzcsr")
_E_TO_O = frozenset("gkh")


@cache
def syllable(pinyin: str) -> str:
    """One toneless pinyin syllable in Wade–Giles ("jin" -> "chin", "xiao" -> "hsiao")."""
    if pinyin in _WHOLE:
        return _WHOLE[pinyin]
    match = _INITIAL.match(pinyin)
    if match is None:
        return pinyin
    initial, final = match.group(1) or "", match.group(2)
    if final == "ong":
        final = "ung"
    elif final == "iong":
        final = "iung"
    elif final.endswith("ian"):
        final = final[:-3] + "ien"
    elif final == "ie":
        final = "ieh"
    elif final == "ue":
        final = "ueh"
    elif final == "ui" and initial in ("g", "k"):
        final = "uei"
    elif (final == "uo" and initial in _UO_TO_O) or (final == "e" and initial in _E_TO_O):
        final = "o"
    return _INITIALS.get(initial, initial) + final


def name(syllables: list[str]) -> str:
    """A Chinese personal name in Wade–Giles: family name, then the given name joined."""
    wg = [syllable(s) for s in syllables]
    if len(wg) < 2:
        return " ".join(wg)
    return f"{wg[0]} {''.join(wg[1:])}"
