"""Direct routes answer exactly as FastAPI's own handling of the same endpoint would.

One endpoint is registered twice on a real FastAPI app with tamis's error handlers:
as an ordinary route and as a :class:`DirectRoute`, behind the same router checks.
Every request, good or bad, must get the same status and body from both, and the
OpenAPI document must describe both the same way.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import APIRouter, Body, Depends, FastAPI, Path, Request
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response

from tamis.api.direct import direct_post
from tamis.api.errors import ApiError, install_handlers
from tamis.api.params import reject_unknown_params
from tamis.api.present import json_response


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(..., min_length=1)
    tags: list[str] = []


class Order(BaseModel):
    model_config = ConfigDict(extra="forbid")
    items: dict[str, Item]
    count: int = 1


async def needs_token(request: Request) -> None:
    if request.headers.get("x-token") != "open":
        raise ApiError(401, "a token is required")


async def _endpoint(request: Request, body: Order, shop: str = Path(...)) -> Response:
    if shop == "closed":
        raise ApiError(404, f"no shop {shop!r}")
    return json_response(
        {
            "shop": shop,
            "items": sorted(body.items),
            "count": body.count,
            "q": dict(request.query_params),
        }
    )


def _app() -> FastAPI:
    app = FastAPI()
    install_handlers(app)
    checks = [Depends(reject_unknown_params), Depends(needs_token)]
    plain = APIRouter(dependencies=checks)
    direct = APIRouter(dependencies=checks)
    plain.post("/plain/{shop}")(_endpoint)
    direct_post(direct, "/direct/{shop}")(_endpoint)
    app.include_router(plain)
    app.include_router(direct)
    return app


GOOD = b'{"items": {"a": {"name": "x"}, "b": {"name": "y", "tags": ["t"]}}}'
JSON = {"content-type": "application/json", "x-token": "open"}
CASES: list[tuple[str, bytes, dict[str, str]]] = [
    ("", GOOD, JSON),
    ("", GOOD, {**JSON, "content-type": "application/vnd.api+json; charset=utf-8"}),
    ("", GOOD, {"x-token": "open"}),  # no content type: FastAPI does not read JSON
    ("", GOOD, {**JSON, "content-type": "text/plain"}),
    ("", b"", JSON),
    ("", b'{"items": {', JSON),
    ("", b"[1, 2]", JSON),
    ("", b'{"items": {"a": {"name": ""}}, "count": "many", "extra": 1}', JSON),
    ("", b'{"items": {"a": {"tags": "t"}}}', JSON),
    ("?colour=red", GOOD, JSON),
    ("", GOOD, {"content-type": "application/json"}),  # no token
    ("", b"not json", {"content-type": "application/json"}),  # no token, bad body
]


@pytest.mark.parametrize("query,body,headers", CASES)
@pytest.mark.parametrize("shop", ["corner", "closed"])
def test_direct_route_answers_as_fastapi_does(
    query: str, body: bytes, headers: dict[str, str], shop: str
) -> None:
    with TestClient(_app()) as client:
        plain = client.post(f"/plain/{shop}{query}", content=body, headers=headers)
        direct = client.post(f"/direct/{shop}{query}", content=body, headers=headers)
    assert plain.status_code < 500
    assert (direct.status_code, direct.json()) == (plain.status_code, plain.json())


def test_direct_route_is_documented_as_fastapi_documents_it() -> None:
    paths = _app().openapi()["paths"]
    plain: dict[str, Any] = paths["/plain/{shop}"]["post"]
    direct: dict[str, Any] = paths["/direct/{shop}"]["post"]
    for operation in (plain, direct):
        operation.pop("operationId")
        operation.pop("summary")
    assert direct == plain
    assert direct["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/Order")


def test_direct_routes_refuse_what_they_cannot_serve() -> None:
    def sync_check(request: Request) -> None:
        return None

    router = APIRouter(dependencies=[Depends(sync_check)])
    with pytest.raises(TypeError, match="coroutine dependencies"):
        direct_post(router, "/x/{shop}")(_endpoint)

    async def list_body(request: Request, body: list[int] = Body(...)) -> Response:
        return json_response(body)

    with pytest.raises(TypeError, match="pydantic model"):
        direct_post(APIRouter(), "/y")(list_body)
