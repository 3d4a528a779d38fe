"""Where a batch gets the entities it screens against: an FtM file or the store.

Also gives a short key identifying that data, used in the checkpoint
fingerprint so a run is not resumed against different list data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from tamis.errors import InputError
from tamis.model import Entity


def read_entities(path: Path) -> list[Entity]:
    """Entities from an FtM JSON lines file (one entity object a line)."""
    if not path.is_file():
        raise InputError(f"entities file {str(path)!r} does not exist")
    entities = []
    with open(path, "rb") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                entities.append(Entity.from_dict(orjson.loads(line)))
            except (orjson.JSONDecodeError, InputError) as exc:
                raise InputError(f"{path.name} line {number}: {exc}") from None
    if not entities:
        raise InputError(f"{path.name} holds no entities")
    return entities


def file_key(path: Path) -> str:
    stat = path.stat()
    return f"file:{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"


def load_index(
    entities_file: Path | None = None,
    as_of: str | None = None,
    lists: list[str] | None = None,
    progress: bool = False,
) -> tuple[list[Entity], str]:
    """The entities to screen against and the key identifying them.

    From ``entities_file`` when given, else from the store (its current data,
    or as it stood on ``as_of``; restricted to ``lists`` if given), which gets
    the bundled lists on first use, as for ``tamis screen``.
    """
    if entities_file is not None:
        return read_entities(entities_file), file_key(entities_file)
    from tamis.store.bundled import open_loaded_store

    store: Any = open_loaded_store(progress=progress)
    entities = list(store.entities(as_of=as_of, lists=lists))
    if not entities:
        raise InputError(f"no entity in the store matches as_of={as_of!r}, lists={lists!r}")
    key = f"store:{store.url}:{store.data_version()}:{as_of}:{sorted(lists or [])}"
    return entities, key
