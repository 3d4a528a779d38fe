"""The name-score bounds never fall below the real scores, so skipping on them
changes no screening result."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from tamis.matching import get_algorithm
from tamis.matching.features.bounds import (
    CandidateNames,
    TokenTable,
    may_pair,
    merge_possible,
    name_bounds,
)
from tamis.matching.features.merge import merged_alignment
from tamis.matching.features.names import PAIR_MIN, WEAK_ALIAS_FACTOR, align
from tamis.matching.features.tokens import token_similarity
from tamis.matching.index import KeyIndex
from tamis.matching.prepared import phonetic_key, prepare_entity
from tamis.model import Entity

from .evaldata import load_suite


@pytest.fixture(scope="module")
def un_screener(screener):
    from tamis.matching import Screener

    return Screener([e for e in screener.entities if "un_sc" in e.lists])


def _queries(limit: int) -> list[Entity]:
    rows = load_suite("un_typos")[::3] + load_suite("negatives_2k")[::25]
    rows += load_suite("cross_script")
    return [Entity.from_dict({**r["query"], "id": "q"}) for r in rows][:limit]


def test_may_pair_misses_no_token_pair_that_pairs(un_screener):
    table = un_screener.token_table()
    rng = random.Random(7)
    tokens = list(range(len(table.token_text)))
    query_tokens = [
        (t, p)
        for q in _queries(400)
        for name in prepare_entity(q).names
        for t, p in zip(name.tokens, name.phonetic, strict=True)
    ]
    query_tokens = list(dict.fromkeys(query_tokens))
    checked = paired = 0
    for start in range(0, len(query_tokens), 40):
        block = query_tokens[start : start + 40]
        sample = np.array(sorted(rng.sample(tokens, 600)), dtype=np.int64)
        maybe = may_pair(table, block, sample)
        for (i, (a, pa)), (j, t) in itertools.product(enumerate(block), enumerate(sample)):
            sim = token_similarity(a, table.token_text[t], pa, table.token_phonetic[t])[0]
            checked += 1
            if sim >= PAIR_MIN:
                paired += 1
                assert maybe[i, j], (a, table.token_text[t], sim)
    assert checked > 100_000 and paired > 100


def test_may_pair_keeps_contractions_initials_and_stems():
    names = ["International Mfg", "Manufacturing Intl", "Muhammad Mhd", "Lavrovs Sergejs", "K"]
    entities = [
        Entity.from_dict({"id": str(n), "schema": "Company", "properties": {"name": [name]}})
        for n, name in enumerate(names)
    ]
    table = TokenTable([prepare_entity(e) for e in entities])
    query = [(t, phonetic_key(t)) for t in
             ("intl", "mfg", "mhd", "international", "manufacturing", "muhammad", "lavrov",
              "sergey", "konstantin", "ml", "mtd")]  # fmt: skip
    tokens = np.arange(len(table.token_text), dtype=np.int64)
    maybe = may_pair(table, query, tokens)
    paired = set()
    for (i, (a, pa)), t in itertools.product(enumerate(query), tokens):
        b = table.token_text[t]
        similarity, kind = token_similarity(a, b, pa, table.token_phonetic[t])
        if similarity >= PAIR_MIN:
            assert maybe[i, t], (a, b, similarity, kind)
            paired.add(kind)
        elif (a, b) in {("ml", "muhammad"), ("mtd", "manufacturing")}:
            # same first letter, long enough, but not a contraction: ruled out
            assert not maybe[i, t], (a, b)
    assert {"abbreviation", "initial", "case ending"} <= paired


@pytest.mark.parametrize("org", [False, True])
def test_name_bounds_are_never_below_alignment(un_screener, org):
    table = un_screener.token_table()
    checked = 0
    for query in _queries(120):
        prepared = prepare_entity(query)
        found = [h.entity for h in un_screener.screen(query, threshold=0, limit=25)]
        entities = np.array([un_screener.entities.index(e) for e in found], dtype=np.int64)
        if not len(entities) or not prepared.names:
            continue
        candidates = CandidateNames(table, entities)
        bounds, joined = name_bounds(prepared, candidates, np.full(len(candidates), org))
        merging = merge_possible(prepared, candidates)
        for n, name_number in enumerate(candidates.names):
            name = table.names[name_number]
            for i, query_name in enumerate(prepared.names):
                score = align(query_name, name, org).score
                assert align(query_name, name, org, joined=joined[i, n]).score == score
                if name.weak:
                    score *= WEAK_ALIAS_FACTOR
                assert bounds[i, n] >= score, (query_name.original, name.original)
                merged = merged_alignment(query_name, name, org)
                if merged is not None:
                    assert merging[n], (query_name.original, name.original)
                checked += 1
    assert checked > 2_000


def _with_context(queries: list[Entity]) -> list[Entity]:
    """The queries again with birth dates and countries that agree with some list
    entries and contradict others (the bounds assume agreement, the cut uses the real
    contribution)."""
    contexts = [("1960", "iq"), ("1975-03-01", "ru"), ("1951", "af")]
    out = []
    for i, query in enumerate(queries):
        data = query.to_dict()
        birth, country = contexts[i % len(contexts)]
        data["properties"] = {**data["properties"], "birthDate": [birth], "country": [country]}
        out.append(Entity.from_dict(data))
    return out


def test_screening_with_bounds_equals_scoring_every_candidate(un_screener):
    algo = get_algorithm("tamis-v1")
    queries = _queries(30)
    for query in queries + _with_context(queries[:15]):
        prepared = prepare_entity(query)
        numbers = list(range(len(un_screener.prepared)))
        exhaustive = {
            n: algo.compare_prepared(prepared, un_screener.prepared[n], explain=False).score
            for n in numbers
        }
        for floor in (0.75, 0.5):
            found = algo.score_candidates(prepared, numbers, un_screener, floor)
            bounded = {n: result.score for n, result in found}
            assert bounded == {n: s for n, s in exhaustive.items() if s >= floor}


def test_bounded_scoring_equals_full_scoring_on_the_pair_suites():
    """Every rule of tamis-v1 (given-name forms, acronyms, merges, joined forms,
    romanisations, scrambled letters...) as the pair suites exercise it: scoring with
    bounds keeps exactly the pairs that full scoring puts at or above the floor."""
    from tamis.matching import Screener

    suites = ("entity_bench", "name_bench", "cross_script")
    rows = [row for suite in suites for row in load_suite(suite)]
    queries = [prepare_entity(Entity.from_dict({**r["query"], "id": "q"})) for r in rows]
    pool = Screener(
        [Entity.from_dict({**r["candidate"], "id": f"c{i}"}) for i, r in enumerate(rows)]
    )
    algo = get_algorithm("tamis-v1")
    kept = 0
    for number, query in enumerate(queries):
        full = algo.compare_prepared(query, pool.prepared[number], explain=False).score
        for floor in (0.75, 0.5):
            found = algo.score_candidates(query, [number], pool, floor)
            assert [round(r.score, 6) for _, r in found] == ([full] if full >= floor else [])
            kept += bool(found)
    assert len(rows) > 500 and kept > 400


def test_birth_dates_and_countries_cut_only_what_cannot_reach_the_floor(un_screener):
    """A listed person's own name with a birth date in the same year but another month
    (-0.21), the next year (-0.14) or a foreign country (-0.15): the cut on the actual
    date and country contributions keeps exactly the candidates that reach the floor."""
    algo = get_algorithm("tamis-v1")
    people = [
        e
        for e in un_screener.entities
        if e.schema == "Person" and any(len(d) == 10 for d in e.get("birthDate"))
    ][:8]
    numbers = list(range(len(un_screener.prepared)))
    near_floor = 0
    for entity in people:
        date = next(d for d in entity.get("birthDate") if len(d) == 10)
        other_month = f"{date[:5]}{int(date[5:7]) % 12 + 1:02d}-01"
        for birth, country in ((other_month, None), (str(int(date[:4]) + 1), None), (date, "zz")):
            properties = {"name": [entity.caption], "birthDate": [birth]}
            if country:
                properties["nationality"] = [country]
            query = prepare_entity(
                Entity.from_dict({"id": "q", "schema": "Person", "properties": properties})
            )
            exhaustive = {
                n: algo.compare_prepared(query, un_screener.prepared[n], explain=False).score
                for n in numbers
            }
            expected = {n: s for n, s in exhaustive.items() if s >= 0.75}
            found = algo.score_candidates(query, numbers, un_screener, 0.75)
            assert {n: r.score for n, r in found} == expected
            near_floor += any(s < 0.8 for s in expected.values())
    assert near_floor >= 3


def test_exact_screening_returns_what_scoring_every_entity_ranks_first(un_screener):
    """Below EXACT_BELOW (or with ``exact=True``) screening searches every entity by
    its bound, best bound first: its hits are the ones that scoring each entity and
    sorting puts first, ties broken by entity id, at any threshold and limit (leaving
    out entities that score 0)."""
    from tamis.matching.screener import EXACT_BELOW, EXACT_MIN_SCORE

    algo = get_algorithm("tamis-v1")
    negatives = [Entity.from_dict({**r["query"], "id": "q"}) for r in load_suite("negatives_2k")]
    queries = _queries(20) + negatives[::100]
    numbers = list(range(len(un_screener.prepared)))
    weak = 0
    for query in queries + _with_context(queries[:10]):
        prepared = prepare_entity(query)
        exhaustive = sorted(
            (
                -algo.compare_prepared(prepared, un_screener.prepared[n], explain=False).score,
                un_screener.entities[n].id,
            )
            for n in numbers
        )
        weak += -exhaustive[0][0] < 0.5
        for threshold, limit in ((0.0, 1), (0.0, 5), (0.3, 3), (0.75, 2)):
            floor = max(threshold, EXACT_MIN_SCORE)
            expected = [(round(-s, 6), i) for s, i in exhaustive if -s >= floor][:limit]
            hits = un_screener.screen(
                query, threshold=threshold, limit=limit, exact=threshold < EXACT_BELOW or None
            )
            assert [(round(h.score, 6), h.entity.id) for h in hits] == expected, (
                query.caption,
                threshold,
                limit,
            )
    assert weak >= 5  # negatives whose nearest entity scores little: the hard case


def test_a_stem_with_scrambled_letters_is_not_ruled_out():
    """The stem of "charles" (its -s ending dropped) has the letters of "rachel":
    token_similarity relates them (0.76), so the bounds must let the pair through."""
    from tamis.matching import Screener

    pool = Screener(
        [
            Entity.from_dict(
                {"id": "c", "schema": "Person", "properties": {"name": ["Charles Saint-Rémy"]}}
            )
        ]
    )
    query = prepare_entity(
        Entity.from_dict({"id": "q", "schema": "Person", "properties": {"name": ["Rachel Bo"]}})
    )
    algo = get_algorithm("tamis-v1")
    full = algo.compare_prepared(query, pool.prepared[0], explain=False).score
    assert full > 0.1
    found = algo.score_candidates(query, [0], pool, full)
    assert [round(r.score, 6) for _, r in found] == [full]


def test_exact_screening_with_an_unbounded_algorithm_scores_every_entity(un_screener):
    """ofac-sls has no bounds: asked for an exact search it scores every entity."""
    from tamis.matching.screener import EXACT_MIN_SCORE

    algo = get_algorithm("ofac-sls")
    assert not algo.bounded
    for query in _queries(6):
        prepared = prepare_entity(query)
        exhaustive = sorted(
            (
                -algo.compare_prepared(prepared, un_screener.prepared[n], explain=False).score,
                un_screener.entities[n].id,
            )
            for n in range(len(un_screener.prepared))
        )
        expected = [(round(-s, 6), i) for s, i in exhaustive if -s >= EXACT_MIN_SCORE][:3]
        hits = un_screener.screen(query, threshold=0.0, limit=3, algorithm="ofac-sls", exact=True)
        assert [(round(h.score, 6), h.entity.id) for h in hits] == expected


def test_index_tells_which_entities_hold_keys(screener):
    """KeyIndex.held answers as the postings read one by one; a key too common to be
    indexed makes every entity a maybe."""
    index = screener.index
    rng = random.Random(11)
    keys = sorted(index.key_numbers)
    entities = np.array(sorted(rng.sample(range(index.size), 2000)), dtype=np.int64)
    holding = 0
    for _ in range(60):
        chosen = rng.sample(keys, rng.randint(1, 6)) + ["no such key"]
        members = set()
        for key in chosen:
            members.update(index.posting(key).tolist())
        expected = [int(e) in members for e in entities]
        assert index.held(chosen, entities).tolist() == expected
        holding += sum(expected)
    assert holding > 50
    assert index.held(["no such key"], entities).tolist() == [False] * len(entities)


def test_a_key_too_common_to_index_makes_every_entity_a_maybe():
    # 120 companies all called "Alpha ...": the key of "alpha" is held by every one,
    # above the share of entities a kept key may have
    prepared = [
        prepare_entity(Entity.from_dict({"id": f"e{i}", "schema": "Company",
                                         "properties": {"name": [f"Alpha Vendor{i:03d}"]}}))
        for i in range(120)
    ]  # fmt: skip
    index = KeyIndex(prepared)
    assert index.dropped
    entities = np.arange(120, dtype=np.int64)
    kept = next(iter(index.key_numbers))
    assert index.held([kept], entities).sum() >= 1
    assert index.held([kept, next(iter(index.dropped))], entities) is None
