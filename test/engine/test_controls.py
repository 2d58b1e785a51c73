"""assign_controls: precedence, sources (ZBLY), derived values, units, not-checked and bad-input paths."""
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from algorithms.controls import assign_controls, control_totals, parse_sources
from algorithms.standards import CONTROL_FIELDS, load_profile


#: a city's local grid (独立坐标系): the origin lies near the site, so coordinates near 0 are real
LOCAL_GRID = "+proj=tmerc +lat_0=22.5 +lon_0=114 +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs"

def _plots(rows, size=100.0):
    """rows: dicts of attributes; each plot is a size × size m square (1 ha at 100 m) in a city's local grid
    (独立坐标系, origin near the site: coordinates near 0 are real there)."""
    geoms = [shapely.box(i * 200, 0, i * 200 + size, size) for i in range(len(rows))]
    return gpd.GeoDataFrame(pd.DataFrame(rows), geometry=geoms, crs=LOCAL_GRID)


def _zbly(out, i):
    """{field: source} of plot ``i``, read by hand (grouped 未赋值 segments "F1,F2:reason" expanded)."""
    got = {}
    for seg in out.loc[i, "ZBLY"].split("; "):
        keys, value = seg.split(":", 1)
        got.update({k: value for k in keys.split(",")})
    return got


def test_profile_by_industry_and_class():
    plots = _plots([{"DKBH": "Z01-01-01", "YDYHFLDM": "100101", "HYDM": "C2611"},
                    {"DKBH": "Z01-01-02", "YDYHFLDM": "1001", "HYDM": "3612"},    # 2017 汽车 → 2002 37
                    {"DKBH": "Z01-01-03", "YDYHFLDM": "0701", "HYDM": "13"}])     # residential: no profile values
    out, _ = assign_controls(plots, profile=load_profile("gongye_2008"), region_class="三类")
    assert out.loc[0, "RJLXX"] == 0.6 and out.loc[1, "RJLXX"] == 0.7
    assert np.isnan(out.loc[2, "RJLXX"]) and np.isnan(out.loc[2, "JZXS"])
    assert (out.loc[0, "JZXS"], out.loc[0, "XZBGBL"], out.loc[0, "LDLSX"]) == (30, 7, 20)
    z = _zbly(out, 0)
    assert z["RJLXX"] == "2008表2 行业26" and z["TZQD"] == "未赋值：无标准值"
    assert _zbly(out, 1)["RJLXX"] == "2008表2 行业37"
    assert out.loc[0, "YDYHFLMC"] == "一类工业用地" and out.loc[2, "YDYHFLMC"] == "城镇住宅用地"
    # derived: 1 ha plot
    assert out.loc[0, "YDMJ"] == pytest.approx(10_000.0)
    assert out.loc[0, "JRJZMJ"] == pytest.approx(6_000.0)
    assert np.isnan(out.loc[0, "ZDTZE"])          # no 投资强度 value → no minimum investment
    assert list(out.index) == [0, 1, 2]


