"""``tamis serve`` (the HTTP screening service) and ``tamis keys`` (its API keys)."""

from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from tamis.cli import app

keys_app = typer.Typer(
    help="Create, list and revoke API keys of the HTTP service.", no_args_is_help=True
)
app.add_typer(keys_app, name="keys")
console = Console()


@app.command()
def serve(
    host: str = typer.Option(None, help="Address to listen on [default: 127.0.0.1]"),
    port: int = typer.Option(None, help="Port [default: 8000]"),
    workers: int = typer.Option(None, help="Worker processes, each with its own index"),
    config: Path = typer.Option(
        None, "--config", envvar="TAMIS_CONFIG", help="TOML settings file (see tamis.api.settings)"
    ),
    open_screening: bool = typer.Option(
        None,
        "--open-screening/--closed-screening",
        help="Answer screening routes without an API key",
    ),
) -> None:
    """Run the HTTP screening service (yente-compatible, reconciliation, tamis routes)."""
    import uvicorn

    from tamis.api.settings import load_settings, to_environ
    from tamis.api.workers import balanced_workers_supported, listening_socket, run_balanced
    from tamis.store import open_store
    from tamis.store.bundled import load_bundled

    settings = load_settings(
        config, host=host, port=port, workers=workers, open_screening=open_screening
    )
    # worker processes rebuild the same settings from the environment
    os.environ.update(to_environ(settings))
    os.environ.pop("TAMIS_CONFIG", None)
    store = open_store(settings.database())
    if settings.load_bundled and not store.versions():
        console.print("[bold]Loading the bundled lists into the empty store...[/]")
        load_bundled(store, progress=True)
    store.close()
    options = {
        "factory": True,
        "host": settings.host,
        "port": settings.port,
        "workers": settings.workers,
        "log_level": "warning",
        "access_log": False,
        # a worker busy scoring (or rebuilding its index) on a loaded machine can
        # take seconds to answer the supervisor's ping; uvicorn's default of 5 s
        # would kill and restart it, failing requests while the new one loads
        "timeout_worker_healthcheck": 120,
    }
    balanced = None
    if settings.workers > 1 and balanced_workers_supported():
        # the supervisor deals connections out to the workers: see tamis.api.workers;
        # it listens before the banner, so that an address in use is reported, not announced
        uvicorn_config = uvicorn.Config("tamis.api.app:create_app", **options)
        listener = listening_socket(settings.host, settings.port, uvicorn_config.backlog)
        balanced = (uvicorn_config, listener)
    console.print(
        f"tamis serving on [bold]http://{settings.host}:{settings.port}[/] "
        f"(API docs at /docs, {settings.workers} worker(s), screening "
        f"{'open' if settings.open_screening else 'needs an API key'})"
    )
    if balanced is not None:
        run_balanced(*balanced)
    else:
        uvicorn.run("tamis.api.app:create_app", **options)


def _keystore():  # type: ignore[no-untyped-def]
    from tamis.api.keys import KeyStore
    from tamis.store import open_store

    return KeyStore(open_store().engine)


@keys_app.command("create")
def keys_create(
    role: str = typer.Option(..., help="screen (screening routes) or admin (everything)"),
    name: str = typer.Option("", help="Who or what uses the key"),
) -> None:
    """Create a key and print it (once: only its hash is kept)."""
    record, clear = _keystore().create(role, name)
    console.print(
        f"created key [bold]{record.id}[/] (role {record.role}); "
        "store it now, it cannot be shown again:",
        highlight=False,
    )
    typer.echo(clear)


@keys_app.command("list")
def keys_list() -> None:
    """List keys (ids, names, roles, dates; never the keys)."""
    table = Table("id", "role", "name", "created", "revoked")
    for key in _keystore().list():
        table.add_row(key.id, key.role, key.name, key.created_at, key.revoked_at or "")
    console.print(table)


@keys_app.command("revoke")
def keys_revoke(key_id: str = typer.Argument(..., help="The key id shown by keys list")) -> None:
    """Revoke a key (it stays listed, marked revoked)."""
    record = _keystore().revoke(key_id)
    console.print(f"key {record.id} revoked at {record.revoked_at}")
