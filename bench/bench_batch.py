"""Batch screening on one machine: throughput, wall time, peak memory, planted recall.

``python -m bench.run_all batch`` (1,000,000 rows) or ``... batch --quick``
(100,000 rows). The customer file comes from :mod:`bench.gen_customers`
(seed 7, 300 planted positives); the lists are the bundled ones, loaded into a
temporary SQLite store. Memory is the peak of the summed PSS of the runner and
its worker processes (PSS counts pages shared copy-on-write once), sampled
from /proc every 0.2 s.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import orjson


class MemorySampler:
    """Peak summed PSS (and peak single-process RSS) of this process and its children."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peak_pss = 0
        self.peak_rss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _tree(self) -> list[int]:
        pids, todo = [], [os.getpid()]
        while todo:
            pid = todo.pop()
            pids.append(pid)
            try:
                with open(f"/proc/{pid}/task/{pid}/children") as fh:
                    todo.extend(int(p) for p in fh.read().split())
            except OSError:
                continue
        return pids

    def _sample(self) -> None:
        total = 0
        for pid in self._tree():
            try:
                with open(f"/proc/{pid}/smaps_rollup") as fh:
                    fields = dict(line.split(":", 1) for line in fh if ":" in line)
            except OSError:
                continue
            total += int(fields.get("Pss", "0 kB").split()[0]) * 1024
            self.peak_rss = max(self.peak_rss, int(fields.get("Rss", "0 kB").split()[0]) * 1024)
        self.peak_pss = max(self.peak_pss, total)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> MemorySampler:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()


def load_lists(home: Path) -> tuple[list[Any], float]:
    """The bundled lists in a fresh store under ``home``; returns (entities, seconds)."""
    os.environ["TAMIS_HOME"] = str(home)
    os.environ.pop("TAMIS_DATABASE_URL", None)
    from tamis.store import open_store
    from tamis.store.bundled import load_bundled

    started = time.monotonic()
    store = open_store()
    load_bundled(store)
    return list(store.entities()), time.monotonic() - started


def planted_recall(
    screener: Any, planted: list[dict[str, str]], batch_hits: dict[str, set[str]]
) -> tuple[float, float, int]:
    """Recall of the batch output and of one-by-one ``Screener.screen`` on the planted rows,
    and how many planted rows got a different hit set from the two paths."""
    from tamis.matching import build_query

    found_batch = found_single = differing = 0
    for row in planted:
        schema = "Person" if row["schema"] == "person" else "Company"
        single = {h.entity.id for h in screener.screen(build_query(row["name"], schema=schema))}
        batch = batch_hits.get(row["row_id"], set())
        found_single += row["entity_id"] in single
        found_batch += row["entity_id"] in batch
        differing += single != batch
    count = max(len(planted), 1)
    return found_batch / count, found_single / count, differing