def test_precedence_chain():
    plots = _plots([
        {"DKBH": "Z01-01-01", "DYBH": "Z01-01", "YDYHFLDM": "1001", "HYDM": "26", "RJLXX": 1.5},  # own value
        {"DKBH": "Z01-01-02", "DYBH": "Z01-01", "YDYHFLDM": "1001", "HYDM": "26"},   # DKBH override
        {"DKBH": "Z01-01-03", "DYBH": "Z01-01", "YDYHFLDM": "1001", "HYDM": "26"},   # unit default
        {"DKBH": "Z01-02-01", "DYBH": "Z01-02", "YDYHFLDM": "1001", "HYDM": "26"},   # cluster default
        {"DKBH": "Z02-01-01", "DYBH": "Z02-01", "YDYHFLDM": "1001", "HYDM": "26"},   # profile by industry
        {"DKBH": "Z02-01-02", "DYBH": "Z02-01", "YDYHFLDM": "1001", "HYDM": "13"},   # HYDM override
    ])
    units = pd.DataFrame({"DYBH": ["Z01-01", "Z01-02", "Z02-01"], "ZTBH": ["Z01", "Z01", "Z02"],
                          "RJLXX": [1.1, np.nan, np.nan], "JZXG": [24.0, np.nan, np.nan]})
    clusters = pd.DataFrame({"ZTBH": ["Z01", "Z02"], "RJLXX": [0.9, np.nan], "JZXG": [40.0, 50.0]})
    overrides = pd.DataFrame({"DKBH": ["Z01-01-02", None], "HYDM": [None, "C13"], "RJLXX": [1.3, 1.6],
                              "TZQD_MU": [300, None]})
    out, _ = assign_controls(plots, units=units, clusters=clusters, profile=load_profile(), region_class=1,
                             overrides=overrides)
    assert list(out["RJLXX"]) == [1.5, 1.3, 1.1, 0.9, 0.6, 1.6]
    assert _zbly(out, 0)["RJLXX"] == "地块自有"
    assert _zbly(out, 1)["RJLXX"] == "覆盖表 第1行(DKBH)"
    assert _zbly(out, 2)["RJLXX"] == "单元 Z01-01 默认"
    assert _zbly(out, 3)["RJLXX"] == "组团 Z01 默认"
    assert _zbly(out, 4)["RJLXX"] == "2008表2 行业26"
    assert _zbly(out, 5)["RJLXX"] == "覆盖表 第2行(HYDM)"
    # per-亩 override converted ×15, derived minimum investment = 4500 万元/公顷 × 1 ha
    assert out.loc[1, "TZQD"] == 4500.0 and out.loc[1, "ZDTZE"] == pytest.approx(4500.0)
    assert list(out["JZXG"]) == [24.0, 24.0, 24.0, 40.0, 50.0, 50.0]
    # hierarchy filled from codes and the unit layer
    assert list(out["ZTBH"]) == ["Z01", "Z01", "Z01", "Z01", "Z02", "Z02"]


def test_overrides_file_csv_gbk_and_landuse_key(tmp_path):
    p = tmp_path / "ov.csv"
    p.write_text("YDYHFLDM,JZXG,RJLSX\n1001,30,2.5\n0701,,\n", encoding="gbk")
    plots = _plots([{"DKBH": "Z01-01-01", "YDYHFLDM": "100102", "HYDM": "34"}])
    out, _ = assign_controls(plots, profile=load_profile(), overrides=str(p))
    assert (out.loc[0, "JZXG"], out.loc[0, "RJLSX"]) == (30.0, 2.5)
    assert _zbly(out, 0)["JZXG"] == "覆盖表 第2行(YDYHFLDM)"


def test_local_profile_output_and_tax(tmp_path):
    local = tmp_path / "l.yaml"
    local.write_text("base: gongye_2008\nname: 园区\nlimits:\n  CCQD: {value: 400, unit: 万元/亩}\n"
                     "  DJSS: {value: 20, unit: 万元/亩}\n  TZQD: {value: 250, unit: 万元/亩}\n", encoding="utf-8")
    plots = _plots([{"DKBH": "Z01-01-01", "YDYHFLDM": "1001", "HYDM": "26"},
                    {"DKBH": "Z01-01-02", "YDYHFLDM": "1001", "HYDM": "26"}], size=200.0)   # 4 ha each
    out, findings = assign_controls(plots, profile=load_profile("gongye_2008", local=str(local)))
    assert out.loc[0, "CCQD"] == 6000.0 and out.loc[0, "DJSS"] == 300.0 and out.loc[0, "TZQD"] == 3750.0
    assert out.loc[0, "YJCZ"] == pytest.approx(24_000.0)    # 6000 万元/公顷 × 4 ha
    assert out.loc[0, "YJSS"] == pytest.approx(1_200.0)
    assert out.loc[0, "ZDTZE"] == pytest.approx(15_000.0)
    assert _zbly(out, 0)["TZQD"].startswith("园区:")
    assert not [f for f in findings if f.rule_id == "STD-NO-VALUE" and f.extra["field"] == "TZQD"]
    tot = control_totals(out, by="DYBH")
    assert tot.loc[0, "DKSL"] == 2 and tot.loc[0, "YDMJ"] == pytest.approx(80_000.0)
    assert tot.loc[0, "YJCZ"] == pytest.approx(48_000.0) and tot.loc[0, "JRJZMJ"] == pytest.approx(48_000.0)
    tot = control_totals(out, by="ZTBH")
    assert tot.loc[0, "ZTBH"] == "Z01" and tot.loc[0, "ZDTZE"] == pytest.approx(30_000.0)


