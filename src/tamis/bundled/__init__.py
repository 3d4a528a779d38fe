"""The newest snapshot of every official list, shipped inside the package (gzip-compressed).

Each sub-directory is named after its source (:attr:`tamis.sources.base.Source.name`)
and holds that source's files, so tamis works with no network.
:func:`tamis.store.bundled.load_bundled` imports them into the store.
"""

from __future__ import annotations

from pathlib import Path

BUNDLED_DIR = Path(__file__).parent

#: when each bundled snapshot was taken from its publisher (its fetch date in the
#: store; the publication date found inside a file, when it has one, still counts)
SNAPSHOT_DATES: dict[str, str] = {
    "ofac_sdn": "2024-05-03",
    "ofac_cons": "2025-06-30",
    "un": "2025-04-19",
    "canada": "2025-05-25",
    "uk": "2018-04-13",
    "eu": "2016-02-11",
    "us_csl": "2023-11-30",
    "dod": "2025-01-07",
}


def bundled_dirs() -> dict[str, Path]:
    """Source name -> directory of its bundled files."""
    return {
        path.name: path
        for path in sorted(BUNDLED_DIR.iterdir())
        if path.is_dir() and not path.name.startswith(("_", "."))
    }
