"""The content of the per-plot 图则 (plot sheet): the control table as display strings, one row per control.

The QGIS print layout (plugin/printing/) only places these strings; formatting and rounding are decided here,
the same way as in the workbook. A control that is not set shows its 未赋值 reason (from ZBLY), never 0 or a bare
"—"; text that is not given (意向企业, 产业链 …) shows "—".
"""
from __future__ import annotations

import math
from typing import Callable

import pandas as pd

from ..crs import MU_PER_HA
from .notes import REASON_PREFIX
from .tables import load_landuse_names, prepare_plots

__all__ = ["SHEET_ROWS", "plot_sheet_table", "landuse_palette", "DASH"]

DASH = "—"


def _num(v, digits: int) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    text = f"{float(v):,.{digits}f}"
    return text


def _range(r, lo_f, hi_f, digits, unit=""):
    """'a ～ b', '≥ a', '≤ b' of the controls ``lo_f`` / ``hi_f`` (None: the control has no such bound); a bound
    without a value says why (its 未赋值 reason), so that '≥ a' never reads like "no upper limit"."""
    a = _num(r[lo_f], digits) if lo_f else ""
    b = _num(r[hi_f], digits) if hi_f else ""
    if a and b:
        return f"{a} ～ {b}{unit}"
    why_lo = _why(r, lo_f) if lo_f and not a else None
    why_hi = _why(r, hi_f) if hi_f and not b else None
    if a:
        return f"≥ {a}{unit}" + (f"（上限{why_hi}）" if why_hi else "")
    if b:
        return f"≤ {b}{unit}" + (f"（下限{why_lo}）" if why_lo else "")
    if why_lo and why_hi and why_lo != why_hi:
        return f"下限{why_lo}；上限{why_hi}"
    return why_lo or why_hi or DASH


def _why(r, f):
    """The 未赋值 reason of control ``f`` (always one where the value is empty: see notes.control_reasons)."""
    v = r.get(REASON_PREFIX + f)
    return v if isinstance(v, str) and v else None


def _text(v):
    if v is None or (isinstance(v, float) and math.isnan(v)) or not str(v).strip():
        return DASH
    return str(v)


def _phase(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return DASH
    n = int(v)
    names = "一二三四五六七八九十"
    return f"第{names[n - 1]}期" if 1 <= n <= 10 else f"第{n}期"


def _chain(r):
    parts = [str(x) for x in (r["CYL"], r["CYHJ"]) if isinstance(x, str) and x.strip()]
    return " / ".join(parts) if parts else DASH


#: (column id in the output frame, Chinese label, English label, row → display string)
SHEET_ROWS: list[tuple[str, str, str, Callable]] = [
    ("T_DKBH", "地块编号", "Plot", lambda r: _text(r["DKBH"])),
    ("T_DYBH", "所属单元 / 组团", "Unit / cluster",
     lambda r: " / ".join(_text(r[k]) for k in ("DYBH", "ZTBH"))),
    ("T_YDDM", "用地代码", "Land-use code", lambda r: _text(r["YDYHFLDM"])),
    ("T_YDXZ", "用地性质", "Land use", lambda r: _text(r["YDYHFLMC"])),
    ("T_YDMJ", "用地面积", "Land area",
     lambda r: f"{_num(r['_HA'], 4)} 公顷（{_num(r['_HA'] * MU_PER_HA, 2)} 亩）"),
    ("T_RJL", "容积率", "FAR", lambda r: _range(r, "RJLXX", "RJLSX", 2)),
    ("T_JZXS", "建筑系数", "Building coefficient", lambda r: _range(r, "JZXS", None, 1, "%")),
    ("T_JZMD", "建筑密度", "Building density", lambda r: _range(r, "JZMDXX", "JZMDSX", 1, "%")),
    ("T_LDL", "绿地率", "Green ratio", lambda r: _range(r, None, "LDLSX", 1, "%")),
    ("T_XZBG", "行政办公及生活服务设施用地比例", "Office & services land", lambda r: _range(r, None, "XZBGBL", 1, "%")),
    ("T_JZXG", "建筑限高", "Height limit", lambda r: _range(r, None, "JZXG", 1, " m")),
    ("T_TZQD", "投资强度", "Investment intensity", lambda r: _range(r, "TZQD", None, 0, " 万元/公顷")),
    ("T_CCQD", "产出强度", "Output intensity", lambda r: _range(r, "CCQD", None, 0, " 万元/公顷")),
    ("T_CYL", "产业链 / 产业环节", "Industry chain / link", _chain),
    ("T_YXQY", "意向企业", "Intended enterprise", lambda r: _text(r["YXQY"])),
    ("T_KFFQ", "开发分期", "Phase", lambda r: _phase(r["KFFQ"])),
    ("T_SCJL", "审查结论", "Review result", lambda r: _text(r["SCJL"])),
    ("T_KFZT", "开发状态", "Development status",
     lambda r: _text(r["KFZT"]) + (f"：{r['KFSM']}" if isinstance(r["KFSM"], str) and r["KFSM"].strip() else "")),
]


def plot_sheet_table(plots, *, rows=None) -> pd.DataFrame:
    """One row per plot (input index kept, sorted by code) with the schema fields, ``_HA`` and the display
    strings ``T_…`` of :data:`SHEET_ROWS` (or of the row ids in ``rows``)."""
    df = prepare_plots(plots)
    chosen = [r for r in SHEET_ROWS if rows is None or r[0] in rows]
    recs = df.to_dict("records")
    for col, _, _, fn in chosen:
        df[col] = [fn(r) for r in recs]
    return df


def landuse_palette(codes) -> dict[str, tuple[str, tuple[int, int, int]]]:
    """一级 code → (name, (r, g, b)) for the codes present, from the classification file's default palette
    (resources/standards/ydyh_2023_codes.csv; grey where unknown)."""
    import csv
    import os

    from .tables import STANDARDS_DIR

    colours = {}
    for path in (os.path.join(STANDARDS_DIR, "ydyh_2023_codes.csv"),):
        if os.path.isfile(path):
            with open(path, encoding="utf-8-sig", newline="") as fh:
                for rec in csv.DictReader(ln for ln in fh if not ln.lstrip().startswith("#")):
                    try:
                        colours[rec["code"].strip()] = (int(rec["r"]), int(rec["g"]), int(rec["b"]))
                    except (KeyError, TypeError, ValueError):
                        continue
            break
    names = load_landuse_names()
    out = {}
    for code in sorted({str(c)[:2] for c in codes if isinstance(c, str) and len(c) >= 2}):
        out[code] = (names.get(code, code), colours.get(code, (200, 200, 200)))
    return out
