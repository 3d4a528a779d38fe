"""Resuming: a run killed with SIGKILL mid-way and started again loses and repeats nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

CLI = [sys.executable, "-c", "from tamis.cli import main; main()"]


def done_chunks(checkpoint: Path) -> int:
    try:
        return len(orjson.loads(checkpoint.read_bytes())["done"])
    except (FileNotFoundError, orjson.JSONDecodeError, KeyError):
        return 0


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_stopped_run_then_rerun_equals_an_uninterrupted_run(
    tmp_path: Path,
    entities_file: Path,
    make_customers,  # noqa: ANN001
    run_main,  # noqa: ANN001
    stop: signal.Signals,
) -> None:
    customers = tmp_path / "customers.csv"
    make_customers(customers, 4000)
    common = ["--entities", str(entities_file), "--chunk-size", "40", "--workers", "2"]
    common.append("--no-progress")
    reference = tmp_path / "reference.csv"
    code, err = run_main("screen-file", str(customers), "-o", str(reference), *common)
    assert code == 0, err

    out = tmp_path / "hits.csv"
    checkpoint = tmp_path / "hits.csv.checkpoint.json"
    process = subprocess.Popen(
        [*CLI, "screen-file", str(customers), "-o", str(out), *common],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while done_chunks(checkpoint) < 5 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    # to the whole process group: the parent and its workers, as kill -9 or a terminal's Ctrl-C
    os.killpg(process.pid, stop)
    _, stderr = process.communicate(timeout=60)
    finished_before_stop = done_chunks(checkpoint)
    if stop == signal.SIGKILL:
        assert process.returncode == -signal.SIGKILL
    else:
        assert process.returncode == 130, stderr
        assert "run the same command again" in " ".join(stderr.split())
    assert 5 <= finished_before_stop < 100, "the run must be stopped mid-way"
    assert not out.exists()

    code, err = run_main("screen-file", str(customers), "-o", str(out), *common)
    assert code == 0, err
    assert "chunks resumed" in err
    assert out.read_bytes() == reference.read_bytes()
    errors = out.with_name("hits.csv.errors.csv").read_bytes()
    assert errors == reference.with_name("reference.csv.errors.csv").read_bytes()
    summary = orjson.loads(out.with_name("hits.csv.summary.json").read_bytes())
    assert summary["rows"] == 4000
    assert summary["resumed_chunks"] >= finished_before_stop
    assert not checkpoint.exists()


def test_changed_input_invalidates_the_checkpoint(
    tmp_path: Path,
    entities_file: Path,
    make_customers,
    run_main,  # noqa: ANN001
) -> None:
    from tamis.batch.checkpoint import Checkpoint

    customers = tmp_path / "customers.csv"
    make_customers(customers, 50)
    out = tmp_path / "hits.csv"
    Checkpoint.for_output(out, "an earlier run")  # as left by an interrupted run
    common = ["--entities", str(entities_file), "--workers", "1", "--no-progress"]
    code, err = run_main("screen-file", str(customers), "-o", str(out), *common)
    assert code == 2
    assert "different input file or options" in err
    assert "--restart" in err
    assert not out.exists()
    code, err = run_main("screen-file", str(customers), "-o", str(out), *common, "--restart")
    assert code == 0, err
    assert out.exists()
