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


def pytest_sessionstart(session: pytest.Session) -> None:
    """Refuse to test an old compiled build: Python would import it instead of the
    edited source beside it, and the tests would pass or fail on yesterday's code."""
    from tamis.native import stale_builds

    stale = stale_builds()
    if stale:
        names = ", ".join(str(path.name) for path in stale)
        pytest.exit(
            f"compiled modules are older than their sources ({names}): run `make venv` "
            "(or `pip install -e .`) to compile them again",
            returncode=2,
        )


@pytest.fixture
def tamis_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data directory with the default SQLite store inside it."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("TAMIS_HOME", str(home))
    monkeypatch.delenv("TAMIS_DATABASE_URL", raising=False)
    return home


# -- PostgreSQL: a real server started for the test session ------------------------------

import os  # noqa: E402
import shutil  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import uuid  # noqa: E402
from collections.abc import Iterator  # noqa: E402


def _pg_bindir() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """Start a throw-away PostgreSQL server on a free loopback port for the session.

    Yields the base URL ``postgresql+psycopg://postgres@127.0.0.1:PORT``. Runs
    ``initdb`` and ``pg_ctl`` as the ``postgres`` user when the suite runs as root.
    """
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip(
            "PostgreSQL server binaries not found under /usr/lib/postgresql "
            "(Debian package: postgresql)"
        )
    as_user: list[str] = []
    workdir = Path(tempfile.mkdtemp(prefix="tamis-pg-"))
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(workdir, "postgres", "postgres")
    data, log = workdir / "data", workdir / "server.log"
    port = _free_port()
    run = dict(check=True, capture_output=True, timeout=120)
    subprocess.run(
        [
            *as_user,
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        ],
        **run,
    )
    subprocess.run(
        [
            *as_user,
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(log),
            "-w",
            "-o",
            f"-p {port} -h 127.0.0.1 -k {workdir} -c fsync=off",
            "start",
        ],
        **run,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            # immediate: the data is thrown away, so skip the shutdown checkpoint
            [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
            capture_output=True,
            timeout=120,
        )
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_url(postgres_server: str) -> str:
    """URL of the database ``tamis`` on the session's PostgreSQL server."""
    _create_database(postgres_server, "tamis")
    return f"{postgres_server}/tamis"


def _create_database(server: str, name: str) -> None:
    import psycopg

    dsn = server.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


@pytest.fixture
def fresh_postgres_url(postgres_server: str) -> Iterator[str]:
    """A new, empty database on the session's server (one per test, dropped after it)."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    _create_database(postgres_server, name)
    yield f"{postgres_server}/{name}"
    dsn = postgres_server.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store database, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return request.getfixturevalue("fresh_postgres_url")


@pytest.fixture
def store(store_url: str):  # type: ignore[no-untyped-def]
    """An empty :class:`tamis.store.Store` on each backend."""
    from tamis.store import open_store

    opened = open_store(store_url)
    try:
        yield opened
    finally:
        opened.close()
