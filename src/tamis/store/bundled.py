"""Loading the lists bundled with the package into a store.

Called by ``tamis load`` and on first use by the front doors. A bundled list
is imported when its files' hash was never imported for that source and the
current version of that source (if any) is older than the bundled snapshot: a
newer version fetched by ``tamis update`` is never rolled back to the bundled
one. The check costs one hash per source and no parsing once loaded.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from tamis.bundled import SNAPSHOT_DATES, bundled_dirs
from tamis.errors import NotFound
from tamis.sources.base import get_source
from tamis.store.core import Store
from tamis.store.files import hash_files, parse_checked, resolve_files
from tamis.store.importer import run_import
from tamis.store.schema import Version
from tamis.store.types import ImportResult

#: progress(source, phase, done, total)
BundleProgress = Callable[[str, str, int, int], None]


def load_bundled(
    store: Store, progress: bool | BundleProgress = False, sources: list[str] | None = None
) -> list[ImportResult]:
    """Import every bundled list not yet imported; a fast no-op when up to date.

    ``progress`` True shows a progress bar on the terminal; a callable receives
    ``(source, phase, done, total)``.
    """
    if progress is True:
        from tamis.store.progress import ImportProgress

        with ImportProgress() as bar:
            return _load(store, bar.update, sources)
    callback = progress if callable(progress) else None
    return _load(store, callback, sources)


def _load(
    store: Store, progress: BundleProgress | None, sources: list[str] | None
) -> list[ImportResult]:
    results: list[ImportResult] = []
    with store.engine.connect() as conn:
        known = {(s, h) for s, h in conn.execute(select(Version.source, Version.sha256))}
    current = store.current_versions()
    for name, directory in bundled_dirs().items():
        if sources is not None and name not in sources:
            continue
        try:
            source = get_source(name)
        except NotFound:
            continue  # a directory for a parser this installation lacks
        files = resolve_files(source, directory)
        sha, _ = hash_files(files)
        if (name, sha) in known:
            continue
        now = current.get(name)
        snapshot = SNAPSHOT_DATES.get(name)
        if now is not None and snapshot and now.date >= snapshot:
            continue  # the current version is as new as the bundled one (or newer)
        parsed = parse_checked(source, files)
        bundled_date = parsed.published or snapshot
        if now is not None and bundled_date and now.date >= bundled_date:
            continue
        report = None
        if progress is not None:
            report = _bind(progress, name)
        # the bundled files are official snapshots; a big drop since an older
        # bundled snapshot is the list's own history, not a broken download
        results.append(
            run_import(
                store.engine,
                name,
                files,
                parsed=parsed,
                force=True,
                fetched_at=SNAPSHOT_DATES.get(name),
                progress=report,
            )
        )
    return results


def _bind(progress: BundleProgress, name: str) -> Callable[[str, int, int], None]:
    def report(phase: str, done: int, total: int) -> None:
        progress(name, phase, done, total)

    return report


def open_loaded_store(url: str | None = None, progress: bool | BundleProgress = False) -> Store:
    """Open the store and, on first use (no version of anything yet), load the bundled lists."""
    from tamis.store.core import open_store

    store = open_store(url)
    if not store.versions():
        load_bundled(store, progress=progress)
    return store
