"""HM Treasury / OFSI consolidated list: the real 2018 file, the newer layout, broken files."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tamis.errors import EmptySourceError, EncodingError, ParseError
from tamis.model import Entity
from tamis.sources import get_source
from tamis.sources.common import read_bytes
from tamis.sources.uk import document_numbers, parse_dmy, parse_uk

DATA = Path(__file__).parents[1] / "data"
SNAPSHOT = DATA / "lists" / "uk" / "snapshots" / "2018-04-13"
REAL = SNAPSHOT / "sanctionsconlist.csv.gz"
NEWER = DATA / "fixtures" / "uk" / "ConList_2022format.csv"


@pytest.fixture(scope="module")
def entities() -> dict[str, Entity]:
    parsed = parse_uk(read_bytes(REAL), REAL.name)
    assert parsed.published == "2018-04-13"
    return {entity.id: entity for entity in parsed.entities}


def test_one_entity_per_group(entities: dict[str, Entity]) -> None:
    assert len(entities) == 2106
    schemas = [e.schema for e in entities.values()]
    assert schemas.count("Person") == 1426
    # the 680 "Entity" groups: organisations, and the vessels the list files as entities
    assert schemas.count("Organization") + schemas.count("Vessel") == 680
    assert schemas.count("Vessel") == 26


def test_group_with_several_rows_and_partial_dates(entities: dict[str, Entity]) -> None:
    person = entities["uk-13349"]
    assert person.schema == "Person"
    assert person.get("name") == ["Nayef Salam Muhammad Ujaym AL-HABABI"]
    assert person.get("firstName") == ["Nayef"]
    assert person.get("lastName") == ["AL-HABABI"]
    assert "Sheikh Farooq AL-QAHTANI" in person.get("alias")
    assert len(person.get("alias")) == 7
    assert person.get("birthDate") == ["1980", "1981"]  # "00/00/1980", "00/00/1981"
    assert person.get("nationality") == ["sa", "qa"]  # "1) Saudi Arabia 2) Qatar"
    assert person.get("birthCountry") == ["sa"]
    assert person.get("country") == ["af"]  # "Afghanistan (since 2009)"
    assert person.get("passportNumber") == ["592667"]
    (listing,) = person.listings
    assert listing.list == "uk_ofsi"
    assert listing.programs == ["The ISIL (Da'esh) and Al-Qaida organisations"]
    assert listing.listed_on == "2016-04-01"
    assert listing.reference == ["13349"]
    assert listing.remarks.startswith("UN Ref QDe.004.")


def test_name_parts_in_natural_order_and_day_first_dates(entities: dict[str, Entity]) -> None:
    kim = entities["uk-13562"]
    assert kim.get("name") == ["Kim Kyong IL"]  # Name 1 "Kim Kyong " + Name 6 " IL"
    assert kim.get("birthDate") == ["1979-08-01"]  # 01/08/1979 is 1 August
    assert kim.listings[0].listed_on == "2017-12-22"
    assert kim.listings[0].extra["last_updated"] == "2018-01-09"


def test_vessel_filed_as_entity(entities: dict[str, Entity]) -> None:
    ship = entities["uk-13556"]
    assert ship.schema == "Vessel"
    assert ship.get("name") == ["TONG SAN 2"]
    assert ship.get("imoNumber") == ["8937675"]
    assert ship.get("mmsi") == ["445539000"]


def test_enumerated_titles_are_split(entities: dict[str, Entity]) -> None:
    # 21 rows carry the title "a) General b)Major General"
    both = [e for e in entities.values() if {"General", "Major General"} <= set(e.get("title"))]
    assert both
    assert not any(t.startswith("a)") for e in entities.values() for t in e.get("title"))


def test_only_ftm_properties_are_used(entities: dict[str, Entity]) -> None:
    used = {prop for entity in entities.values() for prop in entity.properties}
    assert used <= {
        "name",
        "alias",
        "weakAlias",
        "previousName",
        "firstName",
        "middleName",
        "lastName",
        "title",
        "position",
        "birthDate",
        "birthPlace",
        "birthCountry",
        "nationality",
        "country",
        "address",
        "passportNumber",
        "idNumber",
        "imoNumber",
        "mmsi",
        "notes",
    }


def test_cp1252_text_is_decoded(entities: dict[str, Entity]) -> None:
    names = [n for e in entities.values() for n in e.names]
    assert any("’" in n or "é" in n for n in names)


def test_newer_layout_by_header_names() -> None:
    parsed = parse_uk(NEWER.read_bytes(), NEWER.name)
    assert parsed.published == "2022-05-13"
    by_id = {e.id: e for e in parsed.entities}
    assert sorted(by_id) == ["uk-13188", "uk-13349", "uk-13556", "uk-13562"]
    kim = by_id["uk-13562"]
    assert kim.get("name") == ["Kim Kyong IL"]
    assert kim.get("alias") == ["김경일", "Kim KYO'NG-IL", "Kyong Il KIM"]
    assert kim.get("weakAlias") == ["Il KIM"]  # Alias Quality "Low quality"
    assert kim.get("passportNumber") == ["836210029"]
    assert kim.get("nationality") == ["kp"]
    assert kim.listings[0].extra["uk_sanctions_list_designated"] == "2020-12-31"
    assert by_id["uk-13556"].schema == "Vessel"
    assert by_id["uk-13188"].schema == "Organization"
    assert by_id["uk-13188"].get("alias") == ["ANSAR AL CHARIA IN LIBYA"]
    assert by_id["uk-13349"].get("alias") == ["نايف سلام محمد عجيم الحبابي"]


def test_registered_source_accepts_both_file_names(tmp_path: Path) -> None:
    source = get_source("uk")
    assert source.find_files(SNAPSHOT) == {"ConList.csv": REAL}
    (tmp_path / "ConList.csv").write_bytes(NEWER.read_bytes())
    parsed = source.parse(source.find_files(tmp_path))
    assert len(parsed.entities) == 4


def test_document_numbers_picked_from_free_text() -> None:
    text = "ID 1-69-09-51400-64; SSN 156-92-9858; passport OA 454044 (issued 3 May 2007)"
    assert document_numbers(text) == ["1-69-09-51400-64", "156-92-9858", "OA 454044"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("13/04/2018", "2018-04-13"),
        ("01/04/2016", "2016-04-01"),
        ("00/00/1965", "1965"),
        ("00/05/1965", "1965-05"),
        ("31/02/1970", "1970-02"),
        ("", None),
        ("1965", None),
    ],
)
def test_day_first_dates(value: str, expected: str | None) -> None:
    assert parse_dmy(value) == expected


def test_wrong_header_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="Group ID"):
        parse_uk(b"Last Updated,01/01/2020\nname,dob,country\nX,1970,FR\n")


def test_empty_files_are_refused() -> None:
    with pytest.raises(EmptySourceError):
        parse_uk(b"")
    header = gzip.decompress(REAL.read_bytes()).split(b"\n")[:2]
    with pytest.raises(EmptySourceError):
        parse_uk(b"\n".join(header) + b"\n")


def test_truncated_file_is_a_parse_error() -> None:
    data = gzip.decompress(REAL.read_bytes())
    cut = data.index(b"\n", len(data) // 2) - 20  # inside a row, before its Group ID
    with pytest.raises(ParseError, match="no Group ID"):
        parse_uk(data[:cut])


def test_bytes_outside_utf8_and_cp1252_are_an_encoding_error() -> None:
    data = gzip.decompress(REAL.read_bytes())
    with pytest.raises(EncodingError):
        parse_uk(data[:5000] + b"\x81\x8d" + data[5000:])
