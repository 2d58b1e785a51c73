"""The result of a compliance check — one shape for the 一张图 check and the standards check.

OUTPUT plots carry ``SCJL`` (合规 / 不合规 / 需核实), ``WTSL`` (number of findings), one conflict-area
field per rule and ``WJCGZ`` (rules not checked); CONFLICTS rows carry :data:`CONFLICT_FIELDS`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np

from ..findings import SEVERITIES, STATUS, Finding

__all__ = ["RuleSummary", "CheckResult", "CONFLICT_FIELDS", "STATUS_FIELDS", "plot_status", "conflicts_frame",
           "ConflictRows"]

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
    n_unchecked: int = 0           # features this rule could not check (未检查 findings)


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
    #: the field holding this check's own result (its counts); SCJL may combine it with an earlier check's
    status_field: str = "SCJL"
    #: counts of the earlier check's SCJL found on the input (shown apart in the report), None when there was none
    previous_counts: Optional[dict] = None
    #: (rule id, rule name, geometries in the measurement CRS) of each constraint layer read (the report's maps)
    constraint_layers: list = field(default_factory=list)
    #: rule id → {plot code: that plot's conflict parts of the rule dissolved} for plots with several conflict rows
    #: of one rule, all reported (the check has the union already; the report's net areas reuse it)
    dissolved: dict = field(default_factory=dict)
    #: rule id → {plot code: the exact area (m²) of its ``dissolved`` conflict} where the check measured that
    #: geometry (a (multi)polygon); the report's net areas take it instead of measuring again
    dissolved_area: dict = field(default_factory=dict)

    def counts(self, also=()) -> dict:
        """This check's own counts of 合规 / 不合规 / 需核实 / 未审查 (from ``status_field``), and of the results
        ``also`` (from the same count)."""
        s = self.plots[self.status_field].value_counts() if len(self.plots) else {}
        return {v: int(s.get(v, 0)) for v in (*STATUS.values(), *also)}


def plot_status(n_plots: int, plot_findings: dict[int, list[Finding]], unchecked_rules: list[str],
                rows: Optional["ConflictRows"] = None):
    """SCJL, WTSL, WJCGZ arrays: error → 不合规; warning or not_checked → 需核实; a rule that could not run
    makes every otherwise clean plot 需核实 (never a silent pass). Findings come per plot (``plot_findings``)
    and/or as conflict rows (``rows``, by plot position)."""
    scjl = np.full(n_plots, STATUS["ok"], dtype=object)
    wtsl = np.zeros(n_plots, dtype=np.int64)
    err = np.zeros(n_plots, dtype=bool)
    ver = np.zeros(n_plots, dtype=bool)
    for i, fs in plot_findings.items():
        sev = {f.severity for f in fs}
        wtsl[i] = sum(1 for f in fs if f.severity in ("error", "warning", "not_checked"))
        err[i] = "error" in sev
        ver[i] = bool(sev & {"warning", "not_checked"})
    if rows is not None and len(rows):
        p, sev = rows.column("plot"), rows.column("YZCD")
        k = p >= 0
        p, sev = p[k], sev[k]
        counted = np.isin(sev, ("error", "warning", "not_checked"))
        wtsl += np.bincount(p[counted], minlength=n_plots)
        err[p[sev == "error"]] = True
        ver[p[np.isin(sev, ("warning", "not_checked"))]] = True
    scjl[ver] = STATUS["verify"]
    scjl[err] = STATUS["fail"]
    wjc = "、".join(unchecked_rules)
    if unchecked_rules:
        scjl[scjl == STATUS["ok"]] = STATUS["verify"]
    return scjl, wtsl, np.full(n_plots, wjc, dtype=object)


class ConflictRows:
    """CONFLICTS rows collected in bulk: one block of columns per rule step, no object per row (a province's
    check has hundreds of thousands of conflicts). ``plot`` holds the plots' positions (−1 when unknown), used
    for the plots' status; the other columns are those of :data:`CONFLICT_FIELDS` plus the geometry."""

    _COLS = ("plot", "DKBH", "GZBH", "GZMC", "CTMJ", "ZDBL", "YSBH", "YSMC", "YDDM", "YZCD", "SM", "geometry")

    def __init__(self):
        self.blocks: list[dict] = []

    def add(self, *, plot, code, rule_id, rule_name, severity, area, share, feature_id, feature_name, landuse,
            message, geometry) -> None:
        """Append rows; every argument is an array of the rows' length or one value for all of them.
        ``severity`` takes the keys of SEVERITIES (error / warning / not_checked)."""
        n = len(plot)
        if n == 0:
            return

        def col(v, dtype=object):
            if not isinstance(v, list) and np.ndim(v) == 0:       # (np.ndim of a list builds an array of it)
                out = np.empty(n, dtype=dtype)
                out[:] = v
                return out
            return np.asarray(v, dtype=dtype)
        self.blocks.append({"plot": col(plot, np.int64), "DKBH": col(code), "GZBH": col(rule_id),
                            "GZMC": col(rule_name), "CTMJ": col(area, float), "ZDBL": col(share, float),
                            "YSBH": col(feature_id), "YSMC": col(feature_name), "YDDM": col(landuse),
                            "YZCD": col(severity), "SM": col(message), "geometry": col(geometry)})

    def __len__(self) -> int:
        return sum(len(b["plot"]) for b in self.blocks)

    def column(self, name) -> np.ndarray:
        if not self.blocks:
            return np.zeros(0, dtype=np.int64 if name == "plot" else object)
        return np.concatenate([b[name] for b in self.blocks])

    def frame(self, crs=None):
        """The CONFLICTS GeoDataFrame (severity in Chinese)."""
        import geopandas as gpd
        import pandas as pd

        data = {c: self.column(c) for c in CONFLICT_FIELDS}
        sev = np.asarray(data["YZCD"], dtype=object)
        data["YZCD"] = np.array([SEVERITIES[v] for v in sev], dtype=object) if len(sev) else sev
        df = pd.DataFrame(data, columns=list(CONFLICT_FIELDS))
        for c in ("CTMJ", "ZDBL"):
            df[c] = pd.to_numeric(df[c], errors="coerce")
        return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(self.column("geometry"), crs=crs), crs=crs)

    @classmethod
    def from_findings(cls, findings: list[Finding]) -> "ConflictRows":
        """Rows from findings that carry ``extra['conflict']`` (checks with few rows, e.g. the standards check)."""
        rows = cls()
        fs = [f for f in findings if f.extra.get("conflict")]
        if fs:
            def share(f):
                v = f.extra.get("share")
                return np.nan if v is None else v
            rows.add(plot=np.full(len(fs), -1), code=[f.code for f in fs], rule_id=[f.rule_id for f in fs],
                     rule_name=[f.rule_name for f in fs], severity=[f.severity for f in fs],
                     area=[f.extra.get("area", f.value) for f in fs], share=[share(f) for f in fs],
                     feature_id=[f.extra.get("feature_id") for f in fs],
                     feature_name=[f.extra.get("feature_name") for f in fs],
                     landuse=[f.extra.get("landuse") for f in fs], message=[f.message for f in fs],
                     geometry=[f.geometry for f in fs])
        return rows


def conflicts_frame(findings, crs=None):
    """CONFLICTS layer from :class:`ConflictRows` or from findings that carry ``extra['conflict']``."""
    rows = findings if isinstance(findings, ConflictRows) else ConflictRows.from_findings(findings)
    return rows.frame(crs)


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
