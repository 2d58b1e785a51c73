"""滚动开发分期 — assigning units (or plots) to development phases, and the phase schedule.

Rules ("开发一片、成熟一片、收益一片"):

1. Units pinned by the planner (a positive phase number in the pin field, KFFQ by default) keep that phase.
2. The others are taken in this order: land already supplied (已供地), then land already serviced, then land
   contiguous with what is assigned or with built roads/infrastructure (neighbours = units closer than
   ``phasing.adjacency_distance`` m, found with a bulk ``STRtree.query(..., predicate="dwithin")``); among those,
   the nearest to the built infrastructure first. When nothing contiguous is left (a separate part of the zone),
   the unassigned unit nearest to the infrastructure starts a new front.
3. A phase is closed when the next unit would push it over its capacity (``phasing.capacity_ha`` 公顷, and an
   optional investment capacity in 万元); a phase always takes at least one unit.
4. Schedule: phase 1 starts in quarter 0. A phase's land is transferred at ``development.absorption_ha_per_quarter``
   from ``development.sales_lag_quarters`` after its start; it *matures* in the first quarter in which
   (already supplied + transferred) ÷ (already supplied + land to transfer) ≥ ``phasing.maturity_threshold``;
   the next phase starts in the quarter after that. Land on which the developer builds its own factories is
   outside that ratio.
"""
from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import pandas as pd
import shapely

from ..errors import InputError
from ..findings import Finding
from ..geometry import prepare_polygons
from ..progress import Progress
from .costs import (BUILT_VALUES, SUPPLIED_VALUES, road_lengths_per_unit, status_mask, to_metres, unit_costs)
from .params import get, load_params

__all__ = ["PhasingResult", "phasing", "phase_schedule", "quarter_label", "adjacency"]


@dataclass
class PhasingResult:
    units: object                    # the input (null geometries dropped, invalid ones repaired) with KFFQ
    phases: pd.DataFrame             # one row per phase
    costs: pd.DataFrame              # per-unit quantities and capital costs (万元), index = input index
    findings: list = field(default_factory=list)
    plots: object = None             # the plots with KFFQ from their unit, when plots were given
    params: dict = field(default_factory=dict)


def quarter_label(index, start_year: int, start_quarter: int) -> str:
    """Quarter ``index`` (0 = the start quarter) as '2020Q1'."""
    q = start_quarter - 1 + int(index)
    return f"{start_year + q // 4}Q{q % 4 + 1}"


def adjacency(geoms: np.ndarray, distance: float) -> list[np.ndarray]:
    """Neighbour lists: units whose geometries lie within ``distance`` m of each other (self excluded)."""
    tree = shapely.STRtree(geoms)
    if distance > 0:
        a, b = tree.query(geoms, predicate="dwithin", distance=distance)
    else:
        a, b = tree.query(geoms, predicate="intersects")
    keep = a != b
    a, b = a[keep], b[keep]
    order = np.argsort(a, kind="stable")
    a, b = a[order], b[order]
    bounds = np.searchsorted(a, np.arange(len(geoms) + 1))
    return [b[bounds[i]:bounds[i + 1]] for i in range(len(geoms))]


def phase_schedule(sell_ha: np.ndarray, supplied_ha: np.ndarray, *, absorption: float, lag: int,
                   threshold: float, phase_ids: Optional[np.ndarray] = None) -> tuple[np.ndarray, np.ndarray]:
    """Start and maturity quarter (0-based) of consecutive phases; raises when one can never mature."""
    k = len(sell_ha)
    start = np.zeros(k, dtype=int)
    mature = np.zeros(k, dtype=int)
    ids = phase_ids if phase_ids is not None else np.arange(1, k + 1)
    t = 0
    for j in range(k):
        start[j] = t
        total = float(sell_ha[j] + supplied_ha[j])
        if total <= 0:
            raise InputError("E_PHASE_NEVER_MATURES", phase=int(ids[j]),
                             reason_zh="该期没有可供应的土地（全部为开发主体自建厂房用地）",
                             reason_en="it has no land to supply (all of it is the developer's own factory land)")
        need = threshold * total - float(supplied_ha[j])
        if need <= 1e-9:
            mature[j] = t
        else:
            if absorption <= 0:
                raise InputError("E_PHASE_NEVER_MATURES", phase=int(ids[j]),
                                 reason_zh=f"土地去化速度为 {absorption:g} 公顷/季度，已供地比例永远达不到 {threshold:g}",
                                 reason_en=f"land is absorbed at {absorption:g} ha per quarter, so its supplied share "
                                           f"never reaches {threshold:g}")
            n = max(1, math.ceil(need / absorption - 1e-9))
            mature[j] = t + lag + n - 1
        t = mature[j] + 1
    return start, mature


