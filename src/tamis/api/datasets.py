"""Datasets as the yente-style routes name them: our list ids plus two collections.

``default`` holds every list; ``sanctions`` the lists of sanctions programmes
(blocking, asset freezes, investment bans), leaving out export-control and
defence-procurement lists such as the Entity List or the DoD 1260H list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from types import MappingProxyType

from tamis.api.errors import ApiError
from tamis.sources import all_sources

#: lists of sanctions programmes (the rest are export-control / procurement lists)
SANCTIONS = frozenset(
    {
        "ofac_sdn",
        "ofac_cons",
        "un_sc",
        "uk_ofsi",
        "ca_sema",
        "eu_fsf",
        "csl_sdn",
        "csl_fse",
        "csl_ssi",
        "csl_plc",
        "csl_cap",
        "csl_cmic",
        "csl_ns_mbs",
        "csl_isn",
    }
)
COLLECTIONS = {"default": "All lists", "sanctions": "Sanctions lists"}
_CSL_TITLES = {
    "csl_sdn": "Specially Designated Nationals (in the CSL)",
    "csl_el": "Entity List (BIS)",
    "csl_meu": "Military End User List (BIS)",
    "csl_uvl": "Unverified List (BIS)",
    "csl_dpl": "Denied Persons List (BIS)",
    "csl_isn": "Nonproliferation Sanctions (State)",
    "csl_dtc": "ITAR Debarred (State)",
    "csl_fse": "Foreign Sanctions Evaders (OFAC)",
    "csl_ssi": "Sectoral Sanctions Identifications (OFAC)",
    "csl_plc": "Palestinian Legislative Council List (OFAC)",
    "csl_cap": "Correspondent Account or Payable-Through Account Sanctions (OFAC)",
    "csl_cmic": "Non-SDN Chinese Military-Industrial Complex Companies (OFAC)",
    "csl_ns_mbs": "Non-SDN Menu-Based Sanctions (OFAC)",
}


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    source: str | None  #: the source publishing it; None for a collection
    children: tuple[str, ...] = ()

    @property
    def is_collection(self) -> bool:
        return self.source is None


@cache
def known_lists() -> dict[str, Dataset]:
    """Every list id some installed parser produces, with its title and source."""
    out: dict[str, Dataset] = {}
    for source in all_sources():
        if source.name == "ftm":
            continue
        for list_id in source.lists:
            title = source.title
            if list_id in _CSL_TITLES:
                title = f"US CSL: {_CSL_TITLES[list_id]}"
            out[list_id] = Dataset(list_id, title, source.name)
    return out


def catalog(present: dict[str, int]) -> Mapping[str, Dataset]:
    """All datasets: known lists, lists found in the data, and the collections.

    Every request resolves its dataset here, and the answer changes only when the
    loaded lists do, so it is built once per set of list ids."""
    return _catalog(frozenset(present))


@lru_cache(maxsize=16)
def _catalog(present: frozenset[str]) -> Mapping[str, Dataset]:
    lists = dict(known_lists())
    for list_id in sorted(present):
        lists.setdefault(list_id, Dataset(list_id, list_id, "ftm"))
    out = dict(sorted(lists.items()))
    out["default"] = Dataset("default", COLLECTIONS["default"], None, tuple(sorted(lists)))
    out["sanctions"] = Dataset(
        "sanctions", COLLECTIONS["sanctions"], None, tuple(sorted(set(lists) & SANCTIONS))
    )
    return MappingProxyType(out)


def resolve(name: str, present: dict[str, int]) -> list[str] | None:
    """The list ids a dataset name stands for (None: every list); 404 if unknown."""
    datasets = catalog(present)
    dataset = datasets.get(name)
    if dataset is None:
        raise ApiError(404, f"unknown dataset {name!r}; known: {', '.join(sorted(datasets))}")
    if name == "default":
        return None
    if dataset.is_collection:
        return list(dataset.children)
    return [name]


def check_lists(names: list[str], present: dict[str, int], what: str) -> list[str]:
    """Expand list ids / collections named in a parameter; 422 naming the unknown ones."""
    datasets = catalog(present)
    unknown = [n for n in names if n not in datasets]
    if unknown:
        raise ApiError(
            422,
            f"{what}: unknown datasets {unknown}",
            [{"loc": ["query", what], "msg": f"unknown dataset {n!r}"} for n in unknown],
        )
    out: list[str] = []
    for name in names:
        dataset = datasets[name]
        out.extend(dataset.children if dataset.is_collection else (name,))
    return sorted(set(out))
