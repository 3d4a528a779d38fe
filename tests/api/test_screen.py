"""tamis's own routes: /screen, /screen/batch, /lists, history, changes, metrics."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_screen_a_name_with_explanations(client: TestClient) -> None:
    r = client.post("/screen", json={"name": "Huawei Investment Holding", "lists": ["dod_1260h"]})
    assert r.status_code == 200, r.text
    body = r.json()
    assert "dod-1260h-huawei-investment-holding-co-ltd" in [h["id"] for h in body["hits"]]
    assert body["hits"][0]["explanations"][0]["text"]
    assert body["lists"] == ["dod_1260h"] and body["data_version"]


def test_screen_an_entity_as_of_a_date(client: TestClient) -> None:
    entity = {"schema": "Company", "properties": {"name": ["Xiaomi Corporation"]}}
    before = client.post("/screen", json={"entity": entity, "as_of": "2021-03-01"}).json()
    assert before["hits"][0]["id"] == "dod-1237-xiaomi-corporation"
    after = client.post("/screen", json={"entity": entity, "as_of": "2021-06-01"}).json()
    assert "dod-1237-xiaomi-corporation" not in [h["id"] for h in after["hits"]]


def test_screen_batch_and_its_cap(client: TestClient) -> None:
    r = client.post(
        "/screen/batch",
        json={"queries": [{"name": "Huawei"}, {"name": "Martelly", "schema": "Person"}]},
    )
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [item["index"] for item in results] == [0, 1]
    assert results[1]["hits"][0]["id"] == "ofac-50476"
    over = client.post("/screen/batch", json={"queries": [{"name": "x"}] * 21})
    assert over.status_code == 413 and "at most 20" in over.json()["detail"]


def test_lists_history_changes(client: TestClient) -> None:
    lists = client.get("/lists").json()
    assert {s["source"] for s in lists["sources"]} == {"dod", "ofac_cons"}
    assert lists["lists"]["dod_1260h"] == 142
    history = client.get("/entities/dod-1237-xiaomi-corporation/history").json()
    kinds = [c["change"] for c in history["changes"]]
    assert "listed" in kinds and "delisted" in kinds
    assert client.get("/entities/nope/history").status_code == 404
    changes = client.get("/changes", params={"since": "2000-01-01", "limit": 5}).json()
    assert changes["count"] == 5
    assert client.get("/changes", params={"since": "yesterday"}).status_code == 422


def test_metrics_count_requests_and_describe_the_index(client: TestClient) -> None:
    client.get("/healthz")
    text = client.get("/metrics").text
    assert 'tamis_http_requests_total{method="GET",route="/healthz",status="200"}' in text
    assert "tamis_http_request_duration_seconds_bucket" in text
    assert "tamis_index_entities" in text and 'tamis_list_age_seconds{source="dod"}' in text
