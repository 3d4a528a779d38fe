"""The OFAC Remarks parser, piece by piece, on fragments taken from the real files."""

from __future__ import annotations

import pytest

from tamis.sources.ofac_fields import (
    parse_alias,
    parse_date,
    parse_dob,
    parse_identifier,
    parse_place,
)
from tamis.sources.ofac_remarks import (
    RemarkFacts,
    parse_fragment,
    parse_remarks,
    split_remarks,
    trim_full_stop,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DOB 10 Dec 1948; POB Cuba.", ["DOB 10 Dec 1948", "POB Cuba"]),
        ("-0-", []),
        ("", []),
        # ';' inside parentheses does not split
        (
            "National ID No. 1 (Kenya); (Following data: Alt. DOB: 1969; nationality: X); "
            "a.k.a. 'ABU MANSUR'.",
            [
                "National ID No. 1 (Kenya)",
                "(Following data: Alt. DOB: 1969; nationality: X)",
                "a.k.a. 'ABU MANSUR'",
            ],
        ),
        # a parenthesis left open by the 1,000-character cut splits normally
        (
            "Gender Male; (Following data: DOB 1969; POB Keren",
            ["Gender Male", "(Following data: DOB 1969", "POB Keren"],
        ),
        # the final full stop of a company name is kept
        ("Linked To: HUAWEI TECHNOLOGIES CO., LTD.", ["Linked To: HUAWEI TECHNOLOGIES CO., LTD."]),
        ("Linked To: CIMEX, S.A.", ["Linked To: CIMEX, S.A."]),
        ("Linked To: HIZBALLAH.", ["Linked To: HIZBALLAH"]),
    ],
)
def test_split_remarks(text: str, expected: list[str]) -> None:
    assert split_remarks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gender Male.", "Gender Male"),
        ("ACME TRADING LTD.", "ACME TRADING LTD."),
        ("BANCO S.A.", "BANCO S.A."),
        ("Passport No.", "Passport No."),
        ("Organization Established Date 1969.", "Organization Established Date 1969"),
    ],
)
def test_trim_full_stop(text: str, expected: str) -> None:
    assert trim_full_stop(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("07 Oct 1952", "1952-10-07"),
        ("1952", "1952"),
        ("29 Feb 2000", "2000-02-29"),
        ("29 Feb 2001", None),
        ("31 Xyz 2001", None),
        ("Oct 1952", "1952-10"),
        ("06/30/2025", "2025-06-30"),  # the XML Publish_Date
        ("", None),
        (None, None),
    ],
)
def test_parse_date(value: str | None, expected: str | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("07 Oct 1952", ["1952-10-07"]),
        ("1962", ["1962"]),
        ("circa 1964", ["1964"]),
        ("circa 01 Jan 1960", ["1960-01-01"]),
        ("Oct 1952", ["1952-10"]),
        ("1960 to 1962", ["1960", "1961", "1962"]),
        ("01 Jan 1961 to 31 Dec 1962", ["1961", "1962"]),
        ("circa 1975-1979", ["1975", "1976", "1977", "1978", "1979"]),
        ("Mar 1950 to Feb 1952", ["1950-03", "1952-02"]),
        ("05 Mar 1958 to 07 Mar 1958", ["1958-03-05", "1958-03-07"]),
        ("1900 to 1980", ["1900", "1980"]),  # too long to enumerate: the two ends
        ("31 Feb 1970", []),  # impossible date
        ("unknown", []),
    ],
)
def test_parse_dob(value: str, expected: list[str]) -> None:
    assert parse_dob(value) == expected


@pytest.mark.parametrize(
    ("value", "place", "country"),
    [
        ("Leningrad, Russia", "Leningrad, Russia", "ru"),
        ("Culiacan, Sinaloa, Mexico", "Culiacan, Sinaloa, Mexico", "mx"),
        ("Shati", "Shati", None),
        ("Pyongyang, Korea, North", "Pyongyang, Korea, North", "kp"),
        (
            "Kinshasa, Congo, Democratic Republic of the",
            "Kinshasa, Congo, Democratic Republic of the",
            "cd",
        ),
    ],
)
def test_parse_place(value: str, place: str, country: str | None) -> None:
    assert parse_place(value) == (place, country)


