"""Precomputed, normalised forms of an entity: what the features compare.

Every list entity is prepared once when the index is built; queries are
prepared the same way (and cached by value). A :class:`PreparedName` is one
romanised rendering of one name: latin tokens without titles and legal forms,
the legal-form classes that were removed, phonetic keys, the joined form (for
"xiaoming" vs "xiao ming") and the numbers in it (which stay significant).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mypy_extensions import mypyc_attr

from tamis.matching.features.lineage import short_lineage_form
from tamis.model import ID_PROPS, Entity, schema_is_a
from tamis.sources.countries import country_code
from tamis.text import detect_script, name_variants, normalize
from tamis.text.identifiers import normalize_identifier
from tamis.text.legal_forms import split_legal_forms
from tamis.text.names import (
    reorder_comma_name,
    strip_article,
    strip_titles,
    strip_vessel_prefix,
)
from tamis.text.phonetic import phonetic_key as _phonetic_key

#: Properties whose values are full names of the entity.
FULL_NAME_PROPS = ("name", "alias", "previousName", "weakAlias")
#: Properties giving where a person or company belongs.
COUNTRY_PROPS = ("nationality", "citizenship", "country", "jurisdiction")
#: Roman numerals of two or more letters ("v", "x", "i" are usually initials).
_ROMAN = frozenset(
    [
        "ii",
        "iii",
        "iv",
        "vi",
        "vii",
        "viii",
        "ix",
        "xi",
        "xii",
        "xiii",
        "xiv",
        "xv",
        "xvi",
        "xvii",
        "xviii",
        "xix",
        "xx",
    ]
)
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


#: Tokens repeat across names: their phonetic keys are computed once.
phonetic_key = lru_cache(maxsize=300_000)(_phonetic_key)


# plain dataclasses when compiled, so that they pickle and copy as before
@mypyc_attr(native_class=False)
@dataclass(frozen=True, slots=True)
class PreparedName:
    """One latin rendering of one name, split into comparable tokens."""

    original: str  #: the name as given
    latin: str  #: the romanised string the tokens come from
    tokens: tuple[str, ...]  #: tokens without titles and legal forms
    legal: frozenset[str]  #: legal-form classes found in the name
    phonetic: tuple[str, ...]  #: phonetic key of each token
    joined: str  #: tokens joined without spaces
    compact: str  #: the whole latin form (titles and legal forms included) without spaces
    numbers: frozenset[str]  #: digit and roman-numeral tokens
    script: str  #: dominant script of the original
    weak: bool = False  #: from a weak alias (a nickname or partial name)
    short_form: bool = False  #: the short form of a chain of ancestors (and weak)


@mypyc_attr(native_class=False)
@dataclass(frozen=True, slots=True)
class PreparedEntity:
    """Everything the features need from one entity, computed once."""

    schema: str
    names: tuple[PreparedName, ...]
    birth_dates: tuple[str, ...]
    countries: frozenset[str]
    identifiers: frozenset[str]
    gender: str | None
    #: normalised (given name, family name) when the entity gives both as parts
    name_parts: tuple[str, str] | None = None


@lru_cache(maxsize=500_000)
def prepare_name(
    name: str, weak: bool = False, person: bool = False, vessel: bool = False
) -> tuple[PreparedName, ...]:
    """Every romanised rendering of ``name`` (canonical first), deduplicated by tokens.

    Legal forms are split off except in the names of people, where the same
    letters are usually a name ("PAO Yu Liang", "SA" in Vietnamese names); so is a
    leading "the". A ship's name (``vessel``) loses its type prefix ("MV", "M/T",
    "Motor Vessel"). A person's name that opens with a chain of ancestors also gets
    its short form, as a weak name (see
    :func:`~tamis.matching.features.lineage.short_lineage_form`).
    """
    script = "Latin" if name.isascii() else detect_script(name)
    out: list[PreparedName] = []
    seen: set[tuple[str, ...]] = set()
    for source in dict.fromkeys((name, reorder_comma_name(name))):
        for latin in name_variants(source):
            tokens = strip_titles(latin.split())
            if not person:
                tokens = strip_article(tokens)
            if vessel:
                tokens = strip_vessel_prefix(tokens)
            core, legal = (tokens, []) if person else split_legal_forms(tokens)
            if not core:
                # A name made only of a title or a legal form keeps its words: the
                # features then see that nothing distinctive is left.
                core = tokens
            key = tuple(core)
            if not key or key in seen:
                continue
            seen.add(key)
            out.append(_prepared(name, latin, key, legal, script, weak))
    if person:
        # the short form of a chain of ancestors, weaker evidence than the full name
        for full in list(out):
            short = short_lineage_form(full.tokens)
            if short and short not in seen:
                seen.add(short)
                out.append(_prepared(name, " ".join(short), short, [], script, True, True))
    return tuple(out)


def _prepared(
    name: str,
    latin: str,
    tokens: tuple[str, ...],
    legal: list[str],
    script: str,
    weak: bool,
    short_form: bool = False,
) -> PreparedName:
    return PreparedName(
        original=name,
        latin=latin,
        tokens=tokens,
        legal=frozenset(legal),
        phonetic=tuple(phonetic_key(t) for t in tokens),
        joined="".join(tokens),
        compact=latin.replace(" ", ""),
        numbers=_numbers(tokens),
        script=script,
        weak=weak,
        short_form=short_form,
    )


def _numbers(tokens: tuple[str, ...]) -> frozenset[str]:
    """Digit tokens, and Roman numerals after the first token: a name does not open
    with a numeral, so a leading "Xi" or "Vi" is a name."""
    return frozenset(t for i, t in enumerate(tokens) if t.isdigit() or (i > 0 and t in _ROMAN))


def _composed_names(entity: Entity) -> list[str]:
    """Full names built from name parts when an entity has parts but no full name."""
    first = entity.get("firstName")
    last = entity.get("lastName")
    if not (first or last):
        return []
    middle = entity.get("middleName") + entity.get("fatherName") + entity.get("secondName")
    parts = [p for p in (first[:1] + middle[:1] + last[:1]) if p]
    return [" ".join(parts)] if parts else []


def entity_names(entity: Entity) -> list[tuple[str, bool]]:
    """(name, weak) pairs of an entity: full names first, then names composed of parts."""
    out: dict[str, bool] = {}
    for prop in FULL_NAME_PROPS:
        for value in entity.get(prop):
            out.setdefault(value, prop == "weakAlias")
            if "/" in value:
                # "Al-Qa'ida/Islamic Army": lists write alternative names with a slash
                for part in value.split("/"):
                    if len(part.strip()) >= 2:
                        out.setdefault(part.strip(), prop == "weakAlias")
    if not any(not weak for weak in out.values()):
        for value in _composed_names(entity):
            out.setdefault(value, False)
    return list(out.items())


def normalize_date(value: str) -> str | None:
    """The ISO prefix (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) of a date value, or None."""
    match = _DATE.match(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    return "-".join([year, *(part.zfill(2) for part in (month, day) if part)])


def normalize_gender(value: str | None) -> str | None:
    if not value:
        return None
    head = value.strip().lower()[:1]
    return head if head in ("m", "f") else None


def prepare_entity(entity: Entity) -> PreparedEntity:
    """Prepare a list entity or a query for comparison."""
    names: list[PreparedName] = []
    person = schema_is_a(entity.schema, "Person")
    vessel = schema_is_a(entity.schema, "Vessel")
    for name, weak in entity_names(entity):
        names.extend(prepare_name(name, weak, person, vessel))
    dates = tuple(
        dict.fromkeys(d for d in (normalize_date(v) for v in entity.get("birthDate")) if d)
    )
    countries = frozenset(
        code for prop in COUNTRY_PROPS for v in entity.get(prop) if (code := country_code(v))
    )
    identifiers = frozenset(
        ident
        for prop in ID_PROPS
        for value in entity.get(prop)
        if len(ident := normalize_identifier(value)) >= 4
    )
    return PreparedEntity(
        schema=entity.schema,
        names=tuple(names),
        birth_dates=dates,
        countries=countries,
        identifiers=identifiers,
        gender=normalize_gender(entity.first("gender")),
        name_parts=_name_parts(entity),
    )


def _name_parts(entity: Entity) -> tuple[str, str] | None:
    given, family = entity.first("firstName"), entity.first("lastName")
    if not given or not family:
        return None
    parts = normalize(given), normalize(family)
    return parts if all(parts) else None
