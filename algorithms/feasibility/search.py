"""调整建议 — what to change so that the plan reaches its targets, with the least change.

Targets: NPV ≥ ``search.npv_min``, peak funding ≤ ``search.peak_funding_limit`` (when set) and, with
``search.meet_targets``, the 3- and 5-year targets that are set. Levers: :mod:`.levers` (land use within the zoning,
FAR within the standard, supply mode per unit, phase order); set-apart land is never touched.

The search is a beam search over combinations of single moves: every single move is tried first (in a fixed order);
the ``beam`` closest to the targets are combined with the other moves (the moves most helpful alone first; when
there are more than ``_PARTNERS``, a sample drawn with ``search.seed``), up to ``search.max_changes`` moves. It stops
at ``search.seconds``; the same input and seed give the same list (when the time limit is not reached). Plans that
reach the targets are kept when no plan with a subset of their moves does; they are listed least land changed first
(公顷 of the plots whose use, FAR, supply mode or phase the plan changes), then fewest moves, then highest NPV.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Mapping, Optional

import numpy as np
import pandas as pd

from ..errors import InputError
from ..progress import Progress
from .finance import quarterly_rate
from .levers import Move, apply_moves, single_moves
from .model import cash_model, totals
from .params import get
from .supply import normalise_mode, supply_terms

__all__ = ["SearchResult", "suggest", "validate_search", "suggestion_sheet", "plan_version"]

_BEAM = 6
_PARTNERS = 40


@dataclass
class SearchResult:
    base: dict                          # npv, peak_need, short (targets not met), feasible
    suggestions: list                   # dicts: moves, npv, peak_need, short, feasible
    note: str                           # the conclusion, Chinese / English
    evaluated: int = 0
    seconds: float = 0.0
    complete: bool = True               # False when the time limit cut the search short
    singles: list = field(default_factory=list)


def validate_search(params: Mapping) -> None:
    s = get(params, "search") or {}
    for key in ("seconds", "max_changes", "suggestions", "far_step"):
        v = s.get(key)
        if v is None or isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0:
            raise InputError("E_PARAM_NEGATIVE", name=f"search.{key}", value=v)
    for m in s.get("modes") or []:
        if normalise_mode(m) in (None, "已供地"):
            raise InputError("E_BAD_PARAMETER", name="search.modes", value=m,
                             reason_zh="可选 出让/弹性出让/先租后让/长期租赁", reason_en="one of the supply modes")
    options = s.get("land_use_options") or {}
    good = isinstance(options, Mapping) and all(
        str(k).isdigit() and isinstance(v, list) and all(str(c).isdigit() for c in v) for k, v in options.items())
    if not good:
        raise InputError("E_BAD_PARAMETER", name="search.land_use_options", value=options,
                         reason_zh="应为“代码前缀: [可改为的代码…]”", reason_en="must map code prefixes to lists of codes")
    for f in s.get("capacity_factors") or []:
        if isinstance(f, bool) or not isinstance(f, (int, float)) or f <= 0:
            raise InputError("E_PARAM_NEGATIVE", name="search.capacity_factors", value=f)
    limit = s.get("peak_funding_limit")
    if limit is not None and (not isinstance(limit, (int, float)) or limit < 0):
        raise InputError("E_PARAM_NEGATIVE", name="search.peak_funding_limit", value=limit)


class _Evaluator:
    """NPV, peak funding and target shortfall of the plan with some moves applied."""

    def __init__(self, plan, costs, modes, phase, params, *, price_field, peak_limit, targets):
        self.plan, self.costs, self.modes, self.phase, self.params = plan, costs, modes, phase, params
        self.price_field, self.targets = price_field, targets
        self.npv_min = float(get(params, "search.npv_min") or 0.0)
        self.peak_limit = peak_limit
        self.T = int(get(params, "schedule.quarters"))
        self.disc = (1.0 + quarterly_rate(float(params["discount_rate"]))) ** -np.arange(self.T)
        self.area = costs["area_ha"].to_numpy(float)
        self.count = 0

    def __call__(self, moves) -> dict:
        self.count += 1
        costs, modes, phase = apply_moves(moves, self.costs, self.modes, self.phase)
        terms, _ = supply_terms(self.plan, costs, self.params, modes=modes, price_field=self.price_field)
        full = pd.concat([costs, terms], axis=1)
        flows, start, ids, _ = cash_model(full, phase, self.params, per_unit=self.targets is not None)
        out, inn = totals(flows)
        net = (inn - out).sum(axis=0)
        cum = np.cumsum(net)
        npv, peak = float(net @ self.disc), float(max(0.0, -cum.min()))
        short = self._targets(full, phase, flows, start, ids) if self.targets is not None else []
        gap = max(0.0, self.npv_min - npv) + (max(0.0, peak - self.peak_limit) if self.peak_limit is not None else 0.0)
        rows = np.unique(np.concatenate([m.rows for m in moves])) if moves else np.zeros(0, int)
        return {"npv": npv, "peak_need": peak, "short": short, "feasible": gap <= 1e-9 and not short,
                "shortfall": gap + sum(s[1] for s in short), "area": float(self.area[rows].sum())}

    def _targets(self, costs, phase, flows, start, ids) -> list:
        """(indicator, shortfall in 万元-like units) of every target set and not met."""
        units = self.plan.assign(KFFQ=phase)
        cash = SimpleNamespace(unit_net=np.zeros((len(costs), self.T)), unit_flows=flows,
                               summary={"phase_start_q": {int(k): int(s) for k, s in zip(ids, start)}})
        table = self.targets(SimpleNamespace(costs=costs, units=units, params=self.params), cash, params=self.params)
        miss = table[table["status"].str.startswith("未达到")]
        return [(f"{r['horizon']} {r['indicator']}", float(-r["gap"]) / max(float(r["target"]), 1e-9) * 1e4)
                for _, r in miss.iterrows()]


_PHASES = ("order", "size")


def _clashes(moves: list, mv: Move) -> bool:
    """Two moves on the same unit, two groupings, or a grouping and a swap (whose phases it renumbers)."""
    for m in moves:
        if m.kind in _PHASES and mv.kind in _PHASES:
            if "size" in (m.kind, mv.kind) or set(m.swap) & set(mv.swap):
                return True
        elif m.kind not in _PHASES and mv.kind not in _PHASES and m.target == mv.target:
            return True
    return False


def _key(r):
    return (round(r["area"], 6), len(r["moves"]), -r["npv"])


def _combine(beam, singles, ev, rng, deadline):
    """Every beam plan with one more move (a seeded sample of the partners when there are many)."""
    order = sorted(range(len(singles)), key=lambda i: (singles[i][1]["shortfall"], i))
    out, complete = [], True
    for res in beam:
        last = max(res["index"])
        partners = [i for i in order if i > last and not _clashes(res["moves"], singles[i][0])]
        if len(partners) > _PARTNERS:
            keep = set(rng.choice(len(partners), size=_PARTNERS, replace=False).tolist())
            partners = [p for j, p in enumerate(partners) if j in keep]
        for i in partners:
            if time.monotonic() > deadline:
                return out, False
            moves = res["moves"] + [singles[i][0]]
            out.append({"moves": moves, "index": res["index"] + [i], **ev(moves)})
    return out, complete


def _least_change(found: list, n: int) -> list:
    found = sorted(found, key=_key)
    kept = []
    for r in found:
        ids = set(r["index"])
        if not any(set(k["index"]) <= ids for k in kept):
            kept.append(r)
    return kept[:n]


def suggest(phased, cash, params: Optional[dict] = None, *, profile=None, zoning: Optional[dict] = None,
            price_field: Optional[str] = None, seconds: Optional[float] = None, peak_limit: Optional[float] = None,
            progress: Optional[Progress] = None) -> SearchResult:
    """The least-change plans reaching the targets (see the module docstring) for ``phased`` and its ``cash``."""
    from .targets import TARGETS, targets_table

    progress = progress or Progress()
    params = params if params is not None else phased.params
    if zoning is None:
        from ..checks.tables import load_zoning_table
        zoning = load_zoning_table()
    if profile is None:
        from ..standards import load_profile
        profile = load_profile("gongye_2008")
    t0 = time.monotonic()
    deadline = t0 + float(seconds if seconds is not None else get(params, "search.seconds"))
    limit = peak_limit if peak_limit is not None else get(params, "search.peak_funding_limit")
    goals = [get(params, f"targets.{y}.{k}") for y in ("year3", "year5") for k in TARGETS]
    use_targets = bool(get(params, "search.meet_targets")) and any(g is not None for g in goals)
    base_costs = phased.costs
    modes = cash.costs["supply_mode"].to_numpy(dtype=object)
    phase = phased.units["KFFQ"].to_numpy(dtype=int)
    ev = _Evaluator(phased.units, base_costs, modes, phase, params, price_field=price_field,
                    peak_limit=None if limit is None else float(limit), targets=targets_table if use_targets else None)
    base = ev([])
    if base["feasible"]:
        return SearchResult(base, [], "现方案已达到测算目标，无需调整 / the plan reaches the targets: nothing to change",
                            ev.count, time.monotonic() - t0)
    progress(5, "调整建议：单项 / suggestions: single moves")
    moves = single_moves(phased.units, base_costs, modes, phase, params, profile=profile, zoning=zoning,
                         regroup=getattr(phased, "regroup", None))
    singles, complete = [], True
    for mv in moves:
        if time.monotonic() > deadline:
            complete = False
            break
        r = ev([mv])
        mv.effect = {"npv": r["npv"] - base["npv"], "peak_need": r["peak_need"] - base["peak_need"]}
        singles.append((mv, r))
    found = [{"moves": [mv], "index": [i], **r} for i, (mv, r) in enumerate(singles)]
    beam = sorted((f for f in found if not f["feasible"]), key=lambda f: (f["shortfall"], f["index"]))[:_BEAM]
    rng = np.random.default_rng(int(get(params, "search.seed") or 0))
    for level in range(2, int(get(params, "search.max_changes")) + 1):
        if not complete or not beam:
            break
        progress(5 + 90 * (level - 1) / max(int(get(params, "search.max_changes")), 1),
                 f"调整建议：{level} 项组合 / suggestions: {level} moves")
        more, complete = _combine(beam, singles, ev, rng, deadline)
        found += more
        beam = sorted((f for f in more if not f["feasible"]), key=lambda f: (f["shortfall"], f["index"]))[:_BEAM]
    n = int(get(params, "search.suggestions"))
    ok = _least_change([f for f in found if f["feasible"]], n)
    note = _note(ok, complete, base, limit)
    if not ok:
        ok = sorted(found, key=lambda f: (f["shortfall"], _key(f)))[:n]
    return SearchResult(base, ok, note, ev.count, time.monotonic() - t0, complete, [s[0] for s in singles])


def _note(ok, complete, base, limit) -> str:
    cut = "" if complete else "（已到时间上限，搜索未完成 / the time limit ended the search）"
    if ok:
        return (f"找到 {len(ok)} 个达到目标的调整方案，按改动用地面积从小到大排列{cut} / {len(ok)} plans reach the targets, "
                f"least land changed first")
    return (f"在规则允许的调整范围内（最多所设项数）没有方案能同时达到净现值、资金峰值{'' if limit is None else f'（≤ {limit:g} 万元）'}"
            f"与发展目标；列出最接近的方案{cut} / no plan within the rules and the number of changes reaches the "
            "targets; the closest are listed")


def suggestion_sheet(result: SearchResult) -> pd.DataFrame:
    """The 调整建议 sheet: the base, then one row per adjustment of each suggestion with its own effect and the plan's."""
    b = result.base
    rows = [{"方案 plan": "基准 base", "调整 adjustment": "—", "面积（公顷）area ha": None,
             "单项净现值变化（万元）NPV change alone": None, "方案净现值（万元）plan NPV": b["npv"],
             "净现值变化（万元）NPV change": 0.0, "最大资金需求（万元）peak funding": b["peak_need"],
             "未达到的发展目标 targets short": "、".join(s[0] for s in b["short"]) or "—",
             "结论 result": "达到目标 / reaches the targets" if b["feasible"] else "未达到目标 / short of the targets"}]
    for n, s in enumerate(result.suggestions, 1):
        for j, mv in enumerate(s["moves"]):
            first = j == 0
            rows.append({"方案 plan": f"方案 {n}", "调整 adjustment": mv.text(), "面积（公顷）area ha": mv.area_ha,
                         "单项净现值变化（万元）NPV change alone": mv.effect.get("npv"),
                         "方案净现值（万元）plan NPV": s["npv"] if first else None,
                         "改动用地（公顷）land changed ha": s["area"] if first else None,
                         "净现值变化（万元）NPV change": s["npv"] - b["npv"] if first else None,
                         "最大资金需求（万元）peak funding": s["peak_need"] if first else None,
                         "未达到的发展目标 targets short": ("、".join(x[0] for x in s["short"]) or "—") if first else None,
                         "结论 result": ("达到目标 / reaches the targets" if s["feasible"] else
                                       "最接近目标 / closest") if first else None})
    rows.append({"方案 plan": "说明 note", "调整 adjustment": result.note})
    return pd.DataFrame(rows)


