"""Import benchmark: every bundled list into an empty SQLite store, then again unchanged.

Each phase runs in a fresh subprocess (as ``tamis load`` would) so that the peak
memory (``ru_maxrss`` of the children) is the import's own.
Targets: from scratch < 60 s and peak RSS < 1 GB; unchanged re-import < 5 s.
Without ``--quick`` the same runs go to a PostgreSQL server started for the
purpose when its binaries are installed.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
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


def _run(code: str, home: Path, url: str | None = None) -> tuple[dict, float]:
    env = {**os.environ, "TAMIS_HOME": str(home)}
    env.pop("TAMIS_DATABASE_URL", None)
    if url:
        env["TAMIS_DATABASE_URL"] = url
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1]), time.perf_counter() - started


@contextlib.contextmanager
def _postgres() -> Iterator[str | None]:
    """A throw-away PostgreSQL server (None when the server binaries are absent)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        yield None
        return
    bindir = found[-1].parent
    workdir = Path(tempfile.mkdtemp(prefix="tamis-bench-pg-"))
    as_user = []
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(workdir, "postgres", "postgres")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    data = workdir / "data"
    ctl = [*as_user, str(bindir / "pg_ctl"), "-D", str(data)]
    run = {"check": True, "capture_output": True, "timeout": 120}
    subprocess.run(
        [*as_user, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust"],
        **run,
    )
    options = f"-p {port} -h 127.0.0.1 -k {workdir}"
    subprocess.run([*ctl, "-l", str(workdir / "log"), "-w", "-o", options, "start"], **run)
    try:
        subprocess.run(
            [
                *as_user,
                str(bindir / "createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
                "-U",
                "postgres",
                "tamis",
            ],
            **run,
        )
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/tamis"
    finally:
        subprocess.run([*ctl, "-m", "immediate", "-w", "stop"], capture_output=True, timeout=120)
        shutil.rmtree(workdir, ignore_errors=True)


def run(quick: bool = False) -> str:
    with tempfile.TemporaryDirectory(prefix="tamis-bench-") as tmp:
        home = Path(tmp)
        scratch, scratch_wall = _run(SCRATCH, home)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        unchanged, unchanged_wall = _run(UNCHANGED, home)
        db_mb = (home / "tamis.db").stat().st_size / 1e6
        pg = None
        if not quick:
            with _postgres() as url:
                if url is not None:
                    pg, pg_wall = _run(SCRATCH, home / "pg", url)
                    pg_unchanged, _ = _run(UNCHANGED, home / "pg", url)
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
    ]
    if pg is not None:
        lines += [
            f"| PostgreSQL (server started for the run, COPY writes): from scratch, wall time | "
            f"{pg_wall:.1f} s (CPU {pg['cpu']:.1f} s) | |",
            f"| PostgreSQL: re-import unchanged, `import_source` on every source | "
            f"{pg_unchanged['import_source']:.2f} s | |",
        ]
    lines += [
        "",
        f"Machine load at the end of the run (1-minute load average): {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} cores.",
        "",
        "Reproduce: `.venv/bin/python -m bench.run_all import`",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
