"""Screening a Spark DataFrame: the index broadcast once, rows screened with mapInPandas.

The driver serialises the entities compactly (FtM JSON, zlib-compressed) and
broadcasts the bytes, so each executor fetches them once. Inside the Python
workers, :func:`_screener_for` builds the :class:`~tamis.matching.Screener`
lazily, the first time a worker sees a given broadcast, and keeps it in a
module-level cache keyed by the content hash of the broadcast index; Spark reuses Python workers
across tasks, so the index is built once per worker process, not per batch.

Rows become queries through :func:`tamis.batch.mapping.row_to_query` and hits
become rows through :func:`tamis.batch.rows.hit_row`, exactly as in the
single-machine runner, so both give the same hits for the same input.
"""

from __future__ import annotations

import functools
import hashlib
import zlib
from collections.abc import Iterator
from typing import Any

import orjson

from tamis.batch.mapping import ColumnMap
from tamis.batch.readers import Record
from tamis.batch.rows import HIT_COLUMNS
from tamis.batch.worker import ChunkJob, ScreenSettings, screen_records
from tamis.errors import InputError
from tamis.model import Entity

#: Spark DDL of the hits DataFrame
HIT_SCHEMA = ", ".join(f"{c} {'double' if c == 'score' else 'string'}" for c in HIT_COLUMNS)
ROW_ID = "__tamis_row_id"

_SCREENERS: dict[str, Any] = {}


def serialise_entities(entities: list[Entity]) -> bytes:
    """The index as broadcast: FtM dicts as one JSON array, zlib-compressed."""
    return zlib.compress(orjson.dumps([e.to_dict() for e in entities]), 6)


def deserialise_entities(blob: bytes) -> list[Entity]:
    return [Entity.from_dict(item) for item in orjson.loads(zlib.decompress(blob))]


def _screener_for(broadcast: Any, key: str) -> Any:
    """The screener for ``broadcast`` (whose content hash is ``key``), built once per
    Python worker process."""
    screener = _SCREENERS.get(key)
    if screener is None:
        from tamis.matching import Screener

        _SCREENERS.clear()  # a new index replaces the old one; keep memory flat
        screener = Screener(deserialise_entities(broadcast.value))
        _SCREENERS[key] = screener
    return screener


def _map_batches(
    broadcast: Any, key: str, job: ChunkJob, with_errors: bool, batches: Iterator[Any]
) -> Iterator[Any]:
    """mapInPandas body: screen each pandas batch, yield a pandas frame of hit rows."""
    import pandas as pd

    screener = _screener_for(broadcast, key)
    columns = [*HIT_COLUMNS, *(["error"] if with_errors else [])]
    for frame in batches:
        records = [
            Record(0, row, orjson.dumps(row, default=str).decode())
            for row in frame.to_dict("records")
        ]
        rows, errors = screen_records(screener, job, records)
        if with_errors:
            for error in errors:
                row_id = orjson.loads(error["raw"]).get(job.columns.row_id) if job.columns else None
                rows.append({"row_id": row_id, "error": error["reason"]})
        yield pd.DataFrame.from_records(rows, columns=columns)


def screen(
    df: Any,
    name_col: str | None = "name",
    id_col: str | None = None,
    birth_date_col: str | None = None,
    country_col: str | None = None,
    schema_col: str | None = None,
    first_name_col: str | None = None,
    last_name_col: str | None = None,
    id_number_col: str | None = None,
    threshold: float | None = None,
    as_of: str | None = None,
    lists: list[str] | None = None,
    algorithm: str = "tamis-v1",
    limit: int = 10,
    entities: list[Entity] | None = None,
    errors: bool = False,
    day_first: bool = False,
) -> Any:
    """Screen every row of ``df``; return a DataFrame of hits (see :data:`HIT_SCHEMA`).

    ``entities`` defaults to the store's (as of ``as_of``, restricted to
    ``lists``), read on the driver. Without ``id_col`` rows are numbered with
    ``monotonically_increasing_id`` (unique, not consecutive). With
    ``errors=True`` rows that cannot be screened (empty name, bad date) come
    back too, with ``entity_id`` null and the reason in an ``error`` column.
    ``day_first`` reads ambiguous birth dates ("07/10/1952") day first.
    """
    from pyspark.sql import functions as F

    given = {
        "name": name_col, "first_name": first_name_col, "last_name": last_name_col,
        "birth_date": birth_date_col, "country": country_col, "id_number": id_number_col,
        "schema": schema_col, "row_id": id_col,
    }  # fmt: skip
    missing = [c for c in given.values() if c and c not in df.columns]
    if missing:
        raise InputError(f"column(s) {', '.join(missing)} not in the DataFrame: {df.columns}")
    if not (name_col or first_name_col or last_name_col):
        raise InputError("give name_col (or first_name_col / last_name_col)")
    if id_col is None:
        df = df.withColumn(ROW_ID, F.monotonically_increasing_id())
        given["row_id"] = ROW_ID
    wanted = [c for c in dict.fromkeys(given.values()) if c]
    df = df.select(*[F.col(c).cast("string").alias(c) for c in wanted])
    columns = ColumnMap(**given, day_first=day_first)
    if entities is None:
        from tamis.batch.index import load_index

        entities, _ = load_index(None, as_of, lists)
    settings = ScreenSettings(
        as_of=as_of,
        lists=tuple(sorted(lists)) if lists else None,
        threshold=threshold,
        algorithm=algorithm,
        limit=limit,
    )
    blob = serialise_entities(entities)
    key = hashlib.sha256(blob).hexdigest()
    broadcast = df.sparkSession.sparkContext.broadcast(blob)
    job = ChunkJob(settings=settings, columns=columns)
    schema = HIT_SCHEMA + (", error string" if errors else "")
    return df.mapInPandas(functools.partial(_map_batches, broadcast, key, job, errors), schema)
