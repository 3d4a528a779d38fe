"""Birth-date agreement: a matching date confirms, a different one rules out."""

from __future__ import annotations


def _agreement(a: str, b: str) -> float:
    if a == b:
        return 1.0 if len(a) == 10 else 0.6
    if a[:4] != b[:4]:
        return -0.4 if abs(int(a[:4]) - int(b[:4])) == 1 else -1.0
    # same year: compare as far as both are precise
    common = min(len(a), len(b))
    if a[:common] == b[:common]:
        return 0.6  # same year (and month), one side less precise
    return -0.6  # same year, different month or day


def birth_date_agreement(
    query: tuple[str, ...], candidate: tuple[str, ...]
) -> tuple[float, str | None, str | None]:
    """Best agreement over all date pairs, in [-1, 1], with the two dates behind it.

    1 = same full date; 0.6 = same year (or year and month) where one side is
    less precise; -0.4 = years one apart; -0.6 = same year but a different
    month or day; -1 = different years. 0 when either side has no date.
    """
    best: tuple[float, str | None, str | None] = (0.0, None, None)
    first = True
    for a in query:
        for b in candidate:
            value = _agreement(a, b)
            if first or value > best[0]:
                best = (value, a, b)
                first = False
    return best
