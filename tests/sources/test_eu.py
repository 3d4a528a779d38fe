"""EU financial sanctions XML: the legacy v1.0 excerpt, a v1.1 fixture, broken files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tamis.errors import EmptySourceError, EncodingError, ParseError, UnsafeXMLError
from tamis.model import Entity
from tamis.sources import get_source
from tamis.sources.eu import parse_eu
from tamis.sources.eu_legacy import alpha3_to_code

DATA = Path(__file__).parents[1] / "data"
LEGACY = DATA / "lists" / "eu" / "excerpt_2016-02-11_legacy-v1.0.xml"
CURRENT = DATA / "fixtures" / "eu" / "eu_fsf_v1.1.xml"


@pytest.fixture(scope="module")
def legacy() -> dict[str, Entity]:
    parsed = parse_eu(LEGACY.read_bytes(), LEGACY.name)
    assert parsed.published == "2016-02-11"  # WHOLE Date="11/02/2016", day first
    return {e.id: e for e in parsed.entities}


@pytest.fixture(scope="module")
def current() -> dict[str, Entity]:
    parsed = parse_eu(CURRENT.read_bytes(), CURRENT.name)
    assert parsed.published == "2025-03-14"
    return {e.id: e for e in parsed.entities}


def test_legacy_excerpt_counts(legacy: dict[str, Entity]) -> None:
    assert len(legacy) == 19
    assert {e.schema for e in legacy.values()} == {"Person"}
    programs = [e.listings[0].programs[0] for e in legacy.values()]
    assert programs.count("IRQ") == 18 and programs.count("ZWE") == 1


def test_legacy_entity_field_by_field(legacy: dict[str, Entity]) -> None:
    saddam = legacy["eu-13"]
    assert saddam.get("name") == ["Saddam Hussein Al-Tikriti"]
    assert saddam.get("alias") == ["Abu Ali", "Abou Ali"]
    assert saddam.get("firstName") == ["Saddam"]
    assert saddam.get("lastName") == ["Hussein Al-Tikriti"]
    assert saddam.get("gender") == ["male"]
    assert saddam.get("birthDate") == ["1937-04-28"]
    assert saddam.get("birthPlace") == ["al-Awja, near Tikrit"]
    assert saddam.get("birthCountry") == ["iq"]  # ISO alpha-3 IRQ
    assert saddam.get("nationality") == ["iq"]
    (listing,) = saddam.listings
    assert listing.list == "eu_fsf"
    assert listing.programs == ["IRQ"]
    assert listing.listed_on == "2003-07-07"
    assert listing.remarks == "(UNSC RESOLUTION 1483)"
    assert listing.extra["regulation"] == "1210/2003 (OJ L169)"
    mugabe = legacy["eu-1"]
    assert mugabe.get("passportNumber") == ["AD001095"]
    assert mugabe.get("alias") == []  # the repeated NAME is not an alias of itself


def test_legacy_entity_with_address_and_passport_country() -> None:
    parsed = parse_eu((DATA / "fixtures" / "eu" / "eu_legacy_address.xml").read_bytes())
    assert parsed.published == "2016-03-01"
    company, person = parsed.entities
    assert company.schema == "Organization"
    assert company.get("address") == ["12, Rashid Street, Baghdad, Iraq"]
    assert company.get("country") == ["iq"]
    assert person.get("name") == ["Jane Doe"]  # no WHOLENAME: the parts in order
    assert person.get("gender") == ["female"]
    assert person.get("passportNumber") == ["ZN001234"]
    assert "Passport ZN001234 (passport), issued by ZWE" in person.get("notes")


def test_current_format_counts_and_schemas(current: dict[str, Entity]) -> None:
    assert len(current) == 6
    schemas = {e.id: e.schema for e in current.values()}
    assert schemas["eu-900104"] == "Organization"
    assert schemas["eu-900105"] == "Organization"
    assert sum(1 for s in schemas.values() if s == "Person") == 4


def test_current_person_with_aliases_documents_and_address(current: dict[str, Entity]) -> None:
    person = current["eu-900101"]
    assert person.get("name") == ["Ivan Petrovich SIDOROV"]
    assert person.get("alias") == ["Иван Петрович СИДОРОВ"]
    assert person.get("weakAlias") == ["Vanya Sidorov"]  # strong="false"
    assert person.get("firstName") == ["Ivan"]
    assert person.get("middleName") == ["Petrovich"]
    assert person.get("lastName") == ["SIDOROV"]
    assert person.get("gender") == ["male"]
    assert person.get("position") == ["Deputy Director General"]
    assert person.get("birthDate") == ["1961-03-15"]
    assert person.get("birthPlace") == ["Kursk"]
    assert person.get("birthCountry") == ["ru"]
    assert person.get("nationality") == ["ru"]
    assert person.get("passportNumber") == ["751234567", "200012345"]
    assert person.get("taxNumber") == ["772301234567"]
    assert any(
        "Diplomatic passport 200012345" in n and "diplomatic" in n for n in person.get("notes")
    )
    assert person.get("address") == ["Ulitsa Tverskaya 7, 125009, Moscow, RUSSIAN FEDERATION"]
    assert person.get("country") == ["ru"]
    (listing,) = person.listings
    assert listing.programs == ["UKR"]
    assert listing.listed_on == "2022-02-28"  # designationDate
    assert listing.reference == ["EU.9001.12"]
    assert (
        listing.source_url == "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32022R0336"
    )
    assert listing.remarks == "Member of the board of a state-owned defence company."


def test_current_birthdate_variants(current: dict[str, Entity]) -> None:
    circa = current["eu-900102"]
    # a circa year plus a yearRangeFrom/To span
    assert circa.get("birthDate") == ["1958", "1959", "1960", "1961"]
    assert "date of birth circa 1958" in circa.get("notes")
    assert "date of birth between 1959 and 1961" in circa.get("notes")
    assert circa.get("alias") == ["خالد الصمدي", "Khaled al-Smadi"]
    assert circa.get("title") == ["Major General"]
    # the earliest regulation gives the listing date; the UN reference is kept
    assert circa.listings[0].listed_on == "2011-09-02"
    assert circa.listings[0].reference == ["EU.9002.34", "QDi.900"]
    assert circa.listings[0].extra["entry_into_force"] == "2011-09-03"
    assert current["eu-900103"].get("birthDate") == ["1975-06"]  # year and month only
    assert current["eu-900103"].get("alias") == ["张梅"]
    assert current["eu-900103"].get("birthCountry") == []  # code "00" = unknown
    open_span = current["eu-900106"]
    assert open_span.get("birthDate") == []  # only yearRangeTo: no year is asserted
    assert "date of birth between ? and 1970" in open_span.get("notes")


def test_only_ftm_properties_are_used(current: dict[str, Entity], legacy) -> None:
    used = {p for e in [*current.values(), *legacy.values()] for p in e.properties}
    assert used <= {
        "name",
        "alias",
        "weakAlias",
        "firstName",
        "middleName",
        "lastName",
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
        "taxNumber",
        "registrationNumber",
        "imoNumber",
        "swiftBic",
        "leiCode",
        "notes",
    }


def test_current_enterprise(current: dict[str, Entity]) -> None:
    company = current["eu-900104"]
    assert company.get("name") == ["Joint Stock Company Severnaya Verf Example"]
    assert company.get("alias") == ["АО «Северная верфь пример»"]
    assert company.get("weakAlias") == ["JSC SVE"]
    assert company.get("registrationNumber") == ["1027700123456"]
    assert current["eu-900105"].get("imoNumber") == ["9270126"]
    assert current["eu-900105"].listings[0].listed_on == "2010-10-27"


def test_registered_source_takes_the_only_xml_file(tmp_path: Path) -> None:
    source = get_source("eu")
    assert source.find_files(LEGACY.parent) == {"eu_fsf.xml": LEGACY}
    shutil.copy(CURRENT, tmp_path / "20250314-FULL-1_1(xsd).xml")
    parsed = source.parse(source.find_files(tmp_path))
    assert len(parsed.entities) == 6


def test_alpha3_codes() -> None:
    assert alpha3_to_code("IRQ") == "iq"
    assert alpha3_to_code("ZWE") == "zw"
    assert alpha3_to_code("XYZ") is None
    assert alpha3_to_code("") is None


@pytest.mark.parametrize("path", [LEGACY, CURRENT])
def test_truncated_xml_is_a_parse_error(path: Path) -> None:
    data = path.read_bytes()
    with pytest.raises(ParseError):
        parse_eu(data[: len(data) // 2])


def test_empty_files_are_refused() -> None:
    with pytest.raises(EmptySourceError):
        parse_eu(b"")
    with pytest.raises(EmptySourceError):
        parse_eu(
            b'<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2025-01-01"/>'
        )
    with pytest.raises(EmptySourceError):
        parse_eu(b'<WHOLE Date="01/01/2016"></WHOLE>')


def test_non_utf8_is_an_encoding_error() -> None:
    data = CURRENT.read_bytes().decode("utf-8").encode("cp1251", errors="replace")
    with pytest.raises(EncodingError):
        parse_eu(data)


@pytest.mark.parametrize("fixture", ["xxe.xml", "billion_laughs.xml"])
def test_entity_declarations_are_refused(fixture: str) -> None:
    with pytest.raises(UnsafeXMLError):
        parse_eu((DATA / "fixtures" / "unsafe" / fixture).read_bytes())


def test_unknown_root_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="export"):
        parse_eu(b"<CONSOLIDATED_LIST/>")
