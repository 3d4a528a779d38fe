"""The screening service over HTTP (FastAPI).

    from tamis.api import create_app, load_settings
    app = create_app(load_settings(open_screening=True))

See :mod:`tamis.api.app` for the application and :mod:`tamis.api.settings`
for configuration.
"""

from tamis.api.app import create_app
from tamis.api.settings import Settings, load_settings

__all__ = ["Settings", "create_app", "load_settings"]
