"""The initial store: versions, entity spans, change log, fetch state.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "versions",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("published", sa.String(32), nullable=True),
        sa.Column("fetched_at", sa.String(40), nullable=False),
        sa.Column("imported_at", sa.String(40), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("entity_count", sa.Integer(), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("files", sa.Text(), nullable=False),
        sa.Column("warnings", sa.Text(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("removed", sa.Integer(), nullable=False),
        sa.Column("modified", sa.Integer(), nullable=False),
    )
    op.create_index("ix_versions_source", "versions", ["source"])
    op.create_table(
        "entity_spans",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("entity_id", sa.String(255), nullable=False),
        sa.Column("first_version", sa.Integer(), sa.ForeignKey("versions.id"), nullable=False),
        sa.Column("until_version", sa.Integer(), sa.ForeignKey("versions.id"), nullable=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("names", sa.Text(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
    )
    op.create_index("ix_spans_source_until", "entity_spans", ["source", "until_version"])
    op.create_index("ix_spans_entity", "entity_spans", ["entity_id"])
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("version_id", sa.Integer(), sa.ForeignKey("versions.id"), nullable=False),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("entity_id", sa.String(255), nullable=False),
        sa.Column("change", sa.String(16), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("diff", sa.Text(), nullable=True),
    )
    op.create_index("ix_changes_version_id", "changes", ["version_id"])
    op.create_index("ix_changes_entity", "changes", ["entity_id"])
    op.create_table(
        "fetch_state",
        sa.Column("url", sa.String(1000), primary_key=True),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("etag", sa.String(255), nullable=True),
        sa.Column("last_modified", sa.String(64), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=True),
        sa.Column("checked_at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("fetch_state")
    op.drop_index("ix_changes_entity", "changes")
    op.drop_index("ix_changes_version_id", "changes")
    op.drop_table("changes")
    op.drop_index("ix_spans_entity", "entity_spans")
    op.drop_index("ix_spans_source_until", "entity_spans")
    op.drop_table("entity_spans")
    op.drop_index("ix_versions_source", "versions")
    op.drop_table("versions")
