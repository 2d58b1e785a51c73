"""The levers the search may pull, each a concrete change of the plan that keeps it lawful.

A move acts on one unit (a 小组团 block: its developable plots that are not supplied yet) or on the phase order:

land_use  the unit's plots of a class listed in ``search.land_use_options`` become the option class, only when the
          option is allowed (not merely "to verify") in every 规划分区 of the zoning table that allows the present
          class — so no plot that passed the 一张图 zoning rule can fail it; the plots' controls are assigned afresh
          from the standards profile for the new use (:func:`algorithms.controls.assign_controls`) and must pass it;
far       the unit's 容积率下限 RJLXX moved by ± ``search.far_step`` (up to two steps), within the standard's bounds
          (:func:`algorithms.controls.check_values`) and the plot's own 容积率上限 RJLSX; only where the developer
          builds on the land (else the FAR does not change the developer's cash);
mode      the unit's supply mode (``search.modes``);
order     two consecutive phases swap their order;
size      the phases regrouped by the phasing's own rules with the capacity × each of ``search.capacity_factors``.
Land set apart by a prohibiting 一张图 rule is not in the phased plan, so no move can touch it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import pandas as pd

from .costs import unit_costs
from .params import get
from .rates import land_use_code

__all__ = ["Move", "single_moves", "apply_moves", "zoning_safe"]

_CONTROLS = ("RJLXX", "RJLSX", "JZXS", "JZMDXX", "JZMDSX", "LDLSX", "XZBGBL", "TZQD", "JZXG", "CCQD", "DJSS")


@dataclass
class Move:
    kind: str                       # land_use / far / mode / order / size
    target: str                     # unit code, or "1↔2" for an order move
    rows: np.ndarray                # positional rows of the phased plan it changes
    before: str
    after: str
    area_ha: float = 0.0
    costs: Optional[pd.DataFrame] = None     # the changed rows' costs (land_use, far)
    plots: Optional[pd.DataFrame] = None     # the changed rows' attributes (land_use, far): the new plan version
    mode: Optional[str] = None               # mode moves
    swap: Optional[tuple] = None             # order moves: the two phases
    phase: Optional[np.ndarray] = None       # size moves: the new phase of every row
    effect: dict = field(default_factory=dict)

    def text(self) -> str:
        what = {"land_use": "用地 land use", "far": "容积率下限 FAR", "mode": "供地方式 supply mode",
                "order": "开发顺序 phase order", "size": "每期规模 phase size"}[self.kind]
        where = {"order": f"第 {self.target} 期 / phases {self.target}", "size": "全区 zone"}.get(
            self.kind, f"单元 unit {self.target}")
        return f"{where}：{what} {self.before} → {self.after}"


def zoning_safe(old: str, new: str, zoning: dict) -> bool:
    """True when ``new`` is allowed in every zone of ``zoning`` that allows ``old`` (and some zone allows it)."""
    rules = {id(r): r for r in zoning.values()}.values()
    allowing = [r for r in rules if r.judge(old) == "ok"]
    return bool(allowing) and all(r.judge(new) == "ok" for r in allowing)


def _recost(plan, rows, new_plots, base_costs, params):
    """Costs of ``rows`` after their attributes changed: area, supply state and road cost kept."""
    sub = base_costs.iloc[rows]
    # the measured area (the plan rows may be in degrees): YDMJ given for the computation only
    measured = new_plots.assign(YDMJ=sub["area_ha"].to_numpy() * 1e4)
    out = unit_costs(measured, params=params, supplied=sub["supplied"].to_numpy(bool),
                     serviced=sub["serviced"].to_numpy(bool))
    out["road_km"], out["roads"] = sub["road_km"].to_numpy(), sub["roads"].to_numpy()
    out["investment"] = out[["land_acquisition", "site_preparation", "roads", "utilities", "public_facilities",
                             "factory"]].sum(axis=1)
    return out[base_costs.columns.intersection(out.columns)]


def _land_use_moves(plan, base_costs, groups, params, profile, zoning):
    from ..controls import assign_controls, check_values, profile_name

    options = {str(k): [str(v) for v in vals] for k, vals in (get(params, "search.land_use_options") or {}).items()}
    codes = plan["YDYHFLDM"].map(land_use_code).to_numpy(dtype=object) if "YDYHFLDM" in plan.columns else None
    out = []
    if codes is None or profile is None:
        return out
    for unit, rows in groups.items():
        for key, targets in options.items():
            sel = rows[[codes[i].startswith(key) for i in rows]]
            for new in targets:
                if not len(sel) or any(not zoning_safe(codes[i], new, zoning) for i in sel) \
                        or any(codes[i] == new for i in sel):
                    continue
                sub = plan.iloc[sel].copy()
                for f in _CONTROLS:
                    if f in sub.columns:
                        sub[f] = np.nan
                sub["YDYHFLDM"] = new
                sub, _ = assign_controls(sub, profile=profile)
                if any(check_values(r.to_dict(), profile=profile) for _, r in sub.iterrows()):
                    continue
                old = "、".join(sorted({profile_name(codes[i]) or codes[i] for i in sel}))
                out.append(Move("land_use", unit, sel, old, profile_name(new) or new,
                                float(base_costs["area_ha"].to_numpy()[sel].sum()),
                                costs=_recost(plan, sel, sub, base_costs, params), plots=sub))
    return out


def _far_moves(plan, base_costs, groups, params, profile):
    from ..controls import check_values

    step = float(get(params, "search.far_step"))
    if "RJLXX" not in plan.columns or step <= 0:
        return []
    far = pd.to_numeric(plan["RJLXX"], errors="coerce").to_numpy(float)
    top = pd.to_numeric(plan["RJLSX"], errors="coerce").to_numpy(float) if "RJLSX" in plan.columns \
        else np.full(len(plan), np.inf)
    out = []
    for unit, rows in groups.items():
        rows = rows[np.isfinite(far[rows]) & (base_costs["factory_ha"].to_numpy()[rows] > 0)]
        if not len(rows):
            continue
        for k in (1, 2, -1, -2):
            new = np.round(far[rows] + k * step, 6)
            if (new <= 0).any() or (new > np.where(np.isfinite(top[rows]), top[rows], np.inf) + 1e-9).any():
                continue
            sub = plan.iloc[rows].copy()
            sub["RJLXX"] = new
            if "JRJZMJ" in sub.columns and "YDMJ" in sub.columns:   # 计容建筑面积 = 容积率下限 × 用地面积
                sub["JRJZMJ"] = new * pd.to_numeric(sub["YDMJ"], errors="coerce").to_numpy(float)
            if profile is not None and any(check_values(r.to_dict(), profile=profile) for _, r in sub.iterrows()):
                continue
            before = "、".join(f"{v:g}" for v in sorted(set(far[rows])))
            after = "、".join(f"{v:g}" for v in sorted(set(new)))
            out.append(Move("far", unit, rows, before, after, float(base_costs["area_ha"].to_numpy()[rows].sum()),
                            costs=_recost(plan, rows, sub, base_costs, params), plots=sub))
    return out


def _size_moves(phase, area, params, regroup) -> list[Move]:
    cap = float(get(params, "phasing.capacity_ha"))
    out = []
    for f in (get(params, "search.capacity_factors") or []) if regroup is not None else []:
        new = regroup(cap * float(f))
        if not np.array_equal(new, phase):
            out.append(Move("size", "zone", np.arange(len(phase)), f"{cap:g} 公顷（{len(set(phase))} 期）",
                            f"{cap * float(f):g} 公顷（{len(set(new))} 期）", float(area.sum()), phase=new))
    return out


def single_moves(plan, base_costs: pd.DataFrame, base_modes: np.ndarray, phase: np.ndarray, params: dict, *,
                 profile=None, zoning: Optional[dict] = None, unit_field: str = "DYBH", regroup=None) -> list[Move]:
    """Every single move on ``plan`` (the phased rows, aligned with ``base_costs``), in a fixed order;
    ``regroup`` (capacity → phase per row, :attr:`.phasing.PhasingResult.regroup`) gives the size moves."""
    open_rows = ~base_costs["supplied"].to_numpy(bool)
    units = (plan[unit_field].astype(str).to_numpy() if unit_field in plan.columns
             else plan.index.astype(str).to_numpy())
    groups = {u: np.flatnonzero((units == u) & open_rows) for u in pd.unique(units[open_rows])}
    moves = _land_use_moves(plan, base_costs, groups, params, profile, zoning or {})
    moves += _far_moves(plan, base_costs, groups, params, profile)
    area = base_costs["area_ha"].to_numpy()
    for unit, rows in groups.items():
        rows = rows[base_costs["sell_ha"].to_numpy()[rows] > 0]
        now = set(base_modes[rows])
        for m in get(params, "search.modes") or []:
            if len(rows) and now != {m}:
                moves.append(Move("mode", unit, rows, "、".join(sorted(now)), m, float(area[rows].sum()), mode=m))
    ids = sorted(set(int(p) for p in phase))
    for a, b in zip(ids[:-1], ids[1:]):
        rows = np.flatnonzero(np.isin(phase, [a, b]))
        moves.append(Move("order", f"{a}↔{b}", rows, f"{a}, {b}", f"{b}, {a}", float(area[rows].sum()), swap=(a, b)))
    return moves + _size_moves(phase, area, params, regroup)


def apply_moves(moves, base_costs: pd.DataFrame, base_modes: np.ndarray, phase: np.ndarray):
    """(costs without supply terms, modes, phase) of the plan with ``moves`` applied."""
    costs, modes, phase = base_costs, base_modes, phase
    for mv in sorted(moves, key=lambda m: m.kind != "size"):    # a new grouping first, then any swap
        if mv.phase is not None:
            phase = mv.phase
        if mv.costs is not None:
            costs = costs.copy() if costs is base_costs else costs
            for c in mv.costs.columns:
                costs.iloc[mv.rows, costs.columns.get_loc(c)] = mv.costs[c].to_numpy()
        if mv.mode is not None:
            modes = modes.copy()
            modes[mv.rows] = mv.mode
        if mv.swap is not None:
            a, b = mv.swap
            phase = np.where(phase == a, b, np.where(phase == b, a, phase))
    return costs, modes, phase
