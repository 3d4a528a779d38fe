"""Writing one new version inside the import's single transaction.

Spans of removed and modified entities are closed, new spans opened for added
and modified ones, and the change log gets one row per entity (with the
field-level diff for modified ones). Rows go in bulk: COPY on PostgreSQL,
executemany elsewhere.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import bindparam, insert, select, update

from tamis.errors import ParseError
from tamis.model import NAME_PROPS, Entity
from tamis.sources.base import ParsedList
from tamis.store.diffing import entity_diff
from tamis.store.schema import Change, EntitySpan

_CHUNK = 2000


@dataclass
class Row:
    entity: Entity
    payload: str
    fingerprint: str
    names: str


def build_rows(parsed: ParsedList) -> tuple[dict[str, Row], list[str]]:
    rows: dict[str, Row] = {}
    warnings: list[str] = []
    for entity in parsed.entities:
        if not entity.id:
            raise ParseError(f"{parsed.source}: an entity without id ({entity.caption})")
        if entity.id in rows:
            warnings.append(f"duplicate entity id {entity.id}: later record skipped")
            continue
        data = entity.to_dict()
        payload = orjson.dumps(data, option=orjson.OPT_SORT_KEYS)
        names = {entity.id.lower()}
        for prop in NAME_PROPS:
            names.update(v.casefold() for v in entity.get(prop))
        rows[entity.id] = Row(
            entity=entity,
            payload=payload.decode(),
            fingerprint=hashlib.sha1(payload).hexdigest(),
            names="\n".join(sorted(names)),
        )
    return rows, warnings


def old_payloads(conn: Any, span_ids: list[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for start in range(0, len(span_ids), 500):
        chunk = span_ids[start : start + 500]
        for span_id, payload in conn.execute(
            select(EntitySpan.id, EntitySpan.payload).where(EntitySpan.id.in_(chunk))
        ):
            out[span_id] = orjson.loads(payload)
    return out


def write_version(
    conn: Any,
    source: str,
    version_id: int,
    rows: dict[str, Row],
    old: dict[str, tuple[int, str]],
    added: list[str],
    removed: list[str],
    modified: list[str],
    previous: dict[int, dict[str, Any]],
    report: Callable[[str, int, int], None],
) -> None:
    total = len(added) + len(modified) + len(removed)
    closing = [{"sid": old[eid][0]} for eid in removed + modified]
    stmt = (
        update(EntitySpan.__table__)
        .where(EntitySpan.__table__.c.id == bindparam("sid"))
        .values(until_version=version_id)
    )
    for start in range(0, len(closing), _CHUNK):
        conn.execute(stmt, closing[start : start + _CHUNK])
    changes: list[dict[str, Any]] = []
    for eid in removed:
        payload = previous[old[eid][0]]
        changes.append(_change(version_id, source, eid, "removed", payload.get("caption"), None))
    for eid in modified:
        diff = entity_diff(previous[old[eid][0]], orjson.loads(rows[eid].payload))
        changes.append(
            _change(
                version_id,
                source,
                eid,
                "modified",
                rows[eid].entity.caption,
                orjson.dumps(diff).decode(),
            )
        )
    for eid in added:
        changes.append(_change(version_id, source, eid, "added", rows[eid].entity.caption, None))
    spans = [
        {
            "source": source,
            "entity_id": eid,
            "first_version": version_id,
            "until_version": None,
            "fingerprint": rows[eid].fingerprint,
            "names": rows[eid].names,
            "payload": rows[eid].payload,
        }
        for eid in added + modified
    ]
    done = len(closing)
    for start in range(0, len(spans), _CHUNK):
        chunk = spans[start : start + _CHUNK]
        _bulk_insert(conn, EntitySpan, chunk)
        done += len(chunk)
        report("writing", min(done, total), total)
    for start in range(0, len(changes), _CHUNK * 5):
        _bulk_insert(conn, Change, changes[start : start + _CHUNK * 5])


def _bulk_insert(conn: Any, model: type[EntitySpan] | type[Change], rows: list[dict]) -> None:
    """Insert ``rows`` in the current transaction: COPY on PostgreSQL, executemany elsewhere."""
    if not rows:
        return
    if conn.dialect.name != "postgresql" or conn.dialect.driver != "psycopg":
        conn.execute(insert(model), rows)
        return
    columns = list(rows[0])
    raw = conn.connection.driver_connection  # the same connection, same transaction
    with raw.cursor() as cursor:
        statement = f"COPY {model.__tablename__} ({', '.join(columns)}) FROM STDIN"
        with cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([row[column] for column in columns])


def _change(
    version_id: int, source: str, eid: str, change: str, caption: str | None, diff: str | None
) -> dict[str, Any]:
    return {
        "version_id": version_id,
        "source": source,
        "entity_id": eid,
        "change": change,
        "caption": caption or eid,
        "diff": diff,
    }
