"""ofac-sls rules: OFAC's Jaro-Winkler variant, the whole-name and name-part techniques.

Exact algorithm scores are pinned in test_algorithms.py; these tests pin the rules the
emulation of OFAC's Sanctions List Search is built from, one at a time.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import JaroWinkler

from tamis.matching import get_algorithm
from tamis.matching.algorithms.ofac_jaro import (
    common_prefix,
    jaro,
    jaro_winkler,
    jaro_winkler_bound,
)
from tamis.matching.algorithms.ofac_sls import (
    name_parts,
    ofac_form,
    ofac_name,
    ofac_score,
    score_names,
)
from tamis.model import Entity

#: (a, b, Jaro, Jaro-Winkler): textbook pairs, then pairs where OFAC's variant differs
JARO_CASES = [
    ("MARTHA", "MARHTA", 0.944444, 0.961111),
    ("DWAYNE", "DUANE", 0.822222, 0.84),
    ("DIXON", "DICKSONX", 0.766667, 0.813333),
    ("PUTIN", "PUTIN", 1.0, 1.0),
    ("ABC", "XYZ", 0.0, 0.0),
    ("", "PUTIN", 0.0, 0.0),
    # 10 matches, 9 of them out of order: 4.5 transpositions, not 4
    ("VLADIMIR PUTIN", "PUTIN VLADIMIR", (10 / 14 + 10 / 14 + 5.5 / 10) / 3, None),
]


@pytest.mark.parametrize(("a", "b", "expected_jaro", "expected_jw"), JARO_CASES)
def test_jaro_and_jaro_winkler_values(a, b, expected_jaro, expected_jw):
    if expected_jaro is not None:
        assert jaro(a, b) == pytest.approx(expected_jaro, abs=1e-6)
        assert jaro(b, a) == pytest.approx(expected_jaro, abs=1e-6)
    if expected_jw is not None:
        assert jaro_winkler(a, b) == pytest.approx(expected_jw, abs=1e-6)
    similarity = jaro(a, b)
    bonus = common_prefix(a, b) * 0.1 * (1 - similarity)
    assert jaro_winkler(a, b) == pytest.approx(similarity + bonus)


def test_prefix_bonus_applies_below_the_usual_threshold():
    query, listed = "ALEXANDER SMIRNOV", "ALEXANDROVSKY MACHINE BUILDING PLANT OF THE URALS"
    assert jaro(query, listed) < 0.7
    usual = JaroWinkler.similarity(query, listed)
    assert usual == pytest.approx(jaro(query, listed))  # no bonus there
    assert jaro_winkler(query, listed) > usual + 0.12


#: few distinct letters, so that matches, transpositions and shared initials are common
NAMES = st.text(alphabet="ABDEIMNRS -", max_size=30)


@settings(max_examples=400, deadline=None)
@given(NAMES, NAMES)
def test_jaro_winkler_stays_in_range_symmetric_and_under_its_bound(a, b):
    similarity = jaro_winkler(a, b)
    assert 0.0 <= similarity <= 1.0
    assert jaro(a, b) == pytest.approx(jaro(b, a))
    assert jaro_winkler_bound(a, b) >= similarity - 1e-12


@settings(max_examples=400, deadline=None)
@given(NAMES, NAMES, st.floats(0.0, 1.0))
def test_a_score_above_what_the_caller_has_is_exact(query, candidate, beat):
    # screening passes the best score so far, letting the whole-name step stop early
    exact = score_names(ofac_name(query), ofac_name(candidate))
    quick = score_names(ofac_name(query), ofac_name(candidate), beat)
    if exact[0] > beat:
        assert quick == exact
    else:
        assert quick[0] <= beat


def test_common_prefix_counts_at_most_four_letters():
    assert common_prefix("VLADIMIR", "VLADIMIROV") == 4
    assert common_prefix("PUTIN", "POLIN") == 1
    assert common_prefix("OSAMA", "USAMA") == 0
    assert common_prefix("", "X") == 0


@pytest.mark.parametrize(
    ("name", "form", "parts"),
    [
        ("PUTIN, Vladimir", "PUTIN VLADIMIR", ["PUTIN", "VLADIMIR"]),
        ("Al-Qaeda", "AL-QAEDA", ["AL", "QAEDA"]),
        ("AL QA'IDA", "AL QAIDA", ["AL", "QAIDA"]),
        ("J.P. Morgan", "J P MORGAN", ["J", "P", "MORGAN"]),
        ("José Pérez-Gómez", "JOSE PEREZ-GOMEZ", ["JOSE", "PEREZ", "GOMEZ"]),
        (" -- ", "--", []),
    ],
)
def test_forms_keep_hyphens_in_the_whole_name_and_split_parts_at_them(name, form, parts):
    assert ofac_form(name) == form
    assert name_parts(ofac_form(name)) == parts


def test_name_parts_are_found_in_any_order_and_missing_list_parts_cost_nothing():
    assert ofac_score("MARIA GONZALEZ", "GONZALEZ LOPEZ, Maria Fernanda") == (
        1.0,
        "name parts, Jaro-Winkler",
    )


def test_a_query_part_not_found_counts_zero():
    score, detail = ofac_score("ANNA BERG", "TRIPKOVIC, Anna Maria")
    assert score == 0.5
    assert detail == "name parts, Jaro-Winkler (BERG not found)"


def test_a_part_is_only_found_among_list_parts_with_its_initial():
    # JOHANSSON~YOHANSSON is 0.93 by Jaro-Winkler, but the initials differ: part by
    # part the query finds 1 of 2 parts, and the whole name gives the score
    assert jaro_winkler("JOHANSSON", "YOHANSSON") > 0.9
    score, detail = ofac_score("ERIK JOHANSSON", "YOHANSSON, Erik")
    assert detail == "whole name, Jaro-Winkler"
    spaced = jaro_winkler("ERIK JOHANSSON", "YOHANSSON ERIK")
    assert score == pytest.approx(max(spaced, jaro_winkler("ERIKJOHANSSON", "YOHANSSONERIK")))
    assert score < 0.8


def test_short_query_parts_are_left_out_of_the_part_score():
    assert ofac_score("LI WEI MING", "WEI, Ming")[0] == 1.0
    assert ofac_score("X", "GROUP X")[0] == 1.0  # unless nothing else is left


def test_hyphenated_query_compares_as_written_in_the_whole_name():
    with_hyphen, _ = ofac_score("AL-RASHID", "AL RASHEED")
    with_space, detail = ofac_score("AL RASHID", "AL RASHEED")
    assert detail == "whole name, Jaro-Winkler"
    assert with_hyphen < with_space - 0.02
    assert ofac_score("AL-RASHID", "AL RASHID")[0] == 1.0  # part by part: RASHID found


def test_soundex_agreement_is_reported():
    score, detail = ofac_score("MOHAMED SALEH", "SALEH, Mohammed")
    assert 0.98 < score < 1.0
    assert detail == "name parts, Jaro-Winkler (MOHAMED~MOHAMMED soundex)"


def test_empty_names_score_zero():
    assert ofac_score("", "PUTIN") == (0.0, "empty name")
    assert ofac_score("'", "PUTIN") == (0.0, "empty name")


#: (query, better candidate, worse candidate): a screening algorithm must rank these
RANKING = [
    ("Vladimir Putin", "PUTIN, Vladimir Vladimirovich", "PUTILIN, Vladimir"),
    ("Vladimir Putin", "VLADIMIROV, Nikolai", "VOLKOV, Nikolai"),
    ("Osama bin Laden", "USAMA BIN LADEN NETWORK", "BIN TALAL, Osama"),
    ("Bank Melli", "BANK MELLI IRAN", "BANK MELLAT"),
    ("Erik Johansson", "JOHANSSON, Erik Lars", "YOHANSSON, Erik"),
]


@pytest.mark.parametrize(("query", "better", "worse"), RANKING)
def test_better_name_scores_higher(query, better, worse):
    algo = get_algorithm("ofac-sls")
    q = Entity("q", "LegalEntity", {"name": [query]})

    def score(name: str) -> float:
        return algo.compare(q, Entity("c", "LegalEntity", {"name": [name]})).score

    assert score(better) > score(worse)


def test_explanation_names_the_rule_and_the_names_compared():
    result = get_algorithm("ofac-sls").compare(
        Entity("q", "Person", {"name": ["Osama bin Laden"]}),
        Entity("c", "Organization", {"name": ["USAMA BIN LADEN NETWORK", "AL-QAIDA"]}),
    )
    (note,) = result.explanations
    assert note.feature == "ofac_name"
    assert (note.query_value, note.candidate_value) == (
        "Osama bin Laden",
        "USAMA BIN LADEN NETWORK",
    )
    assert "(whole name, Jaro-Winkler)" in note.text
    assert note.contribution == result.score
