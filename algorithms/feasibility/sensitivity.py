"""Sensitivity: one factor at a time (the table and the tornado chart) and land price × occupancy (two-way table).

Each factor multiplies its part of the model by (1 + change): ``land_price`` every land income (sale, rent,
deferred transfer), ``construction_cost`` the construction outflows (七通一平, roads, utilities, public facilities,
factories), ``absorption`` the pace at which land is supplied, ``occupancy`` the factories' final occupancy (at
most 100 %), ``tax`` the tax retained. Figures are on the project's net flow before financing (phase sums: fast).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import InputError
from .finance import metrics
from .model import FACTORS, net_flow
from .params import get

__all__ = ["sensitivity_table", "two_way_table", "tornado_frame", "FACTOR_LABELS", "validate_sensitivity"]

#: factor -> (Chinese, English)
FACTOR_LABELS = {"land_price": ("地价", "land price"), "construction_cost": ("建设成本", "construction cost"),
                 "absorption": ("去化速度", "absorption"), "occupancy": ("出租率", "occupancy"),
                 "tax": ("税收", "tax")}
_KEEP = ("npv", "irr_annual", "peak_need", "payback_quarter")


def _factor(name) -> str:
    if name not in FACTORS:
        raise InputError("E_BAD_PARAMETER", name="sensitivity.factors", value=name,
                         reason_zh="可选 " + " / ".join(FACTORS), reason_en="one of " + ", ".join(FACTORS))
    return FACTORS[name]


def validate_sensitivity(params) -> None:
    """Known factors; steps and two-way changes are lists of numbers above −1 (−100 %)."""
    for name in get(params, "sensitivity.factors") or []:
        _factor(name)
    lists = {"sensitivity.steps": get(params, "sensitivity.steps")}
    for key, values in (get(params, "sensitivity.two_way") or {}).items():
        if key not in ("land_price", "occupancy"):
            raise InputError("E_BAD_PARAMETER", name=f"sensitivity.two_way.{key}", value=values,
                             reason_zh="双因素表只有 land_price 与 occupancy", reason_en="only land_price and occupancy")
        lists[f"sensitivity.two_way.{key}"] = values
    for key, values in lists.items():
        ok = isinstance(values, list) and all(isinstance(v, (int, float)) and not isinstance(v, bool) and v > -1
                                              for v in values)
        if not ok:
            raise InputError("E_BAD_PARAMETER", name=key, value=values,
                             reason_zh="应为变动幅度列表（小数，大于 −1），如 [-0.2, -0.1, 0.1, 0.2]",
                             reason_en="a list of changes (fractions above −1), e.g. [-0.2, -0.1, 0.1, 0.2]")


def sensitivity_table(costs: pd.DataFrame, phase: np.ndarray, params: dict, base: dict) -> pd.DataFrame:
    """NPV, IRR, peak need and payback with each factor moved by each step."""
    rate = float(params["discount_rate"])
    rows = [{"factor": "base", "change": 0.0, **{k: base[k] for k in _KEEP}}]
    for factor in get(params, "sensitivity.factors"):
        arg = _factor(factor)
        for step in get(params, "sensitivity.steps"):
            m = metrics(net_flow(costs, phase, params, **{arg: 1.0 + float(step)}), rate)
            rows.append({"factor": factor, "change": float(step), **{k: m[k] for k in _KEEP}})
    df = pd.DataFrame(rows)
    df["npv_change"] = df["npv"] - base["npv"]
    return df


def two_way_table(costs: pd.DataFrame, phase: np.ndarray, params: dict) -> pd.DataFrame:
    """NPV (万元) for every land-price change (rows) × occupancy change (columns) of ``sensitivity.two_way``."""
    spec = get(params, "sensitivity.two_way") or {}
    prices = [float(v) for v in spec.get("land_price", [])]
    occs = [float(v) for v in spec.get("occupancy", [])]
    rate = float(params["discount_rate"])
    grid = np.array([[metrics(net_flow(costs, phase, params, land_price_factor=1 + p, occupancy_factor=1 + o),
                              rate)["npv"] for o in occs] for p in prices])
    return pd.DataFrame(grid.reshape(len(prices), len(occs)), index=pd.Index(prices, name="land_price"),
                        columns=pd.Index(occs, name="occupancy"))


def tornado_frame(sens: pd.DataFrame) -> pd.DataFrame:
    """Per factor: the NPV change at its lowest and highest step, widest swing first."""
    df = sens[sens["factor"] != "base"]
    rows = []
    for factor, g in df.groupby("factor", sort=False):
        lo, hi = g.loc[g["change"].idxmin()], g.loc[g["change"].idxmax()]
        rows.append({"factor": factor, "low_change": float(lo["change"]), "high_change": float(hi["change"]),
                     "low": float(lo["npv_change"]), "high": float(hi["npv_change"])})
    out = pd.DataFrame(rows, columns=["factor", "low_change", "high_change", "low", "high"])
    out["swing"] = (out["high"] - out["low"]).abs()
    return out.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)
