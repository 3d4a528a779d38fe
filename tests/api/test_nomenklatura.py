"""nomenklatura's yente enricher, unchanged, against tamis on 127.0.0.1.

nomenklatura (with followthemoney and its many dependencies) is installed from
PyPI into its own virtual environment, never into the project's: by default
``~/.cache/tamis/nomenklatura-venv`` (``TAMIS_NK_VENV`` to put it elsewhere),
created on first run (a few minutes) and reused afterwards. Without access to
the package registry the test is skipped with pip's own error.

The enricher reads our /match answers and builds FtM entities from them; they
must carry our ids, schemata and property values unchanged.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow

VENV = Path(
    os.environ.get("TAMIS_NK_VENV") or Path.home() / ".cache" / "tamis" / "nomenklatura-venv"
)
ENTITIES = [
    {
        "id": "cust-1",
        "schema": "Person",
        "properties": {"name": ["Michel Joseph Martelly"], "birthDate": ["1961-02-12"]},
    },
    {
        "id": "cust-2",
        "schema": "Company",
        "properties": {"name": ["Huawei Investment Holding Co., Ltd."]},
    },
    {"id": "cust-3", "schema": "Person", "properties": {"name": ["Zebulon Quackenbush"]}},
]


def nomenklatura_bin() -> Path:
    tool = VENV / "bin" / "nomenklatura"
    if tool.exists():
        return tool
    python = f"python{sys.version_info.major}.{sys.version_info.minor}"
    subprocess.run([python, "-m", "venv", str(VENV)], check=True, timeout=300)
    done = subprocess.run(
        [str(VENV / "bin" / "python"), "-m", "pip", "install", "-q", "nomenklatura"],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if done.returncode != 0 or not tool.exists():
        pytest.skip(f"nomenklatura could not be installed from PyPI: {done.stderr[-2000:]}")
    return tool


def test_yente_enricher_receives_our_matches(live_url: str, tmp_path: Path) -> None:
    tool = nomenklatura_bin()
    entities = tmp_path / "entities.ftm.json"
    entities.write_text("".join(json.dumps(e) + "\n" for e in ENTITIES))
    config = tmp_path / "enricher.yml"
    config.write_text(
        "name: tamis_check\ntitle: tamis check\n"
        "type: nomenklatura.enrich.yente:YenteEnricher\n"
        f"api: {live_url}/\ndataset: default\n"
    )
    out = tmp_path / "matched.ftm.json"
    env = {**os.environ, "NOMENKLATURA_DB_URL": f"sqlite:///{tmp_path / 'nk.db'}"}
    done = subprocess.run(
        [str(tool), "match", str(config), str(entities), "-o", str(out)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    received = [json.loads(line) for line in out.read_text().splitlines() if line.strip()]
    candidates = {e["id"]: e for e in received if e["id"] not in {x["id"] for x in ENTITIES}}

    # what our API answers for the same queries
    expected: dict[str, dict] = {}
    for entity in ENTITIES:
        body = httpx.post(
            f"{live_url}/match/default",
            json={
                "queries": {"q": {"schema": entity["schema"], "properties": entity["properties"]}}
            },
            timeout=60,
        ).json()
        for result in body["responses"]["q"]["results"]:
            expected[result["id"]] = result
    assert "ofac-50476" in candidates, sorted(candidates)
    assert "dod-1260h-huawei-investment-holding-co-ltd" in candidates
    assert set(candidates) == set(expected)
    for entity_id, got in candidates.items():
        ours = expected[entity_id]
        assert got["schema"] == ours["schema"]
        for prop, values in got["properties"].items():
            if prop == "sourceUrl":  # added by the enricher: our /entities address
                assert values == [f"{live_url}/entities/{entity_id}"]
                continue
            assert sorted(values) == sorted(ours["properties"][prop]), prop
    martelly = candidates["ofac-50476"]["properties"]
    assert "1961-02-12" in martelly["birthDate"] and "Sweet Micky" in martelly["weakAlias"]
