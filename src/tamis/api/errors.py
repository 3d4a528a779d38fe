"""One JSON error shape for every failure, and the handlers that produce it.

Every error answer is ``{"detail": "...", "status": 4xx, "errors": [...]}``:
``detail`` says what is wrong in one sentence (yente clients read that key),
``errors`` lists the individual problems (field location and message) when
there are several. Library errors map to HTTP statuses here, so a bad date or
an unknown algorithm deep inside the engine becomes a 4xx and never a 500.
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from tamis.errors import InputError, NotFound, StoreError, TamisError

log = logging.getLogger("tamis.api")


class ErrorItem(BaseModel):
    loc: list[str | int] = Field(default_factory=list, examples=[["query", "limit"]])
    msg: str = Field(..., examples=["Input should be a valid integer"])


class ErrorResponse(BaseModel):
    """What every 4xx/5xx answer holds."""

    detail: str = Field(..., examples=["unknown dataset 'foo'"])
    status: int = Field(..., examples=[404])
    errors: list[ErrorItem] = Field(default_factory=list)


class ApiError(Exception):
    """An error to answer with ``status`` and a JSON body."""

    def __init__(
        self,
        status: int,
        detail: str,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors or []
        self.headers = headers or {}


def error_response(
    status: int,
    detail: str,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    body = {"detail": detail, "status": status, "errors": errors or []}
    return Response(
        orjson.dumps(body), status_code=status, media_type="application/json", headers=headers
    )


_DESCRIPTIONS = {
    400: "Malformed request (e.g. the body is not valid JSON)",
    401: "An API key is required or the one given is not valid",
    403: "The API key does not allow this operation",
    404: "Unknown dataset, entity, list or key",
    409: "Conflicting state (e.g. an update is already running)",
    413: "The request body or the batch is too large",
    422: "Invalid parameters or body (each problem is listed under errors)",
    429: "Rate limit exceeded; retry after the number of seconds in Retry-After",
    503: "The index is not loaded yet",
}


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` argument documenting these error statuses in OpenAPI."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        entry: dict[str, Any] = {"model": ErrorResponse, "description": _DESCRIPTIONS[status]}
        if status == 429:
            entry["headers"] = {
                "Retry-After": {"schema": {"type": "integer"}, "description": "seconds to wait"}
            }
        out[status] = entry
    return out


#: the statuses every authenticated route can answer
COMMON = (400, 401, 403, 413, 422, 429, 503)


def _validation_errors(exc: RequestValidationError) -> tuple[int, str, list[dict[str, Any]]]:
    items = []
    malformed = False
    for err in exc.errors():
        loc = [part if isinstance(part, int) else str(part) for part in err.get("loc", ())]
        if err.get("type") == "json_invalid":
            malformed = True
        items.append({"loc": loc, "msg": str(err.get("msg", "invalid value"))})
    if malformed:
        return 400, "the request body is not valid JSON", items
    first = items[0] if items else {"loc": [], "msg": "invalid request"}
    where = ".".join(str(p) for p in first["loc"])
    summary = f"{where}: {first['msg']}" if where else first["msg"]
    if len(items) > 1:
        summary += f" (and {len(items) - 1} more)"
    return 422, summary, items


def install_handlers(app: FastAPI) -> None:
    """Route every exception to the JSON error shape."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> Response:
        return error_response(exc.status, exc.detail, exc.errors, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> Response:
        status, detail, items = _validation_errors(exc)
        return error_response(status, detail, items)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(exc.status_code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(NotFound)
    async def _not_found(_request: Request, exc: NotFound) -> Response:
        return error_response(404, str(exc))

    @app.exception_handler(InputError)
    async def _input(_request: Request, exc: InputError) -> Response:
        return error_response(422, str(exc))

    @app.exception_handler(StoreError)
    async def _store(_request: Request, exc: StoreError) -> Response:
        log.error("store error: %s", exc)
        return error_response(503, f"the database is not available: {exc}")

    @app.exception_handler(TamisError)
    async def _tamis(_request: Request, exc: TamisError) -> Response:
        return error_response(422, str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        # a bug: logged with its traceback, answered in the same JSON shape
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(500, "internal error; it has been logged")
