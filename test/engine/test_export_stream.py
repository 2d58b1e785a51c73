"""The control-indicator workbook with its rows streamed as sheet XML (issue 18) against the same workbook built
cell by cell with openpyxl (``stream_rows=False``): part for part (bytes), and every cell of every sheet read back
with openpyxl. The group sums and the unit/cluster summary against pandas' sums over groupby frames (as before)."""
import datetime
import os
import re
import zipfile
from decimal import Decimal

import geopandas as gpd
import numpy as np
import openpyxl
import pandas as pd
import pytest
import shapely

from algorithms.export import export_indicator_table
from algorithms.export.tables import GroupSums, group_positions, prepare_plots, unit_cluster_summary
from algorithms.findings import Finding

REASON = "未赋值：2008标准不适用于物流仓储用地(1101)"
ODD = ["R&D <研发> 中心", "  前导空格", "末尾空格 ", "两行\n文字", "制表\t符", "=SUM(A1:A2)", "#N/A", "#", "=",
       "扩展B 𠀀𠀁", "&amp;", "a]]>b", "引号 \"x\" 'y'", "café\u00a0ÿ", "行\u2028分隔", "del\x7f", "c1\x85",
       True, 7, np.int64(12), 2.5, np.float32(0.1), Decimal("1.25"), datetime.date(2024, 1, 2),
       datetime.datetime(2024, 5, 6, 7, 8, 9), "   ", "", None, "未赋值：文本列里的原因"]


