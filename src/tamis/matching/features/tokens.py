"""Similarity of two name tokens and the weight a token carries in a name."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from rapidfuzz.distance import OSA, Levenshtein

from tamis.text.given_names import gendered_forms, given_name_lines, same_given_name
from tamis.text.names import ORG_STOPWORDS, is_patronymic, is_title
from tamis.text.org_words import is_short_form, short_form_partners
from tamis.text.phonetic import phonetic_key as _phonetic_key
from tamis.text.wadegiles import from_pinyin_token, same_chinese_name

#: Name particles that say little about identity: articles, "son of", "of the"
#: (the text package's ORG_STOPWORDS covers the organisation words).
PARTICLES: Final = frozenset(
    [
        "al",
        "el",
        "ul",
        "bin",
        "ben",
        "ibn",
        "bint",
        "binti",
        "abu",
        "abou",
        "umm",
        "ould",
        "de",
        "da",
        "di",
        "del",
        "della",
        "der",
        "den",
        "du",
        "la",
        "le",
        "van",
        "von",
        "y",
        "e",
        "of",
        "the",
        "and",
    ]
)
#: Share of the spelling distance forgiven when two tokens share their phonetic key.
PHONETIC_SHARE: Final = 0.5
#: Phonetic agreement only counts when the spellings are not wholly different.
PHONETIC_MIN_SPELLING: Final = 0.4
#: ... or this far, when both have as many syllables (husayn / hussein, but not
#: putin / potanin, whose consonants agree too).
PHONETIC_MIN_SAME_SYLLABLES: Final = 0.3
#: A Baltic -s ending is dropped from stems this long, keeping this share of the result.
ENDING_MIN_STEM: Final = 4
ENDING_FACTOR: Final = 0.95
#: Similarity credited when an initial agrees with the first letter of a token.
INITIAL_SIMILARITY: Final = 0.85
#: Each edit costs this much similarity, divided by the length of the longer token:
#: one typo in an 8-letter name leaves 0.81, two typos in a 7-letter name 0.57.
EDIT_COST: Final = 1.5
TRANSPOSITION_COST: Final = 1.0
#: Similarity credited to another form of a given name: familiar ("bob" / "robert") or
#: in a neighbouring language ("alyaksandr" / "alexander").
FAMILIAR_SIMILARITY: Final = 0.85
#: Similarity credited to the same letters in another order ("nitup" / "putin"), for
#: tokens at least ANAGRAM_MIN_LETTERS long (shorter ones are often other names).
ANAGRAM_SIMILARITY: Final = 0.8
ANAGRAM_MIN_LETTERS: Final = 5
#: Similarity credited to a Chinese name in pinyin and in Wade–Giles ("xi" / "hsi").
ROMANISATION_SIMILARITY: Final = 0.9


#: Similarity credited to a contraction or a listed short form of a word ("intl" /
#: "international", "univ" / "university").
ABBREVIATION_SIMILARITY: Final = 0.8
#: Similarity kept when digits stand for the letters they look like ("sech1n").
DIGITS_FOR_LETTERS_FACTOR: Final = 0.9
#: Ordinals written with digits, and their words.
ORDINALS: Final = {
    "1st": "first",
    "2nd": "second",
    "3rd": "third",
    "4th": "fourth",
    "5th": "fifth",
    "6th": "sixth",
    "7th": "seventh",
    "8th": "eighth",
    "9th": "ninth",
    "10th": "tenth",
}
ORDINAL_SIMILARITY: Final = 0.95
_LOOKALIKES: Final = str.maketrans("01345789", "oieastbg")


#: Articles and conjunctions that carry nothing in an organisation's name.
ORG_FILLERS: Final = frozenset(
    [
        "the",
        "of",
        "and",
        "for",
        "a",
        "an",
        "de",
        "des",
        "du",
        "la",
        "le",
        "les",
        "et",
        "und",
        "y",
        "e",
    ]
)


@lru_cache(maxsize=200_000)
def token_weight(token: str, org: bool = False) -> float:
    """How much a token says about identity: particles and common words count little.

    In organisation names the common words ("Trust", "Systems", "Bank") still
    tell organisations apart ("Crystalord Systems" is not "Crystalord"), so they
    keep most of their weight; only fillers ("of", "the") are discounted.
    """
    if org:
        if token in ORG_FILLERS:
            return 0.2
        if token in ORG_STOPWORDS or token in PARTICLES:
            return 0.8
    elif token in PARTICLES or token in ORG_STOPWORDS or is_title(token):
        return 0.3
    if len(token) == 1:
        return 0.5
    if is_patronymic(token):
        return 0.6
    return 1.0


@lru_cache(maxsize=200_000)
def is_common(token: str) -> bool:
    """A particle, a title left inside a name ("haji", "sayyid") or a common
    organisation word: never enough to match on its own."""
    return token in PARTICLES or token in ORG_STOPWORDS or is_title(token)


@lru_cache(maxsize=1_000_000)
def spelling_similarity(a: str, b: str) -> float:
    """Typo-aware similarity in [0, 1]: 1 minus the cost of the edits (insertions,
    deletions, substitutions, adjacent transpositions) relative to the length. Two
    neighbouring letters exchanged, the commonest typo, cost TRANSPOSITION_COST."""
    if a == b:
        return 1.0
    edits = OSA.distance(a, b)
    # each transposition is one edit here and two in Levenshtein's count
    swaps = Levenshtein.distance(a, b) - edits
    cost = edits * EDIT_COST - swaps * (EDIT_COST - TRANSPOSITION_COST)
    return max(0.0, 1.0 - cost / max(len(a), len(b)))


@lru_cache(maxsize=2_000_000)
def token_similarity(a: str, b: str, phon_a: str, phon_b: str) -> tuple[float, str]:
    """Similarity of two tokens and how it was established.

    Returns (similarity, kind) with kind one of ``exact``, ``initial``,
    ``phonetic``, ``spelling``, ``number``, ``same given name``, ``romanisation``,
    ``scrambled`` (and the rarer kinds below). Numbers only ever match exactly; an
    initial matches a token with the same first letter; the masculine and feminine forms
    of a given name ("michel" / "michelle") do not match.
    """
    if a == b:
        return 1.0, "exact"
    if a.isdigit() or b.isdigit():
        return 0.0, "number"
    if a.isalpha() != b.isalpha():
        if ORDINALS.get(a, a) == ORDINALS.get(b, b):
            return ORDINAL_SIMILARITY, "ordinal"
        return _digits_for_letters(a, b), "digits for letters"
    if len(a) == 1 or len(b) == 1:
        return (INITIAL_SIMILARITY, "initial") if a[0] == b[0] else (0.0, "initial")
    if gendered_forms(a, b):
        return 0.0, "other gender's form"
    sim = spelling_similarity(a, b)
    if sim < ABBREVIATION_SIMILARITY and (is_abbreviation(a, b) or is_short_form(a, b)):
        return ABBREVIATION_SIMILARITY, "abbreviation"
    # the known forms below apply where spelling and sound give less
    heard = sim + (1.0 - sim) * PHONETIC_SHARE if phon_a == phon_b else sim
    if heard < FAMILIAR_SIMILARITY and same_given_name(a, b):
        return FAMILIAR_SIMILARITY, "same given name"
    if heard < ROMANISATION_SIMILARITY and same_chinese_name(a, b):
        return ROMANISATION_SIMILARITY, "romanisation"
    if heard < ANAGRAM_SIMILARITY and is_anagram(a, b):
        return ANAGRAM_SIMILARITY, "scrambled"
    if (
        phon_a == phon_b
        and len(phon_a) >= 2
        and (
            sim >= PHONETIC_MIN_SPELLING
            or (sim >= PHONETIC_MIN_SAME_SYLLABLES and _syllables(a) == _syllables(b))
        )
        and abs(len(a) - len(b)) <= 2  # keys are truncated: "myong" / "myongguk"
    ):
        # sounding alike halves the spelling distance (and keeps the order of
        # better and worse spellings)
        return sim + (1.0 - sim) * PHONETIC_SHARE, "phonetic"
    ending = _without_ending(a, b)
    if ending > sim:
        return ending, "case ending"
    return sim, "spelling"


def _without_ending(a: str, b: str) -> float:
    """Similarity once the nominative -s that Latvian and Lithuanian add to names is
    dropped from the one token that has it ("sergejs" / "sergey", "lavrovs" / "lavrov")."""
    if a.endswith("s") == b.endswith("s"):
        return 0.0
    longer, other = (a, b) if a.endswith("s") else (b, a)
    stem = longer[:-1]
    if len(stem) < ENDING_MIN_STEM:
        return 0.0
    sim, kind = token_similarity(stem, other, _phonetic_key(stem), _phonetic_key(other))
    # one rule at a time: a stem is not also read as an abbreviation ("khmis" is not
    # "khmi", short for "khamenei")
    return sim * ENDING_FACTOR if kind not in ("case ending", "abbreviation") else 0.0


#: The letters counted as vowels (contractions keep one at most; syllables are their groups).
VOWELS: Final = "aeiouy"
_VOWEL_GROUPS: Final = re.compile(f"[{VOWELS}]+")


def _syllables(token: str) -> int:
    """Number of vowel groups: a rough syllable count."""
    return len(_VOWEL_GROUPS.findall(token))


@lru_cache(maxsize=300_000)
def relation_keys(token: str) -> frozenset[tuple[str, object]]:
    """Keys that two tokens share whenever :func:`token_similarity` relates them through a
    table or by their letters rather than by spelling or sound: forms of one given name,
    a listed short form, a pinyin / Wade-Giles pair, the same letters scrambled. (Two
    tokens sharing a key are not always related: the keys only rule pairs out, which is
    what screening needs to skip work.)"""
    keys: set[tuple[str, object]] = {("given name", line) for line in given_name_lines(token)}
    keys.update(("short form", frozenset((token, other))) for other in short_form_partners(token))
    keys.add(("romanisation", token))
    wade = from_pinyin_token(token)
    if wade:
        keys.add(("romanisation", wade))
    if len(token) >= ANAGRAM_MIN_LETTERS and token.isalpha():
        keys.add(("letters", "".join(sorted(token))))
    return frozenset(keys)


def is_anagram(a: str, b: str) -> bool:
    """Whether two different tokens of at least ANAGRAM_MIN_LETTERS letters are written
    with the same letters (a scrambled name: "rimaldiv" / "vladimir")."""
    return (
        len(a) == len(b) >= ANAGRAM_MIN_LETTERS
        and a != b
        and a.isalpha()
        and sorted(a) == sorted(b)
    )


def is_abbreviation(a: str, b: str) -> bool:
    """Whether the shorter token is a contraction of the longer one: same first and last
    letter, its letters in order inside the longer, which is at least twice as long, and
    at most one vowel (contractions drop vowels: "intl" / "international", "mfg" /
    "manufacturing", "mhd" / "muhammad"; "ari" is a name, not a contraction)."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < 3 or len(long) < 2 * len(short):
        return False
    if sum(ch in VOWELS for ch in short) > 1:
        return False
    if short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long[1:-1])
    return all(ch in rest for ch in short[1:-1])


def _digits_for_letters(a: str, b: str) -> float:
    """Similarity of a token written with digits for look-alike letters ("i9or") to a
    token of letters; 0 unless exactly one side mixes letters and digits."""
    if a.isalpha() == b.isalpha():
        return 0.0
    mixed, plain = (b, a) if a.isalpha() else (a, b)
    if not plain.isalpha() or not any(ch.isalpha() for ch in mixed):
        return 0.0
    return spelling_similarity(mixed.translate(_LOOKALIKES), plain) * DIGITS_FOR_LETTERS_FACTOR
