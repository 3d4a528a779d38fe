"""Pair scoring: accuracy on the labelled pair suites and pair-scoring speed.

``python -m bench.run_all matching`` (``--quick`` shortens the speed runs).
Suites are the development halves shipped in tests/data/eval; scores are taken
at each algorithm's default threshold. Speed is measured on the name_bench
pairs in one process: *cold* prepares both entities for every pair (caches
cleared), *warm* scores pairs whose prepared forms are cached. Both figures are
per core and use CPU time, so a busy shared machine does not distort them.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from tamis.matching import build_query, get_algorithm
from tamis.matching.prepared import prepare_entity, prepare_name
from tamis.model import Entity

EVAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "eval"
#: the best open-source peer (OpenSanctions logic-v2) on the same dev files
PEER = {
    "name_bench": "0.813",
    "entity_bench": "0.914",
    "cross_script": "0.59",
    "ofac_parity": "0.93",
}


def load(suite: str) -> list[dict]:
    with open(EVAL / f"{suite}.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _pair(row: dict) -> tuple[Entity, Entity]:
    return Entity.from_dict({**row["query"], "id": "q"}), Entity.from_dict(row["candidate"])


def prf(rows: list[dict], scores: list[float], threshold: float) -> tuple[float, float, float]:
    tp = sum(1 for r, s in zip(rows, scores, strict=True) if r["expected"] and s >= threshold)
    fp = sum(1 for r, s in zip(rows, scores, strict=True) if not r["expected"] and s >= threshold)
    fn = sum(1 for r, s in zip(rows, scores, strict=True) if r["expected"] and s < threshold)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def accuracy() -> list[str]:
    algo = get_algorithm("tamis-v1")
    lines = ["| suite | measure | tamis-v1 | peer (logic-v2) | target |", "|---|---|---|---|---|"]
    for suite, target in (("name_bench", ">= 0.90"), ("entity_bench", ">= 0.95")):
        rows = load(suite)
        scores = [algo.compare(*_pair(r)).score for r in rows]
        p, r, f = prf(rows, scores, algo.threshold)
        lines.append(
            f"| {suite} ({len(rows)} pairs) | F1 (P {p:.3f}, R {r:.3f}) | {f:.3f} "
            f"| {PEER[suite]} | {target} |"
        )
    rows = load("cross_script")
    met = sum(1 for r in rows if algo.compare(*_pair(r)).score >= r["min_score"])
    lines.append(
        f"| cross_script ({len(rows)} pairs) | share at or above min_score | "
        f"{met / len(rows):.2f} | {PEER['cross_script']} | 1.00 |"
    )
    ofac = get_algorithm("ofac-sls")
    rows = [r for r in load("ofac_parity") if r["ofac_score"] >= 0]
    within = sum(1 for r in rows if abs(100 * ofac.compare(*_pair(r)).score - r["ofac_score"]) <= 5)
    lines.append(
        f"| ofac_parity ({len(rows)} pairs OFAC scored) | ofac-sls within 5 points "
        f"| {within / len(rows):.2f} | {PEER['ofac_parity']} | >= 0.95 |"
    )
    return lines


def _clear_caches() -> None:
    import tamis.matching.features.tokens as tokens

    prepare_name.cache_clear()
    tokens.token_similarity.cache_clear()
    tokens.spelling_similarity.cache_clear()


def speed(quick: bool) -> list[str]:
    algo = get_algorithm("tamis-v1")
    pairs = [_pair(r) for r in load("name_bench")]
    _clear_caches()
    started = time.process_time()
    for q, c in pairs:
        algo.compare(q, c)
    cold = len(pairs) / (time.process_time() - started)
    prepared = [(prepare_entity(q), prepare_entity(c)) for q, c in pairs]
    rounds = 5 if quick else 40
    started = time.process_time()
    for _ in range(rounds):
        for q, c in prepared:
            algo.compare_prepared(q, c, explain=False)
    warm = rounds * len(pairs) / (time.process_time() - started)
    started = time.process_time()
    for _ in range(rounds):
        for q, c in prepared:
            algo.compare_prepared(q, c, explain=True)
    warm_explained = rounds * len(pairs) / (time.process_time() - started)
    return [
        "| pair scoring (name_bench pairs, one core, CPU time) | pairs/s |",
        "|---|---|",
        f"| cold: prepare both entities + score (matching caches cleared; the text "
        f"package's romanisation caches stay warm) | {cold:,.0f} |",
        f"| warm: prepared forms cached, score only | {warm:,.0f} |",
        f"| warm, with explanations | {warm_explained:,.0f} |",
        "| target | >= 20,000 |",
        "| peer (logic-v2, simple pairs) | ~4,300 |",
    ]


def run(quick: bool) -> str:
    build_query("warm up")  # import everything before timing
    parts = [
        "## Matching: pair suites and pair-scoring speed",
        "",
        "Command: `.venv/bin/python -m bench.run_all matching`",
        "",
    ]
    parts += accuracy()
    parts += [""]
    parts += speed(quick)
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    print(run(quick=True))
