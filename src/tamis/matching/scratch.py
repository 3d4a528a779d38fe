"""Work arrays that compiled loops reuse from query to query, one set per thread.

A query reaches a few thousand of the list's entities or tokens; allocating (and
zeroing) an array of one entry per entity or token for each query costs more than
the work itself. The loops that take these arrays leave them as they found them
(all ``fill``), so the next query can use them at once.
"""

from __future__ import annotations

import threading

import numpy as np

_LOCAL = threading.local()


def scratch(name: str, size: int, dtype: type, fill: float | int = 0) -> np.ndarray:
    """This thread's work array called ``name``: ``size`` entries of ``dtype``, all
    ``fill`` (the caller must leave it so)."""
    arrays: dict[str, np.ndarray] | None = getattr(_LOCAL, "arrays", None)
    if arrays is None:
        arrays = _LOCAL.arrays = {}
    found = arrays.get(name)
    if found is None or found.size != size or found.dtype != dtype:
        found = arrays[name] = np.full(size, fill, dtype=dtype)
    return found
