"""US Consolidated Screening List (trade.gov): ``consolidated.csv`` or ``consolidated.json``.

The CSL merges thirteen lists of three departments. Each row's ``source`` names
its list ("Entity List (EL) - Bureau of Industry and Security"); the code in
parentheses picks the tamis list id (``csl_el``), so each list stays separate.

Multi-valued CSV cells are "; "-separated. ``ids`` holds "Type, Number, Country"
triples in the current file and "Country, Number, Type" in the pre-2020 layout
(recognised by its header, which lacks ``_id``). The JSON variant
(``{"results": [...]}``) carries the same fields as lists and objects.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path
from typing import Any

import orjson

from tamis.errors import EmptySourceError, ParseError
from tamis.model import Entity, Listing
from tamis.sources.base import ParsedList, Source, register
from tamis.sources.common import decode_text, parse_date, read_bytes
from tamis.sources.countries import to_code
from tamis.sources.csl_ids import add_identifiers, split_id

URL = "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"
JSON_URL = "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json"

#: source code (in parentheses in the ``source`` column) -> list id
LIST_IDS = {
    "SDN": "csl_sdn",
    "EL": "csl_el",
    "MEU": "csl_meu",
    "UVL": "csl_uvl",
    "DPL": "csl_dpl",
    "ISN": "csl_isn",
    "DTC": "csl_dtc",
    "FSE": "csl_fse",
    "SSI": "csl_ssi",
    "PLC": "csl_plc",
    "CAP": "csl_cap",
    "CMIC": "csl_cmic",
    "NS-MBS": "csl_ns_mbs",
}
_REQUIRED = (
    "source",
    "entity_number",
    "type",
    "programs",
    "name",
    "addresses",
    "start_date",
    "end_date",
    "alt_names",
    "ids",
)
_SCHEMA = {
    "individual": "Person",
    "entity": "Organization",
    "vessel": "Vessel",
    "aircraft": "Airplane",
}
_EXTRA = (
    "federal_register_notice",
    "standard_order",
    "license_requirement",
    "license_policy",
    "source_information_url",
)


def list_id(source: str) -> str:
    """``"Entity List (EL) - Bureau of Industry and Security"`` -> ``"csl_el"``."""
    match = re.search(r"\(([^()]+)\)", source)
    words = (match[1] if match else source).split()
    code = words[0].upper() if words else ""
    if code in LIST_IDS:
        return LIST_IDS[code]
    return "csl_" + re.sub(r"[^a-z0-9]+", "_", code.lower()).strip("_")


def _split(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list):
        return [v for v in value if v not in (None, "")]
    return [part.strip() for part in str(value).split(";") if part.strip()]


def _code(value: Any) -> str:
    """A country code or name -> lower-case ISO code (the text itself when unknown)."""
    text = str(value or "").strip()
    return to_code(text) or text


def _address(value: Any) -> tuple[str | None, str | None]:
    """An address as text plus its country code (the last item of a CSV address).

    An address that is only a country code gives no text.
    """
    if isinstance(value, dict):
        parts = [value.get(k) for k in ("address", "city", "state", "postal_code", "country")]
        text = ", ".join(str(p).strip() for p in parts if p and str(p).strip())
        country = value.get("country")
    else:
        text = str(value).strip()
        last = text.rsplit(",", 1)[-1].strip()
        country = last if re.fullmatch(r"[A-Z]{2}", last) else None
    if country and text == country:
        return None, country.lower()
    return text or None, (country.lower() if country else None)


def _identity(record: dict[str, Any], code: str) -> str:
    number = str(record.get("entity_number") or "").strip()
    key = number or str(record.get("_id") or record.get("id") or "").strip()
    if not key:
        basis = "|".join(str(record.get(k) or "") for k in ("source", "name", "start_date"))
        key = hashlib.sha1(basis.encode()).hexdigest()[:16]
    return f"{code.replace('_', '-')}-{key}"


def _entity(record: dict[str, Any], legacy_ids: bool) -> Entity:
    source = str(record.get("source") or "").strip()
    name = " ".join(str(record.get("name") or "").split())
    if not source or not name:
        raise ParseError(f"CSL record without source or name: {str(record)[:120]}")
    lid = list_id(source)
    kind = str(record.get("type") or "").strip().lower()
    entity = Entity(id=_identity(record, lid), schema=_SCHEMA.get(kind, "LegalEntity"))
    entity.add("name", name)
    entity.add("alias", [str(a) for a in _split(record.get("alt_names"))])
    if record.get("title"):
        entity.add("position", str(record["title"]))
    for value in _split(record.get("addresses")):
        text, country = _address(value)
        entity.add("address", text)
        entity.add("country", country)
    entity.add("citizenship", [_code(c) for c in _split(record.get("citizenships"))])
    entity.add("nationality", [_code(c) for c in _split(record.get("nationalities"))])
    for dob in _split(record.get("dates_of_birth")):
        entity.add("birthDate", parse_date(str(dob)) or str(dob))
    entity.add("birthPlace", [str(p) for p in _split(record.get("places_of_birth"))])
    if entity.schema == "Vessel":
        entity.add("callSign", record.get("call_sign"))
        entity.add("type", record.get("vessel_type"))
        entity.add("tonnage", record.get("gross_tonnage") or record.get("gross_registered_tonnage"))
        entity.add("flag", _code(record.get("vessel_flag")) or None)
        if record.get("vessel_owner"):
            entity.add("notes", f"owner: {record['vessel_owner']}")
    listing = Listing(
        list=lid,
        programs=[str(p) for p in _split(record.get("programs"))],
        listed_on=parse_date(str(record.get("start_date") or "")),
        delisted_on=parse_date(str(record.get("end_date") or "")),
        reference=[str(record["entity_number"])] if record.get("entity_number") else [],
        remarks=str(record.get("remarks") or "").strip() or None,
        source_url=str(record.get("source_list_url") or "").strip() or None,
    )
    for key in _EXTRA:
        if record.get(key):
            listing.extra[key] = str(record[key]).strip()
    ids = [split_id(v, legacy_ids) if isinstance(v, str) else v for v in _split(record.get("ids"))]
    add_identifiers(entity, listing, ids)
    if not listing.listed_on and listing.extra.get("cmic_listing_date"):
        listing.listed_on = parse_date(listing.extra["cmic_listing_date"])
    entity.listings.append(listing)
    return entity


def _csv_records(text: str, name: str) -> tuple[list[dict[str, Any]], bool]:
    try:
        return _read_csv(text, name)
    except csv.Error as exc:  # e.g. a quoted field cut off by a truncated download
        raise ParseError(f"{name}: malformed CSV ({exc})") from exc


def _read_csv(text: str, name: str) -> tuple[list[dict[str, Any]], bool]:
    reader = csv.DictReader(io.StringIO(text), strict=True)
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [col for col in _REQUIRED if col not in header]
    if missing:
        raise ParseError(
            f"{name}: not a Consolidated Screening List CSV: header lacks {', '.join(missing)}"
        )
    reader.fieldnames = header
    records = []
    for row in reader:
        if None in row:
            raise ParseError(f"{name}: line {reader.line_num} has more cells than the header")
        if None in row.values():
            raise ParseError(f"{name}: line {reader.line_num} has fewer cells than the header")
        if row.get("source") == "source":  # a repeated header line
            continue
        records.append(row)
    return records, "_id" not in header


def _json_records(data: bytes, name: str) -> list[dict[str, Any]]:
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise ParseError(f"{name}: not valid JSON ({exc})") from exc
    results = document.get("results") if isinstance(document, dict) else None
    if not isinstance(results, list) or not all(isinstance(r, dict) for r in results):
        raise ParseError(f"{name}: expected an object with a 'results' list of records")
    return results


def parse_csl(data: bytes, name: str = "consolidated.csv") -> ParsedList:
    """Parse a CSL CSV or JSON file (told apart by the first non-blank byte)."""
    text = decode_text(data, name)  # UTF-8 only; raises on bad bytes or an empty file
    if text.lstrip()[:1] in ("{", "["):
        records, legacy = _json_records(text.encode(), name), False
    else:
        records, legacy = _csv_records(text, name)
    if not records:
        raise EmptySourceError(f"{name}: the list holds no records")
    entities: list[Entity] = []
    seen: dict[str, int] = {}
    warnings: list[str] = []
    for record in records:
        entity = _entity(record, legacy)
        count = seen.get(entity.id, 0)
        seen[entity.id] = count + 1
        if count:
            entity.id = f"{entity.id}-{count + 1}"
        if entity.listings[0].list not in LIST_IDS.values():
            warnings.append(
                f"unknown CSL source {record.get('source')!r} kept as {entity.listings[0].list}"
            )
        entities.append(entity)
    dates = [ls.listed_on for e in entities for ls in e.listings if ls.listed_on]
    published = max(dates) if dates else None
    warnings.insert(
        0,
        f"{name} carries no publication date; the latest listing date "
        f"({published}) is used instead",
    )
    return ParsedList(
        source=CSLSource.name,
        entities=entities,
        published=published,
        warnings=list(dict.fromkeys(warnings)),
    )


@register
class CSLSource(Source):
    """US Consolidated Screening List (Commerce, State and Treasury lists)."""

    name = "us_csl"
    title = "US Consolidated Screening List"
    publisher = "US International Trade Administration (trade.gov)"
    urls = {"consolidated.csv": URL}
    required_files = ("consolidated.csv",)
    lists = tuple(LIST_IDS.values())

    def find_files(self, directory: Path) -> dict[str, Path]:
        """``consolidated.csv``, else ``consolidated.json`` (same content as JSON)."""
        for wanted in ("consolidated.csv", "consolidated.json"):
            for path in sorted(directory.iterdir()):
                if path.name.lower().removesuffix(".gz") == wanted:
                    return {"consolidated.csv": path}
        return {}

    def parse(self, files: dict[str, Path]) -> ParsedList:
        path = files["consolidated.csv"]
        parsed = parse_csl(read_bytes(path), path.name)
        parsed.files = dict(files)
        return parsed
