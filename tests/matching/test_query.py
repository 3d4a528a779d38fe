"""Query building and validation: bad input is a clear InputError, never a crash."""

from __future__ import annotations

import pytest

from tamis.errors import InputError
from tamis.matching import build_query
from tamis.matching.query import MAX_NAME_LENGTH


def test_bare_name_defaults_to_an_open_schema():
    query = build_query("Vladimir Putin")
    assert query.schema == "Thing"
    assert query.get("name") == ["Vladimir Putin"]


def test_facts_are_kept():
    query = build_query(
        "Vladimir Putin", schema="Person", birth_date="1952-10-07", country="ru", ids=["123 456"]
    )
    assert query.get("birthDate") == ["1952-10-07"]
    assert query.get("country") == ["ru"]
    assert query.get("idNumber") == ["123 456"]


def test_entity_form():
    query = build_query(
        entity={
            "schema": "Person",
            "properties": {"name": ["PUTIN, Vladimir"], "birthDate": ["1952"]},
        }
    )
    assert query.schema == "Person"
    assert query.get("birthDate") == ["1952"]


def test_control_characters_are_stripped():
    assert build_query("Vladimir\x00 Pu\u200btin\x07").get("name") == ["Vladimir Putin"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": ""}, "empty"),
        ({"name": "   \t "}, "empty"),
        ({"name": "\x00\x01"}, "empty"),
        ({"name": "x" * (MAX_NAME_LENGTH + 1)}, "characters long"),
        ({"name": "Vladimir \ud800 Putin"}, "surrogate"),
        ({"name": "Putin", "schema": "Spaceship"}, "unknown schema"),
        ({"name": "Putin", "birth_date": "2021-02-30"}, "does not exist"),
        ({"name": "Putin", "birth_date": "21-3-1"}, "not an ISO date"),
        ({"name": "Putin", "ids": [" "]}, "identifier is empty"),
        ({"entity": {"schema": "Person", "properties": {}}}, "needs a name"),
        ({"entity": {"schema": "Person", "properties": {"name": [""]}}}, "needs a name"),
    ],
)
def test_bad_input_is_refused_clearly(kwargs, message):
    with pytest.raises(InputError, match=message):
        build_query(**kwargs)


def test_a_long_name_at_the_limit_is_accepted():
    assert build_query("a" * MAX_NAME_LENGTH).get("name")[0] == "a" * MAX_NAME_LENGTH


def test_sloppy_dates_are_padded():
    assert build_query("Putin", birth_date="1981-3-5").get("birthDate") == ["1981-03-05"]
