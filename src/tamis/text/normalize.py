"""Unicode normalisation, script detection and latinisation (first version)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

_PUNCT = re.compile(r"[^\w]+", re.UNICODE)


def normalize(text: str) -> str:
    """NFKC + casefold, punctuation to single spaces; keeps the script."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_PUNCT.sub(" ", text).replace("_", " ").split())


def detect_script(text: str) -> str:
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        script = name.split(" ", 1)[0] if name else "Unknown"
        if script == "CJK":
            script = "Han"
        counts[script] = counts.get(script, 0) + 1
    if not counts:
        return "Common"
    script = max(counts, key=counts.__getitem__)
    return script.capitalize() if script != "Han" else script


@lru_cache(maxsize=200_000)
def latinize(text: str) -> str:
    return normalize(anyascii(normalize(text)))


def name_variants(text: str) -> list[str]:
    return [latinize(text)]


def tokenize(text: str) -> list[str]:
    return latinize(text).split()
