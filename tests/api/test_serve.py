"""`tamis serve` as users start it: a subprocess configured by a TOML file and the
environment, printing its address and answering on the socket."""

from __future__ import annotations

import contextlib
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

TAMIS = str(Path(sys.executable).parent / "tamis")


def _home_env(store_template: Path, tmp_path: Path, **settings: str) -> dict[str, str]:
    """The environment of a `tamis` command using a private copy of the test store, no
    config file or database URL inherited, plus ``settings`` (``TAMIS_*`` variables)."""
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(store_template, home / "tamis.db")
    env = {**os.environ, "TAMIS_HOME": str(home), **settings}
    env.pop("TAMIS_DATABASE_URL", None)
    if "TAMIS_CONFIG" not in settings:
        env.pop("TAMIS_CONFIG", None)
    return env


def test_serve_prints_its_address_and_answers(store_template: Path, tmp_path: Path) -> None:
    port = free_port()
    config = tmp_path / "tamis.toml"
    config.write_text(f"[server]\nport = {port}\nopen_screening = true\nbatch_cap = 7\n")
    env = _home_env(store_template, tmp_path, TAMIS_CONFIG=str(config))
    server = subprocess.Popen(
        [TAMIS, "serve"],
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


class _TwoWorkerServer:
    """``tamis serve --workers 2`` on a copy of the test store, waited for until both
    workers have their index."""

    def __init__(self, store_template: Path, tmp_path: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [TAMIS, "serve", "--port", str(self.port), "--workers", "2"],
            env=_home_env(store_template, tmp_path, TAMIS_OPEN_SCREENING="1"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        try:
            self.wait_ready(8)
        except BaseException:
            self.stop()
            raise

    def wait_ready(self, in_a_row: int) -> None:
        """Until ``in_a_row`` new connections in a row find a ready worker."""
        deadline = time.monotonic() + 300
        ready = 0
        while ready < in_a_row:
            try:
                ready = (
                    ready + 1
                    if httpx.get(f"{self.url}/readyz", timeout=5).status_code == 200
                    else 0
                )
            except httpx.HTTPError:
                ready = 0
            assert self.process.poll() is None, self.stderr()
            assert time.monotonic() < deadline, "not ready in time"
            time.sleep(0.3)

    def stderr(self) -> str:
        return self.process.stderr.read().decode() if self.process.stderr else ""

    def workers(self) -> list[int]:
        pid = self.process.pid
        return [
            int(child)
            for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            if b"resource_tracker" not in Path(f"/proc/{child}/cmdline").read_bytes()
        ]

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=60)


def _readyz(sock) -> bytes:  # noqa: ANN001
    sock.sendall(b"GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n")
    return sock.recv(64)


def test_workers_each_take_an_equal_share_of_the_connections(
    store_template: Path, tmp_path: Path
) -> None:
    """Keep-alive clients connecting at once are dealt out evenly to the workers, even
    when one worker wakes well before the other (on a shared listening socket it would
    take every waiting connection; hashed over a socket per worker, 60 connections
    split unevenly more often than not)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("dealing out connections needs Unix sockets as Linux has them")
    server = _TwoWorkerServer(store_template, tmp_path)
    clients: list = []
    try:
        workers = server.workers()
        assert len(workers) == 2, workers
        for worker in workers:
            os.kill(worker, signal.SIGSTOP)
        try:
            clients = _connect_at_once(server.port, 60)
            os.kill(workers[0], signal.SIGCONT)
            time.sleep(0.5)
        finally:
            for worker in workers:
                os.kill(worker, signal.SIGCONT)
        counts: dict[int, int] = {}
        for _ in range(50):
            counts = _established_by_process(workers, server.port)
            if sum(counts.values()) >= 60:
                break
            time.sleep(0.2)
        assert sorted(counts.values()) == [30, 30], counts
        for sock in clients[:4]:  # and they are served
            assert _readyz(sock).startswith(b"HTTP/1.1 200")
    finally:
        for sock in clients:
            sock.close()
        server.stop()


def test_a_worker_that_dies_is_replaced_and_its_share_goes_to_the_others_meanwhile(
    store_template: Path, tmp_path: Path
) -> None:
    """While a replacement worker builds its index, new connections go to the worker
    that is ready (none is answered "not ready"); once it is ready it gets its share."""
    if not sys.platform.startswith("linux"):
        pytest.skip("dealing out connections needs Unix sockets as Linux has them")
    server = _TwoWorkerServer(store_template, tmp_path)
    clients: list = []
    try:
        survivor, victim = server.workers()
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 60
        while True:
            workers = server.workers()
            if len(workers) == 2 and victim not in workers:
                break
            assert time.monotonic() < deadline, "the dead worker was not replaced"
            time.sleep(0.1)
        replacement = next(w for w in workers if w != survivor)
        clients = _connect_at_once(server.port, 10)
        answers = [_readyz(sock) for sock in clients]
        assert all(answer.startswith(b"HTTP/1.1 200") for answer in answers), answers
        assert _established_by_process([survivor, replacement], server.port)[replacement] == 0
        server.wait_ready(1)
        deadline = time.monotonic() + 120
        while True:  # the replacement reports ready to the supervisor's next check
            more = _connect_at_once(server.port, 4)
            clients += more
            for sock in more:
                assert _readyz(sock).startswith(b"HTTP/1.1 200")
            if _established_by_process([replacement], server.port)[replacement] > 0:
                break
            assert time.monotonic() < deadline, "the replacement never got a connection"
            time.sleep(0.5)
    finally:
        for sock in clients:
            sock.close()
        server.stop()


def test_sighup_replaces_the_workers_without_turning_a_client_away(
    store_template: Path, tmp_path: Path
) -> None:
    """On SIGHUP the supervisor replaces each worker, the new one in service (index
    built) before the old one retires: new connections meanwhile are all answered ready."""
    if not sys.platform.startswith("linux"):
        pytest.skip("dealing out connections needs Unix sockets as Linux has them")
    server = _TwoWorkerServer(store_template, tmp_path)
    try:
        before = set(server.workers())
        os.kill(server.process.pid, signal.SIGHUP)
        deadline = time.monotonic() + 180
        answered = 0
        while True:
            with contextlib.closing(_connect_at_once(server.port, 1)[0]) as sock:
                assert _readyz(sock).startswith(b"HTTP/1.1 200")
            answered += 1
            now = set(server.workers())
            if len(now) == 2 and not now & before:
                break
            assert time.monotonic() < deadline, "the workers were not replaced"
            time.sleep(0.05)
        assert answered > 5
    finally:
        server.stop()


def test_an_address_in_use_is_refused_with_a_message_and_exit_code_2(
    store_template: Path, tmp_path: Path
) -> None:
    import socket

    env = _home_env(store_template, tmp_path)
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = subprocess.run(
            [TAMIS, "serve", "--port", str(port), "--workers", "2"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 2, result.stderr
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr
    assert "tamis serving" not in result.stdout
