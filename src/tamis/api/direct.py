"""Routes documented by FastAPI but served without its per-request dependency resolution.

For every request FastAPI walks the endpoint's dependency tree: the access check and
its two security schemes, the unknown-parameter check, the path parameter, the body.
On ``POST /match`` that walk cost about 0.15 ms a request, three quarters of what
the rest of the framework (middleware, routing, the response) costs. A
:class:`DirectRoute` keeps the endpoint's signature for the OpenAPI document (body
model, path parameters, the router's dependencies and their security schemes) and
serves requests with a plain handler that does the same work in FastAPI's order: the
body decoded (a JSON decode error is a ``json_invalid`` validation error), the
route's dependencies awaited with the request alone, then the body validated against
the body parameter's model (errors located under ``body``, with FastAPI's messages)
and the endpoint called with the path parameters as strings. The error answers are
those of any other route (``tests/api/test_direct.py`` sends the same good and bad
requests to both kinds).

Dependencies of a direct route must be coroutines that can be called with the
request alone; their other parameters (security schemes) only document the route.
"""

from __future__ import annotations

import email.message
import inspect
from collections.abc import Callable, Coroutine
from functools import lru_cache
from typing import Any

import orjson
from fastapi import APIRouter
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.requests import Request
from starlette.responses import Response

from tamis.api.query_model import request_error

Handler = Callable[[Request], Coroutine[Any, Any, Response]]
Endpoint = Callable[..., Coroutine[Any, Any, Response]]


@lru_cache(maxsize=256)
def _is_json(content_type: str) -> bool:
    """Whether a content-type header value is JSON (``application/json`` or
    ``application/*+json``), which FastAPI requires before it parses a body as JSON;
    read as FastAPI reads it (email's parser is slow beside the rest of a request, and
    clients send the same few values)."""
    message = email.message.Message()
    message["content-type"] = content_type
    if message.get_content_maintype() != "application":
        return False
    subtype = message.get_content_subtype()
    return subtype == "json" or subtype.endswith("+json")


async def read_json(request: Request) -> Any:
    """The request body as FastAPI reads it before any check: JSON when declared as
    JSON (a decode error is ``json_invalid`` at its position), raw bytes otherwise,
    ``None`` when empty."""
    raw = await request.body()
    if not raw:
        return None
    content_type = request.headers.get("content-type")
    if not content_type or not _is_json(content_type):
        return raw
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise RequestValidationError(
            [
                {
                    "type": "json_invalid",
                    "loc": ("body", exc.pos),
                    "msg": "JSON decode error",
                    "input": {},
                    "ctx": {"error": exc.msg},
                }
            ]
        ) from None


def validate_body(data: Any, model: type[BaseModel]) -> BaseModel:
    """``data`` (from :func:`read_json`) as ``model``, every error located under
    ``body`` with FastAPI's messages (it validates bodies from attributes too)."""
    if data is None:
        raise RequestValidationError(
            [{"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}]
        )
    try:
        return model.model_validate(data, from_attributes=True)
    except ValidationError as exc:
        raise request_error(exc, "body") from None


class DirectRoute(APIRoute):
    """An API route served by a plain handler built from its endpoint's signature (see
    the module's docstring); use it as an ``APIRouter``'s ``route_class``."""

    def get_route_handler(self) -> Handler:
        checks = [depends.dependency for depends in self.dependencies]
        for check in checks:
            if check is None or not inspect.iscoroutinefunction(check):
                raise TypeError(f"{self.path}: direct routes take coroutine dependencies only")
        path_names = [param.name for param in self.dependant.path_params]
        body: tuple[str, type[BaseModel]] | None = None
        if self.body_field is not None:
            model = self.body_field.field_info.annotation
            if not (isinstance(model, type) and issubclass(model, BaseModel)):
                raise TypeError(f"{self.path}: a direct route's body must be a pydantic model")
            body = (self.body_field.name, model)
        endpoint = self.endpoint

        async def handle(request: Request) -> Response:
            data = await read_json(request) if body is not None else None
            for check in checks:
                await check(request)
            arguments: dict[str, Any] = {name: request.path_params[name] for name in path_names}
            if body is not None:
                arguments[body[0]] = validate_body(data, body[1])
            return await endpoint(request, **arguments)  # type: ignore[no-any-return]

        return handle


def direct_post(router: APIRouter, path: str, **options: Any) -> Callable[[Endpoint], Endpoint]:
    """``@router.post(path, **options)``, the route served as a :class:`DirectRoute`."""

    def register(endpoint: Endpoint) -> Endpoint:
        router.add_api_route(
            path, endpoint, methods=["POST"], route_class_override=DirectRoute, **options
        )
        return endpoint

    return register