@pytest.mark.parametrize(
    ("label", "text", "number", "country", "issued", "expires"),
    [
        ("Passport", "A1234567 (Russia)", "A1234567", "ru", None, None),
        (
            "Passport",
            "0310857 (Eritrea) issued 21 Aug 2006 expires 20 Aug 2008",
            "0310857",
            "er",
            "2006-08-21",
            "2008-08-20",
        ),
        (
            "Passport",
            "G025057 issued 23 Jun 1999 expires 05 Feb 2004",
            "G025057",
            None,
            "1999-06-23",
            "2004-02-05",
        ),
        (
            "Registration Number",
            "HRA 738077 (Stuttgart) (Germany)",
            "HRA 738077 (Stuttgart)",
            "de",
            None,
            None,
        ),
        ("NIT #", "800018928-0 (Colombia)", "800018928-0", "co", None, None),
        ("Tax ID No.", "7720649916 (Russia)", "7720649916", "ru", None, None),
        ("Cedula No.", "V-8348784 (Venezuela)", "V-8348784", "ve", None, None),
        (
            "Passport",
            "C 1415363 - 16/2/1421H issued 21 May 2000",
            "C 1415363 - 16/2/1421H",
            None,
            "2000-05-21",
            None,
        ),
    ],
)
def test_parse_identifier(
    label: str, text: str, number: str, country: str | None, issued: str | None, expires: str | None
) -> None:
    ident = parse_identifier(label, text)
    assert (ident.number, ident.country, ident.issued, ident.expires) == (
        number,
        country,
        issued,
        expires,
    )


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("a.k.a. 'BNC'", ("weakAlias", "BNC")),
        ("f.k.a. 'SAND SWAN'", ("previousName", "SAND SWAN")),
        ("n.k.a. 'NEW NAME'", ("weakAlias", "NEW NAME")),
        ("a.k.a. 'ZHOU, William'", ("weakAlias", "ZHOU, William")),
        ("a.k.a. BNC", None),
        ("Linked To: X", None),
    ],
)
def test_parse_alias(fragment: str, expected: tuple[str, str] | None) -> None:
    assert parse_alias(fragment) == expected


