"""CSV reading shared by the DoD list files: UTF-8, header checked by name, ISO dates."""

from __future__ import annotations

import csv
import io
import re

from tamis.errors import ParseError
from tamis.sources.common import decode_text, parse_date


def slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "x"


def read_csv(data: bytes, name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV whose header must contain ``columns``."""
    text = decode_text(data, name)
    try:
        return _read_rows(text, name, columns)
    except csv.Error as exc:  # e.g. a quoted field cut off by a truncated download
        raise ParseError(f"{name}: malformed CSV ({exc})") from exc


def _read_rows(text: str, name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text), strict=True)
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in columns if c not in header]
    if missing:
        raise ParseError(f"{name}: header lacks {', '.join(missing)} (found {', '.join(header)})")
    reader.fieldnames = header
    rows = []
    for row in reader:
        if None in row:
            raise ParseError(f"{name}: line {reader.line_num} has more cells than the header")
        if None in row.values():
            raise ParseError(f"{name}: line {reader.line_num} has fewer cells than the header")
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return rows


def strict_date(value: str, name: str, what: str) -> str | None:
    """An ISO date, None when blank; anything else is a :class:`ParseError`."""
    if not value:
        return None
    parsed = parse_date(value)
    if parsed is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ParseError(f"{name}: {what} {value!r} is not an ISO date (YYYY-MM-DD)")
    return parsed
