"""Each feature function on its own, as data tables."""

from __future__ import annotations

import pytest

from tamis.matching.features.country import country_agreement
from tamis.matching.features.dates import birth_date_agreement
from tamis.matching.features.gender import gender_agreement
from tamis.matching.features.identifiers import identifier_match
from tamis.matching.features.legal import legal_form_agreement
from tamis.matching.features.numbers import number_agreement
from tamis.matching.features.schema import schema_compatible
from tamis.matching.features.tokens import spelling_similarity, token_similarity, token_weight


@pytest.mark.parametrize(
    ("query", "candidate", "expected"),
    [
        (("1952-10-07",), ("1952-10-07",), 1.0),
        (("1952",), ("1952-10-07",), 0.6),
        (("1952-10",), ("1952-10-07",), 0.6),
        (("1952-11-07",), ("1952-10-07",), -0.6),
        (("1953",), ("1952-10-07",), -0.4),
        (("1960",), ("1952-10-07",), -1.0),
        (("1960", "1952"), ("1952-10-07",), 0.6),  # the best pair counts
        ((), ("1952-10-07",), 0.0),
        (("1952",), (), 0.0),
    ],
)
def test_birth_date_agreement(query, candidate, expected):
    value, _, _ = birth_date_agreement(query, candidate)
    assert value == expected


def test_birth_date_agreement_names_the_dates():
    assert birth_date_agreement(("1960",), ("1952-10-07",)) == (-1.0, "1960", "1952-10-07")


@pytest.mark.parametrize(
    ("query", "candidate", "expected"),
    [
        ({"ru"}, {"ru"}, 1.0),
        ({"ru", "ua"}, {"ua"}, 1.0),
        ({"fr"}, {"ru"}, -1.0),
        (set(), {"ru"}, 0.0),
        ({"ru"}, set(), 0.0),
    ],
)
def test_country_agreement(query, candidate, expected):
    assert country_agreement(frozenset(query), frozenset(candidate))[0] == expected


@pytest.mark.parametrize(
    ("query", "candidate", "expected"),
    [("m", "f", -1.0), ("f", "f", 0.0), (None, "f", 0.0), ("m", None, 0.0)],
)
def test_gender_agreement(query, candidate, expected):
    assert gender_agreement(query, candidate) == expected


def test_identifier_match():
    assert identifier_match(frozenset({"9074729", "AB123"}), frozenset({"9074729"})) == "9074729"
    assert identifier_match(frozenset({"AB123"}), frozenset({"AB124"})) is None
    assert identifier_match(frozenset(), frozenset({"AB124"})) is None


@pytest.mark.parametrize(
    ("query", "candidate", "expected"),
    [
        ("Person", "Person", True),
        ("Person", "Vessel", False),
        ("Person", "Company", False),
        ("Person", "Organization", False),
        ("Company", "Organization", True),
        ("Organization", "PublicBody", True),
        ("LegalEntity", "Person", True),
        ("LegalEntity", "Company", True),
        ("LegalEntity", "Vessel", False),
        ("Thing", "Vessel", True),
        ("Thing", "Person", True),
        ("Vessel", "Vessel", True),
        ("Vessel", "Airplane", False),
        ("Security", "Company", False),
    ],
)
def test_schema_compatible(query, candidate, expected):
    assert schema_compatible(query, candidate) is expected
    assert schema_compatible(candidate, query) is expected


@pytest.mark.parametrize(
    ("query", "candidate", "expected"),
    [
        (set(), set(), 0.0),
        ({"ii"}, {"ii"}, 0.0),
        ({"ii"}, set(), -0.5),
        ({"747"}, {"737"}, -1.0),
    ],
)
def test_number_agreement(query, candidate, expected):
    assert number_agreement(frozenset(query), frozenset(candidate)) == expected


def test_legal_form_agreement():
    assert legal_form_agreement(frozenset(), frozenset({"llc"})) == 0.0
    assert legal_form_agreement(frozenset({"llc"}), frozenset({"llc"})) == 0.0
    assert legal_form_agreement(frozenset({"llc"}), frozenset({"jsc"})) == -1.0  # one form each
    assert legal_form_agreement(frozenset({"corp"}), frozenset({"jsc"})) == 0.0  # loose "company"
    assert legal_form_agreement(frozenset({"foundation"}), frozenset({"corp"})) == -1.0
    assert legal_form_agreement(frozenset({"jsc"}), frozenset({"corp", "trust"})) == -1.0
    assert legal_form_agreement(frozenset({"trust"}), frozenset({"trust"})) == 0.0


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("putin", "putin", 1.0, 1.0),
        ("hannibal", "hannibol", 0.8, 0.85),  # one typo in a long token
        ("scholze", "scholz", 0.75, 0.8),
        ("lukashenko", "luakshenko", 0.8, 0.9),  # a transposition is one edit
        ("cvc", "cvs", 0.4, 0.6),  # one typo in a short token is a lot
        ("frank", "frederik", 0.0, 0.3),
    ],
)
def test_spelling_similarity(a, b, low, high):
    assert low <= spelling_similarity(a, b) <= high


@pytest.mark.parametrize(
    ("a", "b", "kind", "minimum"),
    [
        ("v", "vladimir", "initial", 0.8),
        ("747", "737", "number", 0.0),
        ("putin", "putin", "exact", 1.0),
    ],
)
def test_token_similarity_kinds(a, b, kind, minimum):
    sim, got = token_similarity(a, b, "", "")
    assert got == kind
    assert sim >= minimum
    if kind == "number":
        assert sim == 0.0


def test_initials_must_agree():
    assert token_similarity("a", "nursultan", "", "")[0] == 0.0


def test_token_weight_discounts_particles_and_common_words():
    assert token_weight("bin") < token_weight("laden")
    assert token_weight("bank") < token_weight("deutsche")
    # in organisation names common words still tell organisations apart
    assert token_weight("systems", True) > token_weight("systems", False)
    assert token_weight("of", True) < 0.5
