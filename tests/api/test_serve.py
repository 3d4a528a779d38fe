"""`tamis serve` as users start it: a subprocess configured by a TOML file and the
environment, printing its address and answering on the socket."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from .conftest import free_port


def test_serve_prints_its_address_and_answers(store_template: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(store_template, home / "tamis.db")
    port = free_port()
    config = tmp_path / "tamis.toml"
    config.write_text(f"[server]\nport = {port}\nopen_screening = true\nbatch_cap = 7\n")
    env = {**os.environ, "TAMIS_HOME": str(home), "TAMIS_CONFIG": str(config)}
    env.pop("TAMIS_DATABASE_URL", None)
    tamis = str(Path(sys.executable).parent / "tamis")
    server = subprocess.Popen(
        [tamis, "serve"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert server.stdout is not None
        banner = server.stdout.readline()
        assert f"http://127.0.0.1:{port}" in banner
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 180
        while True:
            try:
                if httpx.get(f"{url}/readyz", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            assert time.monotonic() < deadline, "not ready in time"
            time.sleep(0.5)
        query = {"schema": "Person", "properties": {"name": ["Michel Martelly"]}}
        body = httpx.post(f"{url}/match/default", json={"queries": {"q": query}}, timeout=30).json()
        assert body["responses"]["q"]["results"][0]["id"] == "ofac-50476"
        over = httpx.post(
            f"{url}/match/default", json={"queries": {f"q{i}": query for i in range(8)}}, timeout=30
        )
        assert over.status_code == 413  # batch_cap from the config file
        assert "openapi" in httpx.get(f"{url}/openapi.json", timeout=30).json()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def _established_by_process(pids: list[int], port: int) -> dict[int, int]:
    """Established TCP connections on local ``port`` held by each of ``pids`` (/proc)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local_port = int(fields[1].rsplit(":", 1)[1], 16)
            if local_port == port and fields[3] == "01":  # 01: ESTABLISHED
                inodes.add(fields[9])
    counts = {}
    for pid in pids:
        held = 0
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:[") and target[8:-1] in inodes:
                held += 1
        counts[pid] = held
    return counts


def _connect_at_once(port: int, count: int) -> list:
    """``count`` sockets connected to ``port`` together, as a client pool opens them."""
    import socket

    sockets = []
    for _ in range(count):
        sock = socket.socket()
        sock.setblocking(False)
        sock.connect_ex(("127.0.0.1", port))
        sockets.append(sock)
    for sock in sockets:
        sock.setblocking(True)
        sock.settimeout(10)
        sock.getpeername()  # raises if the connection failed
    return sockets


def test_workers_each_take_a_share_of_the_connections(store_template: Path, tmp_path: Path) -> None:
    """Keep-alive clients connecting at once are spread over the workers (each has its
    own listening socket), instead of most of them landing on the first to wake."""
    if not sys.platform.startswith("linux"):
        pytest.skip("one listening socket per worker needs SO_REUSEPORT as Linux has it")
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(store_template, home / "tamis.db")
    port = free_port()
    env = {**os.environ, "TAMIS_HOME": str(home), "TAMIS_OPEN_SCREENING": "1"}
    env.pop("TAMIS_DATABASE_URL", None)
    env.pop("TAMIS_CONFIG", None)
    tamis = str(Path(sys.executable).parent / "tamis")
    server = subprocess.Popen(
        [tamis, "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    clients: list = []
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 300
        ready = 0
        while ready < 8:  # several answers in a row: both workers have their index
            try:
                ready = ready + 1 if httpx.get(f"{url}/readyz", timeout=5).status_code == 200 else 0
            except httpx.HTTPError:
                ready = 0
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            assert time.monotonic() < deadline, "not ready in time"
            time.sleep(0.3)
        children = [
            child
            for child in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
            if b"resource_tracker" not in Path(f"/proc/{child}/cmdline").read_bytes()
        ]
        assert len(children) == 2, children
        # the connections arrive while no worker runs, and one worker wakes well before
        # the other (as on a busy machine): on a shared listening socket it would take
        # every waiting connection; with a socket per worker it takes its own
        for child in children:
            os.kill(int(child), signal.SIGSTOP)
        try:
            clients = _connect_at_once(port, 60)
            os.kill(int(children[0]), signal.SIGCONT)
            time.sleep(0.5)
        finally:
            for child in children:
                os.kill(int(child), signal.SIGCONT)
        counts: dict[int, int] = {}
        for _ in range(50):
            counts = _established_by_process([int(c) for c in children], port)
            if sum(counts.values()) >= 60:
                break
            time.sleep(0.2)
        assert sum(counts.values()) == 60, counts
        # a hash spreads 60 connections over two sockets; fewer than 15 on one of them
        # has a probability below 1e-4
        assert min(counts.values()) >= 15, counts
        # and the connections are served
        for sock in clients[:4]:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            assert sock.recv(64).startswith(b"HTTP/1.1 200")
    finally:
        for sock in clients:
            sock.close()
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
