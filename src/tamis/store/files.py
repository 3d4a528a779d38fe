"""Finding, hashing and parsing the files of one version of a source."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tamis.errors import EmptySourceError, InputError, ParseError, TamisError
from tamis.sources.base import ParsedList, Source
from tamis.sources.common import read_bytes


def resolve_files(source: Source, files: Path | dict[str, Path]) -> dict[str, Path]:
    """Logical file name -> path, from a directory, a single file or a mapping."""
    if isinstance(files, dict):
        resolved = {name: Path(path) for name, path in files.items()}
    else:
        path = Path(files)
        if path.is_dir():
            resolved = source.find_files(path)
        elif path.is_file():
            resolved = _single_file(source, path)
        else:
            raise InputError(f"{path}: no such file or directory")
    for name, path in resolved.items():
        if not path.is_file():
            raise InputError(f"{source.name}: {name} -> {path}: no such file")
    missing = [name for name in source.required_files if name not in resolved]
    if missing:
        raise ParseError(f"{source.name}: required file(s) missing: {', '.join(missing)}")
    if not resolved:
        raise ParseError(f"{source.name}: no file of this source found")
    return resolved


def _single_file(source: Source, path: Path) -> dict[str, Path]:
    key = path.name.lower().removesuffix(".gz")
    for name in (*source.required_files, *source.urls):
        if name.lower() == key:
            return {name: path}
    names = list(dict.fromkeys((*source.required_files, *source.urls)))
    if not names:  # a source that takes files of any name
        return {path.name.removesuffix(".gz"): path}
    if len(names) == 1:
        return {names[0]: path}
    found = source.find_files(path.parent)
    if path in found.values():
        return {name: p for name, p in found.items() if p == path}
    raise InputError(
        f"{path.name}: not a file of source {source.name} (expected one of {', '.join(names)})"
    )


def hash_files(files: dict[str, Path]) -> tuple[str, dict[str, str]]:
    """sha256 of each file's content (un-gzipped) and a combined hash of the set."""
    per_file = {
        name: hashlib.sha256(read_bytes(path)).hexdigest() for name, path in sorted(files.items())
    }
    combined = hashlib.sha256(
        "\n".join(f"{name}\t{digest}" for name, digest in per_file.items()).encode()
    ).hexdigest()
    return combined, per_file


def parse_checked(source: Source, files: dict[str, Path]) -> ParsedList:
    """Parse, turning unexpected parser failures into a :class:`ParseError`."""
    try:
        parsed = source.parse(files)
    except TamisError:
        raise
    except (UnicodeError, ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        raise ParseError(f"{source.name}: the file could not be parsed ({exc})") from exc
    if not parsed.entities:
        raise EmptySourceError(f"{source.name}: the file holds no entities")
    return parsed
