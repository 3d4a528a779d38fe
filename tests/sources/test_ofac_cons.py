"""The OFAC consolidated (non-SDN) list: sdnList XML in both namespaces and the CSV set."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from tamis.model import Entity
from tamis.sources import get_source
from tamis.sources.base import ParsedList

CONS = Path(__file__).resolve().parents[1] / "data" / "lists" / "ofac_cons"
SNAP = CONS / "snapshots"


def _parse(files: dict[str, Path] | Path) -> ParsedList:
    source = get_source("ofac_cons")
    if isinstance(files, Path):
        files = source.find_files(files)
    return source.parse(files)


def _by_id(parsed: ParsedList) -> dict[str, Entity]:
    by_id = {entity.id: entity for entity in parsed.entities}
    assert len(by_id) == len(parsed.entities)
    return by_id


@pytest.fixture(scope="module")
def xml_2025() -> dict[str, Entity]:
    parsed = _parse(CONS)
    assert set(parsed.files) == {"consolidated.xml"}  # the XML wins over cons_prim.csv
    assert parsed.published == "2025-06-30"
    assert parsed.warnings == []
    return _by_id(parsed)


@pytest.fixture(scope="module")
def csv_2025() -> dict[str, Entity]:
    return _by_id(_parse({"cons_prim.csv": CONS / "cons_prim.csv"}))


def test_counts(xml_2025: dict[str, Entity], csv_2025: dict[str, Entity]) -> None:
    assert len(xml_2025) == 443
    assert len(csv_2025) == 443
    assert len(_parse(SNAP / "2024-05-06").entities) == 443
    assert Counter(e.schema for e in xml_2025.values())["Person"] == 80
    assert sum(1 for e in xml_2025.values() if "CMIC-EO13959" in e.programs) == 68


@pytest.mark.parametrize("fixture", ["xml_2025", "csv_2025"])
def test_huawei_on_the_cmic_list(fixture: str, request: pytest.FixtureRequest) -> None:
    entities: dict[str, Entity] = request.getfixturevalue(fixture)
    huawei = entities["ofac-30947"]
    assert huawei.get("name") == ["HUAWEI TECHNOLOGIES CO., LTD."]
    assert huawei.schema == "Company"
    (listing,) = huawei.listings
    assert listing.list == "ofac_cons"
    assert listing.programs == ["CMIC-EO13959"]
    assert listing.listed_on == "2021-06-03"
    assert listing.extra["effective_date"] == "2021-08-02"
    assert listing.extra["divestment_date"] == "2022-06-03"
    assert huawei.get("registrationNumber") == ["914403001922038216"]


def test_isins_and_issuer_names(xml_2025: dict[str, Entity]) -> None:
    assert xml_2025["ofac-30947"].get("country") == ["cn"]
    holding = xml_2025["ofac-32087"]
    assert "CND10003D0F9" in holding.get("isin")
    assert len(holding.get("isin")) == 6
    assert "Huawei Investment & Holding Co., Ltd." in holding.get("alias")
    assert holding.get("linkedTo") == ["HUAWEI TECHNOLOGIES CO., LTD."]


def test_xml_and_csv_of_the_same_edition_agree(
    xml_2025: dict[str, Entity], csv_2025: dict[str, Entity]
) -> None:
    assert set(xml_2025) == set(csv_2025)
    # cons_prim.csv cuts Remarks at 1,000 characters (the rest would be in
    # cons_comments.csv, not published with this copy): compare the others fully.
    cut = {uid for uid, e in csv_2025.items() if len(e.listings[0].remarks or "") >= 999}
    assert len(cut) < 20
    for uid, entity in xml_2025.items():
        if uid in cut:
            continue
        other = csv_2025[uid]
        assert entity.get("name") == other.get("name"), uid
        assert entity.schema == other.schema, uid
        assert entity.programs == other.programs, uid
        assert entity.listings[0].listed_on == other.listings[0].listed_on, uid
        for prop in ("birthDate", "isin", "taxNumber", "registrationNumber", "nationality"):
            assert sorted(entity.get(prop)) == sorted(other.get(prop)), (uid, prop)


def test_weak_aliases_from_the_xml_category(xml_2025: dict[str, Entity]) -> None:
    weak = [e for e in xml_2025.values() if e.get("weakAlias")]
    assert weak
    total = sum(len(e.get("weakAlias")) for e in xml_2025.values())
    # <category>weak</category> occurs 70 times in this file; 3 of them are weak
    # f.k.a. names, which become previousName
    assert total == 67
    assert "NMZ OAO" in xml_2025["ofac-18812"].get("previousName")


def test_old_namespace_2018() -> None:
    parsed = _parse(SNAP / "2018-04-06")
    assert set(parsed.files) == {"consolidated.xml"}
    assert parsed.published == "2018-04-06"
    entities = _by_id(parsed)
    assert len(entities) == 639
    schemata = Counter(e.schema for e in entities.values())
    assert schemata["Vessel"] == 74
    assert schemata["Person"] == 94
    bank = entities["ofac-4632"]
    assert "CENTRAL BANK OF IRAN" in bank.get("alias")
    assert bank.get("country") == ["ir"]
    assert bank.listings[0].programs == ["IRAN"]
    assert "information_url" in bank.listings[0].extra
    vessels = [e for e in entities.values() if e.schema == "Vessel"]
    # 40 vessels have the flag "None Identified" and one "Unknown"
    assert sum(1 for v in vessels if v.get("flag")) == 33
    assert all("notes" not in v.properties for v in vessels)  # "Former Vessel Flag None ..."


def test_csv_set_2018_agrees_with_its_xml() -> None:
    directory = SNAP / "2018-04-06"
    names = ("cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv")
    csv_set = _by_id(_parse({name: directory / name for name in names}))  # empty comments
    xml = _by_id(_parse({"consolidated.xml": directory / "consolidated.xml"}))
    assert set(csv_set) == set(xml)
    for uid, entity in xml.items():
        other = csv_set[uid]
        for prop in (
            "address",
            "country",
            "weakAlias",
            "birthDate",
            "imoNumber",
            "flag",
            "alias",
            "previousName",
        ):
            # the CSV writes single quotes where the XML has double quotes
            mine = sorted(v.replace('"', "'") for v in entity.get(prop))
            assert mine == sorted(other.get(prop)), (uid, prop)


def test_lf_only_csv_with_addresses() -> None:
    directory = SNAP / "2025-04-21_csv"
    parsed = _parse(directory)
    assert set(parsed.files) == {"cons_prim.csv", "cons_add.csv"}
    entities = _by_id(parsed)
    assert len(entities) == 443
    assert entities["ofac-30947"].get("country") == ["cn"]


def test_a_lone_cons_prim_csv_is_a_complete_source(tmp_path: Path) -> None:
    shutil.copy(CONS / "cons_prim.csv", tmp_path / "CONS_PRIM.CSV")
    source = get_source("ofac_cons")
    files = source.find_files(tmp_path)
    assert set(files) == {"cons_prim.csv"}
    assert len(source.parse(files).entities) == 443


def test_program_changes_between_editions(xml_2025: dict[str, Entity]) -> None:
    before = _by_id(_parse(SNAP / "2024-05-06"))
    changed = {
        uid for uid in before if uid in xml_2025 and before[uid].programs != xml_2025[uid].programs
    }
    assert len(changed) == 15
    assert before["ofac-17145"].programs == ["UKRAINE-EO13662"]  # SURGUTNEFTEGAS
    assert xml_2025["ofac-17145"].programs == ["RUSSIA-EO14024", "UKRAINE-EO13662"]
    assert "SYRIA" in before["ofac-18782"].programs  # ROSOBORONEKSPORT
    assert "SYRIA" not in xml_2025["ofac-18782"].programs
