"""Token buckets: bursts, refill over time, separate clients."""

from __future__ import annotations

from tamis.api.ratelimit import RateLimiter, retry_after


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_burst_then_refill() -> None:
    clock = Clock()
    limiter = RateLimiter(rate=2.0, burst=3, clock=clock)
    assert [limiter.acquire("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = limiter.acquire("a")
    assert wait == 0.5 and retry_after(wait) == "1"
    assert limiter.acquire("b") == 0.0  # another client has its own bucket
    clock.now += 0.5
    assert limiter.acquire("a") == 0.0
    assert limiter.acquire("a") > 0
    clock.now += 100
    assert [limiter.acquire("a") for _ in range(3)] == [0.0, 0.0, 0.0]  # capped at burst
    assert limiter.acquire("a") > 0


def test_disabled_limiter_allows_everything() -> None:
    limiter = RateLimiter(rate=0, burst=1)
    assert not limiter.enabled
    assert all(limiter.acquire("a") == 0.0 for _ in range(1000))
