"""Algorithms: the registry, explanations, and golden scores.

A released algorithm's scores never change: these exact values pin tamis-v1 and
ofac-sls (including the text normalisation they rely on). A deliberate change
of behaviour ships as a new algorithm name instead of editing these numbers.
"""

from __future__ import annotations

import pytest

from tamis.errors import InputError
from tamis.matching import get_algorithm, list_algorithms
from tamis.model import Entity

PUTIN = {
    "name": ["PUTIN, Vladimir Vladimirovich"],
    "birthDate": ["1952-10-07"],
    "nationality": ["ru"],
}

#: (algorithm, schema, query properties, candidate properties, exact score)
GOLDEN = [
    ("tamis-v1", "Person", {"name": ["Vladimir Poutine"]}, PUTIN, 0.81044),
    ("tamis-v1", "Person", {"name": ["Владимир Путин"], "birthDate": ["1952"]}, PUTIN, 0.937692),
    (
        "tamis-v1",
        "Person",
        {"name": ["Vladimir Putin"], "birthDate": ["1960"], "nationality": ["fr"]},
        PUTIN,
        0.407692,
    ),
    ("tamis-v1", "Person", {"name": ["Olaf Scholze"]}, {"name": ["Olaf Scholz"]}, 0.946429),
    # nationality as an ISO alpha-3 code agrees or disagrees like any other spelling
    ("tamis-v1", "Person", {"name": ["Vladimir Putin"], "nationality": ["RUS"]}, PUTIN, 0.937692),
    ("tamis-v1", "Person", {"name": ["Vladimir Putin"], "nationality": ["FRA"]}, PUTIN, 0.757692),
    (
        "tamis-v1",
        "Company",
        {"name": ["Deutsche Bank AG"]},
        {"name": ["Deutsche Bank Aktiengesellschaft"]},
        1.0,
    ),
    (
        "tamis-v1",
        "Company",
        {"name": ["LLC Transoil"]},
        {"name": ["LIMITED LIABILITY COMPANY TRANSOIL"]},
        1.0,
    ),
    # the short form of a chain of ancestors (a weak name of the person)
    (
        "tamis-v1",
        "Person",
        {"name": ["Osama Bin Laden"]},
        {"name": ["BIN LADIN, Usama bin Muhammad bin Awad"]},
        0.782609,
    ),
    ("tamis-v1", "Vessel", {"name": ["OCEAN STAR II"]}, {"name": ["OCEAN STAR"]}, 0.65),
    ("tamis-v1", "Vessel", {"name": ["M/V Begey"]}, {"name": ["BEGEY"]}, 1.0),
    ("tamis-v1", "Organization", {"name": ["The Hamas"]}, {"name": ["HAMAS"]}, 1.0),
    (
        "tamis-v1",
        "Company",
        {"name": ["The LLC Transoil"]},
        {"name": ["LIMITED LIABILITY COMPANY TRANSOIL"]},
        1.0,
    ),
    # a person's name keeps its words: "The" and "MV" may be names there
    ("tamis-v1", "Person", {"name": ["Mv Begey"]}, {"name": ["Begey"]}, 0.771538),
    (
        "tamis-v1",
        "Person",
        {"name": ["Sergey Ivanevich Lavrov"]},
        {"name": ["Sergey Viktorovich LAVROV"]},
        0.569322,
    ),
    (
        "tamis-v1",
        "Vessel",
        {"name": ["GLORIOUS SEA"], "imoNumber": ["IMO 9074729"]},
        {"name": ["OCEAN GLORY"], "imoNumber": ["9074729"]},
        0.8,
    ),
    ("ofac-sls", "Person", {"name": ["Vladimir Poutine"]}, PUTIN, 0.9571),
    ("ofac-sls", "Person", {"name": ["Olaf Scholze"]}, {"name": ["Olaf Scholz"]}, 0.9857),
    ("ofac-sls", "Company", {"name": ["Xiaomi Corp"]}, {"name": ["Xiaomi Corporation"]}, 0.9364),
    (
        "ofac-sls",
        "Person",
        {"name": ["Sergey Ivanevich Lavrov"]},
        {"name": ["Sergey Viktorovich LAVROV"]},
        0.8739,
    ),
    ("ofac-sls", "Vessel", {"name": ["GLORIOUS SEA"]}, {"name": ["OCEAN GLORY"]}, 0.4606),
    (
        "ofac-sls",
        "LegalEntity",
        {"name": ["Alexander Smirnov"]},
        {"name": ["ALEXANDROVSKY MACHINE BUILDING PLANT OF THE URALS"]},
        0.8039,
    ),
    ("ofac-sls", "Person", {"name": ["Erik Johansson"]}, {"name": ["YOHANSSON, Erik"]}, 0.7436),
]


@pytest.mark.parametrize(("algorithm", "schema", "query", "candidate", "score"), GOLDEN)
def test_golden_scores(algorithm, schema, query, candidate, score):
    result = get_algorithm(algorithm).compare(
        Entity("q", schema, query), Entity("c", schema, candidate)
    )
    assert result.score == score


def test_registry():
    names = [algo.name for algo in list_algorithms()]
    assert names == ["ofac-sls", "tamis-v1"]
    default = get_algorithm()
    assert default.name == "tamis-v1"
    assert 0 < default.threshold < 1
    assert default.version and default.description
    with pytest.raises(InputError, match="unknown algorithm"):
        get_algorithm("logic-v2")


def test_explanations_name_values_features_and_contributions():
    query = Entity("q", "Person", {"name": ["Vladimir Poutine"], "birthDate": ["1960"]})
    result = get_algorithm("tamis-v1").compare(query, Entity("c", "Person", PUTIN))
    by_feature = {e.feature: e for e in result.explanations}
    name = by_feature["name"]
    assert name.query_value == "Vladimir Poutine"
    assert name.candidate_value == "PUTIN, Vladimir Vladimirovich"
    assert "'poutine'~'putin' phonetic" in name.text
    assert name.contribution > 0.7
    date = by_feature["birth_date"]
    assert date.contribution < 0
    assert date.text.startswith("Birth date 1960 differs from 1952-10-07")
    assert name.to_dict()["feature"] == "name"


def test_schema_mismatch_scores_zero_and_says_why():
    result = get_algorithm("tamis-v1").compare(
        Entity("q", "Person", {"name": ["OCEAN STAR"]}),
        Entity("c", "Vessel", {"name": ["OCEAN STAR"]}),
    )
    assert result.score == 0.0
    assert "cannot be a Vessel" in result.explanations[0].text


def test_scores_stay_in_range():
    algo = get_algorithm("tamis-v1")
    query = Entity(
        "q",
        "Person",
        {"name": ["A"], "birthDate": ["1900"], "gender": ["m"], "nationality": ["fr"]},
    )
    candidate = Entity(
        "c",
        "Person",
        {"name": ["B"], "birthDate": ["2000"], "gender": ["f"], "nationality": ["ru"]},
    )
    assert algo.compare(query, candidate).score == 0.0
