"""The OFAC SDN parser on the real published files."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from tamis.errors import ParseError
from tamis.model import Entity
from tamis.sources import get_source
from tamis.sources.ofac_remarks import split_remarks

SDN = Path(__file__).resolve().parents[1] / "data" / "lists" / "ofac_sdn"


def _parse(directory: Path) -> dict[str, Entity]:
    source = get_source("ofac_sdn")
    parsed = source.parse(source.find_files(directory))
    assert parsed.source == "ofac_sdn"
    by_id = {entity.id: entity for entity in parsed.entities}
    assert len(by_id) == len(parsed.entities), "entity ids must be unique"
    return by_id


@pytest.fixture(scope="module")
def sdn() -> dict[str, Entity]:
    return _parse(SDN)


@pytest.fixture(scope="module")
def sdn_2021() -> dict[str, Entity]:
    return _parse(SDN / "snapshots" / "2021-04-25")


def test_counts_and_schemata(sdn: dict[str, Entity]) -> None:
    assert len(sdn) == 14_965
    schemata = Counter(entity.schema for entity in sdn.values())
    assert schemata["Person"] == 6_854
    assert schemata["Vessel"] == 851
    assert schemata["Airplane"] == 376
    assert schemata["Organization"] + schemata["Company"] == 6_884
    assert all(entity.lists == ["ofac_sdn"] for entity in sdn.values())


def test_snapshot_of_the_day_before(sdn: dict[str, Entity]) -> None:
    before = _parse(SDN / "snapshots" / "2024-05-02")
    assert len(before) == 14_973
    assert set(sdn) - set(before) == set()
    assert len(set(before) - set(sdn)) == 8


def test_putin(sdn: dict[str, Entity]) -> None:
    putin = sdn["ofac-35096"]
    assert putin.schema == "Person"
    assert putin.get("name") == ["PUTIN, Vladimir Vladimirovich"]
    assert putin.get("lastName") == ["PUTIN"]
    assert putin.get("firstName") == ["Vladimir Vladimirovich"]
    assert putin.get("birthDate") == ["1952-10-07"]
    assert putin.get("nationality") == ["ru"]
    assert putin.get("citizenship") == ["ru"]
    assert putin.get("gender") == ["male"]
    assert putin.get("position") == ["President of the Russian Federation"]
    assert "notes" not in putin.properties
    (listing,) = putin.listings
    assert listing.programs == ["RUSSIA-EO14024"]
    assert listing.reference == ["35096"]
    assert listing.remarks and listing.remarks.startswith("DOB 07 Oct 1952")


def test_vessel_with_imo_and_link(sdn: dict[str, Entity]) -> None:
    vessel = sdn["ofac-37445"]
    assert vessel.schema == "Vessel"
    assert vessel.get("name") == ["OLYMPIA"]
    assert vessel.get("imoNumber") == ["1006960"]
    assert vessel.get("mmsi") == ["319766000"]
    assert vessel.get("flag") == ["ky"]
    assert vessel.get("callSign") == ["ZCGR"]
    assert vessel.get("type") == ["Yacht"]
    assert vessel.get("linkedTo") == ["PUTIN, Vladimir Vladimirovich"]


def test_most_vessels_carry_an_imo_number(sdn: dict[str, Entity]) -> None:
    vessels = [e for e in sdn.values() if e.schema == "Vessel"]
    with_imo = [e for e in vessels if e.get("imoNumber")]
    assert len(with_imo) / len(vessels) > 0.9
    assert all(len(n) == 7 and n.isdigit() for e in with_imo for n in e.get("imoNumber"))


def test_aircraft_details(sdn: dict[str, Entity]) -> None:
    plane = sdn["ofac-15431"]
    assert plane.schema == "Airplane"
    assert "1023409321" in plane.get("serialNumber")
    assert plane.get("model") == ["IL76-TD"]
    assert plane.get("buildDate") == ["1992"]
    assert plane.get("operator") == ["YAS AIR"]


def test_digital_currency_and_weak_aliases(sdn: dict[str, Entity]) -> None:
    person = sdn["ofac-25308"]
    assert len(person.get("publicKey")) == 6
    assert "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h" in person.get("publicKey")
    assert person.get("weakAlias") == ["ZHOU, William", "YAN, Steven"]
    assert person.get("birthCountry") == ["cn"]


def test_passport_with_issuing_country_and_dates(sdn: dict[str, Entity]) -> None:
    person = sdn["ofac-11313"]
    assert person.get("passportNumber") == ["0310857"]
    assert "Passport 0310857 (er) issued 2006-08-21 expires 2008-08-20" in person.get(
        "identification"
    )
    # the long parenthesised note contains ';' and stays one fragment, kept as a note
    assert len(person.get("notes")) == 1
    assert person.get("notes")[0].startswith("(Following data derived")


def test_multiple_programs(sdn: dict[str, Entity]) -> None:
    assert sdn["ofac-16662"].programs == ["RUSSIA-EO14024", "UKRAINE-EO13661"]


def test_linked_to_names_are_names_on_the_list(sdn: dict[str, Entity]) -> None:
    names = {name for entity in sdn.values() for name in entity.names}
    links = [value for entity in sdn.values() for value in entity.get("linkedTo")]
    assert len(links) > 6_000
    resolved = sum(1 for value in links if value in names)
    assert resolved / len(links) > 0.95


def test_remark_fragments_are_mostly_understood(sdn: dict[str, Entity]) -> None:
    fragments = sum(len(split_remarks(e.listings[0].remarks)) for e in sdn.values())
    unknown = sum(len(e.get("notes")) for e in sdn.values())
    assert fragments > 60_000
    assert unknown / fragments < 0.015


def test_companies_are_told_from_organizations(sdn: dict[str, Entity]) -> None:
    by_name = {entity.first("name"): entity.schema for entity in sdn.values()}
    assert by_name["JSC ARGUMENT"] == "Company"
    assert by_name["INVERSIONES ZANZIBAR SOCIEDAD ANONIMA"] == "Company"
    assert by_name["ANGLO-CARIBBEAN CO., LTD."] == "Company"
    assert by_name["ABU SAYYAF GROUP"] == "Organization"
    assert by_name["BANCO NACIONAL DE CUBA"] == "Organization"
    assert by_name["HIZBALLAH"] == "Organization"


def test_addresses_and_aliases_from_add_and_alt(sdn_2021: dict[str, Entity]) -> None:
    assert len(sdn_2021) == 8_890
    bank = sdn_2021["ofac-306"]
    assert bank.get("alias") == ["NATIONAL BANK OF CUBA"]
    assert bank.get("weakAlias") == ["BNC"]
    assert "Zweierstrasse 35, Zurich CH-8022, Switzerland" in bank.get("address")
    assert bank.get("country") == ["ch", "es", "jp", "pa"]
    assert sum(1 for e in sdn_2021.values() if e.get("address")) > 6_000
    assert sum(1 for e in sdn_2021.values() if e.get("alias")) > 3_500
    assert sum(1 for e in sdn_2021.values() if e.get("previousName")) > 200


def test_add_and_alt_without_sdn_csv_are_refused(tmp_path: Path) -> None:
    orphans = SDN / "snapshots" / "2026-06-02_add_alt_only"
    source = get_source("ofac_sdn")
    files = source.find_files(orphans)
    assert set(files) == {"add.csv", "alt.csv"}
    with pytest.raises(ParseError, match="sdn.csv"):
        source.parse(files)


def test_sdn_xml_is_accepted_instead_of_the_csv_set(tmp_path: Path) -> None:
    # SDN.XML has the same sdnList schema as CONSOLIDATED.XML; no SDN.XML copy exists,
    # so a published consolidated.xml stands in for it under the SDN file name.
    consolidated = SDN.parent / "ofac_cons" / "snapshots" / "2024-05-06" / "consolidated.xml"
    shutil.copy(consolidated, tmp_path / "SDN.XML")
    source = get_source("ofac_sdn")
    files = source.find_files(tmp_path)
    assert set(files) == {"sdn.xml"}
    parsed = source.parse(files)
    assert len(parsed.entities) == 443
    assert parsed.published == "2024-05-06"
    assert all(e.lists == ["ofac_sdn"] for e in parsed.entities)


def test_csv_set_wins_over_sdn_xml(tmp_path: Path) -> None:
    shutil.copy(SDN / "snapshots" / "2021-04-25" / "sdn.csv.gz", tmp_path / "sdn.csv.gz")
    (tmp_path / "sdn.xml").write_text("<sdnList/>")
    files = get_source("ofac_sdn").find_files(tmp_path)
    assert set(files) == {"sdn.csv"}


def test_a_damaged_published_copy_is_refused() -> None:
    # This re-saved 2022 copy ends with a record that reuses number 2677 (a different
    # person's): a list whose record numbers collide cannot be joined with add/alt.
    source = get_source("ofac_sdn")
    files = source.find_files(SDN / "snapshots" / "2022-01-31")
    with pytest.raises(ParseError, match=r"sdn\.csv\.gz, line 9044: record 2677 appears twice"):
        source.parse(files)


@pytest.mark.parametrize(("snapshot", "count"), [("2021-08-18", 9_083), ("2023-05-02", 12_211)])
def test_older_snapshots(snapshot: str, count: int) -> None:
    entities = _parse(SDN / "snapshots" / snapshot)
    assert len(entities) == count
    assert "ofac-306" in entities
