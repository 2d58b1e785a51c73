"""One finding record for every check (layout topology, 一张图 overlay, DEM slope, land-use standards).

Reports, styles, tables and the QGIS findings layers treat all findings alike.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional

__all__ = ["Finding", "SEVERITIES", "STATUS", "findings_frame", "FINDING_FIELDS"]

#: severity -> Chinese label. "error" makes a plot 不合规, "warning" 需核实, "info" changes nothing,
#: "not_checked" means a rule could not run (no standard value, empty constraint layer) — never a pass.
SEVERITIES = {"error": "错误", "warning": "警告", "info": "提示", "not_checked": "未检查"}
#: status values written into SCJL / status fields
STATUS = {"ok": "合规", "fail": "不合规", "verify": "需核实", "unchecked": "未审查"}


@dataclass
class Finding:
    rule_id: str                     # stable id, e.g. "MP-ECO-01", "LAYOUT-OVERLAP", "STD-FAR-MIN"
    rule_name: str                   # Chinese name of the rule
    severity: str                    # key of SEVERITIES
    code: Optional[str] = None       # DKBH / DYBH / ZTBH of the feature concerned
    message: str = ""                # 中文 / English sentence
    value: Optional[float] = None    # measured value
    limit: Optional[float] = None    # the standard's value it was compared with
    unit: str = ""
    source: str = ""                 # document, table, clause
    geometry: Any = None             # shapely geometry (measurement CRS) or None
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")

    def as_row(self) -> dict:
        row = asdict(self)
        row.pop("extra")
        row.update({f"x_{k}": v for k, v in self.extra.items()})
        return row


#: column name -> (Chinese alias, source attribute) for the findings layer
FINDING_FIELDS = {
    "GZBH": ("规则编号", "rule_id"), "GZMC": ("规则名称", "rule_name"), "YZCD": ("严重程度", "severity"),
    "BH": ("编号", "code"), "SM": ("说明", "message"), "CLZ": ("量测值", "value"), "XZZ": ("限值", "limit"),
    "DW": ("单位", "unit"), "YJ": ("依据", "source"),
}


def findings_frame(findings: list[Finding], crs=None):
    """A GeoDataFrame with one row per finding and the FINDING_FIELDS columns (severity in Chinese)."""
    import geopandas as gpd
    import pandas as pd

    rows = []
    for f in findings:
        row = {col: getattr(f, attr) for col, (_, attr) in FINDING_FIELDS.items()}
        row["YZCD"] = SEVERITIES[f.severity]
        rows.append(row)
    df = pd.DataFrame(rows, columns=list(FINDING_FIELDS))
    for col in ("CLZ", "XZZ"):
        df[col] = pd.to_numeric(df[col], errors="coerce")
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries([f.geometry for f in findings], crs=crs), crs=crs)
