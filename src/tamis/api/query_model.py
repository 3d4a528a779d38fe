"""Query parameters read as one pydantic model, for the busiest routes.

FastAPI resolves every declared query parameter on its own, on every request,
whether or not the request carries it; with the fifteen parameters of
``/match`` that was about half the time a request spent outside scoring. A
route that declares its parameters as a model instead reads them with
:func:`read_query` (one validation) and documents them with
:func:`documented` (``openapi_extra``), so the OpenAPI document and the error
answers stay as they were.
"""

from __future__ import annotations

import typing
from functools import cache
from typing import Any, TypeVar

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

Params = TypeVar("Params", bound=BaseModel)


@cache
def _list_fields(model: type[BaseModel]) -> frozenset[str]:
    """Fields that take a parameter repeated (``?topics=a&topics=b``)."""
    names = set()
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if typing.get_origin(annotation) is list:
            names.add(field.alias or name)
    return frozenset(names)


def read_query(request: Request, model: type[Params]) -> Params:
    """The request's query parameters as ``model`` (422 naming each bad value).

    Unknown parameters are left to :func:`tamis.api.params.reject_unknown_params`,
    which reads the documented names."""
    query = request.query_params
    lists = _list_fields(model)
    values: dict[str, Any] = {}
    for key in query:
        if key in values:
            continue
        values[key] = query.getlist(key) if key in lists else query[key]
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        raise request_error(exc, "query", depth=1) from None


def request_error(
    exc: ValidationError, part: str, depth: int | None = None
) -> RequestValidationError:
    """``exc`` as FastAPI reports a bad request: each error located under ``part``
    (``query``, ``body``), its location within the part cut to ``depth`` elements (a
    query parameter is one name; None keeps a body's whole path)."""
    return RequestValidationError(
        [
            {**error, "loc": (part, *error["loc"][:depth])}
            for error in exc.errors(include_url=False, include_context=False)
        ]
    )


def documented(model: type[BaseModel]) -> dict[str, Any]:
    """``openapi_extra`` describing ``model``'s fields as query parameters."""
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    parameters = []
    for name, field in model.model_fields.items():
        alias = field.alias or name
        prop = dict(schema["properties"][alias])
        description = prop.pop("description", None)
        prop.pop("title", None)
        parameter: dict[str, Any] = {
            "name": alias,
            "in": "query",
            "required": field.is_required(),
            "schema": prop,
        }
        if description:
            parameter["description"] = description
        parameters.append(parameter)
    return {"parameters": parameters}


def documented_names(openapi_extra: dict[str, Any] | None) -> set[str]:
    """Query parameter names a route documents through :func:`documented`."""
    if not openapi_extra:
        return set()
    return {p["name"] for p in openapi_extra.get("parameters", ()) if p.get("in") == "query"}
