"""Reconciliation logic (W3C Reconciliation Service API 0.2), independent of HTTP.

Types are FtM schemata (Person, Company, ...); property ids are FtM property
names (birthDate, country, idNumber, ...) plus ``lists``, ``programs`` and
``listed_on`` for data extension. Scores are the tamis algorithm's, 0 to 1;
``match`` is true at or above the algorithm's threshold.
"""

from __future__ import annotations

import html
from typing import Any

from tamis.api.errors import ApiError
from tamis.errors import InputError
from tamis.matching import DEFAULT_ALGORITHM, build_query, get_algorithm
from tamis.model import ID_PROPS, SCHEMAS, Entity
from tamis.service import Snapshot

DEFAULT_TYPES = ["LegalEntity", "Person", "Company", "Organization", "Vessel", "Airplane"]
#: properties a query may carry (besides the name) and extension can fetch
QUERY_PROPS = (
    "birthDate",
    "nationality",
    "country",
    "jurisdiction",
    "gender",
    "address",
    *dict.fromkeys(ID_PROPS),
)
EXTRA_PROPS = {"lists": "Lists", "programs": "Sanctions programmes", "listed_on": "Listed on"}
EXTEND_PROPS = {"name": "Name", "alias": "Aliases", **{p: p for p in QUERY_PROPS}, **EXTRA_PROPS}


def manifest(base: str, dataset: str, title: str, secured: bool) -> dict[str, Any]:
    service = f"{base}/reconcile/{dataset}"
    out: dict[str, Any] = {
        "versions": ["0.2"],
        "name": f"tamis: {title}",
        "identifierSpace": f"{base}/entities/",
        "schemaSpace": "https://followthemoney.tech/explorer/schemata/",
        "documentation": f"{base}/docs",
        "view": {"url": f"{base}/entities/{{{{id}}}}"},
        "preview": {"url": f"{service}/preview?id={{{{id}}}}", "width": 430, "height": 300},
        "defaultTypes": [{"id": t, "name": t} for t in DEFAULT_TYPES],
        "suggest": {
            "entity": {"service_url": service, "service_path": "/suggest/entity"},
            "type": {"service_url": service, "service_path": "/suggest/type"},
            "property": {"service_url": service, "service_path": "/suggest/property"},
        },
        "extend": {
            "propose_properties": {"service_url": service, "service_path": "/extend/propose"},
            "property_settings": [],
        },
    }
    if secured:
        out["authentication"] = {"type": "apiKey", "name": "X-API-Key", "in": "header"}
    return out


def _query_entity(key: str, spec: Any) -> tuple[Entity, int]:
    if not isinstance(spec, dict):
        raise ApiError(422, f"query {key!r} must be an object")
    text = spec.get("query")
    if not isinstance(text, str):
        raise ApiError(422, f"query {key!r}: 'query' must be a string")
    schema = spec.get("type") or "LegalEntity"
    if isinstance(schema, list):
        schema = schema[0] if schema else "LegalEntity"
    if not isinstance(schema, str) or schema not in SCHEMAS:
        raise ApiError(422, f"query {key!r}: unknown type {schema!r}; known: {sorted(SCHEMAS)}")
    limit = spec.get("limit", 5)
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= 100:
        raise ApiError(422, f"query {key!r}: limit must be an integer from 1 to 100")
    props: dict[str, list[str]] = {}
    for item in spec.get("properties") or []:
        if not isinstance(item, dict) or not isinstance(item.get("pid"), str):
            raise ApiError(422, f"query {key!r}: each property needs a 'pid' and a 'v'")
        pid = item["pid"]
        if pid not in QUERY_PROPS:
            raise ApiError(
                422, f"query {key!r}: unknown property {pid!r}; known: {list(QUERY_PROPS)}"
            )
        values = item.get("v")
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, dict):
                value = value.get("id") or value.get("name")
            if isinstance(value, str | int | float) and str(value).strip():
                props.setdefault(pid, []).append(str(value))
    try:
        entity = build_query(text, entity={"id": key, "schema": schema, "properties": props})
    except InputError as exc:
        raise ApiError(422, f"query {key!r}: {exc}") from None
    return entity, limit


