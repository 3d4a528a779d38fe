"""Field-level differences between two versions of one entity.

The result is a JSON-able dict with only the parts that changed::

    {"schema": {"old": "Organization", "new": "Company"},
     "properties": {"alias": {"added": ["X"], "removed": ["Y"]}},
     "listings": {"ofac_cons": {"programs": {"added": ["RUSSIA-EO14024"], "removed": []},
                                "remarks": {"old": "...", "new": "..."}},
                  "un_sc": {"listing": "added"}}}
"""

from __future__ import annotations

from typing import Any

_LIST_FIELDS = ("programs", "reference")
_SCALAR_FIELDS = ("listed_on", "delisted_on", "delisting_reason", "remarks", "source_url")


def _set_diff(old: list[Any], new: list[Any]) -> dict[str, list[Any]] | None:
    added = [v for v in new if v not in old]
    removed = [v for v in old if v not in new]
    if not added and not removed:
        return None
    return {"added": added, "removed": removed}


def _listings_by_list(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Listings keyed by list id (several listings on one list are numbered)."""
    out: dict[str, dict[str, Any]] = {}
    for listing in data.get("listings") or []:
        key = listing["list"]
        n = 2
        while key in out:
            key = f"{listing['list']}#{n}"
            n += 1
        out[key] = listing
    return out


def _listing_diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _LIST_FIELDS:
        changed = _set_diff(old.get(name) or [], new.get(name) or [])
        if changed:
            out[name] = changed
    for name in _SCALAR_FIELDS:
        if old.get(name) != new.get(name):
            out[name] = {"old": old.get(name), "new": new.get(name)}
    for name in ("extra",):
        before, after = old.get(name) or {}, new.get(name) or {}
        keys = sorted(set(before) | set(after))
        changed_extra = {
            k: {"old": before.get(k), "new": after.get(k)}
            for k in keys
            if before.get(k) != after.get(k)
        }
        if changed_extra:
            out[name] = changed_extra
    events = _set_diff(old.get("events") or [], new.get("events") or [])
    if events:
        out["events"] = events
    return out


def entity_diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The field-level difference between two :meth:`Entity.to_dict` payloads."""
    out: dict[str, Any] = {}
    if old.get("schema") != new.get("schema"):
        out["schema"] = {"old": old.get("schema"), "new": new.get("schema")}
    props_old, props_new = old.get("properties") or {}, new.get("properties") or {}
    props: dict[str, Any] = {}
    for prop in sorted(set(props_old) | set(props_new)):
        changed = _set_diff(props_old.get(prop) or [], props_new.get(prop) or [])
        if changed:
            props[prop] = changed
    if props:
        out["properties"] = props
    lists_old, lists_new = _listings_by_list(old), _listings_by_list(new)
    listings: dict[str, Any] = {}
    for key in sorted(set(lists_old) | set(lists_new)):
        if key not in lists_old:
            listings[key] = {"listing": "added", **_listing_diff({}, lists_new[key])}
        elif key not in lists_new:
            listings[key] = {"listing": "removed"}
        else:
            changed = _listing_diff(lists_old[key], lists_new[key])
            if changed:
                listings[key] = changed
    if listings:
        out["listings"] = listings
    return out


def summarise(diff: dict[str, Any]) -> str:
    """A one-line human summary of :func:`entity_diff` output."""
    parts: list[str] = []
    if "schema" in diff:
        parts.append(f"schema {diff['schema']['old']} -> {diff['schema']['new']}")
    for prop, change in (diff.get("properties") or {}).items():
        bits = [f"+{v}" for v in change["added"]] + [f"-{v}" for v in change["removed"]]
        parts.append(f"{prop}: {', '.join(bits)}")
    for key, change in (diff.get("listings") or {}).items():
        if change.get("listing") == "removed":
            parts.append(f"{key}: listing removed")
            continue
        bits = []
        if change.get("listing") == "added":
            bits.append("listing added")
        for name in _LIST_FIELDS:
            if name in change:
                c = change[name]
                bits.append(
                    f"{name} "
                    + ", ".join([f"+{v}" for v in c["added"]] + [f"-{v}" for v in c["removed"]])
                )
        for name in _SCALAR_FIELDS:
            if name in change and change.get("listing") != "added":
                bits.append(f"{name} {change[name]['old']!r} -> {change[name]['new']!r}")
        if "extra" in change:
            bits.append("details " + ", ".join(sorted(change["extra"])))
        if "events" in change:
            bits.append(f"{len(change['events']['added'])} new events")
        parts.append(f"{key}: {'; '.join(bits)}")
    return "; ".join(parts)
