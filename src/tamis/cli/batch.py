"""``tamis screen-file`` and ``tamis spark-screen``: batch screening of customer files."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import typer
from rich.console import Console

from tamis.cli import app

console = Console(stderr=True, soft_wrap=True)

_ROLE_HELP = "input column holding the {} (detected from the headers when omitted)"


def _lists(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    return tuple(sorted({v.strip() for v in value.split(",") if v.strip()})) or None


_DAY_FIRST_HELP = (
    "read ambiguous birth dates like 07/10/1952 day first (7 October); month first by "
    "default. Dates with dots (07.10.1952) are always day first"
)


def _as_of(value: str | None) -> str | None:
    if value is None:
        return None
    from tamis.errors import InputError
    from tamis.sources.common import parse_date

    parsed = parse_date(value)
    if parsed is None or len(parsed) != 10:
        raise InputError(f"--as-of must be a date like 2021-03-01, not {value!r}")
    return parsed


@app.command("screen-file")
def screen_file_command(
    input: Path = typer.Argument(..., help="CSV, TSV, JSON lines, Parquet or .xlsx file"),
    output: Path = typer.Option(
        ..., "-o", "--output", help="hits file: .csv, .jsonl, .parquet or .xlsx"
    ),
    name: str = typer.Option(None, "--name", help=_ROLE_HELP.format("full name")),
    first_name: str = typer.Option(None, "--first-name", help=_ROLE_HELP.format("first name")),
    last_name: str = typer.Option(None, "--last-name", help=_ROLE_HELP.format("last name")),
    birth_date: str = typer.Option(None, "--birth-date", help=_ROLE_HELP.format("birth date")),
    day_first: bool = typer.Option(False, "--day-first", help=_DAY_FIRST_HELP),
    country: str = typer.Option(None, "--country", help=_ROLE_HELP.format("country")),
    id_number: str = typer.Option(None, "--id", help=_ROLE_HELP.format("passport / id number")),
    schema: str = typer.Option(
        None, "--schema", help=_ROLE_HELP.format("entity type (person, company...)")
    ),
    id_column: str = typer.Option(
        None, "--id-column", help="input column used as the row id (default: line number)"
    ),
    input_format: str = typer.Option(
        None, "--input-format", help="csv, tsv, jsonl, parquet or xlsx (default: extension)"
    ),
    output_kind: str = typer.Option(
        None, "--format", help="'hits' (a row per hit) or 'eval' (a line per case)"
    ),
    as_of: str = typer.Option(None, "--as-of", help="screen against the lists as of this date"),
    lists: str = typer.Option(None, "--lists", help="comma-separated list ids to screen against"),
    threshold: float = typer.Option(None, "--threshold", help="minimum score of a hit"),
    algorithm: str = typer.Option("tamis-v1", "--algorithm", help="scoring algorithm"),
    limit: int = typer.Option(10, "--limit", help="maximum hits per row"),
    entities: Path = typer.Option(
        None, "--entities", help="screen against this FtM JSON lines file, not the store"
    ),
    workers: int = typer.Option(0, "--workers", help="worker processes (default: all cores)"),
    chunk_size: int = typer.Option(1000, "--chunk-size", help="rows per chunk / checkpoint step"),
    restart: bool = typer.Option(False, "--restart", help="discard a previous run's checkpoint"),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="show a progress bar"),
) -> None:
    """Screen every row of a customer file; resumable, on all cores."""
    from tamis.batch.index import load_index
    from tamis.batch.runner import screen_file
    from tamis.batch.worker import ScreenSettings
    from tamis.matching import Screener

    settings = ScreenSettings(
        as_of=_as_of(as_of),
        lists=_lists(lists),
        threshold=threshold,
        algorithm=algorithm,
        limit=limit,
    )
    columns = {
        "name": name,
        "first_name": first_name,
        "last_name": last_name,
        "birth_date": birth_date,
        "country": country,
        "id_number": id_number,
        "schema": schema,
        "row_id": id_column,
    }
    index, index_key = load_index(
        entities,
        settings.as_of,
        list(settings.lists) if settings.lists else None,
        progress=progress and console.is_terminal,
    )
    screener = Screener(index)
    try:
        summary = screen_file(
            input,
            output,
            screener,
            columns=columns,
            input_format=input_format,
            settings=settings,
            output_kind=output_kind,
            chunk_size=chunk_size,
            workers=workers or None,
            restart=restart,
            progress=progress,
            index_key=index_key,
            day_first=day_first,
        )
    except KeyboardInterrupt:
        console.print("interrupted: run the same command again to continue where it stopped")
        sys.exit(128 + signal.SIGINT)
    resumed = f" ({summary.resumed_chunks} chunks resumed)" if summary.resumed_chunks else ""
    console.print(
        f"{summary.rows:,} rows, {summary.hits:,} hits, {summary.errors:,} errors in"
        f" {summary.seconds:.1f} s ({summary.rows_per_second:,.0f} rows/s,"
        f" {summary.workers} workers){resumed}"
    )
    console.print(f"hits: {summary.output}")
    console.print(f"errors: {summary.errors_file}")
    console.print(f"summary: {summary.output}.summary.json")


@app.command("spark-screen")
def spark_screen_command(
    input: str = typer.Argument(..., help="CSV, TSV, JSON lines or Parquet path/URL Spark reads"),
    output: str = typer.Option(
        ..., "-o", "--output", help="output directory (Parquet unless it ends in .csv or .jsonl)"
    ),
    name: str = typer.Option(None, "--name", help="name column (default: name)"),
    first_name: str = typer.Option(None, "--first-name", help="first-name column"),
    last_name: str = typer.Option(None, "--last-name", help="last-name column"),
    birth_date: str = typer.Option(None, "--birth-date", help="birth-date column"),
    day_first: bool = typer.Option(False, "--day-first", help=_DAY_FIRST_HELP),
    country: str = typer.Option(None, "--country", help="country column"),
    id_number: str = typer.Option(None, "--id", help="passport / id number column"),
    schema: str = typer.Option(None, "--schema", help="entity type column"),
    id_column: str = typer.Option(None, "--id-column", help="row id column"),
    input_format: str = typer.Option(None, "--input-format", help="csv, tsv, jsonl or parquet"),
    as_of: str = typer.Option(None, "--as-of", help="screen against the lists as of this date"),
    lists: str = typer.Option(None, "--lists", help="comma-separated list ids"),
    threshold: float = typer.Option(None, "--threshold", help="minimum score of a hit"),
    algorithm: str = typer.Option("tamis-v1", "--algorithm", help="scoring algorithm"),
    limit: int = typer.Option(10, "--limit", help="maximum hits per row"),
    entities: Path = typer.Option(
        None, "--entities", help="screen against this FtM JSON lines file, not the store"
    ),
    master: str = typer.Option(
        None, "--master", help="Spark master (default: spark-submit's, else local[*])"
    ),
) -> None:
    """Screen a file on Apache Spark (run it through spark-submit on a cluster)."""
    from tamis.batch.index import load_index
    from tamis.batch.spark_io import read_frame, spark_session, write_frame
    from tamis.batch.spark_job import screen

    lists_tuple = _lists(lists)
    as_of_date = _as_of(as_of)
    index, _ = load_index(entities, as_of_date, list(lists_tuple) if lists_tuple else None)
    spark = spark_session(master)
    frame = read_frame(spark, input, input_format)
    from tamis.batch.mapping import ColumnMap

    columns = ColumnMap.resolve(
        frame.columns, name=name, first_name=first_name, last_name=last_name,
        birth_date=birth_date, country=country, id_number=id_number, schema=schema,
        row_id=id_column, day_first=day_first,
    )  # fmt: skip
    hits = screen(
        frame, name_col=columns.name, id_col=columns.row_id, birth_date_col=columns.birth_date,
        country_col=columns.country, schema_col=columns.schema,
        first_name_col=columns.first_name, last_name_col=columns.last_name,
        id_number_col=columns.id_number, threshold=threshold, as_of=as_of_date,
        lists=list(lists_tuple) if lists_tuple else None, algorithm=algorithm, limit=limit,
        entities=index, day_first=day_first,
    )  # fmt: skip
    write_frame(hits, output)
    console.print(f"hits written to {output}")
