"""API keys (hashed, roles, revocation), the keys command, rate limits, CORS."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from tamis.api import create_app
from tamis.api.keys import KeyStore, api_keys
from tamis.api.settings import Settings
from tamis.errors import InputError, NotFound
from tamis.service import ScreeningService

QUERY = {"name": "Huawei Investment Holding"}


def test_keys_are_stored_hashed_and_checked(closed_app: FastAPI) -> None:
    keys: KeyStore = closed_app.state.keys
    record, clear = keys.create("screen", "payments")
    with keys.engine.connect() as conn:
        row = conn.execute(select(api_keys).where(api_keys.c.id == record.id)).one()
    secret = clear.split("_", 2)[2]  # tamis_<id>_<secret>; the secret may hold "_" too
    assert len(secret) >= 40
    assert secret not in str(tuple(row)) and clear not in str(tuple(row))
    assert keys.verify(clear) == record
    assert keys.verify(clear[:-1] + ("A" if clear[-1] != "A" else "B")) is None
    assert keys.verify("garbage") is None
    with pytest.raises(InputError):
        keys.create("root")


def test_closed_screening_needs_a_key_with_the_right_role(closed_app: FastAPI) -> None:
    keys: KeyStore = closed_app.state.keys
    _, screen_key = keys.create("screen", "screening only")
    _, admin_key = keys.create("admin", "ops")
    with TestClient(closed_app) as client:
        r = client.post("/screen", json=QUERY)
        assert r.status_code == 401 and r.json()["detail"]
        assert (
            client.post(
                "/screen", json=QUERY, headers={"Authorization": "Bearer nonsense"}
            ).status_code
            == 401
        )
        assert (
            client.post(
                "/screen", json=QUERY, headers={"Authorization": f"Bearer {screen_key}"}
            ).status_code
            == 200
        )
        assert (
            client.post("/screen", json=QUERY, headers={"X-API-Key": admin_key}).status_code == 200
        )
        assert client.get("/keys", headers={"X-API-Key": screen_key}).status_code == 403
        listed = client.get("/keys", headers={"X-API-Key": admin_key}).json()["keys"]
        assert "key" not in listed[0]
        created = client.post(
            "/keys",
            json={"role": "screen", "name": "via http"},
            headers={"Authorization": f"ApiKey {admin_key}"},
        )
        assert created.status_code == 201
        new_key, new_id = created.json()["key"], created.json()["id"]
        assert client.get("/lists", headers={"X-API-Key": new_key}).status_code == 200
        revoked = client.delete(f"/keys/{new_id}", headers={"X-API-Key": admin_key})
        assert revoked.json()["active"] is False
        assert client.get("/lists", headers={"X-API-Key": new_key}).status_code == 401
        assert client.get("/healthz").status_code == 200  # health stays open


def test_updates_always_need_an_admin_key(client: TestClient) -> None:
    assert client.post("/updatez").status_code == 401  # even with open screening
    assert client.get("/keys").status_code == 401


def test_rate_limit_answers_429_with_retry_after(service: ScreeningService) -> None:
    app = create_app(Settings(open_screening=True, rate_limit=0.5, rate_burst=2), service)
    with TestClient(app) as client:
        codes = [client.get("/lists").status_code for _ in range(3)]
        assert codes == [200, 200, 429]
        r = client.get("/lists")
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
        assert client.get("/healthz").status_code == 200


def test_cors_is_configurable(service: ScreeningService) -> None:
    app = create_app(
        Settings(open_screening=True, cors_origins=["https://refine.example"]), service
    )
    with TestClient(app) as client:
        r = client.options(
            "/screen",
            headers={"Origin": "https://refine.example", "Access-Control-Request-Method": "POST"},
        )
        assert r.headers["access-control-allow-origin"] == "https://refine.example"
        other = client.get("/healthz", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_keys_command_creates_lists_and_revokes(tamis_home: Path) -> None:
    from tamis.cli import app

    runner = CliRunner()
    made = runner.invoke(app, ["keys", "create", "--role", "admin", "--name", "ops"])
    assert made.exit_code == 0, made.output
    clear = made.stdout.strip().splitlines()[-1]
    assert clear.startswith("tamis_")
    key_id = clear.split("_")[1]
    listed = runner.invoke(app, ["keys", "list"])
    assert key_id in listed.stdout and clear not in listed.stdout
    assert runner.invoke(app, ["keys", "revoke", key_id]).exit_code == 0
    missing = runner.invoke(app, ["keys", "revoke", "ffffffff"])
    assert isinstance(missing.exception, NotFound) and missing.exception.exit_code == 7
    bad_role = runner.invoke(app, ["keys", "create", "--role", "root"])
    assert isinstance(bad_role.exception, InputError)
