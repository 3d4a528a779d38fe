"""``tamis update`` against a real HTTP server on 127.0.0.1 serving the official files."""

from __future__ import annotations

import gzip
import hashlib
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tamis.errors import FetchError, ParseError
from tamis.store import Store, open_store
from tamis.update import source_urls, update_source

UN = Path(__file__).parent / "data" / "lists" / "un"


class ListServer(ThreadingHTTPServer):
    """Serves ``root/<source>/<file>`` with ETag and Last-Modified; records requests."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.requests: list[tuple[str, dict[str, str], int]] = []
        self.fail_next: dict[str, int] = {}  # path -> number of 503 answers to give first
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(SimpleHTTPRequestHandler):
    server: ListServer

    def __init__(self, request, client_address, server: ListServer) -> None:  # type: ignore[no-untyped-def]
        super().__init__(request, client_address, server, directory=str(server.root))

    def log_message(self, *args) -> None:  # type: ignore[no-untyped-def]
        pass

    def do_GET(self) -> None:
        headers = {
            k: v
            for k, v in self.headers.items()
            if k.lower() in ("if-none-match", "if-modified-since")
        }
        if self.server.fail_next.get(self.path, 0) > 0:
            self.server.fail_next[self.path] -= 1
            self.server.requests.append((self.path, headers, 503))
            self.send_error(503, "try later")
            return
        path = Path(self.translate_path(self.path))
        if path.is_file():
            etag = '"' + hashlib.sha256(path.read_bytes()).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.server.requests.append((self.path, headers, 304))
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self._etag = etag
        self.server.requests.append((self.path, headers, 200 if path.is_file() else 404))
        super().do_GET()

    def end_headers(self) -> None:
        etag = getattr(self, "_etag", None)
        if etag:
            self.send_header("ETag", etag)
        super().end_headers()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ListServer]:
    root = tmp_path / "www"
    (root / "un").mkdir(parents=True)
    srv = ListServer(root)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.fixture
def home_store(
    tamis_home: Path, server: ListServer, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Store]:
    monkeypatch.setenv("TAMIS_SOURCE_BASE_URL", server.url)
    store = open_store()
    yield store
    store.close()


def _serve(server: ListServer, content: bytes) -> None:
    (server.root / "un" / "consolidated.xml").write_bytes(content)


def test_download_then_not_modified_then_broken(server: ListServer, home_store: Store) -> None:
    old = gzip.decompress((UN / "snapshots/2024-09-26/consolidated.xml.gz").read_bytes())
    _serve(server, old)
    first = update_source(home_store, "un", retries=0)
    assert first.status == "imported" and first.published == "2024-09-26"
    assert server.requests[-1] == ("/un/consolidated.xml", {}, 200)

    again = update_source(home_store, "un", retries=0)
    assert again.status == "unchanged" and again.version_id == first.version_id
    path, headers, status = server.requests[-1]
    assert status == 304 and headers.get("If-None-Match", "").startswith('"')
    assert "If-Modified-Since" in headers

    _serve(server, old[: len(old) // 3])  # a truncated download
    with pytest.raises(ParseError, match="not well-formed"):
        update_source(home_store, "un", retries=0)
    assert [v.id for v in home_store.versions("un")] == [first.version_id]
    # the broken file did not become the reference for conditional requests
    cached = home_store.fetch_state(f"{server.url}/un/consolidated.xml")
    assert cached is not None
    assert cached["sha256"] == hashlib.sha256(old).hexdigest()

    _serve(server, (UN / "consolidated.xml").read_bytes())
    newer = update_source(home_store, "un", retries=0)
    assert newer.status == "imported" and newer.published == "2025-04-19"
    assert len(newer.added) == 4 and len(newer.removed) == 2


def test_transient_errors_are_retried(server: ListServer, home_store: Store) -> None:
    shutil.copyfile(UN / "consolidated.xml", server.root / "un" / "consolidated.xml")
    server.fail_next["/un/consolidated.xml"] = 2
    result = update_source(home_store, "un", retries=3, backoff=0.01)
    assert result.status == "imported"
    assert [status for _, _, status in server.requests] == [503, 503, 200]


def test_persistent_failures_raise_fetch_error(server: ListServer, home_store: Store) -> None:
    server.fail_next["/un/consolidated.xml"] = 10
    with pytest.raises(FetchError, match="after 2 attempt"):
        update_source(home_store, "un", retries=1, backoff=0.01)
    server.fail_next.clear()
    (server.root / "un").rmdir()  # nothing served at all: 404 on a required file
    with pytest.raises(FetchError, match="404"):
        update_source(home_store, "un", retries=0)
    assert home_store.versions() == []


def test_unreachable_server_is_a_fetch_error(
    home_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("TAMIS_SOURCE_BASE_URL", f"http://127.0.0.1:{port}")
    with pytest.raises(FetchError, match="download failed"):
        update_source(home_store, "un", retries=1, backoff=0.01, timeout=2)


def test_url_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    from tamis.sources import get_source

    un = get_source("un")
    monkeypatch.delenv("TAMIS_SOURCE_BASE_URL", raising=False)
    assert source_urls(un) == un.urls
    monkeypatch.setenv("TAMIS_SOURCE_BASE_URL", "http://mirror.example/lists/")
    assert source_urls(un) == {
        "consolidated.xml": "http://mirror.example/lists/un/consolidated.xml"
    }
    monkeypatch.setenv("TAMIS_SOURCE_URL_UN", "http://other.example/un")
    assert source_urls(un) == {"consolidated.xml": "http://other.example/un/consolidated.xml"}