def measure(rows: int, workdir: Path, entities: list[Any]) -> dict[str, Any]:
    """Generate ``rows`` customers, screen them with every core, and measure."""
    import pyarrow.parquet as pq

    from bench.gen_customers import generate
    from tamis.batch.runner import screen_file
    from tamis.matching import Screener

    customers = workdir / f"customers_{rows}.csv"
    planted = generate(rows, customers, entities, seed=7, positives=300)
    kinds = {p["row_id"]: p for p in planted}
    started = time.monotonic()
    screener = Screener(entities)
    build_seconds = time.monotonic() - started
    out = workdir / f"hits_{rows}.parquet"
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with MemorySampler() as memory:
        summary = screen_file(
            customers,
            out,
            screener,
            chunk_size=1000,
            workers=os.cpu_count() or 1,
            progress=sys.stderr.isatty(),
            restart=True,
        )
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    worker_cpu = (
        children.ru_utime - children_before.ru_utime + children.ru_stime - children_before.ru_stime
    )
    hits = pq.read_table(out, columns=["row_id", "entity_id"]).to_pylist()
    by_row: dict[str, set[str]] = {}
    for hit in hits:
        by_row.setdefault(hit["row_id"], set()).add(hit["entity_id"])
    with open(customers, encoding="utf-8") as fh:
        next(fh)
        schemas = {}
        for line in fh:
            parts = line.rstrip("\n").split(",")
            if parts[0] in kinds:
                schemas[parts[0]] = parts[-1]
    for row in planted:
        row["schema"] = schemas.get(row["row_id"], "person")
    recall_batch, recall_single, differing = planted_recall(screener, planted, by_row)
    other_rows = sum(1 for r in by_row if r not in kinds)
    return {
        "rows": summary.rows,
        "hits": summary.hits,
        "errors": summary.errors,
        "seconds": summary.seconds,
        "rate": summary.rows / summary.seconds,
        "workers": summary.workers,
        "build_seconds": build_seconds,
        "worker_cpu_seconds": worker_cpu,
        "rate_per_cpu_second": summary.rows / worker_cpu if worker_cpu else 0.0,
        "peak_pss_mb": memory.peak_pss / 2**20,
        "peak_rss_mb": memory.peak_rss / 2**20,
        "planted": len(planted),
        "recall_batch": recall_batch,
        "recall_single": recall_single,
        "differing": differing,
        "other_rows_hit": other_rows,
        "entities": len(entities),
    }


def run(quick: bool, rows: int | None = None) -> str:
    rows = rows or (100_000 if quick else 1_000_000)
    with tempfile.TemporaryDirectory(prefix="tamis-bench-batch-") as tmp:
        workdir = Path(tmp)
        entities, load_seconds = load_lists(workdir / "home")
        figures = measure(rows, workdir, entities)
    (Path(__file__).parent / "results").mkdir(exist_ok=True)
    (Path(__file__).parent / "results" / f"batch_{rows}.json").write_bytes(
        orjson.dumps(figures, option=orjson.OPT_INDENT_2)
    )
    f = figures
    command = ".venv/bin/python -m bench.run_all batch" + (" --quick" if quick else "")
    if rows not in (100_000, 1_000_000):
        command = f".venv/bin/python -m bench.bench_batch --rows {rows}"
    per_core = f["rate"] / f["workers"]
    verdict = "meets" if f["rate"] >= 2000 and f["peak_pss_mb"] < 2048 else "misses"
    return f"""## Batch screening (one machine)

`tamis screen-file` on a generated customer file (`bench/gen_customers.py`, seed 7: names from
13 cultures in Latin, Cyrillic, Arabic, Han and Hangul scripts, 10% companies, one bad row in
5,000, {f["planted"]} perturbed list names planted) against the bundled lists
({f["entities"]:,} entities), {f["workers"]} worker processes, chunks of 1,000 rows,
Parquet output.

| measure | value |
|---|---|
| rows | {f["rows"]:,} |
| wall time | {f["seconds"]:.1f} s |
| throughput | **{f["rate"]:,.0f} names/s** on {f["workers"]} cores ({per_core:,.0f} per core) |
| names per CPU-second of the workers | {f["rate_per_cpu_second"]:,.0f} |
| peak memory (PSS, parent + workers) | {f["peak_pss_mb"]:,.0f} MB |
| largest single process (RSS) | {f["peak_rss_mb"]:,.0f} MB |
| index build (once, in the parent) | {f["build_seconds"]:.1f} s |
| hits / rows with errors | {f["hits"]:,} / {f["errors"]:,} |
| non-planted rows with a hit | {f["other_rows_hit"]:,} |
| planted-positive recall, batch | {f["recall_batch"]:.3f} |
| planted-positive recall, one by one (`Screener.screen`) | {f["recall_single"]:.3f} |
| planted rows whose hits differ between the two paths | {f["differing"]} |

Target: >= 2,000 names/s on 2 cores under 2 GB: **{verdict}** it. Loading the bundled lists
into the store took {load_seconds:.0f} s (not counted above).

Reproduce: `{command}`
"""


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="single-machine batch screening benchmark")
    parser.add_argument("--rows", type=int, default=None)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    print(run(args.quick, args.rows))
