"""Operations: health, readiness, metrics, list updates and API-key management."""

from __future__ import annotations

from fastapi import APIRouter, Body, Depends, Path, Request
from starlette.responses import Response

from tamis.api.auth import admin_access, screening_access
from tamis.api.errors import COMMON, ApiError, responses
from tamis.api.models import ReadyResponse, StatusResponse
from tamis.api.models_screen import (
    KeyCreate,
    KeyCreated,
    KeyList,
    KeyModel,
    UpdateRequest,
    UpdateStatus,
)
from tamis.api.params import reject_unknown_params, service_of
from tamis.api.present import json_response
from tamis.sources import all_sources

open_router = APIRouter(dependencies=[Depends(reject_unknown_params)], tags=["operations"])
admin_router = APIRouter(
    dependencies=[Depends(reject_unknown_params), Depends(admin_access)], tags=["admin"]
)


@open_router.get(
    "/healthz", summary="The process is up", response_model=StatusResponse, responses=responses(422)
)
def healthz() -> Response:
    return json_response({"status": "ok"})


@open_router.get(
    "/readyz",
    summary="The index is loaded and screening can be answered",
    response_model=ReadyResponse,
    responses={**responses(422), 503: {"model": ReadyResponse, "description": "Not ready yet"}},
)
def readyz(request: Request) -> Response:
    service = service_of(request)
    if not service.ready:
        return json_response(
            {
                "status": "starting",
                "data_version": None,
                "entities": 0,
                "built_at": None,
                "error": service.last_error,
            },
            status=503,
        )
    snap = service.snapshot
    return json_response(
        {
            "status": "ok",
            "data_version": snap.data_version,
            "entities": len(snap.entities),
            "built_at": snap.built_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "error": service.last_error,
        }
    )


async def _metrics_access(request: Request) -> None:
    if not request.app.state.settings.open_metrics:
        await screening_access(request)


@open_router.get(
    "/metrics",
    summary="Prometheus metrics",
    dependencies=[Depends(_metrics_access)],
    responses={
        200: {
            "content": {"text/plain": {"schema": {"type": "string"}}},
            "description": "Prometheus text exposition format",
        },
        **responses(401, 403, 422, 429),
    },
)
def metrics(request: Request) -> Response:
    return Response(
        request.app.state.metrics.render(), media_type="text/plain; version=0.0.4; charset=utf-8"
    )


def _status(request: Request) -> dict[str, object]:
    service = service_of(request)
    out = dict(service.update_job)
    out["data_version"] = service.snapshot.data_version if service.ready else None
    return out


@admin_router.post(
    "/updatez",
    summary="Download and import the lists, then swap the index",
    status_code=202,
    response_model=UpdateStatus,
    responses=responses(*COMMON, 404, 409),
)
def start_update(request: Request, body: UpdateRequest | None = Body(None)) -> Response:
    sources = body.sources if body is not None else None
    if sources:
        known = {source.name for source in all_sources()}
        unknown = sorted(set(sources) - known)
        if unknown:
            raise ApiError(404, f"unknown sources {unknown}; known: {sorted(known)}")
    if not service_of(request).update(sources, runner=request.app.state.update_runner):
        raise ApiError(409, "an update is already running")
    return json_response(_status(request), status=202)


@admin_router.get(
    "/updatez",
    summary="State of the last list update",
    response_model=UpdateStatus,
    responses=responses(*COMMON),
)
def update_status(request: Request) -> Response:
    return json_response(_status(request))


@admin_router.get(
    "/keys",
    summary="API keys (never the keys themselves)",
    response_model=KeyList,
    responses=responses(*COMMON),
)
def list_keys(request: Request) -> Response:
    return json_response({"keys": [k.to_dict() for k in request.app.state.keys.list()]})


@admin_router.post(
    "/keys",
    summary="Create an API key (shown once)",
    status_code=201,
    response_model=KeyCreated,
    responses=responses(*COMMON),
)
def create_key(request: Request, body: KeyCreate) -> Response:
    record, clear = request.app.state.keys.create(body.role, body.name)
    return json_response({**record.to_dict(), "key": clear}, status=201)


@admin_router.delete(
    "/keys/{key_id}",
    summary="Revoke an API key",
    response_model=KeyModel,
    responses=responses(*COMMON, 404),
)
def revoke_key(request: Request, key_id: str = Path(..., examples=["0a1b2c3d"])) -> Response:
    return json_response(request.app.state.keys.revoke(key_id).to_dict())
