"""滚动开发分期 — assigning units (or plots) to development phases, and the phase schedule.

Rules ("开发一片、成熟一片、收益一片"):

0. The input is the plan's plots (or units). What the checks decided is read from one place,
   :func:`algorithms.planstate.plan_state`: land that a prohibiting 一张图 rule made 不合规 (需调整用地, the whole plot)
   is left out — not phased, not charged 征地, not sold — unless ``allow_blocked``; 需核实 land is phased and marked;
   已供地 land carries no 征地 and no sale. The plots of one unit (``unit_field``) form one indivisible block.
1. Blocks pinned by the planner (a positive phase number in the pin field, KFFQ by default) keep that phase when
   every pinned phase fits the capacity; otherwise the pins are read as an order (see :mod:`.assign`).
2. The others are taken in this order: land already supplied (已供地), then land already serviced, then land
   contiguous with what is assigned or with built roads/infrastructure (neighbours = blocks closer than
   ``phasing.adjacency_distance`` m, found with a bulk ``STRtree.query(..., predicate="dwithin")``); among those,
   the nearest to the built infrastructure first. When nothing contiguous is left (a separate part of the zone),
   the unassigned block nearest to the infrastructure starts a new front.
3. A phase is closed when the next block would push it over its capacity (``phasing.capacity_ha`` 公顷, and an
   optional investment capacity in 万元); a phase always takes at least one block, so only one indivisible block
   larger than the capacity makes a phase larger than it (reported).
4. Schedule: phase 1 starts in quarter 0 (the plan's year, :func:`.params.resolve_dates`). A phase's land is
   transferred at ``development.absorption_ha_per_quarter`` from ``development.sales_lag_quarters`` after its start;
   it *matures* in the first quarter in which (already supplied + transferred) ÷ (already supplied + land to
   transfer) ≥ ``phasing.maturity_threshold``; the next phase starts in the quarter after that. Land on which the
   developer builds its own factories is outside that ratio.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import partial
from typing import Optional

import numpy as np
import pandas as pd
import shapely

from ..errors import InputError
from ..geometry import prepare_polygons
from ..planstate import plan_state
from ..progress import Progress
from .assign import assign_blocks, block_neighbours
from .costs import (BUILT_VALUES, SUPPLIED_VALUES, road_lengths_per_unit, status_mask, to_metres, unit_areas_ha,
                    unit_costs)
from .params import get, load_params, merge_params, resolve_dates, validate_params
from .phasefindings import no_infra_finding, pin_order_finding, pinned_finding, state_findings, table_findings

__all__ = ["PhasingResult", "phasing", "phase_schedule", "quarter_label", "adjacency"]


@dataclass
class PhasingResult:
    units: object                    # the input (null geometries dropped, invalid ones repaired) with KFFQ
    phases: pd.DataFrame             # one row per phase
    costs: pd.DataFrame              # per-unit quantities and capital costs (万元), index = input index
    findings: list = field(default_factory=list)
    plots: object = None             # the plots with KFFQ from their unit, when plots were given
    params: dict = field(default_factory=dict)
    layer: object = None             # the whole input with KFFQ (empty where set apart), KFZT and KFSM
    set_apart: object = None         # the land left out (需调整用地): code, unit, area_ha, conflict_m2, reason
    regroup: object = None           # capacity (公顷) -> phase per row by the same rules (the search's phase size)


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


def _with_overrides(params, capacity_ha, maturity_threshold, capacity_investment):
    params = params if params is not None else load_params()
    over = {k: v for k, v in (("capacity_ha", capacity_ha), ("maturity_threshold", maturity_threshold),
                              ("capacity_investment", capacity_investment)) if v is not None}
    if over:
        params = merge_params(params, {"phasing": over})
        validate_params(params)
    return params if "_dates" in params else resolve_dates(params)


def _blocks(rows, unit_field: Optional[str]) -> tuple[np.ndarray, int, np.ndarray, bool]:
    """Indivisible blocks: the rows (plots) of one unit code together, a row without a code alone.

    Returns (block of each row, number of blocks, unit code per row or None, rows are plots)."""
    n = len(rows)
    plots_given = "DKBH" in rows.columns
    if not unit_field or unit_field not in rows.columns:
        return np.arange(n), n, np.full(n, None, dtype=object), plots_given
    codes = rows[unit_field].map(lambda v: None if v is None or (isinstance(v, float) and np.isnan(v))
                                 or str(v).strip() == "" else str(v).strip()).to_numpy(dtype=object)
    keys = np.array([c if c is not None else f"\0row{i}" for i, c in enumerate(codes)], dtype=object)
    _, block_of = np.unique(keys.astype(str), return_inverse=True)
    nblocks = int(block_of.max()) + 1 if n else 0
    return block_of, nblocks, codes, plots_given or nblocks < n


def _per_block(block_of, nblocks, values, how="sum"):
    values = np.asarray(values, dtype=float)
    if how == "sum":
        return np.bincount(block_of, weights=values, minlength=nblocks)
    out = np.full(nblocks, np.inf if how == "min" else -np.inf)
    (np.minimum if how == "min" else np.maximum).at(out, block_of, values)
    return out


def _pins(rows, pin_field) -> np.ndarray:
    if not pin_field or pin_field not in rows.columns:
        return np.zeros(len(rows), dtype=int)
    pin = pd.to_numeric(rows[pin_field], errors="coerce").to_numpy(dtype=float)
    ok = np.isfinite(pin) & (pin > 0)
    return np.where(ok, np.nan_to_num(pin), 0).astype(int)


def _layer(units, state, develop_index, phase) -> object:
    """The whole input with KFFQ (empty for land set apart), KFZT and KFSM."""
    out = units.copy()
    kffq = pd.Series(pd.NA, index=out.index, dtype="Int64")
    kffq.loc[develop_index] = phase
    out["KFFQ"] = kffq
    out["KFZT"] = state.status
    note = np.where(state.verify, "一张图审查需核实 / to be verified", "").astype(object)
    note[state.blocked] = state.reason[state.blocked]
    out["KFSM"] = note
    return out


def _develop_rows(units, *, unit_field, allow_blocked, supplied_field, supplied_values):
    """The repaired input, its plan state, the rows to phase (not set apart) and the findings so far."""
    if len(units) == 0:
        raise InputError("E_EMPTY_LAYER", layer="units")
    units, findings = prepare_polygons(units, layer="units",
                                       code_field=unit_field if unit_field in units.columns else None)
    state = plan_state(units, allow_blocked=allow_blocked, supplied_field=supplied_field,
                       supplied_values=supplied_values)
    findings += state_findings(units, state, "DKBH" if "DKBH" in units.columns else unit_field)
    rows = units[state.develop]
    if len(rows) == 0:
        raise InputError("E_EMPTY_LAYER", layer="units（全部为需调整用地 / all land is set apart）")
    return units, state, rows, findings


def _row_costs(rows, m_rows, roads, m_roads, *, params, supplied_field, supplied_values, serviced_field,
               serviced_values, road_class_field, road_length_field, road_status_field, built_values, progress):
    """Supplied and serviced per row, built per road, and the rows' quantities and costs (:func:`.costs.unit_costs`)."""
    n = len(rows)
    supplied = status_mask(rows, supplied_field, supplied_values)
    supplied = supplied if len(supplied) else np.zeros(n, bool)
    serviced = status_mask(rows, serviced_field, serviced_values)
    serviced = serviced if len(serviced) else np.zeros(n, bool)
    built = status_mask(roads, road_status_field, built_values) if roads is not None else np.zeros(0, bool)
    progress(5, "道路分摊 / road lengths")
    road_km = road_lengths_per_unit(m_rows, m_roads, class_field=road_class_field, length_field=road_length_field,
                                    built=built if len(built) else None)
    costs = unit_costs(m_rows, params=params, supplied=supplied, serviced=serviced, road_km=road_km)
    return supplied, serviced, built, costs


