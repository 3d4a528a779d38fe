"""Parsers for the official lists: one module per list format, one interface.

Importing this package registers every parser; use :func:`get_source` /
:func:`all_sources` to reach them.
"""

from tamis.sources.base import ParsedList, Source, all_sources, get_source, register

__all__ = ["ParsedList", "Source", "all_sources", "get_source", "register"]

# Each module registers its Source subclasses on import.
from tamis.sources import (  # noqa: E402,F401
    canada,
    csl,
    dod,
    eu,
    ftm,
    ofac_cons,
    ofac_sdn,
    uk,
    un,
)
