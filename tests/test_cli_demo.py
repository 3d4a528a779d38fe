"""`tamis demo` (what `make run` starts) screens its examples on the bundled lists."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tamis.cli import app


def test_demo_screens_the_examples_on_the_bundled_lists(tamis_home: Path) -> None:
    result = CliRunner().invoke(app, ["demo", "--no-serve"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.output
    assert "HUAWEI TECHNOLOGIES CO., LTD." in out
    assert "PUTIN, Vladimir Vladimirovich" in out
    assert "Xiaomi Corporation" in out
    # 'CORP' alone and Xiaomi after its delisting raise nothing
    assert out.count("No hit at or above the threshold.") >= 2
    assert (tamis_home / "tamis.db").exists()