def reconcile(snap: Snapshot, queries: Any, lists: list[str] | None, cap: int) -> dict[str, Any]:
    """Answer a batch ``{key: {query, type, limit, properties}}``."""
    if not isinstance(queries, dict):
        raise ApiError(422, "queries must be a JSON object of query objects")
    if len(queries) > cap:
        raise ApiError(413, f"{len(queries)} queries in one request; at most {cap}")
    algo = get_algorithm(DEFAULT_ALGORITHM)
    out: dict[str, Any] = {}
    for key, spec in queries.items():
        entity, limit = _query_entity(str(key), spec)
        hits = snap.screener.screen(entity, lists=lists, threshold=0.3, limit=limit)
        out[str(key)] = {
            "result": [
                {
                    "id": hit.entity.id,
                    "name": hit.entity.caption,
                    "description": ", ".join(hit.entity.lists),
                    "type": [{"id": hit.entity.schema, "name": hit.entity.schema}],
                    "score": round(hit.score, 4),
                    "match": hit.score >= algo.threshold,
                    "features": [
                        {"id": e.feature, "value": round(e.contribution, 4)}
                        for e in hit.explanations
                    ],
                }
                for hit in hits
            ]
        }
    return out


def suggest_entities(
    snap: Snapshot, prefix: str, lists: list[str] | None, limit: int
) -> dict[str, Any]:
    try:
        query = build_query(prefix)
    except InputError as exc:
        raise ApiError(422, f"prefix: {exc}") from None
    # typing ahead wants answers at once: the index's candidates, not an exact search
    hits = snap.screener.screen(query, lists=lists, threshold=0.0, limit=limit, exact=False)
    return {
        "result": [
            {
                "id": h.entity.id,
                "name": h.entity.caption,
                "description": ", ".join(h.entity.lists),
                "notable": [{"id": h.entity.schema, "name": h.entity.schema}],
            }
            for h in hits
        ]
    }


def suggest_types(prefix: str) -> dict[str, Any]:
    needle = prefix.casefold()
    return {"result": [{"id": s, "name": s} for s in sorted(SCHEMAS) if needle in s.casefold()]}


def suggest_properties(prefix: str) -> dict[str, Any]:
    needle = prefix.casefold()
    return {
        "result": [
            {"id": pid, "name": name}
            for pid, name in EXTEND_PROPS.items()
            if needle in pid.casefold() or needle in name.casefold()
        ]
    }


def propose(schema: str | None, limit: int) -> dict[str, Any]:
    if schema is not None and schema not in SCHEMAS:
        raise ApiError(422, f"unknown type {schema!r}; known: {sorted(SCHEMAS)}")
    props = [{"id": pid, "name": name} for pid, name in EXTEND_PROPS.items()][:limit]
    out: dict[str, Any] = {"properties": props, "limit": limit}
    if schema is not None:
        out["type"] = schema
    return out


def _values(entity: Entity, pid: str) -> list[str]:
    if pid == "lists":
        return entity.lists
    if pid == "programs":
        return entity.programs
    if pid == "listed_on":
        return sorted({ls.listed_on for ls in entity.listings if ls.listed_on})
    return entity.get(pid)


def extend(snap: Snapshot, request: Any, lookup: Any, cap: int) -> dict[str, Any]:
    """Answer ``{ids: [...], properties: [{id}]}`` with ``{meta, rows}``."""
    if (
        not isinstance(request, dict)
        or not isinstance(request.get("ids"), list)
        or not isinstance(request.get("properties"), list)
    ):
        raise ApiError(422, "extend must be an object with 'ids' and 'properties' lists")
    ids = [str(i) for i in request["ids"]]
    if len(ids) > cap:
        raise ApiError(413, f"{len(ids)} ids in one request; at most {cap}")
    pids = []
    for item in request["properties"]:
        pid = item.get("id") if isinstance(item, dict) else None
        if pid not in EXTEND_PROPS:
            raise ApiError(422, f"unknown property {pid!r}; known: {sorted(EXTEND_PROPS)}")
        pids.append(pid)
    rows: dict[str, Any] = {}
    for entity_id in ids:
        entity = lookup(entity_id)
        rows[entity_id] = {
            pid: ([{"str": v} for v in _values(entity, pid)] if entity else []) for pid in pids
        }
    return {"meta": [{"id": pid, "name": EXTEND_PROPS[pid]} for pid in pids], "rows": rows}


def preview_html(entity: Entity) -> str:
    """A small HTML card: name, schema, lists, programmes, main facts."""
    esc = html.escape
    facts = []
    for prop in ("birthDate", "nationality", "country", "idNumber", "imoNumber"):
        if entity.get(prop):
            facts.append(f"<dt>{esc(prop)}</dt><dd>{esc(', '.join(entity.get(prop)))}</dd>")
    listings = "".join(
        f"<li>{esc(ls.list)}: {esc(', '.join(ls.programs))}"
        f"{' since ' + esc(ls.listed_on) if ls.listed_on else ''}</li>"
        for ls in entity.listings
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{esc(entity.caption)}</title></head>"
        "<body style='font-family:sans-serif;font-size:13px;margin:6px'>"
        f"<b>{esc(entity.caption)}</b> <i>{esc(entity.schema)}</i>"
        f"<dl>{''.join(facts)}</dl><ul>{listings}</ul></body></html>"
    )
