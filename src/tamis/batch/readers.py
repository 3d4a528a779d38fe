"""Streaming readers for customer files: CSV, TSV, JSON lines, Parquet and Excel.

Every reader yields :class:`Record` objects one at a time, so a file of
millions of rows is never held in memory: CSV/TSV/JSON lines are read line by
line, Parquet by record batches, .xlsx through openpyxl's read-only mode. A
row that cannot be read (wrong column count, broken JSON) becomes a record
carrying an ``error`` instead of stopping the run.

``line`` is the 1-based physical line of the row's start for text files, the
sheet row for Excel, and the 1-based record number for Parquet.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson

from tamis.errors import InputError

#: file suffix -> format name
SUFFIXES = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".xlsx": "xlsx",
}
FORMATS = ("csv", "tsv", "jsonl", "parquet", "xlsx")


@dataclass
class Record:
    """One input row: its line, its values by column, its raw text, or why it is bad."""

    line: int
    row: dict[str, Any]
    raw: str
    error: str | None = None


def detect_format(path: Path, given: str | None = None) -> str:
    """The format named by ``given``, else by the file suffix (``.gz`` ignored)."""
    if given:
        if given not in FORMATS:
            raise InputError(f"unknown input format {given!r}; expected one of {FORMATS}")
        return given
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    fmt = SUFFIXES.get(suffixes[-1]) if suffixes else None
    if fmt is None:
        raise InputError(
            f"cannot tell the format of {path.name!r} from its extension;"
            f" use --input-format ({'/'.join(FORMATS)})"
        )
    return fmt


def _open_text(path: Path) -> IO[str]:
    binary: IO[bytes] = gzip.open(path, "rb") if path.suffix.lower() == ".gz" else open(path, "rb")  # noqa: SIM115
    return io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")


class InputFile:
    """An opened customer file: its format, headers and a stream of records."""

    def __init__(self, path: Path, fmt: str | None = None) -> None:
        if not path.is_file():
            raise InputError(f"input file {str(path)!r} does not exist")
        self.path = path
        self.format = detect_format(path, fmt)
        self.headers: list[str] = []
        #: "eval" for JSON lines of {"id", "query"} screening cases, else "table"
        self.kind = "table"
        self._probe()

    # -- headers --------------------------------------------------------------
    def _probe(self) -> None:
        if self.format in ("csv", "tsv"):
            with _open_text(self.path) as fh:
                try:
                    first = next(csv.reader(fh, delimiter=self._delimiter), None)
                except UnicodeDecodeError as exc:
                    raise InputError(f"{self.path.name} is not valid UTF-8: {exc}") from None
                except csv.Error as exc:
                    raise InputError(f"cannot read the header of {self.path.name}: {exc}") from None
            if not first or not any(h.strip() for h in first):
                raise InputError(f"{self.path.name} has no header row")
            self.headers = [h.strip() for h in first]
        elif self.format == "jsonl":
            for record in self._jsonl():
                if record.error is None:
                    self.headers = list(record.row)
                    if "query" in record.row:
                        self.kind = "eval"
                    break
        elif self.format == "parquet":
            self.headers = list(self._parquet_file().schema_arrow.names)
        elif self.format == "xlsx":
            workbook = self._workbook()
            try:
                first = next(workbook.active.iter_rows(values_only=True), None)
            finally:
                workbook.close()
            if not first:
                raise InputError(f"{self.path.name} has no header row")
            headers = [str(h).strip() if h is not None else "" for h in first]
            while headers and not headers[-1]:  # read-only sheets pad to the widest row
                headers.pop()
            self.headers = headers

    @property
    def _delimiter(self) -> str:
        return "\t" if self.format == "tsv" else ","

    def estimate_rows(self) -> int | None:
        """Number of data rows, cheaply (newline count, Parquet metadata); None if unknown."""
        if self.format == "parquet":
            return self._parquet_file().metadata.num_rows
        if self.format == "xlsx" or self.path.suffix.lower() == ".gz":
            return None
        count = 0
        with open(self.path, "rb") as fh:
            while block := fh.read(1 << 20):
                count += block.count(b"\n")
        return max(count - (1 if self.format in ("csv", "tsv") else 0), 0)

    # -- records --------------------------------------------------------------
    def records(self) -> Iterator[Record]:
        """Every row of the file in order (header excluded)."""
        reader = {
            "csv": self._csv,
            "tsv": self._csv,
            "jsonl": self._jsonl,
            "parquet": self._parquet,
            "xlsx": self._xlsx,
        }[self.format]
        return reader()

    def _csv(self) -> Iterator[Record]:
        width = len(self.headers)
        with _open_text(self.path) as fh:
            reader = csv.reader(fh, delimiter=self._delimiter)
            last = 0
            try:
                next(reader, None)
                last = reader.line_num
                for fields in reader:
                    line, last = last + 1, reader.line_num
                    if not fields:
                        continue
                    raw = self._delimiter.join(fields)
                    if len(fields) != width:
                        yield Record(
                            line,
                            {},
                            raw,
                            f"wrong column count: expected {width}, found {len(fields)}",
                        )
                        continue
                    yield Record(line, dict(zip(self.headers, fields, strict=True)), raw)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{self.path.name} is not valid UTF-8 after line {last}: {exc.reason}"
                ) from None
            except csv.Error as exc:
                raise InputError(f"{self.path.name} line {last + 1}: {exc}") from None

    def _jsonl(self) -> Iterator[Record]:
        opener = gzip.open if self.path.suffix.lower() == ".gz" else open
        with opener(self.path, "rb") as fh:
            for line, data in enumerate(fh, start=1):
                data = data.strip()
                if not data:
                    continue
                raw = data.decode("utf-8", "replace")
                try:
                    row = orjson.loads(data)
                except orjson.JSONDecodeError as exc:
                    yield Record(line, {}, raw, f"invalid JSON: {exc}")
                    continue
                if not isinstance(row, dict):
                    yield Record(line, {}, raw, "a line must hold a JSON object")
                    continue
                yield Record(line, row, raw)

    def _parquet_file(self) -> Any:
        import pyarrow.parquet as pq

        try:
            return pq.ParquetFile(self.path)
        except Exception as exc:  # pyarrow raises several types for broken files
            raise InputError(f"{self.path.name} is not a readable Parquet file: {exc}") from None

    def _parquet(self) -> Iterator[Record]:
        number = 0
        for batch in self._parquet_file().iter_batches(batch_size=4096):
            for row in batch.to_pylist():
                number += 1
                raw = orjson.dumps(row, default=str).decode()
                yield Record(number, row, raw)

    def _workbook(self) -> Any:
        import openpyxl

        try:
            return openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except Exception as exc:  # zipfile / openpyxl errors for broken files
            raise InputError(f"{self.path.name} is not a readable .xlsx file: {exc}") from None

    def _xlsx(self) -> Iterator[Record]:
        workbook = self._workbook()
        width = len(self.headers)
        try:
            rows = workbook.active.iter_rows(values_only=True)
            next(rows, None)
            for line, cells in enumerate(rows, start=2):
                values = list(cells)
                while values and values[-1] is None:
                    values.pop()
                if not values:
                    continue
                raw = ",".join("" if v is None else str(v) for v in values)
                if len(values) > width:
                    yield Record(
                        line, {}, raw, f"wrong column count: expected {width}, found {len(values)}"
                    )
                    continue
                values += [None] * (width - len(values))
                yield Record(line, dict(zip(self.headers, values, strict=True)), raw)
        finally:
            workbook.close()
