"""List commands: ``lists``, ``load``, ``update``, ``history``, ``diff``, ``export``.

Each is a thin wrapper over :mod:`tamis.store` / :mod:`tamis.update`. Reading
commands load the bundled lists first when the store is still empty.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import orjson
import typer
from rich.console import Console
from rich.table import Table

from tamis.cli import app
from tamis.errors import InputError, NotFound, TamisError

if TYPE_CHECKING:  # the store (SQLAlchemy) loads only when a command needs it
    from tamis.store import ImportResult, Store

console = Console()
err = Console(stderr=True)


def _store(progress: bool = True) -> Store:
    from tamis.store.bundled import open_loaded_store

    return open_loaded_store(progress=progress and err.is_terminal)


def _lists_option(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    out = [v.strip() for value in values for v in value.split(",") if v.strip()]
    return out or None


def _share(value: float | None) -> float | None:
    if value is not None and not 0.0 <= value <= 1.0:
        raise InputError(f"--max-removal must be a share between 0 and 1 (e.g. 0.1), not {value}")
    return value


def _results_table(rows: list[tuple[str, ImportResult | TamisError]]) -> Table:
    table = Table("source", "status", "version date", "entities", "added", "removed", "modified")
    for source, outcome in rows:
        if isinstance(outcome, TamisError):
            table.add_row(source, f"[red]refused[/]: {outcome}", "", "", "", "", "")
        else:
            table.add_row(
                source,
                outcome.status,
                outcome.published or "",
                str(outcome.entity_count),
                str(len(outcome.added)),
                str(len(outcome.removed)),
                str(len(outcome.modified)),
            )
    return table


def _finish(rows: list[tuple[str, ImportResult | TamisError]], as_json: bool) -> None:
    if as_json:
        out = [
            {"source": s, "error": str(o), "exit_code": o.exit_code}
            if isinstance(o, TamisError)
            else o.to_dict()
            for s, o in rows
        ]
        sys.stdout.write(orjson.dumps(out, option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        console.print(_results_table(rows))
    failures = [o for _, o in rows if isinstance(o, TamisError)]
    for source, outcome in rows:
        if isinstance(outcome, TamisError):
            err.print(f"[bold red]error:[/] {source}: {outcome}", highlight=False)
    if failures:
        raise typer.Exit(failures[0].exit_code)


@app.command("lists")
def lists_command(
    versions: bool = typer.Option(
        False, "--versions", help="every imported version, not only the current ones"
    ),
    source: str = typer.Option(None, "--source", "-s", help="only this source"),
    as_json: bool = typer.Option(False, "--json", help="print JSON"),
) -> None:
    """Each source in the store: version date, entities, last import."""
    store = _store()
    if versions:
        _versions_table(store, source, as_json)
        return
    summary = [row for row in store.sources_summary() if source in (None, row["source"])]
    if as_json:
        sys.stdout.write(orjson.dumps(summary, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    table = Table("source", "version date", "entities", "lists", "versions", "last import")
    for row in summary:
        table.add_row(
            row["source"],
            row["date"],
            str(row["entity_count"]),
            ", ".join(sorted(row["lists"])),
            str(row["versions"]),
            row["imported_at"].replace("T", " ").rstrip("Z"),
        )
    console.print(table)


def _versions_table(store: Store, source: str | None, as_json: bool) -> None:
    found = store.versions(source)
    if as_json:
        data = [v.to_dict() for v in found]
        sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    table = Table("source", "version", "date", "imported (UTC)", "entities", "changes")
    for v in found:
        table.add_row(
            v.source + (" *" if v.current else ""),
            str(v.id),
            v.date,
            v.imported_at.replace("T", " ")[:16],
            str(v.entity_count),
            f"+{v.added} -{v.removed} ~{v.modified}",
        )
    console.print(table)
    console.print("* current version; changes: +added -removed ~modified entities")


@app.command("load")
def load_command(as_json: bool = typer.Option(False, "--json", help="print JSON")) -> None:
    """Load the lists bundled with tamis (those not imported yet)."""
    from tamis.store import open_store
    from tamis.store.bundled import load_bundled

    results = load_bundled(open_store(), progress=err.is_terminal)
    if not results and not as_json:
        console.print("The bundled lists are already loaded.")
        return
    _finish([(r.source, r) for r in results], as_json)


@app.command("update")
def update_command(
    from_path: Path = typer.Option(
        None,
        "--from",
        help="import local files instead of downloading: a directory per source, or one file",
    ),
    source: list[str] = typer.Option(None, "--source", "-s", help="only this source (repeatable)"),
    max_removal: float = typer.Option(
        None,
        "--max-removal",
        help="refuse a version that "
        "removes more than this share of a list (default 0.1 "
        "or TAMIS_MAX_REMOVAL)",
    ),
    force: bool = typer.Option(False, "--force", help="import even above --max-removal"),
    as_json: bool = typer.Option(False, "--json", help="print JSON"),
) -> None:
    """Download the official lists (or import local files), verify and import them."""
    from tamis.store import open_store
    from tamis.store.progress import ImportProgress

    store = open_store()
    share = _share(max_removal)
    sources = _lists_option(source)
    rows: list[tuple[str, ImportResult | TamisError]] = []
    with ImportProgress(console=err) as bar:
        if from_path is not None:
            jobs = _local_jobs(from_path, sources)
            for name, path in jobs:
                try:
                    result = store.import_source(
                        name, path, max_removal=share, force=force, progress=bar.for_source(name)
                    )
                    rows.append((name, result))
                except TamisError as exc:
                    rows.append((name, exc))
        else:
            from tamis.update import updatable_sources, update_source

            for name in updatable_sources(sources):
                try:
                    rows.append(
                        (
                            name,
                            update_source(
                                store,
                                name,
                                max_removal=share,
                                force=force,
                                progress=bar.for_source(name),
                            ),
                        )
                    )
                except TamisError as exc:
                    rows.append((name, exc))
    _finish(rows, as_json)


def _local_jobs(path: Path, sources: list[str] | None) -> list[tuple[str, Path]]:
    """(source, path) pairs to import from ``--from PATH``."""
    from tamis.sources.base import all_sources, get_source

    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if sources:
        return [(get_source(name).name, path) for name in sources]
    if path.is_file():
        raise InputError(f"{path}: a single file needs --source NAME")
    known = {s.name: s for s in all_sources()}
    jobs = [(sub.name, sub) for sub in sorted(path.iterdir()) if sub.is_dir() and sub.name in known]
    if not jobs:
        jobs = [
            (name, path)
            for name, src in known.items()
            if src.required_files and all(n in src.find_files(path) for n in src.required_files)
        ]
    if not jobs:
        raise InputError(
            f"{path}: no sub-directory named after a source "
            f"({', '.join(sorted(known))}) and no recognised list file"
        )
    return jobs


@app.command("history")
def history_command(
    query: str = typer.Argument(..., help="entity id, or part of a name"),
    limit: int = typer.Option(5, "--limit", help="most entities to show for a name search"),
    as_json: bool = typer.Option(False, "--json", help="print JSON"),
) -> None:
    """An entity's timeline across list versions and the dates the lists give."""
    from tamis.store.diffing import summarise

    store = _store()
    try:
        entities = [store.get_entity(query)]
    except NotFound:
        entities = store.find_entities(query, limit=limit)
    if not entities:
        raise NotFound(f"no entity with id or name matching {query!r}")
    payload = []
    for entity in entities:
        records = store.entity_history(entity.id)
        if as_json:
            payload.append({"entity": entity.to_dict(), "history": [r.to_dict() for r in records]})
            continue
        console.print(
            f"\n[bold]{entity.caption}[/]  ({entity.id}, {entity.schema}; "
            f"lists: {', '.join(entity.lists) or '-'})",
            highlight=False,
        )
        table = Table("date", "event", "source / list", "detail")
        for record in records:
            detail = record.detail or ""
            if record.diff:
                detail = summarise(record.diff)
            where = record.list or record.source
            if record.version_id:
                where = f"{record.source} v{record.version_id}"
            table.add_row(record.date or "?", record.change, where, detail)
        console.print(table)
    if as_json:
        sys.stdout.write(orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode() + "\n")


