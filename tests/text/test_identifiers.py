"""Identifier normalisation, check digits and kind guessing."""

from __future__ import annotations

import pytest

from tamis.text.identifiers import (
    identifier_kind,
    is_valid_bic,
    is_valid_imo,
    is_valid_isin,
    is_valid_lei,
    normalize_identifier,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("No. 12-345/B", "12345B"),
        ("no 12345", "12345"),
        ("Nr: 4711", "4711"),
        ("#A-123", "A123"),
        ("IMO 9074729", "9074729"),
        ("imo:9074729", "9074729"),
        ("MMSI 273 123 456", "273123456"),
        ("NO0010096985", "NO0010096985"),
        ("NOVA-1", "NOVA1"),
        ("ab 12.34", "AB1234"),
        ("", ""),
        ("---", ""),
    ],
)
def test_normalize_identifier(value: str, expected: str) -> None:
    assert normalize_identifier(value) == expected


@pytest.mark.parametrize(
    ("value", "valid"),
    [("9074729", True), ("IMO 9074729", True), ("9074728", False), ("907472", False),
     ("IMO 8814275", True), ("abcdefg", False)],
)  # fmt: skip
def test_imo(value: str, valid: bool) -> None:
    assert is_valid_imo(value) is valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [("US0378331005", True), ("US0378331006", False), ("DE0007164600", True),
     ("NO0010096985", True), ("GB0002634946", True), ("US037833100", False)],
)  # fmt: skip
def test_isin(value: str, valid: bool) -> None:
    assert is_valid_isin(value) is valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [("5493001KJTIIGC8Y1R12", True), ("5493001KJTIIGC8Y1R13", False),
     ("529900T8BM49AURSDO55", True), ("529900T8BM49AURSDO5", False)],
)  # fmt: skip
def test_lei(value: str, valid: bool) -> None:
    assert is_valid_lei(value) is valid


def test_bic() -> None:
    assert is_valid_bic("DEUTDEFF") and is_valid_bic("DEUTDEFF500")
    assert not is_valid_bic("DEUTXXFF") and not is_valid_bic("DEUT")


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("US0378331005", "isin"),
        ("5493001KJTIIGC8Y1R12", "lei"),
        ("IMO 9074729", "imo"),
        ("IMO 9074728", None),
        ("MMSI 273123456", "mmsi"),
        ("DEUTDEFF500", "swift"),
        ("BIC DEUTDEFF", "swift"),
        ("PASSPORT", None),
        ("9074729", None),
        ("123456789", None),
        ("", None),
    ],
)
def test_identifier_kind(value: str, kind: str | None) -> None:
    assert identifier_kind(value) == kind