def _infrastructure(m_roads, built, m_infra) -> Optional[np.ndarray]:
    """The built infrastructure's geometries (built roads, then the other infrastructure), or None when there is none."""
    infra_parts = []
    if m_roads is not None and len(built) and built.any():
        infra_parts.append(m_roads.geometry.to_numpy()[built])
    if m_infra is not None and len(m_infra):
        infra_parts.append(m_infra.geometry.to_numpy())
    return np.concatenate(infra_parts) if infra_parts else None


def _touching(geoms, infra_geoms, adj: float) -> tuple[np.ndarray, list]:
    """Rows within ``adj`` m of the built infrastructure, and the finding when no infrastructure is given."""
    touching = np.zeros(len(geoms), bool)
    if infra_geoms is not None and len(infra_geoms):
        hit, _ = shapely.STRtree(infra_geoms).query(geoms, predicate="dwithin", distance=max(adj, 1e-6))
        touching[np.unique(hit)] = True
        return touching, []
    return touching, [no_infra_finding()]


def _grower(params, costs, block_of, nb_blocks, *, pinned, supplied, serviced, touching, dist, neighbours):
    """:func:`.assign.assign_blocks` bound to the blocks' areas, investments, tiers and neighbours (takes ``cap_ha``)."""
    cap_inv = get(params, "phasing.capacity_investment")
    return partial(
        assign_blocks, _per_block(block_of, nb_blocks, costs["area_ha"]),
        _per_block(block_of, nb_blocks, costs["investment"]), pinned=pinned,
        supplied=_per_block(block_of, nb_blocks, supplied) > 0, serviced=_per_block(block_of, nb_blocks, serviced) > 0,
        touching=_per_block(block_of, nb_blocks, touching) > 0, dist=_per_block(block_of, nb_blocks, dist, "min"),
        neighbours=neighbours, cap_inv=None if cap_inv is None else float(cap_inv))


