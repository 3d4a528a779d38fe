"""Loading the real list files and the evaluation suites shipped under tests/data."""

from __future__ import annotations

import json
from pathlib import Path

from tamis.model import Entity
from tamis.sources import get_source

DATA = Path(__file__).parent.parent / "data"
#: source -> directory under tests/data/lists
LISTS = {"un": "un", "ofac_sdn": "ofac_sdn", "ofac_cons": "ofac_cons", "dod": "dod_ccmc"}


def load_entities() -> list[Entity]:
    entities: list[Entity] = []
    for source_name, directory in LISTS.items():
        source = get_source(source_name)
        entities.extend(source.parse(source.find_files(DATA / "lists" / directory)).entities)
    return entities


def load_suite(name: str) -> list[dict]:
    with open(DATA / "eval" / f"{name}.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
