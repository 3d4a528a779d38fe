"""Broken official files are refused with a clear message and the previous version kept.

The broken files are built from the real ones in tests/data/lists.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from tamis.errors import (
    EmptySourceError,
    EncodingError,
    ImportRefused,
    ParseError,
    SourceError,
    UnsafeXMLError,
)
from tamis.store import Store
from tamis.store.schema import Change, EntitySpan, Version

pytestmark = pytest.mark.slow

XXE = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
)
LAUGHS = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE CONSOLIDATED_LIST [\n'
    b' <!ENTITY lol "lol">\n'
    + b"".join(
        b' <!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>\n"
)


def _un_variants(original: bytes) -> dict[str, tuple[bytes, type[SourceError], str]]:
    body = original.split(b"?>", 1)[1]  # without the XML declaration
    first_name = original.index(b"<FIRST_NAME>") + len(b"<FIRST_NAME>")
    return {
        "truncated": (original[: len(original) // 2], ParseError, "not well-formed"),
        "not utf-8": (
            original[:first_name] + "JOS\u00c9 ".encode("latin-1") + original[first_name:],
            EncodingError,
            "(?i)not valid utf-8",
        ),
        "xxe": (
            XXE + body.replace(b"<FIRST_NAME>", b"<FIRST_NAME>&xxe;", 1),
            UnsafeXMLError,
            "entit",
        ),
        "billion laughs": (
            LAUGHS + body.replace(b"<FIRST_NAME>", b"<FIRST_NAME>&lol9;", 1),
            UnsafeXMLError,
            "entit",
        ),
        "empty": (b"", EmptySourceError, "empty"),
    }


def _snapshot(store: Store) -> tuple:
    """Versions and the row count of every table (imports write all or nothing)."""
    with store.engine.connect() as conn:
        counts = tuple(
            conn.execute(select(func.count()).select_from(table)).scalar()
            for table in (Version, EntitySpan, Change)
        )
    return store.versions(), store.data_version(), counts


def test_broken_xml_is_refused_and_nothing_changes(
    store: Store, lists_dir: Path, tmp_path: Path
) -> None:
    good = lists_dir / "un" / "consolidated.xml"
    store.import_source("un", good)
    before = _snapshot(store)
    for label, (content, error, message) in _un_variants(good.read_bytes()).items():
        bad = tmp_path / label.replace(" ", "_") / "consolidated.xml"
        bad.parent.mkdir()
        bad.write_bytes(content)
        with pytest.raises(error, match=message) as info:
            store.import_source("un", bad.parent)
        assert "consolidated.xml" in str(info.value) or "un" in str(info.value), label
        assert _snapshot(store) == before, label


def test_empty_and_cut_sdn_are_refused(store: Store, lists_dir: Path, tmp_path: Path) -> None:
    good = lists_dir / "ofac_sdn" / "sdn.csv"
    store.import_source("ofac_sdn", good)
    before = _snapshot(store)

    empty = tmp_path / "empty" / "sdn.csv"
    empty.parent.mkdir()
    empty.write_bytes(b"")
    with pytest.raises(EmptySourceError, match="empty"):
        store.import_source("ofac_sdn", empty.parent)
    assert _snapshot(store) == before

    lines = good.read_bytes().splitlines(keepends=True)
    cut = tmp_path / "cut" / "sdn.csv"
    cut.parent.mkdir()
    cut.write_bytes(b"".join(lines[: int(len(lines) * 0.4)]))  # 60% of the rows gone
    with pytest.raises(ImportRefused, match=r"would remove 89\d\d of 14965 entities \(60%"):
        store.import_source("ofac_sdn", cut.parent)
    assert _snapshot(store) == before