def test_not_checked_path():
    plots = _plots([{"DKBH": f"Z01-01-0{i}", "YDYHFLDM": "1001", "HYDM": "26"} for i in range(1, 4)])
    out, findings = assign_controls(plots, profile=load_profile(), region_class="二类")
    nc = [f for f in findings if f.severity == "not_checked" and f.extra.get("field") == "TZQD"]
    assert len(nc) == 1 and nc[0].extra["n_plots"] == 3
    assert "没有标准值" in nc[0].message and "not checked" in nc[0].message
    assert out["TZQD"].isna().all() and all(_zbly(out, i)["TZQD"] == "未赋值：无标准值" for i in range(3))


def test_unknown_code_lists_nearest():
    plots = _plots([{"DKBH": "Z01-01-01", "YDYHFLDM": "1009", "HYDM": "26"}])
    out, findings = assign_controls(plots, profile=load_profile())
    f = [x for x in findings if x.rule_id == "STD-LANDUSE-UNKNOWN"]
    assert len(f) == 1 and f[0].code == "Z01-01-01" and f[0].severity == "error"
    assert f[0].extra["nearest"].split(",") == ["1001", "1002", "1003"]
    assert "1001 工业用地" in f[0].message and f[0].geometry is not None
    assert np.isnan(out.loc[0, "RJLXX"])


def test_industrial_without_hydm_flagged_and_uses_class_defaults():
    plots = _plots([{"DKBH": "Z01-01-01", "YDYHFLDM": "100102", "HYDM": None}])
    out, findings = assign_controls(plots, profile=load_profile())
    assert [f.rule_id for f in findings if f.severity == "warning"] == ["STD-HYDM-MISSING"]
    assert out.loc[0, "JZXS"] == 30 and np.isnan(out.loc[0, "RJLXX"])
    assert _zbly(out, 0)["RJLXX"] == "未赋值：无标准值（缺行业代码）"
    assert any(f.rule_id == "STD-NO-VALUE" and f.extra["field"] == "RJLXX" for f in findings)


def test_2020_codes_migrated_and_flagged():
    plots = _plots([{"DKBH": "Z01-01-01", "YDYHFLDM": "1313"}, {"DKBH": "Z01-01-02", "YDYHFLDM": "0603"}])
    out, findings = assign_controls(plots, profile=load_profile())
    assert list(out["YDYHFLDM"]) == ["1312", "060202"]
    assert sorted(f.code for f in findings if f.rule_id == "STD-LANDUSE-2020") == ["0603", "1313"]


def test_ambiguous_industry_not_checked():
    plots = _plots([{"DKBH": "Z01-01-01", "YDYHFLDM": "1001", "HYDM": "C29"},
                    {"DKBH": "Z01-01-02", "YDYHFLDM": "1001", "HYDM": "C2921"}])
    out, findings = assign_controls(plots, profile=load_profile())
    assert np.isnan(out.loc[0, "RJLXX"]) and out.loc[1, "RJLXX"] == 1.0
    assert [f.code for f in findings if f.rule_id == "STD-HYDM-UNMAPPED"] == ["29"]


def test_unconfirmed_profile_flagged():
    plots = _plots([{"DKBH": "Z01-01-01", "YDYHFLDM": "1001", "HYDM": "C3611"}])
    out, findings = assign_controls(plots, profile=load_profile("gongye_2023"))
    assert out.loc[0, "RJLXX"] == 0.8 and _zbly(out, 0)["RJLXX"].endswith("(未核实)")
    assert any(f.rule_id == "STD-UNCONFIRMED" for f in findings)


