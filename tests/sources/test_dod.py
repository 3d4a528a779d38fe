"""DoD Section 1237 / 1260H lists with their dated events: the real files and broken ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tamis.errors import EmptySourceError, EncodingError, ParseError
from tamis.model import Entity
from tamis.sources import get_source
from tamis.sources.dod import parse_dod

DOD = Path(__file__).parents[1] / "data" / "lists" / "dod_ccmc"


@pytest.fixture(scope="module")
def parsed():
    source = get_source("dod")
    return source.parse(source.find_files(DOD))


@pytest.fixture(scope="module")
def entities(parsed) -> dict[str, Entity]:
    return {e.id: e for e in parsed.entities}


def test_files_found_and_counts(parsed) -> None:
    assert sorted(parsed.files) == [
        "ccmc_section1237.csv",
        "events.csv",
        "section1260h.csv",
        "structure",
    ]
    lists = [e.listings[0].list for e in parsed.entities]
    assert lists.count("dod_1237") == 45
    assert lists.count("dod_1260h") == 142
    assert all(e.schema == "Company" for e in parsed.entities)
    assert parsed.published == "2025-01-07"


def test_xiaomi_listed_and_delisted_with_reason(entities: dict[str, Entity]) -> None:
    xiaomi = entities["dod-1237-xiaomi-corporation"]
    assert xiaomi.get("name") == ["Xiaomi Corporation"]
    assert xiaomi.get("alias") == ["Xiaomi Corp."]
    assert xiaomi.get("country") == ["cn"]
    (listing,) = xiaomi.listings
    assert listing.list == "dod_1237"
    assert listing.listed_on == "2021-01-14"
    assert listing.delisted_on == "2021-05-25"
    assert listing.delisting_reason.startswith("court final order vacating the DoD designation")
    assert listing.source_url.startswith("https://mrwatchlist.com/2021/01/14/")
    assert xiaomi.in_force("2021-03-01")
    assert not xiaomi.in_force("2021-06-01")


def test_xiaomi_events_in_date_order(entities: dict[str, Entity]) -> None:
    events = entities["dod-1237-xiaomi-corporation"].listings[0].events
    assert [(e["date"], e["event"]) for e in events] == [
        ("2021-01-14", "designated"),
        ("2021-01-29", "lawsuit_filed"),
        ("2021-03-12", "injunction"),
        ("2021-03-14", "agency_guidance"),
        ("2021-05-11", "court_filing"),
        ("2021-05-25", "delisted"),
    ]
    assert "Rudolph Contreras" in events[2]["detail"]
    assert "news18.com" in events[-1]["source"]


def test_events_go_to_the_listing_of_their_date(entities: dict[str, Entity]) -> None:
    misspelt = entities["dod-1237-luokong-technology-corporation"].listings[0]
    corrected = entities["dod-1237-luokung-technology-corp"].listings[0]
    assert [e["event"] for e in misspelt.events] == ["designated", "delisted"]
    assert ("2021-03-09", "designated") in [(e["date"], e["event"]) for e in corrected.events]
    # an event naming several companies reaches each of them, on the 1260H list only
    removed = entities["dod-1260h-china-telecommunications-corporation"].listings[0]
    assert [(e["date"], e["event"]) for e in removed.events] == [("2025-01-07", "delisted")]
    assert entities["dod-1237-china-telecommunications-corp"].listings[0].events == []


def test_same_company_on_both_lists_is_two_entities(entities: dict[str, Entity]) -> None:
    old = entities["dod-1237-huawei"]
    new = entities["dod-1260h-huawei-technologies-co-ltd"]
    assert old.listings[0].list == "dod_1237" and new.listings[0].list == "dod_1260h"
    assert old.in_force("2021-01-01") and not old.in_force("2022-01-01")
    assert new.in_force("2025-06-01")


def test_parents_from_the_structure_file(entities: dict[str, Entity]) -> None:
    subsidiary = entities["dod-1260h-avic-aerospace-systems-co-ltd"]
    assert subsidiary.get("parent") == ["Aviation Industry Corporation of China Ltd."]
    assert entities["dod-1260h-aviation-industry-corporation-of-china-ltd"].get("parent") == []
    assert sum(1 for e in entities.values() if e.get("parent")) == 77


def test_only_ftm_properties_are_used(entities: dict[str, Entity]) -> None:
    used = {prop for entity in entities.values() for prop in entity.properties}
    assert used == {"name", "alias", "country", "parent"}


def test_list_level_events_are_reported_not_attached(parsed) -> None:
    assert any("14 events concern a whole list" in w for w in parsed.warnings)


def test_lists_parse_without_the_optional_files(tmp_path: Path) -> None:
    for name in ("ccmc_section1237.csv", "section1260h.csv"):
        shutil.copy(DOD / name, tmp_path / name)
    source = get_source("dod")
    files = source.find_files(tmp_path)
    assert sorted(files) == ["ccmc_section1237.csv", "section1260h.csv"]
    parsed = source.parse(files)
    assert len(parsed.entities) == 187
    assert all(not e.listings[0].events for e in parsed.entities)


def _write(tmp_path: Path, name: str, data: bytes) -> dict[str, Path]:
    path = tmp_path / name
    path.write_bytes(data)
    return {name: path}


def test_wrong_header_is_a_parse_error(tmp_path: Path) -> None:
    files = _write(tmp_path, "ccmc_section1237.csv", b"company,date\nXiaomi,2021-01-14\n")
    with pytest.raises(ParseError, match="header lacks"):
        parse_dod(files)


def test_row_of_the_other_list_is_a_parse_error(tmp_path: Path) -> None:
    data = (DOD / "section1260h.csv").read_bytes()
    with pytest.raises(ParseError, match="names list"):
        parse_dod(_write(tmp_path, "ccmc_section1237.csv", data))


def test_bad_dates_are_a_parse_error(tmp_path: Path) -> None:
    data = (DOD / "ccmc_section1237.csv").read_bytes().replace(b"2021-05-25", b"25/05/2021")
    with pytest.raises(ParseError, match="not an ISO date"):
        parse_dod(_write(tmp_path, "ccmc_section1237.csv", data))


def test_empty_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(EmptySourceError):
        parse_dod(_write(tmp_path, "ccmc_section1237.csv", b""))
    header = (DOD / "ccmc_section1237.csv").read_bytes().split(b"\n", 1)[0] + b"\n"
    with pytest.raises(EmptySourceError):
        parse_dod(_write(tmp_path, "section1260h.csv", header))


def test_non_utf8_is_an_encoding_error(tmp_path: Path) -> None:
    data = (DOD / "events.csv").read_bytes().decode("utf-8").encode("utf-16")
    files = _write(tmp_path, "events.csv", data)
    files["ccmc_section1237.csv"] = DOD / "ccmc_section1237.csv"
    with pytest.raises(EncodingError):
        parse_dod(files)


def test_truncated_file_is_a_parse_error(tmp_path: Path) -> None:
    data = (DOD / "ccmc_section1237.csv").read_bytes()
    middle = data.index(b"\n", len(data) // 2)
    in_quotes = data.index(b',"', middle) + 5  # just inside a quoted field
    with pytest.raises(ParseError, match="malformed CSV"):
        parse_dod(_write(tmp_path, "ccmc_section1237.csv", data[:in_quotes]))
    short_row = data.index(b",CN,", middle) + 2  # a row cut after its country
    with pytest.raises(ParseError, match="fewer cells"):
        parse_dod(_write(tmp_path, "ccmc_section1237.csv", data[:short_row]))
