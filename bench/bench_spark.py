"""Spark local[2] against the single-machine runner on the same customer file.

``python -m bench.run_all spark`` (100,000 rows; ``--quick``: 20,000) or
``python -m bench.bench_spark --rows N``. Both paths screen the file from
:mod:`bench.gen_customers` (seed 7) against the bundled lists; the hits must be
identical and Spark's throughput within 2x of the single-machine path's. Also
measures the size of the broadcast index (the figure docs/scaling.md builds on).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson


def _local_hits(path: Path) -> list[tuple]:
    with open(path, newline="", encoding="utf-8") as fh:
        return sorted(
            (r["row_id"], r["entity_id"], round(float(r["score"]), 4)) for r in csv.DictReader(fh)
        )


def measure(rows: int, workdir: Path) -> dict[str, Any]:
    from pyspark.sql import SparkSession

    from bench.bench_batch import load_lists
    from bench.gen_customers import generate
    from tamis.batch.runner import screen_file
    from tamis.batch.spark_io import read_frame
    from tamis.batch.spark_job import screen, serialise_entities
    from tamis.matching import Screener

    entities, _ = load_lists(workdir / "home")
    customers = workdir / "customers.csv"
    generate(rows, customers, entities, seed=7, positives=300)
    blob = serialise_entities(entities)
    raw_json = sum(len(orjson.dumps(e.to_dict())) for e in entities)

    started = time.monotonic()
    screener = Screener(entities)
    build = time.monotonic() - started
    local_out = workdir / "hits.csv"
    summary = screen_file(customers, local_out, screener, workers=2, restart=True)
    local_seconds = time.monotonic() - started

    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("tamis-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    try:
        started = time.monotonic()
        frame = read_frame(spark, str(customers)).repartition(8)
        hits = screen(
            frame,
            name_col="full_name",
            id_col="customer_id",
            birth_date_col="date_of_birth",
            country_col="country",
            schema_col="type",
            entities=entities,
        )
        collected = hits.select("row_id", "entity_id", "score").collect()
        spark_seconds = time.monotonic() - started
    finally:
        spark.stop()
    spark_hits = sorted((r.row_id, r.entity_id, round(r.score, 4)) for r in collected)
    local_hits = _local_hits(local_out)
    return {
        "rows": rows,
        "entities": len(entities),
        "blob_mb": len(blob) / 2**20,
        "json_mb": raw_json / 2**20,
        "build_seconds": build,
        "local_seconds": local_seconds,
        "local_rate": rows / local_seconds,
        "local_screen_seconds": summary.seconds,
        "spark_seconds": spark_seconds,
        "spark_rate": rows / spark_seconds,
        "hits": len(local_hits),
        "identical": spark_hits == local_hits,
        "only_local": len(set(local_hits) - set(spark_hits)),
        "only_spark": len(set(spark_hits) - set(local_hits)),
    }


def report(f: dict[str, Any], command: str) -> str:
    ratio = f["local_rate"] / f["spark_rate"]
    same = "yes" if f["identical"] else "NO"
    return f"""## Spark (local[2])

`tamis.spark.screen` on Spark local[2] against `tamis screen-file` with 2 workers, same
generated file ({f["rows"]:,} rows, seed 7) and the bundled lists ({f["entities"]:,} entities).
Both timings include building the index (Spark builds it once in each Python worker).

| measure | value |
|---|---|
| broadcast index (FtM JSON, zlib) | {f["blob_mb"]:.2f} MB ({f["json_mb"]:.1f} MB uncompressed) |
| index build in one process | {f["build_seconds"]:.1f} s |
| single machine, 2 workers | {f["local_seconds"]:.1f} s, {f["local_rate"]:,.0f} names/s |
| Spark local[2] | {f["spark_seconds"]:.1f} s, {f["spark_rate"]:,.0f} names/s |
| single machine / Spark throughput | {ratio:.2f}x (target: within 2x) |
| hits | {f["hits"]:,}; identical: **{same}** |
| hits found by one path only | local {f["only_local"]}, Spark {f["only_spark"]} |

Reproduce: `{command}`
"""


def run(quick: bool, rows: int | None = None) -> str:
    rows = rows or (20_000 if quick else 100_000)
    with tempfile.TemporaryDirectory(prefix="tamis-bench-spark-") as tmp:
        figures = measure(rows, Path(tmp))
    results = Path(__file__).parent / "results"
    results.mkdir(exist_ok=True)
    (results / f"spark_{rows}.json").write_bytes(orjson.dumps(figures, option=orjson.OPT_INDENT_2))
    command = (
        f".venv/bin/python -m bench.bench_spark --rows {rows}"
        if rows not in (20_000, 100_000)
        else ".venv/bin/python -m bench.run_all spark" + (" --quick" if quick else "")
    )
    return report(figures, command)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Spark vs single-machine batch screening")
    parser.add_argument("--rows", type=int, default=None)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    print(run(args.quick, args.rows))
