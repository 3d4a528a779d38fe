"""The Alembic migrations build exactly the tables the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from tamis.store import Store
from tamis.store.engine import HEAD, head_revision, migrate
from tamis.store.schema import Base


def test_migrated_schema_matches_models(store: Store) -> None:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn)
        assert context.get_current_revision() == head_revision()
        assert compare_metadata(context, Base.metadata) == []


def test_migrate_is_idempotent(store: Store) -> None:
    migrate(store.engine)
    migrate(store.engine)
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()


def test_known_head_is_the_newest_migration() -> None:
    assert head_revision() == HEAD


def test_upgrade_keeps_data(store_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A store created at the first revision, with data, upgrades to head intact."""
    from alembic import command

    from tamis.store import open_store
    from tamis.store.engine import _alembic_config, make_engine

    from .helpers import person, write_ftm

    engine = make_engine(store_url)
    with engine.begin() as conn:
        config = _alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    old = Store(engine)
    old.import_source("ftm", write_ftm(tmp_path / "a.jsonl", [person("a", "Anna")]))
    engine.dispose()
    store = open_store(store_url)
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == HEAD
    assert [e.id for e in store.entities()] == ["a"]
    store.close()


def test_one_current_record_per_entity(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest
    from sqlalchemy import insert, select
    from sqlalchemy.exc import IntegrityError

    from tamis.store.schema import EntitySpan

    from .helpers import person, write_ftm

    store.import_source("ftm", write_ftm(tmp_path / "a.jsonl", [person("a", "Anna")]))
    with store.engine.connect() as conn:
        row = conn.execute(select(EntitySpan.__table__)).mappings().one()
    duplicate = {k: v for k, v in row.items() if k != "id"}
    with pytest.raises(IntegrityError), store.engine.begin() as conn:
        conn.execute(insert(EntitySpan), [duplicate])
