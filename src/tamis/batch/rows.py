"""Output rows for batch screening, shared by the single-machine runner and Spark.

One row per hit: the input row id, the listed entity, its lists and programs,
its earliest listing date, the score and a readable explanation. Both front
doors build rows with these functions, which is what makes their outputs
comparable value for value.
"""

from __future__ import annotations

from typing import Any

#: columns of a hit row, in output order
HIT_COLUMNS = (
    "row_id",
    "entity_id",
    "schema",
    "caption",
    "lists",
    "programs",
    "listed_on",
    "score",
    "explanation",
)
#: columns of the errors file
ERROR_COLUMNS = ("line", "reason", "raw")


def _explanation(hit: Any) -> str:
    """The hit's explanations as one line of text."""
    parts = []
    for item in getattr(hit, "explanations", None) or ():
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, dict):
            parts.append(str(item.get("text") or item.get("detail") or item))
        else:
            parts.append(str(getattr(item, "text", None) or getattr(item, "detail", None) or item))
    return "; ".join(p for p in parts if p)


def _listed_on(entity: Any) -> str | None:
    dates = [listing.listed_on for listing in entity.listings if listing.listed_on]
    return min(dates) if dates else None


def hit_row(row_id: str, hit: Any) -> dict[str, Any]:
    """The output row for one hit of the input row ``row_id``."""
    entity = hit.entity
    return {
        "row_id": row_id,
        "entity_id": entity.id,
        "schema": entity.schema,
        "caption": entity.caption,
        "lists": ";".join(entity.lists),
        "programs": ";".join(entity.programs),
        "listed_on": _listed_on(entity),
        "score": round(float(hit.score), 4),
        "explanation": _explanation(hit),
    }


def eval_line(case_id: Any, hits: list[Any]) -> dict[str, Any]:
    """The output line of one screening case in the evaluation format."""
    return {
        "id": case_id,
        "hits": [
            {
                "id": hit.entity.id,
                "schema": hit.entity.schema,
                "caption": hit.entity.caption,
                "names": hit.entity.names,
                "lists": hit.entity.lists,
                "programs": hit.entity.programs,
                "score": round(float(hit.score), 4),
            }
            for hit in hits
        ],
    }
