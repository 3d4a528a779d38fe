"""Store behaviour on every backend (SQLite and PostgreSQL), using the FtM source."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tamis.errors import EmptySourceError, ImportRefused, InputError, NotFound, ParseError
from tamis.store import Store

from .helpers import person, write_ftm

V1 = [
    person("a", "Anna Ivanova", programs=["RUSSIA-EO14024"], listed_on="2022-03-01"),
    person("b", "Boris Petrov", programs=["UKRAINE-EO13662"], listed_on="2014-07-16"),
    person(
        "c", "Carla Gomez", listed_on="2019-05-01", delisted_on="2021-05-25", reason="court order"
    ),
] + [person(f"x{i}", f"Filler Person {i}", listed_on="2018-01-01") for i in range(20)]


def _v2() -> list[dict]:
    v2 = [dict(e) for e in V1 if e["id"] != "c"]
    b = person(
        "b",
        "Boris Petrov",
        programs=["UKRAINE-EO13662", "RUSSIA-EO14024"],
        listed_on="2014-07-16",
        alias=["Borya"],
    )
    v2 = [b if e["id"] == "b" else e for e in v2]
    v2.append(person("d", "Dmitri Orlov", listed_on="2024-05-03"))
    return v2


@pytest.fixture
def two_versions(store: Store, tmp_path: Path) -> Store:
    store.import_source("ftm", write_ftm(tmp_path / "v1.jsonl", V1), fetched_at="2024-05-02")
    store.import_source("ftm", write_ftm(tmp_path / "v2.jsonl", _v2()), fetched_at="2024-05-03")
    return store


def test_first_import_adds_everything(store: Store, tmp_path: Path) -> None:
    result = store.import_source("ftm", write_ftm(tmp_path / "v1.jsonl", V1))
    assert result.status == "imported"
    assert result.entity_count == len(V1)
    assert sorted(result.added) == sorted(e["id"] for e in V1)
    assert result.removed == [] and result.modified == []
    assert result.published == "2022-03-01"  # newest listing date in the file
    assert len(result.sha256) == 64
    (version,) = store.versions("ftm")
    assert version.current and version.entity_count == len(V1)
    assert version.counts["schema"] == {"Person": len(V1)}
    assert version.counts["list"] == {"mylist": len(V1)}


def test_same_file_again_is_unchanged_and_writes_nothing(store: Store, tmp_path: Path) -> None:
    path = write_ftm(tmp_path / "v1.jsonl", V1)
    first = store.import_source("ftm", path)
    token = store.data_version()
    again = store.import_source("ftm", path)
    assert again.status == "unchanged"
    assert again.version_id == first.version_id and again.sha256 == first.sha256
    assert store.data_version() == token
    assert len(store.versions()) == 1


def test_second_version_reports_added_removed_modified(two_versions: Store) -> None:
    store = two_versions
    v1, v2 = store.versions("ftm")
    assert (v2.added, v2.removed, v2.modified) == (1, 1, 1)
    assert not v1.current and v2.current
    current = {e.id for e in store.entities()}
    assert "c" not in current and "d" in current
    diff = store.diff("ftm")
    assert diff.from_version.id == v1.id and diff.to_version.id == v2.id
    assert [i for i, _ in diff.added] == ["d"]
    assert [i for i, _ in diff.removed] == ["c"]
    (changed,) = diff.changed
    assert changed.id == "b"
    assert changed.diff["properties"] == {"alias": {"added": ["Borya"], "removed": []}}
    assert changed.diff["listings"]["mylist"]["programs"] == {
        "added": ["RUSSIA-EO14024"],
        "removed": [],
    }


def test_diff_by_dates_and_json(two_versions: Store) -> None:
    diff = two_versions.diff("ftm", from_date="2024-05-02", to_date="2024-05-03")
    data = diff.to_dict()
    # the FtM file carries no publication date: the newest listing date stands for it
    assert (data["from"]["date"], data["from"]["fetched_at"]) == ("2022-03-01", "2024-05-02")
    assert (data["to"]["date"], data["to"]["fetched_at"]) == ("2024-05-03", "2024-05-03")
    assert [a["id"] for a in data["added"]] == ["d"]
    reverse = two_versions.diff("ftm", from_date="2024-05-03", to_date="2024-05-02")
    assert [i for i, _ in reverse.added] == ["c"] and [i for i, _ in reverse.removed] == ["d"]


def test_entity_history_has_versions_and_listing_dates(two_versions: Store) -> None:
    history = two_versions.entity_history("b")
    kinds = [(r.change, r.date) for r in history]
    assert ("listed", "2014-07-16") in kinds
    assert [r.change for r in history if r.version_id] == ["added", "modified"]
    modified = next(r for r in history if r.change == "modified")
    assert "RUSSIA-EO14024" in modified.diff["listings"]["mylist"]["programs"]["added"]
    removed = two_versions.entity_history("c")
    assert [r.change for r in removed if r.version_id] == ["added", "removed"]
    delisted = next(r for r in removed if r.change == "delisted")
    assert (delisted.date, delisted.detail) == ("2021-05-25", "court order")
    with pytest.raises(NotFound):
        two_versions.entity_history("nobody")


def test_time_travel_uses_listing_dates(two_versions: Store) -> None:
    on_2020 = {e.id for e in two_versions.entities(as_of="2020-01-01")}
    assert "c" in on_2020 and "a" not in on_2020  # a listed 2022, c delisted 2021
    on_2021_06 = {e.id for e in two_versions.entities(as_of="2021-06-01")}
    assert "c" not in on_2021_06
    assert {e.id for e in two_versions.entities(lists=["otherlist"])} == set()
    assert len(list(two_versions.entities(lists=["mylist"]))) == len(_v2())
    with pytest.raises(InputError):
        list(two_versions.entities(as_of="01/02/2021"))


def test_version_in_force_on_a_date(store: Store, tmp_path: Path) -> None:
    old = [person("o", "Old Entry")] + [person(f"x{i}", f"Filler {i}") for i in range(20)]
    new = [person("n", "New Entry")] + [person(f"x{i}", f"Filler {i}") for i in range(20)]
    store.import_source("ftm", write_ftm(tmp_path / "old.jsonl", old), fetched_at="2020-01-01")
    store.import_source("ftm", write_ftm(tmp_path / "new.jsonl", new), fetched_at="2023-01-01")
    assert "o" in {e.id for e in store.entities(as_of="2021-01-01")}
    assert "n" in {e.id for e in store.entities(as_of="2023-06-01")}
    assert "o" in {e.id for e in store.entities(as_of="2010-01-01")}  # before all: oldest
    assert store.version_on("ftm", "2021-01-01").fetched_at == "2020-01-01"


def test_removal_limit_refuses_and_keeps_previous(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.import_source("ftm", write_ftm(tmp_path / "v1.jsonl", V1))
    token = store.data_version()
    cut = write_ftm(tmp_path / "cut.jsonl", V1[:10])  # 13 of 23 removed
    with pytest.raises(ImportRefused, match="would remove 13 of 23"):
        store.import_source("ftm", cut)
    assert store.data_version() == token
    assert len(list(store.entities())) == len(V1)
    monkeypatch.setenv("TAMIS_MAX_REMOVAL", "0.2")
    with pytest.raises(ImportRefused, match="20%"):
        store.import_source("ftm", cut)
    result = store.import_source("ftm", cut, max_removal=0.6)
    assert len(result.removed) == 13
    monkeypatch.setenv("TAMIS_MAX_REMOVAL", "lots")
    with pytest.raises(InputError):
        store.import_source("ftm", write_ftm(tmp_path / "v1b.jsonl", V1))


def test_force_accepts_a_large_removal(store: Store, tmp_path: Path) -> None:
    store.import_source("ftm", write_ftm(tmp_path / "v1.jsonl", V1))
    result = store.import_source("ftm", write_ftm(tmp_path / "one.jsonl", V1[:1]), force=True)
    assert result.status == "imported" and len(result.removed) == len(V1) - 1


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        (b"", EmptySourceError, "empty"),
        (b"{not json}\n", ParseError, "line 1: not valid JSON"),
        (b'{"id": "a", "schema": "Dragon"}\n', ParseError, "unknown schema"),
        (
            b'{"id": "a", "schema": "Person", "properties": {"name": ["J\xe9r\xf4me"]}}\n',
            Exception,
            "not valid utf-8",
        ),
    ],
)
def test_bad_files_are_refused(
    store: Store, tmp_path: Path, content: bytes, error: type[Exception], message: str
) -> None:
    store.import_source("ftm", write_ftm(tmp_path / "v1.jsonl", V1))
    before = store.versions()
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(content)
    with pytest.raises(error, match=message):
        store.import_source("ftm", bad)
    assert store.versions() == before


def test_missing_path_is_an_input_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        store.import_source("ftm", tmp_path / "absent.jsonl")
    with pytest.raises(NotFound, match="unknown source"):
        store.import_source("no_such_source", tmp_path)


def test_get_and_find_entities(two_versions: Store) -> None:
    assert two_versions.get_entity("b").get("alias") == ["Borya"]
    assert two_versions.get_entity("c").caption == "Carla Gomez"  # removed: last known record
    with pytest.raises(NotFound):
        two_versions.get_entity("zzz")
    assert [e.id for e in two_versions.find_entities("PETROV")] == ["b"]
    assert [e.id for e in two_versions.find_entities("borya")] == ["b"]
    assert [e.id for e in two_versions.find_entities("c")] == ["c"]  # by id, though removed
    assert two_versions.find_entities("100%_") == []  # LIKE wildcards are literal
    assert len(two_versions.find_entities("filler", limit=5)) == 5
    with pytest.raises(InputError):
        two_versions.find_entities("   ")


def test_changes_since_and_summary(two_versions: Store) -> None:
    changes = two_versions.changes_since("2000-01-01")
    assert len(changes) == len(V1) + 3
    assert {c.change for c in changes} == {"added", "removed", "modified"}
    assert two_versions.changes_since("2999-01-01") == []
    assert len(two_versions.changes_since("2000-01-01", source="ftm", limit=4)) == 4
    for bad in ("yesterday", "2024-13-01", "2024-05-02T25:00", ""):
        with pytest.raises(InputError):
            two_versions.changes_since(bad)
    now = two_versions.versions()[-1].imported_at  # UTC, e.g. 2026-11-27T11:36:52Z
    assert two_versions.changes_since(now)
    assert two_versions.changes_since(now.replace("Z", "+00:00"))
    moment = datetime.fromisoformat(now.replace("Z", "+00:00"))
    shifted = moment.astimezone(timezone(timedelta(hours=1))).isoformat()  # same instant
    assert len(two_versions.changes_since(shifted)) == len(two_versions.changes_since(now))
    (summary,) = two_versions.sources_summary()
    assert summary["source"] == "ftm" and summary["entity_count"] == len(_v2())
    assert summary["versions"] == 2 and summary["fetched_at"] == "2024-05-03"


def test_data_version_changes_with_imports(store: Store, tmp_path: Path) -> None:
    empty = store.data_version()
    store.import_source("ftm", write_ftm(tmp_path / "v1.jsonl", V1))
    assert store.data_version() != empty


def test_reopening_keeps_data(store_url: str, tmp_path: Path) -> None:
    from tamis.store import open_store

    first = open_store(store_url)
    first.import_source("ftm", write_ftm(tmp_path / "v1.jsonl", V1))
    first.close()
    again = open_store(store_url)
    assert len(list(again.entities())) == len(V1)
    again.close()


def test_concurrent_imports_stay_consistent(store: Store, tmp_path: Path) -> None:
    """Two imports of one source racing: each either lands whole or fails cleanly."""
    import threading

    from sqlalchemy import func, select

    from tamis.errors import StoreError
    from tamis.store.schema import EntitySpan

    from .helpers import synthetic

    files = [write_ftm(tmp_path / f"r{i}.jsonl", synthetic(3000, start=i * 100)) for i in range(2)]
    outcomes: list[object] = []

    def run(path: Path) -> None:
        try:
            outcomes.append(store.import_source("ftm", path, force=True))
        except StoreError as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=run, args=(path,)) for path in files]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    errors = [o for o in outcomes if isinstance(o, StoreError)]
    assert all("another import" in str(e) for e in errors)
    assert len(store.versions("ftm")) == 2 - len(errors) >= 1
    current = store.versions("ftm")[-1]
    with store.engine.connect() as conn:
        open_spans = conn.execute(
            select(func.count()).select_from(EntitySpan).where(EntitySpan.until_version.is_(None))
        ).scalar()
    assert open_spans == current.entity_count == 3000
