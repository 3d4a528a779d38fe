"""Versions and history of the real official files (tests/data/lists), on every backend."""

from __future__ import annotations

from pathlib import Path

import pytest

from tamis.errors import ImportRefused
from tamis.store import Store

pytestmark = pytest.mark.slow

# The 8 SDN entries published on 2024-05-02 and gone on 2024-05-03 (an aircraft operator
# and its 7 Maltese-registered aircraft), found by comparing the ent_num columns.
SDN_REMOVED_2024_05_03 = [
    f"ofac-{n}" for n in (38556, 38557, 38558, 38559, 38560, 38563, 38565, 38566)
]

# Consolidated list, 2024-05-06 -> 2025-06-30: RUSSIA-EO14024 added to these entries.
RUSSIA_ADDED = [
    f"ofac-{n}"
    for n in (
        17145,
        19640,
        20312,
        20314,
        20315,
        20317,
        23552,
        23559,
        23562,
        23568,
        23569,
        23570,
        23572,
        23577,
    )
]


def test_sdn_one_day_reports_exact_removals(store: Store, lists_dir: Path) -> None:
    sdn = lists_dir / "ofac_sdn"
    first = store.import_source(
        "ofac_sdn", sdn / "snapshots/2024-05-02/sdn.csv.gz", fetched_at="2024-05-02"
    )
    assert first.entity_count == 14973
    second = store.import_source("ofac_sdn", sdn / "sdn.csv", fetched_at="2024-05-03")
    assert second.entity_count == 14965
    assert second.removed == SDN_REMOVED_2024_05_03
    assert second.added == [] and second.modified == []
    diff = store.diff("ofac_sdn", "2024-05-02", "2024-05-03")
    assert [eid for eid, _ in diff.removed] == SDN_REMOVED_2024_05_03
    assert dict(diff.removed)["ofac-38556"] == "EMPEROR AVIATION LTD"
    on_may_2 = {e.id for e in store.entities(as_of="2024-05-02", lists=["ofac_sdn"])}
    assert set(SDN_REMOVED_2024_05_03) <= on_may_2
    history = store.entity_history("ofac-38557")
    assert [(r.change, r.date) for r in history if r.version_id] == [
        ("added", "2024-05-02"),
        ("removed", "2024-05-03"),
    ]


def test_consolidated_reports_program_changes(store: Store, lists_dir: Path) -> None:
    cons = lists_dir / "ofac_cons"
    store.import_source("ofac_cons", cons / "snapshots/2024-05-06/consolidated.xml")
    result = store.import_source("ofac_cons", cons / "consolidated.xml")
    assert result.published == "2025-06-30"
    assert result.added == ["ofac-50476"] and result.removed == ["ofac-18293"]
    diff = store.diff("ofac_cons")
    assert diff.from_version.published == "2024-05-06"
    programs = {
        change.id: change.diff["listings"]["ofac_cons"]["programs"]
        for change in diff.changed
        if "programs" in change.diff.get("listings", {}).get("ofac_cons", {})
    }
    russia = sorted(eid for eid, p in programs.items() if "RUSSIA-EO14024" in p["added"])
    assert russia == RUSSIA_ADDED
    assert programs["ofac-18782"] == {"added": [], "removed": ["SYRIA"]}
    modified = next(r for r in store.entity_history("ofac-17145") if r.change == "modified")
    assert modified.date == "2025-06-30"
    assert "RUSSIA-EO14024" in modified.diff["listings"]["ofac_cons"]["programs"]["added"]


def test_un_history_across_versions(store: Store, lists_dir: Path) -> None:
    un = lists_dir / "un"
    dates = ["2017-07-03", "2018-10-30", "2020-11-30", "2024-09-26"]
    for date in dates[:3]:
        store.import_source("un", un / f"snapshots/{date}/consolidated.xml.gz")
    # 2020 -> 2024 removes 185 of 1018 entries (18%): refused by default ...
    with pytest.raises(ImportRefused, match="185 of 1018"):
        store.import_source("un", un / "snapshots/2024-09-26/consolidated.xml.gz")
    assert len(store.versions("un")) == 3
    # ... and accepted when the operator allows it
    store.import_source("un", un / "snapshots/2024-09-26/consolidated.xml.gz", max_removal=0.2)
    store.import_source("un", un / "consolidated.xml")
    versions = store.versions("un")
    assert [v.date for v in versions] == [
        "2017-07-03",
        "2018-10-29",
        "2020-11-30",
        "2024-09-26",
        "2025-04-19",
    ]
    # an entity on every version, another added in 2018 and removed by 2024
    for version in versions:
        ids = {e.id for e in store.entities(as_of=version.date, lists=["un_sc"])}
        assert "un-111497" in ids
    shipping = store.entity_history("un-6908682")
    assert [(r.change, r.date) for r in shipping if r.version_id] == [
        ("added", "2018-10-29"),
        ("removed", "2024-09-26"),
    ]
    assert "un-6908682" not in {e.id for e in store.entities()}
    assert store.get_entity("un-6908682").caption.startswith("MYOHYANG")
    first = [r for r in store.entity_history("un-111497") if r.version_id]
    assert first[0].change == "added" and first[0].date == "2017-07-03"
    assert sum(v.modified for v in versions) > 0


def test_dod_time_travel_xiaomi(store: Store, lists_dir: Path) -> None:
    store.import_source("dod", lists_dir / "dod_ccmc")
    march = [
        e
        for e in store.entities(as_of="2021-03-01", lists=["dod_1237"])
        if "xiaomi" in e.caption.lower()
    ]
    assert [e.caption for e in march] == ["Xiaomi Corporation"]
    june = [
        e
        for e in store.entities(as_of="2021-06-01", lists=["dod_1237"])
        if "xiaomi" in e.caption.lower()
    ]
    assert june == []
    (xiaomi,) = [e for e in store.find_entities("xiaomi") if e.schema != "Person"]
    events = {(r.change, r.date): r for r in store.entity_history(xiaomi.id)}
    assert ("listed", "2021-01-14") in events
    assert events[("delisted", "2021-05-25")].detail


def test_huawei_on_the_consolidated_list(store: Store, lists_dir: Path) -> None:
    store.import_source("ofac_cons", lists_dir / "ofac_cons" / "consolidated.xml")
    huawei = store.get_entity("ofac-30947")
    assert huawei.caption == "HUAWEI TECHNOLOGIES CO., LTD."
    (listing,) = [ls for ls in huawei.listings if ls.list == "ofac_cons"]
    assert "CMIC-EO13959" in listing.programs and listing.listed_on == "2021-06-03"
    assert "ofac-30947" in {e.id for e in store.find_entities("huawei technologies")}
    assert "ofac-30947" not in {e.id for e in store.entities(as_of="2021-05-01")}
    assert "ofac-30947" in {e.id for e in store.entities(as_of="2021-06-03")}
