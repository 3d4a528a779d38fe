"""Lineage order, swapped name parts, country words in organisation names, and
Roman numerals at the start of a name."""

from __future__ import annotations

from tamis.matching import get_algorithm
from tamis.matching.features.lineage import (
    names_unpaired_parent,
    short_lineage_form,
    swapped_lineage,
    swapped_parts,
)
from tamis.matching.features.places import extra_countries
from tamis.matching.prepared import prepare_name
from tamis.model import Entity


def _score(q: dict, c: dict, schema: str = "Person") -> float:
    query = Entity.from_dict({"id": "q", "schema": schema, "properties": q})
    cand = Entity.from_dict({"id": "c", "schema": schema, "properties": c})
    return get_algorithm("tamis-v1").compare(query, cand).score


def test_swapped_lineage_finds_the_person_named_as_parent():
    assert swapped_lineage(("omar", "bin", "khalid"), ("khalid", "bin", "omar")) in {
        "omar",
        "khalid",
    }
    assert swapped_lineage(("omar", "bin", "khalid"), ("omar", "bin", "khalid")) is None
    assert swapped_lineage(("omar", "khalid"), ("khalid", "bin", "omar")) is None


def test_swapped_parts():
    assert swapped_parts(("peter", "wagner"), ("wagner", "peter")) == "peter"
    assert swapped_parts(("peter", "wagner"), ("peter", "wagner")) is None
    assert swapped_parts(None, ("wagner", "peter")) is None


def test_father_and_son_do_not_match_but_reordered_names_do():
    swapped = _score(
        {"name": ["OMAR BIN KHALID AL-TAMIMI"]}, {"name": ["KHALID BIN OMAR AL-TAMIMI"]}
    )
    same = _score({"name": ["OMAR BIN KHALID AL-TAMIMI"]}, {"name": ["AL-TAMIMI, OMAR BIN KHALID"]})
    assert swapped < 0.75 <= same


def test_given_and_family_parts_swapped_lower_the_score():
    parts = _score(
        {"name": ["Peter Wagner"], "firstName": ["Peter"], "lastName": ["Wagner"]},
        {"name": ["Wagner Peter"], "firstName": ["Wagner"], "lastName": ["Peter"]},
    )
    bare = _score({"name": ["Peter Wagner"]}, {"name": ["Wagner Peter"]})
    assert parts < 0.75 <= bare


def test_extra_countries():
    assert extra_countries((), ("mexico",)) == "mexico"
    assert extra_countries(("de", "international"), ()) == ""


def test_national_subsidiary_is_not_the_parent():
    subsidiary = _score(
        {"name": ["Banco Rioplata SA"]}, {"name": ["Banco Rioplata Mexico SA"]}, "Company"
    )
    assert subsidiary < 0.75
    assert (
        _score({"name": ["Banco Rioplata SA"]}, {"name": ["Banco Rioplata S.A."]}, "Company")
        >= 0.75
    )


def test_leading_roman_letters_are_a_name_not_a_numeral():
    assert prepare_name("Xi Jinping", person=True)[0].numbers == frozenset()
    assert prepare_name("Ocean Star II")[0].numbers == frozenset({"ii"})


def test_a_name_in_the_middle_of_a_lineage_chain_is_not_swapped():
    chain = ("mohammad", "bin", "salman", "bin", "abdulaziz")
    assert swapped_lineage(chain, ("mohammed", "bin", "salman")) is None
    assert swapped_lineage(("salman", "bin", "mohammed"), ("mohammed", "bin", "salman"))


def test_short_lineage_form_keeps_the_given_and_the_family_name():
    chain = ("moncef", "ben", "mohamed", "ben", "rhouma", "trabelsi")
    assert short_lineage_form(chain) == ("moncef", "trabelsi")
    # without a family name after the chain, its last link is the family name
    bin_ladin = ("usama", "bin", "muhammad", "bin", "awad", "bin", "ladin")
    assert short_lineage_form(bin_ladin) == ("usama", "bin", "ladin")
    # one link is short already; a name that does not open with a chain has none
    assert short_lineage_form(("ahmad", "bin", "hasan")) is None
    assert short_lineage_form(("bin", "ladin", "usama", "bin", "muhammad", "bin", "awad")) is None


def test_names_unpaired_parent():
    tokens = ("moncef", "ben", "ali", "trabelsi")
    assert names_unpaired_parent(tokens, ("ben", "ali"))
    assert not names_unpaired_parent(tokens, ("ben",))
    assert not names_unpaired_parent(("usama", "bin", "ladin"), ())


def test_a_name_opening_with_a_chain_of_ancestors_gets_its_short_form_as_a_weak_name():
    names = prepare_name("Moncef Ben Mohamed Ben Rhouma TRABELSI", person=True)
    short = [n for n in names if n.short_form]
    assert [n.tokens for n in short] == [("moncef", "trabelsi")]
    assert short[0].weak and short[0].original == "Moncef Ben Mohamed Ben Rhouma TRABELSI"
    assert not any(n.short_form for n in names if n is not short[0])
    # organisations' names are not people's: no short form
    assert not any(n.short_form for n in prepare_name("Moncef Ben Mohamed Ben Rhouma TRABELSI"))


def test_everyday_forms_of_arabic_names_match_the_listed_chain():
    trabelsi = {"name": ["Moncef Ben Mohamed Ben Rhouma TRABELSI"]}
    assert _score({"name": ["Moncef Trabelsi"]}, trabelsi) == 0.9
    assert (
        _score({"name": ["Moncef ben Mohamed ben Rhouma Trabelsi"]}, {"name": ["TRABELSI, Moncef"]})
        == 0.9
    )
    bin_ladin = {"name": ["BIN LADIN, Usama bin Muhammad bin Awad"]}
    assert _score({"name": ["Osama Bin Laden"]}, bin_ladin) >= 0.75
    # the short form drops the parents: it neither confirms another father nor
    # another given name
    assert _score({"name": ["Moncef Ben Ali Trabelsi"]}, trabelsi) < 0.75
    assert _score({"name": ["TRABELSI, Moncef Ben Ali"]}, trabelsi) < 0.75
    assert _score({"name": ["Mourad Trabelsi"]}, trabelsi) < 0.75
    assert _score({"name": ["Hamza bin Laden"]}, bin_ladin) < 0.75


def test_explanation_names_the_short_form():
    query = Entity.from_dict(
        {"id": "q", "schema": "Person", "properties": {"name": ["Osama Bin Laden"]}}
    )
    cand = Entity.from_dict(
        {
            "id": "c",
            "schema": "Person",
            "properties": {"name": ["BIN LADIN, Usama bin Muhammad bin Awad"]},
        }
    )
    text = get_algorithm("tamis-v1").compare(query, cand).explanations[0].text
    assert "(short form 'usama bin ladin')" in text
