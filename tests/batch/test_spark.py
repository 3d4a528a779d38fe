"""Spark and the single-machine runner give identical hits (a real local[2] SparkSession)."""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyspark")
pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def spark():  # noqa: ANN201
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("tamis-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    yield session
    session.stop()


def local_hits(path: Path) -> list[tuple]:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return sorted(
        (
            r["row_id"],
            r["entity_id"],
            r["schema"],
            r["caption"],
            r["lists"],
            r["programs"],
            r["listed_on"] or None,
            float(r["score"]),
            r["explanation"],
        )
        for r in rows
    )


def spark_hits(frame) -> list[tuple]:  # noqa: ANN001
    return sorted(
        (
            r.row_id,
            r.entity_id,
            r.schema,
            r.caption,
            r.lists,
            r.programs,
            r.listed_on,
            r.score,
            r.explanation,
        )
        for r in frame.collect()
    )


def test_spark_and_single_machine_hits_are_identical(
    spark,
    tmp_path: Path,
    entities,
    screener,
    make_customers,  # noqa: ANN001
) -> None:
    import tamis.spark
    from tamis.batch.runner import screen_file
    from tamis.batch.spark_io import read_frame

    customers = tmp_path / "customers.csv"
    make_customers(customers, 400, seed=11)
    out = tmp_path / "hits.csv"
    summary = screen_file(customers, out, screener, workers=2, chunk_size=50)
    expected = local_hits(out)
    assert len(expected) >= 15  # the planted positives are there to compare

    frame = read_frame(spark, str(customers)).repartition(3)
    hits = tamis.spark.screen(
        frame,
        name_col="full_name",
        id_col="customer_id",
        birth_date_col="dob",
        country_col="country",
        entities=entities,
    )
    assert hits.columns == [
        "row_id",
        "entity_id",
        "schema",
        "caption",
        "lists",
        "programs",
        "listed_on",
        "score",
        "explanation",
    ]
    assert spark_hits(hits) == expected

    with_errors = tamis.spark.screen(
        frame,
        name_col="full_name",
        id_col="customer_id",
        birth_date_col="dob",
        country_col="country",
        entities=entities,
        errors=True,
    )
    errors = with_errors.where("error IS NOT NULL").collect()
    assert len(errors) == summary.errors
    assert {e.error for e in errors} == {"empty name", "unparseable birth date '31/31/1999'"}


def test_spark_screen_command(
    spark,
    tmp_path: Path,
    entities_file: Path,
    screener,  # noqa: ANN001
    make_customers,
) -> None:
    from typer.testing import CliRunner

    from tamis.batch.runner import screen_file
    from tamis.cli import app

    customers = tmp_path / "customers.csv"
    make_customers(customers, 120, seed=5)
    out_dir = tmp_path / "hits_parquet"
    result = CliRunner().invoke(
        app,
        [
            "spark-screen",
            str(customers),
            "-o",
            str(out_dir),
            "--entities",
            str(entities_file),
            "--id-column",
            "customer_id",
        ],
    )
    assert result.exit_code == 0, result.output
    local = tmp_path / "hits.csv"
    screen_file(customers, local, screener, workers=1)
    assert spark_hits(spark.read.parquet(str(out_dir))) == local_hits(local)


def test_bad_column_is_refused(spark, entities) -> None:  # noqa: ANN001
    import tamis.spark
    from tamis.errors import InputError

    frame = spark.createDataFrame([("1", "Vladimir Putin")], ["id", "name"])
    with pytest.raises(InputError, match="nope"):
        tamis.spark.screen(frame, name_col="nope", entities=entities)
    # without an id column rows still come back, numbered by Spark
    hits = tamis.spark.screen(frame, entities=entities).collect()
    assert [h.entity_id for h in hits] == ["p-putin"]


def test_spark_submit_entry_point(
    spark,
    tmp_path: Path,
    entities_file: Path,  # noqa: ANN001
    make_customers,
) -> None:
    """The file given to spark-submit runs the spark-screen command with its arguments."""
    from tamis.batch import spark_main

    customers = tmp_path / "customers.csv"
    make_customers(customers, 30, seed=2)
    out = tmp_path / "hits.jsonl"
    with pytest.raises(SystemExit) as exit_info:
        spark_main.main(
            [
                str(customers),
                "-o",
                str(out),
                "--entities",
                str(entities_file),
                "--id-column",
                "customer_id",
            ]
        )
    assert exit_info.value.code == 0
    rows = spark.read.json(str(out)).collect()
    assert rows and all(r.row_id.startswith("C") for r in rows)