#: fragment -> the properties it must add (all of them, nothing else)
FRAGMENTS = [
    ("DOB 07 Oct 1952", {"birthDate": ["1952-10-07"]}),
    ("alt. DOB 1936", {"birthDate": ["1936"]}),
    ("POB Leningrad, Russia", {"birthPlace": ["Leningrad, Russia"], "birthCountry": ["ru"]}),
    ("nationality Russia", {"nationality": ["ru"]}),
    ("nationality Korea, North", {"nationality": ["kp"]}),
    ("nationality Congo, Democratic Republic of the", {"nationality": ["cd"]}),
    ("citizen Mexico", {"citizenship": ["mx"]}),
    ("alt. nationality Russia", {"nationality": ["ru"]}),
    ("Gender Male", {"gender": ["male"]}),
    ("Gender Female", {"gender": ["female"]}),
    (
        "Passport A1234567 (Russia)",
        {"passportNumber": ["A1234567"], "identification": ["Passport A1234567 (ru)"]},
    ),
    (
        "National ID No. 216040 (Yemen)",
        {"idNumber": ["216040"], "identification": ["National ID No. 216040 (ye)"]},
    ),
    (
        "Cedula No. 6068015 (Colombia)",
        {"idNumber": ["6068015"], "identification": ["Cedula No. 6068015 (co)"]},
    ),
    ("C.U.R.P. HEGJ741008HDFRRS01", {"idNumber": ["HEGJ741008HDFRRS01"]}),
    (
        "Tax ID No. 100036386 (Serbia)",
        {"taxNumber": ["100036386"], "identification": ["Tax ID No. 100036386 (rs)"]},
    ),
    (
        "RUC # 20108363101 (Peru)",
        {"taxNumber": ["20108363101"], "identification": ["RUC # 20108363101 (pe)"]},
    ),
    (
        "Registration Number 26740 (Iran)",
        {"registrationNumber": ["26740"], "identification": ["Registration Number 26740 (ir)"]},
    ),
    ("SWIFT/BIC BKIDIRTH", {"swiftBic": ["BKIDIRTH"]}),
    (
        "Legal Entity Number 253400V1H6ART1UQ0N98 (Russia)",
        {
            "leiCode": ["253400V1H6ART1UQ0N98"],
            "identification": ["Legal Entity Number 253400V1H6ART1UQ0N98 (ru)"],
        },
    ),
    ("Vessel Registration Identification IMO 9187629", {"imoNumber": ["9187629"]}),
    ("Vessel Registration Identification RS 150443", {"registrationNumber": ["RS 150443"]}),
    ("Identification Number IMO 3001731", {"imoNumber": ["3001731"]}),
    ("Company Number IMO 5055293", {"imoNumber": ["5055293"]}),
    ("MMSI 271043014", {"mmsi": ["271043014"]}),
    ("Former Vessel Flag Malta", {"pastFlags": ["mt"]}),
    ("Vessel Year of Build 1999", {"buildDate": ["1999"]}),
    ("Aircraft Manufacturer's Serial Number (MSN) 1023409321", {"serialNumber": ["1023409321"]}),
    (
        "Aircraft Construction Number (also called L/N or S/N or F/N) 8401",
        {"serialNumber": ["8401"]},
    ),
    ("Aircraft Model IL-76TD", {"model": ["IL-76TD"]}),
    ("Aircraft Tail Number RA-76842", {"registrationNumber": ["RA-76842"]}),
    ("Aircraft Manufacture Date 1992", {"buildDate": ["1992"]}),
    ("Aircraft Operator YAS AIR", {"operator": ["YAS AIR"]}),
    ("Email Address info@arrai.tv", {"email": ["info@arrai.tv"]}),
    ("Website http://waatasemu.org.ly", {"website": ["http://waatasemu.org.ly"]}),
    (
        "Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h",
        {"publicKey": ["12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h"]},
    ),
    (
        "alt. Digital Currency Address - ETH 0xa0e1c89Ef1a489c9C7dE96311eD5Ce5D32c20E4B",
        {"publicKey": ["0xa0e1c89Ef1a489c9C7dE96311eD5Ce5D32c20E4B"]},
    ),
    ("Linked To: PUTIN, Vladimir Vladimirovich", {"linkedTo": ["PUTIN, Vladimir Vladimirovich"]}),
    ("(Linked To: HAMAS)", {"linkedTo": ["HAMAS"]}),
    ("a.k.a. 'BNC'", {"weakAlias": ["BNC"]}),
    ("ISIN US4581401001", {"isin": ["US4581401001"]}),
    ("Equity Ticker 0763 HK", {"ticker": ["0763 HK"]}),
    (
        "Issuer Name Huawei Investment & Holding Co., Ltd.",
        {"alias": ["Huawei Investment & Holding Co., Ltd."]},
    ),
    ("Target Type Private Company", {"classification": ["Private Company"]}),
    ("Organization Established Date 10 Dec 2020", {"incorporationDate": ["2020-12-10"]}),
    (
        "Organization Type: Activities of holding companies",
        {"sector": ["Activities of holding companies"]},
    ),
    (
        "Unified Social Credit Code (USCC) 9113100033607322XK (China)",
        {
            "registrationNumber": ["9113100033607322XK"],
            "identification": ["Unified Social Credit Code (USCC) 9113100033607322XK (cn)"],
        },
    ),
    ("Phone Number 982188526300", {"phone": ["982188526300"]}),
    ("Major General", {"title": ["Major General"]}),
    ("Brigadier General", {"title": ["Brigadier General"]}),
]


