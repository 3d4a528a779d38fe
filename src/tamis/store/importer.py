"""Importing one version of a source: hash, parse, compare, refuse or write.

The order matters for the guarantees the store gives:

1. the raw files are hashed first, so an unchanged file costs one hash and
   no parsing;
2. the file is parsed completely and compared with the current version in
   memory; every refusal (does not parse, empty, bad encoding, removes too
   much) happens before anything is written;
3. everything is written in one database transaction, so a crash or a kill
   at any point leaves the previous version current and the store intact.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Engine, bindparam, func, insert, select, text, update
from sqlalchemy.orm import Session

from tamis.errors import (
    EmptySourceError,
    ImportRefused,
    InputError,
    ParseError,
    StoreError,
    TamisError,
)
from tamis.model import NAME_PROPS, Entity
from tamis.sources.base import ParsedList, Source, get_source
from tamis.sources.common import read_bytes
from tamis.store.diffing import entity_diff
from tamis.store.schema import Change, EntitySpan, Version
from tamis.store.types import ImportResult

#: progress(phase, done, total): phases are hashing, parsing, comparing, writing, done
Progress = Callable[[str, int, int], None]

DEFAULT_MAX_REMOVAL = 0.10
_CHUNK = 2000


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def max_removal_setting(value: float | None) -> float:
    """``value``, else ``TAMIS_MAX_REMOVAL``, else 10%; checked to be a share in [0, 1]."""
    if value is None:
        raw = os.environ.get("TAMIS_MAX_REMOVAL")
        if raw is None or not raw.strip():
            return DEFAULT_MAX_REMOVAL
        try:
            value = float(raw)
        except ValueError:
            raise InputError(f"TAMIS_MAX_REMOVAL={raw!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise InputError(f"max removal must be a share between 0 and 1, got {value}")
    return value


def resolve_files(source: Source, files: Path | dict[str, Path]) -> dict[str, Path]:
    """Logical file name -> path, from a directory, a single file or a mapping."""
    if isinstance(files, dict):
        resolved = {name: Path(path) for name, path in files.items()}
    else:
        path = Path(files)
        if path.is_dir():
            resolved = source.find_files(path)
        elif path.is_file():
            resolved = _single_file(source, path)
        else:
            raise InputError(f"{path}: no such file or directory")
    for name, path in resolved.items():
        if not path.is_file():
            raise InputError(f"{source.name}: {name} -> {path}: no such file")
    missing = [name for name in source.required_files if name not in resolved]
    if missing:
        raise ParseError(f"{source.name}: required file(s) missing: {', '.join(missing)}")
    if not resolved:
        raise ParseError(f"{source.name}: no file of this source found")
    return resolved


def _single_file(source: Source, path: Path) -> dict[str, Path]:
    key = path.name.lower().removesuffix(".gz")
    for name in (*source.required_files, *source.urls):
        if name.lower() == key:
            return {name: path}
    names = list(dict.fromkeys((*source.required_files, *source.urls)))
    if not names:  # a source that takes files of any name
        return {path.name.removesuffix(".gz"): path}
    if len(names) == 1:
        return {names[0]: path}
    found = source.find_files(path.parent)
    if path in found.values():
        return {name: p for name, p in found.items() if p == path}
    raise InputError(
        f"{path.name}: not a file of source {source.name} (expected one of {', '.join(names)})"
    )


def hash_files(files: dict[str, Path]) -> tuple[str, dict[str, str]]:
    """sha256 of each file's content (un-gzipped) and a combined hash of the set."""
    per_file = {
        name: hashlib.sha256(read_bytes(path)).hexdigest() for name, path in sorted(files.items())
    }
    combined = hashlib.sha256(
        "\n".join(f"{name}\t{digest}" for name, digest in per_file.items()).encode()
    ).hexdigest()
    return combined, per_file


