"""开发区土地集约利用评价 (TD/T 1029-2017) — indicator values per zone and per cluster.

The indicators and their formulas are data (resources/feasibility/intensive_use.yaml, with its source and status).
Two ways to feed them:

* ``scenario="status"`` — a current-status layer: which land is serviced, supplied and built, its floor area,
  footprint, coverage, fixed assets and taxes come from fields the caller names. A quantity whose field is not
  given, or is empty on a row that needs it, is *missing*: the indicators using it are reported as not computed,
  never filled with a guess.
* ``scenario="plan"`` — the plan at completion: all land serviced, supplied and built except 需调整用地 (land a
  prohibiting rule of the 一张图 check sets apart, :mod:`..planstate`: not developed, as in the phasing and the cash
  flow; it stays in the zone's total area); floor area = JRJZMJ (else RJLXX × YDMJ), footprint = JZMDXX × YDMJ,
  coverage = JZXS × YDMJ, fixed assets = ZDTZE (else TZQD × 公顷), taxes = DJSS × 公顷 — each a control minimum, so
  the values are what the controls guarantee at least.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import pandas as pd

from ..crs import M2_PER_HA
from ..errors import InputError
from ..findings import Finding
from ..geometry import prepare_polygons
from ..planstate import STATUS_LABELS, plan_state
from .costs import BUILT_VALUES, SUPPLIED_VALUES, status_mask, to_metres, unit_areas_ha

__all__ = ["IntensiveUseResult", "intensive_use", "DEFINITIONS_PATH", "ZONE_TYPES"]

DEFINITIONS_PATH = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "resources", "feasibility",
                                                 "intensive_use.yaml"))
ZONE_TYPES = ("工业主导型", "产城融合型")


@dataclass
class IntensiveUseResult:
    table: pd.DataFrame       # level, ZTBH, key, indicator, value, unit, numerator, denominator, status, note
    quantities: pd.DataFrame  # the quantities per zone / cluster (NaN = missing)
    zone_type: str
    findings: list = field(default_factory=list)


def _definitions(path: Optional[str]) -> dict:
    import yaml

    path = path or DEFINITIONS_PATH
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as err:
        raise InputError("E_READ", path=path, reason=str(err)) from None


def _num(frame, name: Optional[str]) -> Optional[np.ndarray]:
    if not name or name not in frame.columns:
        return None
    return pd.to_numeric(frame[name], errors="coerce").to_numpy(dtype=float)


def _prefix_mask(codes: Optional[pd.Series], prefixes) -> Optional[np.ndarray]:
    if codes is None:
        return None
    s = codes.astype(str).str.strip()
    return s.str.startswith(tuple(str(p) for p in prefixes)).to_numpy() & codes.notna().to_numpy()


def _developed(plots) -> np.ndarray:
    """Plots the plan develops: all but 需调整用地 (a prohibiting rule's conflict, read by :func:`plan_state` as by the
    phasing and the cash flow), unless the phasing phased it anyway (KFZT 需调整用地（按参数仍分期）)."""
    state = plan_state(plots)
    anyway = plots["KFZT"].astype(str).eq(STATUS_LABELS["blocked_phased"]).to_numpy() if "KFZT" in plots.columns else False
    return ~state.blocked | anyway


# why a quantity is missing: the inputs it needs (keys of the reasons ``_row_quantities`` collects)
_CAUSES = {"serviced_ha": ["serviced"], "supplied_ha": ["supplied"], "built_ha": ["built", "use_code"],
           "built_industrial_ha": ["built", "use_code"], "floor_m2": ["floor", "built", "use_code"],
           "footprint_m2": ["footprint", "built", "use_code"], "industrial_floor_m2": ["floor", "built", "use_code"],
           "industrial_coverage_m2": ["coverage", "built", "use_code"],
           "industrial_assets": ["assets", "built", "use_code"], "industrial_tax": ["tax", "built", "use_code"],
           "tax": ["tax", "built", "use_code"], "built_m2": ["built", "use_code"],
           "built_industrial_m2": ["built", "use_code"]}


def _plan_inputs(plots, ha) -> tuple[dict, dict]:
    """The plan at completion: status masks (the developed land) and the controls' minima per row, and their fields."""
    serviced = supplied = built = _developed(plots)
    far = _num(plots, "RJLXX")
    floor = _num(plots, "JRJZMJ")
    floor = floor if floor is not None else (None if far is None else far * ha * M2_PER_HA)
    dens, coef = _num(plots, "JZMDXX"), _num(plots, "JZXS")
    footprint = None if dens is None else dens / 100.0 * ha * M2_PER_HA
    coverage = None if coef is None else coef / 100.0 * ha * M2_PER_HA
    assets = _num(plots, "ZDTZE")
    tzqd = _num(plots, "TZQD")
    assets = assets if assets is not None else (None if tzqd is None else tzqd * ha)
    djss = _num(plots, "DJSS")
    tax = None if djss is None else djss * ha
    names = {"floor": "JRJZMJ / RJLXX", "footprint": "JZMDXX", "coverage": "JZXS", "assets": "ZDTZE / TZQD",
             "tax": "DJSS"}
    return {"serviced": serviced, "supplied": supplied, "built": built, "floor": floor, "footprint": footprint,
            "coverage": coverage, "assets": assets, "tax": tax}, names


