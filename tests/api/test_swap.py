"""Live list updates: the index is swapped while a real server answers requests.

A server runs on a socket; client threads send /match requests without pause
while the UN list is imported — by another process, or through POST /updatez
downloading from a local HTTP server. No request may fail, and the new
entities must be found afterwards.
"""

from __future__ import annotations

import functools
import gc
import http.server
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tamis.api import create_app
from tamis.api.settings import Settings
from tamis.service import ScreeningService
from tamis.store import Store

from .conftest import LISTS, LiveServer

#: a UN-listed person absent from the template store
QUERY = {
    "queries": {"q": {"schema": "Person", "properties": {"name": ["Haji Khairullah Haji Sattar"]}}}
}


class Hammer:
    """Threads posting /match as fast as they can, recording every outcome."""

    def __init__(self, url: str, threads: int = 2) -> None:
        self.url = url
        self.stop = threading.Event()
        self.statuses: list[int] = []
        self.errors: list[str] = []
        self.versions: set[str] = set()
        self.workers = [threading.Thread(target=self._run, daemon=True) for _ in range(threads)]

    def _run(self) -> None:
        with httpx.Client(base_url=self.url, timeout=30) as client:
            while not self.stop.is_set():
                try:
                    r = client.post("/match/default", json=QUERY)
                    self.statuses.append(r.status_code)
                except httpx.HTTPError as exc:
                    self.errors.append(repr(exc))

    def __enter__(self) -> Hammer:
        for worker in self.workers:
            worker.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for worker in self.workers:
            worker.join(timeout=30)


def _hits(url: str) -> list[str]:
    body = httpx.post(f"{url}/match/default", json=QUERY, timeout=30).json()
    return [r["id"] for r in body["responses"]["q"]["results"] if r["match"]]


def _wait_for(predicate, seconds: float = 240) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


@pytest.fixture
def polling_service(store_copy: Store) -> Iterator[ScreeningService]:
    service = ScreeningService(store_copy, poll_seconds=0.5, load_bundled=False)
    service.start()
    yield service
    service.stop()


def test_import_by_another_process_is_swapped_in_without_failures(
    polling_service: ScreeningService,
) -> None:
    app = create_app(Settings(open_screening=True), polling_service)
    with LiveServer(app) as server:
        assert _hits(server.url) == []
        before = polling_service.snapshot
        with Hammer(server.url) as hammer:
            time.sleep(0.5)
            script = (
                "import sys; from pathlib import Path; from tamis.store import open_store; "
                "open_store(sys.argv[1]).import_source('un', Path(sys.argv[2]))"
            )
            done = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    script,
                    str(polling_service.store.engine.url),
                    str(LISTS / "un"),
                ],
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert done.returncode == 0, done.stderr
            assert _wait_for(lambda: polling_service.snapshot is not before)
            time.sleep(1.0)  # keep hammering the new index a little
        assert hammer.errors == []
        assert len(hammer.statuses) > 20 and set(hammer.statuses) == {200}
        assert _hits(server.url), "the UN entity is not found after the swap"
        assert before.data_version != polling_service.snapshot.data_version


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def list_server() -> Iterator[str]:
    """The UN test file served over HTTP as the official address would serve it."""
    handler = functools.partial(_QuietHandler, directory=str(LISTS / "un"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_updatez_downloads_imports_and_swaps(
    store_copy: Store,
    list_server: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TAMIS_HOME", str(tmp_path))
    monkeypatch.setenv("TAMIS_SOURCE_URL_UN", list_server)
    service = ScreeningService(store_copy, poll_seconds=0, load_bundled=False)
    service.start()
    app = create_app(Settings(open_screening=True), service)
    _, admin = app.state.keys.create("admin", "ops")
    with LiveServer(app) as server, Hammer(server.url) as hammer:
        auth = {"Authorization": f"Bearer {admin}"}
        assert httpx.post(f"{server.url}/updatez", json={"sources": ["un"]}).status_code == 401
        unknown = httpx.post(f"{server.url}/updatez", json={"sources": ["mars"]}, headers=auth)
        assert unknown.status_code == 404
        started = httpx.post(f"{server.url}/updatez", json={"sources": ["un"]}, headers=auth)
        assert started.status_code == 202 and started.json()["state"] == "running"

        def finished() -> bool:
            state = httpx.get(f"{server.url}/updatez", headers=auth, timeout=30).json()
            return state["state"] in ("done", "failed")

        assert _wait_for(finished)
        state = httpx.get(f"{server.url}/updatez", headers=auth).json()
        assert state["state"] == "done", state
        assert state["result"]["un"]["status"] == "imported"
        hammer.stop.set()
    assert hammer.errors == [] and set(hammer.statuses) == {200}
    assert len(hammer.statuses) > 10
    assert service.snapshot.lists.get("un_sc", 0) > 500


def test_a_frozen_heap_still_frees_the_index_a_swap_replaces(store_copy: Store) -> None:
    """Server workers keep their index out of the garbage collector's reach
    (``freeze_heap``); the index a swap replaces must still be freed, not kept
    frozen for good."""
    service = ScreeningService(store_copy, poll_seconds=0, load_bundled=False, freeze_heap=True)
    try:
        service.refresh(force=True)
        assert gc.get_freeze_count() > 0
        replaced = weakref.ref(service.snapshot.screener)
        service.refresh(force=True)
        assert replaced() is None
    finally:
        gc.unfreeze()
