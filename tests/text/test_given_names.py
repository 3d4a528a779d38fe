"""Familiar forms of given names and masculine / feminine forms."""

from __future__ import annotations

import pytest

from tamis.text.given_names import gendered_forms, same_given_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("bob", "robert"),
        ("bill", "william"),
        ("ted", "theodore"),
        ("ted", "edward"),
        ("sasha", "aleksandr"),
        ("volodymyr", "vladimir"),
        ("pepe", "jose"),
    ],
)
def test_familiar_forms_are_the_same_given_name(a, b):
    assert same_given_name(a, b) and same_given_name(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("alexander", "alexandra"),  # both are "alex", but not each other
        ("edward", "theodore"),  # both are "ted"
        ("robert", "robert"),  # the same token is not a familiar form
        ("bob", "smith"),
        ("robert", "roberto"),
    ],
)
def test_other_names_are_not_familiar_forms(a, b):
    assert not same_given_name(a, b)


def test_gendered_forms():
    assert gendered_forms("michel", "michelle") and gendered_forms("ivana", "ivan")
    assert not gendered_forms("michel", "michael")
    assert not gendered_forms("bob", "robert")


def test_spellings_the_spelling_rules_miss():
    assert same_given_name("jon", "john") and same_given_name("ihor", "igor")
