"""Unicode normalisation, latinisation and romanisation variants of names.

``normalize`` keeps the script; ``latinize`` gives one canonical ASCII form; and
``name_variants`` adds the other romanisations of the same name. Text is split into runs
of words written in one script, each run is romanised by its script's module
(:mod:`~tamis.text.cyrillic`, :mod:`~tamis.text.arabic`, :mod:`~tamis.text.han`,
:mod:`~tamis.text.hangul`, :mod:`~tamis.text.alphabets`), and anything left over goes
through ``anyascii``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from anyascii import anyascii

from tamis.errors import InputError
from tamis.text import alphabets, arabic, cyrillic, han, hangul, indic, palladius, russian_words
from tamis.text.caching import short_string_cache
from tamis.text.marks import MARK_RANGES
from tamis.text.numbers import words_to_digits
from tamis.text.scripts import char_script, detect_script

__all__ = ["MAX_VARIANTS", "detect_script", "latinize", "name_variants", "normalize", "tokenize"]

#: name_variants never returns more than this many spellings.
MAX_VARIANTS = 8


# Anything that is neither a word character nor a combining mark separates words.
_SEPARATORS = re.compile(f"[^\\w{MARK_RANGES}]+|_+")
_APOSTROPHES = str.maketrans(dict.fromkeys("'’‘`´ʼʻʹ′", ""))
_SURROGATES = re.compile(f"[{chr(0xD800)}-{chr(0xDFFF)}]")
_ASCII_SEPARATORS = re.compile(r"[^a-z0-9]+")


def normalize(text: str) -> str:
    """NFKC, case folding, punctuation and symbols to single spaces; the script is kept.

    Combining marks stay (vowel signs of Arabic, Hebrew, Thai, Devanagari), lone surrogates
    and control characters become spaces, leading and trailing spaces are removed. Never
    raises on a ``str`` (anything else is an :class:`~tamis.errors.InputError`); the empty
    string gives the empty string.
    """
    if not isinstance(text, str):
        raise InputError(f"normalize() takes a string, not {type(text).__name__}")
    if not text:
        return ""
    if _SURROGATES.search(text):
        text = _SURROGATES.sub(" ", text)
    text = unicodedata.normalize("NFKC", text).casefold()
    if "\u200c" in text or "\u200d" in text:
        # zero-width (non-)joiners shape letters inside a word (Persian خامنه‌ای, Indic
        # scripts): they never separate words
        text = text.replace("\u200c", "").replace("\u200d", "")
    return " ".join(_SEPARATORS.sub(" ", text).split())


def _ascii_clean(text: str) -> str:
    """Final form of a romanisation: ASCII letters and digits, single spaces."""
    if not text.isascii():
        text = anyascii(text)
    # anyascii writes ejectives and glottal stops (Georgian, Armenian) with apostrophes
    text = text.translate(_APOSTROPHES)
    return " ".join(_ASCII_SEPARATORS.sub(" ", text.lower()).split())


def _word_script(word: str) -> str:
    """Script of a word: the script of its first non-ASCII letter ("Kana" for Japanese)."""
    for ch in word:
        if ch > "\x7f" and ch.isalpha():
            script = char_script(ch)
            if script in ("Hiragana", "Katakana"):
                return "Kana"
            if script == "Han" and any(char_script(c) in ("Hiragana", "Katakana") for c in word):
                return "Kana"
            return script
    return "Latin"


@short_string_cache(50_000, 40)
def _han_word(word: str) -> tuple[str, ...]:
    return tuple(han.spellings(word))


@short_string_cache(50_000, 40)
def _hangul_word(word: str) -> tuple[str, ...]:
    return tuple(hangul.spellings(word))


def _han_run(text: str) -> list[str]:
    return _zip([list(_han_word(w)) for w in text.split()])


def _hangul_run(text: str) -> list[str]:
    return _zip([list(_hangul_word(w)) for w in text.split()])


def _cyrillic_run(text: str) -> list[str]:
    """Romanisations of Cyrillic words; second, an organisation name with its common
    words in English ("муромский приборостроительный завод" -> "murom instrument making
    plant") or a Chinese name written by the Palladius system in pinyin ("си цзиньпин")."""
    out = cyrillic.romanizations(text)
    english = russian_words.translated(text)
    if english is not None and english not in out:
        out.insert(1, english)
    if " " in text:
        chinese = palladius.chinese_name(text)
        if chinese is not None and chinese not in out:
            out.insert(1, chinese)
    return out


_HANDLERS: dict[str, Callable[[str], list[str]]] = {
    "Latin": alphabets.latin_spellings,
    "Cyrillic": _cyrillic_run,
    "Arabic": arabic.romanizations,
    "Han": _han_run,
    "Hangul": _hangul_run,
    "Greek": alphabets.greek_spellings,
    "Hebrew": alphabets.hebrew_spellings,
    "Thai": alphabets.thai_spellings,
    "Kana": alphabets.kana_spellings,
    "Devanagari": indic.devanagari_spellings,
}


def _runs(text: str) -> list[tuple[str, str]]:
    """Split normalised text into (script, words) runs of consecutive same-script words."""
    runs: list[tuple[str, list[str]]] = []
    for word in text.split():
        script = "Latin" if word.isascii() else _word_script(word)
        if runs and runs[-1][0] == script:
            runs[-1][1].append(word)
        else:
            runs.append((script, [word]))
    return [(script, " ".join(words)) for script, words in runs]


def _zip(alternatives: list[list[str]]) -> list[str]:
    """The i-th variant takes each part's i-th spelling (its last one if it has fewer)."""
    if not alternatives:
        return [""]
    if len(alternatives) == 1:
        return alternatives[0]
    depth = max(len(a) for a in alternatives)
    padded = [a + [a[-1]] * (depth - len(a)) for a in alternatives]
    return list(dict.fromkeys(" ".join(column) for column in zip(*padded, strict=True)))


_CLEAN = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")


def _spellings(text: str) -> list[str]:
    parts: list[list[str]] = []
    for script, run in _runs(text):
        if script == "Latin" and run.isascii():
            parts.append([run])
            continue
        handler = _HANDLERS.get(script)
        parts.append(handler(run) if handler else [anyascii(run)])
    out = [v if _CLEAN.fullmatch(v) else _ascii_clean(v) for v in _zip(parts)]
    return list(dict.fromkeys(out))


@short_string_cache(200_000)
def latinize(text: str) -> str:
    """The canonical ASCII romanisation of a name: lower-case words separated by one space.

    Apostrophes are dropped (O'Brien -> obrien, Mu'ammar -> muammar), other punctuation
    separates words, numbers and Roman numerals stay. Scripts are romanised as follows:
    Cyrillic BGN/PCGN (Ukrainian text: national system), Arabic script by a table of
    frequent names then consonants and long vowels, Chinese as separate pinyin syllables
    without tones, Korean as Revised Romanization with the conventional family-name
    spelling, Greek/kana/others by ``anyascii``. Deterministic; never raises on a ``str``.
    """
    norm = normalize(text.translate(_APOSTROPHES))
    if norm.isascii():
        return norm
    return _variants(text)[0]


@short_string_cache(200_000)
def _variants(text: str) -> tuple[str, ...]:
    norm = normalize(text.translate(_APOSTROPHES))
    out = [norm] if norm.isascii() else _spellings(norm)
    if "-" in text or "‐" in text:
        joined = latinize(re.sub("[-‐]", "", text))
        out.append(joined)
    if any(c in text for c in "'’`ʼ"):
        out.append(_ascii_clean(anyascii(normalize(text))))
    digits = words_to_digits(out[0].split())
    if digits is not None:
        out.append(" ".join(digits))
    return tuple(v for v in dict.fromkeys(out) if v)[:MAX_VARIANTS] or ("",)


def name_variants(text: str) -> list[str]:
    """Spellings of a name in Latin letters: ``latinize(text)`` first, then alternatives.

    Alternatives are the romanisations that lists and customers use: Cyrillic in BGN/PCGN,
    popular English, passport (ICAO), French, German, scholarly and ISO 9 spellings
    (Сергей -> sergey, sergei, serguei, sergej); Arabic-script names in their common
    vowelled spellings (محمد -> muhammad, mohammed, mohamed, mohammad) with the article
    separate, attached or as "el"; Chinese with the given name joined (xi jinping) and
    fully joined, and written in Cyrillic by the Palladius system (си цзиньпин) in pinyin;
    Russian organisation names with their common words in English;
    Korean family names in their usual spellings and McCune–Reischauer-like
    vowels (kim jong un); Greek modern and classical; Hebrew with ו/י as vowels or
    consonants; hyphenated names also joined; names with apostrophes also split there;
    English number words also as digits (brigade forty four -> brigade 44).

    Each variant is lower-case ASCII words separated by single spaces. The list has no
    duplicates, at most :data:`MAX_VARIANTS` entries, and is never empty (``[""]`` for text
    without letters or digits). A new list is returned on each call.
    """
    return list(_variants(text))


def tokenize(text: str) -> list[str]:
    """The words of ``latinize(text)``."""
    return latinize(text).split()
