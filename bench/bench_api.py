"""Load benchmark of the HTTP service: POST /match, one query per request, 50 clients.

The server is ``tamis serve`` over the bundled lists (all of them), started
as a subprocess on 127.0.0.1; the load comes from a separate process running
an asyncio HTTP/1.1 client with keep-alive connections (lighter than a
general-purpose client, so that it leaves the CPU to the server). Queries are
list names (hits) and made-up names (misses), half each, shuffled.

Reported: requests/s, latency percentiles, errors, and the servers' resident
memory sampled every second (flat = no growth between the first and the last
quarter of the run); then the latency when the same clients offer the target
rate of 500 requests/s between them (open loop, each latency counted from the
time its request was due).

    .venv/bin/python -m bench.run_all api            # 5 minutes
    .venv/bin/python -m bench.run_all api --quick    # 30 seconds
    .venv/bin/python -m bench.bench_api --seconds 60 --workers 2
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
HOME = ROOT / "bench" / "out" / "api-home"
CONCURRENCY = 50
#: requests/s offered in the open-loop run (the throughput target)
TARGET_RATE = 500.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and its children (the uvicorn workers)."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for one in pids:
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def _queries(env: dict[str, str], count: int = 1000) -> list[bytes]:
    """Request bodies: names from the store (hits) and invented ones (misses)."""
    script = (
        "import json, random; from tamis.store import open_store\n"
        "names = [e.caption for e in open_store().entities()]\n"
        "random.Random(7).shuffle(names); print(json.dumps(names[:2000]))"
    )
    names = json.loads(
        subprocess.run(
            [sys.executable, "-c", script], env=env, check=True, capture_output=True, text=True
        ).stdout
    )
    rng = random.Random(11)
    syllables = ["ka", "lo", "mi", "ren", "sa", "tov", "ur", "vel", "zan", "dri", "po", "qua"]
    bodies = []
    for i in range(count):
        if i % 2 == 0:
            name = names[i % len(names)]
        else:
            name = " ".join(
                "".join(rng.choice(syllables) for _ in range(3)).title() for _ in range(2)
            )
        query = {"queries": {"q": {"schema": "LegalEntity", "properties": {"name": [name]}}}}
        bodies.append(json.dumps(query).encode())
    return bodies


# -- the load generator (runs in its own process) ---------------------------------------
async def _client(
    host: str,
    port: int,
    bodies: list[bytes],
    stop_at: float,
    latencies: list[float],
    errors: list[str],
    offset: int,
    interval: float = 0.0,
) -> None:
    """One keep-alive connection sending requests one after the other until ``stop_at``.

    With ``interval`` 0 the next request leaves as soon as the last one is answered
    (closed loop: the server's capacity). Otherwise requests are due every
    ``interval`` seconds (open loop: a fixed offered rate) and each latency is counted
    from the time its request was due, so a late answer also counts against the
    requests it held back (no "coordinated omission")."""
    reader, writer = await asyncio.open_connection(host, port)
    i = offset
    due = time.perf_counter() + interval * (offset % 997) / 997
    try:
        while time.perf_counter() < stop_at:
            body = bodies[i % len(bodies)]
            i += 1
            head = (
                f"POST /match/default HTTP/1.1\r\nHost: {host}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
            )
            if interval:
                wait = due - time.perf_counter()
                if wait > 0:
                    await asyncio.sleep(wait)
                started = due
                due += interval
            else:
                started = time.perf_counter()
            writer.write(head.encode() + body)
            status_line = await reader.readline()
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            if b" 200 " not in status_line:
                errors.append(status_line.decode(errors="replace").strip())
    except (OSError, asyncio.IncompleteReadError) as exc:
        errors.append(repr(exc))
    finally:
        writer.close()


async def _load(
    url: str, seconds: float, concurrency: int, bodies: list[bytes], rate: float = 0.0
) -> dict:
    """Runs ``concurrency`` clients for ``seconds``: as fast as answers come back, or
    offering ``rate`` requests/s between them when ``rate`` is given."""
    host, port = url.removeprefix("http://").split(":")
    latencies: list[float] = []
    errors: list[str] = []
    started = time.perf_counter()
    stop_at = started + seconds
    interval = concurrency / rate if rate else 0.0
    await asyncio.gather(
        *(
            _client(host, int(port), bodies, stop_at, latencies, errors, i * 17, interval)
            for i in range(concurrency)
        )
    )
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else 0.0

    return {
        "requests": len(latencies),
        "seconds": elapsed,
        "rps": len(latencies) / elapsed,
        "errors": len(errors),
        "error_kinds": dict(collections.Counter(e[:60] for e in errors).most_common(5)),
        "p50_ms": pct(0.50),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "max_ms": ordered[-1] * 1000 if ordered else 0.0,
        "mean_ms": statistics.fmean(ordered) * 1000 if ordered else 0.0,
    }


def loadgen_main(
    url: str, seconds: float, concurrency: int, bodies_file: str, rate: float = 0.0
) -> None:
    bodies = [line.encode() for line in Path(bodies_file).read_text().splitlines()]
    print(json.dumps(asyncio.run(_load(url, seconds, concurrency, bodies, rate))))


# -- the benchmark ---------------------------------------------------------------------
def measure(
    seconds: float, workers: int, concurrency: int = CONCURRENCY, paced_seconds: float = 60.0
) -> dict:
    HOME.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "TAMIS_HOME": str(HOME),
        "TAMIS_OPEN_SCREENING": "1",
        "TAMIS_POLL_SECONDS": "30",
    }
    env.pop("TAMIS_DATABASE_URL", None)
    env.pop("TAMIS_CONFIG", None)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    tamis = str(Path(sys.executable).parent / "tamis")
    server = subprocess.Popen(
        [tamis, "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        ready_at = time.monotonic()
        with httpx.Client(timeout=10) as client:
            while True:
                if server.poll() is not None:
                    raise RuntimeError(f"server exited: {server.stderr.read().decode()[-2000:]}")
                try:
                    if client.get(f"{url}/readyz").status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() - ready_at > 900:
                    raise RuntimeError("server not ready after 15 minutes")
                time.sleep(1)
            # with several workers, wait until each one has its index (readyz per answer)
            time.sleep(2)
            while not all(client.get(f"{url}/readyz").status_code == 200 for _ in range(8)):
                time.sleep(1)
        startup = time.monotonic() - ready_at
        bodies_file = HOME / "bodies.jsonl"
        bodies_file.write_text("\n".join(b.decode() for b in _queries(env)) + "\n")
        # warm-up, then the measured run with memory sampled every second
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.bench_api",
                "--loadgen",
                url,
                "5",
                str(concurrency),
                str(bodies_file),
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        gen = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bench.bench_api",
                "--loadgen",
                url,
                str(seconds),
                str(concurrency),
                str(bodies_file),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        rss: list[int] = []
        while gen.poll() is None:
            rss.append(_tree_rss(server.pid))
            time.sleep(1)
        result = json.loads(gen.stdout.read() if gen.stdout else "{}")
        # one client alone: the time one request costs the server, without queueing
        single = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.bench_api",
                "--loadgen",
                url,
                "10",
                "1",
                str(bodies_file),
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        alone = json.loads(single.stdout)
        result.update(
            single_p50_ms=alone["p50_ms"], single_p99_ms=alone["p99_ms"], single_rps=alone["rps"]
        )
        # the same clients offering the target rate: the latency a caller sees at it
        paced = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.bench_api",
                "--loadgen",
                url,
                str(paced_seconds),
                str(concurrency),
                str(bodies_file),
                str(TARGET_RATE),
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        result["paced"] = json.loads(paced.stdout)
        quarter = max(1, len(rss) // 4)
        result.update(
            workers=workers,
            concurrency=concurrency,
            startup_s=startup,
            rss_first_mb=statistics.fmean(rss[:quarter]) / 2**20 if rss else 0.0,
            rss_last_mb=statistics.fmean(rss[-quarter:]) / 2**20 if rss else 0.0,
            rss_max_mb=max(rss) / 2**20 if rss else 0.0,
            rss_half_mb=rss[len(rss) // 2] / 2**20 if rss else 0.0,
            rss_end_mb=rss[-1] / 2**20 if rss else 0.0,
        )
        return result
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def run(quick: bool) -> str:
    seconds = 30.0 if quick else 300.0
    workers = 2
    r = measure(seconds, workers, paced_seconds=20.0 if quick else 120.0)
    growth = (r["rss_last_mb"] - r["rss_first_mb"]) / max(r["rss_first_mb"], 1.0)
    late = (r["rss_end_mb"] - r["rss_half_mb"]) / max(r["rss_half_mb"], 1.0)
    half = f"{r['rss_half_mb']:.0f} / {r['rss_end_mb']:.0f}"
    command = "bench.run_all api --quick" if quick else "bench.run_all api"
    kinds = ", ".join(f"{k}: {v}" for k, v in r["error_kinds"].items())
    kinds = f"({kinds})" if kinds else ""
    single = f"{r['single_p50_ms']:.1f} / {r['single_p99_ms']:.1f} ms, {r['single_rps']:.0f} req/s"
    lat = " / ".join(f"{r[k]:.1f}" for k in ("p50_ms", "p95_ms", "p99_ms", "max_ms"))
    paced = r["paced"]
    offered = f"the same clients offering {TARGET_RATE:.0f} req/s between them"
    paced_lat = " / ".join(f"{paced[k]:.1f}" for k in ("p50_ms", "p95_ms", "p99_ms", "max_ms"))
    rss = " / ".join(f"{r[k]:.0f}" for k in ("rss_first_mb", "rss_last_mb", "rss_max_mb"))
    return f"""## HTTP API: POST /match under load

`POST /match/default`, one query per request (half list names, half invented names),
{r["concurrency"]} concurrent keep-alive clients in a separate process, server
`tamis serve --workers {workers}` on the bundled lists, loopback, {r["seconds"]:.0f} s run.

| figure | value | target |
|---|---|---|
| requests | {r["requests"]} | |
| throughput | {r["rps"]:.0f} req/s | >= 500 |
| latency p50 / p95 / p99 / max | {lat} ms | p99 <= 50 ms |
| errors (non-200 or connection) | {r["errors"]} {kinds} | 0 |
| server RSS, first / last quarter / max | {rss} MB ({growth:+.1%}) | flat |
| server RSS at half time / at the end | {half} MB ({late:+.1%}) | flat |
| start-up until ready (both workers) | {r["startup_s"]:.0f} s | |
| one client alone: p50 / p99, throughput | {single} | |
| **open loop**: {offered}, {paced["seconds"]:.0f} s | {paced["rps"]:.0f} req/s answered | >= 500 |
| open loop: latency p50 / p95 / p99 / max, from due time | {paced_lat} ms | p99 <= 50 ms |
| open loop: errors | {paced["errors"]} | 0 |

With one client the latency is the cost of one request to the server, most of it the
scoring in `Screener.screen`; throughput under load is bounded by workers / that cost.
The closed loop (each client sends its next request as soon as the last is answered)
measures capacity: its latency is mostly queueing, 50 / throughput on average (Little's
law). The open loop offers a fixed rate, as callers do, and counts each latency from the
time its request was due, so a server that falls behind is charged for the wait.

The first minutes fill the matching engine's bounded caches (token similarities, prepared
names); the half-time-to-end figure shows whether memory is still growing after that.

Reproduce: `.venv/bin/python -m {command}`.
"""


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--loadgen":
        rate = float(argv[5]) if len(argv) > 5 else 0.0
        loadgen_main(argv[1], float(argv[2]), int(argv[3]), argv[4], rate)
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=CONCURRENCY)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.seconds, args.workers, args.concurrency), indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
