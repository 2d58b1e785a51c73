"""导出控制指标表 (issue 6): the workbook read back with openpyxl and checked against hand-computed values."""
import csv
import io
import os

import geopandas as gpd
import numpy as np
import openpyxl
import pandas as pd
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from algorithms.errors import InputError, ZutuanError
from algorithms.export import export_indicator_table, write_atomic
from algorithms.export.columns import DEFAULT_COLUMNS, resolve_columns
from algorithms.findings import Finding
from algorithms.planstate import plan_state

NAN = np.nan
REASON_A = "未赋值：2008标准不适用于物流仓储用地(1101)"
LOGISTICS_ZBLY = f"JZXS:地块自有; TZQD:地块自有; RJLXX,RJLSX,LDLSX:{REASON_A}; JZXG:未赋值：无限高来源"
NO_RECORD = "未赋值：原因未记录（ZBLY 无此项）"
CONTROL_COLS = range(6, 13)            # RJLXX … TZQD in the default columns


def _plots(with_area=True):
    """Six plots in EPSG:4547 (a metre CRS) with exactly known areas; some controls missing on purpose.

    code, width×height (m²), land use, RJLXX, TZQD, CCQD
    """
    spec = [
        ("Z01-01-01", 100, 50, "1001", "工业用地", 1.2, 3000.0, 4500.0),   # 5000 m² = 0.5 ha
        ("Z01-01-02", 80, 50, "1001", "工业用地", 1.0, NAN, NAN),          # 4000 m² = 0.4 ha
        ("Z01-02-01", 120, 100, "1101", "物流仓储用地", NAN, 2000.0, NAN),  # 12000 m² = 1.2 ha
        ("Z02-01-01", 60, 50, "1401", "公园绿地", NAN, NAN, NAN),          # 3000 m² = 0.3 ha
        ("Z02-01-02", 70, 30, "1701", "河流水面", NAN, NAN, NAN),          # 2100 m² = 0.21 ha
        ("Z02-01-03", 30, 30, None, None, NAN, NAN, NAN),                  # 900 m² = 0.09 ha, no land-use code
    ]
    rows, geoms = [], []
    x = 400000.0
    for code, w, h, ydm, ydmc, far, tz, cc in spec:
        rows.append({"DKBH": code, "YDYHFLDM": ydm, "YDYHFLMC": ydmc, "RJLXX": far, "RJLSX": 2.0 if far == far else NAN,
                     "TZQD": tz, "CCQD": cc, "JZXS": 30.0, "KFFQ": 1, "CYL": "新材料"})
        geoms.append(shapely.box(x, 3000000.0, x + w, 3000000.0 + h))
        x += 500
    gdf = gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4547")
    # what zutuan:assigncontrols and zutuan:checkmasterplan write (the other plots have no ZBLY / no conflict)
    gdf["ZBLY"] = [None, None, LOGISTICS_ZBLY, None, None, None]
    gdf["SCJL"] = ["合规", "不合规", "需核实", "合规", "合规", None]
    gdf["CT_STHX"] = [0.0, 500.0, 0.0, 0.0, 0.0, 0.0]
    gdf["GDZT"] = ["已供地", None, None, None, None, None]
    if with_area:
        gdf["YDMJ"] = [w * h for _, w, h, *_ in spec]
        gdf["DYBH"] = [c[:6] for c, *_ in spec]
        gdf["ZTBH"] = [c[:3] for c, *_ in spec]
    # shuffle the rows: the export must sort them itself
    return gdf.iloc[[3, 0, 5, 2, 1, 4]]


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    path = str(folder / "指标表.xlsx")
    findings = [Finding("STD-FAR-MIN", "容积率下限", "error", "Z01-01-02", "容积率低于下限 / FAR below minimum",
                        value=1.0, limit=1.2, unit="", source="国土资发〔2008〕24号 表2"),
                Finding("STD-TZQD", "投资强度", "not_checked", "Z01-01-02", "无标准值 / no standard value")]
    res = export_indicator_table(_plots(), path, findings=findings, csv_path=str(folder / "指标表.csv"),
                                 title="示例园区 地块控制指标一览表")
    return res, openpyxl.load_workbook(path)


def _rows(ws, start=4):
    return [[c.value for c in row] for row in ws.iter_rows(min_row=start)]


def _find(rows, col, text):
    hits = [r for r in rows if r[col] == text]
    assert len(hits) == 1, (text, [r[col] for r in rows])
    return hits[0]


