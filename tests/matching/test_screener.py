"""Screening against real list files: the cases the product must get right."""

from __future__ import annotations

import pytest

from tamis.errors import InputError
from tamis.matching import Screener, build_query, get_algorithm
from tamis.matching.prepared import prepare_entity
from tamis.model import Entity, Listing

from .evaldata import load_suite

TODAY = "2026-01-01"


def _captions(hits):
    return [hit.entity.caption for hit in hits]


def test_huawei_is_found_on_the_cmic_list(screener):
    hits = screener.screen(build_query("Huawei Technologies"), as_of=TODAY)
    on_cmic = [h for h in hits if "ofac_cons" in h.entity.lists]
    assert on_cmic, _captions(hits)
    hit = on_cmic[0]
    assert hit.entity.caption == "HUAWEI TECHNOLOGIES CO., LTD."
    assert "CMIC-EO13959" in hit.entity.programs
    assert hit.listed_on == "2021-06-03"
    assert hit.match


def test_xiaomi_listed_then_delisted(screener):
    before = screener.screen(build_query("Xiaomi"), as_of="2021-03-01")
    assert before and before[0].entity.caption == "Xiaomi Corporation"
    assert before[0].entity.lists == ["dod_1237"]
    after = screener.screen(build_query("Xiaomi"), as_of="2021-06-01")
    assert after == []
    # and the nearest names stay well below the threshold
    everything = screener.screen(build_query("Xiaomi"), as_of="2021-06-01", threshold=0)
    assert all(h.entity.caption != "ZHANG, Xiaoming" or not h.match for h in everything)


@pytest.mark.parametrize("name", ["Владимир Путин", "Vladimir Poutine", "PUTIN Vladimir"])
def test_putin_across_scripts_and_spellings(screener, name):
    hits = screener.screen(build_query(name), as_of=TODAY)
    assert "PUTIN, Vladimir Vladimirovich" in _captions(hits[:3])


def test_wrong_birth_date_and_nationality_lower_the_score(screener):
    right = screener.screen(
        build_query("Vladimir Poutine", schema="Person", birth_date="1952", country="Russia"),
        as_of=TODAY,
    )
    assert right and right[0].entity.caption == "PUTIN, Vladimir Vladimirovich"
    wrong = build_query(
        "Vladimir Poutine", schema="Person", birth_date="1985-04-02", country="France"
    )
    assert "PUTIN, Vladimir Vladimirovich" not in _captions(screener.screen(wrong, as_of=TODAY))
    scored = screener.screen(wrong, as_of=TODAY, threshold=0)
    putin = [h for h in scored if h.entity.caption == "PUTIN, Vladimir Vladimirovich"]
    assert putin and not putin[0].match
    assert {e.feature for e in putin[0].explanations} >= {"name", "birth_date", "country"}


@pytest.mark.parametrize("name", ["CORP", "Bank", "Limited", "Al"])
def test_common_words_raise_no_hit(screener, name):
    assert screener.screen(build_query(name), as_of=TODAY) == []


def test_person_never_hits_a_vessel(screener):
    vessels = [e for e in screener.entities if e.schema == "Vessel"]
    assert vessels
    name = vessels[0].caption
    assert any(h.entity.schema == "Vessel" for h in screener.screen(build_query(name)))
    hits = screener.screen(build_query(name, schema="Person"), threshold=0)
    assert all(h.entity.schema != "Vessel" for h in hits)


def test_filters_and_options(screener):
    query = build_query("Vladimir Putin")
    only_un = screener.screen(query, lists=["un_sc"], threshold=0)
    assert all("un_sc" in h.entity.lists for h in only_un)
    top = screener.screen(query, limit=1)
    assert len(top) == 1
    excluded = screener.screen(query, exclude_ids={top[0].entity.id})
    assert top[0].entity.id not in {h.entity.id for h in excluded}
    persons = screener.screen(query, schemas={"Organization"}, threshold=0)
    assert all(h.entity.schema == "Organization" for h in persons)
    scores = [h.score for h in screener.screen(query, threshold=0, limit=20)]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    "options",
    [{"threshold": 1.5}, {"limit": 0}, {"algorithm": "nope"}, {"as_of": "2021-02-30"}],
)
def test_bad_options_are_refused(screener, options):
    with pytest.raises(InputError):
        screener.screen(build_query("Putin"), **options)


