"""The batch runner end to end, with the real Screener over a small list."""

from __future__ import annotations

import csv
from pathlib import Path

import orjson
import pyarrow.parquet as pq
import pytest

from tamis.batch.readers import InputFile
from tamis.batch.rows import HIT_COLUMNS
from tamis.batch.runner import screen_file
from tamis.batch.worker import ScreenSettings
from tamis.errors import InputError
from tamis.matching import build_query


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def one_by_one(screener, path: Path, **options) -> list[tuple[str, str, float]]:  # noqa: ANN001
    """The single-query path: every good row screened on its own."""
    from tamis.batch.mapping import ColumnMap, row_to_query
    from tamis.errors import InputError

    source = InputFile(path)
    columns = ColumnMap.resolve(source.headers)
    expected = []
    for record in source.records():
        if record.error:
            continue
        try:
            query = row_to_query(record.row, columns, build_query)
        except InputError:
            continue
        for hit in screener.screen(query, **options):
            expected.append((record.row["customer_id"], hit.entity.id, round(hit.score, 4)))
    return expected


def test_hits_errors_and_summary(tmp_path: Path, screener, customers: Path) -> None:  # noqa: ANN001
    out = tmp_path / "hits.csv"
    summary = screen_file(customers, out, screener, chunk_size=37, workers=2)
    hits = read_csv(out)
    assert list(hits[0]) == list(HIT_COLUMNS)
    got = [(h["row_id"], h["entity_id"], float(h["score"])) for h in hits]
    assert got == one_by_one(screener, customers)
    assert {h["entity_id"] for h in hits} >= {"p-putin", "p-kim", "c-xiaomi"}
    # planted positives are found; negatives are not hit
    by_row = {h["row_id"] for h in hits}
    rows = {r["customer_id"]: r for r in read_csv(customers)}
    assert all(rows[r]["full_name"] not in ("John Smith", "Anna Schmidt") for r in by_row)
    errors = read_csv(out.with_name("hits.csv.errors.csv"))
    reasons = {e["reason"] for e in errors}
    assert "empty name" in reasons
    assert "unparseable birth date '31/31/1999'" in reasons
    for error in errors:  # the line number points at the raw row in the input
        line = int(error["line"])
        assert customers.read_text().splitlines()[line - 1] == error["raw"]
    assert summary.rows == 300
    assert summary.errors == len(errors)
    assert summary.hits == len(hits)
    saved = orjson.loads(out.with_name("hits.csv.summary.json").read_bytes())
    assert saved["rows"] == 300 and saved["hits"] == len(hits)
    # nothing of the run is left behind but the three files
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["customers.csv", "hits.csv", "hits.csv.errors.csv", "hits.csv.summary.json"]
    )


def test_output_formats_hold_the_same_hits(tmp_path: Path, screener, customers: Path) -> None:  # noqa: ANN001
    base = read_csv(_run(tmp_path, screener, customers, "a.csv"))
    jsonl = [
        orjson.loads(x)
        for x in _run(tmp_path, screener, customers, "a.jsonl").read_bytes().splitlines()
    ]
    parquet = pq.read_table(_run(tmp_path, screener, customers, "a.parquet")).to_pylist()
    import openpyxl

    sheet = openpyxl.load_workbook(_run(tmp_path, screener, customers, "a.xlsx")).active
    xlsx = list(sheet.iter_rows(values_only=True))[1:]
    key = [(h["row_id"], h["entity_id"], float(h["score"])) for h in base]
    assert [(h["row_id"], h["entity_id"], h["score"]) for h in jsonl] == key
    assert [(h["row_id"], h["entity_id"], h["score"]) for h in parquet] == key
    assert [(r[0], r[1], r[7]) for r in xlsx] == key


def _run(tmp_path: Path, screener, customers: Path, name: str) -> Path:  # noqa: ANN001
    out = tmp_path / name
    screen_file(customers, out, screener, chunk_size=100, workers=1)
    return out


def test_one_and_two_workers_agree(tmp_path: Path, screener, customers: Path) -> None:  # noqa: ANN001
    one = _run(tmp_path, screener, customers, "one.jsonl").read_bytes()
    out = tmp_path / "two.jsonl"
    screen_file(customers, out, screener, chunk_size=23, workers=2)
    assert out.read_bytes() == one


def test_settings_reach_the_screener(tmp_path: Path, screener, customers: Path) -> None:  # noqa: ANN001
    out = tmp_path / "hits.csv"
    settings = ScreenSettings(lists=("dod_1237",))
    screen_file(customers, out, screener, settings=settings, workers=1)
    assert {h["entity_id"] for h in read_csv(out)} == {"c-xiaomi"}
    # the delisted entity is found on a date when it was listed, not today
    path = tmp_path / "one.csv"
    path.write_text("customer_id,full_name\n1,Ivan Petrov\n")
    screen_file(path, out, screener, workers=1)
    assert read_csv(out) == []
    screen_file(path, out, screener, settings=ScreenSettings(as_of="2015-06-01"), workers=1)
    assert [h["entity_id"] for h in read_csv(out)] == ["p-delisted"]


