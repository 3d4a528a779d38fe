"""Birth-date and country agreement of many list entities at once.

Screening skips the candidates that even a perfect name could not lift to the
floor, given their actual birth dates and countries (a different birth year
alone costs more than a third of the score). A query has fifty-odd candidates;
comparing their dates and countries one by one in Python cost more than bounding
their names. :class:`EntityContext` holds every entity's dates and countries as
numbers, and one compiled loop gives the agreements of all candidates, by the
rules of :func:`~tamis.matching.features.dates.birth_date_agreement` and
:func:`~tamis.matching.features.country.country_agreement` (the tests hold the
two to the same answers).
"""

from __future__ import annotations

from collections.abc import Sequence

import numba
import numpy as np

from tamis.matching.prepared import PreparedEntity


def date_code(date: str) -> int:
    """A normalised date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) as YYYYMMDD, with
    zeros for the parts it does not give; its precision is its length."""
    return int(date[:4]) * 10_000 + int(date[5:7] or 0) * 100 + int(date[8:10] or 0)


@numba.njit(cache=True, nogil=True)
def _date_agreement(a: int, a_len: int, b: int, b_len: int) -> float:
    if a == b and a_len == b_len:
        return 1.0 if a_len == 10 else 0.6
    year_a, year_b = a // 10_000, b // 10_000
    if year_a != year_b:
        return -0.4 if abs(year_a - year_b) == 1 else -1.0
    common = min(a_len, b_len)
    if common == 4 or (common == 7 and a // 100 == b // 100):
        return 0.6
    return -0.6


@numba.njit(cache=True, nogil=True)
def agreements(
    entities: np.ndarray,
    date_start: np.ndarray,
    dates: np.ndarray,
    date_lengths: np.ndarray,
    country_start: np.ndarray,
    countries: np.ndarray,
    query_dates: np.ndarray,
    query_date_lengths: np.ndarray,
    query_countries: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Per entity: the best birth-date agreement over all date pairs and the country
    agreement (1 shared, -1 disjoint, 0 when a side has none)."""
    date_out = np.zeros(entities.size)
    country_out = np.zeros(entities.size)
    for k in range(entities.size):
        e = entities[k]
        if query_dates.size and date_start[e + 1] > date_start[e]:
            best = -2.0
            for i in range(query_dates.size):
                for j in range(date_start[e], date_start[e + 1]):
                    value = _date_agreement(
                        query_dates[i], query_date_lengths[i], dates[j], date_lengths[j]
                    )
                    if value > best:
                        best = value
            date_out[k] = best
        if query_countries.size and country_start[e + 1] > country_start[e]:
            shared = False
            for i in range(query_countries.size):
                for j in range(country_start[e], country_start[e + 1]):
                    if query_countries[i] == countries[j]:
                        shared = True
            country_out[k] = 1.0 if shared else -1.0
    return date_out, country_out


@numba.njit(cache=True, nogil=True)
def deltas(
    entities: np.ndarray,
    date_start: np.ndarray,
    dates: np.ndarray,
    date_lengths: np.ndarray,
    country_start: np.ndarray,
    countries: np.ndarray,
    query_dates: np.ndarray,
    query_date_lengths: np.ndarray,
    query_countries: np.ndarray,
    weights: np.ndarray,
) -> np.ndarray:
    """Per entity, what its birth-date and country agreements add to a score:
    ``weights`` = (date bonus, date penalty, country bonus, country penalty); a positive
    date agreement a adds bonus x a, a negative one penalty x a, a shared country the
    country bonus, disjoint countries minus the country penalty."""
    date, country = agreements(
        entities,
        date_start,
        dates,
        date_lengths,
        country_start,
        countries,
        query_dates,
        query_date_lengths,
        query_countries,
    )
    out = np.empty(entities.size)
    for k in range(entities.size):
        a = date[k]
        added = weights[0] * a if a > 0 else weights[1] * a
        c = country[k]
        out[k] = added + (weights[2] if c > 0 else (-weights[3] if c < 0 else 0.0))
    return out


class EntityContext:
    """Every list entity's birth dates and countries as numbers."""

    def __init__(self, prepared: Sequence[PreparedEntity]) -> None:
        self.country_codes: dict[str, int] = {}
        dates: list[int] = []
        date_lengths: list[int] = []
        countries: list[int] = []
        date_start, country_start = [0], [0]
        for entity in prepared:
            for date in entity.birth_dates:
                dates.append(date_code(date))
                date_lengths.append(len(date))
            for code in sorted(entity.countries):
                countries.append(self.country_codes.setdefault(code, len(self.country_codes)))
            date_start.append(len(dates))
            country_start.append(len(countries))
        self.dates = np.array(dates, dtype=np.int64)
        self.date_lengths = np.array(date_lengths, dtype=np.int64)
        self.date_start = np.array(date_start, dtype=np.int64)
        self.countries = np.array(countries, dtype=np.int64)
        self.country_start = np.array(country_start, dtype=np.int64)

    def _query_arrays(self, query: PreparedEntity) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return (
            np.array([date_code(d) for d in query.birth_dates], dtype=np.int64),
            np.array([len(d) for d in query.birth_dates], dtype=np.int64),
            # a country no list entity has gets a code none has
            np.array([self.country_codes.get(c, -1) for c in query.countries], dtype=np.int64),
        )

    def agreements(
        self, query: PreparedEntity, entities: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Birth-date and country agreements of ``query`` with each of ``entities``."""
        return agreements(
            entities,
            self.date_start,
            self.dates,
            self.date_lengths,
            self.country_start,
            self.countries,
            *self._query_arrays(query),
        )

    def deltas(
        self, query: PreparedEntity, entities: np.ndarray, weights: np.ndarray
    ) -> np.ndarray:
        """What the agreements of ``query`` with each of ``entities`` add to a score
        (see :func:`deltas`)."""
        return deltas(
            entities,
            self.date_start,
            self.dates,
            self.date_lengths,
            self.country_start,
            self.countries,
            *self._query_arrays(query),
            weights,
        )
