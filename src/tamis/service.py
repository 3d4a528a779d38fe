"""The long-lived screening service: the store, the current index, and index swaps.

A :class:`ScreeningService` owns one :class:`~tamis.store.Store` and an
immutable :class:`Snapshot` (a Screener over the current entities plus what
the API needs to describe them). Readers take ``service.snapshot`` once per
request and use that object to the end, so a request that started on the old
index finishes on it. When the store's ``data_version()`` changes (an import by
``tamis update`` in another process, or :meth:`ScreeningService.update`), a
new snapshot is built in a background thread and then published by replacing
one reference; nothing is locked while requests run.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from tamis.errors import InputError, StoreError, TamisError
from tamis.model import Entity
from tamis.store import Store
from tamis.store.schema import EntitySpan, Version

log = logging.getLogger("tamis.service")


class IndexBuilding(StoreError):
    """The index asked for is being built; the request can be retried shortly."""


@dataclass(frozen=True)
class Seen:
    """When the store first held an entity, last changed it, last imported its list."""

    first_seen: str | None = None
    last_seen: str | None = None
    last_change: str | None = None


@dataclass(frozen=True)
class Snapshot:
    """One immutable generation of the index and what describes it."""

    screener: Any  #: a :class:`tamis.matching.Screener`
    entities: dict[str, Entity]
    data_version: str
    built_at: datetime
    build_seconds: float
    #: list id -> number of entities on it
    lists: dict[str, int]
    #: :meth:`Store.sources_summary` when the snapshot was built
    sources: list[dict[str, Any]]
    seen: dict[str, Seen] = field(default_factory=dict)

    def entity(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    def covers(self, as_of: str) -> bool:
        """Whether the current versions are the ones in force on ``as_of``.

        Then filtering listings by date on this index answers for that day; when
        an older version of some source was in force, entities it held but the
        current version dropped would be missing, and a historical index is needed.
        """
        return all(
            source.get("versions", 1) <= 1 or source["date"][: len(as_of)] <= as_of
            for source in self.sources
        )


def _seen_table(store: Store) -> dict[str, Seen]:
    """First seen / last change / last seen of every current entity, in one pass."""
    first: dict[str, str] = {}
    out: dict[str, Seen] = {}
    with store.engine.connect() as conn:
        for entity_id, imported in conn.execute(
            select(EntitySpan.entity_id, func.min(Version.imported_at))
            .join(Version, Version.id == EntitySpan.first_version)
            .group_by(EntitySpan.entity_id)
        ):
            first[entity_id] = imported
        newest = {
            source: imported
            for source, imported in conn.execute(
                select(Version.source, func.max(Version.imported_at)).group_by(Version.source)
            )
        }
        for entity_id, source, changed in conn.execute(
            select(EntitySpan.entity_id, EntitySpan.source, Version.imported_at)
            .join(Version, Version.id == EntitySpan.first_version)
            .where(EntitySpan.until_version.is_(None))
        ):
            out[entity_id] = Seen(first.get(entity_id), newest.get(source), changed)
    return out


def default_screener_factory(entities: list[Entity]) -> Any:
    from tamis.matching import Screener

    return Screener(entities).warm_up()


class ScreeningService:
    """The store plus the current index, kept fresh while the server runs."""

    def __init__(
        self,
        store: Store,
        *,
        poll_seconds: float = 5.0,
        load_bundled: bool = True,
        screener_factory: Callable[[list[Entity]], Any] = default_screener_factory,
        history_indexes: int = 2,
        freeze_heap: bool = False,
    ) -> None:
        self.store = store
        self.freeze_heap = freeze_heap
        self.poll_seconds = poll_seconds
        self.load_bundled = load_bundled
        self.screener_factory = screener_factory
        self._snapshot: Snapshot | None = None
        self._build_lock = threading.Lock()
        self._stop = threading.Event()
        self._poller: threading.Thread | None = None
        self.last_error: str | None = None
        self.swaps = 0
        self.update_job: dict[str, Any] = {"state": "idle"}
        self._update_lock = threading.Lock()
        #: (data version, as_of) -> screener over the versions in force that day
        self.history_indexes = history_indexes
        self._history: dict[tuple[str, str], Any] = {}
        self._history_building: set[tuple[str, str]] = set()
        self._history_lock = threading.Lock()

    # -- reading ----------------------------------------------------------
    @property
    def ready(self) -> bool:
        return self._snapshot is not None

    @property
    def snapshot(self) -> Snapshot:
        """The current snapshot; :class:`StoreError` before the first one is built."""
        snap = self._snapshot
        if snap is None:
            raise StoreError("the index is still being built")
        return snap

    def screener_for(self, snap: Snapshot, as_of: str | None) -> Any:
        """The screener answering for ``as_of``: the snapshot's, or a historical one.

        A historical index (over the versions in force that day) is built in the
        background on first use; until it is ready :class:`IndexBuilding` is
        raised (the API answers 503 with Retry-After). At most
        ``history_indexes`` of them are kept; 0 refuses such dates.
        """
        if as_of is None or snap.covers(as_of):
            return snap.screener
        from tamis.matching.query import check_date

        check_date(as_of, "as-of date")
        if self.history_indexes <= 0:
            raise InputError(
                f"{as_of} predates the current list versions and historical "
                "screening is disabled on this server"
            )
        key = (snap.data_version, as_of)
        with self._history_lock:
            found = self._history.get(key)
            if found is not None:
                return found
            if key not in self._history_building:
                self._history_building.add(key)
                threading.Thread(
                    target=self._build_history, args=(key,), name="tamis-history-build", daemon=True
                ).start()
        raise IndexBuilding(
            f"the index of the lists in force on {as_of} is being built; retry shortly"
        )

    def _build_history(self, key: tuple[str, str]) -> None:
        try:
            screener = self.screener_factory(list(self.store.entities(as_of=key[1])))
            with self._history_lock:
                current = self._snapshot.data_version if self._snapshot else None
                self._history = {k: v for k, v in self._history.items() if k[0] == current}
                while len(self._history) >= self.history_indexes:
                    self._history.pop(next(iter(self._history)))
                self._history[key] = screener
            self._settle_heap()
        except Exception as exc:  # reported on the next request for that date
            self.last_error = f"historical index for {key[1]}: {exc}"
            log.exception("historical index build failed")
        finally:
            with self._history_lock:
                self._history_building.discard(key)

    # -- lifecycle --------------------------------------------------------
    def start(self, wait: bool = True) -> None:
        """Load bundled lists into an empty store, build the first index, start polling.

        With ``wait=False`` the first build happens in the background and the
        service answers 503 "not ready" until it is done.
        """
        if wait:
            self._first_build()
        else:
            threading.Thread(
                target=self._first_build, name="tamis-index-build", daemon=True
            ).start()
        if self.poll_seconds > 0 and self._poller is None:
            self._poller = threading.Thread(target=self._poll, name="tamis-index-poll", daemon=True)
            self._poller.start()

    def _first_build(self) -> None:
        try:
            if self.load_bundled and not self.store.versions():
                from tamis.store.bundled import load_bundled

                log.info("the store is empty: loading the bundled lists")
                load_bundled(self.store)
            self.refresh(force=True)
        except TamisError as exc:
            self.last_error = str(exc)
            log.error("could not build the index: %s", exc)

    def stop(self) -> None:
        self._stop.set()
        if self._poller is not None:
            self._poller.join(timeout=self.poll_seconds + 5)
            self._poller = None

    def _poll(self) -> None:
        while not self._stop.wait(self.poll_seconds):
            try:
                self.refresh()
            except Exception as exc:  # a failed rebuild keeps the old index serving
                self.last_error = str(exc)
                log.exception("index refresh failed; still serving the previous index")

    # -- swapping ---------------------------------------------------------
    def refresh(self, force: bool = False) -> bool:
        """Rebuild the index if the store changed since the current one; True if swapped."""
        with self._build_lock:
            version = self.store.data_version()
            current = self._snapshot
            if not force and current is not None and current.data_version == version:
                return False
            snapshot = self.build(version)
            self._snapshot = snapshot  # the swap: one reference assignment
            self.swaps += 1
            self._settle_heap()
            self.last_error = None
            log.info(
                "index %s built in %.1f s (%d entities)",
                version,
                snapshot.build_seconds,
                len(snapshot.entities),
            )
            return True

    def _settle_heap(self) -> None:
        """With ``freeze_heap``, moves every object alive now, the new index
        included, out of the cyclic garbage collector's reach (``gc.freeze``).

        A server worker's heap is mostly its index, close to a million objects,
        and a full collection walks all of them: about a second during which the
        worker answers nothing, a few times an hour under load, and that pause, not
        the scoring, set the worst latencies. An index holds no reference cycles, so
        the one a swap replaces is still freed, by reference counting.
        """
        if self.freeze_heap:
            gc.freeze()

    def build(self, version: str) -> Snapshot:
        """A new snapshot of the store's current entities (the caller swaps it in)."""
        started = time.perf_counter()
        entities = list(self.store.entities())
        screener = self.screener_factory(entities)
        lists: dict[str, int] = {}
        for entity in entities:
            for list_id in {listing.list for listing in entity.listings}:
                lists[list_id] = lists.get(list_id, 0) + 1
        return Snapshot(
            screener=screener,
            entities={entity.id: entity for entity in entities},
            data_version=version,
            built_at=datetime.now(UTC),
            build_seconds=time.perf_counter() - started,
            lists=dict(sorted(lists.items())),
            sources=self.store.sources_summary(),
            seen=_seen_table(self.store),
        )

    # -- updates ----------------------------------------------------------
    def update(
        self,
        sources: Sequence[str] | None = None,
        runner: Callable[[Store, Sequence[str] | None], Any] | None = None,
    ) -> bool:
        """Start a list update in the background; False if one is already running.

        ``runner(store, sources)`` does the download and import (default: the
        official download of :mod:`tamis.update`); the index is rebuilt after it.
        """
        if not self._update_lock.acquire(blocking=False):
            return False
        self.update_job = {
            "state": "running",
            "sources": list(sources or []),
            "started_at": _now(),
            "finished_at": None,
            "error": None,
        }
        run = runner or _official_update

        def job() -> None:
            try:
                result = run(self.store, sources)
                self.refresh()
                self.update_job.update(state="done", result=_jsonable(result))
            except Exception as exc:  # reported through GET /updatez
                log.exception("list update failed")
                self.update_job.update(state="failed", error=str(exc))
            finally:
                self.update_job["finished_at"] = _now()
                self._update_lock.release()

        threading.Thread(target=job, name="tamis-update", daemon=True).start()
        return True


def _official_update(store: Store, sources: Sequence[str] | None) -> dict[str, Any]:
    """Download and import each source; one failing source does not stop the others."""
    from tamis import update  # downloads the official files and imports them

    results: dict[str, Any] = {}
    failed = 0
    for name in update.updatable_sources(list(sources) if sources else None):
        try:
            results[name] = update.update_source(store, name).to_dict()
        except TamisError as exc:
            failed += 1
            results[name] = {"error": str(exc)}
    if results and failed == len(results):
        raise TamisError(f"every update failed: {results}")
    return results


def _jsonable(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
