"""Bad input gets a 4xx with a JSON body saying what is wrong, never a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

PERSON = {"schema": "Person", "properties": {"name": ["Evren Kayakiran"]}}


def _error(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status and body["detail"]
    return body


def test_malformed_json_is_400(client: TestClient) -> None:
    r = client.post(
        "/match/default", content=b'{"queries": {', headers={"content-type": "application/json"}
    )
    assert "not valid JSON" in _error(r, 400)["detail"]


def test_unknown_schema_dataset_and_property_shapes(client: TestClient) -> None:
    bad_schema = {"queries": {"q": {"schema": "Spaceship", "properties": {"name": ["x"]}}}}
    assert "Spaceship" in _error(client.post("/match/default", json=bad_schema), 422)["detail"]
    assert (
        "unknown dataset"
        in _error(client.post("/match/nowhere", json={"queries": {"q": PERSON}}), 404)["detail"]
    )
    assert (
        "unknown datasets"
        in _error(
            client.post("/match/default?include_dataset=nowhere", json={"queries": {"q": PERSON}}),
            422,
        )["detail"]
    )
    no_name = {"queries": {"q": {"schema": "Person", "properties": {"birthDate": ["1970"]}}}}
    assert "needs a name" in _error(client.post("/match/default", json=no_name), 422)["detail"]
    extra = {"queries": {"q": PERSON}, "surprise": 1}
    assert "surprise" in str(_error(client.post("/match/default", json=extra), 422)["errors"])


def test_unknown_parameters_are_listed(client: TestClient) -> None:
    body = _error(client.get("/search/default?q=x&colour=red&size=2"), 422)
    assert "colour, size" in body["detail"]
    assert [e["loc"] for e in body["errors"]] == [["query", "colour"], ["query", "size"]]


@pytest.mark.parametrize("as_of", ["2021-02-30", "yesterday", "21-3-1"])
def test_bad_dates(client: TestClient, as_of: str) -> None:
    r = client.post("/screen", json={"name": "Huawei", "as_of": as_of})
    assert as_of in _error(r, 422)["detail"]


def test_bad_numbers(client: TestClient) -> None:
    _error(client.post("/match/default?limit=0", json={"queries": {"q": PERSON}}), 422)
    _error(client.post("/match/default?limit=abc", json={"queries": {"q": PERSON}}), 422)
    _error(client.post("/match/default?threshold=1.5", json={"queries": {"q": PERSON}}), 422)
    _error(client.post("/screen", json={"name": "x", "threshold": -1}), 422)


def test_match_parameters_are_read_validated_and_documented(client: TestClient) -> None:
    """/match reads its query parameters as one model: same errors, same document."""
    query = {"queries": {"q": PERSON}}
    bad = _error(client.post("/match/default?limit=abc&cutoff=x", json=query), 422)
    assert [e["loc"] for e in bad["errors"]] == [["query", "limit"], ["query", "cutoff"]]
    assert bad["detail"].startswith("query.limit:")
    unknown = _error(client.post("/match/default?limit=3&colour=red", json=query), 422)
    assert "colour" in unknown["detail"] and "include_dataset" in unknown["detail"]
    both = client.post(
        "/match/default?include_dataset=ofac_sdn&include_dataset=un_sc&fuzzy=true&limit=2",
        json=query,
    )
    assert both.status_code == 200, both.text
    assert both.json()["limit"] == 2
    operation = client.get("/openapi.json").json()["paths"]["/match/{dataset}"]["post"]
    documented = {p["name"]: p for p in operation["parameters"] if p["in"] == "query"}
    assert {"limit", "threshold", "cutoff", "include_dataset", "as_of", "fuzzy"} <= set(documented)
    assert documented["include_dataset"]["schema"]["type"] == "array"
    assert documented["limit"]["description"] == "Results per query (default 5)"


def test_search_parameters_are_read_validated_and_documented(client: TestClient) -> None:
    missing = _error(client.get("/search/default"), 422)
    assert missing["errors"] == [{"loc": ["query", "q"], "msg": "Field required"}]
    assert [
        e["loc"] for e in _error(client.get("/search/default?q=x&offset=-1"), 422)["errors"]
    ] == [["query", "offset"]]
    found = client.get("/search/default?q=huawei&limit=2&offset=1")
    assert found.status_code == 200, found.text
    assert found.json()["offset"] == 1
    assert any(r["schema"] == "Company" for r in found.json()["results"])
    # a person is never a company: the schema parameter is read
    people = client.get("/search/default?q=huawei&schema=Person").json()["results"]
    assert not any(r["schema"] == "Company" for r in people)
    operation = client.get("/openapi.json").json()["paths"]["/search/{dataset}"]["get"]
    documented = {p["name"]: p for p in operation["parameters"] if p["in"] == "query"}
    assert documented["q"]["required"] is True and documented["schema"]["required"] is False
    assert documented["offset"]["schema"]["maximum"] == 10_000


def test_body_over_the_size_limit_is_413(client: TestClient) -> None:
    big = {"queries": {f"q{i}": PERSON for i in range(5000)}}
    assert "larger than" in _error(client.post("/match/default", json=big), 413)["detail"]


def test_too_many_queries_is_413(client: TestClient) -> None:
    many = {"queries": {f"q{i}": PERSON for i in range(21)}}
    assert "at most 20" in _error(client.post("/match/default", json=many), 413)["detail"]


def test_empty_and_overlong_names(client: TestClient) -> None:
    _error(client.post("/screen", json={"name": "   "}), 422)
    _error(client.post("/screen", json={"name": "a" * 1001}), 422)
    _error(client.get("/search/default", params={"q": ""}), 422)


def test_unknown_route_and_method(client: TestClient) -> None:
    _error(client.get("/nothing-here"), 404)
    _error(client.delete("/screen"), 405)
