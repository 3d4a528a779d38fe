"""Parts of names: titles, initials, "LAST, First" order, patronymics; ships' type
prefixes and a leading "the".

Also :data:`ORG_STOPWORDS`, words so common in organisation names that a match on them
alone means little (the matcher combines this with token frequencies from the lists).
"""

from __future__ import annotations

import re
from functools import cache

from tamis.text.normalize import name_variants
from tamis.text.tables import load_table

#: Very common words of organisation names (latinised, lower-case).
ORG_STOPWORDS: frozenset[str] = frozenset(
    str.split(
        """
    a an and the of for de del della des di do du da la le les el et und y e i
    bank banca banco banque company companies co corp corporation group groups holding
    holdings trading trade traders international intl global general industries industry
    industrial enterprise enterprises services service solutions systems technologies
    technology tech engineering construction development investment investments capital
    finance financial management consulting commercial commerce import export imports
    exports shipping logistics transport petroleum oil gas energy resources import
    national united new first world middle east west north south central eastern western
    northern southern asia africa europe america american european asian pacific
    association foundation organization organisation institute center centre
    ministry office agency authority department committee council
    limited ltd llc inc plc sa ag gmbh jsc ooo
        """
    )
)

#: Type prefixes written before a ship's name, latinised: "MV", "M/V", "M.V.", "MT",
#: "Motor Vessel", "M/Y" (motor yacht) ... Not part of the name. "MY" alone is left
#: alone: it is a word of many names ("MY WAY").
VESSEL_PREFIXES: tuple[tuple[str, ...], ...] = (
    ("motor", "vessel"),
    ("motor", "tanker"),
    ("motor", "ship"),
    ("motor", "yacht"),
    ("m", "v"),
    ("m", "t"),
    ("m", "s"),
    ("m", "y"),
    ("f", "v"),
    ("mv",),
    ("mt",),
    ("ms",),
    ("ss",),
    ("fv",),
    ("rv",),
    ("sv",),
)


def strip_vessel_prefix(tokens: list[str]) -> list[str]:
    """``tokens`` of a ship's name without a type prefix ("m v begey" -> "begey"); a
    name that is nothing but a prefix is kept whole."""
    for prefix in VESSEL_PREFIXES:
        size = len(prefix)
        if len(tokens) > size and tuple(tokens[:size]) == prefix:
            return tokens[size:]
    return tokens


def strip_article(tokens: list[str]) -> list[str]:
    """``tokens`` of an organisation's or a ship's name without a leading English "the"
    ("The Hamas", "The Limited Liability Company X"); a name that is nothing but "the"
    is kept."""
    return tokens[1:] if len(tokens) > 1 and tokens[0] == "the" else tokens


_ROMAN = re.compile(r"^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$")


class _Titles:
    """Token-sequence sets of the three kinds of titles in ``data/titles.yml``."""

    def __init__(self) -> None:
        data = load_table("titles.yml")
        self.titles = _keys(data["titles"])
        self.ambiguous = _keys(data["ambiguous"])
        self.suffixes = _keys(data["suffixes"])
        every = self.titles | self.ambiguous | self.suffixes
        self.longest = max(len(k) for k in every)
        self.every = every


def _keys(values: list[str]) -> frozenset[tuple[str, ...]]:
    keys: set[tuple[str, ...]] = set()
    for title in values:
        for variant in name_variants(str(title)):
            if variant:
                keys.add(tuple(variant.split()))
    return frozenset(keys)


@cache
def _titles() -> _Titles:
    return _Titles()


def is_title(tokens: tuple[str, ...] | list[str] | str) -> bool:
    """Whether a token (or a token sequence) is a title, honorific or suffix ("lt gen")."""
    key = (tokens,) if isinstance(tokens, str) else tuple(tokens)
    return key in _titles().every


def strip_titles(tokens: list[str]) -> list[str]:
    """Remove titles and honorifics from the start, and suffixes from the end, of a name.

    ``tokens`` are latinised tokens. Titles (``data/titles.yml``) are matched as whole
    tokens or token sequences, longest first, repeatedly ("his excellency sheikh ..."
    loses both). A title that is also a common name (amir, sultan, sharif, king, major,
    sayed, haji ...) is removed only when at least two tokens follow it ("amir khan" is
    kept whole). Suffixes (jr, sr, phd ...) are removed from the end. Titles inside a name
    are kept. Returns a new list; it is empty only if the name was nothing but titles.
    """
    table = _titles()
    rest = list(tokens)
    changed = True
    while changed and rest:
        changed = False
        for n in range(min(table.longest, len(rest)), 0, -1):
            head = tuple(rest[:n])
            if head in table.titles or (head in table.ambiguous and len(rest) - n >= 2):
                del rest[:n]
                changed = True
                break
    while len(rest) > 1 and (rest[-1],) in table.suffixes:
        del rest[-1]
    return rest


def is_initial(token: str) -> bool:
    """A single letter ("j" in "j smith"), with or without a trailing dot."""
    token = token.rstrip(".")
    return len(token) == 1 and token.isalpha()


def reorder_comma_name(name: str) -> str:
    """Turn "LAST, First Middle" into "First Middle LAST".

    Only a name with exactly one comma, with words on both sides, is reordered
    ("PUTIN, Vladimir Vladimirovich" -> "Vladimir Vladimirovich PUTIN"). A name with a
    second comma keeps what follows it at the end ("SMITH, John, Jr." -> "John SMITH Jr.").
    Anything else is returned stripped but otherwise unchanged. Case is kept.
    """
    parts = [p.strip() for p in name.split(",")]
    if len(parts) < 2 or not parts[0] or not parts[1] or len(parts) > 3:
        return name.strip()
    last, given, *suffix = parts
    return " ".join([given, last, *[s for s in suffix if s]])


_PATRONYMIC = re.compile(
    r"(?:[a-z]{2,}(?:ovich|evich|ovych|evych|ovna|evna|ivna|ichna|inichna|yevich|yevna)"
    r"|(?:ilyich|kuzmich|lukich|fomich|savvich|nikitich|fokich|ilich)"
    r"|[a-z]{3,}(?:sson|dottir|dóttir)"
    r"|[a-z]{2,}(?:oglu|ogly|ogli|qizi|kyzy|kizi|uulu))$"
)
_PATRONYMIC_PARTICLES = frozenset(
    {"bin", "ibn", "bint", "ben", "bent", "ould", "walad", "oglu", "ogly", "ogli", "kyzy",
     "qizi", "uulu", "ap", "mac", "nic"}
)  # fmt: skip


def is_patronymic(token: str) -> bool:
    """Whether a latinised token is a patronymic or a patronymic particle.

    Russian/Ukrainian -ovich, -evich, -ovna, -evna, -ivna, -ichna (and the short -ich forms
    of common patronymics: Ilyich, Kuzmich), Turkic -oglu/-ogly, -kyzy/-qizi, -uulu,
    Icelandic -sson/-dottir, and the particles bin, ibn, bint, ben, ould, walad.
    """
    token = token.lower()
    return token in _PATRONYMIC_PARTICLES or bool(_PATRONYMIC.match(token))


def is_roman_numeral(token: str) -> bool:
    """Roman numerals up to 39 ("ii", "iv", "xii"): significant in vessel and company names."""
    return bool(_ROMAN.match(token.lower()))
