"""US Department of Defense "Chinese military company" lists, with their dates.

Two lists, each a CSV with one row per company (``name, aliases, country, list,
listed_on, delisted_on, delisting_reason, source_listed, source_delisted``):

* ``ccmc_section1237.csv`` -> ``dod_1237``: the Section 1237 "Communist Chinese
  military companies" list (2020-2021) that fed EO 13959;
* ``section1260h.csv`` -> ``dod_1260h``: the Section 1260H list (2021-).

A company on both lists is two entities, one per list. Optional companions:
``events.csv`` (a dated timeline: designations, lawsuits, injunctions,
removals) whose rows are attached to the listing of the company they name, and
``section1260h_<date>_structure.csv`` giving each 1260H subsidiary its parent.
"""

from __future__ import annotations

import re
from pathlib import Path

from tamis.errors import EmptySourceError, ParseError
from tamis.model import Entity, Listing
from tamis.sources.base import ParsedList, Source, register
from tamis.sources.common import read_bytes
from tamis.sources.dod_csv import read_csv, slug, strict_date
from tamis.sources.dod_events import attach_events, read_events

LISTS = {"DoD-1237-CCMC": "dod_1237", "DoD-1260H": "dod_1260h"}
FILES = {"ccmc_section1237.csv": "dod_1237", "section1260h.csv": "dod_1260h"}
_COLUMNS = (
    "name",
    "aliases",
    "country",
    "list",
    "listed_on",
    "delisted_on",
    "delisting_reason",
    "source_listed",
    "source_delisted",
)
_URL = re.compile(r"https?://\S+")


def _entity(row: dict[str, str], list_id: str, name: str) -> Entity:
    if not row["name"]:
        raise ParseError(f"{name}: a row has no name")
    short = list_id.removeprefix("dod_")
    entity = Entity(id=f"dod-{short}-{slug(row['name'])}", schema="Company")
    entity.add("name", row["name"])
    entity.add("alias", [a.strip() for a in row["aliases"].split("|")])
    entity.add("country", row["country"].lower() or None)
    listed_urls = _URL.findall(row["source_listed"])
    listing = Listing(
        list=list_id,
        programs=[row["list"]],
        listed_on=strict_date(row["listed_on"], name, "listed_on"),
        delisted_on=strict_date(row["delisted_on"], name, "delisted_on"),
        delisting_reason=row["delisting_reason"] or None,
        source_url=listed_urls[0] if listed_urls else None,
    )
    for key in ("source_listed", "source_delisted"):
        if row[key]:
            listing.extra[key] = row[key]
    delisted_urls = _URL.findall(row["source_delisted"])
    if delisted_urls:
        listing.extra["source_delisted_url"] = delisted_urls[0]
    entity.listings.append(listing)
    return entity


def _list_entities(data: bytes, name: str, list_id: str) -> list[Entity]:
    entities: list[Entity] = []
    seen: dict[str, int] = {}
    for row in read_csv(data, name, _COLUMNS):
        if not any(row.values()):
            continue
        if LISTS.get(row["list"]) != list_id:
            raise ParseError(
                f"{name}: row {row['name']!r} names list {row['list']!r}; this file holds {list_id}"
            )
        entity = _entity(row, list_id, name)
        count = seen.get(entity.id, 0)
        seen[entity.id] = count + 1
        if count:
            entity.id = f"{entity.id}-{count + 1}"
        entities.append(entity)
    return entities


def _add_parents(entities: list[Entity], data: bytes, name: str) -> str | None:
    """Set ``parent`` on 1260H entities from a structure file; return its version date."""
    rows = read_csv(data, name, ("name", "parent", "version"))
    by_name = {e.first("name"): e for e in entities if e.listings[0].list == "dod_1260h"}
    versions = []
    for row in rows:
        versions.append(strict_date(row["version"], name, "version"))
        entity = by_name.get(row["name"])
        if entity is not None and row["parent"]:
            entity.add("parent", row["parent"])
    dated = [v for v in versions if v]
    return max(dated) if dated else None


def parse_dod(files: dict[str, Path]) -> ParsedList:
    """Parse the DoD list files present in ``files`` (logical name -> path)."""
    entities: list[Entity] = []
    for logical, list_id in FILES.items():
        if logical in files:
            path = files[logical]
            entities += _list_entities(read_bytes(path), path.name, list_id)
    if not entities:
        raise EmptySourceError("DoD lists: the files hold no companies")
    dates = [d for e in entities for ls in e.listings for d in (ls.listed_on, ls.delisted_on) if d]
    warnings: list[str] = []
    if "structure" in files:
        version = _add_parents(entities, read_bytes(files["structure"]), files["structure"].name)
        dates += [version] if version else []
    if "events.csv" in files:
        path = files["events.csv"]
        events = read_events(read_bytes(path), path.name)
        unattached = attach_events(entities, events)
        dates += [event["date"] for event in events]
        if unattached:
            warnings.append(
                f"{path.name}: {unattached} events concern a whole list or law, "
                "not one company, and are not attached to an entity"
            )
    return ParsedList(
        source=DoDSource.name, entities=entities, published=max(dates), warnings=warnings
    )


@register
class DoDSource(Source):
    """DoD Section 1237 (CCMC) and Section 1260H Chinese military company lists."""

    name = "dod"
    title = "US DoD Chinese military company lists (Sections 1237 and 1260H)"
    publisher = "US Department of Defense"
    required_files = ("ccmc_section1237.csv", "section1260h.csv")
    lists = ("dod_1237", "dod_1260h")

    def find_files(self, directory: Path) -> dict[str, Path]:
        """The two lists, plus ``events.csv`` and the newest structure file when present."""
        found = super().find_files(directory)
        for path in sorted(directory.iterdir()):
            key = path.name.lower().removesuffix(".gz")
            if key == "events.csv":
                found["events.csv"] = path
            elif re.fullmatch(r"section1260h_[\d-]+_structure\.csv", key):
                found["structure"] = path  # sorted: the newest date wins
        return found

    def parse(self, files: dict[str, Path]) -> ParsedList:
        parsed = parse_dod(files)
        parsed.files = dict(files)
        return parsed
