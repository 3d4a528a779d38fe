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