def _seed_distance(geoms, infra_geoms, seed_mask):
    """Distance of every unit to the built infrastructure, else to the supplied/serviced units, else to unit 0."""
    if infra_geoms is not None and len(infra_geoms):
        target = shapely.union_all(infra_geoms)
    elif seed_mask.any():
        target = shapely.union_all(geoms[seed_mask])
    else:
        target = geoms[0]
    return shapely.distance(geoms, target)


def _assign(geoms, area, inv, *, pinned, supplied, serviced, touching, dist, neighbours, cap_ha, cap_inv, progress):
    n = len(geoms)
    phase = pinned.copy()
    heap: list = []
    queued = np.zeros(n, bool)

    def push(i, tier):
        if phase[i] == 0 and not queued[i]:
            queued[i] = True
            heapq.heappush(heap, (tier, float(dist[i]), int(i)))

    for i in np.flatnonzero(supplied):
        push(i, 0)
    for i in np.flatnonzero(serviced & ~supplied):
        push(i, 1)
    for i in np.flatnonzero(touching):
        push(i, 2)
    k = 1
    area_k = {p: float(area[pinned == p].sum()) for p in np.unique(pinned[pinned > 0])}
    inv_k = {p: float(inv[pinned == p].sum()) for p in np.unique(pinned[pinned > 0])}

    def open_phase(p):
        for j in np.flatnonzero(pinned == p):
            for nb in neighbours[j]:
                push(nb, 2)

    open_phase(1)
    remaining = int((phase == 0).sum())
    done = 0
    while remaining:
        if not heap:
            free = np.flatnonzero(phase == 0)
            push(free[np.argmin(dist[free])], 3)
        tier, d, i = heapq.heappop(heap)
        if phase[i]:
            continue
        a_now, i_now = area_k.get(k, 0.0), inv_k.get(k, 0.0)
        full = a_now > 0 and (a_now + area[i] > cap_ha + 1e-9 or (cap_inv and i_now + inv[i] > cap_inv + 1e-9))
        if full:
            heapq.heappush(heap, (tier, d, i))
            k += 1
            open_phase(k)
            continue
        phase[i] = k
        area_k[k] = a_now + area[i]
        inv_k[k] = i_now + inv[i]
        remaining -= 1
        done += 1
        for nb in neighbours[i]:
            push(nb, 2)
        if progress is not None and done % 200 == 0:
            progress(30 + 60 * done / max(n, 1), "分期 / phasing")
    return phase