def test_sheets_and_result(workbook):
    res, wb = workbook
    assert wb.sheetnames == ["地块控制指标一览表", "单元与组团汇总", "用地平衡表", "审查结果"]
    assert res.n_plots == 6
    assert res.total_area_ha == pytest.approx(2.7, abs=1e-12)
    assert not [f for f in os.listdir(os.path.dirname(res.path)) if f.startswith(".zutuan-")]
    if os.name == "posix":                                   # not the 0600 of a temporary file
        umask = os.umask(0)
        os.umask(umask)
        assert os.stat(res.path).st_mode & 0o777 == 0o666 & ~umask


def test_plot_sheet_headers_and_print_setup(workbook):
    _, wb = workbook
    ws = wb["地块控制指标一览表"]
    assert ws["A1"].value == "示例园区 地块控制指标一览表"
    cols = resolve_columns(DEFAULT_COLUMNS)
    top = [ws.cell(row=2, column=i + 1).value for i in range(len(cols))]
    sub = [ws.cell(row=3, column=i + 1).value for i in range(len(cols))]
    assert top[:6] == ["组团编号", "单元编号", "地块编号", "用地代码", "用地性质", "用地面积"]
    assert sub[5] == "公顷"
    assert top[6] == "容积率" and top[7] is None and sub[6:8] == ["下限", "上限"]
    i_cyl = [c.key for c in cols].index("CYL")
    assert top[i_cyl] == "产业链/产业环节" and sub[i_cyl:i_cyl + 2] == ["产业链", "产业环节"]
    assert top[-3:] == ["审查结论", "开发状态", "开发状态说明"]
    assert "投资强度" in top and "建筑限高" in top and "意向企业" in top
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A2:A3", "B2:B3", "C2:C3", "G2:H2", "A1:W1"} <= merged
    assert ws.freeze_panes == "D4"
    assert ws.print_title_rows == "$2:$3"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 8  # A3
    assert ws.cell(row=4, column=6).number_format == "0.0000"
    assert ws.cell(row=4, column=7).number_format == "0.00"


def test_plot_rows_sorted_with_subtotals_and_total(workbook):
    _, wb = workbook
    rows = _rows(wb["地块控制指标一览表"])
    labels = [r[0] if r[2] is None else r[2] for r in rows]
    assert labels[:-1] == ["Z01-01-01", "Z01-01-02", "单元 Z01-01 小计", "Z01-02-01", "单元 Z01-02 小计",
                           "组团 Z01 合计", "Z02-01-01", "Z02-01-02", "Z02-01-03", "单元 Z02-01 小计",
                           "组团 Z02 合计", "总计"]
    assert labels[-1].startswith("注：") and "未取整" in labels[-1]
    a = 5  # 用地面积（公顷）
    # hand-computed from the widths and heights above
    assert _find(rows, 0, "单元 Z01-01 小计")[a] == pytest.approx(0.9, abs=1e-12)
    assert _find(rows, 0, "单元 Z01-02 小计")[a] == pytest.approx(1.2, abs=1e-12)
    assert _find(rows, 0, "组团 Z01 合计")[a] == pytest.approx(2.1, abs=1e-12)
    assert _find(rows, 0, "单元 Z02-01 小计")[a] == pytest.approx(0.6, abs=1e-12)
    assert _find(rows, 0, "组团 Z02 合计")[a] == pytest.approx(0.6, abs=1e-12)
    assert _find(rows, 0, "总计")[a] == pytest.approx(2.7, abs=1e-12)
    # and against the input frame, every group
    gdf = _plots()
    for unit, sub in gdf.groupby("DYBH"):
        assert _find(rows, 0, f"单元 {unit} 小计")[a] == pytest.approx(sub["YDMJ"].sum() / 1e4, rel=1e-12)
    for cl, sub in gdf.groupby("ZTBH"):
        assert _find(rows, 0, f"组团 {cl} 合计")[a] == pytest.approx(sub["YDMJ"].sum() / 1e4, rel=1e-12)
    plot_sum = sum(r[a] for r in rows if r[2] is not None)
    assert plot_sum == pytest.approx(_find(rows, 0, "总计")[a], rel=1e-12)
    # ratios are not summed: subtotal rows leave them empty
    assert _find(rows, 0, "总计")[6] is None