def _status_inputs(plots, *, supplied_field, supplied_values, serviced_field, serviced_values, built_field,
                   built_values, fields, why) -> tuple[dict, dict]:
    """The current status from the named fields (None where not given, its reason put in ``why``), and the fields."""
    supplied = status_mask(plots, supplied_field, supplied_values) if supplied_field in plots.columns else None
    serviced = status_mask(plots, serviced_field, serviced_values) if serviced_field and \
        serviced_field in plots.columns else None
    if serviced is not None and supplied is not None:
        serviced = serviced | supplied
    built = status_mask(plots, built_field, built_values) if built_field and built_field in plots.columns else None
    floor, footprint, coverage = (_num(plots, fields.get(k)) for k in ("floor", "footprint", "coverage"))
    assets, tax = _num(plots, fields.get("assets")), _num(plots, fields.get("tax"))
    labels = {"floor": "总建筑面积", "footprint": "建筑基底面积", "coverage": "建筑物、构筑物及堆场占地面积",
              "assets": "固定资产投资", "tax": "税收"}
    names = {k: fields.get(k) or f"（{labels[k]}）" for k in labels}
    for key, arr, fname in (("supplied", supplied, supplied_field), ("serviced", serviced, serviced_field),
                            ("built", built, built_field)):
        if arr is None:
            label = {"supplied": "供地状态", "serviced": "供地条件", "built": "建成状态"}[key]
            why[key] = f"未提供{label}字段（{fname or '—'}） / no {key} status field"
    return {"serviced": serviced, "supplied": supplied, "built": built, "floor": floor, "footprint": footprint,
            "coverage": coverage, "assets": assets, "tax": tax}, names


def _masked_quantities(ha, inputs: dict, constr, indus) -> dict:
    """Per-row quantities: each value on the rows it counts for (built, construction or industrial land), 0 elsewhere."""
    nan = np.full(len(ha), np.nan)

    def masked(values, mask):
        """values on rows in mask, 0 elsewhere; NaN rows stay NaN (reported as missing)."""
        if values is None or mask is None:
            return nan
        return np.where(mask, values, 0.0)

    built = inputs["built"]
    b_constr = None if built is None or constr is None else built & constr
    b_indus = None if built is None or indus is None else built & indus
    q = {
        "total_ha": ha,
        "serviced_ha": masked(ha, inputs["serviced"]), "supplied_ha": masked(ha, inputs["supplied"]),
        "built_ha": masked(ha, b_constr), "built_industrial_ha": masked(ha, b_indus),
        "floor_m2": masked(inputs["floor"], b_constr), "footprint_m2": masked(inputs["footprint"], b_constr),
        "industrial_floor_m2": masked(inputs["floor"], b_indus),
        "industrial_coverage_m2": masked(inputs["coverage"], b_indus),
        "industrial_assets": masked(inputs["assets"], b_indus), "industrial_tax": masked(inputs["tax"], b_indus),
        "tax": masked(inputs["tax"], b_constr),
    }
    q["built_m2"] = q["built_ha"] * M2_PER_HA
    q["built_industrial_m2"] = q["built_industrial_ha"] * M2_PER_HA
    return q


