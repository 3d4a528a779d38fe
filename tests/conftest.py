"""Shared fixtures: paths to the list files shipped for tests, an isolated TAMIS_HOME."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
LISTS = DATA / "lists"
EVAL = DATA / "eval"


@pytest.fixture
def lists_dir() -> Path:
    return LISTS


@pytest.fixture
def tamis_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data directory with the default SQLite store inside it."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("TAMIS_HOME", str(home))
    monkeypatch.delenv("TAMIS_DATABASE_URL", raising=False)
    return home
