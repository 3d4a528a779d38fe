"""Reading the change log: entity timelines, version diffs, changes since a time."""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import Engine, and_, or_, select

from tamis.errors import NotFound
from tamis.store.diffing import entity_diff
from tamis.store.schema import Change, EntitySpan, Version
from tamis.store.types import ChangeRecord, Diff, EntityChange, VersionInfo

_CHANGE_COLS = (
    Change.version_id,
    Change.source,
    Change.entity_id,
    Change.change,
    Change.caption,
    Change.diff,
)


def _record(row: Any) -> ChangeRecord:
    return ChangeRecord(
        date=_version_date(row.published, row.fetched_at),
        entity_id=row.entity_id,
        caption=row.caption,
        change=row.change,
        source=row.source,
        version_id=row.version_id,
        diff=orjson.loads(row.diff) if row.diff else None,
        imported_at=row.imported_at,
    )


def in_version(source: str, version_id: int) -> Any:
    """SQL condition: spans of ``source`` that belong to version ``version_id``."""
    return and_(
        EntitySpan.source == source,
        EntitySpan.first_version <= version_id,
        or_(EntitySpan.until_version.is_(None), EntitySpan.until_version > version_id),
    )


def _version_date(published: str | None, fetched_at: str) -> str:
    return published or fetched_at[:10]


def entity_history(engine: Engine, entity_id: str) -> list[ChangeRecord]:
    """Version-by-version changes of one entity plus the dated events its listings carry."""
    with engine.connect() as conn:
        changes = conn.execute(
            select(*_CHANGE_COLS, Version.published, Version.fetched_at, Version.imported_at)
            .join(Version, Version.id == Change.version_id)
            .where(Change.entity_id == entity_id)
            .order_by(Change.version_id)
        ).all()
        last_spans = conn.execute(
            select(EntitySpan.source, EntitySpan.payload)
            .where(EntitySpan.entity_id == entity_id)
            .order_by(EntitySpan.id)
        ).all()
    if not changes and not last_spans:
        raise NotFound(f"no entity with id {entity_id!r}")
    records = [_record(row) for row in changes]
    latest: dict[str, dict[str, Any]] = {}
    for source, payload in last_spans:  # the newest record per source wins
        latest[source] = orjson.loads(payload)
    seen: set[tuple[str | None, str, str | None]] = set()
    for source, data in latest.items():
        for record in _listing_events(source, entity_id, data):
            key = (record.date, record.change, record.list)
            if key not in seen:
                seen.add(key)
                records.append(record)
    order = {"listed": 0, "designated": 0, "added": 1, "modified": 2}
    records.sort(key=lambda r: (r.date or "9999", order.get(r.change, 3), r.version_id or 0))
    return records


def _listing_events(source: str, entity_id: str, data: dict[str, Any]) -> list[ChangeRecord]:
    caption = data.get("caption") or entity_id
    out: list[ChangeRecord] = []
    for listing in data.get("listings") or []:
        lst = listing["list"]
        programs = ", ".join(listing.get("programs") or []) or None
        if listing.get("listed_on"):
            out.append(
                ChangeRecord(
                    listing["listed_on"],
                    entity_id,
                    caption,
                    "listed",
                    source,
                    list=lst,
                    detail=programs,
                )
            )
        if listing.get("delisted_on"):
            out.append(
                ChangeRecord(
                    listing["delisted_on"],
                    entity_id,
                    caption,
                    "delisted",
                    source,
                    list=lst,
                    detail=listing.get("delisting_reason") or None,
                )
            )
        for event in listing.get("events") or []:
            name = event.get("event") or "event"
            if name == "designated":
                name = "listed"
            out.append(
                ChangeRecord(
                    event.get("date"),
                    entity_id,
                    caption,
                    name,
                    source,
                    list=lst,
                    detail=event.get("detail") or None,
                )
            )
    # an event and the listing dates may say the same thing: keep the list's own
    # record (it comes first) unless only the event has a detail
    best: dict[tuple[str | None, str], ChangeRecord] = {}
    for record in out:
        key = (record.date, record.change)
        if key not in best or (record.detail and not best[key].detail):
            best[key] = record
    return list(best.values())


def _fingerprints(conn: Any, source: str, version_id: int) -> dict[str, tuple[int, str]]:
    return {
        entity_id: (span_id, fingerprint)
        for span_id, entity_id, fingerprint in conn.execute(
            select(EntitySpan.id, EntitySpan.entity_id, EntitySpan.fingerprint).where(
                in_version(source, version_id)
            )
        )
    }


def diff_versions(engine: Engine, source: str, old: VersionInfo | None, new: VersionInfo) -> Diff:
    """Compare the entity sets of two versions of one source."""
    with engine.connect() as conn:
        before = _fingerprints(conn, source, old.id) if old else {}
        after = _fingerprints(conn, source, new.id)
        changed_ids = sorted(
            eid for eid in after if eid in before and before[eid][1] != after[eid][1]
        )
        wanted = [before[e][0] for e in changed_ids] + [after[e][0] for e in changed_ids]
        wanted += [after[e][0] for e in after if e not in before]
        wanted += [before[e][0] for e in before if e not in after]
        payloads: dict[int, dict[str, Any]] = {}
        for start in range(0, len(wanted), 500):
            for span_id, payload in conn.execute(
                select(EntitySpan.id, EntitySpan.payload).where(
                    EntitySpan.id.in_(wanted[start : start + 500])
                )
            ):
                payloads[span_id] = orjson.loads(payload)

    def caption(span_id: int, eid: str) -> str:
        return payloads[span_id].get("caption") or eid

    return Diff(
        source=source,
        from_version=old,
        to_version=new,
        added=[(e, caption(after[e][0], e)) for e in sorted(after) if e not in before],
        removed=[(e, caption(before[e][0], e)) for e in sorted(before) if e not in after],
        changed=[
            EntityChange(
                e,
                caption(after[e][0], e),
                entity_diff(payloads[before[e][0]], payloads[after[e][0]]),
            )
            for e in changed_ids
        ],
    )


def changes_since(
    engine: Engine, since: str, source: str | None, limit: int | None
) -> list[ChangeRecord]:
    query = (
        select(*_CHANGE_COLS, Version.published, Version.fetched_at, Version.imported_at)
        .join(Version, Version.id == Change.version_id)
        .where(Version.imported_at >= since)
        .order_by(Change.version_id, Change.id)
    )
    if source is not None:
        query = query.where(Change.source == source)
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return [_record(row) for row in rows]
