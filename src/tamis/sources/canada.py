"""Canada: Consolidated Canadian Autonomous Sanctions List (SEMA/JVCFOR, ``sema-lmes.xml``).

A flat ``data-set`` of ``record`` elements. A record is a person (``LastName`` /
``GivenName``), an entity or a ship (``EntityOrShip``; ships carry
``ShipIMONumber`` and a ship type in ``TitleOrShip``). ``Country`` names the
regime (bilingual, "Russia / Russie"), ``Schedule`` and ``Item`` the entry's
place in the regulations, which is what the entity id is built from.

The file carries no publication date: the latest ``DateOfListing`` stands in for
it, and the parse result says so in its warnings.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

from tamis.errors import EmptySourceError, ParseError
from tamis.model import Entity, Listing
from tamis.sources.base import ParsedList, Source, register
from tamis.sources.common import decode_text, parse_date, parse_xml, read_bytes

LIST_ID = "ca_sema"
URL = (
    "https://www.international.gc.ca/world-monde/assets/office_docs/"
    "international_relations-relations_internationales/sanctions/sema-lmes.xml"
)

#: "Russian: Николай ..." -> the language label is dropped
_LANGUAGE_LABEL = re.compile(r"^\s*[A-Z][a-z]+(?: [a-z]+)?:\s*")


def _text(el: Element, tag: str) -> str | None:
    child = el.find(tag)
    if child is None or child.text is None:
        return None
    value = " ".join(child.text.replace("\xa0", " ").split())
    return value or None


def slug(value: str) -> str:
    """Lower-case ASCII-ish slug used in entity ids."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "x"


def split_aliases(value: str, person: bool) -> list[str]:
    """Split the free-text ``Aliases`` field into names.

    ``;`` and a spaced slash always separate names. A comma separates names of
    a person only when every piece has several words ("Aleksey Azarov, Aleksei
    Azarov"), since "Sergei, Serhii SHERBAKOV" lists given-name variants and
    commas are part of many organisation names.
    """
    out: list[str] = []
    for chunk in re.split(r"\s*;\s*|\s+/\s*|\s*/\s+|\s+or\s+", value):
        pieces = [chunk]
        if person and "," in chunk:
            parts = [p.strip() for p in chunk.split(",")]
            if all(len(p.split()) >= 2 for p in parts):
                pieces = parts
        for piece in pieces:
            piece = _LANGUAGE_LABEL.sub("", piece).strip(" ,.")
            if piece and piece not in out:
                out.append(piece)
    return out


def birth_dates(value: str) -> list[str]:
    """Dates in the DateOfBirth field: "1965-04-29", "1972", "1963-1964", "A or B"."""
    out: list[str] = []
    for part in re.split(r"\s+or\s+", value.strip(), flags=re.I):
        part = part.strip()
        years = re.fullmatch(r"(\d{4})\s*-\s*(\d{4})", part)
        if years:
            first, last = sorted((int(years[1]), int(years[2])))
            out.extend(str(y) for y in range(first, last + 1) if last - first <= 30)
            continue
        parsed = parse_date(part)
        if parsed:
            out.append(parsed)
    return out


def _record(el: Element, index: int) -> Entity:
    regime = _text(el, "Country")
    last, given = _text(el, "LastName"), _text(el, "GivenName")
    org = _text(el, "EntityOrShip")
    imo = _text(el, "ShipIMONumber")
    title = _text(el, "TitleOrShip")
    schedule, item = _text(el, "Schedule"), _text(el, "Item")
    if not (last or given or org):
        raise ParseError(f"sema-lmes.xml: record {index} has neither a person nor an entity name")
    if not regime or not item:
        raise ParseError(f"sema-lmes.xml: record {index} lacks its Country or Item")
    regime_key = slug(regime.split(" / ")[0])
    entity_id = f"ca-{regime_key}-{slug(schedule or 'na')}-{slug(item)}"
    dob = _text(el, "DateOfBirthOrShipBuildDate")
    if last or given:
        entity = Entity(id=entity_id, schema="Person")
        entity.add("name", " ".join(p for p in (given, last) if p))
        entity.add("firstName", given)
        entity.add("lastName", last)
        entity.add("title", title)
        if dob:
            dates = birth_dates(dob)
            entity.add("birthDate", dates)
            if not dates:
                entity.add("notes", f"date of birth: {dob}")
    else:
        ship = bool(imo or title)
        entity = Entity(id=entity_id, schema="Vessel" if ship else "Organization")
        entity.add("name", org)
        if ship:
            entity.add("imoNumber", imo)
            entity.add("type", title)
            entity.add("buildDate", birth_dates(dob) if dob else None)
    aliases = _text(el, "Aliases")
    if aliases:
        entity.add("alias", split_aliases(aliases, person=entity.schema == "Person"))
    reference = ", ".join(
        p for p in (f"Schedule {schedule}" if schedule else None, f"Item {item}") if p
    )
    listing = Listing(
        list=LIST_ID,
        programs=[regime],
        listed_on=parse_date(_text(el, "DateOfListing")),
        reference=[reference],
        source_url=URL,
    )
    if schedule:
        listing.extra["schedule"] = schedule
    listing.extra["item"] = item
    entity.listings.append(listing)
    return entity


def parse_canada(data: bytes, name: str = "sema-lmes.xml") -> ParsedList:
    """Parse the bytes of Canada's sema-lmes.xml into entities."""
    decode_text(data, name)  # the official file is UTF-8: refuse other bytes clearly
    root = parse_xml(data, name)
    if root.tag != "data-set":
        raise ParseError(f"{name}: expected a <data-set> document, found <{root.tag}>")
    records = root.findall("record")
    if not records:
        raise EmptySourceError(f"{name}: the list holds no records")
    entities: list[Entity] = []
    seen: dict[str, int] = {}
    for index, el in enumerate(records, 1):
        entity = _record(el, index)
        # The same regime/schedule/item twice would be a publishing slip; keep both.
        count = seen.get(entity.id, 0)
        seen[entity.id] = count + 1
        if count:
            entity.id = f"{entity.id}-{count + 1}"
        entities.append(entity)
    listed = [ls.listed_on for e in entities for ls in e.listings if ls.listed_on]
    published = max(listed) if listed else None
    warnings = [
        "sema-lmes.xml carries no publication date; the latest DateOfListing "
        f"({published}) is used instead"
    ]
    return ParsedList(
        source=CanadaSource.name, entities=entities, published=published, warnings=warnings
    )


@register
class CanadaSource(Source):
    """Consolidated Canadian Autonomous Sanctions List."""

    name = "canada"
    title = "Canada Consolidated Autonomous Sanctions List (SEMA / JVCFOR)"
    publisher = "Global Affairs Canada"
    urls = {"sema-lmes.xml": URL}
    required_files = ("sema-lmes.xml",)
    lists = (LIST_ID,)

    def parse(self, files: dict[str, Path]) -> ParsedList:
        path = files["sema-lmes.xml"]
        parsed = parse_canada(read_bytes(path), path.name)
        parsed.files = dict(files)
        return parsed
