"""The planner's live summary: hierarchy and totals from plain plot records (no pandas: the dock calls it often)."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Optional

from .crs import m2_to_ha
from .schema import DEFAULT_CODES, CodeFormat

__all__ = ["plan_summary", "plan_tree", "OPEN_STATUSES"]

#: review results that count as an open finding
OPEN_STATUSES = ("不合规", "需核实")


def _num(v) -> Optional[float]:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if f != f else f


def plan_summary(plots: Iterable[dict], *, level1_names: Optional[dict] = None) -> dict:
    """Totals of plot records (dicts with schema fields): area by 一级 class, 计容建筑面积, minimum investment.

    Plots without a FAR or investment intensity are counted in ``missing_*`` rather than as zero.
    """
    by_class: dict = defaultdict(float)
    total = floor = invest = 0.0
    n = open_findings = missing_far = missing_tzqd = 0
    for p in plots:
        n += 1
        area = _num(p.get("YDMJ")) or 0.0
        total += area
        code = (p.get("YDYHFLDM") or "")[:2] or "未赋值"
        by_class[code] += area
        far = _num(p.get("RJLXX"))
        if far is None:
            missing_far += 1
        else:
            floor += far * area
        tz = _num(p.get("TZQD"))
        if tz is None:
            missing_tzqd += 1
        else:
            invest += tz * m2_to_ha(area)
        if p.get("SCJL") in OPEN_STATUSES:
            open_findings += 1
    names = level1_names or {}
    classes = sorted(({"code": c, "name": names.get(c, ""), "area_m2": a, "share": a / total if total else 0.0}
                      for c, a in by_class.items()), key=lambda r: -r["area_m2"])
    return {"plots": n, "area_m2": total, "area_ha": m2_to_ha(total), "floor_area_m2": floor,
            "min_investment_wan": invest, "open_findings": open_findings, "missing_far": missing_far,
            "missing_tzqd": missing_tzqd, "by_class": classes}


def plan_tree(clusters: Iterable[dict], units: Iterable[dict], plots: Iterable[dict], *,
              codes: CodeFormat = DEFAULT_CODES) -> dict:
    """{cluster code: {"record": …, "units": {unit code: {"record": …, "plots": [records]}}}} in code order.

    A plot's unit is its DYBH, else the parent of its DKBH; plots and units whose parent is missing are
    gathered under the key ``"?"`` so that nothing disappears from the tree.
    """
    tree: dict = {}
    for c in clusters:
        tree.setdefault(c.get("ZTBH") or "?", {"record": c, "units": {}})

    def _parent(rec, field, own):
        if rec.get(field):
            return rec[field]
        try:
            return codes.parent(rec.get(own) or "") or "?"
        except ValueError:
            return "?"

    for u in units:
        z = _parent(u, "ZTBH", "DYBH")
        tree.setdefault(z, {"record": None, "units": {}})["units"].setdefault(
            u.get("DYBH") or "?", {"record": u, "plots": []})["record"] = u
    for p in plots:
        d = _parent(p, "DYBH", "DKBH")
        z = p.get("ZTBH") or _parent({"DYBH": d}, "ZTBH", "DYBH")
        unit = tree.setdefault(z, {"record": None, "units": {}})["units"].setdefault(d, {"record": None, "plots": []})
        unit["plots"].append(p)
    ordered = {}
    for z in sorted(tree):
        node = tree[z]
        units_sorted = {}
        for d in sorted(node["units"]):
            un = node["units"][d]
            un["plots"].sort(key=lambda r: r.get("DKBH") or "")
            units_sorted[d] = un
        ordered[z] = {"record": node["record"], "units": units_sorted}
    return ordered