@app.command("diff")
def diff_command(
    source: str = typer.Argument(..., help="source name, e.g. ofac_sdn"),
    from_date: str = typer.Option(
        None, "--from", help="the version in force on this date (default: the one before --to)"
    ),
    to_date: str = typer.Option(
        None, "--to", help="the version in force on this date (default: the current one)"
    ),
    as_json: bool = typer.Option(False, "--json", help="print JSON"),
) -> None:
    """Entities added, removed and changed between two versions of a source."""
    from tamis.store.diffing import summarise

    diff = _store().diff(source, from_date, to_date)
    if as_json:
        sys.stdout.write(orjson.dumps(diff.to_dict(), option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    old = f"{diff.from_version.date} (v{diff.from_version.id})" if diff.from_version else "nothing"
    console.print(
        f"[bold]{source}[/]: {old} -> {diff.to_version.date} (v{diff.to_version.id}): "
        f"{len(diff.added)} added, {len(diff.removed)} removed, "
        f"{len(diff.changed)} changed",
        highlight=False,
    )
    table = Table("change", "id", "name", "detail")
    for eid, caption in diff.added:
        table.add_row("[green]added[/]", eid, caption, "")
    for eid, caption in diff.removed:
        table.add_row("[red]removed[/]", eid, caption, "")
    for change in diff.changed:
        table.add_row("[yellow]changed[/]", change.id, change.caption, summarise(change.diff))
    if table.row_count:
        console.print(table)


@app.command("export")
def export_command(
    fmt: str = typer.Option("ftm", "--format", "-f", help="ftm (JSON lines) or csv"),
    output: Path = typer.Option(None, "-o", "--output", help="file to write (default: stdout)"),
    as_of: str = typer.Option(None, "--as-of", help="entities in force on this date"),
    lists: list[str] = typer.Option(
        None, "--lists", help="only these list ids (repeatable or comma-separated)"
    ),
) -> None:
    """Export entities as FollowTheMoney JSON lines or CSV."""
    from tamis.store.export import write_csv, write_ftm

    if fmt not in ("ftm", "csv"):
        raise InputError(f"--format must be ftm or csv, not {fmt!r}")
    entities = _store().entities(as_of=as_of, lists=_lists_option(lists))
    writer = write_ftm if fmt == "ftm" else write_csv
    if output is None:
        count = writer(entities, sys.stdout)
    else:
        with output.open("w", encoding="utf-8", newline="") as out:
            count = writer(entities, out)
        err.print(f"{count} entities written to {output}")
