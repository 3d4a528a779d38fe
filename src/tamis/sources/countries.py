"""Country names as the official lists spell them -> ISO 3166-1 alpha-2 codes (lower case).

The lists name countries in many ways: "Korea, North", "Iran (Islamic Republic of)",
"Burma", "Russian Federation", "Congo, Democratic Republic of the", "Türkiye",
Canada's bilingual "Belarus / Bélarus". :func:`country_code` folds case, accents
and punctuation and looks the result up in one table of official short names and
the variants seen in the OFAC, UN, UK and Canada files. Former states and regions
without an ISO code (e.g. "Soviet Union", "Yugoslavia") keep a conventional code
(``suhh``, ``yucs``) so that they are not lost; unknown names give None.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: ISO code -> names (the first is the short English name). Keys are lower case.
_NAMES: dict[str, tuple[str, ...]] = {
    "af": ("Afghanistan",),
    "ax": ("Aland Islands",),
    "al": ("Albania",),
    "dz": ("Algeria",),
    "as": ("American Samoa",),
    "ad": ("Andorra",),
    "ao": ("Angola",),
    "ai": ("Anguilla",),
    "aq": ("Antarctica",),
    "ag": ("Antigua and Barbuda", "Antigua"),
    "ar": ("Argentina",),
    "am": ("Armenia",),
    "aw": ("Aruba",),
    "au": ("Australia",),
    "at": ("Austria",),
    "az": ("Azerbaijan",),
    "bs": ("Bahamas", "The Bahamas", "Bahamas, The"),
    "bh": ("Bahrain",),
    "bd": ("Bangladesh",),
    "bb": ("Barbados",),
    "by": ("Belarus", "Byelorussia"),
    "be": ("Belgium",),
    "bz": ("Belize",),
    "bj": ("Benin",),
    "bm": ("Bermuda",),
    "bt": ("Bhutan",),
    "bo": ("Bolivia", "Bolivia (Plurinational State of)", "Plurinational State of Bolivia"),
    "bq": ("Bonaire, Sint Eustatius and Saba", "Caribbean Netherlands"),
    "ba": ("Bosnia and Herzegovina", "Bosnia-Herzegovina", "Bosnia", "Bosnia & Herzegovina"),
    "bw": ("Botswana",),
    "br": ("Brazil",),
    "io": ("British Indian Ocean Territory",),
    "vg": ("British Virgin Islands", "Virgin Islands, British", "Virgin Islands (British)", "BVI"),
    "bn": ("Brunei", "Brunei Darussalam"),
    "bg": ("Bulgaria",),
    "bf": ("Burkina Faso",),
    "bi": ("Burundi",),
    "cv": ("Cabo Verde", "Cape Verde"),
    "kh": ("Cambodia",),
    "cm": ("Cameroon",),
    "ca": ("Canada",),
    "ky": ("Cayman Islands",),
    "cf": ("Central African Republic", "CAR"),
    "td": ("Chad",),
    "cl": ("Chile",),
    "cn": ("China", "People's Republic of China", "China, People's Republic of", "PRC"),
    "cx": ("Christmas Island",),
    "cc": ("Cocos (Keeling) Islands",),
    "co": ("Colombia",),
    "km": ("Comoros",),
    "cg": (
        "Congo",
        "Republic of the Congo",
        "Congo, Republic of the",
        "Congo-Brazzaville",
        "Congo (Republic of)",
    ),
    "cd": (
        "Democratic Republic of the Congo",
        "Congo, Democratic Republic of the",
        "Congo, Democratic Republic of",
        "Democratic Republic of Congo",
        "DRC",
        "Congo (Democratic Republic of the)",
        "Congo-Kinshasa",
        "Zaire",
    ),
    "ck": ("Cook Islands",),
    "cr": ("Costa Rica",),
    "ci": ("Cote d'Ivoire", "Ivory Coast"),
    "hr": ("Croatia",),
    "cu": ("Cuba",),
    "cw": ("Curacao",),
    "cy": ("Cyprus",),
    "cz": ("Czechia", "Czech Republic"),
    "dk": ("Denmark",),
    "dj": ("Djibouti",),
    "dm": ("Dominica",),
    "do": ("Dominican Republic",),
    "ec": ("Ecuador",),
    "eg": ("Egypt",),
    "sv": ("El Salvador",),
    "gq": ("Equatorial Guinea",),
    "er": ("Eritrea",),
    "ee": ("Estonia",),
    "sz": ("Eswatini", "Swaziland"),
    "et": ("Ethiopia",),
    "fk": ("Falkland Islands", "Falkland Islands (Malvinas)"),
    "fo": ("Faroe Islands",),
    "fj": ("Fiji",),
    "fi": ("Finland",),
    "fr": ("France",),
    "gf": ("French Guiana",),
    "pf": ("French Polynesia",),
    "ga": ("Gabon",),
    "gm": ("Gambia", "The Gambia", "Gambia, The"),
    "ge": ("Georgia",),
    "de": ("Germany", "Federal Republic of Germany"),
    "gh": ("Ghana",),
    "gi": ("Gibraltar",),
    "gr": ("Greece",),
    "gl": ("Greenland",),
    "gd": ("Grenada",),
    "gp": ("Guadeloupe",),
    "gu": ("Guam",),
    "gt": ("Guatemala",),
    "gg": ("Guernsey",),
    "gn": ("Guinea",),
    "gw": ("Guinea-Bissau", "Guinea Bissau"),
    "gy": ("Guyana",),
    "ht": ("Haiti",),
    "va": ("Holy See", "Vatican", "Vatican City"),
    "hn": ("Honduras",),
    "hk": (
        "Hong Kong",
        "Hong Kong SAR",
        "Hong Kong, China",
        "China, Hong Kong",
        "Hong Kong Special Administrative Region",
    ),
    "hu": ("Hungary",),
    "is": ("Iceland",),
    "in": ("India",),
    "id": ("Indonesia",),
    "ir": (
        "Iran",
        "Iran (Islamic Republic of)",
        "Islamic Republic of Iran",
        "Iran, Islamic Republic of",
    ),
    "iq": ("Iraq",),
    "ie": ("Ireland",),
    "im": ("Isle of Man",),
    "il": ("Israel",),
    "it": ("Italy",),
    "jm": ("Jamaica",),
    "jp": ("Japan",),
    "je": ("Jersey",),
    "jo": ("Jordan",),
    "kz": ("Kazakhstan",),
    "ke": ("Kenya",),
    "ki": ("Kiribati",),
    "kp": (
        "North Korea",
        "Korea, North",
        "Democratic People's Republic of Korea",
        "Korea, Democratic People's Republic of",
        "DPRK",
        "Korea (North)",
        "Korea, Dem. People's Rep. of",
        "Korea (Democratic People's Republic of)",
    ),
    "kr": (
        "South Korea",
        "Korea, South",
        "Republic of Korea",
        "Korea, Republic of",
        "Korea",
        "Korea (South)",
    ),
    "xk": ("Kosovo",),
    "kw": ("Kuwait",),
    "kg": ("Kyrgyzstan", "Kyrgyz Republic", "Kirghizia"),
    "la": ("Laos", "Lao People's Democratic Republic", "Lao PDR"),
    "lv": ("Latvia",),
    "lb": ("Lebanon",),
    "ls": ("Lesotho",),
    "lr": ("Liberia",),
    "ly": ("Libya", "Libyan Arab Jamahiriya"),
    "li": ("Liechtenstein",),
    "lt": ("Lithuania",),
    "lu": ("Luxembourg",),
    "mo": ("Macau", "Macao", "Macau SAR", "China, Macao"),
    "mg": ("Madagascar",),
    "mw": ("Malawi",),
    "my": ("Malaysia",),
    "mv": ("Maldives",),
    "ml": ("Mali",),
    "mt": ("Malta",),
    "mh": ("Marshall Islands",),
    "mq": ("Martinique",),
    "mr": ("Mauritania",),
    "mu": ("Mauritius",),
    "yt": ("Mayotte",),
    "mx": ("Mexico",),
    "fm": (
        "Micronesia",
        "Micronesia, Federated States of",
        "Micronesia (Federated States of)",
        "Federated States of Micronesia",
    ),
    "md": ("Moldova", "Republic of Moldova", "Moldova, Republic of"),
    "mc": ("Monaco",),
    "mn": ("Mongolia",),
    "me": ("Montenegro",),
    "ms": ("Montserrat",),
    "ma": ("Morocco",),
    "mz": ("Mozambique",),
    "mm": ("Myanmar", "Burma"),
    "na": ("Namibia",),
    "nr": ("Nauru",),
    "np": ("Nepal",),
    "nl": ("Netherlands", "The Netherlands", "Holland", "Netherlands, The"),
    "an": ("Netherlands Antilles",),
    "nc": ("New Caledonia",),
    "nz": ("New Zealand",),
    "ni": ("Nicaragua",),
    "ne": ("Niger",),
    "ng": ("Nigeria",),
    "nu": ("Niue",),
    "nf": ("Norfolk Island",),
    "mk": (
        "North Macedonia",
        "Macedonia",
        "The former Yugoslav Republic of Macedonia",
        "Macedonia, The Former Yugoslav Republic of",
        "Republic of North Macedonia",
        "North Macedonia, The Republic of",
        "FYROM",
    ),
    "mp": ("Northern Mariana Islands",),
    "no": ("Norway",),
    "om": ("Oman",),
    "pk": ("Pakistan",),
    "pw": ("Palau",),
    "ps": (
        "Palestine",
        "State of Palestine",
        "Palestinian",
        "Palestinian Territories",
        "Occupied Palestinian Territory",
        "West Bank",
        "Gaza",
        "Gaza Strip",
        "West Bank and Gaza",
    ),
    "pa": ("Panama",),
    "pg": ("Papua New Guinea",),
    "py": ("Paraguay",),
    "pe": ("Peru",),
    "ph": ("Philippines", "The Philippines"),
    "pn": ("Pitcairn",),
    "pl": ("Poland",),
    "pt": ("Portugal",),
    "pr": ("Puerto Rico",),
    "qa": ("Qatar",),
    "re": ("Reunion",),
    "ro": ("Romania",),
    "ru": ("Russia", "Russian Federation"),
    "rw": ("Rwanda",),
    "bl": ("Saint Barthelemy",),
    "sh": ("Saint Helena", "Saint Helena, Ascension and Tristan da Cunha"),
    "kn": ("Saint Kitts and Nevis", "St. Kitts and Nevis", "St Kitts and Nevis"),
    "lc": ("Saint Lucia", "St. Lucia", "St Lucia"),
    "mf": ("Saint Martin",),
    "pm": ("Saint Pierre and Miquelon",),
    "vc": (
        "Saint Vincent and the Grenadines",
        "St. Vincent and the Grenadines",
        "St Vincent and the Grenadines",
        "Saint Vincent and Grenadines",
    ),
    "ws": ("Samoa",),
    "sm": ("San Marino",),
    "st": ("Sao Tome and Principe",),
    "sa": ("Saudi Arabia", "Kingdom of Saudi Arabia"),
    "sn": ("Senegal",),
    "rs": ("Serbia", "Republic of Serbia"),
    "sc": ("Seychelles",),
    "sl": ("Sierra Leone",),
    "sg": ("Singapore",),
    "sx": ("Sint Maarten",),
    "sk": ("Slovakia", "Slovak Republic"),
    "si": ("Slovenia",),
    "sb": ("Solomon Islands",),
    "so": ("Somalia",),
    "za": ("South Africa",),
    "ss": ("South Sudan",),
    "es": ("Spain",),
    "lk": ("Sri Lanka",),
    "sd": ("Sudan",),
    "sr": ("Suriname",),
    "se": ("Sweden",),
    "ch": ("Switzerland",),
    "sy": ("Syria", "Syrian Arab Republic"),
    "tw": ("Taiwan", "Taiwan, Province of China", "Chinese Taipei"),
    "tj": ("Tajikistan",),
    "tz": ("Tanzania", "United Republic of Tanzania", "Tanzania, United Republic of"),
    "th": ("Thailand",),
    "tl": ("Timor-Leste", "East Timor"),
    "tg": ("Togo",),
    "to": ("Tonga",),
    "tt": ("Trinidad and Tobago",),
    "tn": ("Tunisia",),
    "tr": ("Turkey", "Turkiye", "Republic of Turkiye"),
    "tm": ("Turkmenistan",),
    "tc": ("Turks and Caicos Islands",),
    "tv": ("Tuvalu",),
    "ug": ("Uganda",),
    "ua": ("Ukraine",),
    "ae": ("United Arab Emirates", "UAE", "U.A.E."),
    "gb": (
        "United Kingdom",
        "UK",
        "U.K.",
        "Great Britain",
        "Britain",
        "United Kingdom of Great Britain and Northern Ireland",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
    ),
    "us": ("United States", "United States of America", "USA", "U.S.A.", "US", "U.S."),
    "vi": ("US Virgin Islands", "Virgin Islands, U.S.", "Virgin Islands (U.S.)"),
    "uy": ("Uruguay",),
    "uz": ("Uzbekistan",),
    "vu": ("Vanuatu",),
    "ve": ("Venezuela", "Venezuela (Bolivarian Republic of)", "Bolivarian Republic of Venezuela"),
    "vn": ("Vietnam", "Viet Nam"),
    "wf": ("Wallis and Futuna",),
    "eh": ("Western Sahara",),
    "ye": ("Yemen",),
    "zm": ("Zambia",),
    "zw": ("Zimbabwe",),
    # Former states and regions without a current ISO 3166-1 code.
    "suhh": ("Soviet Union", "USSR", "Union of Soviet Socialist Republics"),
    "yucs": ("Yugoslavia", "Federal Republic of Yugoslavia", "Serbia and Montenegro"),
    "csxx": ("Czechoslovakia",),
    "ddde": ("German Democratic Republic", "East Germany"),
}

#: Nationality adjectives and other spellings found in the lists.
_VARIANTS: dict[str, tuple[str, ...]] = {
    "af": ("Afghan", "Afgan", "Afganistan"),
    "dz": ("Algerian",),
    "by": ("Belarusian",),
    "cn": ("Chinese",),
    "eg": ("Egyptian",),
    "fr": ("French",),
    "de": ("German",),
    "in": ("Indian",),
    "ir": ("Iranian",),
    "iq": ("Iraqi",),
    "jo": ("Jordanian",),
    "kw": ("Kuwaiti",),
    "lb": ("Lebanese",),
    "ly": ("Libyan",),
    "ma": ("Moroccan",),
    "pk": ("Pakistani",),
    "ru": ("Russian",),
    "sa": ("Saudi", "Saudi Arabian"),
    "so": ("Somali",),
    "sd": ("Sudanese",),
    "sy": ("Syrian",),
    "tn": ("Tunisian",),
    "tr": ("Turkish",),
    "ua": ("Ukrainian", "Ukrainian SSR", "Ukranian SSR", "Ukrainian USSR", "Crimea"),
    "gb": ("British",),
    "us": ("American",),
    "ye": ("Yemeni",),
    "au": ("Australian",),
    "be": ("Belgian",),
    "bi": ("Burundian",),
    "cd": ("Congolese",),
    "ge": ("Georgian",),
    "id": ("Indonesian",),
    "ml": ("Malian", "Northern Mali"),
    "my": ("Malaysian",),
    "mr": ("Mauritanian",),
    "ng": ("Nigerian",),
    "no": ("Norwegian",),
    "kp": ("North Korean",),
    "ph": ("Filipino", "Phillipines"),
    "qa": ("Qatari", "Qatarian"),
    "rw": ("Rwandan",),
    "sn": ("Senegalese",),
    "se": ("Swedish",),
    "ug": ("Ugandan",),
    "om": ("Sultanate of Oman", "Omani"),
    "km": ("Union of the Comoros", "Comoros Islands"),
    "im": ("Man, Isle of",),
    "ps": ("Palestinian Authority", "North Gaza", "Northern Gaza"),
    "hk": ("China, Hong Kong Special Administrative Region",),
    "ca": ("Canadian",),
    "uz": ("Uzbek",),
    "kz": ("Kazakh", "Kazakh SSR", "Kazakh Soviet Socialist Republic"),
    "mm": ("Myanmar (Burma)",),
    "suhh": ("former Soviet Union",),
    "yucs": ("ex-Yugoslavia", "former Yugoslavia"),
}


def _fold(name: str) -> str:
    """Lower case, accents removed, punctuation and "the"/"of" noise collapsed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    words = ["saint" if w == "st" else w for w in text.split() if w not in ("the", "of")]
    return " ".join(words)