def _phased_plots(plots, rows, unit_field, phase, rows_are_plots):
    """The plots with KFFQ from their unit's phase, when units were phased and their plots given; else None."""
    if plots is not None and unit_field in plots.columns and unit_field in rows.columns and not rows_are_plots:
        lut = dict(zip(rows[unit_field].astype(str), phase))
        out_plots = plots.copy()
        out_plots["KFFQ"] = pd.array(out_plots[unit_field].astype(str).map(lut), dtype="Int64")
        return out_plots
    return None


def phasing(units, *, params: Optional[dict] = None, roads=None, road_class_field: Optional[str] = None,
            road_length_field: Optional[str] = None, road_status_field: Optional[str] = None,
            built_values=BUILT_VALUES, infrastructure=None, supplied_field: Optional[str] = "GDZT",
            supplied_values=SUPPLIED_VALUES, serviced_field: Optional[str] = None, serviced_values=("是", "已完成"),
            pin_field: Optional[str] = "KFFQ", capacity_ha: Optional[float] = None,
            capacity_investment: Optional[float] = None, maturity_threshold: Optional[float] = None,
            plots=None, unit_field: str = "DYBH", allow_blocked: bool = False,
            progress: Optional[Progress] = None) -> PhasingResult:
    """Assign ``units`` (units or plots, polygons, any CRS) to phases and schedule them; see the module docstring.

    Plots of one unit (``unit_field``) are phased together. Land that :func:`algorithms.planstate.plan_state` sets
    apart (需调整用地) is left out unless ``allow_blocked``. ``roads``: road corridors or centre lines (costs by
    class; built ones also seed the growth); ``infrastructure``: other built infrastructure that seeds the growth.
    """
    progress = progress or Progress()
    params = _with_overrides(params, capacity_ha, maturity_threshold, capacity_investment)
    units, state, rows, findings = _develop_rows(units, unit_field=unit_field, allow_blocked=allow_blocked,
                                                 supplied_field=supplied_field, supplied_values=supplied_values)
    m_rows, target = to_metres(rows, layer="units")
    m_roads, _ = to_metres(roads, layer="roads", target=target)
    m_infra, _ = to_metres(infrastructure, layer="infrastructure", target=target)
    geoms = m_rows.geometry.to_numpy()
    supplied, serviced, built, costs = _row_costs(
        rows, m_rows, roads, m_roads, params=params, supplied_field=supplied_field, supplied_values=supplied_values,
        serviced_field=serviced_field, serviced_values=serviced_values, road_class_field=road_class_field,
        road_length_field=road_length_field, road_status_field=road_status_field, built_values=built_values,
        progress=progress)
    block_of, nb_blocks, unit_codes, rows_are_plots = _blocks(rows, unit_field)
    pinned = _per_block(block_of, nb_blocks, _pins(rows, pin_field), "max").astype(int)
    findings += pinned_finding(pinned, pin_field)
    infra_geoms = _infrastructure(m_roads, built, m_infra)
    adj = float(get(params, "phasing.adjacency_distance"))
    progress(15, "相邻关系 / adjacency")
    neighbours = block_neighbours(adjacency(geoms, adj), block_of, nb_blocks)
    touching, found = _touching(geoms, infra_geoms, adj)
    findings += found
    dist = _seed_distance(geoms, infra_geoms, supplied | serviced)
    cap = float(get(params, "phasing.capacity_ha"))
    grow = _grower(params, costs, block_of, nb_blocks, pinned=pinned, supplied=supplied, serviced=serviced,
                   touching=touching, dist=dist, neighbours=neighbours)
    phase_b, as_order = grow(cap_ha=cap, progress=progress)
    phase = phase_b[block_of]
    if as_order:
        findings.append(pin_order_finding(pin_field, cap))
    out = rows.copy()
    out["KFFQ"] = pd.array(phase, dtype="Int64")
    table = phase_table(costs, phase, params=params, plots=plots, units=units, unit_field=unit_field,
                        unit_codes=unit_codes if rows_are_plots else None, verify=state.verify[state.develop],
                        blocked=state.blocked[state.develop])
    findings += table_findings(table, params, phase_b)
    out_plots = _phased_plots(plots, rows, unit_field, phase, rows_are_plots)
    progress(100, "分期完成 / phasing done")
    result = PhasingResult(out, table, costs, findings, out_plots, params)
    result.layer = _layer(units, state, rows.index, phase)
    result.set_apart = _set_apart(units, state, unit_field, target)
    result.regroup = lambda capacity: grow(cap_ha=float(capacity))[0][block_of]
    return result


