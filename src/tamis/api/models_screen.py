"""Request and response models of tamis's own routes (/screen, /lists, /changes, admin)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from tamis.api.models import EntityExample, ExplanationModel, ListingModel


class ScreenOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    as_of: str | None = Field(
        None, description="Screen the lists in force on this ISO date", examples=["2021-03-01"]
    )
    lists: list[str] | None = Field(
        None,
        description="List ids or collections (default: all)",
        examples=[["ofac_sdn", "dod_1260h"]],
    )
    threshold: float | None = Field(
        None,
        ge=0.0,
        le=1.0,
        description="Lowest score returned (default: the algorithm's threshold)",
    )
    algorithm: str = Field("tamis-v1", examples=["tamis-v1"])
    limit: int = Field(10, ge=1, le=500)


class ScreenQuery(BaseModel):
    """A name (with optional facts), or a full entity."""

    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(None, examples=["Xiaomi Corp."])
    schema_: str | None = Field(None, alias="schema", examples=["Company"])
    birth_date: str | None = Field(None, examples=["1952-10-07"])
    country: str | None = Field(None, examples=["cn"])
    ids: list[str] = Field(default_factory=list)
    entity: EntityExample | None = None


class ScreenRequest(ScreenOptions, ScreenQuery):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class BatchRequest(ScreenOptions):
    queries: list[ScreenQuery] = Field(..., examples=[[{"name": "Xiaomi Corp."}]])


class HitModel(BaseModel):
    id: str
    schema_: str = Field(..., alias="schema")
    caption: str
    names: list[str]
    lists: list[str]
    programs: list[str]
    listed_on: str | None = None
    score: float
    match: bool
    explanations: list[ExplanationModel]
    properties: dict[str, list[str]]
    listings: list[ListingModel]


class QueryEcho(BaseModel):
    id: str | None = None
    schema_: str = Field(..., alias="schema")
    properties: dict[str, list[str]]


class ScreenResponse(BaseModel):
    query: QueryEcho
    algorithm: str
    as_of: str | None = None
    lists: list[str] | None = None
    data_version: str
    total: int
    hits: list[HitModel]


class BatchItem(BaseModel):
    index: int
    query: QueryEcho
    total: int
    hits: list[HitModel]


class BatchResponse(BaseModel):
    algorithm: str
    as_of: str | None = None
    data_version: str
    count: int
    results: list[BatchItem]


class SourceModel(BaseModel):
    model_config = ConfigDict(extra="allow")
    source: str
    title: str
    version_id: int
    date: str
    published: str | None = None
    entity_count: int
    lists: dict[str, int]
    imported_at: str
    fetched_at: str | None = None
    sha256: str
    versions: int


class ListsResponse(BaseModel):
    data_version: str
    index_built_at: str
    sources: list[SourceModel]
    lists: dict[str, int]


class ChangeModel(BaseModel):
    model_config = ConfigDict(extra="allow")
    date: str | None = None
    entity_id: str
    caption: str
    change: str
    source: str
    version_id: int | None = None
    list_: str | None = Field(None, alias="list")
    detail: str | None = None
    diff: dict[str, Any] | None = None
    imported_at: str | None = None


class HistoryResponse(BaseModel):
    id: str
    changes: list[ChangeModel]


class ChangesResponse(BaseModel):
    since: str
    count: int
    changes: list[ChangeModel]


class UpdateRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sources: list[str] | None = Field(None, examples=[["ofac_sdn", "un"]])


class UpdateStatus(BaseModel):
    model_config = ConfigDict(extra="allow")
    state: str = Field(..., examples=["running"])
    data_version: str | None = None


class KeyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: str = Field(..., pattern="^(screen|admin)$", examples=["screen"])
    name: str = Field("", max_length=200, examples=["payments gateway"])


class KeyModel(BaseModel):
    id: str
    name: str
    role: str
    created_at: str
    revoked_at: str | None = None
    active: bool


class KeyCreated(KeyModel):
    key: str = Field(..., description="The key itself; shown this once and never again")


class KeyList(BaseModel):
    keys: list[KeyModel]
