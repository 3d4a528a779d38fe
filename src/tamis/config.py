"""Where tamis keeps its data and how it reaches its database.

``TAMIS_HOME`` sets the data directory (default ``~/.local/share/tamis``);
``TAMIS_DATABASE_URL`` overrides the database (default: SQLite file
``$TAMIS_HOME/tamis.db``), e.g. ``postgresql+psycopg://user@host/db``.
"""

from __future__ import annotations

import os
from pathlib import Path


def home() -> Path:
    path = Path(os.environ.get("TAMIS_HOME") or Path.home() / ".local" / "share" / "tamis")
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url() -> str:
    url = os.environ.get("TAMIS_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{home() / 'tamis.db'}"
