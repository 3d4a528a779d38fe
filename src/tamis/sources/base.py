"""The interface every official-list parser implements.

A *source* is one official publication (one or several files that belong
together, e.g. OFAC's sdn.csv + add.csv + alt.csv). Its parser turns the files
into a :class:`ParsedList`: entities with their listings plus the publication
date found in the file. Parsers are strict about structure (a wrong header is a
:class:`~tamis.errors.ParseError`) and forgiving about encoding quirks (BOM,
CRLF, a trailing 0x1A byte).

Adding a list = adding one module in :mod:`tamis.sources` that defines a
:class:`Source` subclass and registers it with :func:`register`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from tamis.errors import NotFound
from tamis.model import Entity


@dataclass
class ParsedList:
    """The result of parsing one version of a source."""

    source: str
    entities: list[Entity]
    published: str | None = None  #: ISO date taken from the file itself, if it has one
    files: dict[str, Path] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


class Source:
    """Base class of the list parsers.

    Subclasses set the class attributes and implement :meth:`parse`.
    """

    #: short id used in the store and on the CLI, e.g. ``ofac_sdn``
    name: ClassVar[str]
    #: human title, e.g. "OFAC Specially Designated Nationals (SDN)"
    title: ClassVar[str]
    #: publisher, e.g. "US Treasury OFAC"
    publisher: ClassVar[str] = ""
    #: logical file name -> official download URL (for ``tamis update``)
    urls: ClassVar[dict[str, str]] = {}
    #: logical file names that must be present; the others are optional
    required_files: ClassVar[tuple[str, ...]] = ()
    #: list ids this source produces in :attr:`Listing.list`
    lists: ClassVar[tuple[str, ...]] = ()

    def find_files(self, directory: Path) -> dict[str, Path]:
        """Map logical file names to files present in ``directory``.

        Matching is case-insensitive and accepts a ``.gz`` suffix.
        """
        found: dict[str, Path] = {}
        wanted = {name.lower(): name for name in (*self.required_files, *self.urls)}
        for path in sorted(directory.iterdir()):
            key = path.name.lower().removesuffix(".gz")
            if key in wanted:
                found[wanted[key]] = path
        return found

    def parse(self, files: dict[str, Path]) -> ParsedList:  # pragma: no cover - interface
        raise NotImplementedError


_REGISTRY: dict[str, type[Source]] = {}


def register(cls: type[Source]) -> type[Source]:
    """Class decorator that makes a source known by its :attr:`Source.name`."""
    _REGISTRY[cls.name] = cls
    return cls


def get_source(name: str) -> Source:
    _load_all()
    try:
        return _REGISTRY[name]()
    except KeyError:
        raise NotFound(f"unknown source {name!r}; known: {', '.join(sorted(_REGISTRY))}") from None


def all_sources() -> list[Source]:
    _load_all()
    return [cls() for _, cls in sorted(_REGISTRY.items())]


_loader: Callable[[], None] | None = None


def _load_all() -> None:
    import tamis.sources  # noqa: F401  (importing the package registers every parser)
