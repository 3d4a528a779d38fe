"""Server settings: defaults, then a TOML file, then ``TAMIS_*`` environment variables.

The file is named by ``--config`` or ``TAMIS_CONFIG``. Its keys are the field
names below, at the top level or inside a ``[server]`` table::

    open_screening = true
    rate_limit = 50          # requests per second per key (0: no limit)
    rate_burst = 100
    cors_origins = ["https://refine.example.org"]
    max_body_bytes = 2_000_000
    batch_cap = 1000

Each field can also be set by the environment variable ``TAMIS_<FIELD>`` in
upper case (``TAMIS_OPEN_SCREENING=1``, ``TAMIS_CORS_ORIGINS=a,b``), which wins
over the file. Worker processes started by ``tamis serve --workers N`` read the
same environment, so every worker sees the same settings.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from tamis.errors import InputError

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@dataclass
class Settings:
    """Everything the HTTP service can be configured with."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    #: database URL; empty: ``TAMIS_DATABASE_URL`` / the SQLite file in ``TAMIS_HOME``
    database_url: str = ""
    #: screening endpoints answer without an API key
    open_screening: bool = False
    #: token-bucket refill, requests per second per key (or per client address
    #: for open screening); 0 disables rate limiting
    rate_limit: float = 0.0
    rate_burst: int = 50
    #: origins allowed by CORS ("*" for any); empty: CORS headers are not sent
    cors_origins: list[str] = field(default_factory=list)
    #: largest request body accepted, in bytes
    max_body_bytes: int = 5_000_000
    #: most entities in one /screen/batch, /match or /reconcile request
    batch_cap: int = 1000
    #: default and largest ``limit`` of results per query
    default_limit: int = 5
    max_limit: int = 500
    #: seconds between checks of the store for new list versions (0: never)
    poll_seconds: float = 5.0
    #: indexes of past list versions kept for ``as_of`` screening (0: refuse such dates)
    history_indexes: int = 2
    #: import the bundled lists on start when the store holds none
    load_bundled: bool = True
    #: seconds a verified API key is trusted before the database is asked again
    key_cache_seconds: float = 5.0
    #: /metrics answers without an API key
    open_metrics: bool = True

    def database(self) -> str | None:
        return self.database_url or None


def _coerce(name: str, kind: Any, value: Any) -> Any:
    try:
        if kind in (bool, "bool"):
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
            raise ValueError(f"not a boolean: {value!r}")
        if kind in (int, "int"):
            if isinstance(value, bool):
                raise ValueError("not an integer")
            return int(value)
        if kind in (float, "float"):
            return float(value)
        if kind in ("list[str]",):
            if isinstance(value, str):
                return [part.strip() for part in value.split(",") if part.strip()]
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                return list(value)
            raise ValueError("expected a list of strings")
        return str(value)
    except (TypeError, ValueError) as exc:
        raise InputError(f"setting {name}: {exc}") from None


def load_settings(
    config_file: str | Path | None = None,
    environ: dict[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build :class:`Settings` from the file, the environment and explicit overrides."""
    env = os.environ if environ is None else environ
    kinds = {f.name: f.type for f in fields(Settings)}
    values: dict[str, Any] = {}
    path = config_file or env.get("TAMIS_CONFIG")
    if path:
        values.update(_read_file(Path(path), kinds))
    for name, kind in kinds.items():
        key = f"TAMIS_{name.upper()}"
        if key in env:
            values[name] = _coerce(key, kind, env[key])
    for name, value in overrides.items():
        if value is not None:
            values[name] = _coerce(name, kinds[name], value)
    settings = Settings(**values)
    _check(settings)
    return settings


def _read_file(path: Path, kinds: dict[str, Any]) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"config file {path} does not exist") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"config file {path} is not valid TOML: {exc}") from None
    table = data.pop("server", {})
    if not isinstance(table, dict):
        raise InputError(f"config file {path}: [server] must be a table")
    merged = {**data, **table}
    unknown = sorted(set(merged) - set(kinds))
    if unknown:
        raise InputError(f"config file {path}: unknown settings {unknown}; known: {sorted(kinds)}")
    return {name: _coerce(name, kinds[name], value) for name, value in merged.items()}


def _check(settings: Settings) -> None:
    if not 0 < settings.port < 65536:
        raise InputError(f"port must be between 1 and 65535, got {settings.port}")
    if settings.workers < 1:
        raise InputError(f"workers must be at least 1, got {settings.workers}")
    for name in ("batch_cap", "max_body_bytes", "default_limit", "max_limit"):
        if getattr(settings, name) < 1:
            raise InputError(f"{name} must be at least 1")
    if settings.rate_limit < 0 or settings.rate_burst < 1:
        raise InputError("rate_limit must be >= 0 and rate_burst >= 1")
    if settings.default_limit > settings.max_limit:
        raise InputError("default_limit must not exceed max_limit")


def to_environ(settings: Settings) -> dict[str, str]:
    """The environment variables that reproduce ``settings`` (for worker processes)."""
    out: dict[str, str] = {}
    for f in fields(Settings):
        value = getattr(settings, f.name)
        if isinstance(value, list):
            out[f"TAMIS_{f.name.upper()}"] = ",".join(value)
        elif isinstance(value, bool):
            out[f"TAMIS_{f.name.upper()}"] = "1" if value else "0"
        else:
            out[f"TAMIS_{f.name.upper()}"] = str(value)
    return out
