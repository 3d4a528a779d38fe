"""The yente-compatible routes: /match, /search, /entities, /catalog, /algorithms.

Parameters keep yente's names and meanings: ``threshold`` decides the
``match`` flag, ``cutoff`` the lowest score returned at all; ``algorithm``
accepts ``best`` and ``default`` besides the tamis algorithm names; ``fuzzy``
is accepted and ignored (as in current yente).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from tamis.api.auth import screening_access
from tamis.api.datasets import catalog, resolve
from tamis.api.direct import direct_post
from tamis.api.errors import COMMON, ApiError, responses
from tamis.api.models import (
    AlgorithmResponse,
    DataCatalogModel,
    EntityMatchQuery,
    EntityMatchResponse,
    EntityResponse,
    SearchResponse,
)
from tamis.api.params import (
    check_limit,
    check_since,
    check_unit,
    list_filter,
    reject_unknown_params,
    schema_filter,
    screener_of,
    service_of,
    snapshot_of,
)
from tamis.api.present import algorithm_dict, entity_dict, json_response, query_dict, scored_dict
from tamis.api.query_model import documented, read_query
from tamis.errors import InputError, NotFound
from tamis.matching import DEFAULT_ALGORITHM, build_query, get_algorithm, list_algorithms
from tamis.service import Snapshot

router = APIRouter(dependencies=[Depends(reject_unknown_params), Depends(screening_access)])

DATASET = Path(
    ...,
    description="A list id (e.g. ofac_sdn) or a collection: default, sanctions",
    examples=["default"],
)
DEFAULT_CUTOFF = 0.5
#: queries per request above which scoring moves off the event loop
INLINE_QUERIES = 4


class MatchParams(BaseModel):
    """Query parameters of ``POST /match/{dataset}``."""

    limit: int | None = Field(None, description="Results per query (default 5)")
    threshold: float | None = Field(
        None,
        description="Score at or above which a result is a match (default: the "
        "algorithm's threshold)",
    )
    cutoff: float | None = Field(
        None,
        description=f"Lowest score returned at all (default {DEFAULT_CUTOFF}); below 0.5 "
        "tamis-v1 searches every entity (exact, tens of milliseconds a query)",
    )
    algorithm: str = Field("best", description="tamis-v1, ofac-sls, or best / default")
    include_dataset: list[str] = Field([], description="Only hits on these lists")
    exclude_dataset: list[str] = Field([], description="No hits on these lists")
    exclude_schema: list[str] = Field([], description="No hits of these schemata")
    topics: list[str] = Field([], description="sanction, debarment, export.control, mil")
    changed_since: str | None = Field(None, description="Only entities changed since (ISO)")
    exclude_entity_ids: list[str] = Field([], description="Never return these entity ids")
    as_of: str | None = Field(None, description="Screen the lists in force on this date")
    fuzzy: bool | None = Field(None, description="Accepted for yente compatibility; ignored")


class SearchParams(BaseModel):
    """Query parameters of ``GET /search/{dataset}``."""

    q: str = Field(..., description="Name or part of a name", examples=["xiaomi"])
    schema_: str | None = Field(None, alias="schema", description="Schema of the searched entity")
    limit: int | None = Field(None, description="Results per page (default 5)")
    offset: int = Field(0, ge=0, le=10_000, description="Results to skip")
    include_dataset: list[str] = Field([], description="Only hits on these lists")
    exclude_dataset: list[str] = Field([], description="No hits on these lists")
    exclude_schema: list[str] = Field([], description="No hits of these schemata")
    topics: list[str] = Field([], description="sanction, debarment, export.control, mil")
    as_of: str | None = Field(None, description="Search the lists in force on this date")
    algorithm: str = Field("best", description="tamis-v1, ofac-sls, or best / default")


def algorithm_name(name: str) -> str:
    """yente's aliases ``best`` / ``default`` name the tamis default algorithm."""
    if name in ("best", "default"):
        return DEFAULT_ALGORITHM
    get_algorithm(name)  # InputError (422) naming the known ones
    return name


