"""OFAC's ``sdnList`` XML, used by CONSOLIDATED.XML and SDN.XML.

Two namespaces are in use: ``http://tempuri.org/sdnList.xsd`` in older files and
``https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML``
since OFAC's Sanctions List Service. The structure is the same::

    sdnList
      publshInformation / Publish_Date (MM/DD/YYYY), Record_Count
      sdnEntry*
        uid, firstName?, lastName, title?, sdnType, remarks?
        programList/program*
        idList/id*            (uid, idType, idNumber, idCountry?, issueDate?, expirationDate?)
        akaList/aka*          (uid, type a.k.a.|f.k.a.|n.k.a., category strong|weak, names)
        addressList/address*  (address1..3, city, stateOrProvince, postalCode, country)
        nationalityList/nationality*, citizenshipList/citizenship*   (country)
        dateOfBirthList/dateOfBirthItem*, placeOfBirthList/placeOfBirthItem*
        vesselInfo            (callSign, vesselType, vesselFlag, vesselOwner, tonnage, ...)

``idList`` items carry the same labels as the CSV remarks ("Passport",
"Listing Date (CMIC)", "ISIN", ...), so each one is read as a remarks fragment by
:func:`tamis.sources.ofac_remarks.parse_fragment`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

from tamis.errors import EmptySourceError, ParseError
from tamis.model import Entity, Listing
from tamis.sources.common import parse_date, parse_xml
from tamis.sources.countries import country_code
from tamis.sources.ofac_common import (
    add_person_name,
    address_line,
    apply_facts,
    check_number,
    entity_id,
    entity_schema,
    gc_paused,
    read_file,
)
from tamis.sources.ofac_remarks import (
    RemarkFacts,
    parse_dob,
    parse_fragment,
    parse_place,
    parse_remarks,
)

NAMESPACES = (
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML",
    "http://tempuri.org/sdnList.xsd",
)

_AKA_PROPS = {
    ("a.k.a.", "strong"): "alias",
    ("a.k.a.", "weak"): "weakAlias",
    ("n.k.a.", "strong"): "alias",
    ("n.k.a.", "weak"): "weakAlias",
    ("f.k.a.", "strong"): "previousName",
    ("f.k.a.", "weak"): "previousName",
}


#: vesselFlag values that say there is no known flag
_NO_FLAG = ("none identified", "unknown")


@dataclass
class XmlList:
    """The entities of one sdnList file with what its header says."""

    entities: list[Entity]
    published: str | None
    record_count: int | None
    warnings: list[str] = field(default_factory=list)


class _Reader:
    """Element access under the file's namespace."""

    def __init__(self, namespace: str) -> None:
        self.ns = f"{{{namespace}}}" if namespace else ""

    def text(self, element: Element, tag: str) -> str | None:
        child = element.find(self.ns + tag)
        if child is None or child.text is None:
            return None
        value = " ".join(child.text.split())
        return value or None

    def all(self, element: Element, path: str) -> list[Element]:
        return element.findall("/".join(self.ns + part for part in path.split("/")))


def parse_sdn_xml(path: Path, list_id: str, source_url: str | None = None) -> XmlList:
    """Parse an OFAC sdnList XML file into entities with one listing each."""
    root = parse_xml(read_file(path), path.name)
    tag = root.tag
    namespace = tag[1 : tag.index("}")] if tag.startswith("{") else ""
    if tag.rsplit("}", 1)[-1] != "sdnList":
        raise ParseError(f"{path.name}: root element is <{tag}>, expected <sdnList>")
    warnings: list[str] = []
    if namespace not in NAMESPACES:
        warnings.append(f"{path.name}: unfamiliar sdnList namespace {namespace!r}")
    reader = _Reader(namespace)
    info = root.find(reader.ns + "publshInformation")
    published = record_count = None
    if info is not None:
        published = parse_date(reader.text(info, "Publish_Date"))
        count = reader.text(info, "Record_Count")
        record_count = int(count) if count and count.isdigit() else None
    entities: list[Entity] = []
    seen: set[str] = set()
    with gc_paused():
        for index, entry in enumerate(reader.all(root, "sdnEntry"), 1):
            where = f"{path.name}, sdnEntry {index}"
            entity = _entry(reader, entry, where, list_id, source_url)
            if entity.id in seen:
                raise ParseError(f"{where}: uid {entity.listings[0].reference[0]} appears twice")
            seen.add(entity.id)
            entities.append(entity)
    if not entities:
        raise EmptySourceError(f"{path.name}: no <sdnEntry> in the file")
    if record_count is not None and record_count != len(entities):
        warnings.append(
            f"{path.name}: Record_Count says {record_count}, the file holds {len(entities)}"
        )
    return XmlList(entities, published, record_count, warnings)


