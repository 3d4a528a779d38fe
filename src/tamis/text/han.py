"""Chinese characters to pinyin syllables, and the spacings that names are written with.

Each character becomes its most frequent Mandarin reading (from ``anyascii``), without
tones. Family names whose reading differs from the character's usual one (曾 Zeng, not
Ceng; 单 Shan, not Dan) are corrected when they open a name-shaped word of two to four
characters. A Chinese personal name is written family name first, the given name's
syllables joined: 习近平 -> "xi jinping"; lists also write "xi jin ping" and "xijinping".
"""

from __future__ import annotations

from functools import cache

from anyascii import anyascii

from tamis.text import hangul, wadegiles
from tamis.text.tables import load_table

#: Family-name readings of characters whose ordinary reading is different.
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "單": "shan", "解": "xie", "朴": "piao", "区": "ou",
    "區": "ou", "仇": "qiu", "查": "zha", "盖": "ge", "蓋": "ge", "乐": "yue", "樂": "yue",
    "尉": "yu", "覃": "qin", "翟": "zhai", "缪": "miao", "繆": "miao", "秘": "bi",
    "种": "chong", "員": "yun", "员": "yun", "莘": "shen", "句": "gou", "长": "chang",
    "長": "chang", "重": "chong", "祭": "zhai", "万俟": "moqi",
}  # fmt: skip


def is_han_char(ch: str) -> bool:
    """True for a CJK unified or compatibility ideograph."""
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x3FFFF
        or 0xF900 <= cp <= 0xFAFF
    )


def syllables(word: str) -> list[str]:
    """Pinyin syllables of a run of Han characters, lower-case, one per character."""
    out = [anyascii(ch).lower() for ch in word]
    if 2 <= len(word) <= 4 and word[0] in SURNAME_READINGS:
        out[0] = SURNAME_READINGS[word[0]]
    return [s for s in out if s]


@cache
def _japanese() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    table = load_table("japanese_names.yml")
    return (
        {str(k): str(v) for k, v in table["family"].items()},
        {str(k): str(v) for k, v in table["given"].items()},
        {str(k): str(v) for k, v in table["chars"].items()},
    )


def _composed(part: str, chars: dict[str, str]) -> str | None:
    """A name part read character by character (春樹 -> haruki); None if a kanji is unknown."""
    readings = [chars.get(ch) for ch in part]
    if any(r is None for r in readings):
        return None
    return "".join(r for r in readings if r)


def japanese_reading(word: str) -> tuple[str, bool] | None:
    """Japanese reading of a kanji name, and whether it comes from the name tables.

    A name that starts with a family name of ``data/japanese_names.yml`` is read with it,
    the given name from the given-name table ("yamada taro", True), else character by
    character ("murakami haruki", False), else as pinyin ("yamada tai lang", False).
    A four-character name whose family name is not in the table but whose characters all
    have a name reading is read two + two characters ("kuwabara kazuki", False). Returns
    None otherwise (most Chinese names).
    """
    family, given, chars = _japanese()
    for size in (3, 2):
        head, rest = word[:size], word[size:]
        if len(word) > size and head in family and len(rest) <= 3:
            if rest in given:
                return f"{family[head]} {given[rest]}", True
            composed = _composed(rest, chars)
            if composed is not None:
                return f"{family[head]} {composed}", False
            pinyin = " ".join(anyascii(ch).lower() for ch in rest)
            return f"{family[head]} {pinyin}", False
    if len(word) == 4:
        family_name = _composed(word[:2], chars)
        given_name = given.get(word[2:]) or _composed(word[2:], chars)
        if family_name is not None and given_name is not None:
            return f"{family_name} {given_name}", False
    return None


@cache
def _korean() -> tuple[dict[str, str], dict[str, str]]:
    table = load_table("korean_hanja.yml")
    return (
        {str(k): str(v) for k, v in table["family"].items()},
        {str(k): str(v) for k, v in table["given"].items()},
    )


def korean_reading(word: str) -> str | None:
    """The Hangul reading of a name in Chinese characters that reads as a Korean name.

    The first character must be a Korean family name and every other character a
    frequent given-name character of ``data/korean_hanja.yml`` (金正恩 -> 김정은); else None.
    """
    family, given = _korean()
    if not 2 <= len(word) <= 4 or word[0] not in family:
        return None
    rest = [given.get(ch) for ch in word[1:]]
    if any(r is None for r in rest):
        return None
    return family[word[0]] + "".join(r for r in rest if r)


@cache
def _glossary() -> tuple[dict[str, str], int]:
    table = {str(k): str(v) for k, v in load_table("chinese_glossary.yml").items()}
    return table, max(len(k) for k in table)


def translated(word: str) -> str | None:
    """Glossary words in English, other runs as joined pinyin; None without a glossary word.

    Only for words of four characters or more (organisation names, not personal names):
    华为技术有限公司 -> "huawei technologies co ltd", 小米集团 -> "xiaomi group".
    """
    if len(word) < 4:
        return None
    table, longest = _glossary()
    out: list[str] = []
    pending: list[str] = []
    hit = False
    i = 0
    while i < len(word):
        for n in range(min(longest, len(word) - i), 1, -1):
            english = table.get(word[i : i + n])
            if english is not None:
                if pending:
                    out.append("".join(pending))
                    pending = []
                out.append(english)
                hit = True
                i += n
                break
        else:
            pending.append(anyascii(word[i]).lower())
            i += 1
    if pending:
        out.append("".join(pending))
    return " ".join(out) if hit else None


def spellings(word: str) -> list[str]:
    """Ways a run of Han characters is written in Latin letters, canonical first.

    Canonical: syllables separated ("xi jin ping"). Then the name spellings: family name
    apart and given name joined ("xi jinping"), for four characters also a two-character
    family name ("ouyang xiuming"), and everything joined ("xijinping"). A name that
    starts with a frequent Japanese family name (``data/japanese_names.yml``) is also read
    the Japanese way; that reading comes first when the given name is known too
    (山田太郎 -> "yamada taro"). A name that reads as a Korean name in Chinese characters
    also gets its Korean spellings after the first two pinyin forms (金正恩 -> "kim jong un").
    An organisation name with words of ``data/chinese_glossary.yml`` gets, second, a
    spelling with those words in English (小米集团 -> "xiaomi group"). Names of two or three
    characters are also spelt in Wade–Giles (蔡英文 -> "tsai yingwen").
    """
    syl = syllables(word)
    if not syl:
        return [""]
    out = [" ".join(syl)]
    n = len(syl)
    if 3 <= n <= 4:
        out.append(f"{syl[0]} {''.join(syl[1:])}")
    if n == 4:
        out.append(f"{''.join(syl[:2])} {''.join(syl[2:])}")
    english = translated(word)
    if english is not None:
        out.insert(1, english)
    if 2 <= n <= 3:
        out.append(wadegiles.name(syl))
    korean = korean_reading(word)
    if korean is not None:
        kor = hangul.spellings(korean)
        out[2:2] = [kor[i] for i in (0, 2, 4, 1) if i < len(kor)]
    out.append("".join(syl))
    japanese = japanese_reading(word)
    if japanese is not None:
        reading, sure = japanese
        out.insert(0 if sure else 1, reading)
    return list(dict.fromkeys(out))