def test_missing_controls_say_why_never_zero(workbook):
    _, wb = workbook
    ws = wb["地块控制指标一览表"]
    rows = _rows(ws)
    p = _find(rows, 2, "Z01-02-01")
    r = 4 + rows.index(p)
    # 容积率 下限/上限 share the reason: one merged cell; 建筑密度 has no ZBLY entry; 建筑限高 its own reason
    assert p[6] == REASON_A and p[7] is None and f"G{r}:H{r}" in {str(m) for m in ws.merged_cells.ranges}
    assert p[8] == 30.0 and p[9] == NO_RECORD and p[10] == REASON_A and p[11] == "未赋值：无限高来源"
    assert p[12] == 2000.0                     # 投资强度
    q = _find(rows, 2, "Z02-01-03")
    assert q[3] is None and q[4] is None       # no land-use code (a text column: empty)
    assert q[5] == pytest.approx(0.09)
    assert 0 not in [p[6], p[7], q[3]]
    # no control cell of any plot is empty without a reason (a merged cell's reason is in its first cell)
    starts = {(m.min_row, m.min_col): ws.cell(m.min_row, m.min_col).value for m in ws.merged_cells.ranges}
    covered = {(rr, cc): starts[(m.min_row, m.min_col)] for m in ws.merged_cells.ranges
               for rr in range(m.min_row, m.max_row + 1) for cc in range(m.min_col, m.max_col + 1)}
    n_plots = 0
    for k, row in enumerate(rows):
        if row[2] is None or not str(row[2]).startswith("Z"):
            continue
        n_plots += 1
        for c in CONTROL_COLS:
            v = row[c] if row[c] is not None else covered.get((4 + k, c + 1))
            assert isinstance(v, (int, float)) or (isinstance(v, str) and v.startswith("未赋值：")), (row[2], c, v)
    assert n_plots == 6


def test_development_status_from_planstate(workbook):
    _, wb = workbook
    rows = _rows(wb["地块控制指标一览表"])
    assert _find(rows, 2, "Z01-01-01")[21:23] == ["已供地", None]
    blocked = _find(rows, 2, "Z01-01-02")
    assert blocked[21] == "需调整用地" and "生态保护红线 500.0 m²" in blocked[22] and "不分期" in blocked[22]
    assert _find(rows, 2, "Z01-02-01")[21:23] == ["待开发", "一张图审查需核实：分期，但须核实后供地"]
    assert _find(rows, 2, "Z02-01-01")[21:23] == ["待开发", None]


def test_summary_sheet(workbook):
    _, wb = workbook
    rows = _rows(wb["单元与组团汇总"])
    # columns: 组团, 单元, 名称, 地块数, 面积(公顷), 计容建筑面积 m², 最低投资 万元, 预期产出 万元
    u = _find(rows, 1, "Z01-01")
    assert u[3] == 2 and u[4] == pytest.approx(0.9)
    assert u[5] == pytest.approx(1.2 * 5000 + 1.0 * 4000)   # 10000 m²
    assert u[6] == pytest.approx(3000 * 0.5)                 # only the plot with 投资强度
    assert u[7] == pytest.approx(4500 * 0.5)
    u2 = _find(rows, 1, "Z01-02")
    assert u2[4] == pytest.approx(1.2) and u2[5] is None and u2[6] == pytest.approx(2400) and u2[7] is None
    c1 = _find(rows, 1, "组团 Z01 合计")
    assert c1[3] == 3 and c1[4] == pytest.approx(2.1) and c1[5] == pytest.approx(10000) and c1[6] == pytest.approx(3900)
    c2 = _find(rows, 1, "组团 Z02 合计")
    assert c2[3] == 3 and c2[4] == pytest.approx(0.6) and c2[5] is None and c2[6] is None and c2[7] is None
    t = _find(rows, 0, "总计")
    assert t[3] == 6 and t[4] == pytest.approx(2.7) and t[5] == pytest.approx(10000) and t[7] == pytest.approx(2250)


