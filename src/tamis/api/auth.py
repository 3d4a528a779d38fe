"""Who may call what: API keys, roles, open screening, rate limits.

A key is sent as ``Authorization: Bearer <key>`` (``ApiKey <key>`` is accepted
too, as yente clients send it) or ``X-API-Key: <key>``. Screening routes need a
``screen`` or ``admin`` key unless the server runs with open screening; list
updates and key management always need an ``admin`` key.
"""

from __future__ import annotations

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPBearer

from tamis.api.errors import ApiError
from tamis.api.keys import ApiKey
from tamis.api.ratelimit import retry_after

# Declared for the OpenAPI document; the header is parsed by `_presented_key`.
_bearer = HTTPBearer(auto_error=False, description="Authorization: Bearer <API key>")
_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="X-API-Key: <API key>")


def _presented_key(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if header:
        scheme, _, value = header.partition(" ")
        if scheme.lower() in ("bearer", "apikey") and value.strip():
            return value.strip()
        raise ApiError(
            401,
            "the Authorization header must read 'Bearer <API key>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    value = request.headers.get("x-api-key")
    return value.strip() if value and value.strip() else None


def require(request: Request, role: str) -> ApiKey | None:
    """Check the caller may act with ``role`` and take a rate-limit token (else 401/403/429)."""
    state = request.app.state
    clear = _presented_key(request)
    key: ApiKey | None = None
    if clear is not None:
        key = state.keys.verify(clear)
        if key is None:
            raise ApiError(
                401,
                "the API key is not valid or has been revoked",
                headers={"WWW-Authenticate": "Bearer"},
            )
        if not key.allows(role):
            raise ApiError(403, f"this API key has role {key.role!r}; {role!r} is needed")
    elif not (role == "screen" and state.settings.open_screening):
        raise ApiError(
            401,
            f"an API key with role {role!r} is required",
            headers={"WWW-Authenticate": "Bearer"},
        )
    limiter = state.limiter
    if limiter.enabled:
        client = f"key:{key.id}" if key else f"ip:{request.client.host if request.client else '-'}"
        wait = limiter.acquire(client)
        if wait > 0:
            raise ApiError(
                429,
                f"rate limit exceeded; retry in {wait:.1f} s",
                headers={"Retry-After": retry_after(wait)},
            )
    return key


async def screening_access(
    request: Request,
    _b: object = Depends(_bearer),
    _h: object = Depends(_header),
) -> ApiKey | None:
    """Dependency of the screening routes (key optional with open screening)."""
    return require(request, "screen")


async def admin_access(
    request: Request,
    _b: object = Depends(_bearer),
    _h: object = Depends(_header),
) -> ApiKey | None:
    """Dependency of the admin routes: list updates and key management."""
    return require(request, "admin")