@pytest.mark.parametrize(("fragment", "expected"), FRAGMENTS)
def test_fragment_properties(fragment: str, expected: dict[str, list[str]]) -> None:
    facts = RemarkFacts()
    assert parse_fragment(fragment, facts) is True
    assert facts.properties == expected
    assert facts.unknown == []


@pytest.mark.parametrize(
    ("fragment", "listed_on", "extra"),
    [
        ("Listing Date (CMIC) 03 Jun 2021", "2021-06-03", {}),
        ("Effective Date (CMIC) 02 Aug 2021", None, {"effective_date": "2021-08-02"}),
        (
            "Purchase/Sales For Divestment Date (CMIC) 03 Jun 2022",
            None,
            {"divestment_date": "2022-06-03"},
        ),
        (
            "Listing Date (EO 14024 Directive 2): 24 Feb 2022",
            None,
            {"listing_date (EO 14024 Directive 2)": "2022-02-24"},
        ),
        (
            "Secondary sanctions risk: section 1(b) of Executive Order 13224",
            None,
            {"secondary_sanctions_risk": "section 1(b) of Executive Order 13224"},
        ),
        ("all offices worldwide", None, {"scope": "all offices worldwide"}),
    ],
)
def test_listing_facts(fragment: str, listed_on: str | None, extra: dict[str, str]) -> None:
    facts = RemarkFacts()
    assert parse_fragment(fragment, facts) is True
    assert facts.listed_on == listed_on
    assert facts.extra == extra
    assert facts.properties == {}


@pytest.mark.parametrize(
    "fragment",
    [
        "ICTY indictee",
        "General Manager",
        "nationality Atlantis",
        "DOB sometime",
        "Passport",
        "wife of Izzat Ibrahim Al-Duri",
    ],
)
def test_unknown_fragments_are_reported(fragment: str) -> None:
    facts = parse_remarks(fragment)
    assert facts.unknown == [fragment]
    assert facts.properties == {"notes": [fragment]}


def test_whole_remarks_of_putin() -> None:
    text = (
        "DOB 07 Oct 1952; POB Leningrad, Russia; nationality Russia; citizen Russia; "
        "Gender Male; President of the Russian Federation."
    )
    facts = parse_remarks(text, title="President of the Russian Federation")
    assert facts.properties == {
        "birthDate": ["1952-10-07"],
        "birthPlace": ["Leningrad, Russia"],
        "birthCountry": ["ru"],
        "nationality": ["ru"],
        "citizenship": ["ru"],
        "gender": ["male"],
        "position": ["President of the Russian Federation"],
    }
    assert facts.unknown == []
    # without the title column the last fragment is not understood, but kept
    assert parse_remarks(text).unknown == ["President of the Russian Federation"]


def test_whole_remarks_of_a_cmic_company() -> None:
    text = (
        "Target Type Private Company; Effective Date (CMIC) 02 Aug 2021; Purchase/Sales "
        "For Divestment Date (CMIC) 03 Jun 2022; Listing Date (CMIC) 03 Jun 2021; Unified "
        "Social Credit Code (USCC) 914403001922038216 (China)."
    )
    facts = parse_remarks(text)
    assert facts.listed_on == "2021-06-03"
    assert facts.extra == {"effective_date": "2021-08-02", "divestment_date": "2022-06-03"}
    assert facts.properties["registrationNumber"] == ["914403001922038216"]
    assert [(i.label, i.country) for i in facts.identifiers] == [
        ("Unified Social Credit Code (USCC)", "cn")
    ]


def test_repeated_sanction_statements_are_all_kept() -> None:
    text = (
        "Executive Order 13662 Directive Determination - Subject to Directive 1; "
        "alt. Executive Order 13662 Directive Determination - Subject to Directive 2; "
        "alt. Executive Order 13662 Directive Determination - Subject to Directive 1."
    )
    facts = parse_remarks(text)
    assert facts.extra == {"eo13662_directive": "Subject to Directive 1 | Subject to Directive 2"}
