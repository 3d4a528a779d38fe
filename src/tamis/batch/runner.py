"""The resumable, multi-process batch runner behind ``tamis screen-file``.

The parent streams the input in chunks of ``chunk_size`` records, keeps at
most two chunks per worker in flight (so memory stays bounded whatever the
file size), and records each finished chunk in the checkpoint. Workers are
forked after the screener is built, so the index is built once and shared
copy-on-write. When every chunk is done the part files are merged, in input
order, into the output, the errors file and the summary.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import orjson

from tamis.batch.checkpoint import Checkpoint, fingerprint
from tamis.batch.mapping import ColumnMap
from tamis.batch.readers import InputFile, Record
from tamis.batch.rows import ERROR_COLUMNS, HIT_COLUMNS
from tamis.batch.worker import ChunkJob, ScreenSettings, ignore_sigint, install, screen_chunk
from tamis.batch.writers import OutputWriter, output_format, read_part
from tamis.errors import InputError

#: rows a worker process screens before it is replaced by a fresh fork: a fresh fork
#: starts with cold caches and copies the pages of the shared index it touches again,
#: so replacing workers often costs throughput (about 4% at every 20,000 rows)
WORKER_ROWS = 100_000


@dataclass
class Summary:
    """What a batch run did; also written to ``OUTPUT.summary.json``."""

    input: str
    output: str
    errors_file: str
    rows: int
    hits: int
    errors: int
    seconds: float
    rows_per_second: float
    workers: int
    chunks: int
    resumed_chunks: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _chunks(records: Iterator[Record], size: int) -> Iterator[list[Record]]:
    while chunk := list(islice(records, size)):
        yield chunk


def _progress(enabled: bool, total: int | None) -> Any:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    progress = Progress(
        TextColumn("screening"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]} rows/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=not enabled,
    )
    return progress, progress.add_task("rows", total=total, rate="-")


def screen_file(
    input_path: Path,
    output_path: Path,
    screener: Any,
    *,
    columns: dict[str, str | None] | None = None,
    input_format: str | None = None,
    settings: ScreenSettings | None = None,
    output_kind: str | None = None,
    chunk_size: int = 1000,
    workers: int | None = None,
    restart: bool = False,
    progress: bool = False,
    index_key: str = "",
    day_first: bool = False,
) -> Summary:
    """Screen every row of ``input_path`` with ``screener``; write hits to ``output_path``.

    ``columns`` maps roles (``name``, ``first_name``, ``last_name``,
    ``birth_date``, ``country``, ``id_number``, ``schema``, ``row_id``) to input
    columns; roles left out are detected from the headers. ``output_kind`` is
    ``"hits"`` (one row per hit) or ``"eval"`` (one JSON line per screening
    case); it defaults to ``"eval"`` for evaluation-format input.
    ``index_key`` identifies the list data screened against, so that a
    checkpoint made against other data is not resumed. ``day_first`` reads
    ambiguous birth dates ("07/10/1952") day first (see :mod:`tamis.batch.dates`).
    """
    started = time.monotonic()
    settings = settings or ScreenSettings()
    if chunk_size < 1:
        raise InputError("--chunk-size must be at least 1")
    source = InputFile(input_path, input_format)
    kind = output_kind or ("eval" if source.kind == "eval" else "hits")
    if kind not in ("hits", "eval"):
        raise InputError(f"unknown output kind {kind!r}; expected 'hits' or 'eval'")
    if kind == "eval" and source.kind != "eval":
        raise InputError("--format eval needs JSON lines with 'id' and 'query' on each line")
    fmt = output_format(output_path)
    if kind == "eval" and fmt != "jsonl":
        raise InputError("the eval output is JSON lines: give an OUTPUT ending in .jsonl")
    column_map = (
        None
        if kind == "eval"
        else ColumnMap.resolve(source.headers, day_first=day_first, **(columns or {}))
    )
    workers = max(1, workers or os.cpu_count() or 1)
    output_path.parent.mkdir(parents=True, exist_ok=True)
    fp = fingerprint(
        input_path,
        {
            "format": source.format,
            "kind": kind,
            "columns": column_map and column_map.to_dict(),
            "settings": settings.to_dict(),
            "chunk_size": chunk_size,
            "output": fmt,
            "index": index_key,
        },
    )
    checkpoint = Checkpoint.for_output(output_path, fp, restart=restart)
    resumed = len(checkpoint.done)
    resumed_rows = checkpoint.totals()["rows"]
    job = ChunkJob(settings=settings, columns=column_map)
    install(screener.warm_up(), job)  # the workers fork with the compiled loops loaded
    bar, task = _progress(progress, source.estimate_rows())
    with bar:
        _run_chunks(source, checkpoint, chunk_size, workers, bar, task, started)
    totals = checkpoint.totals()
    errors_path = output_path.with_name(output_path.name + ".errors.csv")
    _merge(checkpoint, output_path, fmt, kind, errors_path)
    seconds = time.monotonic() - started
    summary = Summary(
        input=str(input_path),
        output=str(output_path),
        errors_file=str(errors_path),
        rows=totals["rows"],
        hits=totals["hits"],
        errors=totals["errors"],
        seconds=round(seconds, 3),
        # the rate of this run: rows screened now, not the ones resumed from disk
        rows_per_second=round((totals["rows"] - resumed_rows) / seconds, 1) if seconds else 0.0,
        workers=workers,
        chunks=len(checkpoint.done),
        resumed_chunks=resumed,
    )
    summary_path = output_path.with_name(output_path.name + ".summary.json")
    summary_path.write_bytes(orjson.dumps(summary.to_dict(), option=orjson.OPT_INDENT_2))
    checkpoint.remove()
    return summary


def _run_chunks(
    source: InputFile,
    checkpoint: Checkpoint,
    chunk_size: int,
    workers: int,
    bar: Any,
    task: Any,
    started: float,
) -> None:
    done_rows = 0

    def advance(rows: int, screened: bool = True) -> None:
        nonlocal done_rows
        done_rows += rows if screened else 0
        elapsed = time.monotonic() - started
        bar.update(task, advance=rows, rate=f"{done_rows / elapsed:,.0f}" if elapsed else "-")

    pending = ((index, chunk) for index, chunk in enumerate(_chunks(source.records(), chunk_size)))
    if workers == 1:
        for index, chunk in pending:
            if index in checkpoint.done:
                advance(len(chunk), screened=False)
                continue
            _, counts = screen_chunk(
                index, chunk, checkpoint.part(index), checkpoint.error_part(index)
            )
            checkpoint.mark_done(index, counts)
            advance(counts["rows"])
        return
    # Freeze the parent's objects out of the collector's reach so the forked
    # workers do not touch (and so copy) every page of the shared index.
    gc.collect()
    gc.freeze()
    context = multiprocessing.get_context("fork")
    # A worker is replaced by a fresh fork of the parent after WORKER_ROWS rows:
    # the caches it grew and the shared pages it copied are given back.
    pool = context.Pool(
        workers,
        initializer=ignore_sigint,
        maxtasksperchild=max(1, WORKER_ROWS // chunk_size),
    )
    in_flight: deque[Any] = deque()
    try:
        for index, chunk in pending:
            if index in checkpoint.done:
                advance(len(chunk), screened=False)
                continue
            in_flight.append(
                pool.apply_async(
                    screen_chunk,
                    (index, chunk, checkpoint.part(index), checkpoint.error_part(index)),
                )
            )
            while len(in_flight) >= 2 * workers:
                _finish(in_flight.popleft(), checkpoint, advance)
        while in_flight:
            _finish(in_flight.popleft(), checkpoint, advance)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        gc.unfreeze()


def _finish(result: Any, checkpoint: Checkpoint, advance: Any) -> None:
    index, counts = result.get()
    checkpoint.mark_done(index, counts)
    advance(counts["rows"])


def _merge(
    checkpoint: Checkpoint, output_path: Path, fmt: str, kind: str, errors_path: Path
) -> None:
    """Concatenate the part files, in chunk order, into the output and the errors file."""
    order = sorted(checkpoint.done)
    if order != list(range(len(order))):
        raise RuntimeError(f"checkpoint {checkpoint.path} lists chunks with gaps: {order[:20]}")
    writer = OutputWriter(output_path, fmt, None if kind == "eval" else HIT_COLUMNS)
    errors = OutputWriter(errors_path, "csv", ERROR_COLUMNS)
    try:
        for index in order:
            writer.write(read_part(checkpoint.part(index)))
            errors.write(read_part(checkpoint.error_part(index)))
    except BaseException:
        writer.abort()
        errors.abort()
        raise
    errors.close()
    writer.close()
