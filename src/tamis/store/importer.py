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

import os
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Engine, func, insert, select, text
from sqlalchemy.orm import Session

from tamis.errors import ImportRefused, InputError, StoreError, TamisError
from tamis.sources.base import ParsedList, get_source
from tamis.store.files import hash_files, parse_checked, resolve_files
from tamis.store.schema import EntitySpan, Version
from tamis.store.types import ImportResult
from tamis.store.writer import build_rows, old_payloads, write_version

#: progress(phase, done, total): phases are hashing, parsing, comparing, writing, done
Progress = Callable[[str, int, int], None]

DEFAULT_MAX_REMOVAL = 0.10


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
    rows, warnings = build_rows(parsed)
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
        before = old_payloads(conn, [old[eid][0] for eid in modified + removed])

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
            write_version(
                conn,
                source.name,
                version_id,
                rows,
                old,
                added,
                removed,
                modified,
                before,
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
