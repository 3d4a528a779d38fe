"""The pruned search of best_name_match gives the alignment exhaustive search gives.

best_name_match aligns name pairs in order of a cheap upper bound and skips those
that cannot beat the best found so far; these tests compare it with aligning
every pair, over real list entities with many aliases and typo'd queries.
"""

from __future__ import annotations

import pytest

from tamis.matching.features import names
from tamis.matching.features.names import align, best_name_match
from tamis.matching.prepared import PreparedName, prepare_entity, prepare_name
from tamis.model import Entity


def _exhaustive(
    query_names: tuple[PreparedName, ...],
    candidate_names: tuple[PreparedName, ...],
    org: bool,
) -> tuple[float, PreparedName, PreparedName] | None:
    """Every pair aligned in order; the first pair with the best score wins."""
    best = None
    for q in query_names:
        for c in candidate_names:
            score = align(q, c, org).score * (0.9 if c.weak else 1.0)
            if best is None or score > best[0]:
                best = (score, q, c)
    return best


def _typo(name: str) -> str:
    """Drop the middle letter of the longest word (a plausible keying error)."""
    words = name.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) > 3:
        words[longest] = word[: len(word) // 2] + word[len(word) // 2 + 1 :]
    return " ".join(words)


@pytest.fixture(scope="module")
def many_named(list_entities: list[Entity]) -> list[Entity]:
    """List entities with at least three names (where pruning has work to do)."""
    found = [e for e in list_entities if len(e.names) >= 3]
    assert len(found) > 100
    return found[:400]


@pytest.mark.parametrize("org", [False, True])
def test_pruned_search_equals_exhaustive(many_named: list[Entity], org: bool) -> None:
    compared = 0
    for k, entity in enumerate(many_named):
        neighbour = many_named[(k + 1) % len(many_named)]
        candidate = prepare_entity(entity).names
        for query_text in (entity.names[0], _typo(entity.names[-1]), neighbour.names[0]):
            query = prepare_name(query_text) + prepare_name(_typo(query_text))
            expected = _exhaustive(query, candidate, org)
            found = best_name_match(query, candidate, org)
            if expected is None:
                assert found is None
                continue
            assert found is not None
            assert (found.score, found.query, found.candidate) == expected
            compared += 1
    assert compared > 500


def test_bound_is_never_below_the_score(many_named: list[Entity]) -> None:
    checked = 0
    for k, entity in enumerate(many_named[:150]):
        other = many_named[(k + 7) % len(many_named)]
        for q in prepare_name(_typo(entity.names[0])) + prepare_name(other.names[0]):
            for c in prepare_entity(entity).names:
                for org in (False, True):
                    options = names._options(q, c)
                    joined = names._joined(q, c)
                    bound = names._bound(q, c, org, options, joined)
                    assert align(q, c, org).score <= bound + names._SLACK
                    checked += 1
    assert checked > 1000


def test_no_names_gives_none() -> None:
    assert best_name_match((), prepare_name("Vladimir Putin")) is None
    assert best_name_match(prepare_name("Vladimir Putin"), ()) is None
