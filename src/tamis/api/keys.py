"""API keys, kept in the store's database and never in clear.

A key reads ``tamis_<id>_<secret>``: ``id`` (8 hex digits) finds the row,
``secret`` is checked against ``HMAC-SHA256(salt, secret)`` with a per-key
random salt. The clear key is shown once, when it is created. Revoking marks
the row; it is never deleted, so the audit trail of who had access stays.

The ``api_keys`` table is one of the store's tables
(:class:`tamis.store.schema.ApiKeyRow`, created by the store's migrations).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select, update

from tamis.errors import InputError, NotFound
from tamis.store.schema import ApiKeyRow

ROLES = ("screen", "admin")
_KEY = re.compile(r"^tamis_([0-9a-f]{8})_([A-Za-z0-9_-]{20,100})$")

api_keys = ApiKeyRow.__table__


@dataclass(frozen=True)
class ApiKey:
    """A key's public record (never the secret)."""

    id: str
    name: str
    role: str
    created_at: str
    revoked_at: str | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def allows(self, role: str) -> bool:
        """An admin key may do everything a screening key may."""
        return self.active and (self.role == role or self.role == "admin")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "created_at": self.created_at,
            "revoked_at": self.revoked_at,
            "active": self.active,
        }


def _digest(salt: str, secret: str) -> str:
    return hmac.new(bytes.fromhex(salt), secret.encode(), hashlib.sha256).hexdigest()


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _record(row: Any) -> ApiKey:
    return ApiKey(
        id=row.id,
        name=row.name,
        role=row.role,
        created_at=row.created_at,
        revoked_at=row.revoked_at,
    )


class KeyStore:
    """Create, list, revoke and verify API keys in one database.

    Verified keys are remembered for ``cache_seconds`` so that a busy server
    does not query the database on every request; a revocation therefore takes
    effect within that delay in every worker (immediately in the worker that
    revoked it).
    """

    def __init__(self, engine: Engine, cache_seconds: float = 5.0) -> None:
        self.engine = engine
        self.cache_seconds = cache_seconds
        self._cache: dict[str, tuple[float, ApiKey | None]] = {}
        self._lock = threading.Lock()

    def create(self, role: str, name: str = "") -> tuple[ApiKey, str]:
        """A new key: its record and the clear key, which is not kept anywhere."""
        if role not in ROLES:
            raise InputError(f"role must be one of {', '.join(ROLES)}, got {role!r}")
        if len(name) > 200:
            raise InputError("a key name has at most 200 characters")
        secret = secrets.token_urlsafe(32)
        salt = secrets.token_hex(16)
        with self.engine.begin() as conn:
            while True:
                key_id = secrets.token_hex(4)
                taken = conn.execute(select(api_keys.c.id).where(api_keys.c.id == key_id))
                if taken.first() is None:
                    break
            created = _now()
            conn.execute(
                api_keys.insert().values(
                    id=key_id,
                    name=name,
                    role=role,
                    salt=salt,
                    digest=_digest(salt, secret),
                    created_at=created,
                    revoked_at=None,
                )
            )
        return ApiKey(key_id, name, role, created), f"tamis_{key_id}_{secret}"

    def list(self) -> list[ApiKey]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(api_keys).order_by(api_keys.c.created_at, api_keys.c.id))
            return [_record(row) for row in rows]

    def get(self, key_id: str) -> ApiKey:
        with self.engine.connect() as conn:
            row = conn.execute(select(api_keys).where(api_keys.c.id == key_id)).first()
        if row is None:
            raise NotFound(f"no API key with id {key_id!r}")
        return _record(row)

    def revoke(self, key_id: str) -> ApiKey:
        """Mark the key revoked (revoking twice keeps the first date)."""
        key = self.get(key_id)
        if key.revoked_at is None:
            with self.engine.begin() as conn:
                conn.execute(
                    update(api_keys).where(api_keys.c.id == key_id).values(revoked_at=_now())
                )
        with self._lock:
            self._cache = {
                k: v for k, v in self._cache.items() if v[1] is None or v[1].id != key_id
            }
        return self.get(key_id)

    def verify(self, clear_key: str) -> ApiKey | None:
        """The active key matching ``clear_key``, else None."""
        match = _KEY.match(clear_key.strip())
        if match is None:
            return None
        cache_key = hashlib.sha256(clear_key.encode()).hexdigest()
        now = time.monotonic()
        cached = self._cache.get(cache_key)
        if cached is not None and cached[0] > now:
            return cached[1]
        key_id, secret = match.groups()
        with self.engine.connect() as conn:
            row = conn.execute(select(api_keys).where(api_keys.c.id == key_id)).first()
        found: ApiKey | None = None
        if (
            row is not None
            and row.revoked_at is None
            and hmac.compare_digest(row.digest, _digest(row.salt, secret))
        ):
            found = _record(row)
        with self._lock:
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[cache_key] = (now + self.cache_seconds, found)
        return found
