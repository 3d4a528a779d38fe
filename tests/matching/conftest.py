"""A screener over real list files (UN, OFAC SDN and non-SDN, DoD), built once per session."""

from __future__ import annotations

import pytest

from tamis.matching import Screener
from tamis.model import Entity

from .evaldata import load_entities


@pytest.fixture(scope="session")
def list_entities() -> list[Entity]:
    return load_entities()


@pytest.fixture(scope="session")
def screener(list_entities: list[Entity]) -> Screener:
    return Screener(list_entities)
