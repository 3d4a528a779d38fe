"""Request checks shared by the routes: unknown query parameters, snapshot access, filters."""

from __future__ import annotations

import re
from typing import Any

from fastapi import Request

from tamis.api.datasets import SANCTIONS, check_lists
from tamis.api.errors import ApiError
from tamis.api.query_model import documented_names
from tamis.errors import StoreError
from tamis.model import SCHEMAS
from tamis.service import IndexBuilding, ScreeningService, Snapshot

_ALLOWED: dict[int, frozenset[str]] = {}
_SINCE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")

#: yente topics tamis can answer, as the lists that carry them
TOPICS: dict[str, frozenset[str]] = {
    "sanction": SANCTIONS,
    "debarment": frozenset({"csl_dtc", "csl_dpl"}),
    "export.control": frozenset({"csl_el", "csl_meu", "csl_uvl", "csl_dpl", "csl_isn"}),
    "mil": frozenset({"dod_1237", "dod_1260h", "csl_meu", "csl_cmic", "ofac_cons"}),
}


def _query_names(dependant: Any) -> set[str]:
    """Query parameters a route declares, its dependencies' included."""
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


async def reject_unknown_params(request: Request) -> None:
    """422 naming every query parameter the route does not declare."""
    route: Any = request.scope.get("route")
    if route is None or not request.query_params:
        return
    allowed = _ALLOWED.get(id(route))
    if allowed is None:
        allowed = frozenset(
            _query_names(route.dependant) | documented_names(getattr(route, "openapi_extra", None))
        )
        _ALLOWED[id(route)] = allowed
    unknown = sorted(set(request.query_params.keys()) - allowed)
    if unknown:
        raise ApiError(
            422,
            f"unknown query parameters: {', '.join(unknown)}; "
            f"accepted: {', '.join(sorted(allowed)) or 'none'}",
            [{"loc": ["query", name], "msg": "unknown parameter"} for name in unknown],
        )


def service_of(request: Request) -> ScreeningService:
    return request.app.state.service  # type: ignore[no-any-return]


def snapshot_of(request: Request) -> Snapshot:
    """The snapshot this request works with from start to end (503 before the first)."""
    try:
        return service_of(request).snapshot
    except StoreError as exc:
        raise ApiError(503, str(exc), headers={"Retry-After": "5"}) from None


def screener_of(request: Request, snap: Snapshot, as_of: str | None) -> Any:
    """The screener for ``as_of`` (503 + Retry-After while a historical index builds)."""
    try:
        return service_of(request).screener_for(snap, as_of)
    except IndexBuilding as exc:
        raise ApiError(503, str(exc), headers={"Retry-After": "10"}) from None


def check_limit(request: Request, limit: int | None) -> int:
    settings = request.app.state.settings
    if limit is None:
        return int(settings.default_limit)
    if not 1 <= limit <= settings.max_limit:
        raise ApiError(
            422,
            f"limit must be between 1 and {settings.max_limit}, got {limit}",
            [{"loc": ["query", "limit"], "msg": "out of range"}],
        )
    return limit


def check_unit(value: float | None, name: str) -> float | None:
    if value is not None and not 0.0 <= value <= 1.0:
        raise ApiError(
            422,
            f"{name} must be between 0 and 1, got {value}",
            [{"loc": ["query", name], "msg": "out of range"}],
        )
    return value


def check_since(value: str | None, name: str) -> str | None:
    """An ISO date or date-time (UTC when no offset is given), normalised for comparison."""
    if value is None:
        return None
    text = value.strip()
    if not _SINCE.match(text):
        raise ApiError(
            422,
            f"{name} must be an ISO date or date-time, got {value!r}",
            [{"loc": ["query", name], "msg": "not an ISO date"}],
        )
    return text.replace(" ", "T")


def list_filter(
    snap: Snapshot,
    base: list[str] | None,
    include: list[str],
    exclude: list[str],
    topics: list[str],
) -> list[str] | None:
    """Lists a query may hit: the dataset's, narrowed by include/topics, minus exclude."""
    lists: set[str] | None = set(base) if base is not None else None
    if include:
        wanted = set(check_lists(include, snap.lists, "include_dataset"))
        lists = wanted if lists is None else lists & wanted
    if topics:
        unknown = [t for t in topics if t not in TOPICS]
        if unknown:
            raise ApiError(
                422,
                f"unknown topics {unknown}; supported: {sorted(TOPICS)}",
                [{"loc": ["query", "topics"], "msg": f"unknown topic {t!r}"} for t in unknown],
            )
        wanted = set().union(*(TOPICS[t] for t in topics))
        lists = wanted if lists is None else lists & wanted
    if exclude:
        removed = set(check_lists(exclude, snap.lists, "exclude_dataset"))
        lists = (set(snap.lists) if lists is None else lists) - removed
    return sorted(lists) if lists is not None else None


def schema_filter(exclude_schema: list[str]) -> list[str] | None:
    if not exclude_schema:
        return None
    unknown = [s for s in exclude_schema if s not in SCHEMAS]
    if unknown:
        raise ApiError(
            422,
            f"unknown schemata {unknown}; known: {sorted(SCHEMAS)}",
            [{"loc": ["query", "exclude_schema"], "msg": f"unknown schema {s!r}"} for s in unknown],
        )
    return sorted(set(SCHEMAS) - set(exclude_schema))
