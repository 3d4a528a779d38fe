"""Chinese names written in Cyrillic (the Palladius system) back to pinyin.

Russian writes Chinese names by the Palladius transcription: 习近平 is "Си Цзиньпин",
毛泽东 "Мао Цзэдун". Romanising those letters as Russian gives "si tszinpin", which
shares little with "xi jinping"; :func:`to_pinyin` reads a word that is made wholly of
Palladius syllables back into pinyin. The syllable table is generated from the pinyin
inventory of :mod:`tamis.text.wadegiles` by the transcription rules below.
"""

from __future__ import annotations

from functools import cache

from tamis.text.wadegiles import syllables as pinyin_inventory

_INITIALS = {
    "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л",
    "g": "г", "k": "к", "h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч",
    "sh": "ш", "r": "ж", "z": "цз", "c": "ц", "s": "с", "": "",
}  # fmt: skip
_FINALS = {
    "a": "а", "o": "о", "e": "э", "i": "и", "u": "у", "ai": "ай", "ei": "эй", "ao": "ао",
    "ou": "оу", "an": "ань", "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "er": "эр",
    "ia": "я", "ie": "е", "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян",
    "ing": "ин", "iong": "юн", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй",
    "uan": "уань", "un": "унь", "uang": "уан",
}  # fmt: skip
#: After j, q, x (and y) the u finals are ü.
_U_FINALS = {"u": "юй", "ue": "юэ", "uan": "юань", "un": "юнь"}
_Y = {
    "ya": "я", "ye": "е", "yao": "яо", "you": "ю", "yan": "янь", "yin": "инь", "yang": "ян",
    "ying": "ин", "yong": "юн", "yi": "и", "yu": "юй", "yue": "юэ", "yuan": "юань",
    "yun": "юнь", "yo": "ё",
}  # fmt: skip
_W = {
    "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань", "wen": "вэнь",
    "wang": "ван", "weng": "вэн", "wu": "у",
}  # fmt: skip
#: The "i" of zhi, chi, shi, ri is и; of zi, ci, si it is ы.
_BUZZING = {"zi": "цзы", "ci": "цы", "si": "сы"}


def _palladius(syllable: str) -> str | None:
    """The Palladius spelling of one pinyin syllable (None if the rules do not cover it)."""
    for table in (_Y, _W, _BUZZING):
        if syllable in table:
            return table[syllable]
    initial = syllable[:2] if syllable[:2] in ("zh", "ch", "sh") else syllable[:1]
    if initial not in _INITIALS:  # a vowel (zero initial), or y / w outside their tables
        if initial in ("y", "w"):
            return None
        initial = ""
    final = syllable[len(initial) :]
    if initial in ("j", "q", "x") and final in _U_FINALS:
        return _INITIALS[initial] + _U_FINALS[final]
    if final not in _FINALS:
        return None
    return _INITIALS[initial] + _FINALS[final]


@cache
def _table() -> tuple[dict[str, str], int]:
    """Palladius syllable -> pinyin syllable, and the longest Palladius syllable."""
    table: dict[str, str] = {}
    for syllable in sorted(pinyin_inventory()):
        cyrillic = _palladius(syllable)
        if cyrillic:
            table.setdefault(cyrillic, syllable)
    return table, max(map(len, table))


def to_pinyin(word: str) -> str | None:
    """A lower-case Cyrillic word read as Palladius syllables, in pinyin written together
    ("цзиньпин" -> "jinping"); None when the word is not made of such syllables."""
    table, longest = _table()

    def split(start: int) -> list[str] | None:
        if start == len(word):
            return []
        for end in range(min(len(word), start + longest), start, -1):
            pinyin = table.get(word[start:end])
            if pinyin is not None:
                rest = split(end)
                if rest is not None:
                    return [pinyin, *rest]
        return None

    parts = split(0) if word else None
    return "".join(parts) if parts else None


def chinese_name(text: str) -> str | None:
    """Normalised Cyrillic text whose every word is Palladius, in pinyin; else None."""
    words = [to_pinyin(w) for w in text.split()]
    if not words or any(w is None for w in words):
        return None
    return " ".join(w for w in words if w)
