"""Script detection: which writing system a character or a string is written in."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

#: First word of a Unicode character name -> script name used by tamis.
_NAME_PREFIX = {
    "LATIN": "Latin",
    "CYRILLIC": "Cyrillic",
    "ARABIC": "Arabic",
    "CJK": "Han",
    "HANGUL": "Hangul",
    "HIRAGANA": "Hiragana",
    "KATAKANA": "Katakana",
    "GREEK": "Greek",
    "HEBREW": "Hebrew",
    "THAI": "Thai",
    "DEVANAGARI": "Devanagari",
    "BENGALI": "Bengali",
    "GURMUKHI": "Gurmukhi",
    "GUJARATI": "Gujarati",
    "TAMIL": "Tamil",
    "TELUGU": "Telugu",
    "KANNADA": "Kannada",
    "MALAYALAM": "Malayalam",
    "SINHALA": "Sinhala",
    "ARMENIAN": "Armenian",
    "GEORGIAN": "Georgian",
    "ETHIOPIC": "Ethiopic",
    "KHMER": "Khmer",
    "LAO": "Lao",
    "MYANMAR": "Myanmar",
    "TIBETAN": "Tibetan",
    "MONGOLIAN": "Mongolian",
    "SYRIAC": "Syriac",
    "THAANA": "Thaana",
    "FULLWIDTH": "Latin",
}


@lru_cache(maxsize=8192)
def char_script(ch: str) -> str:
    """Script of one character; "Common" for digits, punctuation, spaces and unknowns."""
    if ch.isascii():
        return "Latin" if ch.isalpha() else "Common"
    if not ch.isalpha():
        return "Common"
    name = unicodedata.name(ch, "")
    word = name.split(" ", 1)[0]
    script = _NAME_PREFIX.get(word)
    if script is not None:
        return script
    if 0x3400 <= ord(ch) <= 0x9FFF or 0x20000 <= ord(ch) <= 0x3FFFF or 0xF900 <= ord(ch) <= 0xFAFF:
        return "Han"
    if 0xAC00 <= ord(ch) <= 0xD7A3 or 0x1100 <= ord(ch) <= 0x11FF or 0x3130 <= ord(ch) <= 0x318F:
        return "Hangul"
    return word.capitalize() if word else "Common"


def detect_script(text: str) -> str:
    """The dominant script of ``text``: the script of most of its letters.

    Returns one of "Latin", "Cyrillic", "Arabic", "Han", "Hangul", "Hiragana", "Katakana",
    "Greek", "Hebrew", "Thai", "Devanagari", ... (capitalised Unicode script names), or
    "Common" when the text holds no letter. Ties go to the script seen first. Japanese text
    mixing kana and kanji reports the more frequent of the two.
    """
    counts: dict[str, int] = {}
    for ch in text:
        script = char_script(ch)
        if script != "Common":
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return "Common"
    return max(counts, key=counts.__getitem__)


def is_ascii_text(text: str) -> bool:
    """True when every character is ASCII (the fast path of latinisation)."""
    return text.isascii()
