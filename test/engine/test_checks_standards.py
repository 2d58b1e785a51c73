"""用地标准审查: plot controls against the 2008 profile, not-checked values, the cluster leading-industry share."""
import algorithms  # noqa: F401  (PROJ data directory before pyproj loads)
import os
import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import box

from algorithms.checks.standards import check_standards
from algorithms.report import render_report

X0, Y0 = 500_000.0, 3_400_000.0
CRS = "EPSG:4545"


def plots():
    # Z01: 2 × 100×100 plots of C26 (化工, FAR min 0.6) and 1 × 100×50 of C39 → leading 26: 20 000 / 25 000 = 80 %
    # Z02: 100×100 of C26, 100×100 of C39, 100×100 of C13 → leading share 33.3 % < 60 %
    rows = [
        ("Z01-01-01", "Z01", "1001", "C26", 0.5, 30.0, 7.0, 15.0, box(X0, Y0, X0 + 100, Y0 + 100)),    # FAR too low
        ("Z01-01-02", "Z01", "1001", "C26", 0.6, 25.0, 8.0, 25.0, box(X0 + 100, Y0, X0 + 200, Y0 + 100)),  # 3 errors
        ("Z01-01-03", "Z01", "100101", "C39", 1.0, 40.0, 5.0, 10.0, box(X0 + 200, Y0, X0 + 300, Y0 + 50)),  # FAR 0.7? ok
        ("Z02-01-01", "Z02", "1001", "C26", np.nan, 30.0, 7.0, 20.0, box(X0, Y0 + 200, X0 + 100, Y0 + 300)),  # no FAR
        ("Z02-01-02", "Z02", "1001", "C39", 1.2, 30.0, 7.0, 20.0, box(X0 + 100, Y0 + 200, X0 + 200, Y0 + 300)),
        ("Z02-01-03", "Z02", "1001", "C13", 1.0, 30.0, 7.0, 20.0, box(X0 + 200, Y0 + 200, X0 + 300, Y0 + 300)),
        ("Z02-01-04", "Z02", "0701", None, np.nan, np.nan, np.nan, np.nan, box(X0, Y0 + 400, X0 + 100, Y0 + 500)),
    ]
    cols = ["DKBH", "ZTBH", "YDYHFLDM", "HYDM", "RJLXX", "JZXS", "XZBGBL", "LDLSX"]
    return gpd.GeoDataFrame([r[:-1] for r in rows], columns=cols, geometry=[r[-1] for r in rows], crs=CRS)


def test_plot_controls_against_2008_profile():
    res = check_standards(plots())
    errs = sorted((f.code, f.rule_id, f.value, f.limit) for f in res.findings if f.severity == "error"
                  and f.rule_id != "STD-LEADING")
    assert errs == [("Z01-01-01", "STD-RJLXX", 0.5, 0.6),
                    ("Z01-01-02", "STD-JZXS", 25.0, 30.0), ("Z01-01-02", "STD-LDLSX", 25.0, 20.0),
                    ("Z01-01-02", "STD-XZBGBL", 8.0, 7.0)]
    st = dict(zip(res.plots.DKBH, res.plots.SCJL))
    assert st["Z01-01-01"] == "不合规" and st["Z01-01-02"] == "不合规"
    # 投资强度: the 2008 table values are unknown in the data → not checked, never a pass
    nc = [f for f in res.findings if f.rule_id == "STD-TZQD"]
    assert len(nc) == 6 and all(f.severity == "not_checked" for f in nc)
    assert st["Z01-01-03"] == "需核实"
    assert {r.rule_id: r.status for r in res.rules}["STD-TZQD"] == "not_checked"
    # a plot without its FAR value is not checked for it
    assert any(f.code == "Z02-01-01" and f.rule_id == "STD-RJLXX" and f.severity == "not_checked" for f in res.findings)
    assert st["Z02-01-04"] == "不适用"                       # 居住用地: the industrial profile does not apply
    assert dict(zip(res.plots.DKBH, res.plots.BZ_RJLXX))["Z01-01-01"] == 0.6
    conf = res.conflicts
    assert len(conf) == 4 and set(conf.DKBH) == {"Z01-01-01", "Z01-01-02"}
    assert conf[conf.DKBH == "Z01-01-01"].iloc[0].CTMJ == pytest.approx(10000.0)


