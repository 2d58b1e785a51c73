"""What the tables say where a plot has no value: the reason of an empty control, and the plot's 开发状态.

An empty control cell never stands alone: it shows the 未赋值 reason that zutuan:assigncontrols wrote into the
plot's 指标来源 ZBLY (e.g. "未赋值：2008标准不适用于物流仓储用地(1101)", "未赋值：无限高来源"), or, for a layer whose
ZBLY does not say, "未赋值：原因未记录". The numbers themselves stay empty (never 0).
KFZT / KFSM come from the layer when it has them, else from :func:`algorithms.planstate.plan_state` — the one place
that decides which plots are 需调整用地, 已供地 or 需核实.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..controls import UNASSIGNED, is_unassigned, parse_sources
from ..planstate import plan_state
from ..standards import CONTROL_FIELDS

__all__ = ["REASON_PREFIX", "NO_RECORD", "DERIVED_BASE", "control_reasons", "development_status", "with_reasons"]

#: column prefix of the reason of an empty control in the prepared plot frame: _R_RJLXX …
REASON_PREFIX = "_R_"
NO_RECORD = f"{UNASSIGNED}：原因未记录（ZBLY 无此项）"
#: derived quantities and the control they are computed from
DERIVED_BASE = {"JRJZMJ": "RJLXX", "ZDTZE": "TZQD"}


def control_reasons(df: pd.DataFrame) -> pd.DataFrame:
    """``_R_<field>`` per control (and derived quantity): the 未赋值 reason where the value is empty, else None."""
    zbly = df["ZBLY"] if "ZBLY" in df.columns else pd.Series(None, index=df.index, dtype=object)
    parsed = zbly.map(parse_sources)
    out = pd.DataFrame(index=df.index)
    for f in CONTROL_FIELDS:
        empty = df[f].isna() if f in df.columns else pd.Series(True, index=df.index)
        why = parsed.map(lambda z, f=f: z[f] if is_unassigned(z.get(f)) else NO_RECORD)
        out[REASON_PREFIX + f] = why.where(empty, None)
    for d, base in DERIVED_BASE.items():
        empty = df[d].isna() if d in df.columns else pd.Series(True, index=df.index)
        out[REASON_PREFIX + d] = out[REASON_PREFIX + base].where(empty, None)
    return out


def with_reasons(df: pd.DataFrame, sources: list[str]) -> np.ndarray:
    """The values of ``sources`` (object array, one row per plot) with each empty control replaced by its reason."""
    data = df[sources].astype(object).to_numpy(copy=True)
    for j, col in enumerate(sources):
        rcol = REASON_PREFIX + col
        if rcol not in df.columns:
            continue
        reasons = df[rcol].to_numpy()
        has = pd.notna(reasons)
        data[has, j] = reasons[has]
    return data


def _note(state, i) -> object:
    if state.blocked[i]:
        return (f"一张图禁止性规则不合规（{state.reason[i]}），整块划出，"
                + ("按参数仍分期" if state.allow_blocked else "不分期、不征地、不出让"))
    if state.verify[i]:
        return "一张图审查需核实：分期，但须核实后供地"
    if not state.checked:
        return "未经一张图审查（无 SCJL、CT_* 字段），开发状态未核实"
    return None


def development_status(df: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """(KFZT, KFSM) per row: the layer's own values where given, else those of :func:`plan_state`."""
    state = plan_state(df)
    kfzt = pd.Series(state.status, index=df.index, dtype=object)
    kfsm = pd.Series([_note(state, i) for i in range(len(df))], index=df.index, dtype=object)
    for col, computed in (("KFZT", kfzt), ("KFSM", kfsm)):
        if col in df.columns:
            own = df[col].astype(object)
            given = own.notna() & (own.astype(str).str.strip() != "")
            computed.loc[given] = own[given]
    return kfzt, kfsm