def phasing(units, *, params: Optional[dict] = None, roads=None, road_class_field: Optional[str] = None,
            road_length_field: Optional[str] = None, road_status_field: Optional[str] = None,
            built_values=BUILT_VALUES, infrastructure=None, supplied_field: Optional[str] = "GDZT",
            supplied_values=SUPPLIED_VALUES, serviced_field: Optional[str] = None, serviced_values=("是", "已完成"),
            pin_field: Optional[str] = "KFFQ", capacity_ha: Optional[float] = None,
            capacity_investment: Optional[float] = None, maturity_threshold: Optional[float] = None,
            plots=None, unit_field: str = "DYBH", progress: Optional[Progress] = None) -> PhasingResult:
    """Assign ``units`` (polygons, any CRS) to phases and schedule them; see the module docstring.

    ``roads``: road corridors or centre lines (costs by class; built ones also seed the growth);
    ``infrastructure``: other built infrastructure (any geometry) that seeds the growth.
    Returns the units with KFFQ, the phase table, the per-unit costs and findings.
    """
    progress = progress or Progress()
    params = params if params is not None else load_params()
    over = {}
    if capacity_ha is not None:
        over["capacity_ha"] = capacity_ha
    if maturity_threshold is not None:
        over["maturity_threshold"] = maturity_threshold
    if capacity_investment is not None:
        over["capacity_investment"] = capacity_investment
    if over:
        from .params import merge_params, validate_params
        params = merge_params(params, {"phasing": over})
        validate_params(params)
    if len(units) == 0:
        raise InputError("E_EMPTY_LAYER", layer="units")
    units, findings = prepare_polygons(units, layer="units",
                                       code_field=unit_field if unit_field in units.columns else None)
    m_units, target = to_metres(units, layer="units")
    m_roads, _ = to_metres(roads, layer="roads", target=target)
    m_infra, _ = to_metres(infrastructure, layer="infrastructure", target=target)
    geoms = m_units.geometry.to_numpy()
    n = len(units)
    supplied = status_mask(units, supplied_field, supplied_values)
    supplied = supplied if len(supplied) else np.zeros(n, bool)
    serviced = status_mask(units, serviced_field, serviced_values)
    serviced = serviced if len(serviced) else np.zeros(n, bool)
    built = status_mask(roads, road_status_field, built_values) if roads is not None else np.zeros(0, bool)
    progress(5, "道路分摊 / road lengths")
    road_km = road_lengths_per_unit(m_units, m_roads, class_field=road_class_field, length_field=road_length_field,
                                    built=built if len(built) else None)
    costs = unit_costs(m_units, params=params, supplied=supplied, serviced=serviced, road_km=road_km)
    pinned = np.zeros(n, dtype=int)
    if pin_field and pin_field in units.columns:
        pin = pd.to_numeric(units[pin_field], errors="coerce").to_numpy(dtype=float)
        ok = np.isfinite(pin) & (pin > 0)
        pinned[ok] = pin[ok].astype(int)
        if ok.any():
            findings.append(Finding("FEAS-PINNED", "指定分期", "info", None,
                                    f"{int(ok.sum())} 个单元按“{pin_field}”指定分期 / "
                                    f"{int(ok.sum())} units pinned by '{pin_field}'"))
    infra_parts = []
    if m_roads is not None and len(built) and built.any():
        infra_parts.append(m_roads.geometry.to_numpy()[built])
    if m_infra is not None and len(m_infra):
        infra_parts.append(m_infra.geometry.to_numpy())
    infra_geoms = np.concatenate(infra_parts) if infra_parts else None
    adj = float(get(params, "phasing.adjacency_distance"))
    progress(15, "相邻关系 / adjacency")
    neighbours = adjacency(geoms, adj)
    touching = np.zeros(n, bool)
    if infra_geoms is not None and len(infra_geoms):
        hit, _ = shapely.STRtree(infra_geoms).query(geoms, predicate="dwithin", distance=max(adj, 1e-6))
        touching[np.unique(hit)] = True
    else:
        findings.append(Finding("FEAS-NO-INFRA", "无现状基础设施", "info", None,
                                "未提供已建道路或基础设施，分期从已供地/已平整用地或区域一端开始 / no built roads or "
                                "infrastructure given; phases start from supplied/serviced land or one end of the zone"))
    dist = _seed_distance(geoms, infra_geoms, supplied | serviced)
    area = costs["area_ha"].to_numpy()
    phase = _assign(geoms, area, costs["investment"].to_numpy(), pinned=pinned, supplied=supplied, serviced=serviced,
                    touching=touching, dist=dist, neighbours=neighbours, cap_ha=float(get(params, "phasing.capacity_ha")),
                    cap_inv=None if get(params, "phasing.capacity_investment") is None else
                    float(get(params, "phasing.capacity_investment")), progress=progress)
    out = units.copy()
    out["KFFQ"] = pd.array(phase, dtype="Int64")
    table = phase_table(costs, phase, params=params, plots=plots, units=units, unit_field=unit_field)
    for _, row in table.iterrows():
        if row["area_ha"] > float(get(params, "phasing.capacity_ha")) + 1e-9:
            findings.append(Finding("FEAS-CAPACITY", "分期规模超限", "warning", None,
                                    f"第 {row['KFFQ']} 期 {row['area_ha']:.2f} 公顷，超过每期规模 / phase {row['KFFQ']} "
                                    f"has {row['area_ha']:.2f} ha, above the capacity per phase",
                                    value=float(row["area_ha"]), limit=float(get(params, "phasing.capacity_ha")),
                                    unit="公顷"))
        if not row["matures_in_horizon"]:
            findings.append(Finding("FEAS-LATE", "测算期内未成熟", "warning", None,
                                    f"第 {row['KFFQ']} 期在测算期内未达到成熟阈值 / phase {row['KFFQ']} does not "
                                    f"mature within the horizon"))
    out_plots = None
    if plots is not None and unit_field in plots.columns and unit_field in units.columns:
        lut = dict(zip(units[unit_field].astype(str), phase))
        out_plots = plots.copy()
        out_plots["KFFQ"] = pd.array(out_plots[unit_field].astype(str).map(lut), dtype="Int64")
    progress(100, "分期完成 / phasing done")
    return PhasingResult(out, table, costs, findings, out_plots, params)


