"""tamis's own screening routes: /screen, /screen/batch, /lists, history and changes."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from tamis.api.auth import screening_access
from tamis.api.datasets import check_lists
from tamis.api.direct import direct_post
from tamis.api.errors import COMMON, ApiError, responses
from tamis.api.models_screen import (
    BatchRequest,
    BatchResponse,
    ChangesResponse,
    HistoryResponse,
    ListsResponse,
    ScreenOptions,
    ScreenQuery,
    ScreenRequest,
    ScreenResponse,
)
from tamis.api.params import (
    check_since,
    reject_unknown_params,
    screener_of,
    service_of,
    snapshot_of,
)
from tamis.api.present import hit_dict, json_response, query_dict
from tamis.errors import InputError
from tamis.matching import build_query, get_algorithm
from tamis.model import Entity
from tamis.service import Snapshot

router = APIRouter(
    dependencies=[Depends(reject_unknown_params), Depends(screening_access)], tags=["tamis"]
)


def _query(item: ScreenQuery, where: list[str | int]) -> Entity:
    try:
        entity = None
        if item.entity is not None:
            entity = {
                "id": item.entity.id or "query",
                "schema": item.entity.schema_,
                "properties": item.entity.properties,
            }
        return build_query(
            item.name,
            schema=item.schema_ if entity is None else None,
            birth_date=item.birth_date,
            country=item.country,
            ids=item.ids,
            entity=entity,
        )
    except InputError as exc:
        raise ApiError(
            422, f"{'.'.join(map(str, where))}: {exc}", [{"loc": where, "msg": str(exc)}]
        ) from None


def _options(snap: Snapshot, opts: ScreenOptions) -> dict[str, Any]:
    algo = get_algorithm(opts.algorithm)
    lists = check_lists(opts.lists, snap.lists, "lists") if opts.lists is not None else None
    return {
        "as_of": opts.as_of,
        "lists": lists,
        "threshold": opts.threshold,
        "algorithm": algo.name,
        "limit": opts.limit,
    }


@direct_post(
    router,
    "/screen",
    summary="Screen one name or entity",
    response_model=ScreenResponse,
    responses=responses(*COMMON),
)
async def screen(request: Request, body: ScreenRequest) -> Response:
    snap = snapshot_of(request)
    options = _options(snap, body)
    query = _query(body, ["body"])
    hits = screener_of(request, snap, body.as_of).screen(query, **options)
    return json_response(
        {
            "query": query_dict(query),
            "algorithm": options["algorithm"],
            "as_of": body.as_of,
            "lists": options["lists"],
            "data_version": snap.data_version,
            "total": len(hits),
            "hits": [hit_dict(hit) for hit in hits],
        }
    )


def _run_batch(snap: Snapshot, screener: Any, body: BatchRequest) -> dict[str, Any]:
    options = _options(snap, body)
    queries = [_query(item, ["body", "queries", i]) for i, item in enumerate(body.queries)]
    results = []
    for index, query in enumerate(queries):
        hits = screener.screen(query, **options)
        results.append(
            {
                "index": index,
                "query": query_dict(query),
                "total": len(hits),
                "hits": [hit_dict(hit) for hit in hits],
            }
        )
    return {
        "algorithm": options["algorithm"],
        "as_of": body.as_of,
        "data_version": snap.data_version,
        "count": len(results),
        "results": results,
    }


@router.post(
    "/screen/batch",
    summary="Screen many names or entities in one request",
    response_model=BatchResponse,
    responses=responses(*COMMON),
)
async def screen_batch(request: Request, body: BatchRequest) -> Response:
    cap = request.app.state.settings.batch_cap
    if len(body.queries) > cap:
        raise ApiError(
            413,
            f"{len(body.queries)} queries in one batch; at most {cap} "
            f"(use the batch command line for files)",
        )
    if not body.queries:
        raise ApiError(422, "no queries given", [{"loc": ["body", "queries"], "msg": "empty"}])
    snap = snapshot_of(request)
    screener = screener_of(request, snap, body.as_of)
    return json_response(await run_in_threadpool(_run_batch, snap, screener, body))


@router.get(
    "/lists",
    summary="Sources, their current versions and list sizes",
    response_model=ListsResponse,
    responses=responses(*COMMON),
)
def lists(request: Request) -> Response:
    snap = snapshot_of(request)
    return json_response(
        {
            "data_version": snap.data_version,
            "index_built_at": snap.built_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "sources": snap.sources,
            "lists": snap.lists,
        }
    )


@router.get(
    "/entities/{entity_id}/history",
    summary="An entity's timeline",
    response_model=HistoryResponse,
    responses=responses(*COMMON, 404),
)
def history(request: Request, entity_id: str = Path(...)) -> Response:
    changes = service_of(request).store.entity_history(entity_id)
    if not changes:
        raise ApiError(404, f"no entity with id {entity_id!r}")
    return json_response({"id": entity_id, "changes": [c.to_dict() for c in changes]})


@router.get(
    "/changes",
    summary="List changes imported since a date",
    response_model=ChangesResponse,
    responses=responses(*COMMON),
)
def changes(
    request: Request,
    since: str = Query(..., description="ISO date or date-time (UTC)", examples=["2025-01-01"]),
    source: str | None = Query(None, description="Only this source (e.g. ofac_sdn)"),
    limit: int = Query(1000, ge=1, le=100_000),
) -> Response:
    since = check_since(since, "since") or since
    found = service_of(request).store.changes_since(since, source=source, limit=limit)
    return json_response(
        {"since": since, "count": len(found), "changes": [c.to_dict() for c in found]}
    )
