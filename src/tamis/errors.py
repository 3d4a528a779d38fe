"""Exceptions raised by tamis.

Every error tamis raises on purpose derives from :class:`TamisError`, and each
carries the process exit code the CLI uses for it::

    TamisError (1)
    ├── InputError (2)            bad user input: a query, a date, a flag
    ├── SourceError (3)           an official list file could not be used
    │   ├── ParseError            the file does not parse / has the wrong shape
    │   ├── EncodingError         the file is not valid in its encoding
    │   ├── EmptySourceError      the file holds no entities
    │   └── UnsafeXMLError        external entities / entity expansion refused
    ├── ImportRefused (4)         the new version would remove too much of the list
    ├── StoreError (5)            the database cannot be used
    ├── FetchError (6)            a download failed
    └── NotFound (7)              an entity, source or version does not exist
"""

from __future__ import annotations


class TamisError(Exception):
    """Root of every error tamis raises deliberately."""

    exit_code = 1


class InputError(TamisError, ValueError):
    """A query, date, option or file given by the user is not acceptable."""

    exit_code = 2


class SourceError(TamisError):
    """An official list file cannot be turned into entities."""

    exit_code = 3


class ParseError(SourceError):
    """The file does not parse, or its structure is not the expected one."""


class EncodingError(SourceError):
    """The file is not valid text in its declared or expected encoding."""


class EmptySourceError(SourceError):
    """The file parsed but holds no entities."""


class UnsafeXMLError(SourceError):
    """The XML uses external entities, DTD entity declarations or expansion."""


class ImportRefused(TamisError):
    """A new version was refused; the previous version stays current."""

    exit_code = 4


class StoreError(TamisError):
    """The database is unreachable or not in the expected state."""

    exit_code = 5


class FetchError(TamisError):
    """Downloading an official file failed."""

    exit_code = 6


class NotFound(TamisError, LookupError):
    """An entity, source, version or key does not exist."""

    exit_code = 7
