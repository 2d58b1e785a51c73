"""导出控制指标表: the control-indicator workbook (.xlsx, openpyxl) and the optional UTF-8-with-BOM CSV.

Sheets: 地块控制指标一览表 (plots with unit / cluster subtotals and a grand total), 单元/组团汇总, 用地平衡表 and,
when findings are given, 审查结果. Cells hold unrounded values; number formats do the rounding, so totals are
sums of unrounded values (a note row says so). A missing control shows its 未赋值 reason, never 0 or a blank.
Every file is written to a temporary file beside the target and moved into place: whole or not at all.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from typing import Optional

import pandas as pd

from ..controls import UNASSIGNED
from ..errors import InputError
from ..findings import FINDING_FIELDS, findings_frame
from ..progress import Progress
from .columns import Column, resolve_columns
from .balance import balance_areas, land_balance
from .tables import GroupSums, group_positions, prepare_plots, unit_cluster_summary
from .notes import with_reasons
from .review import finding_plot_codes
from .xlsx_stream import RowWriter
from .xlsx import (Styles, cell_value, check_not_locked, note_row, page_setup, title_row, two_row_header,
                   write_atomic, write_rows)

__all__ = ["export_indicator_table", "ExportResult", "SHEETS", "write_atomic", "check_not_locked"]

#: sheet id -> (Chinese name, English name); Excel limits names to 31 characters and forbids '/'
SHEETS = {"plots": ("地块控制指标一览表", "Plot controls"),
          "summary": ("单元与组团汇总", "Unit and cluster summary"),
          "balance": ("用地平衡表", "Land-use balance"),
          "findings": ("审查结果", "Review findings")}

_T = {  # label -> (zh, en)
    "unit_sub": ("单元 {code} 小计", "Unit {code} subtotal"),
    "cluster_sub": ("组团 {code} 合计", "Cluster {code} total"),
    "total": ("总计", "Grand total"),
    "no_code": ("（无编号）", "(no code)"),
    "plots_title": ("地块控制指标一览表", "Plot control indicators"),
    "summary_title": ("单元与组团汇总表", "Unit and cluster summary"),
    "balance_title": ("用地平衡表", "Land-use balance"),
    "findings_title": ("审查结果", "Review findings"),
    "note_round": ("注：面积按平方米量算；表中数值按所示小数位显示，小计、合计与总计均由未取整的原值计算，"
                   "故与显示值逐项相加可能相差末位。没有数值的指标写明原因（未赋值：…，取自地块的指标来源 ZBLY），不是零。",
                   "Note: areas are measured in m²; values are shown rounded to the decimals displayed, while "
                   "subtotals and totals are sums of the unrounded values, so they may differ from the sum of the "
                   "displayed values in the last digit. A control without a value shows why (未赋值：…, from the plot's "
                   "指标来源 ZBLY); it is never 0."),
    "note_summary": ("注：计容建筑面积 = 容积率下限 × 用地面积，最低固定资产投资 = 投资强度下限 × 用地面积（公顷），"
                     "预期产出 = 产出强度 × 用地面积（公顷）；仅计有相应指标的地块，空白表示无任何地块有该指标。"
                     "合计由未取整的原值计算。",
                     "Note: floor area = FAR minimum × land area; minimum investment = investment intensity × "
                     "area (ha); expected output = output intensity × area (ha). Only plots with the control are "
                     "counted; empty means no plot has it. Totals are sums of unrounded values."),
    "note_findings": ("注：地块编号取自问题记录的地块编号（DKBH）或编号（BH），仅有图形的问题按其所在地块确定；"
                      "不针对单个地块的问题写明（单元 …）、（组团 …）、（规划范围外）或（全区）。",
                      "Note: the plot is the finding's own plot code (DKBH or BH), or the plot its geometry lies "
                      "in; a finding that is not about one plot says （单元 …） (unit), （组团 …） (cluster), "
                      "（规划范围外） (outside the plan) or （全区） (the whole plan)."),
    "note_balance": ("注：总用地为组团范围面积 = 地块 + 道路用地 + 组团内其他用地（+ 核对差）；面积与比例按未取整的平方米计算，"
                     "1 公顷 = 15 亩。地块面积取自地块表，道路用地取自道路用地图层（限组团范围内）。"
                     "需调整用地 = 一张图禁止性规则（生态保护红线、永久基本农田、城镇开发边界外、规划分区不允许）不合规的地块，"
                     "整块划出，不计入建设用地。建设用地按 resources/standards/construction_land_codes.csv "
                     "所列用地用海分类代码前缀判定；分类名称依据《国土空间调查、规划、用途管制用地用海分类指南》（2023）。",
                     "Note: the total is the clusters' area = plots + road corridors + other land inside the clusters "
                     "(+ reconciliation difference); areas and shares from unrounded m², 1 ha = 15 mu. Plots failing a "
                     "prohibiting rule of the master-plan check are set apart whole and are not construction land. "
                     "Construction land is decided by the code prefixes in "
                     "resources/standards/construction_land_codes.csv; class names follow the 2023 land/sea-use "
                     "classification guide."),
}


def _t(key, lang, **kw):
    zh, en = _T[key]
    return (zh if lang == "zh" else en).format(**kw)


@dataclass
class ExportResult:
    path: str
    csv_path: Optional[str] = None
    sheets: list = field(default_factory=list)
    n_plots: int = 0
    total_area_ha: float = 0.0
    balance_total_ha: Optional[float] = None     # 用地平衡表 总用地 (the clusters' area when given)


# ------------------------------------------------------------------------------------- the sheets
def _plots_sheet(wb, st, rw: RowWriter, df, cols: list[Column], lang, title, progress, notes=()):
    ws = wb.active
    ws.title = SHEETS["plots"][0 if lang == "zh" else 1]
    n = len(cols)
    title_row(ws, st, title or _t("plots_title", lang), n)
    two_row_header(ws, st, [c.header(lang) for c in cols], [c.width for c in cols])
    fmts = [c.fmt for c in cols]
    label_col = next((i for i, c in enumerate(cols) if c.fmt == "@"), 0)
    sources = [c.source for c in cols]
    df = df.reset_index(drop=True)          # positions, also when the input index has duplicates
    data = with_reasons(df, sources)
    rows, kinds = [], []

    sums = GroupSums(df, [c.source for c in cols if c.summed], by_pandas=not rw.stream)

    def subtotal(kind, positions, label):
        vals = [None] * n
        for i, c in enumerate(cols):
            if c.summed:
                vals[i] = sums.sum(c.source, positions)
        vals[label_col] = label
        rows.append(vals)
        kinds.append(kind)

    units: dict = {}
    for (ztbh, dybh), pos in group_positions(df, ["_ZTBH", "_DYBH"]):
        units.setdefault(ztbh, []).append((dybh, pos))
    for ci, (ztbh, cpos) in enumerate(group_positions(df, "_ZTBH")):
        for dybh, upos in units[ztbh]:
            rows.extend(data[upos].tolist())
            kinds.extend(["plot"] * len(upos))
            subtotal("unit", upos, _t("unit_sub", lang, code=dybh or _t("no_code", lang)))
        subtotal("cluster", cpos, _t("cluster_sub", lang, code=ztbh or _t("no_code", lang)))
        if progress is not None and ci % 5 == 0:
            progress(10 + 30 * len(rows) / max(1, len(df) * 1.2), "")
    subtotal("total", slice(None), _t("total", lang))
    end = rw.rows(ws, st, rows, fmts, kinds, 4, reason_prefix=UNASSIGNED)
    note_row(ws, st, end, _t("note_round", lang), n)
    for k, text in enumerate(notes, start=1):
        note_row(ws, st, end + k, "注：" + text, n)
    first_text = max((i for i, c in enumerate(cols[:3]) if c.key in ("ZTBH", "DYBH", "DKBH")), default=-1)
    from openpyxl.utils import get_column_letter

    ws.freeze_panes = f"{get_column_letter(first_text + 2)}4"
    page_setup(ws, "2:3", n)
    return ws


_SUMMARY_COLS = [  # key, (group zh, sub zh), (group en, sub en), fmt, width
    ("ZTBH", ("组团编号", ""), ("Cluster", ""), "@", 10),
    ("DYBH", ("单元编号", ""), ("Unit", ""), "@", 11),
    ("name", ("名称/产业", ""), ("Name / industry", ""), "@", 18),
    ("n_plots", ("地块数", "个"), ("Plots", "count"), "0", 8),
    ("area_ha", ("用地面积", "公顷"), ("Land area", "ha"), "0.0000", 12),
    ("floor_m2", ("计容建筑面积", "m²"), ("Floor area (FAR)", "m²"), "#,##0.00", 15),
    ("invest", ("最低固定资产投资", "万元"), ("Minimum investment", "10k CNY"), "#,##0.00", 15),
    ("output", ("预期产出", "万元"), ("Expected output", "10k CNY"), "#,##0.00", 15),
]


def _summary_sheet(wb, st, rw: RowWriter, summary, lang):
    ws = wb.create_sheet(SHEETS["summary"][0 if lang == "zh" else 1])
    heads = [h[1] if lang == "zh" else h[2] for h in _SUMMARY_COLS]
    title_row(ws, st, _t("summary_title", lang), len(heads))
    two_row_header(ws, st, heads, [h[4] for h in _SUMMARY_COLS])
    rows, kinds = [], []
    for rec in summary.to_dict("records"):
        vals = [rec.get(k) for k, *_ in _SUMMARY_COLS]
        if rec["level"] == "cluster":
            vals[1] = _t("cluster_sub", lang, code=rec["ZTBH"] or _t("no_code", lang))
        elif rec["level"] == "total":
            vals[0] = _t("total", lang)
        elif not rec["DYBH"]:
            vals[1] = _t("no_code", lang)
        rows.append(vals)
        kinds.append("plot" if rec["level"] == "unit" else rec["level"])
    end = rw.rows(ws, st, rows, [h[3] for h in _SUMMARY_COLS], kinds, 4)
    note_row(ws, st, end, _t("note_summary", lang), len(heads))
    ws.freeze_panes = "C4"
    page_setup(ws, "2:3", len(heads))


_BALANCE_HEADS = {
    "zh": [("序号", ""), ("用地代码", "一级"), ("用地代码", "二级"), ("用地名称", ""), ("用地面积", "公顷"),
           ("用地面积", "亩"), ("占总用地比例", "%"), ("占建设用地比例", "%"), ("说明", "")],
    "en": [("No.", ""), ("Code", "level 1"), ("Code", "level 2"), ("Land use", ""), ("Area", "ha"), ("Area", "mu"),
           ("Share of all land", "%"), ("Share of construction land", "%"), ("Note", "")]}


def _balance_sheet(wb, st, balance, lang):
    from .balance import GROUPS

    ws = wb.create_sheet(SHEETS["balance"][0 if lang == "zh" else 1])
    heads = _BALANCE_HEADS[lang]
    title_row(ws, st, _t("balance_title", lang), len(heads))
    two_row_header(ws, st, heads, [6, 9, 9, 30, 12, 12, 12, 14, 60])
    numerals = iter("一二三四五六七八")
    rows, kinds = [], []
    for rec in balance.to_dict("records"):
        level = rec["level"]
        name = rec["name"] if lang == "zh" or level in ("class1", "class2") else GROUPS[rec["group"]][1]
        if level in ("class2", "missing"):
            name = "  " + (name or "")
        rows.append([next(numerals) if level == "group" else None,
                     rec["code"] if level == "class1" else None,
                     rec["code"] if level in ("class2", "missing") else None,
                     name, rec["area_ha"], rec["area_mu"], rec["share_total"], rec["share_construction"],
                     rec["note_zh" if lang == "zh" else "note_en"] or None])
        kinds.append({"group": "cluster", "class1": "unit", "class2": "plot", "missing": "plot",
                      "total": "total"}[level])
    end = write_rows(ws, st, rows, ["@", "@", "@", "@", "0.0000", "0.00", "0.00", "0.00", "@"], kinds, start=4)
    for r in range(4, end):
        ws.cell(row=r, column=9).alignment = st.wrap
    note_row(ws, st, end, _t("note_balance", lang), len(heads))
    ws.freeze_panes = "A4"
    page_setup(ws, "2:3", len(heads))


def _findings_sheet(wb, st, rw: RowWriter, findings, lang, plots, df, units, clusters):
    frame = findings if isinstance(findings, pd.DataFrame) else findings_frame(list(findings))
    cols = [c for c in FINDING_FIELDS if c in frame.columns]
    if "GZBH" not in cols or "SM" not in cols:
        missing = "GZBH" if "GZBH" not in cols else "SM"
        raise InputError("E_MISSING_FIELD", layer="审查结果 / findings", field=missing, alias=FINDING_FIELDS[missing][0])
    codes = finding_plot_codes(frame, plots, codes=df, units=units, clusters=clusters)
    at = cols.index("YZCD") + 1 if "YZCD" in cols else 2
    ws = wb.create_sheet(SHEETS["findings"][0 if lang == "zh" else 1])
    names = {**FINDING_FIELDS, "DKBH": ("地块编号", "Plot")}
    cols = cols[:at] + ["DKBH"] + cols[at:]
    heads = [(names[c][0] if lang == "zh" else names[c][1], "") for c in cols]
    widths = {"GZBH": 14, "GZMC": 18, "YZCD": 8, "DKBH": 14, "BH": 12, "SM": 60, "CLZ": 10, "XZZ": 10, "DW": 8,
              "YJ": 30}
    title_row(ws, st, _t("findings_title", lang), len(heads))
    two_row_header(ws, st, heads, [widths.get(c, 12) for c in cols])
    values = frame.assign(DKBH=codes)[cols].astype(object).to_numpy().tolist()
    end = rw.rows(ws, st, values, ["0.00" if c in ("CLZ", "XZZ") else "@" for c in cols],
                     ["plot"] * len(values), start=4)
    note_row(ws, st, end, _t("note_findings", lang), len(heads))
    ws.freeze_panes = "A4"
    page_setup(ws, "2:3", len(heads))


# ----------------------------------------------------------------------------------------- public
def export_indicator_table(plots, path: str, *, units=None, clusters=None, findings=None, columns=None,
                           language: str = "zh", csv_path: Optional[str] = None, title: Optional[str] = None,
                           balance: bool = True, summary: bool = True, roads=None, missing_fields=None,
                           field_cautions=(), progress: Optional[Progress] = None,
                           stream_rows: bool = True) -> ExportResult:
    """Write the control-indicator workbook of ``plots`` (GeoDataFrame or DataFrame with schema fields) to ``path``.

    ``columns``: keys of :data:`~algorithms.export.columns.COLUMNS` (order kept), default the standard table.
    ``language``: "zh" (default) or "en" for headers and labels. ``findings``: list of Finding or a findings
    frame → sheet 审查结果. ``csv_path``: also write the plot table (plots only, one header row) as UTF-8 CSV
    with BOM. ``clusters`` (polygons) and ``roads`` (road-corridor polygons, 1207) make the 用地平衡表 cover the
    whole planned area (:mod:`.balance`); without them the sheet lists the lines it could not compute.
    ``missing_fields``: {column key: why the plot layer has no such field}; written as a note under the plot table
    when that column is shown and no plot has a value. ``field_cautions``: notes written there always (e.g. land-use
    codes read from a field of another code system). Raises :class:`InputError` (E_WRITE / E_FILE_LOCKED /
    E_EMPTY_LAYER / E_BAD_PARAMETER). ``stream_rows``: the rows of the plot, summary and findings tables are
    written as sheet XML of our own (:mod:`.xlsx_stream`: the same workbook, many times faster); False builds
    every cell with openpyxl (the reference the tests compare it with).
    """
    from openpyxl import Workbook

    progress = progress or Progress()
    if language not in ("zh", "en"):
        raise InputError("E_BAD_PARAMETER", name="language", value=language, reason_zh="应为 zh 或 en",
                         reason_en="must be zh or en")
    cols = resolve_columns(columns)
    if plots is None or len(plots) == 0:
        raise InputError("E_EMPTY_LAYER", layer="地块 / plots")
    progress(2, "整理地块 / preparing plots")
    df = prepare_plots(plots)
    progress(10, "写入工作簿 / writing the workbook")
    st = Styles()
    wb = Workbook()
    notes = [text for key, text in (missing_fields or {}).items()
             if key in [c.source for c in cols] and df[key].isna().all()] + list(field_cautions)
    rw = RowWriter(stream_rows)
    sheets = [_plots_sheet(wb, st, rw, df, cols, language, title, progress, notes).title]
    progress(60, "汇总 / summaries")
    if summary:
        summary_rows = unit_cluster_summary(df, units=units, clusters=clusters, by_pandas=not stream_rows)
        _summary_sheet(wb, st, rw, summary_rows, language)
        sheets.append(wb.worksheets[-1].title)
    balance_total = None
    if balance:
        rows = land_balance(df, areas=balance_areas(plots, clusters=clusters, roads=roads))
        balance_total = float(rows["area_ha"].iloc[-1])
        _balance_sheet(wb, st, rows, language)
        sheets.append(wb.worksheets[-1].title)
    if findings is not None:
        _findings_sheet(wb, st, rw, findings, language, plots, df, units, clusters)
        sheets.append(wb.worksheets[-1].title)
    wb.properties.creator = "小组团 Planner"
    wb.properties.title = title or _t("plots_title", language)
    progress(75, "保存 / saving")
    out = write_atomic(path, lambda tmp: rw.save(wb, tmp))
    result = ExportResult(out, None, sheets, len(df), float(df["_HA"].sum()), balance_total)
    if csv_path:
        result.csv_path = write_atomic(csv_path, lambda tmp: _write_csv(tmp, df, cols, language))
    progress(100, "完成 / done")
    return result


def _write_csv(tmp: str, df, cols: list[Column], lang: str) -> None:
    """Plots only (no subtotal rows), one header row, UTF-8 with BOM so that Excel reads the Chinese."""
    data = with_reasons(df, [c.source for c in cols])
    with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([c.flat_header(lang) for c in cols])
        for row in data:
            w.writerow(["" if (v := cell_value(x)) is None else _csv_num(v) for x in row])


def _csv_num(v):
    if isinstance(v, float):
        return repr(v) if not v.is_integer() else str(int(v)) if abs(v) < 1e15 else repr(v)
    return v

