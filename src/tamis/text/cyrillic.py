"""Cyrillic romanisation in the systems that sanctions lists and customers use.

Every system works on one normalised (lower-case) word: a few context rules written as
regular expressions run first (word-initial "е" as "ye", the "-ий" ending, ...), then a
``str.translate`` table maps the remaining letters. Letters a system does not cover
(Serbian, Kazakh, ...) are left to :func:`anyascii` by the caller.

Systems, in the order :func:`romanizations` returns them:

- ``bgn``: BGN/PCGN 1947 for Russian (Sergey, Yuriy, Khrushchev) — the canonical form.
- ``english``: the popular English rendering (Sergei, Yury, Alexander, Dmitry).
- ``english_i``: the same with "-ий" as "-i" (Yuri, Dmitri).
- ``icao``: passports since 2013 (ICAO Doc 9303: Iurii, Sergei, Shchukin).
- ``french``: Sergueï, Iouri, Poutine, Djougachvili-style (ou, ch, tch, j).
- ``german``: Duden (Sergej, Juri, Wladimir, Chruschtschow).
- ``scientific``: scholarly transliteration folded to ASCII (Jurij, Sergej).
- ``iso9``: ISO 9:1995 folded to ASCII (Urij, Sergej).
- ``serbian``: Serbian / Macedonian Latin alphabet folded to ASCII (Vucic, Djordje),
  used when the text has a letter only these languages use.
- ``ukrainian``: Ukrainian national system (KMU 2010: Oleksandr, Volodymyr, Zelenskyi).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tamis.text.caching import short_string_cache

_VOWELS = "аеёиоуыэюяіїє"
_CONS = "бвгґджзйклмнпрстфхцчшщ"

Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]


def _table(pairs: str) -> dict[int, str]:
    """Build a translate table from "а=a б=b ..." (an empty right side deletes)."""
    table: dict[int, str] = {}
    for item in pairs.split():
        src, dst = item.split("=")
        table[ord(src)] = dst
    return table


_BASE = (
    "а=a б=b в=v г=g д=d е=e ё=e ж=zh з=z и=i й=y к=k л=l м=m н=n о=o п=p р=r с=s т=t "
    "у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ъ= ы=y ь= э=e ю=yu я=ya і=i ї=yi є=ye ґ=g ў=w"
)


def _with(base: str, changes: str) -> dict[int, str]:
    table = _table(base)
    table.update(_table(changes))
    return table


def _rules(*pairs: tuple[str, str]) -> list[Rule]:
    return [(re.compile(p), r) for p, r in pairs]


# е / ё after a vowel, a sign or at the start of a word is iotated.
_IOTATED_E = f"(?:(?<=^)|(?<=[{_VOWELS}ъь]))"

_SYSTEMS: dict[str, tuple[list[Rule], dict[int, str]]] = {
    "bgn": (
        _rules((f"{_IOTATED_E}е", "ye"), (f"{_IOTATED_E}ё", "yo"), ("ё", "ë")),
        _with(_BASE, "ë=e"),
    ),
    "english": (
        _rules(
            (f"{_IOTATED_E}е", "ye"),
            ("кс", "x"),
            ("ндр$", "nder"),
            ("ий$", "y"),
            ("ый$", "y"),
            (f"(?<=[{_VOWELS}])й$", "i"),
            ("ё", "yo"),
        ),
        _with(_BASE, "й=y"),
    ),
    "english_i": (
        _rules(
            (f"{_IOTATED_E}е", "ye"),
            ("кс", "x"),
            ("ндр$", "nder"),
            ("ий$", "i"),
            ("ый$", "y"),
            (f"(?<=[{_VOWELS}])й$", "i"),
            ("ё", "yo"),
        ),
        _with(_BASE, "й=y"),
    ),
    "icao": ([], _with(_BASE, "й=i ъ=ie ю=iu я=ia ё=e ї=i є=ie")),
    "french": (
        _rules(
            ("ий$", "i"),
            ("ин$", "ine"),
            ("г(?=[еиыэй])", "gu"),
            (f"(?<=[{_VOWELS}])с(?=[{_VOWELS}])", "ss"),
            (f"{_IOTATED_E}е", "ie"),
        ),
        _with(
            _BASE,
            "ж=j й=i у=ou х=kh ч=tch ш=ch щ=chtch ю=iou я=ia ё=io э=e ы=y ї=i є=ie",
        ),
    ),
    "german": (
        _rules(
            ("ий$", "i"),
            ("ый$", "y"),
            ("кс", "x"),
            ("ндр$", "nder"),
            (f"(?<=[{_VOWELS}])с(?=[{_VOWELS}])", "ss"),
            (f"{_IOTATED_E}е", "je"),
            ("ов$", "ow"),
            ("ев$", "ew"),
        ),
        _with(
            _BASE,
            "в=w ж=sch з=s й=j х=ch ц=z ч=tsch ш=sch щ=schtsch ю=ju я=ja ё=jo ы=y ї=ji є=je",
        ),
    ),
    "scientific": ([], _with(_BASE, "ж=z й=j х=ch ц=c ч=c ш=s щ=sc ю=ju я=ja ё=e ї=ji є=je")),
    "iso9": ([], _with(_BASE, "ж=z й=j х=h ц=c ч=c ш=s щ=s ю=u я=a ё=e ы=y ї=i є=e")),
    "serbian": (
        [],
        _with(
            _BASE,
            "ђ=dj ј=j љ=lj њ=nj ћ=c џ=dz ѓ=gj ќ=kj ѕ=dz ж=z х=h ц=c ч=c ш=s й=j",
        ),
    ),
    "ukrainian": (
        _rules(
            ("зг", "zgh"),
            ("^є", "ye"),
            ("^ї", "yi"),
            ("^й", "y"),
            ("^ю", "yu"),
            ("^я", "ya"),
        ),
        _with(_BASE, "г=h и=y й=i ю=iu я=ia є=ie ї=i ы=y"),
    ),
}

SYSTEMS: tuple[str, ...] = tuple(_SYSTEMS)
_INDEX = {name: i for i, name in enumerate(SYSTEMS)}
_UKRAINIAN_ONLY = frozenset("іїєґ")
_SERBIAN_ONLY = frozenset("ђјљњћџѓќѕ")
_RUSSIAN_ONLY = frozenset("ыэъё")
# Kazakh, Kyrgyz, Tatar, Bashkir, Mongolian, Tajik letters: Russian-based systems apply
_TURKIC_MONGOLIAN = frozenset("әғқңөұүһҗҙҫӣӯҳҷ")


def is_cyrillic_word(word: str) -> bool:
    """True when the word holds at least one Cyrillic letter."""
    return any("\u0400" <= ch <= "\u052f" for ch in word)


def _apply(system: str, word: str) -> str:
    rules, table = _SYSTEMS[system]
    for pattern, repl in rules:
        word = pattern.sub(repl, word)
    return word.translate(table)


@short_string_cache(100_000, 40)
def word_forms(word: str) -> tuple[str, ...]:
    """One word in every system, in the order of :data:`SYSTEMS` (cached: names repeat)."""
    if not is_cyrillic_word(word):
        return (word,) * len(SYSTEMS)
    return tuple(_apply(system, word) for system in SYSTEMS)


def romanize(text: str, system: str = "bgn") -> str:
    """Romanise normalised (lower-case) text word by word in one system.

    Only Cyrillic letters change; anything else (spaces, digits, other scripts) is kept.
    Raises ``KeyError`` for an unknown system name.
    """
    index = _INDEX[system]
    return " ".join(word_forms(w)[index] for w in text.split(" "))


def systems_for(text: str) -> tuple[str, ...]:
    """The systems worth trying for this text, most canonical first.

    Text with a letter only Ukrainian uses is romanised with the Ukrainian system first;
    text with a letter only Russian uses skips the Ukrainian system; ambiguous text tries
    the Ukrainian system last.
    """
    letters = set(text)
    if letters & _SERBIAN_ONLY:
        return ("serbian", "bgn", "scientific", "german")
    if letters & _UKRAINIAN_ONLY and not letters & _TURKIC_MONGOLIAN:
        return ("ukrainian", "bgn", "icao", "english", "german", "french")
    russian = tuple(s for s in SYSTEMS if s not in ("ukrainian", "serbian"))
    if letters & (_RUSSIAN_ONLY | _TURKIC_MONGOLIAN):
        return russian
    return (*russian[:6], "ukrainian", *russian[6:])


def romanizations(text: str) -> list[str]:
    """All romanisations of normalised text, canonical first, duplicates removed."""
    forms = [word_forms(w) for w in text.split(" ")]
    return list(dict.fromkeys(" ".join(f[_INDEX[s]] for f in forms) for s in systems_for(text)))
