"""OFAC's legacy CSV sets: sdn.csv / add.csv / alt.csv / sdn_comments.csv and the
consolidated cons_prim.csv / cons_add.csv / cons_alt.csv / cons_comments.csv.

Both sets share one layout (OFAC's data specification): no header row, ``-0-`` for
an empty value, CRLF line ends and a trailing 0x1A byte. The main file has 12
columns (ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type,
Tonnage, GRT, Vess_flag, Vess_owner, Remarks); the address file 6 (Ent_num,
Add_num, Address, City/State/Province/Postal Code, Country, Add_remarks); the
alternate-name file 5 (ent_num, alt_num, alt_type, alt_name, alt_remarks); the
spillover file 2 (ent_num, the rest of a Remarks field cut at 1,000 characters).
A row with another column count is a :class:`~tamis.errors.ParseError` naming the
file and line.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from tamis.errors import EmptySourceError, ParseError
from tamis.model import Entity, Listing
from tamis.sources.common import decode_text
from tamis.sources.countries import country_code
from tamis.sources.ofac_common import (
    address_line,
    apply_facts,
    check_number,
    entity_id,
    entity_schema,
    gc_paused,
    read_file,
    split_person_name,
    split_programs,
)
from tamis.sources.ofac_remarks import parse_remarks

MAIN_COLUMNS = 12
ADD_COLUMNS = 6
ALT_COLUMNS = 5
COMMENT_COLUMNS = 2

_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x19\x1b-\x1f]")

#: alt_type -> property
ALT_PROPS = {"aka": "alias", "fka": "previousName", "nka": "alias"}


@dataclass
class CsvSet:
    """The files of one legacy CSV set (only ``main`` is required)."""

    main: Path
    add: Path | None = None
    alt: Path | None = None
    comments: Path | None = None


#: OFAC's null value, and blank cells
_NULLS = frozenset(("", "-0-"))


def read_rows(
    path: Path, columns: int, *, allow_empty: bool = False, raw_last: bool = False
) -> list[tuple[int, list[str | None]]]:
    """(line number, cells) of a legacy OFAC CSV file; ``-0-`` and blanks become None.

    UTF-8 is tried first, then cp1252 (OFAC's files are effectively ASCII). A NUL or
    other control byte (besides tab, CR, LF and the final 0x1A) means the file is
    not text at all.
    """
    data = read_file(path)
    if allow_empty and not data.strip(b"\x1a \r\n\t"):
        return []
    binary = _CONTROL_BYTES.search(data)
    if binary:
        raise ParseError(
            f"{path.name}: binary data (byte {binary.group()!r} at offset {binary.start()}), "
            "not CSV text"
        )
    text = decode_text(data, path.name, ("utf-8", "cp1252"))
    rows: list[tuple[int, list[str | None]]] = []
    reader = csv.reader(io.StringIO(text))
    try:
        for row in reader:
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            if len(row) != columns:
                raise ParseError(
                    f"{path.name}, line {reader.line_num}: expected {columns} columns, "
                    f"found {len(row)}"
                )
            cells = [None if (c := cell.strip()) in _NULLS else c for cell in row]
            if raw_last:  # a spillover continues the remarks mid-text: keep its spaces
                cells[-1] = row[-1] if row[-1].strip() not in ("", "-0-") else None
            rows.append((reader.line_num, cells))
    except csv.Error as exc:
        raise ParseError(f"{path.name}, line {reader.line_num}: {exc}") from exc
    return rows


def _spillover(files: CsvSet) -> dict[str, str]:
    out: dict[str, str] = {}
    if files.comments is None:
        return out
    rows = read_rows(files.comments, COMMENT_COLUMNS, allow_empty=True, raw_last=True)
    for line, row in rows:
        number = check_number(row[0] or "", f"{files.comments.name}, line {line}")
        out[number] = out.get(number, "") + (row[1] or "")
    return out


def parse_csv_set(files: CsvSet, list_id: str, source_url: str | None = None) -> list[Entity]:
    """Entities (one per main-file row, in file order) with their single listing."""
    with gc_paused():
        return _parse_csv_set(files, list_id, source_url)


def _parse_csv_set(files: CsvSet, list_id: str, source_url: str | None) -> list[Entity]:
    spill = _spillover(files)
    entities: dict[str, Entity] = {}
    for line, row in read_rows(files.main, MAIN_COLUMNS):
        where = f"{files.main.name}, line {line}"
        number = check_number(row[0] or "", where)
        if number in entities:
            raise ParseError(f"{where}: record {number} appears twice")
        name = row[1]
        if not name:
            raise ParseError(f"{where}: record {number} has no name")
        entities[number] = _entity(number, name, row, spill.get(number), list_id, source_url, where)
    if not entities:
        raise EmptySourceError(f"{files.main.name}: the file holds no records")
    if files.add is not None:
        _add_addresses(files.add, entities)
    if files.alt is not None:
        _add_aliases(files.alt, entities)
    return list(entities.values())


def _entity(
    number: str,
    name: str,
    row: list[str | None],
    spill: str | None,
    list_id: str,
    source_url: str | None,
    where: str,
) -> Entity:
    (_, _, sdn_type, program, title, call_sign, vess_type, tonnage, grt, flag, owner, remarks) = row
    if spill:
        remarks = (remarks or "") + spill
    facts = parse_remarks(remarks, title)
    schema = entity_schema(sdn_type, name, facts, where)
    entity = Entity(id=entity_id(number), schema=schema)
    entity.add("name", name)
    if schema == "Person":
        last, first = split_person_name(name)
        entity.add("lastName", last)
        entity.add("firstName", first)
    if title:
        entity.add("position", title)
    if schema == "Vessel":
        entity.add("callSign", call_sign)
        entity.add("type", vess_type)
        entity.add("tonnage", tonnage)
        entity.add("grossRegisteredTonnage", grt)
        if flag and flag.lower() not in ("none identified", "unknown"):
            code = country_code(flag)
            entity.add("flag" if code else "notes", code or f"Vessel flag {flag}")
        entity.add("owner", owner)
    listing = Listing(
        list=list_id,
        programs=split_programs(program),
        reference=[number],
        remarks=remarks,
        source_url=source_url,
    )
    apply_facts(entity, listing, facts)
    entity.listings.append(listing)
    return entity


def _add_addresses(path: Path, entities: dict[str, Entity]) -> None:
    for line, row in read_rows(path, ADD_COLUMNS):
        number = check_number(row[0] or "", f"{path.name}, line {line}")
        entity = entities.get(number)
        if entity is None:
            continue  # an address of a record not in this edition of the main file
        _, _, street, city, country, remarks = row
        text = address_line(street, city, country)
        if text and remarks:
            text = f"{text} ({remarks})"
        entity.add("address", text)
        entity.add("country", country_code(country) if country else None)


def _add_aliases(path: Path, entities: dict[str, Entity]) -> None:
    for line, row in read_rows(path, ALT_COLUMNS):
        where = f"{path.name}, line {line}"
        number = check_number(row[0] or "", where)
        entity = entities.get(number)
        if entity is None:
            continue
        _, _, alt_type, alt_name, _ = row
        kind = (alt_type or "").strip().lower().replace(".", "")
        if kind not in ALT_PROPS:
            raise ParseError(f"{where}: unknown alternate name type {alt_type!r}")
        entity.add(ALT_PROPS[kind], alt_name)
