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

ORDER = ["import", "parsers", "text", "matching", "screening", "api", "batch", "spark"]
DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
HEADER = """# Benchmarks

Produced by `make bench` (all sections) or `.venv/bin/python -m bench.run_all NAME`
(one section). Machine: {machine}. Each section names the command and date of its run.
"""


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
        started = time.time()
        print(f"[bench] {name} ...", file=sys.stderr)
        body = module.run(quick=quick).strip() + "\n"
        stamp = time.strftime("%Y-%m-%d", time.gmtime())
        body += f"\n_Run on {stamp} in {time.time() - started:.0f} s._\n"
        existing[name] = body
    machine = f"{platform.machine()}, Python {platform.python_version()}"
    parts = [HEADER.format(machine=machine)]
    for name in ORDER + sorted(set(existing) - set(ORDER)):
        if name in existing:
            parts.append(f"<!-- bench:{name} -->\n{existing[name]}<!-- /bench:{name} -->\n")
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text("\n".join(parts))
    print(f"[bench] wrote {DOC}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
