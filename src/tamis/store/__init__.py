"""The versioned list store.

Every import of a source is a version; every entity keeps its history across
versions (added / modified with field-level differences / removed), so the
store can answer "what was listed on 2021-03-01" and "what changed since".
SQLite by default, PostgreSQL by URL (see :mod:`tamis.config`).

    from tamis.store import open_store
    store = open_store()
    store.import_source("ofac_sdn", Path("downloads/ofac_sdn"))
    for entity in store.entities(as_of="2021-03-01", lists=["dod_1237"]): ...
"""

from tamis.store.core import Store, open_store
from tamis.store.types import ChangeRecord, Diff, EntityChange, ImportResult, VersionInfo

__all__ = [
    "ChangeRecord",
    "Diff",
    "EntityChange",
    "ImportResult",
    "Store",
    "VersionInfo",
    "open_store",
]