def _plots(n: int, seed: int = 18, odd: bool = False) -> gpd.GeoDataFrame:
    """n plots, 20 per unit and 20 units per cluster (a few without codes), mixed land uses, controls missing with
    and without a 未赋值 reason in ZBLY; with ``odd`` the text fields hold every kind of value openpyxl accepts."""
    rng = np.random.default_rng(seed)
    i = np.arange(n)
    z, u, p = i // 400 + 1, (i // 20) % 20 + 1, i % 20 + 1
    codes = np.array(["100101", "1101", "1207", "1401", "1701"])
    ydm = codes[rng.integers(0, len(codes), n)]
    far = rng.choice([0.8, 1.0, 1.25, np.nan], n)
    x0, y0 = 400000 + (i % 100) * 120.0, 3000000 + (i // 100) * 110.0
    w, h = rng.uniform(60, 110, n), rng.uniform(50, 100, n)
    zbly = np.where(ydm == "1101", f"JZXS:地块自有; RJLXX,RJLSX,LDLSX:{REASON}; JZXG:未赋值：无限高来源", None)
    gdf = gpd.GeoDataFrame({
        "DKBH": [f"Z{a:02d}-{b:02d}-{c:02d}" if c != 7 else None for a, b, c in zip(z, u, p)],
        "YDYHFLDM": ydm, "YDYHFLMC": ["名称" + c for c in ydm], "ZBLY": zbly,
        "RJLXX": far, "RJLSX": np.where(np.isnan(far), np.nan, 2.0), "JZXS": rng.choice([30.0, np.nan], n),
        "JZXG": rng.choice([24.0, 1e20, -0.0, np.nan], n), "TZQD": rng.choice([2500.0, 3000.0, np.nan], n),
        "CCQD": rng.uniform(0, 1e4, n), "CYL": "新材料", "KFFQ": rng.integers(1, 4, n),
        "SCJL": rng.choice(["合规", "不合规", "需核实", None], n), "CT_STHX": rng.choice([0.0, 12.5], n),
    }, geometry=shapely.box(x0, y0, x0 + w, y0 + h), crs="EPSG:4547")
    if odd:
        gdf["YXQY"] = [ODD[k % len(ODD)] for k in range(n)]
        gdf["BZ"] = [ODD[(3 * k) % len(ODD)] for k in range(n)]
        gdf.loc[gdf.index[:3], "JZXG"] = [np.inf, -np.inf, 2.0 ** 60]
    return gdf


def _export_both(plots, folder, **kw):
    paths = []
    for stream in (False, True):
        path = os.path.join(folder, f"{'streamed' if stream else 'cells'}.xlsx")
        export_indicator_table(plots, path, stream_rows=stream, **kw)
        paths.append(path)
    return paths


def _parts(path) -> list:
    """(name, bytes) of every part, the timestamps removed and <mergeCell> entries sorted (openpyxl keeps a set)."""
    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data = z.read(name)
            data = re.sub(rb"<dcterms:(created|modified)[^<]*</dcterms:\w+>", b"", data)
            data = re.sub(rb'(<mergeCell ref="[^"]*"/>)+',
                          lambda m: b"".join(sorted(re.findall(rb'<mergeCell ref="[^"]*"/>', m.group()))), data)
            out.append((name, data))
    return out


def _look(c) -> tuple:
    f, a, b = c.font, c.alignment, c.border
    sides = tuple((s.style, s.color.rgb if s.color is not None else None)
                  for s in (b.left, b.right, b.top, b.bottom))
    return (type(c).__name__, c.value, c.data_type, c.number_format, f.name, f.sz, f.b, f.i,
            f.color.rgb if f.color is not None else None, c.fill.fill_type, c.fill.fgColor.rgb,
            sides, a.horizontal, a.vertical, a.wrap_text)


def _sheet(ws) -> dict:
    return {"cells": [[_look(c) for c in row] for row in ws.iter_rows(min_row=1, max_row=ws.max_row,
                                                                        max_col=ws.max_column)],
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "widths": {k: d.width for k, d in ws.column_dimensions.items()},
            "heights": {k: d.height for k, d in ws.row_dimensions.items()},
            "frozen": ws.freeze_panes, "titles": ws.print_title_rows, "filter": ws.auto_filter.ref,
            "page": (ws.page_setup.orientation, ws.page_setup.paperSize, ws.page_setup.fitToWidth,
                     ws.page_setup.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage,
                     ws.print_options.horizontalCentered, ws.page_margins.left, ws.page_margins.right,
                     ws.oddFooter.center.text)}


def _assert_same(cells_path, streamed_path):
    """The two files: the same parts, and every cell of every sheet the same read back with openpyxl."""
    old, new = _parts(cells_path), _parts(streamed_path)
    assert [n for n, _ in old] == [n for n, _ in new]
    for (name, a), (_, b) in zip(old, new):
        assert a == b, name
    wa, wb = openpyxl.load_workbook(cells_path), openpyxl.load_workbook(streamed_path)
    assert wa.sheetnames == wb.sheetnames
    for name in wa.sheetnames:
        sa, sb = _sheet(wa[name]), _sheet(wb[name])
        assert sa.keys() == sb.keys()
        for key in sa:
            if key == "cells":
                assert len(sa[key]) == len(sb[key]), name
                for r, (ra, rb) in enumerate(zip(sa[key], sb[key]), start=1):
                    assert ra == rb, (name, r)
            else:
                assert sa[key] == sb[key], (name, key)
    return wb


def test_streamed_workbook_is_the_workbook_of_cells(tmp_path):
    plots = _plots(3000)
    findings = [Finding("STD-FAR-MIN", "容积率下限", "error", code, "容积率低于下限 / FAR < min & <x>", value=k / 7,
                        limit=1.2, unit="", source="表2") for k, code in enumerate(plots["DKBH"][:800])]
    old, new = _export_both(plots, str(tmp_path), findings=findings,
                            columns=["ZTBH", "DYBH", "DKBH", "YDYHFLDM", "YDYHFLMC", "YDMJ", "YDMJ_M2", "MJMU",
                                     "RJLXX", "RJLSX", "JZXS", "JZMDXX", "JZMDSX", "LDLSX", "JZXG", "TZQD", "CCQD",
                                     "JRJZMJ", "ZDTZE", "CYL", "KFFQ", "SCJL", "KFZT", "KFSM", "ZBLY"])
    wb = _assert_same(old, new)
    ws = wb.worksheets[0]
    merged = [str(r) for r in ws.merged_cells.ranges if r.min_row > 3 and r.min_row == r.max_row and r.max_col < 20]
    assert len(merged) > 500                                # the merged 未赋值 reasons are there (and the same)
    assert ws.max_row > 3000 and wb["审查结果"].max_row > 800


def test_odd_values_go_through_openpyxl_and_stay_the_same(tmp_path):
    """Texts with markup characters, spaces, line breaks, formula and error look-alikes, characters outside the
    BMP; bools, dates, Decimals, numpy scalars, infinities: the streamed file has exactly openpyxl's cells."""
    old, new = _export_both(_plots(120, odd=True), str(tmp_path), language="en",
                            columns="DKBH,DYBH,ZTBH,YDMJ,JZXG,YXQY,BZ,RJLXX,RJLSX,HYDM")
    wb = _assert_same(old, new)
    texts = {c.value for row in wb.worksheets[0].iter_rows(min_row=4) for c in row if isinstance(c.value, str)}
    assert {"R&D <研发> 中心", "  前导空格", "两行\n文字", "扩展B 𠀀𠀁"} <= texts


@pytest.mark.parametrize("columns", [["YDMJ"], ["DKBH"], ["RJLXX", "RJLSX"]])
def test_narrow_tables(tmp_path, columns):
    """One column (no merged cells at all) and two columns of which both can hold the same reason."""
    _assert_same(*_export_both(_plots(200), str(tmp_path), columns=columns, balance=False))


def test_units_and_clusters_listed_without_plots(tmp_path):
    units = pd.DataFrame({"DYBH": ["Z01-01", "Z01-99", "Z09-01"], "ZTBH": ["Z01", "Z01", "Z09"],
                          "CYHJ": ["改性塑料", "空单元", None]})
    clusters = pd.DataFrame({"ZTBH": ["Z01", "Z02"], "ZTMC": ["一号组团", None], "CYL": [None, "新能源"]})
    _assert_same(*_export_both(_plots(900), str(tmp_path), units=units, clusters=clusters, balance=False))


def test_a_bad_character_fails_both_ways_and_writes_nothing(tmp_path):
    from openpyxl.utils.exceptions import IllegalCharacterError

    plots = _plots(50)
    plots["YXQY"] = ["bad\x01char"] + [None] * 49
    for stream in (False, True):
        with pytest.raises(IllegalCharacterError):
            export_indicator_table(plots, str(tmp_path / "x.xlsx"), stream_rows=stream)
    assert os.listdir(tmp_path) == []


# ------------------------------------------------------------------------------------------- group sums
def _summary_as_before(df, units=None, clusters=None):
    """unit_cluster_summary as it was (boolean filters and pandas sums per group): the reference."""
    from algorithms.export.tables import _info, _parent, DEFAULT_CODES, NO_CODE

    def sums(frame):
        cols = {"_HA": "area_ha", "JRJZMJ": "floor_m2", "ZDTZE": "invest", "_OUTPUT": "output"}
        return {**{name: frame[col].sum(min_count=1) for col, name in cols.items()}, "n_plots": len(frame)}

    def first(frame, col):
        vals = frame[col].dropna() if len(frame) else []
        return vals.iloc[0] if len(vals) else None

    unit_info, cluster_info = _info(units, "DYBH", ("ZTBH", "CYHJ", "CYL")), _info(clusters, "ZTBH", ("ZTMC", "CYL"))
    unit_keys = df[["_ZTBH", "_DYBH"]].drop_duplicates()
    for code, info in unit_info.items():
        if code not in set(unit_keys["_DYBH"]):
            ztbh = info.get("ZTBH") or _parent(DEFAULT_CODES, code) or NO_CODE
            unit_keys = pd.concat([unit_keys, pd.DataFrame({"_ZTBH": [ztbh], "_DYBH": [code]})])
    groups = {k: g for k, g in df.groupby("_DYBH", sort=False)}
    rows = []
    for ztbh, ukeys in unit_keys.sort_values(["_ZTBH", "_DYBH"]).groupby("_ZTBH", sort=True):
        for dybh in ukeys["_DYBH"]:
            g = groups.get(dybh, df.iloc[0:0])
            g = g[g["_ZTBH"] == ztbh] if len(g) else g
            chain = unit_info.get(dybh, {}).get("CYHJ") or first(g, "CYHJ")
            rows.append({"level": "unit", "ZTBH": ztbh, "DYBH": dybh, "name": chain, **sums(g)})
        cg = df[df["_ZTBH"] == ztbh]
        info = cluster_info.get(ztbh, {})
        rows.append({"level": "cluster", "ZTBH": ztbh, "DYBH": None,
                     "name": info.get("ZTMC") or info.get("CYL") or first(cg, "CYL"), **sums(cg)})
    rows.append({"level": "total", "ZTBH": None, "DYBH": None, "name": None, **sums(df)})
    return pd.DataFrame(rows)


def test_summary_equals_the_pandas_sums_bit_for_bit():
    plots = _plots(6000)
    plots["CYHJ"] = np.where(np.arange(6000) % 3 == 0, "改性塑料", None)
    df = prepare_plots(plots)
    units = pd.DataFrame({"DYBH": ["Z01-01", "Z01-99"], "ZTBH": ["Z01", "Z01"], "CYHJ": [None, "空单元"]})
    clusters = pd.DataFrame({"ZTBH": ["Z02"], "ZTMC": ["二号组团"]})
    expected = _summary_as_before(df, units, clusters)
    for by_pandas in (False, True):
        got = unit_cluster_summary(df, units=units, clusters=clusters, by_pandas=by_pandas)
        pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert expected["floor_m2"].isna().any() and expected["floor_m2"].notna().any()


def _same(a, b) -> bool:
    """Equal to the last bit (NaN equals NaN)."""
    return (np.isnan(a) and np.isnan(b)) or (a == b and np.signbit(a) == np.signbit(b))


def test_group_sums_equal_pandas_sums_over_groupby_frames():
    """The subtotals of the plot sheet: each unit, cluster and the total, as pandas sums the groupby frames."""
    plots = _plots(8000)
    plots.loc[plots["DKBH"].str[4:6].eq("03").fillna(False).to_numpy(), ["RJLXX", "TZQD"]] = np.nan
    df = prepare_plots(plots).reset_index(drop=True)
    cols = ["_HA", "YDMJ", "_MU", "JRJZMJ", "ZDTZE", "KFFQ"]
    sums = GroupSums(df, cols)
    units = dict(group_positions(df, ["_ZTBH", "_DYBH"]))
    clusters = group_positions(df, "_ZTBH")
    assert [k for k, _ in clusters] == [k for k, _ in df.groupby("_ZTBH", sort=False)]
    n_empty = 0
    for ztbh, cframe in df.groupby("_ZTBH", sort=False):
        for dybh, uframe in cframe.groupby("_DYBH", sort=False):
            pos = units[(ztbh, dybh)]
            assert list(pos) == list(uframe.index)
            for col in cols:
                want = uframe[col].sum(min_count=1)
                assert _same(sums.sum(col, pos), want), (dybh, col)
                n_empty += bool(np.isnan(want))
        for col in cols:
            assert _same(sums.sum(col, dict(clusters)[ztbh]), cframe[col].sum(min_count=1)), (ztbh, col)
    for col in cols:
        assert _same(sums.sum(col, slice(None)), df[col].sum(min_count=1))
    assert n_empty > 0                                   # units where no plot has the value: NaN, not 0
