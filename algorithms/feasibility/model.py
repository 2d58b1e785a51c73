"""The quarterly flows of a phased plan (万元): what :func:`.cashflow.cashflow`, the sensitivity and the search share.

Quarter 0 = ``schedule.start_year``/``start_quarter``; s = a phase's start quarter; rows are plots (or units), each
with its phase, its quantities and rates (:func:`.costs.unit_costs`) and its supply terms (:func:`.supply.supply_terms`).

outflows
  land acquisition and compensation  the row's lump sum in quarter s;
  七通一平, roads, utilities, public facilities  spread evenly over ``construction_quarters`` from s;
  standard factories  the developer's floor (its class's share of the land × the plot's FAR) × its class's cost per
  m², spread evenly over ``factory_build_quarters`` after that;
  operation  ``operation_per_ha_year``/4 per 公顷 once the phase's infrastructure is finished (supplied land from 0);
inflows
  land  the phase's land is supplied at ``absorption_ha_per_quarter`` from s + ``sales_lag_quarters``, pro rata over
  its rows; each row's hectares bring the cash of its supply mode (出让 lump, 弹性出让 reduced lump, 先租后让 rent
  then a deferred transfer, 长期租赁 rent);
  factories  occupancy rises linearly to ``occupancy_max`` over ``occupancy_ramp_quarters`` from their completion;
  the ``factory_sale_share`` of the occupied floor is sold at its class's price, the rest rented (÷4 per quarter);
  services and tax share  per producing 公顷 and year (÷4 per quarter). Land supplied in quarter τ produces from
  τ + ``production_lag_quarters``, reaching full production linearly over ``production_ramp_quarters``; occupied
  factory land and land already supplied produce too. The tax rate is each plot's own 地均税收 (DJSS), else its
  class's, else the parameter.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .params import get
from .phasing import phase_schedule
from .supply import supply_terms

__all__ = ["cash_model", "OUTFLOWS", "INFLOWS", "FACTORS", "lag", "with_terms", "totals", "net_flow"]

OUTFLOWS = ("land_acquisition", "site_preparation", "roads", "utilities", "public_facilities", "factory", "operation")
INFLOWS = ("land_revenue", "land_rent", "factory_sale", "factory_rent", "services", "tax")
CONSTRUCTION = ("site_preparation", "roads", "utilities", "public_facilities", "factory")
#: sensitivity factors -> keyword of :func:`cash_model`
FACTORS = {"land_price": "land_price_factor", "construction_cost": "cost_factor", "absorption": "absorption_factor",
           "occupancy": "occupancy_factor", "tax": "tax_factor"}


def _window(start: np.ndarray, length: int, T: int) -> np.ndarray:
    """K × T weights 1/length on quarters start … start+length−1 (a lump in ``start`` when length is 0)."""
    t = np.arange(T)[None, :]
    s = np.asarray(start)[:, None]
    L = max(int(length), 1)
    return ((t >= s) & (t < s + L)).astype(float) / L


def _ramp(start: np.ndarray, rate: float, total: np.ndarray, T: int) -> np.ndarray:
    """K × T cumulative share taken up: rate·(t − start + 1) ÷ total, clipped to [0, 1]; 1 from start if total is 0."""
    t = np.arange(T)[None, :]
    s = np.asarray(start)[:, None]
    tot = np.asarray(total, dtype=float)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(tot > 0, rate * (t - s + 1) / np.where(tot > 0, tot, 1.0), 1.0)
    return np.clip(np.where(t >= s, share, 0.0), 0.0, 1.0)


def lag(a: np.ndarray, k: int) -> np.ndarray:
    """``a`` shifted ``k`` quarters later along its last axis (zeros in front)."""
    if k <= 0:
        return a
    out = np.zeros_like(a)
    if k < a.shape[-1]:
        out[..., k:] = a[..., :-k]
    return out


def with_terms(costs: pd.DataFrame, params: dict) -> pd.DataFrame:
    """``costs`` with supply terms (the default mode for every row) when it has none yet."""
    if "lump_coef" in costs.columns:
        return costs
    terms, _ = supply_terms(pd.DataFrame(index=costs.index), costs, params)
    return pd.concat([costs, terms], axis=1)


def _curves(costs, pidx, phase_ids, params, absorption_factor, occupancy_factor):
    """Per phase: start quarter, share of its land supplied (cumulative and per quarter), factory occupancy."""
    T, K = int(get(params, "schedule.quarters")), len(phase_ids)
    sell = costs["sell_ha"].to_numpy(float)
    area = costs["area_ha"].to_numpy(float)
    supplied = costs["supplied"].to_numpy(bool)
    sell_k = np.bincount(pidx, weights=sell, minlength=K)
    supplied_k = np.bincount(pidx, weights=np.where(supplied, area, 0.0), minlength=K)
    rate = float(get(params, "development.absorption_ha_per_quarter")) * absorption_factor
    lag_q = int(get(params, "development.sales_lag_quarters"))
    C, F = int(get(params, "development.construction_quarters")), int(get(params, "development.factory_build_quarters"))
    start, _ = phase_schedule(sell_k, supplied_k, absorption=rate, lag=lag_q,
                              threshold=float(get(params, "phasing.maturity_threshold")), phase_ids=phase_ids)
    t = np.arange(T)[None, :]
    sold_cum = _ramp(start + lag_q, rate, sell_k, T)
    ramp_q = max(int(get(params, "development.occupancy_ramp_quarters")), 1)
    occ_max = min(1.0, float(get(params, "development.occupancy_max")) * occupancy_factor)
    done = (start + C + F)[:, None]
    occ = occ_max * np.clip((t - done + 1) / ramp_q, 0.0, 1.0)
    return {"start": start, "T": T, "build": _window(start, C, T), "fbuild": _window(start + C, F, T),
            "lump": _window(start, 0, T), "serviced": (t >= (start + C)[:, None]).astype(float),
            "sold_cum": sold_cum, "sold_q": np.diff(sold_cum, axis=1, prepend=0.0),
            "occ": occ, "occ_q": np.diff(occ, axis=1, prepend=0.0)}


def _producing(sold_cum: np.ndarray, params: dict) -> np.ndarray:
    """Producing share of a phase's supplied land: each hectare from ``production_lag_quarters`` after its supply,
    rising linearly to 1 over ``production_ramp_quarters``."""
    P = int(get(params, "development.production_lag_quarters"))
    R = max(int(get(params, "development.production_ramp_quarters")), 1)
    return sum(lag(sold_cum, P + j) for j in range(R)) / R


def _land_income(c, rows, agg, sell, land_price_factor):
    """出让/弹性出让 lumps, 先租后让 deferred transfers and rents per row (or phase) and quarter."""
    revenue = agg(sell * c["lump_coef"])[:, None] * c["sold_q"][rows]
    for q in np.unique(c["defer_q"][c["defer_coef"] > 0]):
        sel = (c["defer_q"] == q) & (c["defer_coef"] > 0)
        revenue = revenue + agg(np.where(sel, sell * c["defer_coef"], 0.0))[:, None] * lag(c["sold_q"], int(q))[rows]
    rent = np.zeros_like(revenue)
    for q in np.unique(c["rent_q"][c["rent_coef"] > 0]):
        sel = (c["rent_q"] == q) & (c["rent_coef"] > 0)
        held = c["sold_cum"] - lag(c["sold_cum"], int(q))
        rent = rent + agg(np.where(sel, sell * c["rent_coef"] / 4.0, 0.0))[:, None] * held[rows]
    return revenue * land_price_factor, rent * land_price_factor


def cash_model(costs: pd.DataFrame, phase: np.ndarray, params: dict, *, land_price_factor: float = 1.0,
               cost_factor: float = 1.0, absorption_factor: float = 1.0, occupancy_factor: float = 1.0,
               tax_factor: float = 1.0, per_unit: bool = True):
    """The flows. Returns (``flows``: name → rows×T array or, with per_unit=False, phases×T array, ``start``
    quarter per phase, ``phase_ids``, ``pidx`` row → phase row)."""
    costs = with_terms(costs, params)
    phase_ids, pidx = np.unique(np.asarray(phase, dtype=int), return_inverse=True)
    K = len(phase_ids)
    cur = _curves(costs, pidx, phase_ids, params, absorption_factor, occupancy_factor)
    num = ("land_acquisition", "factory_m2", "factory_ha", "sell_ha", "area_ha", "lump_coef", "defer_coef",
           "rent_coef", "factory_sale_price_per_m2", "factory_rent_per_m2_year") + CONSTRUCTION
    c = {k: costs[k].to_numpy(float) for k in num}
    c.update(defer_q=costs["defer_q"].to_numpy(int), rent_q=costs["rent_q"].to_numpy(int), **cur)
    supplied = costs["supplied"].to_numpy(bool)

    def agg(x):  # row scalars, summed by phase first when per-row flows are not needed
        return x if per_unit else np.bincount(pidx, weights=x, minlength=K)

    rows = pidx if per_unit else np.arange(K)
    area, sell = c["area_ha"], c["sell_ha"]
    op_rate = float(get(params, "costs.operation_per_ha_year")) / 4.0
    flows = {"land_acquisition": agg(c["land_acquisition"])[:, None] * cur["lump"][rows],
             "factory": agg(c["factory"] * cost_factor)[:, None] * cur["fbuild"][rows],
             "operation": (agg(np.where(supplied, 0.0, area) * op_rate)[:, None] * cur["serviced"][rows]
                           + agg(np.where(supplied, area, 0.0) * op_rate)[:, None])}
    for k in CONSTRUCTION[:-1]:
        flows[k] = agg(c[k] * cost_factor)[:, None] * cur["build"][rows]
    flows["land_revenue"], flows["land_rent"] = _land_income(c, rows, agg, sell, land_price_factor)
    rev = params["revenues"]
    sale_share = float(rev["factory_sale_share"])
    flows["factory_sale"] = agg(c["factory_m2"] * sale_share * c["factory_sale_price_per_m2"])[:, None] \
        * cur["occ_q"][rows]
    flows["factory_rent"] = agg(c["factory_m2"] * (1 - sale_share) * c["factory_rent_per_m2_year"] / 4.0)[:, None] \
        * cur["occ"][rows]
    producing_land = _producing(cur["sold_cum"], params)

    def producing_by(weight):  # producing 公顷 of each row (phase) per quarter, each hectare weighted
        return (agg(sell * weight)[:, None] * producing_land[rows]
                + agg(c["factory_ha"] * weight)[:, None] * cur["occ"][rows]
                + agg(np.where(supplied, area, 0.0) * weight)[:, None])

    producing = producing_by(np.ones(len(area)))
    flows["services"] = producing * float(rev["services_per_ha_year"]) / 4.0
    tax_rate = costs["tax_rate"].to_numpy(float) if "tax_rate" in costs.columns else \
        np.full(len(area), float(rev["tax_per_ha_year"]))
    flows["tax"] = producing_by(tax_rate) * float(rev["tax_share"]) / 4.0 * tax_factor
    flows["producing_ha"] = producing
    flows["sold_ha"] = agg(sell)[:, None] * cur["sold_q"][rows]
    return flows, cur["start"], phase_ids, pidx


def totals(flows: dict) -> tuple[np.ndarray, np.ndarray]:
    """(outflow, inflow) arrays: the sums of :data:`OUTFLOWS` and :data:`INFLOWS`."""
    return sum(flows[k] for k in OUTFLOWS), sum(flows[k] for k in INFLOWS)


def net_flow(costs: pd.DataFrame, phase: np.ndarray, params: dict, **factors) -> np.ndarray:
    """The zone's quarterly net flow (phase sums only: fast), for the sensitivity and the search."""
    flows, *_ = cash_model(costs, phase, params, per_unit=False, **factors)
    out, inn = totals(flows)
    return (inn - out).sum(axis=0)