def plan_version(phased, cash, suggestion: dict, *, mode_field: Optional[str] = None):
    """The whole plan layer (every input row, set-apart land included) with ``suggestion``'s moves applied: new uses
    with their controls and sources (ZBLY), new FAR, KFFQ of swapped phases and every developable plot's supply mode
    in ``mode_field`` (default GDFS 供地方式). Computing this layer again gives the suggestion's figures."""
    field_name = mode_field or "GDFS"
    out = phased.layer.copy()
    idx = phased.units.index
    modes = pd.Series(cash.costs["supply_mode"].to_numpy(dtype=object), index=idx)
    kffq = out["KFFQ"].copy()
    for mv in sorted(suggestion["moves"], key=lambda m: m.kind != "size"):
        if mv.phase is not None:
            kffq.loc[idx] = mv.phase
        rows = idx[mv.rows]
        if mv.plots is not None:
            for c in mv.plots.columns:
                if c != "geometry" and (c in out.columns or c in ("ZBLY", "JRJZMJ")):
                    out.loc[rows, c] = mv.plots[c].to_numpy()
        if mv.mode is not None:
            modes.loc[rows] = mv.mode
        if mv.swap is not None:
            a, b = mv.swap
            is_a, is_b = (kffq == a).fillna(False), (kffq == b).fillna(False)
            kffq.loc[is_a], kffq.loc[is_b] = b, a
    out["KFFQ"] = kffq
    out[field_name] = pd.Series(None, index=out.index, dtype=object)
    out.loc[idx, field_name] = modes.where(modes != "已供地", None).to_numpy()
    return out
