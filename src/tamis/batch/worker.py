"""Screening one chunk of input records, in a forked worker or in the parent.

The parent builds the screener once and calls :func:`install` before forking
the worker processes, which therefore share the index copy-on-write instead of
each rebuilding or unpickling it. A worker receives a chunk of records, screens
the good ones with ``Screener.screen``, and writes the chunk's hit rows and
error rows to their part files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tamis.batch.mapping import ColumnMap, row_id, row_to_query
from tamis.batch.readers import Record
from tamis.batch.rows import eval_line, hit_row
from tamis.batch.writers import write_part
from tamis.errors import InputError
from tamis.model import Entity


@dataclass(frozen=True)
class ScreenSettings:
    """The options of ``tamis screen`` that apply to every row of a batch."""

    as_of: str | None = None
    lists: tuple[str, ...] | None = None
    threshold: float | None = None
    algorithm: str = "tamis-v1"
    limit: int = 10

    def __post_init__(self) -> None:
        # Refuse bad options before any row is read, not once per row in the workers.
        from tamis.matching import get_algorithm

        get_algorithm(self.algorithm)
        if self.threshold is not None and not 0.0 <= self.threshold <= 1.0:
            raise InputError(f"threshold {self.threshold} is not between 0 and 1")
        if self.limit < 1:
            raise InputError("limit must be at least 1")

    def kwargs(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of,
            "lists": list(self.lists) if self.lists else None,
            "threshold": self.threshold,
            "algorithm": self.algorithm,
            "limit": self.limit,
        }

    def to_dict(self) -> dict[str, Any]:
        return {**self.kwargs(), "lists": sorted(self.lists) if self.lists else None}


@dataclass
class ChunkJob:
    """What a worker needs besides the shared screener."""

    settings: ScreenSettings
    columns: ColumnMap | None  #: None for evaluation-format input


_JOB: ChunkJob | None = None
_SCREENER: Any = None


def install(screener: Any, job: ChunkJob) -> None:
    """Make ``screener`` and ``job`` visible to :func:`screen_chunk` (call before forking)."""
    global _JOB, _SCREENER
    _SCREENER, _JOB = screener, job


def _query(record: Record, columns: ColumnMap | None) -> tuple[str, Entity]:
    if columns is None:
        query = record.row.get("query")
        entity = Entity.from_dict(query)
        entity.id = entity.id or "query"
        case_id = record.row.get("id")
        return (str(record.line) if case_id is None else case_id), entity
    from tamis.matching import build_query

    return row_id(record.row, columns, record.line), row_to_query(record.row, columns, build_query)


def screen_records(
    screener: Any, job: ChunkJob, records: Sequence[Record]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Screen ``records``; return (output rows, error rows)."""
    errors: list[dict[str, Any]] = []
    ids: list[Any] = []
    queries: list[Entity] = []
    for record in records:
        if record.error:
            errors.append({"line": record.line, "reason": record.error, "raw": record.raw})
            continue
        try:
            case_id, query = _query(record, job.columns)
        except InputError as exc:
            errors.append({"line": record.line, "reason": str(exc), "raw": record.raw})
            continue
        ids.append(case_id)
        queries.append(query)
    # One query at a time: this already runs in a worker process (or a Spark
    # task), so the screener must not start a process pool of its own.
    options = job.settings.kwargs()
    results = [screener.screen(query, **options) for query in queries]
    rows: list[dict[str, Any]] = []
    for case_id, hits in zip(ids, results, strict=True):
        if job.columns is None:
            rows.append(eval_line(case_id, hits))
        else:
            rows.extend(hit_row(case_id, hit) for hit in hits)
    return rows, errors


def screen_chunk(
    index: int, records: Sequence[Record], part: Path, error_part: Path
) -> tuple[int, dict[str, int]]:
    """Screen one chunk with the installed screener and write its part files."""
    if _JOB is None:
        raise RuntimeError("worker.install() was not called before screen_chunk()")
    rows, errors = screen_records(_SCREENER, _JOB, records)
    write_part(error_part, errors)
    write_part(part, rows)
    hits = sum(len(r["hits"]) for r in rows) if _JOB.columns is None else len(rows)
    return index, {"rows": len(records), "hits": hits, "errors": len(errors)}


def ignore_sigint() -> None:
    """Pool initializer: Ctrl-C is handled by the parent, which stops the workers."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
