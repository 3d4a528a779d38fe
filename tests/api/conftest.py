"""Fixtures of the HTTP service tests: a real SQLite store with real list files,
one index built per session, apps over it, and live uvicorn servers on sockets."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tamis.api import create_app
from tamis.api.settings import Settings
from tamis.service import ScreeningService
from tamis.store import Store, open_store

LISTS = Path(__file__).parent.parent / "data" / "lists"


def build_store(path: Path) -> Store:
    """A store holding the DoD 1237/1260H lists and OFAC's consolidated (non-SDN) list."""
    store = open_store(f"sqlite:///{path}")
    store.import_source("dod", LISTS / "dod_ccmc")
    store.import_source("ofac_cons", LISTS / "ofac_cons")
    return store


@pytest.fixture(scope="session")
def store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "tamis.db"
    build_store(path).close()
    return path


@pytest.fixture
def store_copy(store_template: Path, tmp_path: Path) -> Store:
    """A private copy of the template store (for tests that write to it)."""
    path = tmp_path / "tamis.db"
    shutil.copy(store_template, path)
    return open_store(f"sqlite:///{path}")


@pytest.fixture(scope="session")
def service(store_template: Path) -> Iterator[ScreeningService]:
    """One read-mostly service for the whole session (its index is built once)."""
    store = open_store(f"sqlite:///{store_template}")
    svc = ScreeningService(store, poll_seconds=0, load_bundled=False)
    svc.start()
    yield svc
    svc.stop()


@pytest.fixture(scope="session")
def open_app(service: ScreeningService) -> FastAPI:
    return create_app(Settings(open_screening=True, batch_cap=20, max_body_bytes=200_000), service)


@pytest.fixture(scope="session")
def client(open_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(open_app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def closed_app(service: ScreeningService) -> FastAPI:
    return create_app(Settings(open_screening=False, key_cache_seconds=0), service)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """A uvicorn server in a thread, on a free port of 127.0.0.1."""

    def __init__(self, app: FastAPI) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", access_log=False
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_url(open_app: FastAPI) -> Iterator[str]:
    with LiveServer(open_app) as server:
        yield server.url


@pytest.fixture
def http(live_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_url, timeout=30) as session:
        yield session
