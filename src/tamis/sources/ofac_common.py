"""Pieces shared by OFAC's CSV and XML parsers: ids, schemata, names, programs.

OFAC's SDN list and its consolidated non-SDN list share one record-number space
(``ent_num`` in the CSV files, ``uid`` in the XML), so the entity id
``ofac-<number>`` names the same OFAC record on both lists.

Schema choice: individuals are ``Person``, vessels ``Vessel``, aircraft
``Airplane``. OFAC types every other record "entity"; it becomes a ``Company``
when its name carries a company legal form (LTD, LLC, JSC, GMBH, S.A., ...) or its
remarks describe a company (a "Target Type" naming a company or enterprise, ISINs,
equity tickers), and an ``Organization`` otherwise.
"""

from __future__ import annotations

import gc
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tamis.errors import ParseError
from tamis.model import Entity, Listing
from tamis.sources.common import read_bytes
from tamis.sources.ofac_remarks import RemarkFacts, join_values

#: where OFAC's Sanctions List Service publishes its files
BASE_URL = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports"

#: OFAC record type (lower case) -> schema; "entity" is refined by :func:`entity_schema`
SCHEMA_BY_TYPE: dict[str, str] = {
    "individual": "Person",
    "vessel": "Vessel",
    "aircraft": "Airplane",
    "entity": "Organization",
    "": "Organization",
}

_LEGAL_FORM = re.compile(
    r"(?:^|[\s,(])(?:CO|COMPANY|CORP|CORPORATION|INC|INCORPORATED|LTD|LIMITED|LLC|L\.L\.C|"
    r"LLP|PLC|GMBH|AG|S\.\s?A|SA|SAS|SARL|S\.?R\.?L|SRL|S\.?L|B\.?V|N\.?V|JSC|OJSC|PJSC|CJSC|"
    r"OAO|ZAO|OOO|PAO|AO|TOO|FZE|FZCO|FZC|FZ-LLC|DMCC|BHD|PTE|PTY|SPA|S\.P\.A|KG|AB|OY|"
    r"D\.?O\.?O|EOOD|OOD|S\.?R\.?O|SE|SDN|C\.?A|S\.?A\.?S|LIMITADA|LTDA|ENTERPRISES?|"
    r"HOLDINGS?|TRADING|INDUSTRIES|INDUSTRIAL|BANK|SOCIEDAD ANONIMA|C\.\s?V|S\.\s?C|"
    r"AKTSIONERNOE|OBSHCHESTVO|OBSCHESTVO|TOVARYSTVO|SPOLKA|SIRKETI|SHERKAT)(?:[\s.,)]|$)"
)
_COMPANY_HINTS = ("company", "enterprise", "financial institution", "bank")


def find_named_files(directory: Path, names: tuple[str, ...]) -> dict[str, Path]:
    """Case-insensitive match of ``names`` (optionally gzipped) in ``directory``."""
    wanted = {name.lower(): name for name in names}
    found: dict[str, Path] = {}
    for path in sorted(directory.iterdir()):
        key = path.name.lower().removesuffix(".gz")
        if key in wanted and path.is_file():
            found[wanted[key]] = path
    return found


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a list is built.

    Parsing creates hundreds of thousands of small, long-lived containers and no
    cycles; the collector's repeated scans of them cost a third of the parse time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_file(path: Path) -> bytes:
    """The file's bytes (un-gzipped); damaged gzip data is a :class:`ParseError`."""
    try:
        return read_bytes(path)
    except zlib.error as exc:
        raise ParseError(f"{path.name}: damaged gzip data ({exc})") from exc


def entity_id(number: str) -> str:
    return f"ofac-{number}"


def check_number(value: str, where: str) -> str:
    """OFAC record numbers are positive integers; anything else is a structural error."""
    text = value.strip()
    if not text.isdigit():
        if text.lower() in ("ent_num", "uid", "ent num"):
            raise ParseError(
                f"{where}: a header row; OFAC's files have none (is this the right file?)"
            )
        raise ParseError(f"{where}: record number {value!r} is not an integer")
    return str(int(text))


def entity_schema(sdn_type: str | None, name: str, facts: RemarkFacts, where: str) -> str:
    key = (sdn_type or "").strip().lower()
    if key not in SCHEMA_BY_TYPE:
        raise ParseError(f"{where}: unknown record type {sdn_type!r}")
    schema = SCHEMA_BY_TYPE[key]
    if schema != "Organization":
        return schema
    if _LEGAL_FORM.search(name.upper()):
        return "Company"
    props = facts.properties
    if props.get("isin") or props.get("ticker"):
        return "Company"
    for value in props.get("classification", []):
        if any(hint in value.lower() for hint in _COMPANY_HINTS):
            return "Company"
    return "Organization"


def split_programs(value: str | None) -> list[str]:
    """ "UKRAINE-EO13661] [RUSSIA-EO14024" -> ["UKRAINE-EO13661", "RUSSIA-EO14024"]."""
    if not value:
        return []
    out: list[str] = []
    for part in value.split("] ["):
        part = part.strip().strip("[]").strip()
        if part and part not in out:
            out.append(part)
    return out


def add_person_name(entity: Entity, last: str | None, first: str | None) -> None:
    """Names as OFAC writes them ("PUTIN, Vladimir Vladimirovich"), plus the parts."""
    last = (last or "").strip()
    first = (first or "").strip()
    entity.add("name", f"{last}, {first}" if last and first else last or first)
    entity.add("lastName", last or None)
    entity.add("firstName", first or None)


def split_person_name(name: str) -> tuple[str, str | None]:
    """ "PUTIN, Vladimir Vladimirovich" -> ("PUTIN", "Vladimir Vladimirovich")."""
    last, sep, first = name.partition(",")
    if not sep:
        return name.strip(), None
    return last.strip(), first.strip() or None


def apply_facts(entity: Entity, listing: Listing, facts: RemarkFacts) -> None:
    """Copy parsed remarks onto the entity and its listing."""
    for prop, values in facts.properties.items():
        entity.add(prop, values)
    if facts.listed_on and not listing.listed_on:
        listing.listed_on = facts.listed_on
    for key, value in facts.extra.items():
        for part in value.split(" | "):
            listing.extra[key] = join_values(listing.extra.get(key), part)


def address_line(*parts: str | None) -> str | None:
    """Join address parts with ", ", skipping blanks and repeats."""
    seen: list[str] = []
    for part in parts:
        text = " ".join((part or "").split())
        if text and text not in seen:
            seen.append(text)
    return ", ".join(seen) or None
