"""``tamis demo``: what ``make run`` starts — the bundled lists, a few screenings, the service."""

from __future__ import annotations

import typer
from rich.console import Console

from tamis.cli import app

console = Console()

#: (name, options) screened by the demonstration; each shows one capability.
EXAMPLES: list[tuple[str, dict[str, str]]] = [
    ("Huawei Technologies", {}),
    ("Владимир Путин", {}),
    ("Vladimir Poutine", {"birth_date": "1970-01-01", "country": "fr"}),
    ("Xiaomi Corp", {"as_of": "2021-03-01"}),
    ("Xiaomi Corp", {}),
    ("CORP", {}),
]


@app.command()
def demo(
    serve: bool = typer.Option(True, "--serve/--no-serve", help="start the HTTP service after"),
    port: int = typer.Option(8000, help="port of the HTTP service"),
) -> None:
    """Load the bundled lists, screen a few example names, then start the HTTP service."""
    from tamis.cli.screen import _hits_table, build_screener
    from tamis.matching import build_query

    screener = build_screener(None, None)
    for name, options in EXAMPLES:
        query = build_query(
            name, birth_date=options.get("birth_date"), country=options.get("country")
        )
        as_of = options.get("as_of")
        hits = screener.screen(query, as_of=as_of, limit=3)
        detail = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in options.items())
        console.rule(f"tamis screen {name!r}" + (f"  ({detail})" if detail else ""))
        if hits:
            console.print(_hits_table(hits))
            console.print(f"Why {hits[0].entity.caption!r} scored {hits[0].score:.2f}:")
            for note in hits[0].explanations:
                console.print(f"  - {note.text}", highlight=False)
        else:
            console.print("No hit at or above the threshold.")
    if serve:
        from tamis.cli.serve import serve as serve_command

        serve_command(host="127.0.0.1", port=port, workers=1, config=None, open_screening=True)
