"""Property-based tests generated from our own OpenAPI document (schemathesis).

Every operation gets a bounded number of generated requests, valid and
invalid; each answer must not be a server error and must conform to the
document (status codes, content types, response schemas, headers).
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings

from tamis.api import create_app
from tamis.api.settings import Settings
from tamis.service import ScreeningService


@pytest.fixture(scope="module")
def api_schema(service: ScreeningService) -> schemathesis.BaseSchema:
    app: FastAPI = create_app(Settings(open_screening=True, batch_cap=20), service)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_api_conforms_to_its_openapi_document(api_schema: schemathesis.BaseSchema) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def check(case: schemathesis.Case) -> None:
            # "positive data acceptance" is left out: a schema-valid request can still
            # name a dataset or entity that does not exist, and 404/422 is then right.
            case.call_and_validate(excluded_checks=[schemathesis.checks.positive_data_acceptance])

        try:
            check()
        except Exception as exc:
            raise AssertionError(f"{operation.label}: {exc}") from exc
