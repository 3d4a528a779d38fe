"""Parse time of the non-OFAC list parsers on the real files kept for the tests.

Each file is parsed ``repeat`` times (1 with ``--quick``, else 5); the table gives
the fastest run, the entities produced and the peak Python memory of one parse.
Run with ``.venv/bin/python -m bench.run_all parsers``.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from tamis.sources.base import ParsedList
from tamis.sources.canada import parse_canada
from tamis.sources.common import read_bytes
from tamis.sources.csl import parse_csl
from tamis.sources.dod import DoDSource
from tamis.sources.eu import parse_eu
from tamis.sources.uk import parse_uk
from tamis.sources.un import parse_un

ROOT = Path(__file__).resolve().parent.parent
LISTS = ROOT / "tests" / "data" / "lists"
FIXTURES = ROOT / "tests" / "data" / "fixtures"


def _cases() -> list[tuple[str, str, Callable[[], ParsedList]]]:
    un = [LISTS / "un" / "consolidated.xml"] + sorted((LISTS / "un" / "snapshots").glob("*/*.gz"))
    cases: list[tuple[str, str, Callable[[], ParsedList]]] = [
        ("un", str(p.relative_to(LISTS)), lambda p=p: parse_un(read_bytes(p), p.name)) for p in un
    ]
    uk = LISTS / "uk" / "snapshots" / "2018-04-13" / "sanctionsconlist.csv.gz"
    cases.append(("uk", str(uk.relative_to(LISTS)), lambda: parse_uk(read_bytes(uk), uk.name)))
    ca = LISTS / "canada_sema" / "sema-lmes.xml"
    cases.append(("canada", str(ca.relative_to(LISTS)), lambda: parse_canada(ca.read_bytes())))
    for eu in (
        LISTS / "eu" / "excerpt_2016-02-11_legacy-v1.0.xml",
        FIXTURES / "eu" / "eu_fsf_v1.1.xml",
    ):
        cases.append(
            (
                "eu",
                str(eu.relative_to(ROOT / "tests" / "data")),
                lambda eu=eu: parse_eu(eu.read_bytes(), eu.name),
            )
        )
    for csl in (
        LISTS / "us_csl" / "consolidated_excerpt.csv",
        LISTS / "us_csl" / "snapshots" / "2019-12-03" / "csl_sample.csv",
        FIXTURES / "us_csl" / "consolidated.json",
    ):
        cases.append(
            (
                "us_csl",
                str(csl.relative_to(ROOT / "tests" / "data")),
                lambda csl=csl: parse_csl(csl.read_bytes(), csl.name),
            )
        )
    dod = DoDSource()
    files = dod.find_files(LISTS / "dod_ccmc")
    cases.append(("dod", "dod_ccmc/ (2 lists, events, structure)", lambda: dod.parse(files)))
    return cases


def _size(label: str) -> int:
    path = LISTS / label if (LISTS / label).exists() else ROOT / "tests" / "data" / label
    if path.is_file():
        return len(read_bytes(path))
    return sum(len(read_bytes(p)) for p in (LISTS / "dod_ccmc").glob("*.csv"))


def run(quick: bool) -> str:
    repeat = 1 if quick else 5
    rows = []
    total = 0.0
    for source, label, parse in _cases():
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            parsed = parse()
            best = min(best, time.perf_counter() - started)
        tracemalloc.start()
        parse()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        total += best
        rows.append(
            f"| {source} | `{label}` | {_size(label) / 1e6:.2f} | {len(parsed.entities):,} "
            f"| {best * 1000:.0f} | {peak / 1e6:.0f} |"
        )
    lines = [
        "## List parsers (UN, UK, Canada, EU, US CSL, DoD)",
        "",
        "Parse time of each real file kept in `tests/data/lists/` (and the hand-built EU v1.1",
        f"and CSL JSON fixtures): fastest of {repeat} run(s), one process, no store.",
        "",
        "| source | file | MB (unzipped) | entities | parse ms | peak MB (Python) |",
        "|---|---|---:|---:|---:|---:|",
        *rows,
        "",
        f"All files together: {total:.2f} s.",
        "",
        "Reproduce: `.venv/bin/python -m bench.run_all parsers`",
    ]
    return "\n".join(lines)
