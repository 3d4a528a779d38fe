"""Alembic environment: the store runs migrations programmatically (see tamis.store.engine).

The caller passes an open connection in ``config.attributes["connection"]``;
run from the ``alembic`` command line, the URL comes from tamis.config.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from tamis.store.schema import Base

config = context.config


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    from tamis.config import database_url

    engine = create_engine(config.get_main_option("sqlalchemy.url") or database_url())
    with engine.begin() as conn:
        _run(conn)
