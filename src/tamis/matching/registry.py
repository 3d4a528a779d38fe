"""The algorithm registry: algorithms by name."""

from __future__ import annotations

from tamis.errors import InputError
from tamis.matching.algorithms.base import Algorithm
from tamis.matching.algorithms.ofac_sls import OfacSLS
from tamis.matching.algorithms.tamis_v1 import TamisV1

DEFAULT_ALGORITHM = "tamis-v1"
_ALGORITHMS: dict[str, Algorithm] = {algo.name: algo for algo in (TamisV1(), OfacSLS())}


def get_algorithm(name: str = DEFAULT_ALGORITHM) -> Algorithm:
    """The algorithm called ``name`` (InputError naming the known ones otherwise)."""
    try:
        return _ALGORITHMS[name]
    except KeyError:
        known = ", ".join(sorted(_ALGORITHMS))
        raise InputError(f"unknown algorithm {name!r}; known: {known}") from None


def list_algorithms() -> list[Algorithm]:
    return [_ALGORITHMS[name] for name in sorted(_ALGORITHMS)]
