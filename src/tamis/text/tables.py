"""Loading of the YAML data tables under ``tamis/text/data`` (read once, then cached)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"


@cache
def load_table(name: str) -> Any:
    """Parse ``data/<name>`` once; later calls return the same object (do not mutate it)."""
    import yaml  # imported on first use: most imports of tamis.text never need it

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available
    return yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
