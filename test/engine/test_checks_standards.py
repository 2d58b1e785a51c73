"""用地标准审查: plot controls against the 2008 profile, not-checked values, the cluster leading-industry share."""
import algorithms  # noqa: F401  (PROJ data directory before pyproj loads)
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
