"""A process killed with SIGKILL while writing an import leaves the store exactly as before."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tamis.store import Store, open_store
from tamis.store.schema import Change, EntitySpan, Version

from .helpers import synthetic, write_ftm

#: entities in the big version: enough for its write phase to last well over 0.2 s
N = 25000

IMPORTER = """
import sys
from pathlib import Path
from tamis.store import open_store

store = open_store(sys.argv[1])

def progress(phase, done, total):
    print(phase, done, total, flush=True)

store.import_source("ftm", Path(sys.argv[2]), progress=progress, force=True)
print("finished", flush=True)
"""


def _state(store: Store) -> tuple:
    with store.engine.connect() as conn:
        counts = tuple(
            conn.execute(select(func.count()).select_from(table)).scalar()
            for table in (Version, EntitySpan, Change)
        )
    current = sorted((e.id, e.fingerprint()) for e in store.entities())
    return counts, store.versions(), current, store.data_version()


@pytest.mark.slow
def test_kill_9_during_write_leaves_store_unchanged(store_url: str, tmp_path: Path) -> None:
    store = open_store(store_url)
    store.import_source("ftm", write_ftm(tmp_path / "v1.jsonl", synthetic(500)))
    before = _state(store)
    big = write_ftm(tmp_path / "v2.jsonl", synthetic(N, start=300))
    script = tmp_path / "importer.py"
    script.write_text(IMPORTER)

    proc = subprocess.Popen(
        [sys.executable, str(script), store_url, str(big)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    phases = []
    for line in proc.stdout:  # wait until the importer has parsed and starts writing
        phases.append(line.split()[0])
        if phases[-1] in ("writing", "finished"):
            break
    assert phases[-1] == "writing", f"importer ended early: {phases}"
    time.sleep(0.2)  # well inside the write transaction
    os.kill(proc.pid, signal.SIGKILL)
    rest = proc.stdout.read()
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert "finished" not in rest, "the import committed before the kill; use a bigger file"
    assert "writing" in rest or phases[-1] == "writing"
    # the store opens, and nothing of the interrupted version is visible
    store.close()
    store = open_store(store_url)
    assert _state(store) == before
    # and it takes the next import normally
    result = store.import_source("ftm", write_ftm(tmp_path / "v3.jsonl", synthetic(520)))
    assert (len(result.added), len(result.removed)) == (20, 0)
    store.close()