def test_land_balance_sheet(workbook):
    _, wb = workbook
    rows = _rows(wb["用地平衡表"])
    # columns: 序号, 一级代码, 二级代码, 名称, 面积(公顷), 面积(亩), 占总用地 %, 占建设用地 %, 说明
    g = _find(rows, 3, "建设用地")               # Z01-01-02 (0.4 ha, 不合规 in 生态保护红线) is set apart
    assert g[0] == "一" and g[4] == pytest.approx(2.0) and g[5] == pytest.approx(30.0)
    assert g[6] == pytest.approx(2.0 / 2.7 * 100) and g[7] == 100
    n = _find(rows, 3, "非建设用地")
    assert n[4] == pytest.approx(0.21) and n[6] == pytest.approx(0.21 / 2.7 * 100) and n[7] is None
    s = _find(rows, 3, "需调整用地")
    assert s[4] == pytest.approx(0.4) and s[7] is None
    assert "生态保护红线 1 个" in s[8] and "不计入建设用地" in s[8]
    # 1001: Z01-01-01 under construction land, Z01-01-02 under 需调整用地
    assert [r[4] for r in rows if r[2] == "1001"] == [pytest.approx(0.5), pytest.approx(0.4)]
    u = _find(rows, 3, "未分类用地")
    assert u[4] == pytest.approx(0.09)
    k10 = next(r for r in rows if r[1] == "10")
    assert k10[3] == "工矿用地" and k10[4] == pytest.approx(0.5) and k10[6] == pytest.approx(0.5 / 2.7 * 100)
    assert k10[7] == pytest.approx(25.0)
    assert _find(rows, 1, "11")[7] == pytest.approx(60.0)
    assert _find(rows, 1, "14")[3] == "绿地与开敞空间用地"
    assert _find(rows, 1, "17")[3] == "陆地水域"
    # no road or cluster layer: the lines that are missing say so, with no area
    road = _find(rows, 2, "1207")
    assert road[4] is None and "未提供道路用地图层" in road[8]
    other = _find(rows, 3, "组团内其他用地")
    assert other[4] is None and "未提供组团图层" in other[8]
    t = _find(rows, 3, "总用地")
    assert t[4] == pytest.approx(2.7) and t[5] == pytest.approx(40.5) and t[6] == pytest.approx(100.0)
    assert "不是规划范围面积" in t[8]
    groups = [r for r in rows if r[0] in ("一", "二", "三", "四", "五")]
    assert sum(r[4] or 0 for r in groups) == pytest.approx(t[4], rel=1e-12)
    for r in rows[:-1]:
        if isinstance(r[4], float):
            assert r[5] == pytest.approx(r[4] * 15, rel=1e-12)          # 亩 = 公顷 × 15
    assert wb["用地平衡表"].cell(row=3, column=5).value == "公顷" and wb["用地平衡表"].cell(row=3, column=6).value == "亩"


def _zone():
    """Two clusters (1210 m × 210 m each) around the plots of _plots(), and road corridors: 2.1 ha inside Z01,
    2.1 ha between the clusters (outside: not part of the planned area)."""
    clusters = gpd.GeoDataFrame({"ZTBH": ["Z01", "Z02"]},
                                geometry=[shapely.box(399990, 2999990, 401200, 3000200),
                                          shapely.box(401490, 2999990, 402700, 3000200)], crs="EPSG:4547")
    roads = gpd.GeoDataFrame({"DLDJ": ["支路", "支路"]},
                             geometry=[shapely.box(400200, 2999990, 400300, 3000200),
                                       shapely.box(401300, 2999990, 401400, 3000200)], crs="EPSG:4547")
    return clusters, roads


def test_land_balance_of_the_whole_planned_area(tmp_path):
    """Issue 14 item 5: plots + road corridors (1207) + other land inside the clusters = the clusters' area."""
    clusters, roads = _zone()
    path = str(tmp_path / "balance.xlsx")
    res = export_indicator_table(_plots(), path, clusters=clusters.to_crs("EPSG:4490"), roads=roads, summary=False)
    rows = _rows(openpyxl.load_workbook(path)["用地平衡表"])
    cluster_ha = clusters.area.sum() / 1e4                        # 50.82 ha, measured independently
    t = _find(rows, 3, "总用地")
    assert t[4] == pytest.approx(cluster_ha, abs=1e-8) and res.balance_total_ha == pytest.approx(cluster_ha, abs=1e-8)
    assert t[5] == pytest.approx(cluster_ha * 15, abs=1e-7) and t[8] == "组团范围"
    road = _find(rows, 2, "1207")
    assert road[3].strip() == "城镇村道路用地" and road[4] == pytest.approx(2.1, abs=1e-8)
    assert _find(rows, 1, "12")[4] == pytest.approx(2.1, abs=1e-8)
    g = _find(rows, 3, "建设用地")                                # 0.5 + 1.2 + 0.3 plots + 2.1 road
    assert g[4] == pytest.approx(4.1, abs=1e-8) and "2.1000 公顷在组团范围外" in g[8]
    assert road[7] == pytest.approx(2.1 / 4.1 * 100)
    state = plan_state(_plots())                                  # the one place that says what is set apart
    assert _find(rows, 3, "需调整用地")[4] == pytest.approx(_plots()["YDMJ"][state.blocked].sum() / 1e4, abs=1e-8)
    assert state.blocked.sum() == 1 and _find(rows, 3, "需调整用地")[4] == pytest.approx(0.4, abs=1e-8)
    other = _find(rows, 3, "组团内其他用地")                      # the clusters minus plots and the corridor
    expected = clusters.geometry.union_all().difference(
        shapely.union_all(list(_plots().geometry) + [roads.geometry[0]])).area / 1e4
    assert other[4] == pytest.approx(expected, abs=1e-8) and other[4] == pytest.approx(50.82 - 2.7 - 2.1, abs=1e-8)
    assert not [r for r in rows if r[3] and str(r[3]).startswith("核对差")]
    groups = [r for r in rows if r[0] in tuple("一二三四五六")]
    assert sum(r[4] for r in groups) == pytest.approx(t[4], abs=1e-8)
    for r in rows[:-1]:
        if isinstance(r[4], float):
            assert r[5] == pytest.approx(r[4] * 15, rel=1e-12) and r[6] == pytest.approx(r[4] / t[4] * 100)


