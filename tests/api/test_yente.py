"""The yente-compatible routes answer with yente's shapes and tamis's scores."""

from __future__ import annotations

from fastapi.testclient import TestClient

PERSON = {
    "schema": "Person",
    "properties": {"name": ["Michel Joseph Martelly"], "birthDate": ["1961-02-12"]},
}
COMPANY = {"schema": "Company", "properties": {"name": "Huawei Investment Holding"}}


def test_match_returns_yente_shape_with_scores_and_explanations(client: TestClient) -> None:
    r = client.post("/match/default", json={"queries": {"p": PERSON, "c": COMPANY}})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["limit"] == 5 and r.headers["x-batch-size"] == "2"
    person = body["responses"]["p"]
    assert person["status"] == 200
    assert person["query"]["schema"] == "Person"
    top = person["results"][0]
    assert top["id"] == "ofac-50476" and top["match"] is True and top["target"] is True
    assert top["datasets"] == ["ofac_cons"]
    assert top["schema"] == "Person" and top["caption"] == "MARTELLY, Michel Joseph"
    assert "Sweet Micky" in top["properties"]["weakAlias"]
    assert set(top["features"]) >= {"name", "birth_date"}
    assert any(e["feature"] == "birth_date" and e["contribution"] > 0 for e in top["explanations"])
    assert top["first_seen"] and top["last_seen"] and top["last_change"]
    assert person["total"] == {"value": len(person["results"]), "relation": "eq"}
    companies = {r["id"]: r for r in body["responses"]["c"]["results"]}
    assert companies["dod-1260h-huawei-investment-holding-co-ltd"]["datasets"] == ["dod_1260h"]
    assert companies["dod-1260h-huawei-investment-holding-co-ltd"]["match"] is True


def test_match_threshold_cutoff_and_filters(client: TestClient) -> None:
    query = {"queries": {"p": PERSON}}
    strict = client.post("/match/default?threshold=1.0", json=query).json()
    assert all(not r["match"] for r in strict["responses"]["p"]["results"] if r["score"] < 1.0)
    none = client.post("/match/dod_1260h", json=query).json()
    assert none["responses"]["p"]["results"] == []
    excluded = client.post("/match/default?exclude_dataset=ofac_cons", json=query).json()
    assert excluded["responses"]["p"]["results"] == []
    no_person = client.post("/match/default?exclude_schema=Person", json=query).json()
    assert all(r["schema"] != "Person" for r in no_person["responses"]["p"]["results"])
    skip = client.post("/match/default?exclude_entity_ids=ofac-50476", json=query).json()
    assert "ofac-50476" not in [r["id"] for r in skip["responses"]["p"]["results"]]
    sanctions = client.post("/match/sanctions?topics=sanction", json=query).json()
    assert sanctions["responses"]["p"]["results"][0]["id"] == "ofac-50476"
    later = client.post("/match/default?changed_since=2999-01-01", json=query).json()
    assert later["responses"]["p"]["results"] == []


def test_match_as_of_sees_listings_in_force_that_day(client: TestClient) -> None:
    query = {"queries": {"x": {"schema": "Company", "properties": {"name": ["Xiaomi Corp"]}}}}
    today = client.post("/match/dod_1237", json=query).json()["responses"]["x"]["results"]
    assert "dod-1237-xiaomi-corporation" not in [r["id"] for r in today]  # delisted May 2021
    then = client.post("/match/dod_1237?as_of=2021-03-01", json=query).json()
    assert then["responses"]["x"]["results"][0]["id"] == "dod-1237-xiaomi-corporation"


def test_algorithm_aliases_and_unknown_algorithm(client: TestClient) -> None:
    query = {"queries": {"p": PERSON}}
    assert client.post("/match/default?algorithm=best", json=query).status_code == 200
    assert client.post("/match/default?algorithm=ofac-sls", json=query).status_code == 200
    r = client.post("/match/default?algorithm=nope", json=query)
    assert r.status_code == 422 and "nope" in r.json()["detail"]


def test_search_entities_catalog_algorithms(client: TestClient) -> None:
    found = client.get("/search/default", params={"q": "huawei", "limit": 3}).json()
    assert "dod-1260h-huawei-investment-holding-co-ltd" in [r["id"] for r in found["results"]]
    assert found["facets"]["datasets"]["values"]
    entity = client.get("/entities/dod-1237-huawei").json()
    assert entity["caption"] == "Huawei" and entity["listings"][0]["list"] == "dod_1237"
    assert client.get("/entities/nope-nope").status_code == 404
    catalog = client.get("/catalog").json()
    names = {d["name"]: d for d in catalog["datasets"]}
    assert names["dod_1237"]["entity_count"] == 45
    assert names["default"]["entity_count"] == 630
    assert "ofac_cons" in names["sanctions"]["children"]
    assert "dod_1237" not in names["sanctions"]["children"]
    algos = client.get("/algorithms").json()
    assert algos["default"] == "tamis-v1"
    assert {"tamis-v1", "ofac-sls"} <= {a["name"] for a in algos["algorithms"]}


def test_search_returns_only_entities_whose_names_score(client: TestClient) -> None:
    # Xiaomi was delisted in May 2021: today no name on the lists resembles it, even
    # though some share a few letters with it (the candidates of the index)
    today = client.get("/search/default", params={"q": "xiaomi"}).json()
    assert today["results"] == [] and today["total"] == {"value": 0, "relation": "eq"}
    then = client.get("/search/default", params={"q": "xiaomi", "as_of": "2021-03-01"}).json()
    assert [r["id"] for r in then["results"]] == ["dod-1237-xiaomi-corporation"]
    assert all(r["score"] > 0 for r in then["results"])


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz").json()
    assert ready["status"] == "ok" and ready["entities"] == 630
