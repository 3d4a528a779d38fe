"""Column detection and the row -> query step shared by the runner and Spark."""

from __future__ import annotations

import pytest

from tamis.batch.mapping import ColumnMap, parse_schema, row_id, row_to_query
from tamis.batch.spark_job import deserialise_entities, serialise_entities
from tamis.errors import InputError
from tamis.matching import build_query


def test_headers_are_detected_in_common_spellings() -> None:
    columns = ColumnMap.resolve(
        ["Customer ID", "Given Name", "Surname", "Date of Birth", "Nationality", "Passport", "Type"]
    )
    assert columns == ColumnMap(
        first_name="Given Name",
        last_name="Surname",
        birth_date="Date of Birth",
        country="Nationality",
        id_number="Passport",
        schema="Type",
        row_id="Customer ID",
    )
    assert ColumnMap.resolve(["company", "country"]).name == "company"
    assert ColumnMap.resolve(["full_name", "name"]).name == "name"  # the most specific first


def test_given_columns_win_and_are_checked() -> None:
    columns = ColumnMap.resolve(["nom", "name"], name="nom")
    assert columns.name == "nom"
    with pytest.raises(InputError, match="'prenom'.*columns are: nom, name"):
        ColumnMap.resolve(["nom", "name"], first_name="prenom")
    with pytest.raises(InputError, match="no name column"):
        ColumnMap.resolve(["a", "b"])


def test_row_to_query_builds_the_same_entity_as_build_query() -> None:
    columns = ColumnMap.resolve(["id", "first_name", "last_name", "dob", "country", "type"])
    row = {
        "id": "7",
        "first_name": " Vladimir ",
        "last_name": "Putin",
        "dob": "10/07/1952",
        "country": "ru",
        "type": "Individual",
    }
    query = row_to_query(row, columns, build_query)
    expected = build_query("Vladimir Putin", schema="Person", birth_date="1952-10-07", country="ru")
    assert query.to_dict() == expected.to_dict()
    assert row_id(row, columns, 12) == "7"
    assert row_id({"id": ""}, columns, 12) == "12"


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({"name": "   ", "dob": ""}, "empty name"),
        ({"name": None, "dob": ""}, "empty name"),
        ({"name": "A B", "dob": "31/31/1999"}, "unparseable birth date '31/31/1999'"),
        ({"name": "A B", "dob": "", "type": "spaceship"}, "unknown entity type 'spaceship'"),
    ],
)
def test_bad_rows_raise_input_error(row: dict, reason: str) -> None:
    columns = ColumnMap.resolve(["name", "dob", "type"])
    with pytest.raises(InputError) as exc:
        row_to_query(row, columns, build_query)
    assert str(exc.value) == reason


def test_schema_words() -> None:
    assert parse_schema("Company") == "Company"
    assert parse_schema("ORGANISATION") == "Organization"
    assert parse_schema("") is None
    assert parse_schema(None) is None


def test_broadcast_index_round_trips(entities) -> None:  # noqa: ANN001
    blob = serialise_entities(entities)
    back = deserialise_entities(blob)
    assert [e.to_dict() for e in back] == [e.to_dict() for e in entities]
    assert len(blob) < sum(len(str(e.to_dict())) for e in entities)
