"""The checkpoint of a batch run: which chunks are done, for which input and options.

It lives next to the output (``OUTPUT.checkpoint.json``) with one part file
per finished chunk in ``OUTPUT.parts/``. A chunk counts as done only once its
part files are fully written *and* the checkpoint lists it; the checkpoint is
rewritten atomically after each chunk, so a run killed at any instant (even
with ``kill -9``) restarts from a consistent state: chunks that were listed are
kept, any other part file is recomputed and overwritten.

The fingerprint covers the input file (path, size, modification time), the
column mapping, the screening options and the index, so resuming with a
changed input or options is refused instead of mixing two runs.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from tamis.errors import InputError

VERSION = 1


def fingerprint(input_path: Path, settings: dict[str, Any]) -> str:
    """Hash of the input file's identity and every setting that changes the output."""
    stat = input_path.stat()
    payload = {
        "input": str(input_path.resolve()),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "settings": settings,
    }
    return hashlib.sha256(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)).hexdigest()


@dataclass
class Checkpoint:
    """Completed chunks of one run, persisted next to its output."""

    path: Path
    parts: Path
    fingerprint: str
    #: chunk index -> {"rows": n, "hits": n, "errors": n}
    done: dict[int, dict[str, int]] = field(default_factory=dict)
    resumed: bool = False

    @classmethod
    def for_output(cls, output: Path, fp: str, restart: bool = False) -> Checkpoint:
        """Open the checkpoint of ``output``: resume it, or start fresh.

        Raises :class:`InputError` when a checkpoint from a different input or
        different options exists and ``restart`` is false.
        """
        path = output.with_name(output.name + ".checkpoint.json")
        parts = output.with_name(output.name + ".parts")
        if restart:
            path.unlink(missing_ok=True)
            shutil.rmtree(parts, ignore_errors=True)
        if path.exists():
            try:
                data = orjson.loads(path.read_bytes())
            except orjson.JSONDecodeError:
                raise InputError(
                    f"checkpoint {path.name} is unreadable; use --restart to start over"
                ) from None
            if data.get("version") != VERSION or data.get("fingerprint") != fp:
                raise InputError(
                    f"{path.name} belongs to a run with a different input file or options;"
                    " use --restart to start over (its finished chunks will be discarded)"
                )
            done = {int(k): v for k, v in data.get("done", {}).items()}
            checkpoint = cls(path, parts, fp, done, resumed=bool(done))
            checkpoint._drop_missing_parts()
        else:
            shutil.rmtree(parts, ignore_errors=True)
            checkpoint = cls(path, parts, fp)
            checkpoint.save()
        parts.mkdir(parents=True, exist_ok=True)
        return checkpoint

    def _drop_missing_parts(self) -> None:
        for index in list(self.done):
            if not self.part(index).exists() or not self.error_part(index).exists():
                del self.done[index]

    def part(self, index: int) -> Path:
        return self.parts / f"chunk-{index:07d}.jsonl"

    def error_part(self, index: int) -> Path:
        return self.parts / f"chunk-{index:07d}.errors.jsonl"

    def mark_done(self, index: int, counts: dict[str, int]) -> None:
        self.done[index] = counts
        self.save()

    def save(self) -> None:
        payload = {
            "version": VERSION,
            "fingerprint": self.fingerprint,
            "done": {str(k): v for k, v in sorted(self.done.items())},
        }
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "wb") as fh:
            fh.write(orjson.dumps(payload))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    def totals(self) -> dict[str, int]:
        out = {"rows": 0, "hits": 0, "errors": 0}
        for counts in self.done.values():
            for key in out:
                out[key] += counts.get(key, 0)
        return out

    def remove(self) -> None:
        """Delete the checkpoint and the part files once the output is complete."""
        shutil.rmtree(self.parts, ignore_errors=True)
        self.path.unlink(missing_ok=True)
