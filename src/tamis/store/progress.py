"""A rich progress bar for long imports (one task per source)."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn


class ImportProgress:
    """``with ImportProgress() as bar: store.import_source(..., progress=bar.for_source(s))``."""

    def __init__(self, console: Console | None = None) -> None:
        self._progress = Progress(
            TextColumn("{task.fields[source]:<10}"),
            TextColumn("{task.description:<9}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console or Console(stderr=True),
            transient=False,
        )
        self._tasks: dict[str, TaskID] = {}

    def __enter__(self) -> ImportProgress:
        self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._progress.stop()

    def update(self, source: str, phase: str, done: int, total: int) -> None:
        if source not in self._tasks:
            self._tasks[source] = self._progress.add_task(phase, source=source, total=None)
        task = self._tasks[source]
        self._progress.update(task, description=phase, completed=done, total=total or None)

    def for_source(self, source: str) -> Callable[[str, int, int], None]:
        """A ``progress(phase, done, total)`` callback for one source's import."""

        def report(phase: str, done: int, total: int) -> None:
            self.update(source, phase, done, total)

        return report
