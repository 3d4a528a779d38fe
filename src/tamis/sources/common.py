"""Helpers shared by the list parsers: reading bytes, decoding, safe XML, dates."""

from __future__ import annotations

import gzip
import re
import zlib
from datetime import date, datetime
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as _defused_fromstring

from tamis.errors import EmptySourceError, EncodingError, ParseError, UnsafeXMLError


def read_bytes(path: Path) -> bytes:
    """Read a file, transparently un-gzipping ``*.gz``."""
    data = path.read_bytes()
    if path.suffix == ".gz" or data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise ParseError(f"{path.name}: damaged gzip data ({exc})") from exc
    return data


def decode_text(data: bytes, name: str, encodings: tuple[str, ...] = ("utf-8",)) -> str:
    """Decode ``data`` trying ``encodings`` in order; strip BOM and a trailing 0x1A.

    Raises :class:`EncodingError` when no encoding fits and :class:`EmptySourceError`
    when nothing but whitespace remains.
    """
    text: str | None = None
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError as exc:
            last_error = exc
    if text is None:
        raise EncodingError(
            f"{name}: not valid {' or '.join(encodings)} text "
            f"(byte {last_error.start}: {data[last_error.start : last_error.start + 1]!r})"
        )
    text = text.lstrip("\ufeff").rstrip("\x1a")
    if not text.strip():
        raise EmptySourceError(f"{name}: the file is empty")
    return text


def parse_xml(data: bytes, name: str) -> Element:
    """Parse XML without resolving external entities or expanding declared ones."""
    if not data.strip():
        raise EmptySourceError(f"{name}: the file is empty")
    try:
        return _defused_fromstring(
            data, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException as exc:
        raise UnsafeXMLError(
            f"{name}: refused XML with entity declarations or external references ({exc})"
        ) from exc
    except Exception as exc:  # ElementTree.ParseError and friends
        raise ParseError(f"{name}: not well-formed XML ({exc})") from exc


def local(tag: str) -> str:
    """The local part of a namespaced ElementTree tag."""
    return tag.rsplit("}", 1)[-1]


_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}


def parse_date(value: str | None) -> str | None:
    """Turn the date spellings found in the lists into ISO (possibly partial) dates.

    Handles ``2021-06-03``, ``06/30/2025`` (US), ``13/04/2018`` (day first when
    unambiguous), ``03 Jun 2021``, ``Jun 2021``, ``1962``, and ISO datetimes.
    Returns None for anything it does not recognise.
    """
    if not value:
        return None
    value = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?", value)
    if m:
        return iso_date(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m:
        return f"{m[1]}-{m[2]}" if 1 <= int(m[2]) <= 12 else None
    m = re.fullmatch(r"(\d{4})", value)
    if m:
        return m[1]
    m = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", value)
    if m:
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        if a > 12:
            return iso_date(y, b, a)
        return iso_date(y, a, b)
    m = re.fullmatch(r"(\d{1,2})[ -]([A-Za-z]{3})[a-z]*\.?[ -](\d{4})", value)
    if m and m[2].lower() in _MONTHS:
        return iso_date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
    m = re.fullmatch(r"([A-Za-z]{3})[a-z]*\.? (\d{4})", value)
    if m and m[1].lower() in _MONTHS:
        return f"{m[2]}-{_MONTHS[m[1].lower()]:02d}"
    return None


def iso_date(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` for a day that exists, else None (31 February, month 13)."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def iso_now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")