def _build() -> dict[str, str]:
    table: dict[str, str] = {}
    for source in (_NAMES, _VARIANTS):
        for code, names in source.items():
            for name in names:
                table.setdefault(_fold(name), code)
    return table


_TABLE = _build()


@lru_cache(maxsize=4096)
def country_code(name: str | None) -> str | None:
    """The lower-case ISO 3166-1 alpha-2 code for a country name, or None.

    Accepts a code itself ("RU", "ru", and upper-case alpha-3 "RUS"), bilingual Canadian
    names ("Russia / Russie") and trailing full stops.
    """
    if not name:
        return None
    text = name.strip().rstrip(".").strip()
    if not text:
        return None
    if len(text) == 2 and text.isalpha() and text.lower() in _NAMES:
        return text.lower()
    key = _fold(text)
    if key in _TABLE:
        return _TABLE[key]
    if len(text) == 3 and text.isalpha() and text.isupper():
        return _alpha3(text)
    if " / " in text:  # Canada: "English / Français"
        for part in text.split(" / "):
            code = _TABLE.get(_fold(part))
            if code:
                return code
    # "Iraq (previous address)", "Region: Gaza", "Russia." and similar qualifiers.
    stripped = re.sub(r"\s*\([^()]*\)\s*$", "", text)
    stripped = re.sub(r"^(?:Region|Country):\s*", "", stripped)
    if stripped and stripped != text:
        return _TABLE.get(_fold(stripped))
    return None


