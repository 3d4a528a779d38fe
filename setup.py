"""Build hook: compiles the pure-Python matching core to C with mypyc.

The modules listed in NATIVE_MODULES run faster compiled (half the instructions per scored
pair) and behave the same (the tests run against the compiled build).
``TAMIS_PURE_PYTHON=1`` at install time skips compilation: tamis then runs the same code
interpreted, for machines without a C compiler. Everything else about the package lives
in pyproject.toml.
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup

SOURCE = Path("src/tamis")
#: the pure-Python code on the screening path: text normalisation, prepared records,
#: candidate generation, features and algorithms
COMPILED_PATTERNS = [
    "text/*.py",
    "matching/prepared.py",
    "matching/index.py",
    "matching/candidates.py",
    "matching/features/*.py",
    "matching/algorithms/*.py",
]
#: modules of numba kernels stay interpreted (numba compiles them itself), and so do the
#: text package's public modules: compiled functions lose their docstrings and answer a
#: wrong argument type with a TypeError, where the documented API raises InputError
INTERPRETED = {
    "matching/features/bound_kernels.py",
    "matching/features/context.py",
    "matching/candidate_kernels.py",
    "text/normalize.py",
    "text/phonetic.py",
    "text/legal_forms.py",
    "text/names.py",
    "text/identifiers.py",
    "text/scripts.py",  # detect_script is public
    # imported by the public modules
    "text/caching.py",
    "text/tables.py",
}
NATIVE_MODULES = sorted(
    str(path)
    for pattern in COMPILED_PATTERNS
    for path in SOURCE.glob(pattern)
    if path.relative_to(SOURCE).as_posix() not in INTERPRETED and path.name != "__init__.py"
)

#: third-party packages are typed as Any whether or not the build environment holds
#: them, so the build does not depend on what is installed
MYPY_OPTIONS = ["--no-site-packages", "--ignore-missing-imports", "--follow-imports=silent"]


def _extensions() -> list:
    if os.environ.get("TAMIS_PURE_PYTHON") == "1":
        return []
    from mypyc.build import mypycify

    return mypycify(
        [*MYPY_OPTIONS, *NATIVE_MODULES],
        group_name="tamis_native",
    )


setup(ext_modules=_extensions())
