"""The list commands: through typer's CliRunner and as the real ``tamis`` console script."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tamis.cli import app
from tamis.errors import ImportRefused, InputError, NotFound
from tamis.store import open_store
from tamis.store.bundled import load_bundled

LISTS = Path(__file__).parent / "data" / "lists"
TAMIS = Path(sys.executable).parent / "tamis"

runner = CliRunner()


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), catch_exceptions=True)


@pytest.fixture
def dod_home(tamis_home: Path) -> Path:
    result = invoke("update", "--from", str(LISTS / "dod_ccmc"), "--source", "dod")
    assert result.exit_code == 0, result.output
    assert "imported" in result.output
    return tamis_home


def test_history_of_xiaomi(dod_home: Path) -> None:
    result = invoke("history", "Xiaomi")
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "Xiaomi Corporation" in out
    assert "2021-01-14" in out and "listed" in out
    assert "2021-05-25" in out and "delisted" in out
    assert "vacating" in out  # the reason of the removal
    as_json = json.loads(invoke("history", "Xiaomi Corporation", "--json").stdout)
    events = {(r["change"], r["date"]) for r in as_json[0]["history"]}
    assert {("listed", "2021-01-14"), ("delisted", "2021-05-25")} <= events
    missing = invoke("history", "no such company anywhere")
    assert isinstance(missing.exception, NotFound)


def test_lists_and_json(dod_home: Path) -> None:
    table = invoke("lists")
    assert table.exit_code == 0 and "dod" in table.output and "dod_1237" in table.output
    (row,) = json.loads(invoke("lists", "--json").stdout)
    assert row["source"] == "dod" and row["entity_count"] > 100
    assert row["lists"]["dod_1237"] >= 44


def test_export_ftm_round_trip_and_csv(dod_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "march.ftm.json"
    result = invoke(
        "export", "--format", "ftm", "-o", str(out), "--as-of", "2021-03-01", "--lists", "dod_1237"
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert "Xiaomi Corporation" in {r["caption"] for r in rows}
    assert {ls["list"] for r in rows for ls in r["listings"]} == {"dod_1237"}
    # the export is an FtM file tamis can import again
    again = invoke("update", "--from", str(out), "--source", "ftm")
    assert again.exit_code == 0, again.output
    store = open_store()
    assert store.versions("ftm")[0].entity_count == len(rows)
    assert store.versions("ftm")[0].counts["list"] == {"dod_1237": len(rows)}
    store.close()
    text = invoke("export", "--format", "csv", "--lists", "dod_1260h").output
    records = list(csv.DictReader(io.StringIO(text)))
    assert records and {r["lists"] for r in records} == {"dod_1260h"}
    assert invoke("export", "--format", "xml").exit_code != 0


def test_diff_between_dates(tamis_home: Path) -> None:
    cons = LISTS / "ofac_cons"
    for path in (cons / "snapshots/2024-05-06/consolidated.xml", cons / "consolidated.xml"):
        assert invoke("update", "--from", str(path), "--source", "ofac_cons").exit_code == 0
    text = invoke("diff", "ofac_cons", "--from", "2024-06-01", "--to", "2025-07-01")
    flat = " ".join(text.output.split())
    assert "1 added, 1 removed" in flat and "RUSSIA-EO14024" in flat
    data = json.loads(invoke("diff", "ofac_cons", "--json").stdout)
    assert [a["id"] for a in data["added"]] == ["ofac-50476"]
    assert isinstance(invoke("diff", "ofac_cons", "--from", "June").exception, InputError)
    assert isinstance(invoke("diff", "nothing_here").exception, NotFound)


def test_update_from_directory_per_source(tamis_home: Path, tmp_path: Path) -> None:
    local = tmp_path / "lists"
    (local / "un").mkdir(parents=True)
    shutil.copyfile(LISTS / "un" / "consolidated.xml", local / "un" / "consolidated.xml")
    (local / "ofac_cons").mkdir()
    shutil.copyfile(
        LISTS / "ofac_cons" / "consolidated.xml", local / "ofac_cons" / "consolidated.xml"
    )
    result = invoke("update", "--from", str(local), "--json")
    assert result.exit_code == 0, result.output
    assert {r["source"]: r["status"] for r in json.loads(result.stdout)} == {
        "un": "imported",
        "ofac_cons": "imported",
    }
    again = json.loads(invoke("update", "--from", str(local), "--json").stdout)
    assert {r["status"] for r in again} == {"unchanged"}
    versions = json.loads(invoke("lists", "--versions", "--source", "un", "--json").stdout)
    assert [(v["source"], v["current"], v["date"]) for v in versions] == [
        ("un", True, "2025-04-19")
    ]
    table = " ".join(invoke("lists", "--versions").output.split())
    assert "ofac_cons *" in table and "un *" in table


def test_update_refusal_sets_the_exit_code(tamis_home: Path, tmp_path: Path) -> None:
    un = LISTS / "un" / "snapshots"
    assert (
        invoke(
            "update", "--from", str(un / "2020-11-30/consolidated.xml.gz"), "--source", "un"
        ).exit_code
        == 0
    )
    newer = str(un / "2024-09-26/consolidated.xml.gz")
    refused = invoke("update", "--from", newer, "--source", "un")
    assert refused.exit_code == ImportRefused.exit_code
    assert "refused" in refused.output
    assert isinstance(
        invoke("update", "--from", newer, "--source", "un", "--max-removal", "7").exception,
        InputError,
    )
    accepted = invoke("update", "--from", newer, "--source", "un", "--max-removal", "0.25")
    assert accepted.exit_code == 0, accepted.output


def test_load_bundled_is_a_no_op_when_loaded(tamis_home: Path) -> None:
    store = open_store()
    first = load_bundled(store, sources=["dod", "ofac_cons"])
    assert sorted(r.source for r in first) == ["dod", "ofac_cons"]
    assert all(r.status == "imported" for r in first)
    token = store.data_version()
    assert load_bundled(store, sources=["dod", "ofac_cons"]) == []
    assert store.data_version() == token
    # a newer version from an update is not rolled back by an older bundled file
    (tamis_home / "newer").mkdir()
    newer = tamis_home / "newer" / "consolidated.xml"
    data = (LISTS / "ofac_cons" / "consolidated.xml").read_text(encoding="utf-8")
    newer.write_text(data.replace("06/30/2025", "07/31/2025"), encoding="utf-8")
    store.import_source("ofac_cons", newer)
    store.close()
    store = open_store()
    assert load_bundled(store, sources=["ofac_cons"]) == []
    assert store.current_versions()["ofac_cons"].published == "2025-07-31"
    # the SDN file carries no date: a version fetched today is newer than the bundled one
    sdn = LISTS / "ofac_sdn" / "snapshots" / "2024-05-02" / "sdn.csv.gz"
    fetched = store.import_source("ofac_sdn", sdn)
    assert load_bundled(store, sources=["ofac_sdn"]) == []
    assert store.current_versions()["ofac_sdn"].id == fetched.version_id
    store.close()


def _run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TAMIS_HOME": str(home), "COLUMNS": "200"}
    env.pop("TAMIS_DATABASE_URL", None)
    return subprocess.run([str(TAMIS), *args], env=env, capture_output=True, text=True, timeout=300)


def test_console_script(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = _run(home, "update", "--from", str(LISTS / "dod_ccmc"), "--source", "dod")
    assert done.returncode == 0, done.stderr
    history = _run(home, "history", "Xiaomi")
    assert history.returncode == 0, history.stderr
    assert "2021-01-14" in history.stdout and "2021-05-25" in history.stdout
    bad = tmp_path / "bad.xml"
    bad.write_text("<CONSOLIDATED_LIST><INDIVIDUALS>")
    refused = _run(home, "update", "--from", str(bad), "--source", "un")
    assert refused.returncode == 3
    assert "not well-formed" in " ".join(refused.stdout.split())
    assert "error" in refused.stderr
