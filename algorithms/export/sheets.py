"""The content of the per-plot 图则 (plot sheet): the control table as display strings, one row per control.

The QGIS print layout (plugin/printing/) only places these strings; formatting and rounding are decided here,
the same way as in the workbook. A control that is not set shows "—", never 0.
"""
from __future__ import annotations

import math
from typing import Callable

import pandas as pd

from ..crs import MU_PER_HA
from .tables import load_landuse_names, prepare_plots

__all__ = ["SHEET_ROWS", "plot_sheet_table", "landuse_palette", "DASH"]

DASH = "—"


def _num(v, digits: int) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    text = f"{float(v):,.{digits}f}"
    return text


def _range(lo, hi, digits, unit=""):
    a, b = _num(lo, digits), _num(hi, digits)
    if a and b:
        return f"{a} ～ {b}{unit}"
    if a:
        return f"≥ {a}{unit}"
    if b:
        return f"≤ {b}{unit}"
    return DASH


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
    ("T_RJL", "容积率", "FAR", lambda r: _range(r["RJLXX"], r["RJLSX"], 2)),
    ("T_JZXS", "建筑系数", "Building coefficient", lambda r: _range(r["JZXS"], None, 1, "%")),
    ("T_JZMD", "建筑密度", "Building density", lambda r: _range(r["JZMDXX"], r["JZMDSX"], 1, "%")),
    ("T_LDL", "绿地率", "Green ratio", lambda r: _range(None, r["LDLSX"], 1, "%")),
    ("T_XZBG", "行政办公及生活服务设施用地比例", "Office & services land", lambda r: _range(None, r["XZBGBL"], 1, "%")),
    ("T_JZXG", "建筑限高", "Height limit", lambda r: _range(None, r["JZXG"], 1, " m")),
    ("T_TZQD", "投资强度", "Investment intensity", lambda r: _range(r["TZQD"], None, 0, " 万元/公顷")),
    ("T_CCQD", "产出强度", "Output intensity", lambda r: _range(r["CCQD"], None, 0, " 万元/公顷")),
    ("T_CYL", "产业链 / 产业环节", "Industry chain / link", _chain),
    ("T_YXQY", "意向企业", "Intended enterprise", lambda r: _text(r["YXQY"])),
    ("T_KFFQ", "开发分期", "Phase", lambda r: _phase(r["KFFQ"])),
    ("T_SCJL", "审查结论", "Review result", lambda r: _text(r["SCJL"])),
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

    from .tables import SHARED_REFERENCE, STANDARDS_DIR

    colours = {}
    for path in (os.path.join(STANDARDS_DIR, "ydyh_2023_codes.csv"),
                 os.path.join(SHARED_REFERENCE, "ydyh_2023_codes.csv")):
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
