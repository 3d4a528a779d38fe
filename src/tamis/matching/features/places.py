"""Country names inside organisation names: "Banco Santander Mexico" is the Mexican
subsidiary, a different legal entity from "Banco Santander"."""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from tamis.sources.countries import country_code

#: Shorter tokens are not looked up: two- and three-letter codes are too often words
#: or initials ("de", "ag", "us").
MIN_LETTERS: Final = 4


@lru_cache(maxsize=100_000)
def _is_country(token: str) -> bool:
    return len(token) >= MIN_LETTERS and token.isalpha() and country_code(token) is not None


def extra_countries(query_unpaired: tuple[str, ...], candidate_unpaired: tuple[str, ...]) -> str:
    """The country names left unpaired by a name alignment ("" when none): a country
    that only one of two organisation names carries."""
    return " ".join(t for t in query_unpaired + candidate_unpaired if _is_country(t))
