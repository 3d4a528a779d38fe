"""EU financial sanctions list, legacy XML format v1.0 (root ``WHOLE``).

Each ``ENTITY`` (``Type`` P = person, E = entity) carries the regulation that
listed it as attributes (``legal_basis``, ``reg_date``, ``pdf_link``,
``programme``, ``remark``) and child records ``NAME``, ``BIRTH``, ``PASSPORT``,
``ADDRESS`` and ``CITIZEN``. Countries are ISO 3166 alpha-3 codes; the list's
date is ``WHOLE/@Date`` in dd/mm/yyyy.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

import pycountry

from tamis.errors import EmptySourceError, ParseError
from tamis.model import Entity, Listing
from tamis.sources.common import parse_date


def _text(el: Element, tag: str) -> str | None:
    child = el.find(tag)
    if child is None or child.text is None:
        return None
    value = " ".join(child.text.split())
    return value or None


def alpha3_to_code(value: str | None) -> str | None:
    """ISO alpha-3 ("IRQ") -> lower-case alpha-2 ("iq"); None when unknown or blank."""
    if not value or len(value.strip()) != 3:
        return None
    country = pycountry.countries.get(alpha_3=value.strip().upper())
    return country.alpha_2.lower() if country else None


def dmy(value: str | None) -> str | None:
    """dd/mm/yyyy -> ISO date (the legacy format is always day first)."""
    m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", value or "")
    return parse_date(f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}") if m else None


def _add_names(entity: Entity, el: Element) -> None:
    for name in el.findall("NAME"):
        whole = _text(name, "WHOLENAME") or " ".join(
            p
            for p in (_text(name, "FIRSTNAME"), _text(name, "MIDDLENAME"), _text(name, "LASTNAME"))
            if p
        )
        if not whole:
            continue
        if whole not in entity.get("name"):
            entity.add("alias" if entity.get("name") else "name", whole)
        if whole == entity.first("name") and entity.schema == "Person":
            entity.add("firstName", _text(name, "FIRSTNAME"))
            entity.add("middleName", _text(name, "MIDDLENAME"))
            entity.add("lastName", _text(name, "LASTNAME"))
        entity.add("title", _text(name, "TITLE"))
        entity.add("position", _text(name, "FUNCTION"))
        gender = (_text(name, "GENDER") or "").upper()
        entity.add("gender", {"M": "male", "F": "female"}.get(gender))


def _add_facts(entity: Entity, el: Element) -> None:
    for birth in el.findall("BIRTH"):
        entity.add("birthDate", parse_date(_text(birth, "DATE")))
        entity.add("birthPlace", _text(birth, "PLACE"))
        entity.add("birthCountry", alpha3_to_code(_text(birth, "COUNTRY")))
    for citizen in el.findall("CITIZEN"):
        country = _text(citizen, "COUNTRY")
        entity.add("nationality", alpha3_to_code(country) or country)
    for passport in el.findall("PASSPORT"):
        raw = _text(passport, "NUMBER")
        if raw:
            # "AD001095 (passport-National passport) ((passport))": the number comes first
            entity.add("passportNumber", raw.split(" (", 1)[0])
            country = _text(passport, "COUNTRY")
            entity.add("notes", f"Passport {raw}" + (f", issued by {country}" if country else ""))
    for address in el.findall("ADDRESS"):
        country = _text(address, "COUNTRY")
        code = alpha3_to_code(country)
        entity.add("country", code or country)
        parts = [_text(address, t) for t in ("NUMBER", "STREET", "ZIPCODE", "CITY", "OTHER")]
        line = ", ".join(p for p in parts if p)
        if line:
            named = pycountry.countries.get(alpha_2=code.upper()).name if code else country
            entity.add("address", f"{line}, {named}" if named else line)


def _entity(el: Element) -> Entity:
    entity_id = el.get("Id")
    if not entity_id:
        raise ParseError("EU list: an ENTITY has no Id")
    kind = (el.get("Type") or "").upper()
    entity = Entity(id=f"eu-{entity_id}", schema="Person" if kind == "P" else "Organization")
    _add_names(entity, el)
    if not entity.get("name"):
        raise ParseError(f"EU list: ENTITY {entity_id} has no name")
    _add_facts(entity, el)
    programme = el.get("programme")
    listing = Listing(
        list="eu_fsf",
        programs=[programme] if programme else [],
        listed_on=parse_date(el.get("reg_date")),
        reference=[entity_id],
        remarks=(el.get("remark") or "").strip() or None,
        source_url=el.get("pdf_link") or None,
    )
    if el.get("legal_basis"):
        listing.extra["regulation"] = el.get("legal_basis", "")
    entity.listings.append(listing)
    return entity


def parse_legacy(root: Element, name: str) -> tuple[list[Entity], str | None]:
    """Entities and publication date of a v1.0 ``WHOLE`` document."""
    entities = [_entity(el) for el in root.findall("ENTITY")]
    if not entities:
        raise EmptySourceError(f"{name}: the list holds no ENTITY records")
    return entities, dmy(root.get("Date"))
