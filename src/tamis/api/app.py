"""The FastAPI application: routes, error handling, middleware, state.

``create_app()`` with no arguments reads :class:`Settings` from the
environment and the config file, opens the store and builds the index when
the server starts; it is the factory uvicorn workers call
(``uvicorn --factory tamis.api.app:create_app``). Tests pass their own
settings and service.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

from tamis import __version__
from tamis.api.errors import install_handlers
from tamis.api.keys import KeyStore
from tamis.api.metrics import ApiMetrics
from tamis.api.middleware import BodyLimit, Metrics
from tamis.api.ratelimit import RateLimiter
from tamis.api.routes import ops, reconcile, screen, yente
from tamis.api.settings import Settings, load_settings
from tamis.api.workers import READY_STATE_KEY
from tamis.service import ScreeningService
from tamis.store import Store, open_store

DESCRIPTION = """Sanctions and restricted-party screening.

* **yente-compatible** routes (`/match`, `/search`, `/entities`, `/catalog`, `/algorithms`)
  answer clients written for OpenSanctions' yente unchanged.
* **/reconcile/{dataset}** implements the W3C Reconciliation Service API 0.2 (OpenRefine).
* **/screen**, **/screen/batch**, **/lists**, **/changes**, **/entities/{id}/history** are
  tamis's own routes.

Send an API key as `Authorization: Bearer <key>` or `X-API-Key: <key>`. Every error
answer is JSON: `{"detail": ..., "status": ..., "errors": [...]}`.
"""


def create_app(
    settings: Settings | None = None,
    service: ScreeningService | None = None,
    update_runner: Callable[[Store, Sequence[str] | None], Any] | None = None,
) -> FastAPI:
    """The application; opens the store and builds a service unless one is given."""
    settings = settings or load_settings()
    if service is None:
        store = open_store(settings.database())
        service = ScreeningService(
            store,
            poll_seconds=settings.poll_seconds,
            load_bundled=settings.load_bundled,
            history_indexes=settings.history_indexes,
            freeze_heap=True,
        )
    owns_service = not service.ready

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[dict[str, Any]]:
        if owns_service:
            service.start(wait=False)
        try:
            # the supervisor of several workers deals connections to those ready
            yield {READY_STATE_KEY: lambda: service.ready}
        finally:
            if owns_service:
                service.stop()

    app = FastAPI(
        title="tamis screening service",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.service = service
    app.state.keys = KeyStore(service.store.engine, cache_seconds=settings.key_cache_seconds)
    app.state.limiter = RateLimiter(settings.rate_limit, settings.rate_burst)
    app.state.metrics = ApiMetrics(service)
    app.state.update_runner = update_runner
    install_handlers(app)
    for module in (yente, screen):
        app.include_router(module.router)
    app.include_router(reconcile.router)
    app.include_router(ops.open_router)
    app.include_router(ops.admin_router)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE", "OPTIONS"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type"],
            expose_headers=["Retry-After", "x-batch-size"],
            max_age=600,
        )
    if settings.open_screening:
        _document_open_screening(app)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(Metrics, metrics=app.state.metrics)
    return app


def _document_open_screening(app: FastAPI) -> None:
    """Mark the key as optional (``{}`` in ``security``) on the routes that are open."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        doc = generate()
        if not doc.get("x-open-screening"):
            for path_item in doc.get("paths", {}).values():
                for operation in path_item.values():
                    if not isinstance(operation, dict) or "admin" in operation.get("tags", []):
                        continue
                    security = operation.get("security")
                    if security and {} not in security:
                        security.append({})
            doc["x-open-screening"] = True
        return doc

    app.openapi = openapi  # type: ignore[method-assign]
