"""Spark session, input reading and output writing for ``tamis spark-screen``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tamis.batch.readers import detect_format
from tamis.errors import InputError


def spark_session(master: str | None = None, app_name: str = "tamis-screen") -> Any:
    """The active SparkSession, or a new one (``local[*]`` unless a master is configured)."""
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    conf = SparkConf()
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    elif not conf.contains("spark.master"):
        builder = builder.master("local[*]")
    return builder.getOrCreate()


def read_frame(spark: Any, path: str, fmt: str | None = None) -> Any:
    """Read a CSV, TSV, JSON lines or Parquet input (every column as text for CSV)."""
    fmt = detect_format(Path(path), fmt)
    if fmt == "csv":
        return spark.read.option("header", True).csv(path)
    if fmt == "tsv":
        return spark.read.option("header", True).option("sep", "\t").csv(path)
    if fmt == "jsonl":
        return spark.read.json(path)
    if fmt == "parquet":
        return spark.read.parquet(path)
    raise InputError(f"spark-screen cannot read {fmt}; convert it to CSV or Parquet")


def write_frame(frame: Any, path: str) -> None:
    """Write hits to ``path``: a directory of Parquet, or of CSV / JSON lines by suffix."""
    suffix = Path(path).suffix.lower()
    writer = frame.write.mode("overwrite")
    if suffix == ".csv":
        writer.option("header", True).csv(path)
    elif suffix in (".jsonl", ".json"):
        writer.json(path)
    else:
        writer.parquet(path)
