"""At most one current record per entity and source (a partial unique index).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_CURRENT = sa.text("until_version IS NULL")


def upgrade() -> None:
    op.create_index(
        "ux_spans_current",
        "entity_spans",
        ["source", "entity_id"],
        unique=True,
        sqlite_where=_CURRENT,
        postgresql_where=_CURRENT,
    )


def downgrade() -> None:
    op.drop_index("ux_spans_current", "entity_spans")
