"""FollowTheMoney JSON lines: the format users import their own lists in.

One entity a line, as written by ``tamis export --format ftm`` or by other
FtM tools: ``{"id": ..., "schema": ..., "properties": {...}, "listings": [...]}``.
Entities without ``listings`` get one listing on the list ``ftm`` so that
they take part in screening like any listed entity. The publication date is
the newest ``listed_on`` found (the format has no header to carry one).
"""

from __future__ import annotations

from pathlib import Path

import orjson

from tamis.errors import EmptySourceError, InputError, ParseError
from tamis.model import Entity, Listing
from tamis.sources.base import ParsedList, Source, register
from tamis.sources.common import decode_text, read_bytes

#: list id given to entities that carry no listing of their own
DEFAULT_LIST = "ftm"


@register
class FtMSource(Source):
    """Entities in FollowTheMoney JSON-lines form."""

    name = "ftm"
    title = "FollowTheMoney JSON lines (user supplied)"
    publisher = "user"
    lists = (DEFAULT_LIST,)

    def find_files(self, directory: Path) -> dict[str, Path]:
        """Accept any ``*.json`` / ``*.jsonl`` / ``*.ftm.json`` file (optionally gzipped)."""
        found = sorted(
            path
            for path in directory.iterdir()
            if path.name.lower().removesuffix(".gz").endswith((".json", ".jsonl"))
        )
        return {path.name.removesuffix(".gz"): path for path in found}

    def parse(self, files: dict[str, Path]) -> ParsedList:
        if not files:
            raise EmptySourceError("ftm: no JSON-lines file given")
        entities: list[Entity] = []
        seen: set[str] = set()
        warnings: list[str] = []
        for logical, path in sorted(files.items()):
            text = decode_text(read_bytes(path), path.name)
            for lineno, line in enumerate(text.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    data = orjson.loads(line)
                except orjson.JSONDecodeError as exc:
                    raise ParseError(f"{path.name} line {lineno}: not valid JSON ({exc})") from exc
                try:
                    entity = Entity.from_dict(data)
                except (InputError, KeyError, TypeError, AttributeError) as exc:
                    raise ParseError(f"{path.name} line {lineno}: not an entity ({exc})") from exc
                if not entity.id:
                    raise ParseError(f"{path.name} line {lineno}: the entity has no id")
                if entity.id in seen:
                    warnings.append(f"{logical}: duplicate id {entity.id} on line {lineno} skipped")
                    continue
                seen.add(entity.id)
                if not entity.listings:
                    entity.listings.append(Listing(list=DEFAULT_LIST))
                entities.append(entity)
        if not entities:
            raise EmptySourceError("ftm: the file holds no entities")
        dates = [ls.listed_on for e in entities for ls in e.listings if ls.listed_on]
        return ParsedList(
            source=self.name,
            entities=entities,
            published=max(dates) if dates else None,
            files=dict(files),
            warnings=warnings,
        )
