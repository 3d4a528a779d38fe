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