def _run_match(
    snap: Snapshot,
    screener: Any,
    body: EntityMatchQuery,
    options: dict[str, Any],
    threshold: float,
    cutoff: float,
    changed_since: str | None,
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, example in body.queries.items():
        try:
            query = build_query(
                entity={
                    "id": example.id or key,
                    "schema": example.schema_,
                    "properties": example.properties,
                }
            )
        except InputError as exc:
            raise ApiError(
                422, f"query {key!r}: {exc}", [{"loc": ["body", "queries", key], "msg": str(exc)}]
            ) from None
        hits = screener.screen(query, threshold=cutoff, **options)
        results = []
        for hit in hits:
            item = scored_dict(hit, snap)
            item["match"] = hit.score >= threshold
            if changed_since and (item["last_change"] or "") < changed_since:
                continue
            results.append(item)
        out[key] = {
            "status": 200,
            "results": results,
            "total": {"value": len(results), "relation": "eq"},
            "query": query_dict(query),
        }
    return out


@direct_post(
    router,
    "/match/{dataset}",
    summary="Match entities by example (yente-compatible)",
    tags=["yente"],
    response_model=EntityMatchResponse,
    responses=responses(*COMMON, 404),
    openapi_extra=documented(MatchParams),
)
async def match(
    request: Request,
    body: EntityMatchQuery,
    dataset: str = DATASET,
) -> Response:
    params = read_query(request, MatchParams)
    snap = snapshot_of(request)
    lists = resolve(dataset, snap.lists)
    limit = check_limit(request, params.limit)
    algo = get_algorithm(algorithm_name(params.algorithm))
    threshold = check_unit(params.threshold, "threshold")
    cutoff = check_unit(params.cutoff, "cutoff")
    cap = request.app.state.settings.batch_cap
    if len(body.queries) > cap:
        raise ApiError(413, f"{len(body.queries)} queries in one request; at most {cap}")
    if not body.queries:
        raise ApiError(422, "no queries given", [{"loc": ["body", "queries"], "msg": "empty"}])
    options = {
        "as_of": params.as_of,
        "lists": list_filter(
            snap, lists, params.include_dataset, params.exclude_dataset, params.topics
        ),
        "algorithm": algo.name,
        "limit": limit,
        "exclude_ids": frozenset(params.exclude_entity_ids),
        "schemas": schema_filter(params.exclude_schema),
    }
    screener = screener_of(request, snap, params.as_of)
    args = (
        snap,
        screener,
        body,
        options,
        algo.threshold if threshold is None else threshold,
        DEFAULT_CUTOFF if cutoff is None else cutoff,
        check_since(params.changed_since, "changed_since"),
    )
    if len(body.queries) <= INLINE_QUERIES:
        out = _run_match(*args)
    else:
        out = await run_in_threadpool(_run_match, *args)
    return json_response(
        {"responses": out, "matcher": algorithm_dict(algo)["features"], "limit": limit},
        headers={"x-batch-size": str(len(out))},
    )


@router.get(
    "/search/{dataset}",
    summary="Search entities by name (yente-compatible)",
    tags=["yente"],
    response_model=SearchResponse,
    responses=responses(*COMMON, 404),
    openapi_extra=documented(SearchParams),
)
def search(request: Request, dataset: str = DATASET) -> Response:
    """List entities whose names resemble ``q``, best first: every entity with a
    score above 0 (see ``POST /match`` for screening with a cutoff)."""
    params = read_query(request, SearchParams)
    snap = snapshot_of(request)
    lists = resolve(dataset, snap.lists)
    limit = check_limit(request, params.limit)
    offset = params.offset
    query = build_query(params.q, schema=params.schema_)
    hits = screener_of(request, snap, params.as_of).screen(
        query,
        as_of=params.as_of,
        threshold=0.0,
        limit=offset + limit,
        algorithm=algorithm_name(params.algorithm),
        lists=list_filter(
            snap, lists, params.include_dataset, params.exclude_dataset, params.topics
        ),
        schemas=schema_filter(params.exclude_schema),
    )
    # At threshold 0 tamis-v1 searches every entity and leaves out those scoring 0;
    # an algorithm that scores the index's candidates instead returns them too, but
    # one whose names score nothing only shared a few letters with the query: it is
    # not a result. Hits come best first, so the positive ones are a prefix.
    hits = [hit for hit in hits if hit.score > 0]
    page = hits[offset : offset + limit]
    facets: dict[str, dict[str, int]] = {"datasets": {}, "schema": {}}
    for hit in hits:
        for list_id in hit.entity.lists:
            facets["datasets"][list_id] = facets["datasets"].get(list_id, 0) + 1
        facets["schema"][hit.entity.schema] = facets["schema"].get(hit.entity.schema, 0) + 1
    return json_response(
        {
            "limit": limit,
            "offset": offset,
            "total": {
                "value": len(hits),
                "relation": "eq" if len(hits) < offset + limit else "gte",
            },
            "results": [scored_dict(hit, snap) for hit in page],
            "facets": {
                name: {
                    "label": name.title(),
                    "values": [
                        {"name": k, "label": k, "count": v} for k, v in sorted(counts.items())
                    ],
                }
                for name, counts in facets.items()
            },
        }
    )


@router.get(
    "/entities/{entity_id}",
    summary="One entity, current or no longer listed (yente-compatible)",
    tags=["yente"],
    response_model=EntityResponse,
    responses=responses(*COMMON, 404),
)
def get_entity(
    request: Request,
    entity_id: str = Path(..., examples=["ofac-sdn-12345"]),
    nested: bool = Query(True, description="Accepted for yente compatibility"),
) -> Response:
    snap = snapshot_of(request)
    entity = snap.entity(entity_id)
    if entity is None:
        try:
            entity = service_of(request).store.get_entity(entity_id)
        except NotFound:
            raise ApiError(404, f"no entity with id {entity_id!r}") from None
    return json_response(entity_dict(entity, snap))


@router.get(
    "/catalog",
    summary="Datasets: the lists and the collections (yente-compatible)",
    tags=["yente"],
    response_model=DataCatalogModel,
    responses=responses(*COMMON),
)
def get_catalog(request: Request) -> Response:
    snap = snapshot_of(request)
    versions = {}
    for source in snap.sources:
        for list_id in source.get("lists") or {}:
            versions[list_id] = source.get("date") or snap.data_version
    datasets = []
    for name, dataset in catalog(snap.lists).items():
        count = (
            len(snap.entities)
            if name == "default"
            else sum(snap.lists.get(c, 0) for c in dataset.children)
            if dataset.is_collection
            else snap.lists.get(name, 0)
        )
        datasets.append(
            {
                "name": name,
                "title": dataset.title,
                "summary": None,
                "url": None,
                "load": dataset.is_collection or name in snap.lists,
                "entities_url": None,
                "version": versions.get(name, snap.data_version),
                "index_version": snap.data_version,
                "index_current": True,
                "children": list(dataset.children),
                "entity_count": count,
            }
        )
    names = [d["name"] for d in datasets]
    return json_response(
        {"datasets": datasets, "current": names, "outdated": [], "index_stale": False}
    )


@router.get(
    "/algorithms",
    summary="Scoring algorithms (yente-compatible)",
    tags=["yente"],
    response_model=AlgorithmResponse,
    responses=responses(*COMMON),
)
def get_algorithms() -> Response:
    return json_response(
        {
            "algorithms": [algorithm_dict(a) for a in list_algorithms()],
            "default": DEFAULT_ALGORITHM,
            "best": DEFAULT_ALGORITHM,
        }
    )