def _set_apart(units, state, unit_field, target) -> pd.DataFrame:
    """The land left out of the phasing (需调整用地): code, unit, area in 公顷 and the reason."""
    sel = state.blocked & ~state.develop
    part = units[sel]
    if not len(part):
        return pd.DataFrame(columns=["code", "unit", "area_ha", "conflict_m2", "reason"])
    m_part, _ = to_metres(part, layer="units", target=target)
    area = unit_areas_ha(m_part)
    code_col = "DKBH" if "DKBH" in part.columns else unit_field
    return pd.DataFrame({"code": part[code_col].astype(str).to_numpy() if code_col in part.columns else
                         part.index.astype(str), "unit": part[unit_field].astype(str).to_numpy()
                         if unit_field in part.columns else "", "area_ha": area,
                         "conflict_m2": state.conflict_m2[sel], "reason": state.reason[sel]})


def phase_table(costs: pd.DataFrame, phase: np.ndarray, *, params: dict, plots=None, units=None,
                unit_field: str = "DYBH", absorption_factor: float = 1.0, unit_codes=None, verify=None,
                blocked=None) -> pd.DataFrame:
    """One row per phase: units, plots, area, supplied and sellable land, investment, start and maturity quarter.

    ``unit_codes`` (per row) when the rows are plots: units = distinct codes, plots = rows. ``verify`` /
    ``blocked`` (per row, bool) give the 需核实 plots and the 需调整用地 phased anyway (``allow_blocked``)."""
    area = costs["area_ha"].to_numpy(float)
    n = len(costs)
    df = costs.assign(KFFQ=np.asarray(phase, dtype=int),
                      supplied_ha=np.where(costs["supplied"].to_numpy(bool), area, 0.0),
                      verify_n=np.zeros(n) if verify is None else np.asarray(verify, dtype=float),
                      blocked_ha=np.zeros(n) if blocked is None else np.where(np.asarray(blocked, bool), area, 0.0))
    g = df.groupby("KFFQ", sort=True)
    if unit_codes is not None:
        codes = pd.Series(unit_codes, index=costs.index).where(pd.notna(unit_codes), costs.index.astype(str))
        n_units = codes.groupby(df["KFFQ"]).nunique()
    else:
        n_units = g.size()
    table = pd.DataFrame({
        "units": n_units,
        "area_ha": g["area_ha"].sum(),
        "supplied_ha": g["supplied_ha"].sum(),
        "sell_ha": g["sell_ha"].sum(),
        "factory_ha": g["factory_ha"].sum(),
        "road_km": g["road_km"].sum(),
        "investment": g["investment"].sum(),
        "verify_plots": g["verify_n"].sum().astype(int),
        "blocked_ha": g["blocked_ha"].sum(),
    }).reset_index()
    if unit_codes is not None:
        table["plots"] = g.size().to_numpy()
    elif plots is not None and units is not None and unit_field in plots.columns and unit_field in units.columns:
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
                  "investment", "verify_plots", "blocked_ha", "start_q", "start", "mature_q", "mature",
                  "matures_in_horizon"]]
