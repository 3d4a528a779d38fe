"""Writers for batch output: CSV, JSON lines, Parquet and Excel, fed part by part.

The runner keeps each chunk's rows in a part file (JSON lines) and, once
every chunk is done, streams the parts through one of these writers into the
final file. A writer writes to a temporary name and renames it into place on
:meth:`OutputWriter.close`, so a crash never leaves a half-written output that
looks finished.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import orjson

from tamis.batch.readers import SUFFIXES
from tamis.errors import InputError

#: file suffix -> output format: every input format but TSV
OUTPUT_SUFFIXES = {suffix: fmt for suffix, fmt in SUFFIXES.items() if fmt != "tsv"}
XLSX_MAX_ROWS = 1_048_576


def output_format(path: Path) -> str:
    """The output format named by the file extension."""
    fmt = OUTPUT_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"cannot tell the output format of {path.name!r}; use .csv, .jsonl, .parquet or .xlsx"
        )
    return fmt


class OutputWriter:
    """Streams rows (dicts with the given columns) into ``path`` in format ``fmt``."""

    def __init__(self, path: Path, fmt: str, columns: Sequence[str] | None) -> None:
        self.path = path
        self.fmt = fmt
        self.columns = list(columns) if columns is not None else None
        self.tmp = path.with_name(path.name + ".tmp")
        self.count = 0
        self._fh: Any = None
        self._csv: Any = None
        self._parquet: Any = None
        self._book: Any = None
        self._sheet: Any = None
        if fmt in ("csv", "jsonl"):
            self._fh = open(self.tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
            if fmt == "csv":
                self._csv = csv.writer(self._fh)
                self._csv.writerow(self._need_columns())
        elif fmt == "xlsx":
            import openpyxl

            self._book = openpyxl.Workbook(write_only=True)
            self._sheet = self._book.create_sheet("hits")
            self._sheet.append(self._need_columns())
        elif fmt != "parquet":
            raise InputError(f"unknown output format {fmt!r}")

    def _need_columns(self) -> list[str]:
        if self.columns is None:
            raise InputError(f"the {self.fmt} output needs fixed columns; use .jsonl")
        return self.columns

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        rows = list(rows)
        if not rows:
            return
        self.count += len(rows)
        if self.fmt == "jsonl":
            self._fh.write("".join(orjson.dumps(r).decode() + "\n" for r in rows))
        elif self.fmt == "csv":
            self._csv.writerows(
                [["" if r.get(c) is None else r.get(c) for c in self.columns] for r in rows]
            )
        elif self.fmt == "xlsx":
            if self.count >= XLSX_MAX_ROWS:
                raise InputError(f"{self.count} rows do not fit in an .xlsx sheet; use .parquet")
            for r in rows:
                self._sheet.append([r.get(c) for c in self._need_columns()])
        else:
            self._write_parquet(rows)

    def _write_parquet(self, rows: list[dict[str, Any]]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        columns = self._need_columns()
        table = pa.Table.from_pylist(
            [{c: r.get(c) for c in columns} for r in rows], schema=self._arrow_schema()
        )
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self.tmp, table.schema)
        self._parquet.write_table(table)

    def _arrow_schema(self) -> Any:
        import pyarrow as pa

        return pa.schema(
            [(c, pa.float64() if c == "score" else pa.string()) for c in self._need_columns()]
        )

    def close(self) -> None:
        """Finish the file and move it into place."""
        if self._fh is not None:
            self._fh.close()
        elif self.fmt == "xlsx":
            self._book.save(self.tmp)
        elif self.fmt == "parquet":
            if self._parquet is None:  # no rows at all: still write a valid, empty file
                import pyarrow.parquet as pq

                pq.write_table(self._arrow_schema().empty_table(), self.tmp)
            else:
                self._parquet.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        """Drop the temporary file after a failure."""
        for handle in (self._fh, self._parquet):
            if handle is not None:
                handle.close()
        self.tmp.unlink(missing_ok=True)


def write_part(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    """Write one chunk's rows as JSON lines, atomically (temp file + rename)."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        for row in rows:
            fh.write(orjson.dumps(row) + b"\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def read_part(path: Path) -> list[dict[str, Any]]:
    with open(path, "rb") as fh:
        return [orjson.loads(line) for line in fh if line.strip()]
