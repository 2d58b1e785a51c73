"""The result of a compliance check — one shape for the 一张图 check and the standards check.

OUTPUT plots carry ``SCJL`` (合规 / 不合规 / 需核实), ``WTSL`` (number of findings), one conflict-area
field per rule and ``WJCGZ`` (rules not checked); CONFLICTS rows carry :data:`CONFLICT_FIELDS`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np

from ..findings import SEVERITIES, STATUS, Finding

__all__ = ["RuleSummary", "CheckResult", "CONFLICT_FIELDS", "STATUS_FIELDS", "plot_status", "conflicts_frame"]

#: conflict layer column -> (Chinese alias, English)
CONFLICT_FIELDS = {
    "DKBH": ("地块编号", "plot code"), "GZBH": ("规则编号", "rule id"), "GZMC": ("规则名称", "rule name"),
    "CTMJ": ("冲突面积（㎡）", "conflict area (m²)"), "ZDBL": ("占地块比例（%）", "share of plot (%)"),
    "YSBH": ("管控要素编号", "constraint feature id"), "YSMC": ("管控要素名称", "constraint feature name"),
    "YDDM": ("用地用海代码", "plot land-use code"), "YZCD": ("严重程度", "severity"), "SM": ("说明", "message"),
}
#: OUTPUT status fields added to the plots
STATUS_FIELDS = {"SCJL": ("审查结论", "result"), "WTSL": ("问题数", "number of findings"),
                 "WJCGZ": ("未检查规则", "rules not checked"), "SCSM": ("审查说明", "notes")}


@dataclass
class RuleSummary:
    rule_id: str
    rule_name: str
    kind: str                      # forbid / within / touch / zoning / slope / standard
    layer: str = ""
    status: str = "checked"        # checked / not_checked / not_requested
    reason: str = ""               # why not checked (中文 / English)
    n_features: int = 0
    n_plots: int = 0               # plots with a finding of this rule
    n_errors: int = 0
    n_warnings: int = 0
    area: float = 0.0              # total dissolved conflict area (m²)
    out_field: str = ""            # conflict-area field in OUTPUT
    source: str = ""
    notes: list = field(default_factory=list)


@dataclass
class CheckResult:
    check_id: str                  # "checkmasterplan" / "checkstandards"
    title: str
    plots: Any                     # GeoDataFrame: input plots + STATUS_FIELDS + per-rule fields (measurement CRS)
    conflicts: Any                 # GeoDataFrame of CONFLICT_FIELDS (measurement CRS)
    findings: list                 # every Finding, including not_checked and info ones
    rules: list                    # RuleSummary per rule
    parameters: dict = field(default_factory=dict)
    inputs: dict = field(default_factory=dict)
    crs: Any = None
    code_field: str = "DKBH"
    extra_tables: list = field(default_factory=list)   # (title, columns, rows) for the report
    #: conflicts per rule id when ``conflicts`` holds only the largest ones (algorithms.scale writing to files)
    conflict_counts: Optional[dict] = None

    def counts(self) -> dict:
        s = self.plots["SCJL"].value_counts() if len(self.plots) else {}
        return {v: int(s.get(v, 0)) for v in STATUS.values()}


def plot_status(n_plots: int, plot_findings: dict[int, list[Finding]], unchecked_rules: list[str]):
    """SCJL, WTSL, WJCGZ arrays: error → 不合规; warning or not_checked → 需核实; a rule that could not run
    makes every otherwise clean plot 需核实 (never a silent pass)."""
    scjl = np.full(n_plots, STATUS["ok"], dtype=object)
    wtsl = np.zeros(n_plots, dtype=np.int64)
    for i, fs in plot_findings.items():
        sev = {f.severity for f in fs}
        wtsl[i] = sum(1 for f in fs if f.severity in ("error", "warning", "not_checked"))
        if "error" in sev:
            scjl[i] = STATUS["fail"]
        elif sev & {"warning", "not_checked"}:
            scjl[i] = STATUS["verify"]
    wjc = "、".join(unchecked_rules)
    if unchecked_rules:
        scjl[scjl == STATUS["ok"]] = STATUS["verify"]
    return scjl, wtsl, np.full(n_plots, wjc, dtype=object)


def conflicts_frame(findings: list[Finding], crs=None):
    """CONFLICTS layer from findings that carry a geometry and ``extra['conflict']``."""
    import geopandas as gpd
    import pandas as pd

    rows, geoms = [], []
    for f in findings:
        if not f.extra.get("conflict"):
            continue
        rows.append({"DKBH": f.code, "GZBH": f.rule_id, "GZMC": f.rule_name, "CTMJ": f.extra.get("area", f.value),
                     "ZDBL": f.extra.get("share"), "YSBH": f.extra.get("feature_id"),
                     "YSMC": f.extra.get("feature_name"), "YDDM": f.extra.get("landuse"),
                     "YZCD": SEVERITIES[f.severity], "SM": f.message})
        geoms.append(f.geometry)
    df = pd.DataFrame(rows, columns=list(CONFLICT_FIELDS))
    for col in ("CTMJ", "ZDBL"):
        df[col] = pd.to_numeric(df[col], errors="coerce")
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geoms, crs=crs), crs=crs)


def fmt_area(v: Optional[float]) -> str:
    return "" if v is None or (isinstance(v, float) and np.isnan(v)) else f"{v:,.2f}"


#: how bad a review result is, for combining checks run one after the other
_STATUS_RANK = {STATUS["fail"]: 3, STATUS["verify"]: 2, STATUS["ok"]: 1}


def carry_previous_status(out, previous):
    """Combine the status fields written by this check with those an earlier check left on the input.

    Checks run in a chain (一张图 then standards, or the reverse) so the later one must not hide the earlier
    one's findings: SCJL keeps the worse of the two (不合规 > 需核实 > 合规 > 不适用), WTSL adds up, WJCGZ and SCSM
    are joined. Returns ``out`` (changed in place).
    """
    if "SCJL" not in previous.columns:
        return out
    prev = previous["SCJL"].to_numpy(dtype=object)
    new = out["SCJL"].to_numpy(dtype=object)
    rank = np.vectorize(lambda v: _STATUS_RANK.get(v, 0), otypes=[int])
    out["SCJL"] = np.where(rank(prev) > rank(new), prev, new)
    if "WTSL" in previous.columns:
        out["WTSL"] = out["WTSL"].to_numpy() + np.nan_to_num(
            np.asarray(previous["WTSL"].to_numpy(dtype=float)), nan=0.0).astype(np.int64)
    for col in ("WJCGZ", "SCSM"):
        if col in previous.columns and col in out.columns:
            out[col] = ["；".join(dict.fromkeys(s for s in (str(a or ""), str(b or "")) if s and s != "nan"))[:254]
                        for a, b in zip(previous[col].to_numpy(dtype=object), out[col].to_numpy(dtype=object))]
    return out
