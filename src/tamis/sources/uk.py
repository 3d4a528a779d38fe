"""HM Treasury / OFSI Consolidated List (CSV: ``sanctionsconlist.csv`` / ``ConList.csv``).

The file opens with a ``Last Updated,dd/mm/yyyy`` line, then the header. Every
row is one *name* of a designated person or entity; rows sharing a ``Group ID``
describe the same target (one row per alias, and one per extra date of birth or
address). The row whose ``Alias Type`` is the primary name ("Prime Alias" in
older files, "Primary name" in newer ones) gives the entity's name.

Columns are read by header name, so both the older layout and the newer one
(which adds "Name Non-Latin Script", "Passport Number", "Alias Quality", "UK
Sanctions List Date Designated", ...) parse. Dates are day-first, with ``00``
for an unknown day or month (``00/00/1965``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from tamis.errors import EmptySourceError, ParseError
from tamis.model import Entity, Listing
from tamis.sources.base import ParsedList, Source, register
from tamis.sources.common import decode_text, read_bytes
from tamis.sources.countries import to_code

LIST_ID = "uk_ofsi"
#: where OFSI published the list until its retirement (kept as the listings' source URL)
URL = "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv"

_REQUIRED = ("Name 6", "Name 1", "Group Type", "Regime", "Group ID")
_PRIMARY = {"prime alias", "primary name"}
_SCHEMA = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}
_IMO = re.compile(r"IMO(?:\s+number)?\s*[:.]?\s*(\d{7})\b", re.I)
_MMSI = re.compile(r"MMSI\s*[:.]?\s*(\d{9})\b", re.I)
#: enumeration markers: "1) X 2) Y", "(1) X (2) Y", "a) X b) Y", "(a) X"
_ENUM = re.compile(r"\(?\b(?:\d{1,2}|[a-h])\)\s*")
#: an identifier-looking token inside free text: at least five digits
_DOC_NUMBER = re.compile(r"\b[A-Z]{0,3}[-\s]?\d[\dA-Z-]{4,}\b")


@lru_cache(maxsize=8192)
def parse_dmy(value: str | None) -> str | None:
    """``dd/mm/yyyy`` (``00`` = unknown part) -> ISO date, ``YYYY-MM`` or ``YYYY``."""
    if not value:
        return None
    m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", value)
    if not m:
        return None
    day, month, year = int(m[1]), int(m[2]), m[3]
    if year == "0000":
        return None
    if month == 0 or not 1 <= month <= 12:
        return year
    if day == 0:
        return f"{year}-{month:02d}"
    try:
        return date(int(year), month, day).isoformat()
    except ValueError:
        return f"{year}-{month:02d}"


def _split_enumeration(value: str) -> list[str]:
    """Split "1) Saudi Arabia 2) Qatar" style lists; a plain value stays whole."""
    parts = [p.strip(" ,;.-") for p in _ENUM.split(value)]
    return [p for p in parts if p]


def _countries(entity: Entity, prop: str, value: str, keep_unknown: bool = True) -> None:
    for part in _split_enumeration(value):
        code = to_code(part)
        entity.add(prop, code or (part if keep_unknown else None))


def document_numbers(text: str) -> list[str]:
    """Identifier-like tokens in free text (dates and years are left out)."""
    found = []
    for token in _DOC_NUMBER.findall(text):
        token = re.sub(r"^(?:ID|SSN|NO)\s+", "", token.strip())
        if sum(ch.isdigit() for ch in token) >= 5 and not re.fullmatch(r"\d{4}", token):
            found.append(token)
    return found


def _name(row: dict[str, str]) -> str:
    parts = [row.get(f"Name {i}", "") for i in (1, 2, 3, 4, 5, 6)]
    return " ".join(" ".join(p.split()) for p in parts if p and p.strip())


def _rows(text: str, name: str) -> tuple[str | None, list[dict[str, str]]]:
    try:
        return _read_rows(text, name)
    except csv.Error as exc:  # e.g. a quoted field cut off by a truncated download
        raise ParseError(f"{name}: malformed CSV ({exc})") from exc


def _read_rows(text: str, name: str) -> tuple[str | None, list[dict[str, str]]]:
    lines = text.splitlines()
    published = None
    if lines and lines[0].split(",", 1)[0].strip().lower() == "last updated":
        published = parse_dmy(lines[0].split(",")[1] if "," in lines[0] else None)
        lines = lines[1:]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), strict=True)
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [col for col in _REQUIRED if col not in header]
    if missing:
        raise ParseError(
            f"{name}: not an OFSI consolidated list: header lacks {', '.join(missing)} "
            f"(found {', '.join(header[:8]) or 'nothing'})"
        )
    reader.fieldnames = header
    rows = []
    for row in reader:
        if None in row:  # more cells than header columns
            raise ParseError(f"{name}: line {reader.line_num + 1} has more cells than the header")
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return published, rows


def _group_entity(group_id: str, rows: list[dict[str, str]]) -> Entity:
    first = next((r for r in rows if r.get("Alias Type", "").lower() in _PRIMARY), rows[0])
    group_type = first.get("Group Type", "").lower()
    other_info = " ".join(dict.fromkeys(r.get("Other Information", "") for r in rows)).strip()
    schema = _SCHEMA.get(group_type, "LegalEntity")
    imo = _IMO.search(other_info)
    if (
        schema == "Organization"
        and imo
        and (
            _MMSI.search(other_info) or "vessel" in other_info.lower() or "Annex XIV" in other_info
        )
    ):
        schema = "Vessel"
    entity = Entity(id=f"uk-{group_id}", schema=schema)
    entity.add("name", _name(first))
    if schema == "Person":
        entity.add("firstName", first.get("Name 1"))
        entity.add("middleName", [first.get(f"Name {i}") for i in (2, 3, 4, 5)])
        entity.add("lastName", first.get("Name 6"))
    for row in rows:
        _add_row(entity, row)
    if imo:
        entity.add("imoNumber", [m for m in _IMO.findall(other_info)])
    if schema == "Vessel":
        entity.add("mmsi", _MMSI.findall(other_info))
    entity.listings.append(_listing(group_id, rows, other_info))
    return entity


def _add_row(entity: Entity, row: dict[str, str]) -> None:
    alias_type = row.get("Alias Type", "").lower()
    quality = row.get("Alias Quality", "").lower()
    name = _name(row)
    if alias_type in _PRIMARY:
        entity.add("alias" if name not in entity.get("name") else "name", name)
    elif alias_type == "fka":
        entity.add("previousName", name)
    elif "low" in quality:
        entity.add("weakAlias", name)
    else:
        entity.add("alias", name)
    entity.add("alias", row.get("Name Non-Latin Script"))
    entity.add("title", _split_enumeration(row.get("Title", "")))
    entity.add("birthDate", parse_dmy(row.get("DOB")))
    town, country = row.get("Town of Birth", ""), row.get("Country of Birth", "")
    entity.add("birthPlace", ", ".join(p for p in (town, country) if p) or None)
    if country:
        _countries(entity, "birthCountry", country, keep_unknown=False)
    if row.get("Nationality"):
        _countries(entity, "nationality", row["Nationality"])
    entity.add("position", row.get("Position"))
    entity.add("passportNumber", row.get("Passport Number"))
    entity.add("idNumber", row.get("National Identification Number"))
    # Older files give documents only as free text; keep it, and pick out the numbers.
    for column, prop, typed in (
        ("Passport Details", "passportNumber", "Passport Number"),
        ("NI Number", "idNumber", None),
        ("National Identification Details", "idNumber", "National Identification Number"),
    ):
        text = row.get(column)
        if text:
            entity.add("notes", f"{column}: {text}")
            if not (typed and row.get(typed)):
                entity.add(prop, document_numbers(text))
    address = [row.get(f"Address {i}", "") for i in range(1, 7)]
    address += [row.get("Post/Zip Code", ""), row.get("Country", "")]
    full = ", ".join(p for p in address if p)
    if full and full != row.get("Country"):
        entity.add("address", full)
    if row.get("Country"):
        entity.add("country", to_code(row["Country"]) or row["Country"])


def _dates(rows: Iterable[dict[str, str]], column: str) -> list[str]:
    return sorted(filter(None, (parse_dmy(r.get(column)) for r in rows)))


def _listing(group_id: str, rows: list[dict[str, str]], other_info: str) -> Listing:
    listed = _dates(rows, "Listed On")
    updated = _dates(rows, "Last Updated")
    references = [group_id]
    for row in rows:
        ref = row.get("UK Sanctions List Ref")
        if ref and ref not in references:
            references.append(ref)
    listing = Listing(
        list=LIST_ID,
        programs=list(dict.fromkeys(r["Regime"] for r in rows if r.get("Regime"))),
        listed_on=listed[0] if listed else None,
        reference=references,
        remarks=other_info or None,
        source_url=URL,
    )
    if updated:
        listing.extra["last_updated"] = updated[-1]
    designated = _dates(rows, "UK Sanctions List Date Designated")
    if designated:
        listing.extra["uk_sanctions_list_designated"] = designated[0]
    return listing


def parse_uk(data: bytes, name: str = "sanctionsconlist.csv") -> ParsedList:
    """Parse the bytes of an OFSI consolidated list CSV into one entity per Group ID."""
    text = decode_text(data, name, ("utf-8", "cp1252"))
    published, rows = _rows(text, name)
    groups: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        group_id = row.get("Group ID", "")
        if not group_id:
            if not any(row.values()):
                continue
            raise ParseError(f"{name}: a row for {_name(row)!r} has no Group ID")
        groups.setdefault(group_id, []).append(row)
    if not groups:
        raise EmptySourceError(f"{name}: the list holds no rows")
    entities = [_group_entity(gid, group) for gid, group in groups.items()]
    return ParsedList(source=UKSource.name, entities=entities, published=published)


@register
class UKSource(Source):
    """HM Treasury / OFSI Consolidated List of financial sanctions targets."""

    name = "uk"
    title = "UK HM Treasury / OFSI Consolidated List"
    publisher = "HM Treasury, Office of Financial Sanctions Implementation"
    # OFSI retired this list on 28 January 2026 (the FCDO UK Sanctions List replaced
    # it): files are imported from disk (``tamis update --from``), not downloaded.
    urls: ClassVar[dict[str, str]] = {}
    required_files = ("ConList.csv",)
    lists = (LIST_ID,)

    def find_files(self, directory: Path) -> dict[str, Path]:
        """Accept both official file names (older ``sanctionsconlist.csv``)."""
        for path in sorted(directory.iterdir()):
            key = path.name.lower().removesuffix(".gz")
            if key in ("conlist.csv", "sanctionsconlist.csv"):
                return {"ConList.csv": path}
        return {}

    def parse(self, files: dict[str, Path]) -> ParsedList:
        if "ConList.csv" not in files:
            raise ParseError("UK list: no ConList.csv / sanctionsconlist.csv given")
        path = files["ConList.csv"]
        parsed = parse_uk(read_bytes(path), path.name)
        parsed.files = dict(files)
        return parsed
