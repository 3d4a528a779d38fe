"""Import benchmark: every bundled list into an empty SQLite store, then again unchanged.

Each phase runs in a fresh subprocess (as ``tamis load`` would) so that the peak
memory (``ru_maxrss`` of the children) is the import's own.
Targets: from scratch < 60 s and peak RSS < 1 GB; unchanged re-import < 5 s.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRATCH = """
import json, sys, time
t0 = time.perf_counter()
from tamis.bundled import bundled_dirs
from tamis.store import open_store
from tamis.store.bundled import load_bundled
store = open_store()
opened = time.perf_counter() - t0
rows = []
for name in bundled_dirs():
    t = time.perf_counter()
    results = load_bundled(store, sources=[name])
    rows.append({"source": name, "seconds": time.perf_counter() - t,
                 "entities": sum(r.entity_count for r in results)})
print(json.dumps({"open": opened, "total": time.perf_counter() - t0, "sources": rows,
                  "cpu": time.process_time()}))
"""

UNCHANGED = """
import json, sys, time
t0 = time.perf_counter()
from tamis.bundled import bundled_dirs
from tamis.store import open_store
from tamis.store.bundled import load_bundled
store = open_store()
t1 = time.perf_counter()
noop = load_bundled(store)
t2 = time.perf_counter()
statuses = [store.import_source(name, path).status for name, path in bundled_dirs().items()]
t3 = time.perf_counter()
print(json.dumps({"startup": t1 - t0, "load_bundled": t2 - t1, "noop_results": len(noop),
                  "import_source": t3 - t2, "statuses": statuses, "total": t3 - t0}))
"""


def _run(code: str, home: Path) -> tuple[dict, float]:
    env = {**os.environ, "TAMIS_HOME": str(home)}
    env.pop("TAMIS_DATABASE_URL", None)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1]), time.perf_counter() - started


def run(quick: bool = False) -> str:
    with tempfile.TemporaryDirectory(prefix="tamis-bench-") as tmp:
        home = Path(tmp)
        scratch, scratch_wall = _run(SCRATCH, home)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        unchanged, unchanged_wall = _run(UNCHANGED, home)
        db_mb = (home / "tamis.db").stat().st_size / 1e6
    entities = sum(r["entities"] for r in scratch["sources"])
    lines = [
        "## Import",
        "",
        "Every bundled list imported into an empty SQLite store (`tamis load`), then the same "
        "files again (nothing changed: hashed, not parsed). Each run is a fresh process.",
        "",
        "| source | entities | seconds |",
        "|---|---:|---:|",
    ]
    lines.append(f"| (start-up: imports, creating the schema) | | {scratch['open']:.1f} |")
    for row in scratch["sources"]:
        lines.append(f"| {row['source']} | {row['entities']:,} | {row['seconds']:.1f} |")
    lines += [
        f"| **all** ({len(scratch['sources'])} sources) | **{entities:,}** | "
        f"**{scratch['total']:.1f}** |",
        "",
        "| figure | measured | target |",
        "|---|---:|---:|",
        f"| from scratch, process wall time | {scratch_wall:.1f} s | < 60 s |",
        f"| from scratch, CPU time of the process (start-up, migrations, parsing, writing) | "
        f"{scratch['cpu']:.1f} s | |",
        f"| peak memory (max RSS of the import process) | {peak_mb:.0f} MB | < 1 GB |",
        f"| store size on disk (SQLite file) | {db_mb:.0f} MB | |",
        f"| re-import unchanged: `load_bundled` (no-op) | {unchanged['load_bundled']:.2f} s | |",
        f"| re-import unchanged: `import_source` on every source "
        f"({', '.join(sorted(set(unchanged['statuses'])))}) | "
        f"{unchanged['import_source']:.2f} s | < 5 s |",
        f"| re-import unchanged, process wall time (incl. Python start-up) | "
        f"{unchanged_wall:.1f} s | |",
        "",
        f"Machine load at the end of the run (1-minute load average): {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} cores.",
        "",
        "Reproduce: `.venv/bin/python -m bench.run_all import`",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
