"""指标来源 (ZBLY): where each control of a plot came from, or why it has none."""
from __future__ import annotations

import pandas as pd

from ..standards.profiles import CONTROL_FIELDS

__all__ = ["NOT_CHECKED", "ZBLY_LEN", "compose_sources"]

NOT_CHECKED = "未检查-无标准值"
#: ZBLY is a 254-character text field
ZBLY_LEN = 254


def compose_sources(attr_src: pd.Series, sources: pd.DataFrame) -> pd.Series:
    """The ZBLY text per plot: inherited codes, then ``FIELD:source`` per control, '; '-separated."""
    parts = [attr_src.where(attr_src != "", None)]
    parts += [sources[f].map(lambda s, f=f: f"{f}:{s}" if isinstance(s, str) and s else None)
              for f in CONTROL_FIELDS]
    z = pd.concat(parts, axis=1)
    zbly = z.apply(lambda r: "; ".join(x for x in r if x), axis=1) if len(z) else pd.Series(dtype=object)
    return zbly.map(lambda t: t if len(t) <= ZBLY_LEN else t[:ZBLY_LEN - 1] + "…")
