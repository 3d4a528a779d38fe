"""A small list of entities built in the test, and customer files screened against it."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import orjson
import pytest

from tamis.model import Entity, Listing

LISTED = [
    (
        "p-putin",
        "Person",
        ["Vladimir Vladimirovich PUTIN", "Владимир Владимирович Путин"],
        "1952-10-07",
        "ru",
        "ofac_sdn",
        ["RUSSIA-EO14024"],
        "2022-02-25",
    ),
    (
        "p-kim",
        "Person",
        ["KIM Jong Un", "김정은"],
        "1984-01-08",
        "kp",
        "un_sc",
        ["DPRK"],
        "2016-06-01",
    ),
    ("p-salek", "Person", ["ABDULHAI SALEK"], "1965", "af", "un_sc", ["TAL"], "2001-01-25"),
    (
        "p-assad",
        "Person",
        ["Bashar al-ASSAD", "بشار الأسد"],
        "1965-09-11",
        "sy",
        "ofac_sdn",
        ["SYRIA"],
        "2011-05-18",
    ),
    (
        "c-xiaomi",
        "Company",
        ["Xiaomi Corporation", "小米集团"],
        None,
        "cn",
        "dod_1237",
        ["CCMC"],
        "2021-01-14",
    ),
    (
        "c-rosneft",
        "Company",
        ["Rosneft Oil Company", "Роснефть"],
        None,
        "ru",
        "ofac_sdn",
        ["UKRAINE-EO13662"],
        "2014-09-12",
    ),
    (
        "p-delisted",
        "Person",
        ["Ivan Delistovich PETROV"],
        "1970-01-01",
        "ru",
        "ofac_sdn",
        ["UKRAINE-EO13660"],
        "2014-03-20",
    ),
]
POSITIVES = [
    "Vladimir Putin",
    "Wladimir Putin",
    "PUTIN, Vladimir",
    "Kim Jong-Un",
    "Salek Abdulhai",
    "Bashar al Assad",
    "Xiaomi Corp",
    "Rosneft Oil Co",
    "Ivan Petrov",
]
NEGATIVES = [
    "John Smith",
    "Maria Garcia Lopez",
    "Anna Schmidt",
    "Kenji Tanaka",
    "Global Nordic Trading Ltd",
    "Chinedu Okafor",
    "Priya Sharma",
    "Élodie Martin",
]


def listed_entities() -> list[Entity]:
    entities = []
    for eid, schema, names, dob, country, lst, programs, listed_on in LISTED:
        entity = Entity(id=eid, schema=schema)
        entity.add("name", names[0])
        entity.add("alias", names[1:])
        entity.add("birthDate", dob)
        entity.add("nationality" if schema == "Person" else "country", country)
        delisted = "2020-01-01" if eid == "p-delisted" else None
        entity.listings = [
            Listing(
                list=lst,
                programs=programs,
                listed_on=listed_on if not delisted else "2014-03-20",
                delisted_on=delisted,
            )
        ]
        entities.append(entity)
    return entities


@pytest.fixture(scope="session")
def entities() -> list[Entity]:
    return listed_entities()


@pytest.fixture(scope="session")
def screener(entities: list[Entity]):  # noqa: ANN201 - the real Screener
    from tamis.matching import Screener

    return Screener(entities)


@pytest.fixture
def entities_file(tmp_path: Path, entities: list[Entity]) -> Path:
    path = tmp_path / "entities.jsonl"
    path.write_bytes(b"".join(orjson.dumps(e.to_dict()) + b"\n" for e in entities))
    return path


def write_customers(path: Path, rows: int, seed: int = 3, bad: bool = True) -> None:
    """A CSV of customers: mostly negatives, one row in ten a listed name, a few bad rows."""
    rng = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["customer_id", "full_name", "dob", "country"])
        for number in range(rows):
            name = rng.choice(POSITIVES if number % 10 == 0 else NEGATIVES)
            dob = rng.choice(["", "1952-10-07", "07/10/1952", "1980"])
            if bad and number % 97 == 50:
                name = ""
            if bad and number % 89 == 40:
                dob = "31/31/1999"
            out.writerow([f"C{number:06d}", name, dob, rng.choice(["ru", "us", ""])])


@pytest.fixture
def customers(tmp_path: Path) -> Path:
    path = tmp_path / "customers.csv"
    write_customers(path, 300)
    return path


@pytest.fixture
def make_customers():  # noqa: ANN201
    """``make_customers(path, rows, seed=3, bad=True)`` writes a customer CSV."""
    return write_customers


@pytest.fixture
def run_main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # noqa: ANN201
    """Run the real ``tamis`` entry point in-process; return (exit code, flattened stderr)."""
    from tamis.cli import main

    def run(*args: str) -> tuple[int, str]:
        monkeypatch.setattr("sys.argv", ["tamis", *args])
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        return code, " ".join(capsys.readouterr().err.split())

    return run
