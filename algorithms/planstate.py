"""规划状态 — what the checks decided about each plot, read in one place by every step that comes after them.

One plan, one truth (issue 14): a plot that a prohibiting rule of the 一张图 check made 不合规 (a conflict area > 0 in
its field CT_STHX / CT_JBNT / CT_KFBJ / CT_GHFQ; user-defined "other" layers are not read here) (生态保护红线,
永久基本农田, outside the 城镇开发边界, a 规划分区 where the use is not allowed) is **需调整用地**: by default it is not
developed, not phased, not charged 征地 and not sold, and the 用地平衡表 shows it apart. A planner may phase it anyway
(``allow_blocked=True``, e.g. pending a boundary correction); every output then marks it.

Partly-conflicting plots are treated **whole**: a plot is one enterprise's site and cannot be supplied with a
prohibited part inside it, so the whole plot is set apart until the planner redraws it; the conflicting area is
reported beside it (``conflict_m2``, the largest of the rules' conflict areas — the rules overlap, so their sum would
count land twice).

需核实 plots are phased but marked. 已供地 plots are supplied: no 征地, no land sale, phased first.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

import numpy as np
import pandas as pd

__all__ = ["PROHIBITING_FIELDS", "SET_APART", "SUPPLIED_VALUES", "STATUS_LABELS", "PlanState", "plan_state"]

#: conflict-area fields of zutuan:checkmasterplan whose rules prohibit development (field -> rule name)
PROHIBITING_FIELDS = {"CT_STHX": "生态保护红线", "CT_JBNT": "永久基本农田", "CT_KFBJ": "城镇开发边界外",
                      "CT_GHFQ": "规划分区不允许该用途"}
#: the land-balance line and the KFZT value of land set apart by a prohibiting rule
SET_APART = "需调整用地"
#: GDZT values meaning "already supplied"
SUPPLIED_VALUES = ("已供地",)
#: KFZT (开发状态) values
STATUS_LABELS = {"open": "待开发", "supplied": "已供地", "blocked": SET_APART,
                 "blocked_phased": "需调整用地（按参数仍分期）"}


@dataclass
class PlanState:
    """Per row of the input (same order): what later steps may do with the plot."""

    blocked: np.ndarray        # set apart by a prohibiting rule (whether or not phased anyway)
    develop: np.ndarray        # phased, charged and sold (not blocked, or blocked but allowed)
    supplied: np.ndarray       # 已供地
    verify: np.ndarray         # 需核实 in the review
    conflict_m2: np.ndarray    # largest prohibiting conflict area, m² (0 where none)
    reason: np.ndarray         # e.g. "生态保护红线 5234.1 m²；规划分区不允许该用途 12.0 m²" ("" where none)
    checked: bool              # the input carries the 一张图 check's results
    allow_blocked: bool = False

    @property
    def status(self) -> np.ndarray:
        """KFZT per row: 待开发 / 已供地 / 需调整用地 / 需调整用地（按参数仍分期）."""
        out = np.where(self.supplied, STATUS_LABELS["supplied"], STATUS_LABELS["open"]).astype(object)
        out[self.blocked] = STATUS_LABELS["blocked_phased" if self.allow_blocked else "blocked"]
        return out


def _flag(frame, field: Optional[str], values: Iterable) -> np.ndarray:
    if not field or field not in frame.columns:
        return np.zeros(len(frame), dtype=bool)
    wanted = {str(v).strip() for v in values}
    return frame[field].map(lambda v: v is not None and not (isinstance(v, float) and np.isnan(v))
                            and str(v).strip() in wanted).to_numpy(dtype=bool)


def plan_state(frame, *, allow_blocked: bool = False, supplied_field: Optional[str] = "GDZT",
               supplied_values: Iterable = SUPPLIED_VALUES, status_field: str = "SCJL") -> PlanState:
    """The :class:`PlanState` of every row of ``frame`` (plots with the review fields, or any polygons)."""
    n = len(frame)
    present = [f for f in PROHIBITING_FIELDS if f in frame.columns]
    areas = np.zeros((n, len(present)))
    for j, f in enumerate(present):
        areas[:, j] = np.nan_to_num(pd.to_numeric(frame[f], errors="coerce").to_numpy(dtype=float), nan=0.0)
    # the built-in prohibiting rules write a conflict area only for an error (a verify-level finding writes none), so
    # an area > 0 is the 一张图 check's 不合规 for that rule — read from its own field, not from SCJL, which later
    # checks (zutuan:checkstandards) combine with their own results
    blocked = (areas > 0).any(axis=1) if present else np.zeros(n, dtype=bool)
    reason = np.full(n, "", dtype=object)
    for i in np.flatnonzero(blocked):
        reason[i] = "；".join(f"{PROHIBITING_FIELDS[f]} {areas[i, j]:.1f} m²" for j, f in enumerate(present)
                             if areas[i, j] > 0)
    return PlanState(blocked=blocked, develop=~blocked | bool(allow_blocked),
                     supplied=_flag(frame, supplied_field, supplied_values),
                     verify=_flag(frame, status_field, ("需核实",)),
                     conflict_m2=areas.max(axis=1) if present else np.zeros(n), reason=reason,
                     checked=bool(present) and status_field in frame.columns, allow_blocked=bool(allow_blocked))
