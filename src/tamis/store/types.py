"""Plain result objects the store returns (no database objects leak out)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class ImportResult:
    """What one import did."""

    source: str
    status: str  #: "imported" or "unchanged"
    version_id: int
    published: str | None
    sha256: str
    entity_count: int
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    modified: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class VersionInfo:
    """One imported version of a source."""

    id: int
    source: str
    published: str | None
    fetched_at: str
    imported_at: str
    sha256: str
    entity_count: int
    counts: dict[str, dict[str, int]]
    files: dict[str, str]
    added: int
    removed: int
    modified: int
    warnings: list[str] = field(default_factory=list)
    current: bool = False

    @property
    def date(self) -> str:
        """The date the version stands for: its publication date, else its fetch date."""
        return self.published or self.fetched_at[:10]

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["date"] = self.date
        return out


@dataclass
class ChangeRecord:
    """One dated event in an entity's timeline.

    ``change`` is ``added`` / ``modified`` / ``removed`` for differences between
    imported versions (``version_id`` set, ``diff`` holding field-level changes
    for ``modified``), or a listing event taken from the list itself:
    ``listed``, ``delisted`` or the event name of :attr:`Listing.events`
    (``designated``, ``injunction``, ...), with ``list`` and ``detail``.
    """

    date: str | None
    entity_id: str
    caption: str
    change: str
    source: str
    version_id: int | None = None
    list: str | None = None
    detail: str | None = None
    diff: dict[str, Any] | None = None
    imported_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass
class EntityChange:
    """An entity that differs between two versions (see :class:`Diff`)."""

    id: str
    caption: str
    diff: dict[str, Any]


@dataclass
class Diff:
    """The difference between two versions of one source."""

    source: str
    from_version: VersionInfo | None
    to_version: VersionInfo
    added: list[tuple[str, str]] = field(default_factory=list)  #: (id, caption)
    removed: list[tuple[str, str]] = field(default_factory=list)
    changed: list[EntityChange] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "from": self.from_version.to_dict() if self.from_version else None,
            "to": self.to_version.to_dict(),
            "added": [{"id": i, "caption": c} for i, c in self.added],
            "removed": [{"id": i, "caption": c} for i, c in self.removed],
            "changed": [asdict(change) for change in self.changed],
        }
