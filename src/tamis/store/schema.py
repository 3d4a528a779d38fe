"""Database tables of the store (SQLAlchemy 2 typed declarative models).

* ``versions`` – one row per import of a source that changed something.
* ``entity_spans`` – one row per (entity, run of versions with identical
  content). A span is opened by the version that added or modified the entity
  and closed (``until_version``) by the version that removed or modified it
  again; ``until_version`` is NULL while the span is current. Version ids grow
  with every import, so "the entities of version v of source s" are the spans
  of s with ``first_version <= v`` and ``until_version`` NULL or ``> v``.
* ``changes`` – the change log: added / modified (with a field-level diff) /
  removed, one row per entity per version.
* ``api_keys`` – hashed keys of the HTTP service.
* ``fetch_state`` – ETag / Last-Modified of downloaded files, for
  conditional requests.

The Alembic migrations in ``tamis/store/migrations`` create the same tables;
a test checks that the two agree.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Version(Base):
    __tablename__ = "versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(64), index=True)
    published: Mapped[str | None] = mapped_column(String(32))
    fetched_at: Mapped[str] = mapped_column(String(40))
    imported_at: Mapped[str] = mapped_column(String(40))
    sha256: Mapped[str] = mapped_column(String(64))
    entity_count: Mapped[int] = mapped_column(Integer)
    #: JSON: {"schema": {...}, "list": {...}}
    counts: Mapped[str] = mapped_column(Text)
    #: JSON: {logical file name: sha256}
    files: Mapped[str] = mapped_column(Text)
    #: JSON list of parser warnings
    warnings: Mapped[str] = mapped_column(Text)
    added: Mapped[int] = mapped_column(Integer, default=0)
    removed: Mapped[int] = mapped_column(Integer, default=0)
    modified: Mapped[int] = mapped_column(Integer, default=0)


class EntitySpan(Base):
    __tablename__ = "entity_spans"
    __table_args__ = (
        Index("ix_spans_source_until", "source", "until_version"),
        Index("ix_spans_entity", "entity_id"),
        # at most one current record per entity and source
        Index(
            "ux_spans_current",
            "source",
            "entity_id",
            unique=True,
            sqlite_where=text("until_version IS NULL"),
            postgresql_where=text("until_version IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(255))
    first_version: Mapped[int] = mapped_column(ForeignKey("versions.id"))
    until_version: Mapped[int | None] = mapped_column(ForeignKey("versions.id"))
    fingerprint: Mapped[str] = mapped_column(String(64))
    #: lower-cased names, one a line, for the simple name search
    names: Mapped[str] = mapped_column(Text)
    #: the entity as FtM JSON (Entity.to_dict)
    payload: Mapped[str] = mapped_column(Text)


class Change(Base):
    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"), index=True)
    source: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(255))
    change: Mapped[str] = mapped_column(String(16))
    caption: Mapped[str] = mapped_column(Text)
    #: JSON field-level diff for "modified", NULL otherwise
    diff: Mapped[str | None] = mapped_column(Text)


class FetchState(Base):
    __tablename__ = "fetch_state"

    url: Mapped[str] = mapped_column(String(1000), primary_key=True)
    source: Mapped[str] = mapped_column(String(64))
    etag: Mapped[str | None] = mapped_column(String(255))
    last_modified: Mapped[str | None] = mapped_column(String(64))
    sha256: Mapped[str | None] = mapped_column(String(64))
    checked_at: Mapped[str] = mapped_column(String(40))


class ApiKeyRow(Base):
    """An HTTP API key: only its salted HMAC digest is kept (see ``tamis.api.keys``).

    Rows are never deleted; revoking sets ``revoked_at``, so the record of who
    had access stays.
    """

    __tablename__ = "api_keys"

    id: Mapped[str] = mapped_column(String(8), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(16))
    salt: Mapped[str] = mapped_column(String(64))
    digest: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(32))
    revoked_at: Mapped[str | None] = mapped_column(String(32))
