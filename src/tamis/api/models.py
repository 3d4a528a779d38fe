"""Request and response models of the yente-compatible routes.

Field names and nesting follow yente's API (``responses.{key}.results[]``
with ``id``, ``caption``, ``schema``, ``properties``, ``datasets``, ``score``,
``match``, ``features``, ``first_seen`` ...), so clients written for yente —
nomenklatura's enricher among them — read tamis answers unchanged. tamis adds
``explanations`` (the analyst-readable reasons for a score) and ``listings``.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class TotalSpec(BaseModel):
    value: int = Field(..., examples=[3])
    relation: str = Field("eq", examples=["eq"])


class ExplanationModel(BaseModel):
    """One feature's part in a score."""

    feature: str = Field(..., examples=["name"])
    contribution: float = Field(..., examples=[0.82])
    query_value: str | None = None
    candidate_value: str | None = None
    text: str = Field(..., examples=["name 'Xiaomi Corp' matches 'XIAOMI CORPORATION' (+0.82)"])


class ListingModel(BaseModel):
    """One appearance of the entity on one official list."""

    model_config = ConfigDict(extra="allow")
    list_: str = Field(..., alias="list", examples=["ofac_sdn"])
    programs: list[str] = Field(default_factory=list)
    listed_on: str | None = None
    delisted_on: str | None = None


class EntityResponse(BaseModel):
    id: str = Field(..., examples=["ofac-sdn-12345"])
    caption: str = Field(..., examples=["XIAOMI CORPORATION"])
    schema_: str = Field(..., alias="schema", examples=["Company"])
    properties: dict[str, list[str]] = Field(..., examples=[{"name": ["XIAOMI CORPORATION"]}])
    datasets: list[str] = Field(default_factory=list, examples=[["dod_1260h"]])
    referents: list[str] = Field(default_factory=list)
    target: bool = True
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    last_change: datetime | None = None
    listings: list[ListingModel] = Field(default_factory=list)


class ScoredEntityResponse(EntityResponse):
    score: float = Field(..., examples=[0.93])
    match: bool = Field(..., examples=[True])
    #: feature name -> its contribution to the score (yente's ``features``)
    features: dict[str, float] = Field(default_factory=dict)
    explanations: list[ExplanationModel] = Field(default_factory=list)


class EntityExample(BaseModel):
    """A query entity: FtM schema and properties (a string or a list of strings each)."""

    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(None, examples=["customer-17"])
    schema_: str = Field(..., alias="schema", examples=["Person"])
    properties: dict[str, str | list[str]] = Field(
        ..., examples=[{"name": ["Vladimir Putin"], "birthDate": ["1952-10-07"]}]
    )


class EntityMatchQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    queries: dict[str, EntityExample] = Field(
        ..., examples=[{"q1": {"schema": "Person", "properties": {"name": ["Vladimir Putin"]}}}]
    )
    #: accepted for yente compatibility; tamis algorithms have fixed weights
    weights: dict[str, float] = Field(default_factory=dict)


class EntityMatches(BaseModel):
    status: int = Field(200, examples=[200])
    results: list[ScoredEntityResponse]
    total: TotalSpec
    query: EntityExample


class FeatureDoc(BaseModel):
    description: str
    coefficient: float = 0.0
    url: str | None = None


class EntityMatchResponse(BaseModel):
    responses: dict[str, EntityMatches]
    matcher: dict[str, FeatureDoc] = Field(default_factory=dict)
    limit: int = Field(..., examples=[5])


class SearchFacetItem(BaseModel):
    name: str
    label: str
    count: int


class SearchFacet(BaseModel):
    label: str
    values: list[SearchFacetItem]


class SearchResponse(BaseModel):
    limit: int
    offset: int = 0
    total: TotalSpec
    results: list[ScoredEntityResponse]
    facets: dict[str, SearchFacet] = Field(default_factory=dict)


class DatasetModel(BaseModel):
    name: str = Field(..., examples=["ofac_sdn"])
    title: str
    summary: str | None = None
    url: str | None = None
    load: bool = True
    entities_url: str | None = None
    version: str = Field(..., examples=["2025-06-30"])
    index_version: str | None = None
    index_current: bool = True
    children: list[str] = Field(default_factory=list)
    entity_count: int = 0


class DataCatalogModel(BaseModel):
    datasets: list[DatasetModel]
    current: list[str]
    outdated: list[str]
    index_stale: bool = False


class AlgorithmModel(BaseModel):
    name: str = Field(..., examples=["tamis-v1"])
    version: str
    description: str | None = None
    threshold: float
    features: dict[str, FeatureDoc] = Field(default_factory=dict)


class AlgorithmResponse(BaseModel):
    algorithms: list[AlgorithmModel]
    default: str
    best: str


class StatusResponse(BaseModel):
    status: str = "ok"


class ReadyResponse(BaseModel):
    status: str = Field(..., examples=["ok"])
    data_version: str | None = None
    entities: int = 0
    built_at: datetime | None = None
    error: str | None = None