def test_hit_to_dict(screener):
    hit = screener.screen(build_query("Xiaomi Corp"), as_of="2021-03-01")[0]
    data = hit.to_dict()
    assert set(data) == {
        "id",
        "schema",
        "caption",
        "names",
        "lists",
        "programs",
        "listed_on",
        "score",
        "match",
        "explanations",
    }
    assert data["listed_on"] == "2021-01-14"
    assert data["explanations"][0]["feature"] == "name"
    assert "Xiaomi" in data["explanations"][0]["text"]


def test_ofac_algorithm_screens_too(screener):
    hits = screener.screen(build_query("VLADIMIR PUTIN"), algorithm="ofac-sls")
    assert "PUTIN, Vladimir Vladimirovich" in _captions(hits[:5])


def test_screen_many_matches_screen_in_a_process_pool(screener):
    rows = load_suite("un_typos")[:120] + load_suite("negatives_2k")[:100]
    queries = [Entity.from_dict({**row["query"], "id": "q"}) for row in rows]
    pooled = screener.screen_many(queries, workers=2, as_of=TODAY)
    single = [screener.screen(q, as_of=TODAY) for q in queries]
    assert [[h.entity.id for h in hits] for hits in pooled] == [
        [h.entity.id for h in hits] for hits in single
    ]


def test_candidates_agree_with_brute_force(list_entities):
    """The index keeps the entity exhaustive scoring ranks first (non-timed sample).

    Exhaustive scoring over the UN list; queries whose best exhaustive score is
    below 0.5 (nothing resembling them is listed) are not counted.
    """
    un = Screener([e for e in list_entities if "un_sc" in e.lists])
    algo = get_algorithm("tamis-v1")
    rows = load_suite("un_typos")[::6] + load_suite("negatives_2k")[::40]
    compared = agree = 0
    for row in rows:
        query = Entity.from_dict({**row["query"], "id": "q"})
        prepared = prepare_entity(query)
        best = max(algo.compare_prepared(prepared, p, explain=False).score for p in un.prepared)
        if best < 0.5:
            continue
        compared += 1
        found = un.screen(query, threshold=0, limit=1)
        agree += bool(found and found[0].score >= best)
    assert compared >= 50
    assert agree == compared


def test_entities_without_listings_and_as_of():
    listed = Entity(
        "a",
        "Person",
        {"name": ["Ivan Petrov"]},
        [Listing("x", listed_on="2020-01-01", delisted_on="2021-01-01")],
    )
    plain = Entity("b", "Person", {"name": ["Ivan Petrov"]})
    screener = Screener([listed, plain])
    assert {
        h.entity.id for h in screener.screen(build_query("Ivan Petrov"), as_of="2020-06-01")
    } == {"a", "b"}
    assert {
        h.entity.id for h in screener.screen(build_query("Ivan Petrov"), as_of="2021-06-01")
    } == {"b"}
    assert {
        h.entity.id
        for h in screener.screen(build_query("Ivan Petrov"), lists=["x"], as_of="2020-06-01")
    } == {"a"}


def test_empty_screener():
    assert Screener([]).screen(build_query("Ivan Petrov")) == []


def test_identifier_lifts_a_weak_name_match():
    vessel = Entity("v", "Vessel", {"name": ["OCEAN GLORY"], "imoNumber": ["9074729"]})
    screener = Screener([vessel])
    weak = screener.screen(build_query("GLORIOUS SEA", schema="Vessel"), threshold=0)
    strong = screener.screen(build_query("GLORIOUS SEA", schema="Vessel", ids=["IMO 9074729"]))
    assert strong and strong[0].match
    assert not weak or weak[0].score < strong[0].score


def test_a_pickled_screener_screens_the_same(list_entities):
    """Screeners cross process boundaries (joblib, multiprocessing spawn): the compiled
    matching core must not make them unpicklable."""
    import pickle

    un = Screener([e for e in list_entities if "un_sc" in e.lists])
    copy = pickle.loads(pickle.dumps(un))
    query = build_query("Ayman al-Zawahry", schema="Person")
    assert [(h.entity.id, h.score) for h in copy.screen(query, threshold=0.5)] == [
        (h.entity.id, h.score) for h in un.screen(query, threshold=0.5)
    ]
    assert copy.screen(query)
