"""UN Security Council consolidated list: the real 2017-2025 files and broken ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from tamis.errors import EmptySourceError, EncodingError, ParseError, UnsafeXMLError
from tamis.model import Entity
from tamis.sources import get_source
from tamis.sources.common import read_bytes
from tamis.sources.un import parse_un

LISTS = Path(__file__).parents[1] / "data" / "lists" / "un"
FIXTURES = Path(__file__).parents[1] / "data" / "fixtures"
CURRENT = LISTS / "consolidated.xml"


@pytest.fixture(scope="module")
def current() -> dict[str, Entity]:
    parsed = parse_un(CURRENT.read_bytes())
    assert parsed.published == "2025-04-19"
    return {entity.id: entity for entity in parsed.entities}


def test_counts_of_the_2025_file(current: dict[str, Entity]) -> None:
    schemas = [entity.schema for entity in current.values()]
    assert schemas.count("Person") == 684
    assert schemas.count("Organization") == 193


@pytest.mark.parametrize(
    ("snapshot", "published", "individuals", "entities"),
    [
        ("2017-07-03", "2017-07-03", 650, 371),
        ("2018-10-30", "2018-10-29", 703, 390),
        ("2020-11-30", "2020-11-30", 713, 305),
        ("2024-09-26", "2024-09-26", 682, 193),
    ],
)
def test_every_snapshot_parses(snapshot: str, published: str, individuals: int, entities: int):
    parsed = parse_un(read_bytes(LISTS / "snapshots" / snapshot / "consolidated.xml.gz"))
    assert parsed.published == published
    schemas = [e.schema for e in parsed.entities]
    assert (schemas.count("Person"), schemas.count("Organization")) == (individuals, entities)
    assert all(e.id.startswith("un-") and e.first("name") for e in parsed.entities)


def test_an_individual_field_by_field(current: dict[str, Entity]) -> None:
    anwari = current["un-110447"]
    assert anwari.schema == "Person"
    assert anwari.get("name") == ["MUHAMMAD TAHER ANWARI"]
    # NAME_ORIGINAL_SCRIPT and the "Good" aliases are aliases, the "Low" one is weak
    assert anwari.get("alias") == [
        "محمد طاهر أنوري",
        "Mohammad Taher Anwari",
        "Muhammad Tahir Anwari",
        "Mohammad Tahre Anwari",
    ]
    assert anwari.get("weakAlias") == ["Haji Mudir"]
    assert anwari.get("birthDate") == ["1961"]
    assert "date of birth circa 1961" in anwari.get("notes")
    assert anwari.get("birthPlace") == ["Zurmat District, Paktia Province, Afghanistan"]
    assert anwari.get("nationality") == ["af"]
    assert anwari.get("title") == ["Mullah"]
    assert anwari.get("position")[1] == "Minister of Finance under the Taliban regime"
    (listing,) = anwari.listings
    assert listing.list == "un_sc"
    assert listing.programs == ["Taliban"]
    assert listing.listed_on == "2001-02-23"
    assert listing.reference == ["TAi.005"]
    assert listing.remarks.startswith("Belongs to Andar tribe.")
    assert listing.extra["last_updated"] == "2011-11-29"


def test_country_placeholders_are_not_countries(current: dict[str, Entity]) -> None:
    # one individual's NATIONALITY is "na" (not available), which is not Namibia
    nationalities = {code for e in current.values() for code in e.get("nationality")}
    assert "na" not in nationalities
    assert {"af", "iq", "kp", "cd", "gb", "tr"} <= nationalities


def test_only_ftm_properties_are_used(current: dict[str, Entity]) -> None:
    used = {prop for entity in current.values() for prop in entity.properties}
    assert used <= {
        "name",
        "alias",
        "weakAlias",
        "previousName",
        "title",
        "position",
        "gender",
        "birthDate",
        "birthPlace",
        "birthCountry",
        "nationality",
        "country",
        "address",
        "passportNumber",
        "idNumber",
        "notes",
    }


def test_dates_of_birth_between_two_years_keep_every_year(current: dict[str, Entity]) -> None:
    mazloom = current["un-110899"]
    assert mazloom.get("birthDate") == ["1963", "1964", "1965", "1966", "1967", "1968"]
    assert "date of birth between 1963 and 1968" in mazloom.get("notes")


def test_exact_date_and_passport_with_issuing_country(current: dict[str, Entity]) -> None:
    hanif = current["un-110917"]
    assert hanif.get("birthDate") == ["1969-01-01", "1955"]
    assert hanif.get("passportNumber") == ["OA 454044"]
    assert "Passport OA 454044 (issued by Afghanistan)" in hanif.get("notes")
    assert hanif.get("birthCountry") == ["af"]


def test_an_entity_with_former_names_and_addresses(current: dict[str, Entity]) -> None:
    ryonbong = current["un-690751"]
    assert ryonbong.schema == "Organization"
    assert ryonbong.get("name") == ["KOREA RYONBONG GENERAL CORPORATION"]
    assert ryonbong.get("alias") == ["KOREA YONBONG GENERAL CORPORATION"]
    assert ryonbong.get("previousName") == ["LYONGAKSAN GENERAL TRADING CORPORATION"]
    assert ryonbong.get("country") == ["kp"]
    assert len(ryonbong.get("address")) == 2
    assert ryonbong.listings[0].programs == ["DPRK"]
    assert ryonbong.listings[0].reference == ["KPe.002"]


def test_dataid_ids_are_stable_between_2017_and_2025(current: dict[str, Entity]) -> None:
    old = {
        e.id: e
        for e in parse_un(read_bytes(LISTS / "snapshots/2017-07-03/consolidated.xml.gz")).entities
    }
    common = set(old) & set(current)
    assert len(common) > 700
    for entity_id in common:
        assert old[entity_id].listings[0].reference == current[entity_id].listings[0].reference
    assert old["un-110447"].first("name") == current["un-110447"].first("name")


def test_registered_source_finds_and_parses_the_file() -> None:
    source = get_source("un")
    files = source.find_files(LISTS)
    assert files == {"consolidated.xml": CURRENT}
    parsed = source.parse(files)
    assert parsed.source == "un" and len(parsed.entities) == 877


def test_truncated_xml_is_a_parse_error() -> None:
    data = CURRENT.read_bytes()
    with pytest.raises(ParseError, match="not well-formed"):
        parse_un(data[: len(data) // 2])


def test_empty_file_is_refused() -> None:
    with pytest.raises(EmptySourceError):
        parse_un(b"")
    with pytest.raises(EmptySourceError):
        parse_un(
            b"<CONSOLIDATED_LIST dateGenerated='2025-01-01'><INDIVIDUALS/></CONSOLIDATED_LIST>"
        )


def test_non_utf8_bytes_are_an_encoding_error() -> None:
    data = CURRENT.read_bytes().decode("utf-8").encode("utf-16")
    with pytest.raises(EncodingError):
        parse_un(data)
    latin1 = "<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>".replace(
        "<INDIVIDUALS/>",
        "<INDIVIDUALS><INDIVIDUAL><FIRST_NAME>José</FIRST_NAME></INDIVIDUAL></INDIVIDUALS>",
    ).encode("latin-1")
    with pytest.raises(EncodingError):
        parse_un(latin1)


@pytest.mark.parametrize("fixture", ["xxe.xml", "billion_laughs.xml"])
def test_entity_declarations_are_refused(fixture: str) -> None:
    with pytest.raises(UnsafeXMLError):
        parse_un((FIXTURES / "unsafe" / fixture).read_bytes())


def test_another_document_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="CONSOLIDATED_LIST"):
        parse_un(b"<sdnList><sdnEntry/></sdnList>")
