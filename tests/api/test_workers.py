"""A worker of `tamis serve --workers N` in-process: a real uvicorn server serving the
TCP connections handed to it over its Unix channel."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import sys
import threading
import time
from collections.abc import AsyncIterator

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from tamis.api.workers import READY_STATE_KEY, HandedServer

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="handing over connections needs Linux"
)


def _app(ready: threading.Event) -> Starlette:
    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[dict]:
        yield {READY_STATE_KEY: ready.is_set}

    async def ping(_request) -> PlainTextResponse:  # noqa: ANN001
        return PlainTextResponse("pong")

    return Starlette(routes=[Route("/ping", ping)], lifespan=lifespan)


def _hand_over(channel: socket.socket, listener: socket.socket) -> socket.socket:
    """Connects a client to ``listener`` and passes the accepted end over ``channel``."""
    client = socket.create_connection(listener.getsockname(), timeout=10)
    accepted, _ = listener.accept()
    socket.send_fds(channel, [b"c"], [accepted.fileno()])
    accepted.close()
    return client


def _get(client: socket.socket) -> bytes:
    client.sendall(b"GET /ping HTTP/1.1\r\nHost: x\r\n\r\n")
    answer = b""
    while not answer.endswith(b"pong"):
        chunk = client.recv(1024)
        assert chunk, answer
        answer += chunk
    return answer


def test_a_worker_serves_handed_connections_and_reports_started_once_the_app_is_ready() -> None:
    ready = threading.Event()
    server = HandedServer(uvicorn.Config(_app(ready), lifespan="on", log_level="warning"))
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    listener = socket.create_server(("127.0.0.1", 0))
    thread = threading.Thread(target=lambda: asyncio.run(server.serve(sockets=[theirs])))
    thread.start()
    clients = []
    try:
        # served while the app is not ready yet (its own routes say so, as /readyz does)
        clients = [_hand_over(ours, listener) for _ in range(3)]
        for client in clients:
            assert _get(client).startswith(b"HTTP/1.1 200")
        assert _get(clients[0]).startswith(b"HTTP/1.1 200")  # keep-alive
        time.sleep(0.5)
        assert not server.started  # the supervisor's health check hears "not started"
        ready.set()
        deadline = time.monotonic() + 10
        while not server.started:
            assert time.monotonic() < deadline, "never reported started"
            time.sleep(0.05)
    finally:
        for client in clients:
            client.close()
        server.should_exit = True
        thread.join(timeout=30)
        listener.close()
        ours.close()
    assert not thread.is_alive()


def test_a_worker_whose_app_has_no_readiness_check_is_started_at_once() -> None:
    app = Starlette(routes=[Route("/ping", lambda _r: PlainTextResponse("pong"))])
    server = HandedServer(uvicorn.Config(app, lifespan="on", log_level="warning"))
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    listener = socket.create_server(("127.0.0.1", 0))
    thread = threading.Thread(target=lambda: asyncio.run(server.serve(sockets=[theirs])))
    thread.start()
    try:
        client = _hand_over(ours, listener)
        assert _get(client).startswith(b"HTTP/1.1 200")
        client.close()
        assert server.started
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        listener.close()
        ours.close()
