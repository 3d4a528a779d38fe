"""Text normalisation: speed of latinize / name_variants, phonetic bucket sizes, coverage.

Names are every name and alias of the bundled lists, parsed with tamis' own parsers.
Run: ``.venv/bin/python -m bench.run_all text`` (``--quick`` uses a 5,000-name sample).
"""

from __future__ import annotations

import json
import statistics
import time
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz

from tamis.bundled import bundled_dirs
from tamis.sources.base import get_source
from tamis.store.importer import resolve_files
from tamis.text import detect_script, latinize, name_variants
from tamis.text.normalize import _variants
from tamis.text.phonetic import phonetic_key, soundex

EVAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "eval"
COMMAND = ".venv/bin/python -m bench.run_all text"


def bundled_names() -> list[str]:
    """Distinct names and aliases of every bundled list, in a stable order."""
    names: set[str] = set()
    for name, directory in sorted(bundled_dirs().items()):
        source = get_source(name)
        parsed = source.parse(resolve_files(source, directory))
        for entity in parsed.entities:
            for prop in ("name", "alias", "weakAlias", "previousName"):
                names.update(entity.properties.get(prop, []))
    return sorted(names)


def _time_per_call(func, items: list[str]) -> float:
    """CPU seconds per call (process time: other load on the machine does not count)."""
    started = time.process_time()
    for item in items:
        func(item)
    return (time.process_time() - started) / max(len(items), 1)


def _buckets(tokens: set[str], key) -> tuple[int, float, float, int]:
    """(distinct keys, tokens per key, mean bucket size seen by a token, largest bucket)."""
    sizes = Counter(key(t) for t in tokens)
    per_token = sum(n * n for n in sizes.values()) / max(len(tokens), 1)
    return len(sizes), len(tokens) / max(len(sizes), 1), per_token, max(sizes.values())


def cross_script_coverage() -> tuple[int, int, float, list[str]]:
    """(pairs whose Latin form is a variant, pairs, mean best similarity, misses)."""
    found, total, sims, misses = 0, 0, [], []
    for line in (EVAL / "cross_script.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        original = case["query"]["properties"]["name"][0]
        latin = latinize(case["candidate"]["properties"]["name"][0])
        variants = name_variants(original)
        best = max(fuzz.ratio(v.replace(" ", ""), latin.replace(" ", "")) for v in variants)
        total += 1
        sims.append(best / 100)
        if latin in variants:
            found += 1
        else:
            misses.append(f"{original} -> {latin} (best {best / 100:.2f})")
    return found, total, statistics.mean(sims), misses


def run(quick: bool) -> str:
    names = bundled_names()
    if quick:
        names = names[:: max(1, len(names) // 5000)]
    ascii_names = [n for n in names if n.isascii()]
    non_latin = [n for n in names if not n.isascii()]
    latinize.cache_clear()
    _variants.cache_clear()
    cold_latin = _time_per_call(latinize, ascii_names)
    cold_variants = _time_per_call(name_variants, ascii_names)
    latinize.cache_clear()
    _variants.cache_clear()
    cold_non_latin = _time_per_call(name_variants, non_latin)
    cold_latin_non = _time_per_call(latinize, non_latin)
    latinize.cache_clear()
    _variants.cache_clear()
    started = time.process_time()
    for name in names:
        name_variants(name)
    all_names = time.process_time() - started
    warm_variants = _time_per_call(name_variants, names)
    scripts = Counter(detect_script(n) for n in names)
    tokens = {t for n in names for v in name_variants(n) for t in v.split() if t.isalpha()}
    p_keys, p_ratio, p_seen, p_max = _buckets(tokens, phonetic_key)
    s_keys, s_ratio, s_seen, s_max = _buckets(tokens, soundex)
    found, total, mean_sim, misses = cross_script_coverage()
    variant_counts = [len(name_variants(n)) for n in names]
    lines = [
        "## Text normalisation (tamis.text)",
        "",
        f"Names: {len(names):,} distinct names and aliases of the bundled lists "
        f"({len(non_latin):,} not pure ASCII; scripts: "
        + ", ".join(f"{s} {c:,}" for s, c in scripts.most_common(8))
        + ").",
        "",
        "CPU time (process time) per call, so that other load on the machine does not count.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| `latinize`, uncached, ASCII names | {cold_latin * 1e6:.1f} µs/name |",
        f"| `name_variants`, uncached, ASCII names | {cold_variants * 1e6:.1f} µs/name |",
        f"| `name_variants`, uncached, non-ASCII names | {cold_non_latin * 1e6:.1f} µs/name |",
        f"| `latinize` after `name_variants`, non-ASCII | {cold_latin_non * 1e6:.1f} µs/name |",
        f"| `name_variants`, cached | {warm_variants * 1e6:.2f} µs/name |",
        f"| `name_variants` of every name, empty caches | {all_names:.2f} s |",
        f"| variants per name (mean / max) | {statistics.mean(variant_counts):.2f} / "
        f"{max(variant_counts)} |",
        f"| distinct alphabetic tokens (all variants) | {len(tokens):,} |",
        f"| `phonetic_key`: keys, tokens per key, bucket seen by a token, largest | "
        f"{p_keys:,}, {p_ratio:.2f}, {p_seen:.1f}, {p_max} |",
        f"| `soundex` (for comparison): same | {s_keys:,}, {s_ratio:.2f}, {s_seen:.1f}, {s_max} |",
        f"| cross_script: Latin form among `name_variants` | {found}/{total} "
        f"({found / total:.0%}) |",
        f"| cross_script: mean best similarity (rapidfuzz ratio) | {mean_sim:.3f} |",
        "",
        "Misses: " + ("; ".join(misses) if misses else "none") + ".",
        "",
        f"Command: `{COMMAND}`" + (" (quick sample)" if quick else ""),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run(quick=False))
