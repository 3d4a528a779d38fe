"""Building FtM JSON-lines files for store tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson


def person(
    eid: str,
    name: str,
    *,
    programs: list[str] | None = None,
    listed_on: str | None = None,
    delisted_on: str | None = None,
    reason: str | None = None,
    lst: str = "mylist",
    **props: list[str],
) -> dict[str, Any]:
    listing: dict[str, Any] = {"list": lst, "programs": programs or ["P1"]}
    if listed_on:
        listing["listed_on"] = listed_on
    if delisted_on:
        listing["delisted_on"] = delisted_on
    if reason:
        listing["delisting_reason"] = reason
    return {
        "id": eid,
        "schema": "Person",
        "properties": {"name": [name], **props},
        "listings": [listing],
    }


def write_ftm(path: Path, entities: list[dict[str, Any]]) -> Path:
    path.write_bytes(b"\n".join(orjson.dumps(e) for e in entities) + b"\n")
    return path


def synthetic(n: int, start: int = 0) -> list[dict[str, Any]]:
    """``n`` distinct, plausible person records."""
    return [
        person(
            f"p{i}",
            f"Person Number {i} Example",
            programs=["SDGT", f"P{i % 7}"],
            listed_on=f"20{10 + i % 14:02d}-0{1 + i % 9}-1{i % 9}",
            birthDate=[f"19{50 + i % 40}-01-01"],
            nationality=["ru", "ir"][i % 2 :],
            alias=[f"Alias {i}", f"Other Alias {i}"],
        )
        for i in range(start, start + n)
    ]
