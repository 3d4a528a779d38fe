"""Titles, initials, "LAST, First" order, patronymics, organisation stop words."""

from __future__ import annotations

import pytest

from tamis.text import tokenize
from tamis.text.names import (
    ORG_STOPWORDS,
    is_initial,
    is_patronymic,
    is_roman_numeral,
    is_title,
    reorder_comma_name,
    strip_article,
    strip_titles,
    strip_vessel_prefix,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mr. John Smith", ["john", "smith"]),
        ("Dr John Smith PhD", ["john", "smith"]),
        ("His Excellency Sheikh Mohammed bin Rashid", ["mohammed", "bin", "rashid"]),
        ("Mullah Mohammad Omar", ["mohammad", "omar"]),
        ("Maulavi Abdul Kabir", ["abdul", "kabir"]),
        ("Haji Khairullah Haqqani", ["khairullah", "haqqani"]),
        ("Hajji Abdul Manan", ["abdul", "manan"]),
        ("Sayed Mohammad Haqqani", ["mohammad", "haqqani"]),
        ("Lt. Gen. Ivan Petrov", ["ivan", "petrov"]),
        ("Colonel Muammar Qadhafi", ["muammar", "qadhafi"]),
        ("Prince Bandar", ["prince", "bandar"]),
        ("Prince Bandar bin Sultan", ["bandar", "bin", "sultan"]),
        ("Amir Khan", ["amir", "khan"]),
        ("Sultan Mahmud Khan", ["mahmud", "khan"]),
        ("Martin Luther King", ["martin", "luther", "king"]),
        ("John Major", ["john", "major"]),
        ("Nawaz Sharif", ["nawaz", "sharif"]),
        ("John Smith Jr.", ["john", "smith"]),
        ("Präsident Barack Obama", ["barack", "obama"]),
        ("الشيخ محمد بن راشد", ["muhammad", "bin", "rashid"]),
        ("AL-SHAYKH, Muhammad", ["al", "shaykh", "muhammad"]),
        ("Said Ahmad Khan", ["said", "ahmad", "khan"]),
        ("John General Smith", ["john", "general", "smith"]),
        ("Sheikh", []),
    ],
)
def test_strip_titles(name: str, expected: list[str]) -> None:
    assert strip_titles(tokenize(name)) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("MV Begey", ["begey"]),
        ("M/V BEGEY", ["begey"]),
        ("M.V. Begey", ["begey"]),
        ("MT Ocean Star", ["ocean", "star"]),
        ("M/T OCEAN STAR", ["ocean", "star"]),
        ("Motor Yacht Amadea", ["amadea"]),
        ("M/Y AMADEA", ["amadea"]),
        ("SS Great Britain", ["great", "britain"]),
        ("MY WAY", ["my", "way"]),  # "my" is a word, not a prefix
        ("OCEAN MV", ["ocean", "mv"]),  # only in front
        ("MV", ["mv"]),
    ],
)
def test_strip_vessel_prefix(name: str, expected: list[str]) -> None:
    assert strip_vessel_prefix(tokenize(name)) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("The Hamas", ["hamas"]),
        ("THE LIMITED LIABILITY COMPANY VMK", ["limited", "liability", "company", "vmk"]),
        ("Bank of the East", ["bank", "of", "the", "east"]),
        ("The", ["the"]),
    ],
)
def test_strip_article(name: str, expected: list[str]) -> None:
    assert strip_article(tokenize(name)) == expected


def test_is_title() -> None:
    assert is_title("sheikh") and is_title(["his", "excellency"])
    assert not is_title("vladimir")


@pytest.mark.parametrize(
    ("token", "expected"), [("j", True), ("j.", True), ("jo", False), ("7", False), ("", False)]
)
def test_is_initial(token: str, expected: bool) -> None:
    assert is_initial(token) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("PUTIN, Vladimir Vladimirovich", "Vladimir Vladimirovich PUTIN"),
        ("SALEK, ABDULHAI", "ABDULHAI SALEK"),
        ("SMITH, John, Jr.", "John SMITH Jr."),
        ("Vladimir Putin", "Vladimir Putin"),
        ("  Putin  ", "Putin"),
        (", Vladimir", ", Vladimir"),
        ("A, B, C, D", "A, B, C, D"),
    ],
)
def test_reorder_comma_name(name: str, expected: str) -> None:
    assert reorder_comma_name(name) == expected


@pytest.mark.parametrize(
    "token",
    ["vladimirovich", "sergeyevich", "petrovna", "ilyinichna", "ilyich", "oleksandrovych",
     "ivanivna", "bin", "ibn", "bint", "ould", "aliyevich", "mammadoglu", "gudmundsdottir",
     "jonsson"],
)  # fmt: skip
def test_patronymics(token: str) -> None:
    assert is_patronymic(token)


@pytest.mark.parametrize("token", ["vladimir", "putin", "ivanov", "mohammed", "babich", "son"])
def test_not_patronymics(token: str) -> None:
    assert not is_patronymic(token)


def test_roman_numerals() -> None:
    assert all(is_roman_numeral(t) for t in ["i", "ii", "iv", "ix", "xii", "xxxix"])
    assert not any(is_roman_numeral(t) for t in ["ivan", "mix", "", "vv"])


def test_org_stopwords() -> None:
    assert {"bank", "company", "trading", "international", "group", "general"} <= ORG_STOPWORDS
    assert "huawei" not in ORG_STOPWORDS
    assert all(w == w.lower() and w.isascii() for w in ORG_STOPWORDS)


def test_number_words() -> None:
    from tamis.text.numbers import words_to_digits

    assert words_to_digits(["brigade", "forty", "four"]) == ["brigade", "44"]
    assert words_to_digits(["ninety"]) == ["90"]
    assert words_to_digits(["seven", "seas"]) == ["7", "seas"]
    assert words_to_digits(["ocean", "star"]) is None
