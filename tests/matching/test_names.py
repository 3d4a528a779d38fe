"""Name alignment, and ranking tables: the better match must score higher."""

from __future__ import annotations

import pytest

from tamis.matching import get_algorithm
from tamis.matching.features.names import align, best_name_match
from tamis.matching.prepared import prepare_name
from tamis.model import Entity


def _align(a: str, b: str, org: bool = False) -> float:
    match = best_name_match(prepare_name(a), prepare_name(b), org)
    assert match is not None
    return match.score


def _score(a: str, b: str, schema: str = "Person", **props: list[str]) -> float:
    query = Entity("q", schema, {"name": [a], **props.get("query", {})})
    candidate = Entity("c", schema, {"name": [b], **props.get("candidate", {})})
    return get_algorithm("tamis-v1").compare(query, candidate).score


def test_word_order_is_ignored():
    assert _align("Vladimir Putin", "PUTIN, Vladimir") == 1.0
    assert _align("putin vladimir", "vladimir putin") == 1.0


def test_names_written_together():
    assert _align("SergeiLavrov", "Sergei Lavrov") >= 0.95
    assert _align("xiaoming", "xiao ming") >= 0.95


def test_missing_middle_name_is_tolerated_but_substitution_is_not():
    missing = _align("Sergey Lavrov", "Sergey Viktorovich Lavrov")
    substituted = _align("Sergey Ivanevich Lavrov", "Sergey Viktorovich Lavrov")
    assert missing > 0.8
    assert substituted < 0.75
    assert missing > substituted


def test_alignment_records_pairs_and_leftovers():
    match = align(
        prepare_name("Sergey Ivanevich Lavrov")[0], prepare_name("Sergey Viktorovich Lavrov")[0]
    )
    assert {(p.query, p.candidate) for p in match.pairs} >= {
        ("sergey", "sergey"),
        ("lavrov", "lavrov"),
    }
    assert match.query_unpaired == ("ivanevich",)
    assert match.candidate_unpaired == ("viktorovich",)


def test_cross_script_names_align_through_variants():
    assert _align("Владимир Путин", "Vladimir Putin") >= 0.95


#: (query, better candidate, worse candidate, schema)
RANKING = [
    ("Vladimir Putin", "PUTIN, Vladimir Vladimirovich", "POTANIN, Vladimir Olegovich", "Person"),
    ("Olaf Scholz", "Olaf Scholze", "Olaf Schulze", "Person"),
    ("Hannibal", "Hannibal", "Hannibol", "Person"),
    ("Osama bin Laden", "Usama bin Laden", "Hamza bin Laden", "Person"),
    ("Sergey Lavrov", "Sergey Viktorovich Lavrov", "Sergey Ivanov", "Person"),
    ("N. Nazarbayev", "Nursultan Nazarbayev", "Aliya Nazarbayeva", "Person"),
    (
        "Deutsche Bank AG",
        "Deutsche Bank Aktiengesellschaft",
        "Deutsche Bank Trust Company",
        "Company",
    ),
    ("CRYSTALORD LIMITED", "CRYSTALORD LTD", "CRYSTALORD SYSTEMS LIMITED", "Company"),
    ("OCEAN STAR II", "OCEAN STAR II", "OCEAN STAR", "Vessel"),
    ("BOEING 747", "BOEING 747", "BOEING 737", "Airplane"),
    ("Saudi Arabian Oil Company", "Saudi Arabian Oil Co", "Saudi Arabian Gas Company", "Company"),
]


@pytest.mark.parametrize(("query", "better", "worse", "schema"), RANKING)
def test_better_match_scores_higher(query, better, worse, schema):
    assert _score(query, better, schema) > _score(query, worse, schema)


def test_numbers_are_significant():
    assert _score("OCEAN STAR II", "OCEAN STAR", "Vessel") < 0.75
    assert _score("BOEING 747", "BOEING 737", "Airplane") < 0.75
    assert _score("OCEAN STAR II", "OCEAN STAR II", "Vessel") == 1.0


def test_only_common_words_never_match():
    assert _score("CORP", "EMMA CORP", "Company") < 0.5
    assert _score("Bank", "Bank Melli Iran", "Company") < 0.5
    assert _score("Al", "Al Qaida", "Organization") < 0.5


def test_initials_alone_never_match():
    assert _score("N.N.", "Nursultan Nazarbayev") < 0.75