def parse_checked(source: Source, files: dict[str, Path]) -> ParsedList:
    """Parse, turning unexpected parser failures into a :class:`ParseError`."""
    try:
        parsed = source.parse(files)
    except TamisError:
        raise
    except (UnicodeError, ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        raise ParseError(f"{source.name}: the file could not be parsed ({exc})") from exc
    if not parsed.entities:
        raise EmptySourceError(f"{source.name}: the file holds no entities")
    return parsed


@dataclass
class _Row:
    entity: Entity
    payload: str
    fingerprint: str
    names: str


def _rows(parsed: ParsedList) -> tuple[dict[str, _Row], list[str]]:
    rows: dict[str, _Row] = {}
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
        rows[entity.id] = _Row(
            entity=entity,
            payload=payload.decode(),
            fingerprint=hashlib.sha1(payload).hexdigest(),
            names="\n".join(sorted(names)),
        )
    return rows, warnings


def current_version(conn: Any, source: str) -> Version | None:
    with Session(bind=conn) as session:
        return session.scalars(
            select(Version).where(Version.source == source).order_by(Version.id.desc()).limit(1)
        ).first()


def run_import(
    engine: Engine,
    source_name: str,
    files: Path | dict[str, Path],
    *,
    fetched_at: str | None = None,
    max_removal: float | None = None,
    force: bool = False,
    progress: Progress | None = None,
    parsed: ParsedList | None = None,
) -> ImportResult:
    """Import one version of ``source_name``; see :meth:`tamis.store.Store.import_source`."""
    report = progress or (lambda phase, done, total: None)
    share = max_removal_setting(max_removal)
    source = get_source(source_name)
    resolved = resolve_files(source, files)
    report("hashing", 0, len(resolved))
    sha, per_file = hash_files(resolved)
    with engine.connect() as conn:
        current = current_version(conn, source.name)
    if current is not None and current.sha256 == sha:
        report("done", 1, 1)
        return ImportResult(
            source.name,
            "unchanged",
            current.id,
            current.published,
            sha,
            current.entity_count,
            warnings=[],
        )
    report("parsing", 0, 1)
    parsed = parsed or parse_checked(source, resolved)
    rows, warnings = _rows(parsed)
    warnings = list(parsed.warnings) + warnings

    report("comparing", 0, len(rows))
    with engine.connect() as conn:
        current = current_version(conn, source.name)
        old = (
            {}
            if current is None
            else {
                entity_id: (span_id, fingerprint)
                for span_id, entity_id, fingerprint in conn.execute(
                    select(EntitySpan.id, EntitySpan.entity_id, EntitySpan.fingerprint).where(
                        EntitySpan.source == source.name, EntitySpan.until_version.is_(None)
                    )
                )
            }
        )
        added = [eid for eid in rows if eid not in old]
        removed = [eid for eid in old if eid not in rows]
        modified = [eid for eid in rows if eid in old and old[eid][1] != rows[eid].fingerprint]
        if old and len(removed) / len(old) > share and not force:
            raise ImportRefused(
                f"{source.name}: the new version would remove {len(removed)} of {len(old)} "
                f"entities ({len(removed) / len(old):.0%}, more than the allowed "
                f"{share:.0%}); the previous version stays current (use --force or "
                f"--max-removal to accept it)"
            )
        old_payloads = _payloads(conn, [old[eid][0] for eid in modified + removed])

    counts = {
        "schema": dict(Counter(row.entity.schema for row in rows.values())),
        "list": dict(Counter(lst for row in rows.values() for lst in row.entity.lists)),
    }
    now = utc_now()
    total = len(added) + len(modified) + len(removed)
    report("writing", 0, total)
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:s))"), {"s": source.name})
            version_id = conn.execute(
                insert(Version)
                .values(
                    source=source.name,
                    published=parsed.published,
                    fetched_at=fetched_at or now,
                    imported_at=now,
                    sha256=sha,
                    entity_count=len(rows),
                    counts=orjson.dumps(counts).decode(),
                    files=orjson.dumps(per_file).decode(),
                    warnings=orjson.dumps(warnings).decode(),
                    added=len(added),
                    removed=len(removed),
                    modified=len(modified),
                )
                .returning(Version.id)
            ).scalar_one()
            previous = conn.execute(
                select(func.max(Version.id)).where(
                    Version.source == source.name, Version.id < version_id
                )
            ).scalar()
            if previous != (current.id if current else None):
                raise StoreError(f"{source.name}: another import ran at the same time; retry")
            _write(
                conn,
                source.name,
                version_id,
                rows,
                old,
                added,
                removed,
                modified,
                old_payloads,
                report,
            )
    except TamisError:
        raise
    except Exception as exc:  # database errors: the transaction was rolled back
        raise StoreError(f"{source.name}: writing the new version failed ({exc})") from exc
    report("done", total, total)
    return ImportResult(
        source=source.name,
        status="imported",
        version_id=version_id,
        published=parsed.published,
        sha256=sha,
        entity_count=len(rows),
        added=sorted(added),
        removed=sorted(removed),
        modified=sorted(modified),
        warnings=warnings,
    )


def _payloads(conn: Any, span_ids: list[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for start in range(0, len(span_ids), 500):
        chunk = span_ids[start : start + 500]
        for span_id, payload in conn.execute(
            select(EntitySpan.id, EntitySpan.payload).where(EntitySpan.id.in_(chunk))
        ):
            out[span_id] = orjson.loads(payload)
    return out


def _write(
    conn: Any,
    source: str,
    version_id: int,
    rows: dict[str, _Row],
    old: dict[str, tuple[int, str]],
    added: list[str],
    removed: list[str],
    modified: list[str],
    old_payloads: dict[int, dict[str, Any]],
    report: Progress,
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
        payload = old_payloads[old[eid][0]]
        changes.append(_change(version_id, source, eid, "removed", payload.get("caption"), None))
    for eid in modified:
        diff = entity_diff(old_payloads[old[eid][0]], orjson.loads(rows[eid].payload))
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