def test_birth_dates_are_read_as_the_file_writes_them(tmp_path: Path, screener) -> None:  # noqa: ANN001
    # 7 October 1952 is Putin's birth date: read as 10 July it would contradict it
    path = tmp_path / "in.csv"
    path.write_text("id,name,dob\nA1,Vladimir Putin,07.10.1952\nA2,Vladimir Putin,07/10/1952\n")
    out = tmp_path / "hits.jsonl"
    screen_file(path, out, screener, workers=1, day_first=True, restart=True)
    scores = {h["row_id"]: h["score"] for h in map(orjson.loads, out.read_bytes().splitlines())}
    assert scores["A1"] == scores["A2"]
    screen_file(path, out, screener, workers=1, restart=True)  # slashes month first
    month_first = {
        h["row_id"]: h["score"] for h in map(orjson.loads, out.read_bytes().splitlines())
    }
    assert month_first.get("A2", 0.0) < month_first["A1"] == scores["A1"]


def test_first_and_last_name_columns_and_explicit_mapping(tmp_path: Path, screener) -> None:  # noqa: ANN001
    path = tmp_path / "in.tsv"
    path.write_text(
        "ref\tgiven\tfamily\tborn\nA1\tVladimir\tPutin\t1952-10-07\nA2\tJohn\tSmith\t\n"
    )
    out = tmp_path / "hits.jsonl"
    screen_file(
        path,
        out,
        screener,
        workers=1,
        columns={
            "first_name": "given",
            "last_name": "family",
            "birth_date": "born",
            "row_id": "ref",
        },
    )
    hits = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    assert [(h["row_id"], h["entity_id"]) for h in hits] == [("A1", "p-putin")]
    with pytest.raises(InputError, match="'nope'"):
        screen_file(path, out, screener, workers=1, columns={"name": "nope"})


def test_eval_format(tmp_path: Path, screener) -> None:  # noqa: ANN001
    path = tmp_path / "cases.jsonl"
    cases = [
        {
            "id": "c1",
            "query": {
                "schema": "Person",
                "properties": {"name": ["SALEK, ABDULHAI"], "birthDate": ["1965"]},
            },
        },
        {"id": "c2", "query": {"schema": "Person", "properties": {"name": ["John Smith"]}}},
        {"id": "c3", "query": {"schema": "Nonsense", "properties": {"name": ["X"]}}},
    ]
    path.write_bytes(b"".join(orjson.dumps(c) + b"\n" for c in cases))
    out = tmp_path / "results.jsonl"
    summary = screen_file(path, out, screener, workers=1)
    lines = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    assert [line["id"] for line in lines] == ["c1", "c2"]
    assert lines[0]["hits"][0]["id"] == "p-salek"
    assert set(lines[0]["hits"][0]) == {
        "id",
        "schema",
        "caption",
        "names",
        "lists",
        "programs",
        "score",
    }
    assert lines[1]["hits"] == []
    assert summary.errors == 1
    with pytest.raises(InputError, match="JSON lines"):
        screen_file(path, tmp_path / "results.csv", screener, workers=1)


def test_bad_options(tmp_path: Path, screener, customers: Path) -> None:  # noqa: ANN001
    with pytest.raises(InputError, match="output format"):
        screen_file(customers, tmp_path / "hits.txt", screener)
    with pytest.raises(InputError, match="chunk"):
        screen_file(customers, tmp_path / "hits.csv", screener, chunk_size=0)
    with pytest.raises(InputError, match="eval"):
        screen_file(customers, tmp_path / "hits.jsonl", screener, output_kind="eval")


def test_bad_settings_are_refused_before_screening() -> None:
    with pytest.raises(InputError, match="unknown algorithm"):
        ScreenSettings(algorithm="nope")
    with pytest.raises(InputError, match="between 0 and 1"):
        ScreenSettings(threshold=1.5)
    with pytest.raises(InputError, match="limit"):
        ScreenSettings(limit=0)


def test_replaced_workers_give_the_same_output(
    tmp_path: Path,
    screener,
    customers: Path,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    import tamis.batch.runner as runner

    one = _run(tmp_path, screener, customers, "one.jsonl").read_bytes()
    monkeypatch.setattr(runner, "WORKER_ROWS", 40)  # a fresh worker every second chunk
    out = tmp_path / "recycled.jsonl"
    summary = screen_file(customers, out, screener, chunk_size=20, workers=2)
    assert summary.chunks == 15
    assert out.read_bytes() == one
