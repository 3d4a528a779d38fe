"""Streaming readers: every input format gives the same records; bad rows are flagged."""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

import openpyxl
import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tamis.batch.readers import InputFile, detect_format
from tamis.errors import InputError

HEADERS = ["id", "full_name", "dob", "country"]
ROWS = [
    ["1", "Vladimir Putin", "1952-10-07", "ru"],
    ["2", "Анна Петрова", "", "ru"],
    ["3", "Xiaomi Corporation", "", "cn"],
]


def write_all_formats(tmp_path: Path) -> dict[str, Path]:
    paths = {}
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        path = tmp_path / f"in.{fmt}"
        with open(path, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh, delimiter=delimiter)
            writer.writerow(HEADERS)
            writer.writerows(ROWS)
        paths[fmt] = path
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        b"".join(orjson.dumps(dict(zip(HEADERS, r, strict=True))) + b"\n" for r in ROWS)
    )
    paths["jsonl"] = path
    path = tmp_path / "in.parquet"
    pq.write_table(
        pa.Table.from_pylist([dict(zip(HEADERS, r, strict=True)) for r in ROWS]),
        path,
        row_group_size=2,
    )
    paths["parquet"] = path
    path = tmp_path / "in.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append(row)
    book.save(path)
    paths["xlsx"] = path
    return paths


def test_every_format_reads_the_same_rows(tmp_path: Path) -> None:
    for fmt, path in write_all_formats(tmp_path).items():
        source = InputFile(path)
        assert source.format == fmt
        assert source.headers == HEADERS
        records = list(source.records())
        assert [r.error for r in records] == [None] * 3, fmt
        got = [[r.row[h] or "" for h in HEADERS] for r in records]
        assert got == ROWS, fmt
        assert source.kind == "table"


def test_line_numbers(tmp_path: Path) -> None:
    paths = write_all_formats(tmp_path)
    assert [r.line for r in InputFile(paths["csv"]).records()] == [2, 3, 4]
    assert [r.line for r in InputFile(paths["jsonl"]).records()] == [1, 2, 3]
    assert [r.line for r in InputFile(paths["xlsx"]).records()] == [2, 3, 4]
    assert [r.line for r in InputFile(paths["parquet"]).records()] == [1, 2, 3]


def test_csv_wrong_column_count_and_multiline_field(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text('id,name\n1,Alice\n2,Bob,extra\n3,"Multi\nLine"\n\n4,Dan\n')
    records = list(InputFile(path).records())
    assert [(r.line, r.error is None) for r in records] == [
        (2, True),
        (3, False),
        (4, True),
        (7, True),
    ]
    assert records[1].error == "wrong column count: expected 2, found 3"
    assert records[1].raw == "2,Bob,extra"
    assert records[2].row["name"] == "Multi\nLine"


def test_csv_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes("\ufeffname,country\r\nJosé,es\r\n".encode())
    source = InputFile(path)
    assert source.headers == ["name", "country"]
    assert [r.row for r in source.records()] == [{"name": "José", "country": "es"}]


def test_invalid_utf8_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"name\nok\n\xff\xfe broken\n")
    with pytest.raises(InputError, match="not valid UTF-8"):
        list(InputFile(path).records())


def test_jsonl_bad_lines_become_error_records(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"name": "A"}\n{broken\n[1, 2]\n\n{"name": "B"}\n')
    records = list(InputFile(path).records())
    assert [(r.line, bool(r.error)) for r in records] == [
        (1, False),
        (2, True),
        (3, True),
        (5, False),
    ]
    assert records[1].error.startswith("invalid JSON")
    assert records[2].error == "a line must hold a JSON object"


def test_eval_format_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text('{"id": "x", "query": {"schema": "Person", "properties": {"name": ["A"]}}}\n')
    assert InputFile(path).kind == "eval"


def test_xlsx_cells_and_extra_columns(tmp_path: Path) -> None:
    path = tmp_path / "in.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["name", "dob"])
    sheet.append(["Alice", datetime.date(1980, 5, 1)])
    sheet.append(["Bob", None, "surplus"])
    book.save(path)
    records = list(InputFile(path).records())
    assert records[0].row == {"name": "Alice", "dob": datetime.datetime(1980, 5, 1)}
    assert records[1].error == "wrong column count: expected 2, found 3"


def test_format_detection_and_override(tmp_path: Path) -> None:
    assert detect_format(Path("a.CSV")) == "csv"
    assert detect_format(Path("a.csv.gz")) == "csv"
    assert detect_format(Path("a.ndjson")) == "jsonl"
    assert detect_format(Path("a.txt"), "tsv") == "tsv"
    with pytest.raises(InputError, match="--input-format"):
        detect_format(Path("a.txt"))
    with pytest.raises(InputError, match="unknown input format"):
        detect_format(Path("a.csv"), "xml")
    path = tmp_path / "in.txt"
    path.write_text("name\tcountry\nAlice\tfr\n")
    assert [r.row for r in InputFile(path, "tsv").records()] == [{"name": "Alice", "country": "fr"}]


def test_missing_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        InputFile(tmp_path / "nope.csv")
    broken = tmp_path / "b.parquet"
    broken.write_bytes(b"not parquet")
    with pytest.raises(InputError, match="Parquet"):
        InputFile(broken)
    broken = tmp_path / "b.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="xlsx"):
        InputFile(broken)
    empty = tmp_path / "e.csv"
    empty.write_text("")
    with pytest.raises(InputError, match="no header"):
        InputFile(empty)


def test_row_estimate(tmp_path: Path) -> None:
    paths = write_all_formats(tmp_path)
    assert InputFile(paths["csv"]).estimate_rows() == 3
    assert InputFile(paths["jsonl"]).estimate_rows() == 3
    assert InputFile(paths["parquet"]).estimate_rows() == 3