def _row_quantities(plots, *, scenario, defs, use_code_field, supplied_field, supplied_values, serviced_field,
                    serviced_values, built_field, built_values, fields) -> tuple[dict, dict]:
    """Per-row quantities (arrays, NaN where the row lacks a needed value) and why each missing one is missing."""
    ha = unit_areas_ha(plots)
    why: dict[str, str] = {}
    codes = plots[use_code_field] if use_code_field in plots.columns else None
    constr = _prefix_mask(codes, defs["construction_prefixes"])
    indus = _prefix_mask(codes, defs["industrial_prefixes"])
    if constr is None:
        why["use_code"] = f"缺少用地用海分类字段 {use_code_field} / no land-use code field {use_code_field}"
    if scenario == "plan":
        inputs, names = _plan_inputs(plots, ha)
    else:
        inputs, names = _status_inputs(plots, supplied_field=supplied_field, supplied_values=supplied_values,
                                       serviced_field=serviced_field, serviced_values=serviced_values,
                                       built_field=built_field, built_values=built_values, fields=fields, why=why)
    for key in ("floor", "footprint", "coverage", "assets", "tax"):
        if inputs[key] is None:
            why[key] = f"未提供字段 {names[key]} / no field for {key}"
    q = _masked_quantities(ha, inputs, constr, indus)
    reasons = {k: "；".join(why[c] for c in cs if c in why) for k, cs in _CAUSES.items()}
    return q, reasons


def _check_arguments(plots, scenario: str, zone_area_ha: Optional[float]) -> None:
    """Raises on an unknown scenario, an empty layer or a zone area that is not positive."""
    if scenario not in ("status", "plan"):
        raise InputError("E_BAD_PARAMETER", name="scenario", value=scenario, reason_zh="可选 status / plan",
                         reason_en="one of status, plan")
    if len(plots) == 0:
        raise InputError("E_EMPTY_LAYER", layer="plots")
    if zone_area_ha is not None and not zone_area_ha > 0:
        raise InputError("E_PARAM_NEGATIVE", name="zone_area_ha", value=zone_area_ha)


def _clusters(plots, cluster_field: str) -> np.ndarray:
    """The cluster (组团) of each plot: ``cluster_field``, else the code's part before the first '-', else '—'."""
    if cluster_field in plots.columns:
        return plots[cluster_field].astype(str).to_numpy()
    if "DYBH" in plots.columns or "DKBH" in plots.columns:
        code = plots["DKBH" if "DKBH" in plots.columns else "DYBH"].astype(str)
        return code.str.split("-").str[0].to_numpy()
    return np.full(len(plots), "—", dtype=object)


def _zone_and_clusters(q: dict, clusters, zone_area_ha: Optional[float]) -> tuple[pd.DataFrame, list]:
    """The quantities summed for the zone and per cluster (NaN when a feature lacks a value), and the area finding."""
    qf = pd.DataFrame(q)
    qf["ZTBH"] = clusters
    values = qf.drop(columns="ZTBH")
    gb = values.groupby(qf["ZTBH"])
    per_cluster = gb.sum().where(~values.isna().groupby(qf["ZTBH"]).any())   # NaN when any feature lacks a value
    zone = values.sum().where(~values.isna().any()).to_frame("全区").T
    found = []
    if zone_area_ha is not None:
        zone["total_ha"] = float(zone_area_ha)
    else:
        found.append(Finding("IU-TOTAL-AREA", "开发区土地总面积", "info", None,
                             "开发区土地总面积按输入要素面积合计（未含要素以外的道路等）；可指定 zone_area_ha / the zone's "
                             "land area is the sum of the input features (roads outside them are not included); "
                             "give zone_area_ha to override", value=float(zone["total_ha"].iloc[0]), unit="公顷"))
    quantities = pd.concat([zone.assign(level="开发区 / zone"), per_cluster.assign(level="组团 / cluster")])
    quantities.index.name = "ZTBH"
    return quantities, found


