"""Accuracy on the labelled development suites, at each algorithm's default threshold.

The floors are the figures tamis reaches; a change that loses accuracy fails here.
(Correctness assertions only: speed is measured in bench/.)
"""

from __future__ import annotations

import pytest

from tamis.matching import get_algorithm
from tamis.model import Entity

from .evaldata import load_suite


def _query(row: dict) -> Entity:
    # suite rows are data, not user input: some carry deliberately corrupted dates
    # ("1968-13-30") that build_query would refuse
    return Entity.from_dict({**row["query"], "id": "query"})


def _pair_scores(suite: str, algorithm: str = "tamis-v1") -> list[tuple[dict, float]]:
    algo = get_algorithm(algorithm)
    out = []
    for row in load_suite(suite):
        query = _query(row)
        candidate = Entity.from_dict(row["candidate"])
        out.append((row, algo.compare(query, candidate).score))
    return out


def f1(scored: list[tuple[dict, float]], threshold: float) -> float:
    tp = sum(1 for row, s in scored if row["expected"] and s >= threshold)
    fp = sum(1 for row, s in scored if not row["expected"] and s >= threshold)
    fn = sum(1 for row, s in scored if row["expected"] and s < threshold)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@pytest.mark.parametrize(("suite", "floor"), [("name_bench", 0.905), ("entity_bench", 0.955)])
def test_pair_suite_f1(suite, floor):
    assert f1(_pair_scores(suite), get_algorithm("tamis-v1").threshold) >= floor


def test_cross_script_min_scores_are_met():
    missed = [(row["id"], s) for row, s in _pair_scores("cross_script") if s < row["min_score"]]
    assert missed == []


def test_ofac_emulation_parity():
    """Within 5 points of OFAC's own tool; pairs OFAC's tool did not return (-1) are
    left out: the tool's minimum score for them is not known."""
    scored = [
        (row, s) for row, s in _pair_scores("ofac_parity", "ofac-sls") if row["ofac_score"] >= 0
    ]
    within = sum(1 for row, s in scored if abs(100 * s - row["ofac_score"]) <= 5)
    assert within / len(scored) >= 0.96


def test_screening_recall_and_false_positives(screener):
    """un_typos recall and the negatives' false-positive rate (a sample of 600)."""
    from tamis.text import normalize

    recalled = 0
    typos = load_suite("un_typos")
    for row in typos:
        hits = screener.screen(_query(row), as_of="2026-01-01")
        expected = normalize(row["expected_name"])
        recalled += any(expected in {normalize(n) for n in h.entity.names} for h in hits)
    assert recalled / len(typos) >= 0.99
    negatives = load_suite("negatives_2k")[::3]
    flagged = sum(1 for row in negatives if screener.screen(_query(row), as_of="2026-01-01"))
    assert flagged / len(negatives) <= 0.005
