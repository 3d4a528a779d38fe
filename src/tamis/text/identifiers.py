"""Identifiers: normalisation, check-digit validation and kind guessing.

- IMO ship numbers: 7 digits, the last a weighted check digit (weights 7..2).
- ISIN: 2-letter country, 9 alphanumerics, Luhn check digit over letters as numbers.
- LEI: 20 alphanumerics, ISO 17442 / ISO 7064 MOD 97-10 (the number mod 97 is 1).
- MMSI: 9 digits (recognised only when labelled: passports have 9 digits too).
- SWIFT/BIC: 4 letters, an ISO 3166 country, 2 alphanumerics, optionally 3 more.
"""

from __future__ import annotations

import re

_LABEL = re.compile(r"^\s*(?:(?:no|nr|num|number|n°|nº|#)\b[.:]?|#)\s*", re.IGNORECASE)
_KIND_LABEL = re.compile(r"^\s*(imo|mmsi|lei|isin|swift|bic)\b[\s.:#-]*", re.IGNORECASE)
_NON_ALNUM = re.compile(r"[^0-9A-Z]+")

_COUNTRIES = frozenset(
    str.split(
        """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO
    BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK
    DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR
    GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM
    KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP
    MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL
    PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST
    SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG
    VI VN VU WF WS YE YT ZA ZM ZW XK EU XS"""
    )
)


def normalize_identifier(value: str) -> str:
    """Upper-case letters and digits only, without a leading label.

    A leading "No.", "Nr", "Number", "#" (followed by a separator) or a kind label ("IMO",
    "MMSI", "LEI", "ISIN", "SWIFT", "BIC") is removed, then every character that is not
    an ASCII letter or digit: "No. 12-345/B" -> "12345B", "IMO 9123456" -> "9123456".
    A value that starts with letters that are part of it ("NO0010096985") is kept whole.
    """
    text = value.strip()
    text = _KIND_LABEL.sub("", text, count=1)
    text = _LABEL.sub("", text, count=1)
    return _NON_ALNUM.sub("", text.upper())


def is_valid_imo(value: str) -> bool:
    """Whether the value is a 7-digit IMO number with a correct check digit."""
    digits = normalize_identifier(value)
    if len(digits) != 7 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:6], range(7, 1, -1), strict=True))
    return total % 10 == int(digits[6])


def _alnum_to_digits(text: str) -> str:
    return "".join(str(int(c, 36)) for c in text)


def is_valid_isin(value: str) -> bool:
    """Whether the value is an ISIN with a correct Luhn check digit."""
    isin = normalize_identifier(value)
    if not re.fullmatch(r"[A-Z]{2}[0-9A-Z]{9}[0-9]", isin):
        return False
    digits = _alnum_to_digits(isin[:-1])
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return (10 - total % 10) % 10 == int(isin[-1])


def is_valid_lei(value: str) -> bool:
    """Whether the value is a 20-character LEI passing the ISO 7064 MOD 97-10 check."""
    lei = normalize_identifier(value)
    if not re.fullmatch(r"[0-9A-Z]{18}[0-9]{2}", lei):
        return False
    return int(_alnum_to_digits(lei)) % 97 == 1


def is_valid_bic(value: str) -> bool:
    """Whether the value has the shape of a SWIFT/BIC code with a known country code."""
    bic = normalize_identifier(value)
    if not re.fullmatch(r"[A-Z]{4}[A-Z]{2}[0-9A-Z]{2}(?:[0-9A-Z]{3})?", bic):
        return False
    return bic[4:6] in _COUNTRIES


def identifier_kind(value: str) -> str | None:
    """Guess the kind of an identifier when it is obvious, else None.

    "imo", "mmsi", "lei", "isin" or "swift". An explicit label ("IMO 9123456",
    "MMSI: 273123456") decides when the number has the right shape; without one, an LEI or
    ISIN must pass its check digits, and a BIC must have a known country code and contain
    a digit or be labelled (a bare 8-letter word is not taken for a BIC). Bare 7- or
    9-digit numbers are not guessed: passports and registrations look the same.
    """
    label = _KIND_LABEL.match(value)
    ident = normalize_identifier(value)
    if label:
        kind = label.group(1).lower()
        checks = {
            "imo": is_valid_imo(ident),
            "mmsi": bool(re.fullmatch(r"[2-7][0-9]{8}", ident)),
            "lei": is_valid_lei(ident),
            "isin": is_valid_isin(ident),
            "swift": is_valid_bic(ident),
            "bic": is_valid_bic(ident),
        }
        if checks[kind]:
            return "swift" if kind == "bic" else kind
        return None
    if len(ident) == 20 and is_valid_lei(ident):
        return "lei"
    if len(ident) == 12 and is_valid_isin(ident):
        return "isin"
    if len(ident) in (8, 11) and is_valid_bic(ident) and any(c.isdigit() for c in ident):
        return "swift"
    return None
