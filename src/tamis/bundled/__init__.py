"""The newest snapshot of every official list, shipped inside the package (gzip-compressed).

Each sub-directory is named after its source (:attr:`tamis.sources.base.Source.name`)
and holds that source's files, so tamis works with no network.
:func:`tamis.store.bundled.load_bundled` imports them into the store.
"""

from __future__ import annotations

from pathlib import Path

BUNDLED_DIR = Path(__file__).parent


def bundled_dirs() -> dict[str, Path]:
    """Source name -> directory of its bundled files."""
    return {
        path.name: path
        for path in sorted(BUNDLED_DIR.iterdir())
        if path.is_dir() and not path.name.startswith(("_", "."))
    }
