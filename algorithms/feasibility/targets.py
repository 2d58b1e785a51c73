"""发展目标 — 3- and 5-year targets from the base year against what the plan and its phasing project.

Projection at the end (Q4) of the target year, from the cash-flow model:
  产业规模 (annual output value, 万元)  = Σ producing 公顷 × the plot's 产出强度 (CCQD; ``targets.output_per_ha_year``
                                          only where a plot has none);
  企业引进 (companies)                  = producing 公顷 ÷ ``targets.ha_per_company`` (rounded down);
  土地开发 (公顷)                       = land serviced by then (infrastructure of its phase finished, or already
                                          supplied/serviced);
  基础设施 (万元)                       = cumulative 七通一平 + roads + utilities spending;
  配套设施 (万元)                       = cumulative public-facility spending;
  就业 (jobs)                           = producing 公顷 × ``targets.jobs_per_ha`` of the unit's chain (CYL), else default.
Targets are the zone's own figures (``targets.year3`` / ``targets.year5``); an empty target is reported as not set.
"""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from .cashflow import CashflowResult
from .params import get
from .phasing import PhasingResult

__all__ = ["targets_table", "TARGETS"]

#: key -> (Chinese name, unit)
TARGETS = {
    "output_value": ("产业规模（年产值）", "万元"),
    "companies": ("企业引进", "家"),
    "land_developed_ha": ("土地开发", "公顷"),
    "infrastructure_investment": ("基础设施累计投资", "万元"),
    "facilities_investment": ("配套设施累计投资", "万元"),
    "jobs": ("就业", "人"),
}


def _quarter_index(year: int, params: dict) -> int:
    """0-based index of Q4 of ``year`` in the cash-flow horizon (may be < 0 or ≥ the horizon)."""
    y0, q0 = int(get(params, "schedule.start_year")), int(get(params, "schedule.start_quarter"))
    return (year - y0) * 4 + (4 - q0)


def _projection(idx: int, phased: PhasingResult, cash: CashflowResult, params: dict) -> dict:
    T = cash.unit_net.shape[1]
    flows = cash.unit_flows
    costs = phased.costs
    if idx < 0:
        producing = np.where(costs["supplied"].to_numpy(bool), costs["area_ha"].to_numpy(float), 0.0)
        spent = {k: 0.0 for k in ("site_preparation", "roads", "utilities", "public_facilities")}
    else:
        i = min(idx, T - 1)
        producing = flows["producing_ha"][:, i]
        spent = {k: float(flows[k][:, :i + 1].sum()) for k in ("site_preparation", "roads", "utilities",
                                                                "public_facilities")}
    phase = phased.units["KFFQ"].to_numpy(dtype=int)
    start = np.array([cash.summary["phase_start_q"][int(p)] for p in phase])
    C = int(get(params, "development.construction_quarters"))
    serviced = costs["serviced"].to_numpy(bool) | (start + C <= idx)
    jobs_rate = get(params, "targets.jobs_per_ha") or {}
    default = float(jobs_rate.get("default", 0.0))
    if "CYL" in phased.units.columns:
        rates = phased.units["CYL"].map(lambda c: float(jobs_rate.get(str(c), default))).to_numpy(float)
    else:
        rates = np.full(len(costs), default)
    prod_ha = float(producing.sum())
    # the plan's own 产出强度 per plot (costs.output_rate, from CCQD; the parameter only where a plot has none)
    out_rate = costs["output_rate"].to_numpy(float) if "output_rate" in costs.columns else \
        np.full(len(costs), float(get(params, "targets.output_per_ha_year")))
    return {
        "output_value": float((producing * out_rate).sum()),
        "companies": float(np.floor(prod_ha / float(get(params, "targets.ha_per_company")) + 1e-9)),
        "land_developed_ha": float(costs["area_ha"].to_numpy(float)[serviced].sum()),
        "infrastructure_investment": spent["site_preparation"] + spent["roads"] + spent["utilities"],
        "facilities_investment": spent["public_facilities"],
        "jobs": float((producing * rates).sum()),
    }


def targets_table(phased: PhasingResult, cash: CashflowResult, *, params: Optional[dict] = None,
                  base_year: Optional[int] = None) -> pd.DataFrame:
    """One row per target and horizon (3 and 5 years): target, projection, gap (projection − target), status."""
    params = params if params is not None else phased.params
    base = int(base_year if base_year is not None else get(params, "targets.base_year"))
    T = cash.unit_net.shape[1]
    rows = []
    for years, key in ((3, "year3"), (5, "year5")):
        year = base + years
        idx = _quarter_index(year, params)
        proj = _projection(idx, phased, cash, params)
        goals = get(params, f"targets.{key}") or {}
        for k, (name, unit) in TARGETS.items():
            target = goals.get(k)
            target = None if target is None else float(target)
            value = proj[k]
            if target is None:
                status = "未设定 / not set"
            elif value + 1e-9 >= target:
                status = "达到 / met"
            else:
                status = "未达到 / short"
            note = ""
            if idx >= T:
                note = "目标年超出测算期，按期末值 / year after the horizon: last quarter used"
            elif idx < 0:
                note = "目标年早于测算起点，仅计已供地 / year before the start: supplied land only"
            rows.append({"horizon": f"{years}年 / {years} years", "year": year, "key": k, "indicator": name,
                         "unit": unit, "target": target, "projected": value,
                         "gap": None if target is None else value - target, "status": status, "note": note})
    return pd.DataFrame(rows)
