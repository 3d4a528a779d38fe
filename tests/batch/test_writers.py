"""Output writers: each format holds the same rows; outputs appear only when complete."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import orjson
import pyarrow.parquet as pq
import pytest

from tamis.batch.rows import HIT_COLUMNS
from tamis.batch.writers import OutputWriter, output_format, read_part, write_part
from tamis.errors import InputError

ROWS = [
    {
        "row_id": "1",
        "entity_id": "e1",
        "schema": "Person",
        "caption": "Анна",
        "lists": "un_sc",
        "programs": "AQ;IQ",
        "listed_on": "2001-01-25",
        "score": 0.91,
        "explanation": "name 0.91",
    },
    {
        "row_id": "2",
        "entity_id": "e2",
        "schema": "Company",
        "caption": "X, Ltd",
        "lists": "",
        "programs": "",
        "listed_on": None,
        "score": 1.0,
        "explanation": "",
    },
]


def read_back(path: Path) -> list[dict]:
    fmt = output_format(path)
    if fmt == "csv":
        with open(path, newline="", encoding="utf-8") as fh:
            return [dict(r) for r in csv.DictReader(fh)]
    if fmt == "jsonl":
        return [orjson.loads(line) for line in path.read_bytes().splitlines()]
    if fmt == "parquet":
        return pq.read_table(path).to_pylist()
    sheet = openpyxl.load_workbook(path, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet", ".xlsx"])
def test_each_format_round_trips(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"out{suffix}"
    writer = OutputWriter(path, output_format(path), HIT_COLUMNS)
    writer.write(ROWS[:1])
    assert not path.exists()  # only the temporary file exists until close()
    writer.write(ROWS[1:])
    writer.close()
    back = read_back(path)
    assert [r["entity_id"] for r in back] == ["e1", "e2"]
    assert [float(r["score"]) for r in back] == [0.91, 1.0]
    assert back[0]["caption"] == "Анна"
    assert back[1]["caption"] == "X, Ltd"
    assert list(back[0]) == list(HIT_COLUMNS)
    assert not path.with_name(path.name + ".tmp").exists()


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".xlsx", ".jsonl"])
def test_empty_output_is_still_a_valid_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"out{suffix}"
    writer = OutputWriter(path, output_format(path), HIT_COLUMNS)
    writer.close()
    assert read_back(path) == []


def test_abort_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    writer = OutputWriter(path, "csv", HIT_COLUMNS)
    writer.write(ROWS)
    writer.abort()
    assert list(tmp_path.iterdir()) == []


def test_unknown_output_suffix() -> None:
    with pytest.raises(InputError, match="output format"):
        output_format(Path("hits.txt"))


def test_parts_round_trip(tmp_path: Path) -> None:
    part = tmp_path / "chunk.jsonl"
    write_part(part, ROWS)
    assert read_part(part) == ROWS
    write_part(part, [])
    assert read_part(part) == []
