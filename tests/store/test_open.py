"""Opening stores: the public names, and clear errors for unusable databases."""

from __future__ import annotations

from pathlib import Path

import pytest

import tamis.store
from tamis.errors import StoreError
from tamis.store import open_store


def test_exported_names() -> None:
    assert sorted(tamis.store.__all__) == [
        "ChangeRecord",
        "Diff",
        "EntityChange",
        "ImportResult",
        "Store",
        "VersionInfo",
        "open_store",
    ]


def test_default_location_is_tamis_home(tamis_home: Path) -> None:
    store = open_store()
    assert store.url == f"sqlite:///{tamis_home / 'tamis.db'}"
    assert (tamis_home / "tamis.db").exists()
    assert store.versions() == [] and store.data_version() == "0-0"
    store.close()


def test_database_url_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TAMIS_DATABASE_URL", f"sqlite:///{tmp_path / 'other.db'}")
    open_store().close()
    assert (tmp_path / "other.db").exists()


@pytest.mark.parametrize(
    "url",
    [
        "nosuchdb://somewhere/x",
        "sqlite:////proc/no/such/dir/tamis.db",
        "postgresql+psycopg://nobody@127.0.0.1:1/tamis",
    ],
)
def test_unusable_database_is_a_store_error(url: str) -> None:
    with pytest.raises(StoreError) as info:
        open_store(url)
    assert "nobody:" not in str(info.value)


def test_not_a_database_file(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        open_store(f"sqlite:///{junk}")
