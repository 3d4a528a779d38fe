"""EU consolidated list of financial sanctions (FSF), XML.

Two formats exist, told apart by the root element:

* v1.1, the current one: ``<export xmlns="http://eu.europa.ec/fpi/fsd/export"
  generationDate=...>`` holding ``sanctionEntity`` records whose facts are XML
  attributes of child elements (``nameAlias``, ``birthdate``, ``citizenship``,
  ``identification``, ``address``, ``regulation``, ``subjectType``). A country
  code ``00`` means "unknown". ``nameAlias/@strong="false"`` marks a weak alias.
* v1.0, the legacy one (root ``WHOLE``), handled in :mod:`tamis.sources.eu_legacy`.

Entity ids use the EU's ``logicalId`` (``Id`` in v1.0), which both formats share.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from tamis.errors import EmptySourceError, ParseError
from tamis.model import Entity, Listing
from tamis.sources.base import ParsedList, Source, register
from tamis.sources.common import decode_text, local, parse_date, parse_xml, read_bytes
from tamis.sources.eu_legacy import parse_legacy

LIST_ID = "eu_fsf"
URL = (
    "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/"
    "content?token=dG9rZW4tMjAxNw"
)
_SCHEMA = {
    "person": "Person",
    "enterprise": "Organization",
    "vessel": "Vessel",
    "aircraft": "Airplane",
}
_ID_PROPS = {
    "passport": "passportNumber",
    "id": "idNumber",
    "tax": "taxNumber",
    "regnumber": "registrationNumber",
    "imo": "imoNumber",
    "swiftbic": "swiftBic",
    "lei": "leiCode",
    "other": "idNumber",
}

_DOC_FLAGS = {
    "diplomatic": "diplomatic",
    "knownFalse": "known to be false",
    "knownExpired": "known to be expired",
    "reportedLost": "reported lost",
    "revokedByIssuer": "revoked by issuer",
}


def _children(el: Element, tag: str) -> list[Element]:
    return [child for child in el if local(child.tag) == tag]


def _attr(el: Element, name: str) -> str | None:
    value = " ".join((el.get(name) or "").split())
    return value or None


def _country(el: Element) -> str | None:
    code = (_attr(el, "countryIso2Code") or "").lower()
    return code if len(code) == 2 and code != "00" else None


def _remarks(el: Element) -> list[str]:
    return [" ".join(r.text.split()) for r in _children(el, "remark") if r.text and r.text.strip()]


def _add_names(entity: Entity, el: Element) -> None:
    for alias in _children(el, "nameAlias"):
        whole = _attr(alias, "wholeName") or " ".join(
            p
            for p in (
                _attr(alias, "firstName"),
                _attr(alias, "middleName"),
                _attr(alias, "lastName"),
            )
            if p
        )
        if not whole:
            continue
        strong = (alias.get("strong") or "true").lower() != "false"
        if not entity.get("name") and strong:
            entity.add("name", whole)
            if entity.schema == "Person":
                entity.add("firstName", _attr(alias, "firstName"))
                entity.add("middleName", _attr(alias, "middleName"))
                entity.add("lastName", _attr(alias, "lastName"))
        elif whole not in entity.get("name"):
            entity.add("alias" if strong else "weakAlias", whole)
        entity.add("title", _attr(alias, "title"))
        entity.add("position", _attr(alias, "function"))
        gender = (_attr(alias, "gender") or "").upper()
        entity.add("gender", {"M": "male", "F": "female"}.get(gender))
    if not entity.get("name"):  # only weak aliases: the first becomes the name
        weak = entity.get("weakAlias")
        if weak:
            entity.add("name", weak[0])
            entity.properties["weakAlias"] = weak[1:]
            if not weak[1:]:
                del entity.properties["weakAlias"]


def _add_birthdates(entity: Entity, el: Element) -> None:
    for birth in _children(el, "birthdate"):
        date = parse_date(_attr(birth, "birthdate"))
        year = _attr(birth, "year")
        month = _attr(birth, "monthOfYear") or _attr(birth, "month")
        start, end = _attr(birth, "yearRangeFrom"), _attr(birth, "yearRangeTo")
        if date:
            entity.add("birthDate", date)
        elif year and month and month.isdigit() and 1 <= int(month) <= 12:
            entity.add("birthDate", f"{year}-{int(month):02d}")
        elif year:
            entity.add("birthDate", year)
        elif start or end:
            span = (start or "", end or "")
            if all(y.isdigit() for y in span) and 0 <= int(span[1]) - int(span[0]) <= 30:
                entity.add("birthDate", [str(y) for y in range(int(span[0]), int(span[1]) + 1)])
            entity.add("notes", f"date of birth between {start or '?'} and {end or '?'}")
        circa = (birth.get("circa") or "").lower() == "true"
        if circa and (date or year):
            entity.add("notes", f"date of birth circa {date or year}")
        place = ", ".join(
            p for p in (_attr(birth, "city"), _attr(birth, "place"), _attr(birth, "region")) if p
        )
        entity.add("birthPlace", place or None)
        entity.add("birthCountry", _country(birth))


def _add_documents(entity: Entity, el: Element) -> None:
    for doc in _children(el, "identification"):
        number = _attr(doc, "number") or _attr(doc, "latinNumber")
        if not number:
            continue
        kind = (_attr(doc, "identificationTypeCode") or "other").lower()
        entity.add(_ID_PROPS.get(kind, "idNumber"), number)
        description = _attr(doc, "identificationTypeDescription") or kind
        details = [f"{description} {number}"]
        if _attr(doc, "countryDescription") and _country(doc):
            details.append(f"issued by {_attr(doc, 'countryDescription')}")
        details.extend(
            label for flag, label in _DOC_FLAGS.items() if (doc.get(flag) or "").lower() == "true"
        )
        details.extend(_remarks(doc))
        entity.add("notes", "; ".join(details))


def _add_places(entity: Entity, el: Element) -> None:
    for citizen in _children(el, "citizenship"):
        entity.add("nationality", _country(citizen))
    for address in _children(el, "address"):
        code = _country(address)
        entity.add("country", code)
        parts = [
            _attr(address, t) for t in ("street", "poBox", "zipCode", "city", "region", "place")
        ]
        line = ", ".join(p for p in parts if p)
        if line:
            country = _attr(address, "countryDescription") if code else None
            entity.add("address", f"{line}, {country}" if country else line)
        entity.add("notes", _remarks(address))


def _listing(el: Element) -> Listing:
    regulations = _children(el, "regulation")
    programs = list(dict.fromkeys(r.get("programme") for r in regulations if r.get("programme")))
    dates = sorted(filter(None, (parse_date(r.get("publicationDate")) for r in regulations)))
    listed = parse_date(_attr(el, "designationDate")) or (dates[0] if dates else None)
    references = [r for r in (_attr(el, "euReferenceNumber"), _attr(el, "unitedNationId")) if r]
    urls = [
        u.text.strip()
        for r in regulations
        for u in _children(r, "publicationUrl")
        if u.text and u.text.strip()
    ]
    listing = Listing(
        list=LIST_ID,
        programs=programs,
        listed_on=listed,
        reference=references,
        remarks=" ".join(_remarks(el)) or None,
        source_url=urls[0] if urls else None,
    )
    titles = [r.get("numberTitle") for r in regulations if r.get("numberTitle")]
    if titles:
        listing.extra["regulation"] = "; ".join(dict.fromkeys(titles))
    in_force = sorted(filter(None, (parse_date(r.get("entryIntoForceDate")) for r in regulations)))
    if in_force:
        listing.extra["entry_into_force"] = in_force[0]
    if _attr(el, "unitedNationId"):
        listing.extra["un_reference"] = _attr(el, "unitedNationId") or ""
    return listing


def _sanction_entity(el: Element) -> Entity:
    logical_id = el.get("logicalId")
    if not logical_id:
        raise ParseError("EU list: a sanctionEntity has no logicalId")
    subject = next(iter(_children(el, "subjectType")), None)
    code = (subject.get("code") if subject is not None else "") or ""
    entity = Entity(id=f"eu-{logical_id}", schema=_SCHEMA.get(code.lower(), "LegalEntity"))
    _add_names(entity, el)
    if not entity.get("name"):
        raise ParseError(f"EU list: sanctionEntity {logical_id} has no nameAlias")
    _add_birthdates(entity, el)
    _add_documents(entity, el)
    _add_places(entity, el)
    entity.listings.append(_listing(el))
    return entity


def parse_eu(data: bytes, name: str = "eu_fsf.xml") -> ParsedList:
    """Parse the bytes of an EU FSF XML file (v1.1 ``export`` or legacy v1.0 ``WHOLE``)."""
    decode_text(data, name)  # the official file is UTF-8: refuse other bytes clearly
    root = parse_xml(data, name)
    tag = local(root.tag)
    if tag == "WHOLE":
        entities, published = parse_legacy(root, name)
    elif tag == "export":
        entities = [_sanction_entity(el) for el in root if local(el.tag) == "sanctionEntity"]
        if not entities:
            raise EmptySourceError(f"{name}: the list holds no sanctionEntity records")
        published = parse_date((root.get("generationDate") or "")[:10])
    else:
        raise ParseError(f"{name}: expected an EU <export> or <WHOLE> document, found <{tag}>")
    ids = [e.id for e in entities]
    if len(set(ids)) != len(ids):
        raise ParseError(f"{name}: an entity id appears twice")
    return ParsedList(source=EUSource.name, entities=entities, published=published)


@register
class EUSource(Source):
    """EU consolidated list of persons, groups and entities subject to financial sanctions."""

    name = "eu"
    title = "EU Consolidated Financial Sanctions List"
    publisher = "European Commission (FISMA / FPI)"
    urls = {"eu_fsf.xml": URL}
    required_files = ("eu_fsf.xml",)
    lists = (LIST_ID,)

    def find_files(self, directory: Path) -> dict[str, Path]:
        """``eu_fsf.xml``, or else the only XML file in ``directory`` (official downloads
        carry dated names such as ``20250101-FULL-1_1(xsd).xml``)."""
        found = super().find_files(directory)
        if found:
            return found
        xml = [
            p
            for p in sorted(directory.iterdir())
            if p.name.lower().removesuffix(".gz").endswith(".xml")
        ]
        return {"eu_fsf.xml": xml[0]} if len(xml) == 1 else {}

    def parse(self, files: dict[str, Path]) -> ParsedList:
        path = files["eu_fsf.xml"]
        parsed = parse_eu(read_bytes(path), path.name)
        parsed.files = dict(files)
        return parsed
