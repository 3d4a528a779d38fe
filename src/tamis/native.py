"""Which modules of this installation run compiled, and whether those builds are current.

``pip install`` compiles the matching core with mypyc (see setup.py); the compiled
module (``names.cpython-311-x86_64-linux-gnu.so``) sits beside its source and Python
imports it first. In a development checkout an edited source is therefore ignored
until it is compiled again (``make`` does it): :func:`stale_builds` finds such
sources so that the test suite can refuse to run against an old build.
"""

from __future__ import annotations

import importlib.machinery
import sys
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent
_EXTENSION_SUFFIXES = tuple(importlib.machinery.EXTENSION_SUFFIXES)


def _compiled_files(root: Path = PACKAGE_ROOT) -> list[Path]:
    return sorted(
        path
        for path in root.rglob("*")
        if path.name.endswith(_EXTENSION_SUFFIXES) and path.is_file()
    )


def _source_of(compiled: Path) -> Path:
    return compiled.with_name(compiled.name.split(".", 1)[0] + ".py")


def compiled_modules() -> list[str]:
    """Dotted names of the tamis modules built as native extensions."""
    names = []
    for path in _compiled_files():
        relative = _source_of(path).relative_to(PACKAGE_ROOT.parent).with_suffix("")
        names.append(".".join(relative.parts))
    return names


def stale_builds(root: Path = PACKAGE_ROOT) -> list[Path]:
    """Sources under ``root`` edited after their compiled module was built (that module
    still runs)."""
    stale = []
    for path in _compiled_files(root):
        source = _source_of(path)
        if source.exists() and source.stat().st_mtime > path.stat().st_mtime:
            stale.append(source)
    return stale


def build_description() -> str:
    """One line for reports: whether the matching core runs compiled."""
    modules = compiled_modules()
    if not modules:
        return "interpreted (pure Python: TAMIS_PURE_PYTHON=1 or no compiler at install)"
    loaded = sum(1 for name in modules if name in sys.modules)
    return f"compiled with mypyc ({len(modules)} modules, {loaded} loaded)"