def _entry(r: _Reader, entry: Element, where: str, list_id: str, source_url: str | None) -> Entity:
    uid = r.text(entry, "uid")
    if uid is None:
        raise ParseError(f"{where}: missing <uid>")
    number = check_number(uid, where)
    where = f"{where} (uid {number})"
    last, first = r.text(entry, "lastName"), r.text(entry, "firstName")
    if last is None and first is None:
        raise ParseError(f"{where}: missing <lastName>")
    sdn_type = r.text(entry, "sdnType")
    if sdn_type is None:
        raise ParseError(f"{where}: missing <sdnType>")
    title = r.text(entry, "title")
    remarks = r.text(entry, "remarks")
    facts = parse_remarks(remarks, title)
    _read_ids(r, entry, facts)
    _read_person_facts(r, entry, facts)
    name = f"{last}, {first}" if last and first else (last or first or "")
    schema = entity_schema(sdn_type, name, facts, where)
    entity = Entity(id=entity_id(number), schema=schema)
    if schema == "Person":
        add_person_name(entity, last, first)
    else:
        entity.add("name", name)
    entity.add("position", title)
    _read_akas(r, entry, entity, schema, where)
    _read_addresses(r, entry, entity)
    _read_vessel(r, entry, entity)
    programs = [p for p in (el.text for el in r.all(entry, "programList/program")) if p]
    listing = Listing(
        list=list_id,
        programs=[p.strip() for p in programs],
        reference=[number],
        remarks=remarks,
        source_url=source_url,
    )
    apply_facts(entity, listing, facts)
    entity.listings.append(listing)
    return entity


def _read_ids(r: _Reader, entry: Element, facts: RemarkFacts) -> None:
    for item in r.all(entry, "idList/id"):
        id_type, number = r.text(item, "idType"), r.text(item, "idNumber")
        if not id_type or not number:
            continue
        fragment = f"{id_type} {number}"
        country = r.text(item, "idCountry")
        if country:
            fragment += f" ({country})"
        issued, expires = r.text(item, "issueDate"), r.text(item, "expirationDate")
        if issued:
            fragment += f" issued {issued}"
        if expires:
            fragment += f" expires {expires}"
        if not parse_fragment(fragment, facts):
            facts.unknown.append(fragment)
            facts.add("notes", fragment)


def _read_person_facts(r: _Reader, entry: Element, facts: RemarkFacts) -> None:
    for item in r.all(entry, "dateOfBirthList/dateOfBirthItem"):
        value = r.text(item, "dateOfBirth")
        dates = parse_dob(value) if value else []
        for date in dates:
            facts.add("birthDate", date)
        if value and not dates:
            facts.unknown.append(f"DOB {value}")
            facts.add("notes", f"DOB {value}")
    for item in r.all(entry, "placeOfBirthList/placeOfBirthItem"):
        value = r.text(item, "placeOfBirth")
        if value:
            place, code = parse_place(value)
            facts.add("birthPlace", place)
            facts.add("birthCountry", code)
    for path, prop in (
        ("nationalityList/nationality", "nationality"),
        ("citizenshipList/citizenship", "citizenship"),
    ):
        for item in r.all(entry, path):
            value = r.text(item, "country")
            code = country_code(value)
            if code:
                facts.add(prop, code)
            elif value:
                facts.add("notes", f"{prop} {value}")


def _read_akas(r: _Reader, entry: Element, entity: Entity, schema: str, where: str) -> None:
    for aka in r.all(entry, "akaList/aka"):
        kind = (r.text(aka, "type") or "a.k.a.").lower()
        category = (r.text(aka, "category") or "strong").lower()
        prop = _AKA_PROPS.get((kind, category))
        if prop is None:
            raise ParseError(f"{where}: unknown alias type {kind!r} / category {category!r}")
        last, first = r.text(aka, "lastName"), r.text(aka, "firstName")
        if schema == "Person" and last and first:
            entity.add(prop, f"{last}, {first}")
        else:
            entity.add(prop, " ".join(p for p in (first, last) if p) or None)


def _read_addresses(r: _Reader, entry: Element, entity: Entity) -> None:
    for item in r.all(entry, "addressList/address"):
        country = r.text(item, "country")
        # the CSV files' "City/State/Province/Postal Code" column: "Guangdong, Shenzhen 518129"
        city_line = ", ".join(
            p for p in (r.text(item, "city"), r.text(item, "stateOrProvince")) if p
        )
        city_line = " ".join(p for p in (city_line, r.text(item, "postalCode")) if p)
        entity.add(
            "address",
            address_line(
                r.text(item, "address1"),
                r.text(item, "address2"),
                r.text(item, "address3"),
                city_line,
                country,
            ),
        )
        entity.add("country", country_code(country) if country else None)


def _read_vessel(r: _Reader, entry: Element, entity: Entity) -> None:
    info = entry.find(r.ns + "vesselInfo")
    if info is None:
        return
    entity.add("callSign", r.text(info, "callSign"))
    entity.add("type", r.text(info, "vesselType"))
    flag = r.text(info, "vesselFlag")
    if flag and flag.lower() not in _NO_FLAG:
        code = country_code(flag)
        entity.add("flag" if code else "notes", code or f"Vessel flag {flag}")
    entity.add("owner", r.text(info, "vesselOwner"))
    entity.add("tonnage", r.text(info, "tonnage"))
    entity.add("grossRegisteredTonnage", r.text(info, "grossRegisteredTonnage"))
