"""/reconcile/{dataset}: the W3C Reconciliation Service API 0.2 for OpenRefine and friends.

The manifest is public (clients read it before they know about keys); queries,
suggest, preview and extension need screening access like the other routes.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

import orjson
from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, Response

from tamis.api import reconcile as rc
from tamis.api.auth import require, screening_access
from tamis.api.datasets import catalog, resolve
from tamis.api.errors import COMMON, ApiError, responses
from tamis.api.params import reject_unknown_params, service_of, snapshot_of
from tamis.api.present import json_response
from tamis.errors import NotFound
from tamis.model import Entity

router = APIRouter(
    prefix="/reconcile/{dataset}",
    tags=["reconciliation"],
    dependencies=[Depends(reject_unknown_params)],
)
DATASET = Path(
    ..., description="A list id or a collection: default, sanctions", examples=["default"]
)
_ANY = {
    "content": {"application/json": {"schema": {"type": "object"}}},
    "description": "Reconciliation API 0.2 document (see its JSON schemas)",
}
_BODY = {
    "requestBody": {
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "queries": {"type": "string", "description": "JSON object of queries"},
                        "extend": {"type": "string", "description": "JSON data-extension request"},
                    },
                }
            },
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {"queries": {"type": "object"}, "extend": {"type": "object"}},
                }
            },
        }
    }
}


def _json(text: str, name: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise ApiError(400, f"{name} is not valid JSON: {exc}") from None


def _answer(request: Request, dataset: str, queries: Any, extend: Any) -> Any:
    snap = snapshot_of(request)
    lists = resolve(dataset, snap.lists)
    cap = request.app.state.settings.batch_cap
    if queries is not None:
        require(request, "screen")
        return rc.reconcile(snap, queries, lists, cap)
    if extend is not None:
        require(request, "screen")
        return rc.extend(snap, extend, lambda i: _lookup(request, i), cap)
    base = str(request.base_url).rstrip("/")
    title = catalog(snap.lists)[dataset].title
    secured = not request.app.state.settings.open_screening
    return rc.manifest(base, dataset, title, secured)


def _lookup(request: Request, entity_id: str) -> Entity | None:
    entity = service_of(request).snapshot.entity(entity_id)
    if entity is None:
        try:
            entity = service_of(request).store.get_entity(entity_id)
        except NotFound:
            return None
    return entity


@router.get(
    "",
    summary="Manifest, or queries / extension passed as parameters",
    responses={200: _ANY, **responses(*COMMON, 404)},
)
async def reconcile_get(
    request: Request,
    dataset: str = DATASET,
    queries: str | None = Query(None, description="JSON object of queries"),
    extend: str | None = Query(None, description="JSON data-extension request"),
) -> Response:
    parsed_q = _json(queries, "queries") if queries is not None else None
    parsed_e = _json(extend, "extend") if extend is not None else None
    return json_response(await run_in_threadpool(_answer, request, dataset, parsed_q, parsed_e))


@router.post(
    "",
    summary="Reconcile queries or extend entities (form or JSON body)",
    responses={200: _ANY, **responses(*COMMON, 404)},
    openapi_extra=_BODY,
)
async def reconcile_post(request: Request, dataset: str = DATASET) -> Response:
    raw = await request.body()
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    queries = extend = None
    if kind == "application/json":
        body = _json(raw.decode("utf-8", "replace"), "the body")
        if not isinstance(body, dict):
            raise ApiError(422, "the JSON body must be an object")
        queries, extend = body.get("queries"), body.get("extend")
        if queries is None and extend is None:
            queries = body  # a bare batch of queries
    else:
        try:
            form = parse_qs(raw.decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            raise ApiError(400, "the form body is not UTF-8") from None
        if "queries" in form:
            queries = _json(form["queries"][0], "queries")
        if "extend" in form:
            extend = _json(form["extend"][0], "extend")
        if queries is None and extend is None:
            raise ApiError(422, "send a 'queries' or 'extend' form field (or a JSON body)")
    return json_response(await run_in_threadpool(_answer, request, dataset, queries, extend))


@router.get(
    "/suggest/entity",
    summary="Entity auto-complete",
    dependencies=[Depends(screening_access)],
    responses={200: _ANY, **responses(*COMMON, 404)},
)
def suggest_entity(
    request: Request,
    dataset: str = DATASET,
    prefix: str = Query(..., examples=["xiaom"]),
    cursor: int = Query(0, ge=0, le=1000),
    limit: int = Query(10, ge=1, le=50),
) -> Response:
    snap = snapshot_of(request)
    lists = resolve(dataset, snap.lists)
    out = rc.suggest_entities(snap, prefix, lists, cursor + limit)
    out["result"] = out["result"][cursor:]
    return json_response(out)


@router.get(
    "/suggest/type",
    summary="Type auto-complete",
    dependencies=[Depends(screening_access)],
    responses={200: _ANY, **responses(*COMMON, 404)},
)
def suggest_type(
    request: Request, dataset: str = DATASET, prefix: str = Query(""), cursor: int = Query(0, ge=0)
) -> Response:
    resolve(dataset, snapshot_of(request).lists)
    out = rc.suggest_types(prefix)
    out["result"] = out["result"][cursor:]
    return json_response(out)


@router.get(
    "/suggest/property",
    summary="Property auto-complete",
    dependencies=[Depends(screening_access)],
    responses={200: _ANY, **responses(*COMMON, 404)},
)
def suggest_property(
    request: Request, dataset: str = DATASET, prefix: str = Query(""), cursor: int = Query(0, ge=0)
) -> Response:
    resolve(dataset, snapshot_of(request).lists)
    out = rc.suggest_properties(prefix)
    out["result"] = out["result"][cursor:]
    return json_response(out)


@router.get(
    "/extend/propose",
    summary="Properties available for data extension",
    dependencies=[Depends(screening_access)],
    responses={200: _ANY, **responses(*COMMON, 404)},
)
def propose(
    request: Request,
    dataset: str = DATASET,
    type: str | None = Query(None, examples=["Person"]),  # noqa: A002
    limit: int = Query(50, ge=1, le=500),
) -> Response:
    resolve(dataset, snapshot_of(request).lists)
    return json_response(rc.propose(type, limit))


@router.get(
    "/preview",
    summary="HTML preview of an entity",
    dependencies=[Depends(screening_access)],
    response_model=None,
    responses={
        200: {"content": {"text/html": {"schema": {"type": "string"}}}, "description": "HTML card"},
        **responses(*COMMON, 404),
    },
)
def preview(
    request: Request, dataset: str = DATASET, id: str = Query(..., examples=["ofac-sdn-12345"])
) -> Response:  # noqa: A002
    resolve(dataset, snapshot_of(request).lists)
    entity = _lookup(request, id)
    if entity is None:
        raise ApiError(404, f"no entity with id {id!r}")
    return HTMLResponse(rc.preview_html(entity))
