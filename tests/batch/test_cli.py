"""The screen-file command: flags, formats, messages and exit codes."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import orjson
from typer.testing import CliRunner

from tamis.cli import app


def test_xlsx_in_parquet_out_with_flags(tmp_path: Path, entities_file: Path) -> None:
    import pyarrow.parquet as pq

    path = tmp_path / "clients.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Client", "Nom complet", "Naissance", "Pays", "Genre"])
    sheet.append(["K-1", "Kim Jong Un", "1984-01-08", "kp", "individual"])
    sheet.append(["K-2", "Xiaomi Corp.", None, "cn", "company"])
    sheet.append(["K-3", "", None, None, "individual"])
    sheet.append(["K-4", "Marie Curie", "not a date", "fr", "individual"])
    sheet.append(["K-5", "Marie Curie", None, "fr", "spaceship"])
    book.save(path)
    out = tmp_path / "hits.parquet"
    result = CliRunner().invoke(
        app,
        [
            "screen-file",
            str(path),
            "-o",
            str(out),
            "--entities",
            str(entities_file),
            "--name",
            "Nom complet",
            "--birth-date",
            "Naissance",
            "--country",
            "Pays",
            "--schema",
            "Genre",
            "--id-column",
            "Client",
            "--workers",
            "1",
            "--no-progress",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "5 rows, 2 hits, 3 errors" in result.output
    hits = pq.read_table(out).to_pylist()
    assert [(h["row_id"], h["entity_id"]) for h in hits] == [("K-1", "p-kim"), ("K-2", "c-xiaomi")]
    assert hits[0]["lists"] == "un_sc" and hits[0]["programs"] == "DPRK"
    assert hits[0]["listed_on"] == "2016-06-01"
    assert hits[0]["explanation"]
    errors = (tmp_path / "hits.parquet.errors.csv").read_text().splitlines()
    assert errors[0] == "line,reason,raw"
    assert errors[1].startswith("4,empty name,")
    assert errors[2].startswith("5,unparseable birth date 'not a date',")
    assert errors[3].startswith("6,unknown entity type 'spaceship',")


def test_lists_and_threshold_flags(tmp_path: Path, entities_file: Path, customers: Path) -> None:
    out = tmp_path / "hits.jsonl"
    base = [
        "screen-file",
        str(customers),
        "-o",
        str(out),
        "--entities",
        str(entities_file),
        "--workers",
        "1",
        "--no-progress",
    ]
    result = CliRunner().invoke(app, [*base, "--lists", "un_sc"])
    assert result.exit_code == 0, result.output
    hits = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    assert hits and {h["lists"] for h in hits} == {"un_sc"}
    result = CliRunner().invoke(app, [*base, "--threshold", "0.99"])
    assert result.exit_code == 0, result.output
    strict = [orjson.loads(x) for x in out.read_bytes().splitlines()]
    assert all(h["score"] >= 0.99 for h in strict)


def test_bad_input_exit_codes(
    tmp_path: Path, entities_file: Path, customers: Path, run_main
) -> None:  # noqa: ANN001
    def run(*args: str) -> tuple[int, str]:
        return run_main("screen-file", *args, "--entities", str(entities_file), "--no-progress")

    code, err = run(str(tmp_path / "none.csv"), "-o", str(tmp_path / "h.csv"))
    assert code == 2 and "does not exist" in err
    code, err = run(str(customers), "-o", str(tmp_path / "h.csv"), "--name", "Nom")
    assert code == 2 and "'Nom'" in err
    code, err = run(str(customers), "-o", str(tmp_path / "h.csv"), "--as-of", "yesterday")
    assert code == 2 and "--as-of" in err
    code, err = run(str(customers), "-o", str(tmp_path / "h.txt"))
    assert code == 2 and "output format" in err
    assert not (tmp_path / "h.csv").exists()


def test_eval_cases_against_the_store(
    tmp_path: Path, tamis_home: Path, lists_dir: Path, run_main
) -> None:  # noqa: ANN001
    """The evaluation format, screened against the UN list imported into the default store."""
    from tamis.store import open_store

    open_store().import_source("un", lists_dir / "un" / "consolidated.xml")
    cases = (lists_dir.parent / "eval" / "un_typos.jsonl").read_bytes().splitlines()[:20]
    path = tmp_path / "cases.jsonl"
    path.write_bytes(b"\n".join(cases) + b"\n")
    out = tmp_path / "results.jsonl"
    code, err = run_main(
        "screen-file",
        str(path),
        "-o",
        str(out),
        "--workers",
        "2",
        "--chunk-size",
        "7",
        "--no-progress",
    )
    assert code == 0, err
    results = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    expected = [orjson.loads(case) for case in cases]
    assert [r["id"] for r in results] == [c["id"] for c in expected]
    found = sum(
        any(c["expected_name"].casefold() in (n.casefold() for n in h["names"]) for h in r["hits"])
        for r, c in zip(results, expected, strict=True)
    )
    assert found >= 15
    assert all(h["lists"] == ["un_sc"] for r in results for h in r["hits"])


def test_day_first_flag(tmp_path: Path, entities_file: Path) -> None:
    # Kim Jong Un was born on 8 January 1984: "08/01/1984" written day first
    path = tmp_path / "clients.csv"
    path.write_text("id,name,dob\nK-1,Kim Jong Un,08/01/1984\n")
    scores = {}
    for flags in ([], ["--day-first"]):
        out = tmp_path / f"hits{len(flags)}.jsonl"
        args = ["screen-file", str(path), "-o", str(out), "--entities", str(entities_file)]
        result = CliRunner().invoke(app, [*args, "--workers", "1", "--no-progress", *flags])
        assert result.exit_code == 0, result.output
        hits = [orjson.loads(line) for line in out.read_bytes().splitlines()]
        scores[bool(flags)] = {h["entity_id"]: h["score"] for h in hits}.get("p-kim", 0.0)
    assert scores[True] > scores[False]
