"""The screening service over HTTP (FastAPI).

    from tamis.api import create_app, load_settings
    app = create_app(load_settings(open_screening=True))

See :mod:`tamis.api.app` for the application and :mod:`tamis.api.settings`
for configuration. Names are imported on first use, so that ``tamis keys``
does not load the web stack.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Settings", "create_app", "load_settings"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from tamis.api.app import create_app

        return create_app
    if name in ("Settings", "load_settings"):
        from tamis.api import settings

        return getattr(settings, name)
    raise AttributeError(name)