def test_cluster_leading_industry_share():
    res = check_standards(plots())
    lead = [f for f in res.findings if f.rule_id == "STD-LEADING"]
    assert [(f.code, f.severity) for f in lead] == [("Z02", "error")]
    assert lead[0].value == pytest.approx(100 / 3, abs=1e-6) and lead[0].limit == 60.0
    table = res.extra_tables[0][2]
    z01 = [r for r in table if r[0] == "Z01"][0]
    assert z01[1] == "26" and z01[3] == pytest.approx(80.0)
    assert "(未核实)" in lead[0].source
    text = render_report(res)
    assert "用地标准审查报告" in text and "主导产业用地占比" in text and "未检查" in text


def test_region_class_without_values_is_still_not_checked():
    res = check_standards(plots(), region_class="三类")
    assert all(f.severity == "not_checked" for f in res.findings if f.rule_id == "STD-TZQD")


def test_chained_checks_keep_the_worse_status():
    """一张图 then standards: the standards check must not turn a 不合规 plot back into 合规."""
    import geopandas as gpd
    import shapely

    from algorithms.checks.result import carry_previous_status

    prev = gpd.GeoDataFrame({"SCJL": ["不合规", "合规", "需核实", None], "WTSL": [2, 0, 1, None],
                             "WJCGZ": ["", "", "坡度", None], "SCSM": ["生态保护红线", "", "坡度", None]},
                            geometry=[shapely.box(0, 0, 1, 1)] * 4)
    out = prev.copy()
    out["SCJL"], out["WTSL"] = ["合规", "不合规", "不适用", "合规"], [0, 1, 0, 0]
    out["WJCGZ"], out["SCSM"] = ["", "", "", ""], ["", "容积率下限", "", ""]
    carry_previous_status(out, prev)
    assert list(out["SCJL"]) == ["不合规", "不合规", "需核实", "合规"]
    assert list(out["WTSL"]) == [2, 1, 1, 0]
    assert list(out["SCSM"]) == ["生态保护红线", "容积率下限", "坡度", ""]


# ---- (a) the plan's own controls against a local profile; (b) enterprise projects (供地/预审) -------------------
LOCAL = os.path.join(os.path.dirname(__file__), "..", "..", "resources", "standards", "examples",
                     "local_profile_example.yaml")
HEADER = ("地块编号,项目名称,固定资产投资（万元）,总建筑面积（㎡）,建筑基底面积（㎡）,构筑物占地面积（㎡）,堆场占地面积（㎡）,"
          "绿地面积（㎡）,行政办公及生活服务设施用地面积（㎡）,预计年产值（万元）,年税收（万元）")


def project_plots():
    # three 1 ha plots of C26 (2008 表2 行业26: 0.6; the local example: 0.7 for all) and one 0.5 ha plot of C39
    # (2008 表2 行业40: 1.0; the local example: 1.2 for 39)
    rows = [("Z01-01-01", "1001", "C26", 0.7, 30.0, 20.0, 7.0, 3750.0, box(X0, Y0, X0 + 100, Y0 + 100)),
            ("Z01-01-02", "1001", "C26", 0.7, 30.0, 20.0, 7.0, 3750.0, box(X0 + 100, Y0, X0 + 200, Y0 + 100)),
            ("Z01-01-03", "1001", "C39", 1.2, 30.0, 20.0, 7.0, 3750.0, box(X0 + 200, Y0, X0 + 300, Y0 + 50)),
            ("Z01-01-04", "1001", "C26", 0.7, 30.0, 20.0, 7.0, 5000.0, box(X0 + 300, Y0, X0 + 400, Y0 + 100))]
    cols = ["DKBH", "YDYHFLDM", "HYDM", "RJLXX", "JZXS", "LDLSX", "XZBGBL", "TZQD"]
    return gpd.GeoDataFrame([r[:-1] for r in rows], columns=cols, geometry=[r[-1] for r in rows], crs=CRS)


