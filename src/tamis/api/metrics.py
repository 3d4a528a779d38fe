"""Prometheus metrics: requests, latencies, the index in use, and how old each list is.

Each app has its own registry (so several apps in one process do not mix
their counts). With ``--workers N`` every worker keeps its own counts and a
scrape of /metrics sees the worker that answered it; the ``worker`` label
(the process id) tells them apart.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from tamis.service import ScreeningService

BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


def _age_days(value: str | None, now: datetime) -> float | None:
    if not value:
        return None
    try:
        if len(value) <= 10:
            parts = [int(p) for p in value.split("-")] + [1, 1]
            day = date(parts[0], parts[1], parts[2])
            stamp = datetime(day.year, day.month, day.day, tzinfo=UTC)
        else:
            stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
            if stamp.tzinfo is None:
                stamp = stamp.replace(tzinfo=UTC)
    except ValueError:
        return None
    return (now - stamp).total_seconds()


class _IndexCollector(Collector):
    """Read the service's current snapshot at scrape time."""

    def __init__(self, service: ScreeningService) -> None:
        self.service = service

    def collect(self) -> Iterator[GaugeMetricFamily]:
        worker = str(os.getpid())
        ready = GaugeMetricFamily(
            "tamis_index_ready", "1 when an index is loaded", labels=["worker"]
        )
        ready.add_metric([worker], 1.0 if self.service.ready else 0.0)
        yield ready
        swaps = GaugeMetricFamily(
            "tamis_index_swaps", "Indexes built since start", labels=["worker"]
        )
        swaps.add_metric([worker], float(self.service.swaps))
        yield swaps
        if not self.service.ready:
            return
        snap = self.service.snapshot
        info = GaugeMetricFamily(
            "tamis_index_info",
            "The data version the index was built from",
            labels=["worker", "data_version"],
        )
        info.add_metric([worker, snap.data_version], 1.0)
        yield info
        built = GaugeMetricFamily(
            "tamis_index_built_timestamp_seconds",
            "When the index in use was built",
            labels=["worker"],
        )
        built.add_metric([worker], snap.built_at.timestamp())
        yield built
        count = GaugeMetricFamily(
            "tamis_index_entities", "Entities in the index", labels=["worker"]
        )
        count.add_metric([worker], float(len(snap.entities)))
        yield count
        now = datetime.now(UTC)
        published = GaugeMetricFamily(
            "tamis_list_age_seconds",
            "Age of the current version of each source (publication date, else fetch date)",
            labels=["source"],
        )
        imported = GaugeMetricFamily(
            "tamis_list_import_age_seconds",
            "Time since the current version of each source was imported",
            labels=["source"],
        )
        for source in snap.sources:
            age = _age_days(source.get("date"), now)
            if age is not None:
                published.add_metric([source["source"]], age)
            age = _age_days(source.get("imported_at"), now)
            if age is not None:
                imported.add_metric([source["source"]], age)
        yield published
        yield imported


class ApiMetrics:
    """The metrics of one app."""

    def __init__(self, service: ScreeningService) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "tamis_http_requests",
            "HTTP requests answered",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "tamis_http_request_duration_seconds",
            "Time to answer HTTP requests",
            ["method", "route"],
            buckets=BUCKETS,
            registry=self.registry,
        )
        self.registry.register(_IndexCollector(service))
        #: the labelled children by (method, route, status): ``labels()`` costs more
        #: than the counting (routes and statuses are few; unmatched paths share one)
        self._children: dict[tuple[str, str, int], tuple[Any, Any]] = {}

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        key = (method, route, status)
        children = self._children.get(key)
        if children is None:
            children = (
                self.requests.labels(method, route, str(status)),
                self.latency.labels(method, route),
            )
            if len(self._children) < 1000:
                self._children[key] = children
        children[0].inc()
        children[1].observe(seconds)

    def render(self) -> bytes:
        return generate_latest(self.registry)