def phase_table(costs: pd.DataFrame, phase: np.ndarray, *, params: dict, plots=None, units=None,
                unit_field: str = "DYBH", absorption_factor: float = 1.0) -> pd.DataFrame:
    """One row per phase: units, plots, area, supplied and sellable land, investment, start and maturity quarter."""
    df = costs.assign(KFFQ=np.asarray(phase, dtype=int),
                      supplied_ha=np.where(costs["supplied"].to_numpy(bool), costs["area_ha"].to_numpy(float), 0.0))
    g = df.groupby("KFFQ", sort=True)
    table = pd.DataFrame({
        "units": g.size(),
        "area_ha": g["area_ha"].sum(),
        "supplied_ha": g["supplied_ha"].sum(),
        "sell_ha": g["sell_ha"].sum(),
        "factory_ha": g["factory_ha"].sum(),
        "road_km": g["road_km"].sum(),
        "investment": g["investment"].sum(),
    }).reset_index()
    if plots is not None and units is not None and unit_field in plots.columns and unit_field in units.columns:
        lut = dict(zip(units[unit_field].astype(str), np.asarray(phase, dtype=int)))
        counts = plots[unit_field].astype(str).map(lut).value_counts()
        table["plots"] = table["KFFQ"].map(counts).fillna(0).astype(int)
    else:
        table["plots"] = table["units"]
    start, mature = phase_schedule(
        table["sell_ha"].to_numpy(), table["supplied_ha"].to_numpy(),
        absorption=float(get(params, "development.absorption_ha_per_quarter")) * absorption_factor,
        lag=int(get(params, "development.sales_lag_quarters")),
        threshold=float(get(params, "phasing.maturity_threshold")), phase_ids=table["KFFQ"].to_numpy())
    y0, q0 = int(get(params, "schedule.start_year")), int(get(params, "schedule.start_quarter"))
    horizon = int(get(params, "schedule.quarters"))
    table["start_q"] = start
    table["mature_q"] = mature
    table["start"] = [quarter_label(s, y0, q0) for s in start]
    table["mature"] = [quarter_label(m, y0, q0) for m in mature]
    table["matures_in_horizon"] = mature < horizon
    return table[["KFFQ", "units", "plots", "area_ha", "supplied_ha", "sell_ha", "factory_ha", "road_km",
                  "investment", "start_q", "start", "mature_q", "mature", "matures_in_horizon"]]
