"""Writing entities out: FollowTheMoney JSON lines (re-importable with the ``ftm``
source) and a flat CSV for spreadsheets."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

import orjson

from tamis.model import Entity

#: CSV columns; multi-valued cells are joined with "; "
CSV_COLUMNS = (
    "id",
    "schema",
    "name",
    "aliases",
    "lists",
    "programs",
    "listed_on",
    "delisted_on",
    "birth_date",
    "nationality",
    "country",
    "identifiers",
)

_IDENTIFIERS = (
    "passportNumber",
    "idNumber",
    "registrationNumber",
    "taxNumber",
    "innCode",
    "leiCode",
    "isin",
    "imoNumber",
    "mmsi",
    "swiftBic",
)


def write_ftm(entities: Iterable[Entity], out: TextIO) -> int:
    count = 0
    for entity in entities:
        out.write(orjson.dumps(entity.to_dict()).decode())
        out.write("\n")
        count += 1
    return count


def _join(values: Iterable[str | None]) -> str:
    return "; ".join(dict.fromkeys(v for v in values if v))


def write_csv(entities: Iterable[Entity], out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for e in entities:
        writer.writerow(
            [
                e.id,
                e.schema,
                e.caption,
                _join(n for n in e.names if n != e.caption),
                _join(e.lists),
                _join(e.programs),
                _join(ls.listed_on for ls in e.listings),
                _join(ls.delisted_on for ls in e.listings),
                _join(e.get("birthDate")),
                _join(e.get("nationality")),
                _join(e.get("country")),
                _join(f"{p}:{v}" for p in _IDENTIFIERS for v in e.get(p)),
            ]
        )
        count += 1
    return count
