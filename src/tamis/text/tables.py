"""Loading of the YAML data tables under ``tamis/text/data`` (read once, then cached)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_table(name: str) -> Any:
    """Parse ``data/<name>`` once; later calls return the same object (do not mutate it)."""
    text = resources.files("tamis.text").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)
