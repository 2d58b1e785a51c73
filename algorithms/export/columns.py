"""The columns of the 地块控制指标一览表: which schema field, which header, which number format.

A column is chosen by its key (the schema field name, plus ``YDMJ_M2`` for the area in m² and ``MJMU`` for 亩).
Headers have two rows: ``group`` (merged across consecutive columns of the same group) and ``sub`` (a sub-name
and/or the unit). A column with an empty ``sub`` has its group cell merged over both rows.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError

__all__ = ["Column", "COLUMNS", "DEFAULT_COLUMNS", "resolve_columns"]


@dataclass(frozen=True)
class Column:
    key: str            # configuration key (schema field name or a derived key)
    source: str         # column of the prepared plot frame that holds the value
    group_zh: str
    sub_zh: str
    group_en: str
    sub_en: str
    fmt: str            # Excel number format ("@" = text)
    width: float
    summed: bool = False   # summed in unit / cluster subtotals and the grand total

    def header(self, lang: str) -> tuple[str, str]:
        return (self.group_zh, self.sub_zh) if lang == "zh" else (self.group_en, self.sub_en)

    def flat_header(self, lang: str) -> str:
        """One-line header for CSV: '容积率 下限', '用地面积（公顷）'."""
        group, sub = self.header(lang)
        if not sub:
            return group
        name, unit = ("", sub) if _is_unit(sub) else (sub, "")
        if " " in sub and _is_unit(sub.rsplit(" ", 1)[1]):
            name, unit = sub.rsplit(" ", 1)
        if name and name in group:          # 产业链/产业环节 + 产业链 → 产业链
            group, name = name, ""
        if lang == "zh":
            return f"{group}{name}" + (f"（{unit}）" if unit else "")
        return " ".join(p for p in (group, name) if p) + (f" ({unit})" if unit else "")


_UNITS = {"公顷", "亩", "m²", "m", "%", "万元", "万元/公顷", "ha", "mu", "10k CNY", "10k CNY/ha"}


def _is_unit(text: str) -> bool:
    return text in _UNITS


def _c(key, source, gz, sz, ge, se, fmt, width, summed=False):
    return Column(key, source, gz, sz, ge, se, fmt, width, summed)


#: every column the table can show, by key
COLUMNS: dict[str, Column] = {c.key: c for c in [
    _c("ZTBH", "ZTBH", "组团编号", "", "Cluster", "", "@", 10),
    _c("DYBH", "DYBH", "单元编号", "", "Unit", "", "@", 11),
    _c("DKBH", "DKBH", "地块编号", "", "Plot", "", "@", 13),
    _c("YDYHFLDM", "YDYHFLDM", "用地代码", "", "Land-use code", "", "@", 9),
    _c("YDYHFLMC", "YDYHFLMC", "用地性质", "", "Land use", "", "@", 14),
    _c("YDMJ", "_HA", "用地面积", "公顷", "Land area", "ha", "0.0000", 11, True),
    _c("YDMJ_M2", "YDMJ", "用地面积", "m²", "Land area", "m²", "#,##0.00", 13, True),
    _c("MJMU", "_MU", "用地面积", "亩", "Land area", "mu", "0.00", 10, True),
    _c("RJLXX", "RJLXX", "容积率", "下限", "FAR", "min", "0.00", 7),
    _c("RJLSX", "RJLSX", "容积率", "上限", "FAR", "max", "0.00", 7),
    _c("JZXS", "JZXS", "建筑系数", "下限 %", "Building coefficient", "min %", "0.0", 9),
    _c("JZMDXX", "JZMDXX", "建筑密度", "下限 %", "Building density", "min %", "0.0", 9),
    _c("JZMDSX", "JZMDSX", "建筑密度", "上限 %", "Building density", "max %", "0.0", 9),
    _c("LDLSX", "LDLSX", "绿地率", "上限 %", "Green ratio", "max %", "0.0", 9),
    _c("XZBGBL", "XZBGBL", "行政办公及生活服务用地", "上限 %", "Office & services land", "max %", "0.0", 10),
    _c("JZXG", "JZXG", "建筑限高", "m", "Height limit", "m", "0.0", 11),
    _c("TZQD", "TZQD", "投资强度", "万元/公顷", "Investment intensity", "10k CNY/ha", "#,##0.00", 11),
    _c("CCQD", "CCQD", "产出强度", "万元/公顷", "Output intensity", "10k CNY/ha", "#,##0.00", 11),
    _c("DJSS", "DJSS", "地均税收", "万元/公顷", "Tax per hectare", "10k CNY/ha", "#,##0.00", 11),
    _c("JRJZMJ", "JRJZMJ", "计容建筑面积", "m²", "Floor area (FAR)", "m²", "#,##0.00", 13, True),
    _c("ZDTZE", "ZDTZE", "最低固定资产投资", "万元", "Minimum investment", "10k CNY", "#,##0.00", 13, True),
    _c("CYL", "CYL", "产业链/产业环节", "产业链", "Industry", "chain", "@", 14),
    _c("CYHJ", "CYHJ", "产业链/产业环节", "产业环节", "Industry", "link", "@", 14),
    _c("HYDM", "HYDM", "行业代码", "", "Industry code", "", "@", 9),
    _c("YXQY", "YXQY", "意向企业", "", "Intended enterprise", "", "@", 16),
    _c("KFFQ", "KFFQ", "开发分期", "", "Phase", "", "0", 7),
    _c("GDZT", "GDZT", "供地状态", "", "Supply status", "", "@", 8),
    _c("SCJL", "SCJL", "审查结论", "", "Review result", "", "@", 9),
    _c("KFZT", "KFZT", "开发状态", "", "Development status", "", "@", 10),
    _c("KFSM", "KFSM", "开发状态说明", "", "Development status note", "", "@", 30),
    _c("ZBLY", "ZBLY", "指标来源", "", "Source of controls", "", "@", 30),
    _c("BZ", "BZ", "备注", "", "Remarks", "", "@", 20),
]}

#: the default columns and order of the 地块控制指标一览表
DEFAULT_COLUMNS: tuple[str, ...] = (
    "ZTBH", "DYBH", "DKBH", "YDYHFLDM", "YDYHFLMC", "YDMJ", "RJLXX", "RJLSX", "JZXS", "JZMDSX", "LDLSX",
    "JZXG", "TZQD", "CCQD", "DJSS", "CYL", "CYHJ", "YXQY", "KFFQ", "GDZT", "SCJL", "KFZT", "KFSM")


def resolve_columns(keys=None) -> list[Column]:
    """Columns for ``keys`` (sequence or comma-separated string; None → default). Unknown keys are refused."""
    if keys is None or (isinstance(keys, str) and not keys.strip()):
        keys = DEFAULT_COLUMNS
    if isinstance(keys, str):
        keys = [k.strip() for k in keys.split(",") if k.strip()]
    keys = [str(k).strip().upper() for k in keys]
    unknown = [k for k in keys if k not in COLUMNS]
    if unknown or not keys:
        raise InputError("E_BAD_PARAMETER", name="columns", value=", ".join(unknown) or "(empty)",
                         reason_zh="未知的列；可用：" + ", ".join(COLUMNS),
                         reason_en="unknown columns; available: " + ", ".join(COLUMNS))
    if len(set(keys)) != len(keys):
        dup = sorted({k for k in keys if keys.count(k) > 1})
        raise InputError("E_BAD_PARAMETER", name="columns", value=", ".join(dup),
                         reason_zh="列重复", reason_en="duplicate columns")
    return [COLUMNS[k] for k in keys]