def test_land_balance_shows_what_does_not_add_up(tmp_path):
    """A corridor over a plot: the overlap is a 核对差 line of its own, the total stays the clusters' area."""
    clusters, roads = _zone()
    roads = roads.iloc[[0]].copy()
    roads.geometry = [shapely.box(400050, 2999990, 400300, 3000200)]    # 50 m × 50 m over plot Z01-01-01
    path = str(tmp_path / "overlap.xlsx")
    export_indicator_table(_plots(), path, clusters=clusters, roads=roads, summary=False)
    rows = _rows(openpyxl.load_workbook(path)["用地平衡表"])
    diff = next(r for r in rows if r[3] and str(r[3]).startswith("核对差"))
    assert diff[4] == pytest.approx(-0.25, abs=1e-8)                # 2 500 m² counted twice
    t = _find(rows, 3, "总用地")
    assert t[4] == pytest.approx(50.82, abs=1e-8)
    assert sum(r[4] for r in rows if r[0] in tuple("一二三四五六")) == pytest.approx(50.82, abs=1e-8)


def test_findings_sheet(workbook):
    _, wb = workbook
    ws = wb["审查结果"]
    assert [ws.cell(row=2, column=i).value for i in range(1, 6)] == ["规则编号", "规则名称", "严重程度", "地块编号", "编号"]
    rows = _rows(ws)
    assert rows[0][:5] == ["STD-FAR-MIN", "容积率下限", "错误", "Z01-01-02", "Z01-01-02"]
    assert rows[0][6] == 1.0 and rows[0][7] == 1.2
    assert rows[1][2] == "未检查" and rows[1][6] is None
    assert rows[2][0].startswith("注：") and "地块编号" in rows[2][0]


def test_every_finding_row_has_a_plot_code(tmp_path):
    """Issue 14 item 8: by code, by geometry, or an explicit unit / cluster / outside / whole-plan label."""
    box = shapely.box
    findings = [
        Finding("MP-ECO", "生态保护红线", "error", None, "仅有图形 / geometry only",
                geometry=box(401010, 3000010, 401020, 3000020)),                 # inside Z01-02-01
        Finding("LAYOUT-OVERLAP", "地块重叠", "error", None, "两块之间 / across two plots",
                geometry=box(400090, 3000010, 400510, 3000020)),                 # Z01-01-01 and Z01-01-02
        Finding("MP-DEM", "坡度", "warning", None, "接触而不重叠 / touching only",
                geometry=box(400100, 3000000, 400110, 3000010)),                 # touches Z01-01-01: outside
        Finding("HIER-UNIT", "单元", "warning", "Z01-02", "单元层面 / unit level"),
        Finding("HIER-CLUSTER", "组团", "warning", "Z02", "组团层面 / cluster level"),
        Finding("STD-NO-VALUE", "无标准值", "not_checked", "Z01-01-01、Z01-01-02", "两个地块 / two plots"),
        Finding("STD-HYDM-UNMAPPED", "行业代码", "not_checked", "29", "全区 / whole plan"),
    ]
    path = str(tmp_path / "f.xlsx")
    export_indicator_table(_plots(), path, findings=findings, summary=False, balance=False)
    rows = [r for r in _rows(openpyxl.load_workbook(path)["审查结果"]) if r[0] and not r[0].startswith("注")]
    assert [r[3] for r in rows] == ["Z01-02-01", "Z01-01-01、Z01-01-02", "（规划范围外）", "（单元 Z01-02）",
                                    "（组团 Z02）", "Z01-01-01、Z01-01-02", "（全区）"]
    assert all(r[3] for r in rows)


