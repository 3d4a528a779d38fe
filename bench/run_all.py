"""Run every benchmark and write docs/benchmarks.md.

Each ``bench/bench_*.py`` module exposes ``run(quick: bool) -> str`` returning a
Markdown section (a ``## Heading``, the figures, and the command that reproduces
them). Run one with ``python -m bench.run_all NAME`` (e.g. ``matching``); the
other sections of docs/benchmarks.md are kept as they were.
"""

from __future__ import annotations

import importlib
import platform
import re
import sys
import time
from pathlib import Path

ORDER = [
    "import",
    "parsers",
    "text",
    "matching",
    "variants",
    "screening",
    "api",
    "batch",
    "spark",
]
DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
HEADER = """# Benchmarks

Produced by `make bench` (all sections) or `.venv/bin/python -m bench.run_all NAME`
(one section). Machine: {machine}. Each section names the command and date of its run,
and the CPU time of a fixed pure-Python loop (`bench.run_all.reference_seconds`) taken just
before and after it: on a shared virtual machine the same code runs up to half as fast again
from one hour to the next (the loop took 1.1 s on a quiet machine and 1.7 s on a busy one),
so compare figures with that time in mind.
"""


def reference_seconds() -> float:
    """CPU seconds of a fixed pure-Python loop: how fast the machine is just now (a shared
    virtual machine's speed varies from hour to hour; compare figures with this in mind)."""
    started = time.process_time()
    sum(i * i for i in range(10_000_000))
    return time.process_time() - started


def _sections(text: str) -> dict[str, str]:
    found = {}
    for match in re.finditer(r"<!-- bench:(\w+) -->\n(.*?)<!-- /bench:\1 -->", text, re.S):
        found[match[1]] = match[2]
    return found


def main(argv: list[str]) -> None:
    wanted = argv or ORDER
    quick = "--quick" in wanted
    wanted = [w for w in wanted if not w.startswith("--")] or ORDER
    existing = _sections(DOC.read_text()) if DOC.exists() else {}
    for name in wanted:
        try:
            module = importlib.import_module(f"bench.bench_{name}")
        except ModuleNotFoundError:
            print(f"[bench] no bench/bench_{name}.py, skipped", file=sys.stderr)
            continue
        before = reference_seconds()
        started = time.time()
        print(f"[bench] {name} ...", file=sys.stderr)
        body = module.run(quick=quick).strip() + "\n"
        stamp = time.strftime("%Y-%m-%d", time.gmtime())
        elapsed = time.time() - started
        after = reference_seconds()
        body += (
            f"\n_Run on {stamp} in {elapsed:.0f} s. Machine speed: the reference loop took "
            f"{before:.2f} s before and {after:.2f} s after (see the top of this page)._\n"
        )
        existing[name] = body
    from tamis.native import build_description

    machine = (
        f"{platform.machine()}, Python {platform.python_version()}, matching core "
        f"{build_description().split(' (')[0]}"
    )
    parts = [HEADER.format(machine=machine)]
    for name in ORDER + sorted(set(existing) - set(ORDER)):
        if name in existing:
            parts.append(f"<!-- bench:{name} -->\n{existing[name]}<!-- /bench:{name} -->\n")
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text("\n".join(parts))
    print(f"[bench] wrote {DOC}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
