"""``tamis screen`` (one name against the lists) and ``tamis compare`` (scored pairs).

Thin wrappers over :class:`tamis.matching.Screener` and the algorithm registry.
"""

from __future__ import annotations

import sys
import time
from typing import IO, Any

import orjson
import typer
from rich.console import Console
from rich.table import Table

from tamis.cli import app
from tamis.errors import InputError, TamisError

console = Console()
err = Console(stderr=True)


def _split(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    out = [v.strip() for value in values for v in value.split(",") if v.strip()]
    return out or None


def build_screener(as_of: str | None, lists: list[str] | None) -> Any:
    """A screener over the default store (bundled lists loaded on first use)."""
    from tamis.matching import Screener
    from tamis.store.bundled import open_loaded_store

    store = open_loaded_store(progress=err.is_terminal)
    started = time.perf_counter()
    screener = Screener.from_store(store, as_of=as_of, lists=lists)
    if err.is_terminal:
        err.print(
            f"[dim]indexed {len(screener)} entities in {time.perf_counter() - started:.1f} s[/]"
        )
    return screener


def _hits_table(hits: list[Any]) -> Table:
    table = Table("#", "score", "name", "schema", "lists", "programs", "listed on", "id")
    for number, hit in enumerate(hits, start=1):
        entity = hit.entity
        table.add_row(
            str(number),
            f"{hit.score:.2f}",
            entity.caption,
            entity.schema,
            ", ".join(entity.lists),
            ", ".join(entity.programs),
            hit.listed_on or "",
            entity.id,
        )
    return table


@app.command("screen")
def screen_command(
    name: str = typer.Argument(..., help="the name to screen, in any script"),
    schema: str = typer.Option(None, "--schema", help="Person, Company, Organization, Vessel..."),
    birth_date: str = typer.Option(None, "--birth-date", help="YYYY, YYYY-MM or YYYY-MM-DD"),
    country: str = typer.Option(None, "--country", help="nationality or country (name or code)"),
    ids: list[str] = typer.Option(None, "--id", help="passport, registration, IMO... (repeat)"),
    as_of: str = typer.Option(None, "--as-of", help="screen against the lists in force that day"),
    lists: list[str] = typer.Option(None, "--lists", help="only these lists (comma-separated)"),
    threshold: float = typer.Option(
        None, "--threshold", help="minimum score (default: the algorithm's own)"
    ),
    algorithm: str = typer.Option("tamis-v1", "--algorithm", help="tamis-v1 or ofac-sls"),
    explain: bool = typer.Option(False, "--explain", help="show why each hit scored"),
    as_json: bool = typer.Option(False, "--json", help="print JSON"),
    limit: int = typer.Option(10, "--limit", help="at most this many hits"),
) -> None:
    """Screen one name against the sanctions lists."""
    from tamis.matching import build_query, get_algorithm
    from tamis.matching.query import check_date

    query = build_query(name, schema=schema, birth_date=birth_date, country=country, ids=ids or ())
    algo = get_algorithm(algorithm)
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise InputError(f"--threshold {threshold} is not between 0 and 1")
    if limit < 1:
        raise InputError("--limit must be at least 1")
    if as_of:
        as_of = check_date(as_of, "--as-of")
    wanted = _split(lists)
    screener = build_screener(as_of, wanted)
    hits = screener.screen(
        query, as_of=as_of, lists=wanted, threshold=threshold, algorithm=algo.name, limit=limit
    )
    if as_json:
        payload = [
            hit.to_dict()
            if explain
            else {k: v for k, v in hit.to_dict().items() if k != "explanations"}
            for hit in hits
        ]
        sys.stdout.write(orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    if not hits:
        console.print(
            f"No hit at or above {threshold if threshold is not None else algo.threshold}"
            f" ({algo.name})."
        )
        return
    console.print(_hits_table(hits))
    if explain:
        for number, hit in enumerate(hits, start=1):
            console.print(
                f"[bold]#{number} {hit.entity.caption}[/] score {hit.score:.2f}", highlight=False
            )
            for note in hit.explanations:
                console.print(f"  {note.text}", highlight=False, soft_wrap=True)


def compare_stream(source: IO[str], sink: IO[str], algorithm: str, explain: bool) -> int:
    """Score each pair line of ``source`` and write one JSON line per pair to ``sink``."""
    from tamis.matching import build_query, get_algorithm
    from tamis.model import Entity

    algo = get_algorithm(algorithm)
    count = 0
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise InputError(f"line {number}: not valid JSON ({exc})") from None
        if (
            not isinstance(record, dict)
            or not isinstance(record.get("query"), dict)
            or not isinstance(record.get("candidate"), dict)
        ):
            raise InputError(f"line {number}: expected an object with 'query' and 'candidate'")
        try:
            query = build_query(entity=record["query"])
            candidate = Entity.from_dict(record["candidate"])
        except TamisError as exc:
            raise InputError(f"line {number}: {exc}") from None
        result = algo.compare(query, candidate)
        out: dict[str, Any] = {
            "id": record.get("id"),
            "score": round(result.score, 4),
            "match": result.score >= algo.threshold,
        }
        if explain:
            out["explanations"] = [e.to_dict() for e in result.explanations]
        sink.write(orjson.dumps(out).decode() + "\n")
        count += 1
    return count


@app.command("compare")
def compare_command(
    algorithm: str = typer.Option("tamis-v1", "--algorithm", help="tamis-v1 or ofac-sls"),
    explain: bool = typer.Option(False, "--explain", help="add the explanations"),
) -> None:
    """Score pairs read as JSON lines on stdin ({"id", "query", "candidate"})."""
    compare_stream(sys.stdin, sys.stdout, algorithm, explain)
