"""US Consolidated Screening List: the 2023 excerpt, the 2019 legacy sample, JSON, broken files."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tamis.errors import EmptySourceError, EncodingError, ParseError
from tamis.model import Entity
from tamis.sources import get_source
from tamis.sources.csl import list_id, parse_csl
from tamis.sources.csl_ids import split_id

DATA = Path(__file__).parents[1] / "data"
EXCERPT = DATA / "lists" / "us_csl" / "consolidated_excerpt.csv"
LEGACY = DATA / "lists" / "us_csl" / "snapshots" / "2019-12-03" / "csl_sample.csv"
JSON = DATA / "fixtures" / "us_csl" / "consolidated.json"


@pytest.fixture(scope="module")
def excerpt() -> list[Entity]:
    return parse_csl(EXCERPT.read_bytes(), EXCERPT.name).entities


@pytest.fixture(scope="module")
def by_id(excerpt: list[Entity]) -> dict[str, Entity]:
    return {e.id: e for e in excerpt}


def test_each_source_is_its_own_list(excerpt: list[Entity]) -> None:
    assert len(excerpt) == 57
    counts = Counter(e.listings[0].list for e in excerpt)
    assert counts["csl_cmic"] == 45
    singles = {
        "csl_sdn",
        "csl_el",
        "csl_meu",
        "csl_uvl",
        "csl_dpl",
        "csl_isn",
        "csl_dtc",
        "csl_fse",
        "csl_ssi",
        "csl_plc",
        "csl_cap",
        "csl_ns_mbs",
    }
    assert {k for k, v in counts.items() if v == 1} == singles
    assert len({e.id for e in excerpt}) == 57


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Entity List (EL) - Bureau of Industry and Security", "csl_el"),
        ("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department", "csl_ns_mbs"),
        ("Military End User (MEU) List - Bureau of Industry and Security", "csl_meu"),
        (
            "Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury "
            "Department",
            "csl_cmic",
        ),
    ],
)
def test_list_ids_from_source_titles(source: str, expected: str) -> None:
    assert list_id(source) == expected


def test_cmic_company_with_isins_and_dates(by_id: dict[str, Entity]) -> None:
    telecom = by_id["csl-cmic-30882"]
    assert telecom.schema == "Organization"
    assert telecom.get("name") == ["China Telecom Corporation Limited"]
    assert telecom.get("alias")[:3] == [
        "CHINA TELECOM",
        "CHINA TELECOM CO., LTD",
        "CHINA TELECOM CORP LTD",
    ]
    assert telecom.get("isin") == [
        "US1694261033",
        "CNE1000002V2",
        "CND100020NC4",
        "CND1000248G3",
        "CND10003ND87",
    ]
    assert telecom.get("registrationNumber") == ["9111000071093019X7"]
    assert telecom.get("country") == ["cn"]
    (listing,) = telecom.listings
    assert listing.programs == ["CMIC-EO13959"]
    assert listing.reference == ["30882"]
    # no start_date in the row: the CMIC listing date is the listing date
    assert listing.listed_on == "2021-06-03"
    assert listing.extra["cmic_effective_date"] == "2021-08-02"
    assert listing.extra["cmic_divestment_date"] == "2022-06-03"
    assert "0728 HK" in listing.extra["equity_ticker"]


def test_only_ftm_properties_are_used(excerpt: list[Entity]) -> None:
    legacy = parse_csl(LEGACY.read_bytes(), LEGACY.name).entities
    used = {prop for entity in [*excerpt, *legacy] for prop in entity.properties}
    assert used <= {
        "name",
        "alias",
        "position",
        "address",
        "country",
        "citizenship",
        "nationality",
        "birthDate",
        "birthPlace",
        "gender",
        "passportNumber",
        "idNumber",
        "taxNumber",
        "registrationNumber",
        "leiCode",
        "swiftBic",
        "isin",
        "imoNumber",
        "mmsi",
        "website",
        "email",
        "callSign",
        "type",
        "tonnage",
        "flag",
        "notes",
    }


def test_bis_entry_with_federal_register_notice(by_id: dict[str, Entity]) -> None:
    meu = by_id["csl-meu-dcc742038bcb47f1bf9e805ef279484d"]
    assert meu.schema == "LegalEntity"  # no type given
    assert meu.get("address") == ["Tian Wang te Zi #1, Baqiao District, Xian, China, CN"]
    assert meu.listings[0].listed_on == "2020-12-23"
    assert meu.listings[0].extra["federal_register_notice"] == "85 FR 83799"


def test_ssi_bank_identifiers(by_id: dict[str, Entity]) -> None:
    vtb = by_id["csl-ssi-17013"]
    assert vtb.get("leiCode") == ["253400V1H6ART1UQ0N98"]
    assert vtb.get("swiftBic") == ["VTBRRUMM"]
    assert vtb.get("taxNumber") == ["7702070139"]
    assert vtb.listings[0].programs == ["UKRAINE-EO13662", "RUSSIA-EO14024"]
    assert len(vtb.get("address")) == 9


def test_individual_with_passport_and_gender(excerpt: list[Entity]) -> None:
    person = next(e for e in excerpt if "U00242309" in e.get("passportNumber"))
    assert person.schema == "Person"
    assert person.get("gender") == ["male"]
    assert person.get("citizenship") == ["tr"]
    assert "Passport: U00242309 (TR)" in person.get("notes")


def test_legacy_header_with_reversed_id_triples() -> None:
    parsed = parse_csl(LEGACY.read_bytes(), LEGACY.name)
    assert len(parsed.entities) == 115
    counts = Counter(e.listings[0].list for e in parsed.entities)
    assert counts["csl_sdn"] == 28 and counts["csl_ssi"] == 26 and counts["csl_el"] == 22
    by_id = {e.id: e for e in parsed.entities}
    psa = by_id["csl-sdn-20264"]  # ids "US, 80-0890696, Tax ID No."
    assert psa.get("taxNumber") == ["80-0890696"]
    ship = by_id["csl-sdn-23156"]
    assert ship.schema == "Vessel"
    assert ship.get("imoNumber") == ["8898831"]
    assert ship.get("flag") == ["kp"]
    dpl = next(e for e in parsed.entities if e.first("name") == "ADRIAN MANUEL HERNANDEZ")
    assert dpl.listings[0].listed_on == "2017-10-16"
    assert dpl.listings[0].delisted_on == "2020-10-13"
    assert not dpl.in_force("2021-01-01")


@pytest.mark.parametrize(
    ("value", "legacy", "expected"),
    [
        ("ISIN, US1694261033", False, ("ISIN", "US1694261033", None)),
        ("Passport, U00242309, TR", False, ("Passport", "U00242309", "TR")),
        ("US, 80-0890696, Tax ID No.", True, ("Tax ID No.", "80-0890696", "US")),
        ("5030056754, Tax ID No.", True, ("Tax ID No.", "5030056754", None)),
    ],
)
def test_id_triples(value: str, legacy: bool, expected: tuple) -> None:
    item = split_id(value, legacy)
    assert (item["type"], item["number"], item["country"]) == expected


def test_json_variant_gives_the_same_entities_as_the_csv(excerpt: list[Entity]) -> None:
    parsed = parse_csl(JSON.read_bytes(), JSON.name)
    assert len(parsed.entities) == 15
    from_csv = [e.to_dict() for e in excerpt[:15]]
    assert [e.to_dict() for e in parsed.entities] == from_csv


def test_registered_source_finds_csv_then_json(tmp_path: Path) -> None:
    source = get_source("us_csl")
    (tmp_path / "consolidated.json").write_bytes(JSON.read_bytes())
    assert source.find_files(tmp_path) == {"consolidated.csv": tmp_path / "consolidated.json"}
    (tmp_path / "consolidated.csv").write_bytes(EXCERPT.read_bytes())
    files = source.find_files(tmp_path)
    assert files == {"consolidated.csv": tmp_path / "consolidated.csv"}
    parsed = source.parse(files)
    assert parsed.published == "2021-06-03"
    assert any("no publication date" in w for w in parsed.warnings)


def test_wrong_header_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="header lacks"):
        parse_csl(b"name,country\nACME,CN\n")


def test_empty_files_are_refused() -> None:
    with pytest.raises(EmptySourceError):
        parse_csl(b"")
    header = EXCERPT.read_bytes().split(b"\n", 1)[0] + b"\n"
    with pytest.raises(EmptySourceError):
        parse_csl(header)
    with pytest.raises(EmptySourceError):
        parse_csl(b'{"results": []}')


def test_non_utf8_is_an_encoding_error() -> None:
    data = EXCERPT.read_bytes().replace("§".encode(), b"\xa7")
    with pytest.raises(EncodingError):
        parse_csl(data)


def test_truncated_json_and_bad_shapes_are_parse_errors() -> None:
    data = JSON.read_bytes()
    with pytest.raises(ParseError):
        parse_csl(data[: len(data) // 2])
    with pytest.raises(ParseError, match="results"):
        parse_csl(b'{"items": []}')


def test_truncated_csv_row_is_a_parse_error() -> None:
    data = EXCERPT.read_bytes()
    with pytest.raises(ParseError):
        parse_csl(data[: len(data) // 2])
