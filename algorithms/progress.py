"""Progress and cancellation passed into the engine as plain callables."""
from __future__ import annotations

from typing import Callable, Optional

from .errors import CancelledError

__all__ = ["Progress"]


class Progress:
    """Wraps optional ``report(percent, message)``, ``is_cancelled()`` and ``log(message)`` callables.

    The QGIS bridge builds one from a QgsProcessingFeedback; scripts and tests pass nothing or lambdas.
    ``sub(start, end)`` maps 0–100 of a step onto a slice of the whole run.
    """

    def __init__(self, report: Optional[Callable[[float, str], None]] = None,
                 is_cancelled: Optional[Callable[[], bool]] = None,
                 log: Optional[Callable[[str], None]] = None,
                 *, start: float = 0.0, end: float = 100.0):
        self._report = report
        self._is_cancelled = is_cancelled
        self._log = log
        self._start, self._end = start, end
        self.messages: list[str] = []

    def __call__(self, percent: float, message: str = "") -> None:
        self.check()
        if self._report is not None:
            self._report(self._start + (self._end - self._start) * max(0.0, min(100.0, percent)) / 100.0, message)

    def check(self) -> None:
        """Raise :class:`CancelledError` when the user asked to stop."""
        if self._is_cancelled is not None and self._is_cancelled():
            raise CancelledError()

    def log(self, message: str) -> None:
        self.messages.append(message)
        if self._log is not None:
            self._log(message)

    def sub(self, start: float, end: float) -> "Progress":
        span = self._end - self._start
        child = Progress(self._report, self._is_cancelled, self._log,
                         start=self._start + span * start / 100.0, end=self._start + span * end / 100.0)
        child.messages = self.messages
        return child