@lru_cache(maxsize=512)
def _alpha3(code: str) -> str | None:
    """The alpha-2 code of an ISO 3166-1 alpha-3 code ("RUS" -> "ru"), as passports and
    bank systems write countries; None for other three-letter words."""
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    alpha2 = found.alpha_2.lower() if found else None
    return alpha2 if alpha2 in _NAMES else None


def country_name(code: str) -> str | None:
    """The short English name for an ISO code (as used in this table)."""
    names = _NAMES.get(code.lower())
    return names[0] if names else None


def known_codes() -> list[str]:
    return sorted(_NAMES)


_ENUMERATOR = re.compile(
    r"\(\d+\)\s*(?:-|to)\s*\(\d+\)|\(\d+\)|\b[a-z]\)|\(\s*[a-z]\s*\)|\b\d\)|"
    r"[,;/]|\band\b"
)


def country_codes(text: str | None) -> list[str]:
    """Every country named in an enumeration such as "(1) Afghanistan (2) Pakistan",
    "a) French, b) Tunisian" or "Sudan/South Sudan", in order, without repeats.

    A text naming a single country (including one with a comma, "Korea, North")
    gives that country.
    """
    if not text:
        return []
    whole = country_code(text)
    if whole:
        return [whole]
    out: list[str] = []
    for piece in _ENUMERATOR.split(text):
        piece = piece.strip(" .()-")
        if len(piece) < 3 and not piece.isupper():
            continue  # "to", "b": words of the enumeration, not country codes
        code = country_code(piece)
        if code and code not in out:
            out.append(code)
    return out


#: Short alias used by several parsers.
to_code = country_code
