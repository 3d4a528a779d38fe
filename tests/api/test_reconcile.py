"""/reconcile answers validate against the W3C Reconciliation API 0.2 JSON schemas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft7Validator
from referencing import Registry, Resource

SCHEMAS = Path(__file__).parent.parent / "data" / "reconciliation-0.2"
BASE = "https://reconciliation-api.github.io/specs/0.2/schemas/"
# The manifest refers to the Swagger 2 schema for "authentication"; stand in its shape
# (an object with a "type") so validation needs no network.
SWAGGER = {
    "definitions": {
        "securityDefinitions": {
            "additionalProperties": {
                "type": "object",
                "required": ["type"],
                "properties": {"type": {"enum": ["apiKey", "basic", "oauth2"]}},
            }
        }
    }
}


def _registry() -> Registry:
    resources = [("http://swagger.io/v2/schema.json", Resource.opaque(SWAGGER))]
    for path in SCHEMAS.glob("*.json"):
        if path.name == "openapi.json":
            continue
        contents = json.loads(path.read_text())
        resources.append((BASE + path.name, Resource.opaque(contents)))
        if "$id" in contents:
            resources.append((contents["$id"], Resource.opaque(contents)))
    return Registry().with_resources(resources)


REGISTRY = _registry()


def check(document: object, schema_file: str) -> None:
    schema = json.loads((SCHEMAS / schema_file).read_text())
    validator = Draft7Validator(schema, registry=REGISTRY)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_manifest(client: TestClient) -> None:
    manifest = client.get("/reconcile/default").json()
    check(manifest, "manifest.json")
    assert manifest["versions"] == ["0.2"]
    assert manifest["view"]["url"].endswith("/entities/{{id}}")
    assert "authentication" not in manifest  # open screening


def test_manifest_of_a_closed_server_declares_the_key(closed_app) -> None:  # type: ignore[no-untyped-def]
    with TestClient(closed_app) as client:
        manifest = client.get("/reconcile/sanctions").json()
        check(manifest, "manifest.json")
        assert manifest["authentication"]["name"] == "X-API-Key"
        assert client.post("/reconcile/sanctions", data={"queries": "{}"}).status_code == 401


QUERIES = {
    "q0": {
        "query": "Michel Joseph Martelly",
        "type": "Person",
        "properties": [{"pid": "birthDate", "v": "1961-02-12"}],
    },
    "q1": {"query": "Huawei Investment Holding", "type": "Company", "limit": 3},
}


def test_queries_as_form_and_as_json(client: TestClient) -> None:
    form = client.post("/reconcile/default", data={"queries": json.dumps(QUERIES)})
    assert form.status_code == 200, form.text
    check(form.json(), "reconciliation-result-batch.json")
    top = form.json()["q0"]["result"][0]
    assert top["id"] == "ofac-50476" and top["match"] is True
    assert {"id": "birth_date"}.items() <= next(
        f for f in top["features"] if f["id"] == "birth_date"
    ).items()
    assert len(form.json()["q1"]["result"]) <= 3
    as_json = client.post("/reconcile/default", json={"queries": QUERIES}).json()
    assert as_json == form.json()
    via_get = client.get("/reconcile/default", params={"queries": json.dumps(QUERIES)}).json()
    assert via_get == form.json()


def test_query_errors(client: TestClient) -> None:
    bad_json = client.post("/reconcile/default", data={"queries": "{nope"})
    assert bad_json.status_code == 400
    bad_type = client.post(
        "/reconcile/default", data={"queries": json.dumps({"q": {"query": "x", "type": "Car"}})}
    )
    assert bad_type.status_code == 422 and "Car" in bad_type.json()["detail"]
    bad_prop = {"q": {"query": "x", "properties": [{"pid": "shoeSize", "v": "44"}]}}
    r = client.post("/reconcile/default", data={"queries": json.dumps(bad_prop)})
    assert r.status_code == 422 and "shoeSize" in r.json()["detail"]
    assert client.get("/reconcile/nowhere").status_code == 404


def test_suggest_services(client: TestClient) -> None:
    entities = client.get("/reconcile/default/suggest/entity", params={"prefix": "martelly"})
    check(entities.json(), "suggest-entities-response.json")
    assert entities.json()["result"][0]["id"] == "ofac-50476"
    types = client.get("/reconcile/default/suggest/type", params={"prefix": "comp"}).json()
    check(types, "suggest-types-response.json")
    assert types["result"] == [{"id": "Company", "name": "Company"}]
    props = client.get("/reconcile/default/suggest/property", params={"prefix": "birth"}).json()
    check(props, "suggest-properties-response.json")
    assert props["result"][0]["id"] == "birthDate"


def test_preview(client: TestClient) -> None:
    r = client.get("/reconcile/default/preview", params={"id": "ofac-50476"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "MARTELLY" in r.text and "1961-02-12" in r.text
    assert client.get("/reconcile/default/preview", params={"id": "nope"}).status_code == 404


@pytest.mark.parametrize("kind", ["form", "json"])
def test_data_extension(client: TestClient, kind: str) -> None:
    proposal = client.get("/reconcile/default/extend/propose", params={"type": "Person"}).json()
    check(proposal, "data-extension-property-proposal.json")
    assert {"birthDate", "lists", "programs"} <= {p["id"] for p in proposal["properties"]}
    request = {
        "ids": ["ofac-50476", "unknown-id"],
        "properties": [{"id": "birthDate"}, {"id": "lists"}, {"id": "programs"}],
    }
    check(request, "data-extension-query.json")
    if kind == "form":
        r = client.post("/reconcile/default", data={"extend": json.dumps(request)})
    else:
        r = client.post("/reconcile/default", json={"extend": request})
    assert r.status_code == 200, r.text
    check(r.json(), "data-extension-response.json")
    row = r.json()["rows"]["ofac-50476"]
    assert row["birthDate"] == [{"str": "1961-02-12"}]
    assert row["lists"] == [{"str": "ofac_cons"}]
    assert r.json()["rows"]["unknown-id"]["birthDate"] == []
    bad = client.post(
        "/reconcile/default", json={"extend": {"ids": ["x"], "properties": [{"id": "zzz"}]}}
    )
    assert bad.status_code == 422