def test_findings_layer_with_its_own_crs_and_plot_field(tmp_path):
    """A 一张图冲突 layer (DKBH field) and a layer in degrees with geometry only: both get the plot code."""
    import pandas as pd

    conflicts = gpd.GeoDataFrame({"DKBH": ["Z01-01-02", None], "GZBH": ["MP-ECO", "MP-FARM"],
                                  "GZMC": ["生态保护红线", "永久基本农田"], "YZCD": ["错误", "错误"],
                                  "SM": ["占用 / occupies", "占用 / occupies"]},
                                 geometry=[shapely.box(400510, 3000010, 400520, 3000020),
                                           shapely.box(402510, 3000010, 402520, 3000020)], crs="EPSG:4547")
    path = str(tmp_path / "c.xlsx")
    export_indicator_table(_plots(), path, findings=conflicts.to_crs("EPSG:4490"), summary=False, balance=False)
    rows = _rows(openpyxl.load_workbook(path)["审查结果"])
    assert [r[3] for r in rows[:2]] == ["Z01-01-02", "Z02-01-03"]
    # attributes only (no geometry): a row without any code is a whole-plan finding, said explicitly
    export_indicator_table(_plots(), path, findings=pd.DataFrame(conflicts.drop(columns="geometry")),
                           summary=False, balance=False)
    assert [r[3] for r in _rows(openpyxl.load_workbook(path)["审查结果"])[:2]] == ["Z01-01-02", "（全区）"]


def test_csv_has_bom_and_plain_rows(workbook):
    res, _ = workbook
    raw = open(res.csv_path, "rb").read()
    assert raw[:3] == b"\xef\xbb\xbf"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:6] == ["组团编号", "单元编号", "地块编号", "用地代码", "用地性质", "用地面积（公顷）"]
    assert rows[0][6:8] == ["容积率下限", "容积率上限"]
    assert len(rows) == 7                       # header + 6 plots, no subtotal rows
    assert [r[2] for r in rows[1:]] == ["Z01-01-01", "Z01-01-02", "Z01-02-01", "Z02-01-01", "Z02-01-02", "Z02-01-03"]
    assert float(rows[1][5]) == pytest.approx(0.5)
    assert rows[3][6] == rows[3][7] == REASON_A  # missing 容积率 says why: not empty, not 0
    assert rows[3][11] == "未赋值：无限高来源" and rows[1][11] == NO_RECORD
    for r in rows[1:]:                           # every control cell: a number or a reason
        for c in CONTROL_COLS:
            assert r[c] and (r[c].startswith("未赋值：") or float(r[c]) == float(r[c])), (r[2], c, r[c])


def test_area_measured_from_geometry_and_codes_derived(tmp_path):
    plots = _plots(with_area=False).to_crs("EPSG:4490")        # in degrees: measured in the 3-degree zone
    path = str(tmp_path / "a.xlsx")
    export_indicator_table(plots, path, columns=["DKBH", "DYBH", "ZTBH", "YDMJ_M2"], summary=False, balance=False)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["地块控制指标一览表"]
    rows = _rows(wb.active)
    assert _find(rows, 0, "Z01-01-01")[1:3] == ["Z01-01", "Z01"]
    assert _find(rows, 0, "Z01-01-01")[3] == pytest.approx(5000.0, rel=1e-6)
    # subtotal labels go to the first text column, here 地块编号
    assert _find(rows, 0, "单元 Z01-02 小计")[3] == pytest.approx(12000.0, rel=1e-6)
    assert _find(rows, 0, "总计")[3] == pytest.approx(27000.0, rel=1e-6)


