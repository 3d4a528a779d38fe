"""UN Security Council consolidated sanctions list (XML, ``consolidated.xml``).

The file has ``INDIVIDUALS/INDIVIDUAL`` and ``ENTITIES/ENTITY`` records. The
entity id is built from ``DATAID``, which stays the same across versions of the
list (reference numbers such as ``QDi.006`` have been reassigned over the years).
Dates of birth come in four shapes (``TYPE_OF_DATE``): ``EXACT`` with a full
``DATE`` or only a ``YEAR``, ``BETWEEN`` a ``FROM_YEAR`` and ``TO_YEAR`` (every
year in the range is kept, since any of them may be the true one), and
``APPROXIMATELY`` a ``YEAR`` (kept, with a "circa" note).
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

from tamis.errors import EmptySourceError, ParseError
from tamis.model import Entity, Listing
from tamis.sources.base import ParsedList, Source, register
from tamis.sources.common import decode_text, parse_date, parse_xml, read_bytes
from tamis.sources.countries import to_code

LIST_ID = "un_sc"
URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"

#: alias QUALITY -> FtM property
_QUALITY = {
    "good": "alias",
    "a.k.a.": "alias",
    "aka": "alias",
    "low": "weakAlias",
    "f.k.a.": "previousName",
    "fka": "previousName",
}
#: placeholders the list uses for an unknown country ("na" is not Namibia here)
_NOT_GIVEN = {"na", "n/a", "none", "unknown"}
#: a range of years wider than this is not expanded into single years
_MAX_YEAR_RANGE = 30


def _text(el: Element | None, tag: str | None = None) -> str | None:
    """Stripped text of ``el`` (or of its child ``tag``), None when blank."""
    if el is not None and tag is not None:
        el = el.find(tag)
    if el is None or el.text is None:
        return None
    value = " ".join(el.text.split())
    return value or None


def _values(el: Element, tag: str) -> list[str]:
    """The ``VALUE`` texts under every ``tag`` child (TITLE, DESIGNATION, ...)."""
    out: list[str] = []
    for child in el.findall(tag):
        for value in child.findall("VALUE"):
            text = _text(value)
            if text:
                out.append(text)
    return out


def _country(entity: Entity, prop: str, name: str | None) -> str | None:
    """Add the ISO code of ``name`` (or the raw text when unknown) to ``prop``."""
    if not name or name.casefold() in _NOT_GIVEN:
        return None
    code = to_code(name)
    entity.add(prop, code or name)
    return code


def _join(*parts: str | None) -> str | None:
    value = ", ".join(p for p in parts if p)
    return value or None


def _add_birth_dates(entity: Entity, dob: Element) -> None:
    kind = (_text(dob, "TYPE_OF_DATE") or "").upper()
    note = _text(dob, "NOTE")
    date = parse_date((_text(dob, "DATE") or "")[:10])
    year = _text(dob, "YEAR")
    if kind == "BETWEEN":
        start, end = _text(dob, "FROM_YEAR"), _text(dob, "TO_YEAR")
        if start and end and start.isdigit() and end.isdigit():
            first, last = sorted((int(start), int(end)))
            if last - first <= _MAX_YEAR_RANGE:
                entity.add("birthDate", [str(y) for y in range(first, last + 1)])
            else:
                entity.add("birthDate", [str(first), str(last)])
            entity.add("notes", f"date of birth between {first} and {last}")
    else:
        entity.add("birthDate", date or year)
        if kind == "APPROXIMATELY" and (date or year):
            entity.add("notes", f"date of birth circa {date or year}")
    if note:
        # Notes sometimes carry the only date ("Nov. 1973", "August 1961").
        if not (date or year or kind == "BETWEEN"):
            parsed = parse_date(note)
            if parsed is None:
                found = re.search(r"\b(1[89]\d\d|20\d\d)\b", note)
                parsed = found[1] if found else None
            entity.add("birthDate", parsed)
        entity.add("notes", f"date of birth: {note}")


def _add_documents(entity: Entity, el: Element, tag: str) -> None:
    for doc in el.findall(tag):
        kind = _text(doc, "TYPE_OF_DOCUMENT") or ""
        kind2 = _text(doc, "TYPE_OF_DOCUMENT2")
        number = _text(doc, "NUMBER")
        issuer = _text(doc, "ISSUING_COUNTRY") or _text(doc, "COUNTRY_OF_ISSUE")
        if not (kind or number):
            continue
        lowered = kind.lower()
        prop = (
            "passportNumber"
            if ("passport" in lowered or "pasaporte" in lowered or "passeport" in lowered)
            else "idNumber"
        )
        if number:
            entity.add(prop, number)
        details = [kind or None, kind2, number]
        description = " ".join(d for d in details if d)
        extras = [
            x
            for x in (
                f"issued by {issuer}" if issuer else None,
                _text(doc, "DATE_OF_ISSUE") and f"on {_text(doc, 'DATE_OF_ISSUE')}",
                _text(doc, "CITY_OF_ISSUE") and f"in {_text(doc, 'CITY_OF_ISSUE')}",
                _text(doc, "NOTE"),
            )
            if x
        ]
        if extras:
            description += f" ({'; '.join(extras)})"
        entity.add("notes", description)


def _add_addresses(entity: Entity, el: Element, tag: str) -> None:
    for addr in el.findall(tag):
        country = _text(addr, "COUNTRY")
        code = _country(entity, "country", country)
        full = _join(
            _text(addr, "STREET"),
            _text(addr, "CITY"),
            _text(addr, "STATE_PROVINCE"),
            _text(addr, "ZIP_CODE"),
            country,
        )
        # An address that is only a country is already in ``country``.
        if full and full != country:
            entity.add("address", full)
        elif code is None and _text(addr, "NOTE"):
            entity.add("address", _text(addr, "NOTE"))


def _add_aliases(entity: Entity, el: Element, tag: str) -> None:
    for alias in el.findall(tag):
        name = _text(alias, "ALIAS_NAME")
        quality = (_text(alias, "QUALITY") or "good").lower()
        entity.add(_QUALITY.get(quality, "alias"), name)
        # Older files attach birth facts to the alias records.
        entity.add("birthDate", parse_date((_text(alias, "DATE_OF_BIRTH") or "")[:10]))
        entity.add("birthPlace", _text(alias, "CITY_OF_BIRTH"))
        _country(entity, "country", _text(alias, "COUNTRY_OF_BIRTH"))


def _record(el: Element, schema: str) -> Entity:
    dataid = _text(el, "DATAID")
    if not dataid:
        raise ParseError(f"UN list: a {el.tag} record has no DATAID")
    entity = Entity(id=f"un-{dataid}", schema=schema)
    parts = [_text(el, tag) for tag in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    name = " ".join(p for p in parts if p)
    if not name:
        raise ParseError(f"UN list: record DATAID {dataid} has no name")
    entity.add("name", name)
    entity.add("alias", _text(el, "NAME_ORIGINAL_SCRIPT"))
    entity.add("title", _values(el, "TITLE"))
    entity.add("position", _values(el, "DESIGNATION"))
    for nationality in _values(el, "NATIONALITY"):
        _country(entity, "nationality", nationality)
    gender = _text(el, "GENDER")
    if gender:
        entity.add("gender", gender.lower())
    prefix = "INDIVIDUAL" if schema == "Person" else "ENTITY"
    _add_aliases(entity, el, f"{prefix}_ALIAS")
    _add_addresses(entity, el, f"{prefix}_ADDRESS")
    for dob in el.findall("INDIVIDUAL_DATE_OF_BIRTH"):
        _add_birth_dates(entity, dob)
    for pob in el.findall("INDIVIDUAL_PLACE_OF_BIRTH"):
        country = _text(pob, "COUNTRY")
        entity.add("birthPlace", _join(_text(pob, "CITY"), _text(pob, "STATE_PROVINCE"), country))
        entity.add("birthCountry", to_code(country) if country else None)
    _add_documents(entity, el, "INDIVIDUAL_DOCUMENT")

    reference = _text(el, "REFERENCE_NUMBER")
    listing = Listing(
        list=LIST_ID,
        programs=[p for p in [_text(el, "UN_LIST_TYPE")] if p],
        listed_on=parse_date((_text(el, "LISTED_ON") or "")[:10]),
        reference=[reference] if reference else [],
        remarks=_text(el, "COMMENTS1"),
        source_url=URL,
    )
    updated = sorted(filter(None, (parse_date(v[:10]) for v in _values(el, "LAST_DAY_UPDATED"))))
    if updated:
        listing.extra["last_updated"] = updated[-1]
    submitted = _text(el, "SUBMITTED_BY")
    if submitted:
        listing.extra["submitted_by"] = submitted
    entity.listings.append(listing)
    return entity


def parse_un(data: bytes, name: str = "consolidated.xml") -> ParsedList:
    """Parse the bytes of a UN consolidated.xml into entities."""
    decode_text(data, name)  # the official file is UTF-8: refuse other bytes clearly
    root = parse_xml(data, name)
    if root.tag != "CONSOLIDATED_LIST":
        raise ParseError(f"{name}: expected a CONSOLIDATED_LIST document, found <{root.tag}>")
    entities = [_record(el, "Person") for el in root.iter("INDIVIDUAL")]
    entities += [_record(el, "Organization") for el in root.iter("ENTITY")]
    if not entities:
        raise EmptySourceError(f"{name}: the list holds no INDIVIDUAL or ENTITY records")
    seen: set[str] = set()
    for entity in entities:
        if entity.id in seen:
            raise ParseError(f"{name}: DATAID {entity.id[3:]} appears twice")
        seen.add(entity.id)
    published = parse_date((root.get("dateGenerated") or "")[:10])
    return ParsedList(source=UNSource.name, entities=entities, published=published)


@register
class UNSource(Source):
    """UN Security Council Consolidated List."""

    name = "un"
    title = "UN Security Council Consolidated List"
    publisher = "United Nations Security Council"
    urls = {"consolidated.xml": URL}
    required_files = ("consolidated.xml",)
    lists = (LIST_ID,)

    def parse(self, files: dict[str, Path]) -> ParsedList:
        path = files["consolidated.xml"]
        parsed = parse_un(read_bytes(path), path.name)
        parsed.files = dict(files)
        return parsed
