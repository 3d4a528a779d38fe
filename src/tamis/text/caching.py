"""Memoisation of per-string functions that does not let long inputs fill memory.

Names repeat (the same first names, patronymics and legal forms across thousands of list
entries), so the text functions are memoised; but an input of thousands of characters is
hostile or broken, not a name, and caching it would let a stream of such inputs hold
gigabytes. :func:`short_string_cache` caches only calls whose string argument is at most
``max_len`` characters long and computes longer ones each time. A non-string argument is
an :class:`~tamis.errors.InputError`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, update_wrapper
from typing import Any, Generic, TypeVar

from tamis.errors import InputError

R = TypeVar("R")


class _ShortStringCache(Generic[R]):
    """A callable with ``cache_clear`` / ``cache_info`` like ``functools.lru_cache``."""

    def __init__(self, func: Callable[[str], R], maxsize: int, max_len: int) -> None:
        self._func = func
        self._cached = lru_cache(maxsize=maxsize)(func)
        self._max_len = max_len
        update_wrapper(self, func)

    def __call__(self, text: str) -> R:
        if not isinstance(text, str):
            raise InputError(f"{self.__name__}() takes a string, not {type(text).__name__}")
        if len(text) > self._max_len:
            return self._func(text)
        return self._cached(text)

    def cache_clear(self) -> None:
        self._cached.cache_clear()

    def cache_info(self) -> Any:
        return self._cached.cache_info()


def short_string_cache(
    maxsize: int, max_len: int = 200
) -> Callable[[Callable[[str], R]], _ShortStringCache[R]]:
    """Decorator: LRU cache of ``maxsize`` entries for string arguments up to ``max_len``."""

    def wrap(func: Callable[[str], R]) -> _ShortStringCache[R]:
        return _ShortStringCache(func, maxsize, max_len)

    return wrap