def test_notes_on_missing_fields_only_for_shown_empty_columns(tmp_path):
    plots = _plots(with_area=False).drop(columns=["YDYHFLDM", "YDYHFLMC"])
    path = str(tmp_path / "notes.xlsx")
    missing = {"YDYHFLDM": "用地代码为空：图层没有该字段 / no land-use field",
               "DYBH": "单元编号为空：图层没有该字段 / no unit field",   # derived from the plot code: no note
               "GDZT": "供地状态为空 / no supply status field"}          # not a shown column: no note
    export_indicator_table(plots, path, summary=False, balance=False, missing_fields=missing,
                           field_cautions=["DLBM: 国土调查地类编码 / land-survey codes"])
    notes = [r[0] for r in _rows(openpyxl.load_workbook(path).active) if str(r[0] or "").startswith("注：")]
    assert notes[1:] == ["注：用地代码为空：图层没有该字段 / no land-use field", "注：DLBM: 国土调查地类编码 / land-survey codes"]


def test_findings_from_a_conflict_layer_keep_the_plot_code(tmp_path):
    # zutuan:checkmasterplan's CONFLICTS layer names the plot DKBH (no BH): 审查结果 still shows it on every row
    conflicts = pd.DataFrame({"DKBH": ["Z01-01-01", "Z01-02-01"], "GZBH": ["MP-ECO", "MP-FARM"],
                              "GZMC": ["生态保护红线", "永久基本农田"], "YZCD": ["错误", "错误"],
                              "SM": ["占用 / occupies", "占用 / occupies"]})
    path = str(tmp_path / "f.xlsx")
    export_indicator_table(_plots(), path, findings=conflicts, summary=False, balance=False)
    ws = openpyxl.load_workbook(path)["审查结果"]
    header = [c.value for c in ws[2]]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4) if str(r[0].value or "").startswith("MP-")]
    assert "地块编号" in header and [r[header.index("地块编号")] for r in rows] == ["Z01-01-01", "Z01-02-01"]


def test_duplicate_input_index(tmp_path):
    plots = _plots()
    plots.index = [0, 0, 1, 1, 2, 2]
    path = str(tmp_path / "dup.xlsx")
    export_indicator_table(plots, path, summary=False, balance=False)
    rows = _rows(openpyxl.load_workbook(path).active)
    assert [r[2] for r in rows if r[2]] == ["Z01-01-01", "Z01-01-02", "Z01-02-01", "Z02-01-01", "Z02-01-02",
                                             "Z02-01-03"]
    assert _find(rows, 2, "Z01-02-01")[5] == pytest.approx(1.2)


def test_english_headers_and_custom_columns(tmp_path):
    path = str(tmp_path / "en.xlsx")
    export_indicator_table(_plots(), path, language="en", columns="DKBH,YDMJ,JRJZMJ,ZDTZE,RJLXX")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Plot controls", "Unit and cluster summary", "Land-use balance"]
    ws = wb["Plot controls"]
    assert [ws.cell(row=2, column=i).value for i in range(1, 6)] == \
        ["Plot", "Land area", "Floor area (FAR)", "Minimum investment", "FAR"]
    assert ws.cell(row=3, column=2).value == "ha"
    rows = _rows(ws)
    t = _find(rows, 0, "Grand total")
    assert t[1] == pytest.approx(2.7) and t[2] == pytest.approx(10000.0) and t[3] == pytest.approx(3900.0)
    assert _find(rows, 0, "Unit Z01-01 subtotal")[2] == pytest.approx(10000.0)
    assert _find(rows, 0, "Cluster Z02 total")[2] is None     # no plot there has 容积率: empty, not 0


def test_bad_parameters():
    with pytest.raises(InputError) as e:
        export_indicator_table(_plots(), "/tmp/x.xlsx", columns=["DKBH", "NOPE"])
    assert e.value.code == "E_BAD_PARAMETER" and "NOPE" in e.value.message_zh
    with pytest.raises(InputError) as e:
        export_indicator_table(_plots().iloc[0:0], "/tmp/x.xlsx")
    assert e.value.code == "E_EMPTY_LAYER"
    with pytest.raises(InputError):
        export_indicator_table(_plots(), "/tmp/x.xlsx", language="fr")
    import pandas as pd

    with pytest.raises(InputError) as e:                      # a layer that is not a findings layer
        export_indicator_table(_plots(), "/tmp/x.xlsx", findings=pd.DataFrame({"foo": [1]}))
    assert e.value.code == "E_MISSING_FIELD" and "GZBH" in e.value.message_en
    assert not os.path.exists("/tmp/x.xlsx")


