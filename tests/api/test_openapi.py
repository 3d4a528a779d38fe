"""The OpenAPI document names every model and every error status a route can answer."""

from __future__ import annotations

from fastapi.testclient import TestClient

OPEN = {"/healthz", "/readyz", "/metrics", "/reconcile/{dataset}"}


def test_every_operation_documents_its_errors(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    error_ref = "#/components/schemas/ErrorResponse"
    operations = [
        (path, method, op) for path, item in doc["paths"].items() for method, op in item.items()
    ]
    assert len(operations) >= 20
    for path, method, op in operations:
        responses = op["responses"]
        assert "422" in responses, (path, method)
        schema = responses["422"]["content"]["application/json"]["schema"]
        assert schema == {"$ref": error_ref}, (path, method)
        if path not in OPEN:
            for status in ("401", "403", "429"):
                assert status in responses, (path, method, status)
            assert "Retry-After" in responses["429"]["headers"]
        assert "HTTPValidationError" not in str(responses)
    for name in (
        "EntityMatchResponse",
        "ScoredEntityResponse",
        "ScreenResponse",
        "BatchResponse",
        "DataCatalogModel",
        "AlgorithmResponse",
        "ErrorResponse",
        "KeyCreated",
        "ChangesResponse",
        "HistoryResponse",
        "ListsResponse",
    ):
        assert name in doc["components"]["schemas"], name
    security = doc["components"]["securitySchemes"]
    assert {"HTTPBearer", "APIKeyHeader"} <= set(security)
