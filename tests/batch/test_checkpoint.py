"""Checkpoints: resumed only for the same input and options, atomically updated."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tamis.batch.checkpoint import Checkpoint, fingerprint
from tamis.batch.writers import write_part
from tamis.errors import InputError


def test_fingerprint_changes_with_input_and_settings(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("name\nA\n")
    first = fingerprint(path, {"threshold": 0.7})
    assert fingerprint(path, {"threshold": 0.7}) == first
    assert fingerprint(path, {"threshold": 0.8}) != first
    os.utime(path, ns=(1, 1))
    assert fingerprint(path, {"threshold": 0.7}) != first


def test_resume_keeps_done_chunks_whose_parts_exist(tmp_path: Path) -> None:
    out = tmp_path / "hits.csv"
    checkpoint = Checkpoint.for_output(out, "fp1")
    assert not checkpoint.resumed
    for index in (0, 1):
        write_part(checkpoint.part(index), [{"row_id": str(index)}])
        write_part(checkpoint.error_part(index), [])
        checkpoint.mark_done(index, {"rows": 10, "hits": 1, "errors": 0})
    checkpoint.part(1).unlink()  # a lost part file must be recomputed, not trusted
    again = Checkpoint.for_output(out, "fp1")
    assert again.resumed
    assert sorted(again.done) == [0]
    assert again.totals() == {"rows": 10, "hits": 1, "errors": 0}


def test_different_fingerprint_is_refused_then_restart(tmp_path: Path) -> None:
    out = tmp_path / "hits.csv"
    checkpoint = Checkpoint.for_output(out, "fp1")
    write_part(checkpoint.part(0), [])
    write_part(checkpoint.error_part(0), [])
    checkpoint.mark_done(0, {"rows": 1, "hits": 0, "errors": 0})
    with pytest.raises(InputError, match="--restart"):
        Checkpoint.for_output(out, "fp2")
    fresh = Checkpoint.for_output(out, "fp2", restart=True)
    assert fresh.done == {}
    assert not fresh.part(0).exists()


def test_corrupt_checkpoint_is_a_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "hits.csv"
    out.with_name("hits.csv.checkpoint.json").write_text("{not json")
    with pytest.raises(InputError, match="unreadable"):
        Checkpoint.for_output(out, "fp1")


def test_remove_cleans_up(tmp_path: Path) -> None:
    out = tmp_path / "hits.csv"
    checkpoint = Checkpoint.for_output(out, "fp1")
    checkpoint.remove()
    assert list(tmp_path.iterdir()) == []
