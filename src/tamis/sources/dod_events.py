"""Attach the dated DoD timeline (``events.csv``) to the companies it concerns.

An event row names one company, several ("A; B; C"), or a whole list or law
("DoD Section 1237 list (20 companies)", "Executive Order 14032"). A name is
matched against the companies' main names first and their aliases second. When
a company is on both DoD lists, the event goes to the listing whose dates
(listed_on .. delisted_on, both inclusive) contain the event's date.
"""

from __future__ import annotations

from tamis.errors import ParseError
from tamis.model import Entity
from tamis.sources.dod_csv import read_csv, strict_date

_COLUMNS = ("date", "entity", "event", "detail", "source")


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def read_events(data: bytes, name: str) -> list[dict[str, str]]:
    """The events of ``events.csv`` as dicts with date, entity, event, detail, source."""
    events = []
    for row in read_csv(data, name, _COLUMNS):
        if not any(row.values()):
            continue
        date = strict_date(row["date"], name, "date")
        if date is None or not row["event"]:
            raise ParseError(f"{name}: an event about {row['entity']!r} lacks a date or type")
        events.append({key: row[key] for key in _COLUMNS} | {"date": date})
    return events


def _in_window(entity: Entity, date: str) -> bool:
    listing = entity.listings[0]
    if listing.listed_on and date < listing.listed_on:
        return False
    return not (listing.delisted_on and date > listing.delisted_on)


def attach_events(entities: list[Entity], events: list[dict[str, str]]) -> int:
    """Append each event to the listings it concerns; return how many matched nothing."""
    by_name: dict[str, list[Entity]] = {}
    by_alias: dict[str, list[Entity]] = {}
    for entity in entities:
        for name in entity.get("name"):
            by_name.setdefault(_key(name), []).append(entity)
        for alias in entity.get("alias"):
            by_alias.setdefault(_key(alias), []).append(entity)
    unattached = 0
    for event in events:
        targets: list[Entity] = []
        for name in event["entity"].split(";"):
            candidates = by_name.get(_key(name)) or by_alias.get(_key(name)) or []
            dated = [e for e in candidates if _in_window(e, event["date"])]
            targets += dated or candidates
        if not targets:
            unattached += 1
        record = {k: event[k] for k in ("date", "event", "detail", "source")}
        unique = {id(entity): entity for entity in targets}
        for entity in unique.values():
            entity.listings[0].events.append(dict(record))
    for entity in entities:
        entity.listings[0].events.sort(key=lambda e: e["date"])
    return unattached
