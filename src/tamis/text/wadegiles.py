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


# Pinyin finals by the initials they follow (a few unused combinations are accepted:
# they only decide whether a latin token can be read as pinyin at all).
_FINALS_BY_INITIAL = {
    "jqx": "i ia ian iang iao ie in ing iong iu u uan ue un",
    "zh ch sh r z c s": "a ai an ang ao e ei en eng i ong ou u ua uai uan uang ui un uo",
    "bpmf": "a ai an ang ao ei en eng i ian iao ie in ing o ou u iu",
    "dtnl": "a ai an ang ao e ei en eng i ia ian iang iao ie in ing iu ong ou u uan ui un uo",
    "gkh": "a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo",
    "y": "a an ang ao e i in ing o ong ou u uan ue un",
    "w": "a ai an ang ei en eng o u",
    "": "a ai an ang ao e ei en eng er o ou",
}
_SYLLABLES = frozenset(
    initial + final
    for initials, finals in _FINALS_BY_INITIAL.items()
    for initial in (initials.split() if " " in initials else list(initials) or [""])
    for final in finals.split()
)
_LONGEST = max(map(len, _SYLLABLES))
#: Openings that only Wade–Giles writes (pinyin x, z, c, s before i).
_WADE_ONLY = ("hs", "ts", "tz", "ss")


def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable this module can read (a few unused ones too)."""
    return _SYLLABLES


def pinyin_syllables(token: str) -> list[str] | None:
    """A latin token read as toneless pinyin syllables, longest syllable first
    ("jinping" -> ["jin", "ping"]); None when it cannot be read so."""

    def split(start: int) -> list[str] | None:
        if start == len(token):
            return []
        for end in range(min(len(token), start + _LONGEST), start, -1):
            if token[start:end] in _SYLLABLES:
                rest = split(end)
                if rest is not None:
                    return [token[start:end], *rest]
        return None

    return split(0) if token.isascii() and token.isalpha() else None


@cache
def from_pinyin_token(token: str) -> str | None:
    """The Wade–Giles spelling of a latin token written in pinyin ("xi" -> "hsi",
    "jinping" -> "chinping"); None when it is not pinyin or is spelt alike in both."""
    parts = pinyin_syllables(token)
    if not parts:
        return None
    wade = "".join(syllable(p) for p in parts)
    if wade == token or not (len(wade) >= 4 or wade.startswith(_WADE_ONLY)):
        # short syllables that only trade b/p, d/t, g/k ("dan" / "tan") are more often
        # two different names than two spellings of one
        return None
    return wade


def same_chinese_name(a: str, b: str) -> bool:
    """Whether one latin token is the Wade–Giles spelling of the other, written in
    pinyin ("hsi" / "xi", "chinping" / "jinping", "chang" / "zhang")."""
    return from_pinyin_token(a) == b or from_pinyin_token(b) == a