def write_csv(path, lines, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as fh:
        fh.write("\n".join(lines) + "\n")
    return str(path)


def sample_projects(tmp_path):
    return write_csv(tmp_path / "projects.csv", [
        "# 示例 / illustrative",
        HEADER,
        "Z01-01-01,甲公司,3000,5000,2000,500,300,2500,800,5000,400",     # 1 ha: every core figure fails
        "Z01-01-02,乙公司,4000,12000,4000,,,1500,500,,",                  # compliant; no output/tax declared
        "Z01-01-03,丙公司,2000,5000,1200,,,500,200,,",                    # 0.5 ha: FAR 1.0 < 1.2; coefficient 24 %
        "Z01-01-04,丁公司,4500,8000,4000,,,1000,500,,",                   # plot's own TZQD 5000 is the binding one
        "Z09-01-01,戊公司,1000,1000,1000,,,100,10,,",                     # no such plot
    ])


def by_rule(res, code):
    return {f.rule_id: f for f in res.findings if f.code == code and f.rule_id.startswith("PRJ-")}


def test_plan_controls_looser_than_the_local_profile_are_errors_citing_the_clause():
    gdf = project_plots()
    gdf["TZQD"] = [3000.0, 3750.0, 3750.0, 3750.0]       # planner typed 200 万元/亩 < the local 250 万元/亩
    gdf["JZXS"] = [30.0, 25.0, 30.0, 30.0]
    gdf["RJLXX"] = [0.7, 0.7, 1.0, 0.7]                   # C39: below the local 1.2 (and equal to 2008 表2 行业40)
    res = check_standards(gdf, local_profile=LOCAL)
    errs = {(f.code, f.rule_id): f for f in res.findings if f.severity == "error" and f.rule_id.startswith("STD-")}
    assert sorted(errs) == [("Z01-01-01", "STD-TZQD"), ("Z01-01-02", "STD-JZXS"), ("Z01-01-03", "STD-RJLXX")]
    tz = errs[("Z01-01-01", "STD-TZQD")]
    assert (tz.value, tz.limit, tz.unit) == (3000.0, 3750.0, "万元/公顷")
    assert "投资强度≥250万元/亩" in tz.source and "示例：某市工业用地出让条件" in tz.source
    jz = errs[("Z01-01-02", "STD-JZXS")]
    assert "国土资发〔2008〕24号" in jz.source and "建筑系数条" in jz.source        # document and clause
    assert errs[("Z01-01-03", "STD-RJLXX")].limit == 1.2 and "示例 电子信息产业" in errs[("Z01-01-03", "STD-RJLXX")].source
    rules = {r.rule_id: r for r in res.rules}
    assert rules["STD-TZQD"].n_features == 4 and rules["STD-TZQD"].n_errors == 1 and rules["STD-TZQD"].n_plots == 1
    assert dict(zip(res.plots.DKBH, res.plots.BZSCJL))["Z01-01-04"] == "合规"
    assert res.counts()["不合规"] == 3


def test_projects_against_plot_controls_and_the_standard(tmp_path):
    res = check_standards(project_plots(), local_profile=LOCAL, projects=sample_projects(tmp_path))
    a = by_rule(res, "Z01-01-01")                          # 1 ha
    expect = {"PRJ-TZQD": (3000.0, 3750.0), "PRJ-RJLXX": (0.5, 0.7), "PRJ-JZXS": (28.0, 30.0),
              "PRJ-JZMDXX": (20.0, 35.0), "PRJ-LDLSX": (25.0, 20.0), "PRJ-XZBGBL": (8.0, 7.0),
              "PRJ-CCQD": (5000.0, 6000.0)}
    assert set(a) == set(expect) and all(f.severity == "error" for f in a.values())
    for rid, (value, limit) in expect.items():
        assert a[rid].value == pytest.approx(value, abs=1e-6) and a[rid].limit == limit, rid
    assert a["PRJ-JZXS"].unit == "%" and "建筑系数条" in a["PRJ-JZXS"].source
    assert "出让公告 容积率≥0.7" in a["PRJ-RJLXX"].source          # the local value is stricter than 2008 表2 行业26
    assert "甲公司" in a["PRJ-TZQD"].message and a["PRJ-TZQD"].extra["project"] == "甲公司"
    assert by_rule(res, "Z01-01-02") == {}                  # compliant; output and tax not declared → not checked
    c = by_rule(res, "Z01-01-03")                          # 0.5 ha
    assert c["PRJ-RJLXX"].value == pytest.approx(1.0) and c["PRJ-RJLXX"].limit == 1.2
    assert "示例 电子信息产业" in c["PRJ-RJLXX"].source       # the local industry value is the stricter one
    assert c["PRJ-JZXS"].severity == "warning" and c["PRJ-JZXS"].value == pytest.approx(24.0)   # yards left blank
    d = by_rule(res, "Z01-01-04")
    assert list(d) == ["PRJ-TZQD"] and d["PRJ-TZQD"].limit == 5000.0 and "地块控制指标 TZQD=5000" in d["PRJ-TZQD"].source
    unknown = [f for f in res.findings if f.rule_id == "PRJ-TABLE"]
    assert [(f.code, f.severity) for f in unknown] == [("Z09-01-01", "warning")] and "第 7 行" in unknown[0].message
    st = dict(zip(res.plots.DKBH, res.plots.BZSCJL))
    assert st == {"Z01-01-01": "不合规", "Z01-01-02": "合规", "Z01-01-03": "不合规", "Z01-01-04": "不合规"}
    out = res.plots.set_index("DKBH")
    assert out.at["Z01-01-03", "XM_TZQD"] == pytest.approx(4000.0) and out.at["Z01-01-02", "XMMC"] == "乙公司"
    rules = {r.rule_id: r for r in res.rules}
    assert rules["PRJ-TZQD"].n_features == 4 and rules["PRJ-TZQD"].n_errors == 2
    assert rules["PRJ-CCQD"].n_features == 1                # only 甲 declared an output
    conf = res.conflicts
    assert set(conf[conf.GZBH == "PRJ-TZQD"].DKBH) == {"Z01-01-01", "Z01-01-04"}


def test_project_table_formats_units_and_pinyin_headers(tmp_path):
    gbk = write_csv(tmp_path / "gbk.csv", ["DKBH,GDZCTZ,LDMJ（亩）", "Z01-01-01,0.3,3.75"], encoding="gbk")
    res = check_standards(project_plots(), local_profile=LOCAL, projects=gbk)
    a = by_rule(res, "Z01-01-01")
    assert a["PRJ-TZQD"].value == pytest.approx(0.3)        # 万元 by default
    assert a["PRJ-LDLSX"].value == pytest.approx(25.0)      # 3.75 亩 = 2500 m² of a 1 ha plot
    assert {r.rule_id: r.status for r in res.rules}["PRJ-XZBGBL"] == "not_checked"     # core column missing
    assert a["PRJ-XZBGBL"].severity == "not_checked"
    assert {r.rule_id: r.status for r in res.rules}["PRJ-CCQD"] == "not_requested"     # optional column missing
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目地块", "固定资产投资（亿元）", "总建筑面积(公顷)"])
    ws.append(["Z01-01-02", 0.2, 1.1])
    wb.save(tmp_path / "p.xlsx")
    res = check_standards(project_plots(), local_profile=LOCAL, projects=str(tmp_path / "p.xlsx"),
                          project_code_field="项目地块")
    b = by_rule(res, "Z01-01-02")
    assert b["PRJ-TZQD"].value == pytest.approx(2000.0) and b["PRJ-TZQD"].severity == "error"
    assert dict(zip(res.plots.DKBH, res.plots.XM_RJL))["Z01-01-02"] == pytest.approx(1.1)


@pytest.mark.parametrize("lines,code,words", [
    (["项目名称,固定资产投资（万元）", "甲,100"], "E_PROJECT_NO_CODE", ["地块编号", "PROJECT_CODE_FIELD"]),
    (["地块编号,项目名称", "Z01-01-01,甲"], "E_PROJECT_NO_INDICATOR", ["固定资产投资（万元）"]),
    ([HEADER, "Z01-01-01,甲,约3000,,,,,,,,"], "E_PROJECT_CELL", ["第 2 行", "固定资产投资（万元）", "约3000"]),
    ([HEADER, "Z01-01-01,甲,3000,-5,,,,,,,"], "E_PROJECT_CELL", ["第 2 行", "总建筑面积（㎡）", "负数"]),
    ([HEADER, ",甲,3000,,,,,,,,"], "E_PROJECT_CELL", ["第 2 行", "地块编号为空"]),
    ([HEADER, "Z01-01-01,甲,3000,,,,,,,,", "Z01-01-01,乙,3000,,,,,,,,"], "E_PROJECT_DUPLICATE", ["Z01-01-01", "2、3"]),
    (["地块编号,固定资产投资（美元）", "Z01-01-01,1"], "E_PROJECT_UNIT", ["美元", "万元"]),
    (["地块编号,绿地面积,LDMJ", "Z01-01-01,1,1"], "E_PROJECT_COLUMN_TWICE", ["绿地面积", "LDMJ"]),
])
def test_bad_project_tables_stop_naming_row_and_column(tmp_path, lines, code, words):
    from algorithms.errors import InputError

    path = write_csv(tmp_path / "bad.csv", lines)
    with pytest.raises(InputError) as e:
        check_standards(project_plots(), projects=path)
    assert e.value.code == code
    for w in words:
        assert w in e.value.message_zh, (w, e.value.message_zh)
    assert path in e.value.message_en


def test_project_fields_on_the_plot_layer():
    gdf = project_plots()
    gdf["GDZCTZ"] = [3000.0, None, None, None]
    gdf["LDMJ"] = [1000.0, None, None, None]
    res = check_standards(gdf, local_profile=LOCAL)
    a = by_rule(res, "Z01-01-01")
    assert a["PRJ-TZQD"].severity == "error" and a["PRJ-RJLXX"].severity == "not_checked"   # no ZJZMJ field
    assert "PRJ-LDLSX" not in a                               # 10 % ≤ 20 %
    assert by_rule(res, "Z01-01-02") == {}                   # no project figures on this plot
    assert {r.rule_id: r.source for r in res.rules}["PRJ-TZQD"].startswith("地块图层字段")
    plain = check_standards(project_plots())
    assert [(r.rule_id, r.status) for r in plain.rules if r.kind == "project"] == [("PRJ", "not_requested")]


def test_report_counts_are_this_checks_own(tmp_path):
    gdf = project_plots()
    gdf["SCJL"] = ["合规", "不合规", "不合规", "需核实"]      # an earlier 一张图 check
    res = check_standards(gdf, local_profile=LOCAL, projects=sample_projects(tmp_path))
    assert res.counts() == {"合规": 1, "不合规": 3, "需核实": 0, "未审查": 0}
    assert res.previous_counts == {"合规": 1, "不合规": 2, "需核实": 1, "未审查": 0}
    out = res.plots.set_index("DKBH")
    assert list(out.QXSCJL) == ["合规", "不合规", "不合规", "需核实"]
    assert list(out.SCJL) == ["不合规", "不合规", "不合规", "不合规"]       # the combined status for later steps
    text = render_report(res)
    assert "不合规<b>3</b>" in text and "合规<b>1</b>" in text and "需核实<b>0</b>" in text
    assert "前序审查结论（非本次审查）" in text and "合规 1、不合规 2、需核实 1" in text
    assert "PRJ-LDLSX 绿地率（1 处）" in text and "国土资发〔2008〕24号" in text and "甲公司" in text


def test_readme_lists_the_project_columns():
    from algorithms.checks.projects import columns_markdown

    readme = os.path.join(os.path.dirname(__file__), "..", "..", "README.md")
    with open(readme, encoding="utf-8") as fh:
        assert columns_markdown() in fh.read(), "README.md: paste algorithms.checks.projects.columns_markdown()"
