"""The ``tamis`` command line: each module here adds its commands to :data:`app`.

Commands are thin wrappers over library calls. Errors deriving from
:class:`tamis.errors.TamisError` are printed without a traceback and end the
process with the error's exit code.
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from tamis.errors import TamisError

app = typer.Typer(
    name="tamis",
    help="Sanctions and restricted-party screening.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True)

# Each module registers its commands on `app` when imported.
from tamis.cli import batch, demo, lists, screen, serve  # noqa: E402,F401


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except TamisError as exc:
        err_console.print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(exc.exit_code)