def test_unwritable_paths_leave_nothing(tmp_path):
    missing = tmp_path / "no_such_dir" / "out.xlsx"
    with pytest.raises(ZutuanError) as e:
        export_indicator_table(_plots(), str(missing))
    assert e.value.code == "E_WRITE" and "无法写入" in e.value.bilingual() and "Cannot write" in e.value.bilingual()
    assert not (tmp_path / "no_such_dir").exists()
    folder_target = tmp_path / "is_a_folder.xlsx"
    folder_target.mkdir()
    with pytest.raises(ZutuanError) as e:
        export_indicator_table(_plots(), str(folder_target))
    assert e.value.code == "E_WRITE"
    assert os.listdir(tmp_path) == ["is_a_folder.xlsx"] and not os.listdir(folder_target)


def test_locked_workbook_is_not_touched(tmp_path):
    path = tmp_path / "locked.xlsx"
    path.write_bytes(b"old contents")
    lock = tmp_path / ".~lock.locked.xlsx#"                   # what LibreOffice leaves while the file is open
    lock.write_text("user,host")
    with pytest.raises(ZutuanError) as e:
        export_indicator_table(_plots(), str(path))
    assert e.value.code == "E_FILE_LOCKED" and "LibreOffice" in e.value.message_zh and "open" in e.value.message_en
    assert path.read_bytes() == b"old contents"
    lock.unlink()
    excel_lock = tmp_path / "~$locked.xlsx"
    excel_lock.write_text("x")
    with pytest.raises(ZutuanError):
        export_indicator_table(_plots(), str(path))
    excel_lock.unlink()
    assert sorted(os.listdir(tmp_path)) == ["locked.xlsx"]
    export_indicator_table(_plots(), str(path))                 # unlocked: replaced by a real workbook
    assert openpyxl.load_workbook(str(path)).sheetnames[0] == "地块控制指标一览表"


def test_failure_while_writing_keeps_the_old_file(tmp_path):
    path = tmp_path / "keep.xlsx"
    path.write_bytes(b"previous")

    def half_then_fail(tmp):
        with open(tmp, "wb") as fh:
            fh.write(b"PK half a workbook")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomic(str(path), half_then_fail)
    assert path.read_bytes() == b"previous"
    assert os.listdir(tmp_path) == ["keep.xlsx"]


_codes = st.tuples(st.integers(1, 3), st.integers(1, 3), st.integers(1, 4))


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(_codes, st.floats(1.0, 5e5), st.one_of(st.none(), st.floats(0.1, 5.0))),
                min_size=1, max_size=25, unique_by=lambda t: t[0]))
def test_property_every_subtotal_equals_the_sum_of_its_plots(tmp_path_factory, plots):
    """Random plots (codes, areas, missing controls): each unit/cluster subtotal and the total read back from the
    workbook equal the sums over the input frame; an unset control stays an empty cell."""
    import pandas as pd

    df = pd.DataFrame({"DKBH": [f"Z{z:02d}-{u:02d}-{p:02d}" for (z, u, p), _, _ in plots],
                       "YDMJ": [a for _, a, _ in plots], "RJLXX": [np.nan if f is None else f for *_, f in plots]})
    path = str(tmp_path_factory.mktemp("prop") / "p.xlsx")
    export_indicator_table(df, path, columns=["ZTBH", "DYBH", "DKBH", "YDMJ_M2", "JRJZMJ", "RJLXX"],
                           summary=False, balance=False)
    rows = _rows(openpyxl.load_workbook(path).active)
    df["DYBH"], df["ZTBH"] = df["DKBH"].str[:6], df["DKBH"].str[:3]
    floor = df["RJLXX"] * df["YDMJ"]
    for unit, idx in df.groupby("DYBH").groups.items():
        row = _find(rows, 0, f"单元 {unit} 小计")
        assert row[3] == pytest.approx(df.loc[idx, "YDMJ"].sum(), rel=1e-12)
        expected = floor[idx].sum(min_count=1)
        assert (row[4] is None) if np.isnan(expected) else row[4] == pytest.approx(expected, rel=1e-12)
    for cl, idx in df.groupby("ZTBH").groups.items():
        assert _find(rows, 0, f"组团 {cl} 合计")[3] == pytest.approx(df.loc[idx, "YDMJ"].sum(), rel=1e-12)
    assert _find(rows, 0, "总计")[3] == pytest.approx(df["YDMJ"].sum(), rel=1e-12)
    for code, far in zip(df["DKBH"], df["RJLXX"]):
        row = _find(rows, 2, code)
        if np.isnan(far):       # the reason, or merged into the 计容建筑面积 cell before it that has the same reason
            assert row[5] == NO_RECORD or (row[5] is None and row[4] == NO_RECORD)
        else:
            assert row[5] == pytest.approx(far)
