"""Canada's consolidated autonomous sanctions list (SEMA / JVCFOR): the real file, broken ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from tamis.errors import EmptySourceError, EncodingError, ParseError, UnsafeXMLError
from tamis.model import Entity
from tamis.sources import get_source
from tamis.sources.canada import birth_dates, parse_canada, split_aliases

DATA = Path(__file__).parents[1] / "data"
REAL = DATA / "lists" / "canada_sema" / "sema-lmes.xml"


@pytest.fixture(scope="module")
def parsed():
    return parse_canada(REAL.read_bytes())


@pytest.fixture(scope="module")
def entities(parsed) -> dict[str, Entity]:
    return {entity.id: entity for entity in parsed.entities}


def test_counts_and_publication_date(parsed) -> None:
    assert len(parsed.entities) == 4759
    schemas = [e.schema for e in parsed.entities]
    assert schemas.count("Person") == 3334
    assert schemas.count("Vessel") == 109
    assert schemas.count("Organization") == 1316
    # no date in the file: the latest DateOfListing stands in, and the result says so
    assert parsed.published == "2025-03-20"
    assert any("no publication date" in w for w in parsed.warnings)


def test_ids_are_unique_and_built_from_regime_schedule_item(entities: dict[str, Entity]) -> None:
    assert len(entities) == 4759
    assert "ca-belarus-1-part-1-8" in entities


def test_a_person_field_by_field(entities: dict[str, Entity]) -> None:
    person = entities["ca-belarus-1-part-1-8"]
    assert person.schema == "Person"
    assert person.get("name") == ["Aleksandr Grigoryevich Lukashenko"]
    assert person.get("firstName") == ["Aleksandr Grigoryevich"]
    assert person.get("lastName") == ["Lukashenko"]
    assert person.get("birthDate") == ["1954-08-30"]
    (listing,) = person.listings
    assert listing.list == "ca_sema"
    assert listing.programs == ["Belarus / Bélarus"]
    assert listing.listed_on == "2020-09-28"
    assert listing.reference == ["Schedule 1, Part 1, Item 8"]


def test_aliases_in_several_scripts_are_split(entities: dict[str, Entity]) -> None:
    son = entities["ca-belarus-1-part-1-120"]
    assert son.get("alias") == [
        "Mikalay Alyaksandravich Lukashenka",
        "Kolya Lukashenko",
        "Мікалай Аляксандравіч Лукашэнка",
        "Николай Александрович Лукашенко",
        "Коля Лукашенко",
    ]
    agency = entities["ca-russia-1-part-2-181"]
    assert agency.schema == "Organization"
    assert agency.get("name") == ["Russotrudnichestvo"]
    # commas inside an organisation's name do not split it
    assert len(agency.get("alias")) == 2
    assert agency.get("alias")[1] == "Россотрудничество"


def test_a_ship(entities: dict[str, Entity]) -> None:
    ship = entities["ca-russia-1-1-1"]
    assert ship.schema == "Vessel"
    assert ship.get("name") == ["Balitiyskiy III"]
    assert ship.get("imoNumber") == ["7612448"]
    assert ship.get("type") == ["General Cargo / Multi Purpose"]
    assert ship.get("buildDate") == ["1980"]
    assert ship.listings[0].listed_on == "2025-02-21"


def test_only_ftm_properties_are_used(entities: dict[str, Entity]) -> None:
    used = {prop for entity in entities.values() for prop in entity.properties}
    assert used <= {
        "name",
        "alias",
        "firstName",
        "lastName",
        "title",
        "birthDate",
        "notes",
        "imoNumber",
        "type",
        "buildDate",
    }


def test_titles_and_non_breaking_spaces(entities: dict[str, Entity]) -> None:
    general = next(e for e in entities.values() if e.first("lastName") == "Al-Ahmad")
    assert general.get("title") == ["Major General/major-général"]
    assert general.get("firstName") == ["Jumah"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1965-04-29", ["1965-04-29"]),
        ("1963-1964", ["1963", "1964"]),
        ("1963 or 1964", ["1963", "1964"]),
        ("1965-07-15 OR 1969-09-28", ["1965-07-15", "1969-09-28"]),
        ("born in the early 1970s", []),
    ],
)
def test_birth_date_spellings(value: str, expected: list[str]) -> None:
    assert birth_dates(value) == expected


def test_alias_splitting_rules() -> None:
    assert split_aliases("Sergei, Serhii SHERBAKOV", person=True) == ["Sergei, Serhii SHERBAKOV"]
    assert split_aliases("A B; C D / E F", person=False) == ["A B", "C D", "E F"]
    assert split_aliases("Russian: Иван Иванов", person=True) == ["Иван Иванов"]


def test_registered_source_finds_the_file() -> None:
    source = get_source("canada")
    files = source.find_files(REAL.parent)
    assert files == {"sema-lmes.xml": REAL}


def test_truncated_xml_is_a_parse_error() -> None:
    data = REAL.read_bytes()
    with pytest.raises(ParseError):
        parse_canada(data[: len(data) // 3])


def test_empty_files_are_refused() -> None:
    with pytest.raises(EmptySourceError):
        parse_canada(b"   \n")
    with pytest.raises(EmptySourceError):
        parse_canada(b'<?xml version="1.0" encoding="UTF-8"?><data-set></data-set>')


def test_non_utf8_is_an_encoding_error() -> None:
    data = REAL.read_bytes().decode("utf-8").encode("latin-1", errors="replace")
    with pytest.raises(EncodingError):
        parse_canada(data)


@pytest.mark.parametrize("fixture", ["xxe.xml", "billion_laughs.xml"])
def test_entity_declarations_are_refused(fixture: str) -> None:
    with pytest.raises(UnsafeXMLError):
        parse_canada((DATA / "fixtures" / "unsafe" / fixture).read_bytes())


def test_record_without_a_name_is_a_parse_error() -> None:
    xml = b"<data-set><record><Country>Iran</Country><Item>1</Item></record></data-set>"
    with pytest.raises(ParseError, match="neither a person nor an entity"):
        parse_canada(xml)
