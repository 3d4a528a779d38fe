"""Settings come from defaults, a TOML file, then TAMIS_* variables, then flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from tamis.api.settings import load_settings, to_environ
from tamis.errors import InputError


def test_file_then_environment_then_overrides(tmp_path: Path) -> None:
    config = tmp_path / "tamis.toml"
    config.write_text(
        'rate_limit = 5\ncors_origins = ["https://a.example"]\n'
        "[server]\nport = 9000\nopen_screening = true\n"
    )
    settings = load_settings(config, environ={"TAMIS_PORT": "9100", "TAMIS_BATCH_CAP": "50"})
    assert settings.port == 9100 and settings.batch_cap == 50
    assert settings.rate_limit == 5.0 and settings.open_screening is True
    assert settings.cors_origins == ["https://a.example"]
    assert load_settings(config, environ={}, port=9200).port == 9200
    via_env = load_settings(environ={"TAMIS_CONFIG": str(config)})
    assert via_env.port == 9000
    assert load_settings(environ=to_environ(settings)) == settings


@pytest.mark.parametrize(
    "text",
    [
        "port = 'x'",
        "colour = 'red'",
        "port = 0",
        "[[server]]",
        "workers = 0",
        "open_screening = 'maybe'",
    ],
)
def test_bad_settings_are_input_errors(tmp_path: Path, text: str) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(text + "\n")
    with pytest.raises(InputError):
        load_settings(config, environ={})


def test_missing_file_and_bad_environment() -> None:
    with pytest.raises(InputError, match="does not exist"):
        load_settings("/nonexistent/tamis.toml", environ={})
    with pytest.raises(InputError, match="TAMIS_RATE_LIMIT"):
        load_settings(environ={"TAMIS_RATE_LIMIT": "fast"})
