"""The :class:`Store`: versions of every source, their entities, and time travel."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Engine, func, or_, select
from sqlalchemy.orm import Session

from tamis.config import database_url
from tamis.errors import InputError, NotFound
from tamis.model import Entity, Listing
from tamis.store import history
from tamis.store.engine import make_engine, migrate
from tamis.store.history import in_version
from tamis.store.importer import run_import, utc_now
from tamis.store.schema import EntitySpan, FetchState, Version
from tamis.store.types import ChangeRecord, Diff, ImportResult, VersionInfo

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value: str, what: str = "date") -> str:
    """``value`` if it is an ISO date (``YYYY[-MM[-DD]]``), else :class:`InputError`."""
    if not isinstance(value, str) or not _DATE.match(value):
        raise InputError(f"{what} must be an ISO date like 2021-03-01, got {value!r}")
    return value


def utc_since(value: str) -> str:
    """An ISO date or date-time as the UTC ``YYYY-MM-DD[THH:MM:SSZ]`` the store compares."""
    text = value.strip() if isinstance(value, str) else ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    else:
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            moment = None
        if moment is not None and len(text) > 10:
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    raise InputError(f"since must be an ISO date or date-time, got {value!r}")


def entity_from_payload(payload: str | bytes) -> Entity:
    """Rebuild an entity from its stored JSON (trusted data: no re-cleaning)."""
    data = orjson.loads(payload)
    return Entity(
        id=data["id"],
        schema=data["schema"],
        properties={k: list(v) for k, v in (data.get("properties") or {}).items()},
        listings=[Listing.from_dict(item) for item in data.get("listings") or []],
    )


def version_info(row: Version, current: bool = False) -> VersionInfo:
    return VersionInfo(
        id=row.id,
        source=row.source,
        published=row.published,
        fetched_at=row.fetched_at,
        imported_at=row.imported_at,
        sha256=row.sha256,
        entity_count=row.entity_count,
        counts=orjson.loads(row.counts),
        files=orjson.loads(row.files),
        added=row.added,
        removed=row.removed,
        modified=row.modified,
        warnings=orjson.loads(row.warnings),
        current=current,
    )


class Store:
    """Every imported version of every source, with entity histories.

    Open one with :func:`open_store`. A Store is safe to share between threads
    (each call takes its own connection).
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    # -- writing ------------------------------------------------------------
    def import_source(
        self,
        source: str,
        files: Path | dict[str, Path],
        *,
        fetched_at: str | None = None,
        max_removal: float | None = None,
        force: bool = False,
        progress: Callable[[str, int, int], None] | None = None,
    ) -> ImportResult:
        """Import one version of ``source`` from a directory, a file or {logical name: path}.

        Returns status "unchanged" (nothing written) when the files hash like the
        current version. Refuses (:class:`tamis.errors.SourceError` or
        :class:`tamis.errors.ImportRefused`) files that do not parse or that would
        remove more than ``max_removal`` (default ``TAMIS_MAX_REMOVAL`` or 10%) of
        the current entities, unless ``force``. ``progress(phase, done, total)`` is
        called with phases hashing, parsing, comparing, writing, done.
        """
        return run_import(
            self.engine,
            source,
            files,
            fetched_at=fetched_at,
            max_removal=max_removal,
            force=force,
            progress=progress,
        )

    # -- versions -----------------------------------------------------------
    def versions(self, source: str | None = None) -> list[VersionInfo]:
        """Every version, oldest import first (per source)."""
        query = select(Version).order_by(Version.source, Version.id)
        if source is not None:
            query = query.where(Version.source == source)
        with Session(self.engine) as session:
            rows = list(session.scalars(query))
        newest: dict[str, int] = {}
        for row in rows:
            newest[row.source] = max(newest.get(row.source, 0), row.id)
        return [version_info(row, newest[row.source] == row.id) for row in rows]

    def current_versions(self) -> dict[str, VersionInfo]:
        return {v.source: v for v in self.versions() if v.current}

    def version_on(self, source: str, on: str | None) -> VersionInfo:
        """The version of ``source`` in force on ``on`` (None: the current one).

        That is the newest version dated (published, else fetched) on or before
        ``on``; when every version is later, the oldest one.
        """
        versions = self.versions(source)
        if not versions:
            raise NotFound(f"no version of source {source!r} has been imported")
        if on is None:
            return versions[-1]
        check_date(on)
        ordered = sorted(versions, key=lambda v: (v.date, v.id))
        before = [v for v in ordered if v.date[: len(on)] <= on]
        return before[-1] if before else ordered[0]

    def data_version(self) -> str:
        """A token that changes whenever an import changes data."""
        with self.engine.connect() as conn:
            count, newest = conn.execute(select(func.count(Version.id), func.max(Version.id))).one()
        return f"{count}-{newest or 0}"

    def sources_summary(self) -> list[dict[str, Any]]:
        """Per source: current version date, entity count, last import, sha256."""
        from tamis.sources.base import get_source

        out = []
        versions = self.versions()
        for source, current in sorted(self.current_versions().items()):
            try:
                title = get_source(source).title
            except NotFound:
                title = source
            out.append(
                {
                    "source": source,
                    "title": title,
                    "version_id": current.id,
                    "date": current.date,
                    "published": current.published,
                    "entity_count": current.entity_count,
                    "lists": current.counts.get("list", {}),
                    "imported_at": current.imported_at,
                    "fetched_at": current.fetched_at,
                    "sha256": current.sha256,
                    "versions": sum(1 for v in versions if v.source == source),
                }
            )
        return out

    # -- entities -----------------------------------------------------------
    def entities(
        self, as_of: str | None = None, lists: Sequence[str] | None = None
    ) -> Iterator[Entity]:
        """Entities of the current versions, or of the versions in force on ``as_of``.

        With ``as_of`` only entities with a listing in force on that date are
        returned. With ``lists`` only entities on those lists, keeping just the
        listings on them.
        """
        if as_of is not None:
            check_date(as_of, "as_of")
        wanted = set(lists) if lists else None
        for source in sorted(self.current_versions()):
            version = self.version_on(source, as_of)
            if wanted is not None and not wanted & set(version.counts.get("list", {})):
                continue
            query = select(EntitySpan.payload).where(in_version(source, version.id))
            query = query.order_by(EntitySpan.entity_id)
            with self.engine.connect() as conn:
                payloads = [row[0] for row in conn.execute(query)]
            for payload in payloads:
                entity = entity_from_payload(payload)
                if wanted is not None:
                    entity.listings = [ls for ls in entity.listings if ls.list in wanted]
                    if not entity.listings:
                        continue
                if as_of is not None and not entity.in_force(as_of):
                    continue
                yield entity

    def get_entity(self, entity_id: str) -> Entity:
        """The entity with this id: its current record, else its last known one."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(EntitySpan.source, EntitySpan.until_version, EntitySpan.payload)
                .where(EntitySpan.entity_id == entity_id)
                .order_by(EntitySpan.id.desc())
            ).all()
        if not rows:
            raise NotFound(f"no entity with id {entity_id!r}")
        current = [r for r in rows if r.until_version is None]
        chosen = current or [rows[0]]
        entity = entity_from_payload(chosen[0].payload)
        for row in chosen[1:]:  # the same id published by several sources
            other = entity_from_payload(row.payload)
            for prop, values in other.properties.items():
                entity.add(prop, values)
            entity.listings.extend(other.listings)
        return entity

    def find_entities(self, text: str, limit: int = 20) -> list[Entity]:
        """Entities whose id is ``text`` or one of whose names contains it (any case).

        Current entities come first; entities no longer listed are found too.
        """
        needle = " ".join(text.split()).casefold()
        if not needle:
            raise InputError("the search text is empty")
        query = (
            select(EntitySpan.entity_id, EntitySpan.until_version, EntitySpan.payload)
            .where(
                or_(
                    EntitySpan.entity_id == text.strip(),
                    EntitySpan.names.contains(needle, autoescape=True),
                )
            )
            .order_by(EntitySpan.until_version.is_not(None), EntitySpan.id.desc())
        )
        found: dict[str, Entity] = {}
        with self.engine.connect() as conn:
            for entity_id, _until, payload in conn.execute(query):
                if entity_id not in found:
                    found[entity_id] = entity_from_payload(payload)
                if len(found) >= limit:
                    break
        return list(found.values())

    # -- history ------------------------------------------------------------
    def entity_history(self, entity_id: str) -> list[ChangeRecord]:
        """The entity's timeline: version changes plus the dated listing events."""
        return history.entity_history(self.engine, entity_id)

    def diff(self, source: str, from_date: str | None = None, to_date: str | None = None) -> Diff:
        """Added / removed / changed entities between the versions in force on two dates.

        ``to_date`` None: the current version; ``from_date`` None: the version
        before ``to``.
        """
        to_version = self.version_on(source, to_date)
        if from_date is None:
            ordered = sorted(self.versions(source), key=lambda v: (v.date, v.id))
            index = [v.id for v in ordered].index(to_version.id)
            from_version = ordered[index - 1] if index > 0 else None
        else:
            from_version = self.version_on(source, from_date)
        return history.diff_versions(self.engine, source, from_version, to_version)

    def changes_since(
        self, since: str, source: str | None = None, limit: int | None = None
    ) -> list[ChangeRecord]:
        """Changes recorded by versions imported at or after ``since``.

        ``since`` is an ISO date (``2026-11-27``, UTC) or date-time (``2026-11-27T10:00:00Z``
        or with an offset); import times are kept in UTC.
        """
        return history.changes_since(self.engine, utc_since(since), source, limit)

    # -- conditional downloads -------------------------------------------------
    def fetch_state(self, url: str) -> dict[str, str | None] | None:
        with Session(self.engine) as session:
            state = session.scalars(select(FetchState).where(FetchState.url == url)).first()
        if state is None:
            return None
        return {
            "etag": state.etag,
            "last_modified": state.last_modified,
            "sha256": state.sha256,
            "checked_at": state.checked_at,
        }

    def remember_fetch(
        self, source: str, url: str, etag: str | None, last_modified: str | None, sha256: str | None
    ) -> None:
        with self.engine.begin() as conn:
            conn.execute(FetchState.__table__.delete().where(FetchState.url == url))
            conn.execute(
                FetchState.__table__.insert().values(
                    url=url,
                    source=source,
                    etag=etag,
                    last_modified=last_modified,
                    sha256=sha256,
                    checked_at=utc_now(),
                )
            )


def open_store(url: str | None = None) -> Store:
    """Open (creating and migrating to head if needed) the store at ``url``.

    Default: ``TAMIS_DATABASE_URL``, else the SQLite file ``$TAMIS_HOME/tamis.db``.
    """
    engine = make_engine(url or database_url())
    migrate(engine)
    return Store(engine)
