"""The HTML report of a scaled run: the same report as the Processing algorithm (algorithms.report)."""
from __future__ import annotations

from ..report import write_report

__all__ = ["write_scaled_report"]


def write_scaled_report(scaled, path: str) -> str:
    """Write the report of a :class:`~.runner.ScaledResult` to ``path`` (whole or not at all)."""
    res = scaled.result
    res.parameters = dict(res.parameters)
    for note in getattr(res, "notes", []):
        res.parameters.setdefault("说明 / notes", note)
    return write_report(res, path)
