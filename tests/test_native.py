"""The compiled build of the matching core: really in use, and never silently stale."""

from __future__ import annotations

import importlib.machinery
import os
from pathlib import Path

import pytest

import tamis.matching.algorithms.tamis_v1 as tamis_v1
import tamis.matching.features.names as names
from tamis.native import build_description, compiled_modules, stale_builds

SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


@pytest.mark.skipif(
    os.environ.get("TAMIS_PURE_PYTHON") == "1", reason="installed without compilation"
)
def test_matching_core_runs_compiled() -> None:
    assert names.__file__.endswith(SUFFIX)
    assert tamis_v1.__file__.endswith(SUFFIX)
    assert {"tamis.matching.features.names", "tamis.matching.algorithms.tamis_v1"} <= set(
        compiled_modules()
    )
    # numba compiles these itself: mypyc must leave them to the interpreter
    assert "tamis.matching.features.bound_kernels" not in compiled_modules()
    assert build_description().startswith("compiled with mypyc")


def test_a_source_edited_after_its_build_is_reported(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    compiled = package / f"fresh{SUFFIX}"
    source = package / "fresh.py"
    edited = package / "edited.py"
    edited_build = package / f"edited{SUFFIX}"
    for path in (source, compiled, edited_build, edited):
        path.write_text("")
    os.utime(source, (1_000, 1_000))
    os.utime(compiled, (2_000, 2_000))
    os.utime(edited_build, (1_000, 1_000))
    os.utime(edited, (2_000, 2_000))
    (package / "plain.py").write_text("")  # never compiled: not a build to check

    assert stale_builds(package) == [edited]
