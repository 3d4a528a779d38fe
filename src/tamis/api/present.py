"""Turning entities and hits into the JSON the routes answer with.

These build plain dicts (serialised with orjson) rather than pydantic
objects: the hot /match path then costs little beyond the scoring itself. The
dicts have the shapes declared in :mod:`tamis.api.models`; the test suite
checks every answer against the OpenAPI document.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson
from starlette.responses import Response

from tamis.matching import Algorithm, Explanation, Hit
from tamis.model import Entity
from tamis.service import Seen, Snapshot

_NO_SEEN = Seen()


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(
        orjson.dumps(data), status_code=status, media_type="application/json", headers=headers
    )


def entity_dict(entity: Entity, snap: Snapshot | None) -> dict[str, Any]:
    """yente's EntityResponse for ``entity`` (``datasets`` are its list ids)."""
    seen = snap.seen.get(entity.id, _NO_SEEN) if snap is not None else _NO_SEEN
    return {
        "id": entity.id,
        "caption": entity.caption,
        "schema": entity.schema,
        "properties": {k: list(v) for k, v in entity.properties.items() if v},
        "datasets": entity.lists,
        "referents": [],
        "target": bool(entity.listings),
        "first_seen": seen.first_seen,
        "last_seen": seen.last_seen,
        "last_change": seen.last_change,
        "listings": [listing.to_dict() for listing in entity.listings],
    }


def features(explanations: Iterable[Explanation]) -> dict[str, float]:
    """Feature name -> summed contribution, as yente's ``features`` map."""
    out: dict[str, float] = {}
    for item in explanations:
        out[item.feature] = round(out.get(item.feature, 0.0) + item.contribution, 4)
    return out


def scored_dict(hit: Hit, snap: Snapshot | None) -> dict[str, Any]:
    out = entity_dict(hit.entity, snap)
    out["score"] = round(hit.score, 4)
    out["match"] = hit.match
    out["features"] = features(hit.explanations)
    out["explanations"] = [item.to_dict() for item in hit.explanations]
    return out


def hit_dict(hit: Hit) -> dict[str, Any]:
    """tamis's own hit shape (/screen): the list facts an analyst needs first."""
    out = hit.to_dict()
    out["properties"] = {k: list(v) for k, v in hit.entity.properties.items() if v}
    out["listings"] = [listing.to_dict() for listing in hit.entity.listings]
    return out


def query_dict(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id or None,
        "schema": entity.schema,
        "properties": {k: list(v) for k, v in entity.properties.items() if v},
    }


def algorithm_dict(algo: Algorithm) -> dict[str, Any]:
    docs = getattr(algo, "features", None) or {}
    return {
        "name": algo.name,
        "version": str(algo.version),
        "description": algo.description,
        "threshold": algo.threshold,
        "features": feature_docs(docs),
    }


def feature_docs(docs: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if isinstance(docs, dict):
        for name, doc in docs.items():
            if isinstance(doc, str):
                out[str(name)] = {"description": doc, "coefficient": 0.0, "url": None}
            elif isinstance(doc, dict):
                out[str(name)] = {
                    "description": str(doc.get("description", "")),
                    "coefficient": float(doc.get("coefficient", 0.0)),
                    "url": doc.get("url"),
                }
    return out
