"""Screening as of a past date uses the list versions in force that day.

The store holds two versions of OFAC's consolidated list (May 2024, then June
2025). An entity dropped between them is invisible to today's index; asking
with ``as_of`` in 2024 builds a historical index in the background (503 with
Retry-After meanwhile) and then finds it.
"""

from __future__ import annotations

import time
from pathlib import Path

from fastapi.testclient import TestClient

from tamis.api import create_app
from tamis.api.settings import Settings
from tamis.service import ScreeningService
from tamis.store import open_store

from .conftest import LISTS


def test_as_of_uses_the_versions_in_force_that_day(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'tamis.db'}")
    store.import_source("ofac_cons", LISTS / "ofac_cons" / "snapshots" / "2024-05-06")
    store.import_source("ofac_cons", LISTS / "ofac_cons", force=True)
    dropped = {e.id: e for e in store.entities(as_of="2024-06-01")}
    for entity in store.entities():
        dropped.pop(entity.id, None)
    assert dropped, "the two versions should differ"
    entity = next(iter(dropped.values()))
    service = ScreeningService(store, poll_seconds=0, load_bundled=False)
    service.start()
    app = create_app(Settings(open_screening=True), service)
    query = {"name": entity.caption, "schema": entity.schema}
    with TestClient(app) as client:
        today = client.post("/screen", json=query).json()
        assert entity.id not in [h["id"] for h in today["hits"]]
        first = client.post("/screen", json={**query, "as_of": "2024-06-01"})
        assert first.status_code == 503 and first.headers["retry-after"] == "10"
        deadline = time.monotonic() + 120
        while True:
            answer = client.post("/screen", json={**query, "as_of": "2024-06-01"})
            if answer.status_code == 200:
                break
            assert answer.status_code == 503 and time.monotonic() < deadline
            time.sleep(0.3)
        assert entity.id in [h["id"] for h in answer.json()["hits"]]
        # a date the current versions cover needs no historical index
        assert client.post("/screen", json={**query, "as_of": "2025-07-01"}).status_code == 200
