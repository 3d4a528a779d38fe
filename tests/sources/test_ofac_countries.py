"""Country names of the official lists -> ISO 3166-1 alpha-2 codes."""

from __future__ import annotations

import csv
import gzip
import io
import re
from collections import Counter
from pathlib import Path

import pytest

from tamis.sources.countries import country_code, country_codes, country_name, known_codes

LISTS = Path(__file__).resolve().parents[1] / "data" / "lists"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Russia", "ru"),
        ("Russian Federation", "ru"),
        ("RU", "ru"),
        ("Korea, North", "kp"),
        ("Democratic People's Republic of Korea", "kp"),
        ("Democratic People’s Republic of Korea", "kp"),  # typographic apostrophe
        ("Korea, South", "kr"),
        ("Iran (Islamic Republic of)", "ir"),
        ("Iran (Islamic Republic of).", "ir"),
        ("Burma", "mm"),
        ("Congo, Democratic Republic of the", "cd"),
        ("Congo, Republic of the", "cg"),
        ("Côte d'Ivoire", "ci"),
        ("Cote d Ivoire", "ci"),
        ("Türkiye", "tr"),
        ("St. Kitts and Nevis", "kn"),
        ("Saint Vincent and the Grenadines", "vc"),
        ("Bosnia-Herzegovina", "ba"),
        ("Man, Isle of", "im"),
        ("United Kingdom", "gb"),
        ("Belarus / Bélarus", "by"),  # Canada's bilingual names
        ("Iraq (previous address)", "iq"),
        ("Region: Gaza", "ps"),
        ("Palestinian", "ps"),
        ("Hong Kong", "hk"),
        ("Soviet Union", "suhh"),
        # ISO alpha-3, as passports and bank systems write countries
        ("RUS", "ru"),
        ("PRK", "kp"),
        ("DEU", "de"),
        ("ABC", None),
        ("can", None),  # a word, not Canada's code
        ("Atlantis", None),
        ("", None),
        (None, None),
    ],
)
def test_country_code(name: str | None, code: str | None) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("(1) Afghanistan (2) Afghanistan (3) Pakistan", ["af", "pk"]),
        ("(1) to (6) Algeria (7) Morocco", ["dz", "ma"]),
        ("(1)-(2) Tunisia (3) Libya", ["tn", "ly"]),
        ("a) French, b) Tunisian", ["fr", "tn"]),
        ("(a) Jordanian (b) American", ["jo", "us"]),
        ("Sudan/South Sudan", ["sd", "ss"]),
        ("Korea, North", ["kp"]),
        ("Trinidad and Tobago", ["tt"]),
        ("In Syria as at June 2013", []),
        (None, []),
    ],
)
def test_country_codes(text: str | None, codes: list[str]) -> None:
    assert country_codes(text) == codes


def test_every_code_has_a_name() -> None:
    codes = known_codes()
    assert len(codes) > 240
    for code in codes:
        name = country_name(code)
        assert name and country_code(name) == code


def _ofac_country_values() -> Counter[str]:
    values: Counter[str] = Counter()
    for path in [*LISTS.glob("ofac_sdn/**/add.csv*"), *LISTS.glob("ofac_cons/**/cons_add.csv")]:
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        for row in csv.reader(io.StringIO(data.decode("cp1252").rstrip("\x1a"))):
            if len(row) > 4 and row[4].strip() not in ("-0-", ""):
                values[row[4].strip()] += 1
    for path in LISTS.glob("ofac_cons/**/consolidated.xml"):
        pattern = rb"<(?:country|idCountry|nationality|citizenship)>([^<]+)<"
        for match in re.finditer(pattern, path.read_bytes()):
            if match[1].strip():
                values[match[1].decode().strip()] += 1
    return values


def test_country_values_in_the_ofac_files_resolve() -> None:
    values = _ofac_country_values()
    assert sum(values.values()) > 40_000
    unresolved = {name: n for name, n in values.items() if country_code(name) is None}
    # What is left names no country: "undetermined", disputed or multi-state regions.
    assert set(unresolved) <= {
        "undetermined",
        "Region: Kafia Kingi",
        "Region: Jammu and Kashmir",
        "Region: Commonwealth of Independent States",
    }


def test_canada_country_names_resolve() -> None:
    text = (LISTS / "canada_sema" / "sema-lmes.xml").read_text(encoding="utf-8")
    names = Counter(re.findall(r"<Country>([^<]*)</Country>", text))
    assert names
    unresolved = {name.split(" / ")[0] for name in names if country_code(name) is None}
    # Canada files some regimes under "Country"; they name no state.
    assert unresolved == {
        "Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR)",
        "Hamas Terrorist Attacks",
        "Extremist Settler Violence",
    }
