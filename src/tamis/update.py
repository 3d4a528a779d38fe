"""Downloading the official list files and importing them (``tamis update``).

Each source names its files and their official addresses (:attr:`Source.urls`).
Downloads use conditional requests (``If-None-Match`` / ``If-Modified-Since``
from the ETag and Last-Modified remembered in the store), time out, and retry
transient failures (connection errors, 5xx, 429) with exponential backoff.
Files go to a staging directory first; only after the store accepted them
(parse + refusal rules) do they replace the cached copies under
``$TAMIS_HOME/downloads/<source>/`` and is their ETag remembered, so a broken
download never becomes the reference for the next conditional request.

Addresses can be redirected (mirrors, tests): ``TAMIS_SOURCE_BASE_URL`` serves
every source as ``{base}/{source}/{file}``; ``TAMIS_SOURCE_URL_<SOURCE>`` (e.g.
``TAMIS_SOURCE_URL_OFAC_SDN``) serves one source as ``{url}/{file}``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tamis import config
from tamis.errors import FetchError
from tamis.sources.base import Source, get_source
from tamis.store.core import Store
from tamis.store.importer import utc_now
from tamis.store.types import ImportResult

USER_AGENT = "tamis/0.1 (sanctions list update)"
RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass
class Fetched:
    """One downloaded file (or a 304 answered from the cache)."""

    url: str
    path: Path
    etag: str | None
    last_modified: str | None
    not_modified: bool


@dataclass
class Download:
    source: str
    files: dict[str, Fetched] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return bool(self.files) and all(f.not_modified for f in self.files.values())


def source_urls(source: Source) -> dict[str, str]:
    """Logical file name -> address to download it from (after redirections)."""
    own = os.environ.get(f"TAMIS_SOURCE_URL_{source.name.upper()}")
    base = os.environ.get("TAMIS_SOURCE_BASE_URL")
    if own:
        return {name: f"{own.rstrip('/')}/{name}" for name in source.urls}
    if base:
        return {name: f"{base.rstrip('/')}/{source.name}/{name}" for name in source.urls}
    return dict(source.urls)


def cache_dir(source: str) -> Path:
    path = config.home() / "downloads" / source
    path.mkdir(parents=True, exist_ok=True)
    return path


def _get(
    client: httpx.Client,
    url: str,
    headers: dict[str, str],
    dest: Path,
    retries: int,
    backoff: float,
) -> httpx.Response:
    """GET ``url`` into ``dest`` with retries; returns the final response (body consumed)."""
    last: Exception | None = None
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(backoff * 2 ** (attempt - 1))
        try:
            with client.stream("GET", url, headers=headers) as response:
                if response.status_code in RETRY_STATUS:
                    last = FetchError(f"{url}: HTTP {response.status_code}")
                    continue
                if response.status_code == 200:
                    with dest.open("wb") as out:
                        for chunk in response.iter_bytes(1 << 16):
                            out.write(chunk)
                return response
        except httpx.TransportError as exc:
            last = exc
    raise FetchError(f"{url}: download failed after {retries + 1} attempt(s) ({last})")


def download(
    store: Store,
    source: Source,
    staging: Path,
    *,
    client: httpx.Client | None = None,
    retries: int = 3,
    backoff: float = 1.0,
    timeout: float = 60.0,
    progress: Callable[[str, int, int], None] | None = None,
) -> Download:
    """Fetch every file of ``source`` into ``staging`` (304s are answered from the cache)."""
    urls = source_urls(source)
    if not urls:
        raise FetchError(f"{source.name}: this source has no download address")
    own_client = client is None
    client = client or httpx.Client(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 15.0)),
        follow_redirects=True,
        headers={"User-Agent": USER_AGENT},
    )
    cached = cache_dir(source.name)
    result = Download(source.name)
    try:
        for index, (name, url) in enumerate(urls.items()):
            if progress is not None:
                progress("download", index, len(urls))
            headers: dict[str, str] = {}
            state = store.fetch_state(url)
            if state and (cached / name).is_file():
                if state["etag"]:
                    headers["If-None-Match"] = state["etag"]
                if state["last_modified"]:
                    headers["If-Modified-Since"] = state["last_modified"]
            dest = staging / name
            response = _get(client, url, headers, dest, retries, backoff)
            if response.status_code == 304:
                shutil.copyfile(cached / name, dest)
            elif response.status_code == 404 and name not in source.required_files:
                continue  # an optional file the publisher does not offer (any more)
            elif response.status_code != 200:
                raise FetchError(f"{url}: HTTP {response.status_code}")
            not_modified = response.status_code == 304
            etag = response.headers.get("ETag")
            last_modified = response.headers.get("Last-Modified")
            if not_modified and state:  # a 304 need not repeat the validators
                etag = etag or state["etag"]
                last_modified = last_modified or state["last_modified"]
            result.files[name] = Fetched(url, dest, etag, last_modified, not_modified)
    except httpx.HTTPError as exc:
        raise FetchError(f"{source.name}: download failed ({exc})") from exc
    finally:
        if own_client:
            client.close()
    return result


def update_source(
    store: Store,
    name: str,
    *,
    max_removal: float | None = None,
    force: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
    client: httpx.Client | None = None,
    retries: int = 3,
    backoff: float = 1.0,
    timeout: float = 60.0,
) -> ImportResult:
    """Download ``name``'s official files, verify and import them."""
    source = get_source(name)
    with tempfile.TemporaryDirectory(prefix=f"tamis-{name}-") as tmp:
        staging = Path(tmp)
        fetched = download(
            store,
            source,
            staging,
            client=client,
            retries=retries,
            backoff=backoff,
            timeout=timeout,
            progress=progress,
        )
        files = {logical: f.path for logical, f in fetched.files.items()}
        result = store.import_source(
            name,
            files,
            fetched_at=utc_now(),
            max_removal=max_removal,
            force=force,
            progress=progress,
        )
        cached = cache_dir(name)
        for logical, item in fetched.files.items():
            if not item.not_modified:
                shutil.move(item.path, cached / logical)
            digest = hashlib.sha256((cached / logical).read_bytes()).hexdigest()
            store.remember_fetch(name, item.url, item.etag, item.last_modified, digest)
    return result


def updatable_sources(names: list[str] | None = None) -> list[str]:
    """Sources with download addresses (all of them, or the ``names`` asked for)."""
    from tamis.sources.base import all_sources

    if names:
        for name in names:
            get_source(name)  # NotFound for a typo
        return names
    return [s.name for s in all_sources() if s.urls]
