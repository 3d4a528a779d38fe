"""The compiled birth-date and country agreements give what the feature functions give."""

from __future__ import annotations

import random

import numpy as np

from tamis.matching.algorithms.tamis_v1 import _CONTEXT_WEIGHTS, _country_delta, _date_delta
from tamis.matching.features.context import EntityContext, date_code
from tamis.matching.features.country import country_agreement
from tamis.matching.features.dates import birth_date_agreement
from tamis.matching.prepared import PreparedEntity


def _entity(dates: tuple[str, ...], countries: frozenset[str]) -> PreparedEntity:
    return PreparedEntity(
        schema="Person",
        names=(),
        birth_dates=dates,
        countries=countries,
        identifiers=frozenset(),
        gender=None,
    )


def _date(rng: random.Random) -> str:
    year = str(rng.choice([1959, 1960, 1961, 1975]))
    precision = rng.choice([4, 7, 10])
    if precision == 4:
        return year
    month = f"{year}-{rng.choice([1, 2, 12]):02d}"
    return month if precision == 7 else f"{month}-{rng.choice([1, 15]):02d}"


def _random_entity(rng: random.Random) -> PreparedEntity:
    dates = tuple(dict.fromkeys(_date(rng) for _ in range(rng.randint(0, 3))))
    countries = frozenset(rng.sample(["ru", "iq", "af", "zz"], rng.randint(0, 2)))
    return _entity(dates, countries)


def test_agreements_equal_the_feature_functions():
    rng = random.Random(3)
    listed = [_random_entity(rng) for _ in range(300)]
    context = EntityContext(listed)
    entities = np.arange(len(listed), dtype=np.int64)
    for _ in range(200):
        query = _random_entity(rng)
        dates, countries = context.agreements(query, entities)
        for number, entity in enumerate(listed):
            assert dates[number] == birth_date_agreement(query.birth_dates, entity.birth_dates)[0]
            assert countries[number] == country_agreement(query.countries, entity.countries)[0]


def test_deltas_are_what_tamis_v1_adds_for_the_agreements():
    rng = random.Random(4)
    listed = [_random_entity(rng) for _ in range(300)]
    context = EntityContext(listed)
    entities = np.arange(len(listed), dtype=np.int64)
    for _ in range(100):
        query = _random_entity(rng)
        if not (query.birth_dates or query.countries):
            continue
        deltas = context.deltas(query, entities, _CONTEXT_WEIGHTS)
        dates, countries = context.agreements(query, entities)
        for number in range(len(listed)):
            want = _date_delta(dates[number]) + _country_delta(countries[number])
            assert deltas[number] == want


def test_date_code():
    assert date_code("1960") == 19600000
    assert date_code("1960-03") == 19600300
    assert date_code("1960-03-07") == 19600307