def _indicator_table(quantities: pd.DataFrame, defs: dict, reasons: dict) -> pd.DataFrame:
    """One row per level and indicator: value, numerator, denominator, status and why it is not computed."""
    rows = []
    for ztbh, qrow in quantities.iterrows():
        for ind in defs["indicators"]:
            num, den = qrow.get(ind["num"], np.nan), qrow.get(ind["den"], np.nan)
            note = "；".join(r for r in {reasons.get(ind["num"], ""), reasons.get(ind["den"], "")} if r)
            if not np.isfinite(num) or not np.isfinite(den):
                status, value = "缺少输入 / missing input", np.nan
                note = note or "部分要素缺少取值 / some features lack a value"
            elif den == 0:
                status, value = "分母为零 / zero denominator", np.nan
            else:
                status, value = "已计算 / computed", float(num) / float(den) * float(ind.get("factor", 1))
            rows.append({"level": qrow["level"], "ZTBH": ztbh, "key": ind["key"], "indicator": ind["name"],
                         "value": value, "unit": ind.get("unit", ""), "numerator": num, "denominator": den,
                         "status": status, "note": note, "source": defs.get("source", "")})
    return pd.DataFrame(rows)


def _table_findings(table: pd.DataFrame, zone_type: Optional[str]) -> list:
    """Findings for a zone type not given and for the indicators not computed for lack of input."""
    found = []
    if zone_type not in ZONE_TYPES:
        found.append(Finding("IU-ZONE-TYPE", "开发区类型", "not_checked", None,
                             "未指定开发区类型（工业主导型 / 产城融合型），两类开发区分别评价 / zone type not given "
                             "(industry-led or industry–city integrated); the two are evaluated separately"))
    missing = table.loc[table["status"].str.startswith("缺少"), "indicator"].unique()
    if len(missing):
        found.append(Finding("IU-MISSING", "缺少评价输入", "not_checked", None,
                             f"以下指标缺少输入未计算 / not computed for lack of input: {'、'.join(missing)}"))
    return found


def intensive_use(plots, *, zone_type: Optional[str] = None, scenario: str = "status", cluster_field: str = "ZTBH",
                  use_code_field: str = "YDYHFLDM", supplied_field: str = "GDZT", supplied_values=SUPPLIED_VALUES,
                  serviced_field: Optional[str] = None, serviced_values=("是", "已达到供地条件", "已完成"),
                  built_field: Optional[str] = None, built_values=BUILT_VALUES, floor_area_field: Optional[str] = None,
                  footprint_field: Optional[str] = None, coverage_field: Optional[str] = None,
                  assets_field: Optional[str] = None, tax_field: Optional[str] = None,
                  zone_area_ha: Optional[float] = None, definitions_path: Optional[str] = None) -> IntensiveUseResult:
    """The TD/T 1029-2017 indicators for the zone and each cluster; see the module docstring."""
    _check_arguments(plots, scenario, zone_area_ha)
    defs = _definitions(definitions_path)
    plots, findings = prepare_polygons(plots, layer="plots", code_field="DKBH" if "DKBH" in plots.columns else None)
    m_plots, _ = to_metres(plots, layer="plots")
    fields = {"floor": floor_area_field, "footprint": footprint_field, "coverage": coverage_field,
              "assets": assets_field, "tax": tax_field}
    q, reasons = _row_quantities(m_plots, scenario=scenario, defs=defs, use_code_field=use_code_field,
                                 supplied_field=supplied_field, supplied_values=supplied_values,
                                 serviced_field=serviced_field, serviced_values=serviced_values,
                                 built_field=built_field, built_values=built_values, fields=fields)
    quantities, found = _zone_and_clusters(q, _clusters(plots, cluster_field), zone_area_ha)
    findings += found
    table = _indicator_table(quantities, defs, reasons)
    ztype = zone_type if zone_type in ZONE_TYPES else "未指定 / not given"
    findings += _table_findings(table, zone_type)
    table.insert(0, "zone_type", ztype)
    return IntensiveUseResult(table, quantities.reset_index(), ztype, findings)