def test_overrides_xlsx_and_long_sources(tmp_path):
    path = tmp_path / "ov.xlsx"
    pd.DataFrame({"DYBH": ["Z01-01"], "RJLSX": [2.2], "JZMDSX": [60]}).to_excel(path, index=False)
    local = tmp_path / "l.yaml"
    local.write_text("base: gongye_2008\nname: " + "很长的地方配置名称" * 6 + "\nlimits:\n  JZXS: {value: 35, source: "
                     + "地方文件第一条" * 5 + "}\n  LDLSX: {value: 15, source: " + "地方文件第二条" * 5 + "}\n",
                     encoding="utf-8")
    plots = _plots([{"DKBH": "Z01-01-01", "YDYHFLDM": "1001", "HYDM": "26"}])
    out, _ = assign_controls(plots, profile=load_profile("gongye_2008", local=str(local)), overrides=str(path))
    assert (out.loc[0, "RJLSX"], out.loc[0, "JZMDSX"], out.loc[0, "JZXS"], out.loc[0, "LDLSX"]) == (2.2, 60, 35, 15)
    z = out.loc[0, "ZBLY"]
    assert len(z) == 254 and z.startswith("RJLXX:2008表2 行业26; RJLSX:覆盖表 第2行(DYBH)")
    # the value sources are shortened, the reasons of the empty controls are kept whole at the end
    assert "…; " in z and z.endswith("; JZXG:未赋值：无限高来源")
    parsed = parse_sources(z)
    assert parsed["TZQD"] == "未赋值：无标准值" and parsed["JZXG"] == "未赋值：无限高来源"
    assert parsed["RJLXX"] == "2008表2 行业26" and "LDLSX" not in parsed    # the cut segment is not misread


def test_every_empty_control_says_why():
    """Issue 14 item 6: 物流仓储 under the 2008 profile, housing, no land-use code, 建筑限高 with no source."""
    plots = _plots([{"DKBH": "Z01-01-01", "YDYHFLDM": "110101", "HYDM": "59"},
                    {"DKBH": "Z01-01-02", "YDYHFLDM": "0701"},
                    {"DKBH": "Z01-01-03", "YDYHFLDM": None},
                    {"DKBH": "Z01-01-04", "YDYHFLDM": "100101", "HYDM": "26", "JZXG": 24.0}])
    out, _ = assign_controls(plots, profile=load_profile("gongye_2008"))
    for i in range(4):
        z = _zbly(out, i)
        for f in CONTROL_FIELDS:
            if np.isnan(out.loc[i, f]):
                assert z[f].startswith("未赋值："), (i, f, z.get(f))
            else:
                assert not z[f].startswith("未赋值"), (i, f)
    assert out.loc[0, list(CONTROL_FIELDS)].isna().all()
    z = _zbly(out, 0)
    assert z["RJLXX"] == z["TZQD"] == "未赋值：2008标准不适用于物流仓储用地(1101)" and z["JZXG"] == "未赋值：无限高来源"
    assert _zbly(out, 1)["JZXS"] == "未赋值：2008标准不适用于城镇住宅用地(0701)"
    assert _zbly(out, 2)["JZXS"] == "未赋值：无用地代码"
    z = _zbly(out, 3)
    assert z["JZXG"] == "地块自有" and z["RJLSX"] == "未赋值：2008标准无此指标" and z["TZQD"] == "未赋值：无标准值"
    # grouped: one segment per reason, the reasons after the value sources
    text = out.loc[0, "ZBLY"]
    assert text == ("RJLXX,RJLSX,JZXS,JZMDXX,JZMDSX,LDLSX,XZBGBL,TZQD,CCQD,DJSS:未赋值：2008标准不适用于物流仓储用地(1101); "
                    "JZXG:未赋值：无限高来源")
    assert out.loc[3, "ZBLY"].index("JZXS:2008正文") < out.loc[3, "ZBLY"].index("未赋值")
