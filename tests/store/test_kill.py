"""A process killed with SIGKILL while writing an import leaves the store exactly as before."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tamis.store import Store, open_store
from tamis.store.schema import Change, EntitySpan, Version

from .helpers import synthetic, write_ftm

#: entities in the big version: its write phase reports progress many times
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
    # wait until rows of the new version have been written inside its transaction
    # (progress lines "writing DONE TOTAL" with 0 < DONE < TOTAL), then kill at once
    for line in proc.stdout:
        phase, done, total = line.split()[0], *map(int, line.split()[1:3] or (0, 0))
        phases.append(phase)
        if phase == "finished" or (phase == "writing" and 0 < done < total):
            break
    assert phases[-1] == "writing", f"importer ended before the kill: {phases}"
    os.kill(proc.pid, signal.SIGKILL)
    rest = proc.stdout.read()
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert "done" not in rest and "finished" not in rest, "committed before the kill"
    # the store opens, and nothing of the interrupted version is visible
    store.close()
    store = open_store(store_url)
    assert _state(store) == before
    # and it takes the next import normally
    result = store.import_source("ftm", write_ftm(tmp_path / "v3.jsonl", synthetic(520)))
    assert (len(result.added), len(result.removed)) == (20, 0)
    store.close()
