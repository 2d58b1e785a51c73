"""The 一张图 report counts land once: net area = the area of the union of the conflicts (red line and farmland
overlapping on one plot), per plot and in total; each conflicting plot drawn once; 处理建议 from the rule data; the
boundary tolerance turns small overlaps into 需核实（疑似边界误差） and the report says which threshold applied."""
import re

import numpy as np

import algorithms  # noqa: F401  (PROJ data directory before pyproj loads)
import geopandas as gpd
import pytest
import shapely

from algorithms.checks import check_masterplan
from algorithms.report import render_report
from algorithms.report.sections import net_areas

X0, Y0 = 36_400_000.0, 3_400_000.0   # EPSG:4524


def b(x0, y0, x1, y1):
    return shapely.box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def _plots():
    return gpd.GeoDataFrame({"DKBH": ["A", "B", "C"], "YDYHFLDM": ["1001"] * 3},
                            geometry=[b(0, 0, 100, 100), b(200, 0, 300, 100), b(400, 0, 500, 100)], crs=4524)


def _layers():
    # on A the red line (x 50–150) and the farmland (y 40–140, x 0–80) overlap on x 50–80, y 40–100
    red = gpd.GeoDataFrame({"BSM": ["E1"]}, geometry=[b(50, -50, 150, 150)], crs=4524)
    farm = gpd.GeoDataFrame({"BSM": ["F1", "F2"]}, geometry=[b(0, 40, 80, 140), b(290, 0, 300, 100)], crs=4524)
    return red, farm


def test_net_area_is_the_union_of_the_conflicts():
    red, farm = _layers()
    res = check_masterplan(_plots(), ecological_redline=red, farmland=farm)
    net = net_areas(res)
    # independent: A ∩ (red ∪ farm) and B ∩ farm
    plots = _plots().geometry
    expect_a = plots[0].intersection(red.geometry[0].union(farm.geometry[0])).area
    expect_b = plots[1].intersection(farm.geometry[1]).area
    assert expect_a == pytest.approx(50 * 100 + 50 * 60)                       # 8 000 m², by hand
    per = dict(zip(net.per_plot["DKBH"], net.per_plot["net"]))
    assert per == pytest.approx({"A": expect_a, "B": expect_b})
    assert net.net == pytest.approx(expect_a + expect_b) and net.fail == pytest.approx(net.net)
    union = shapely.union_all(res.conflicts.geometry.to_numpy()).area
    assert net.net == pytest.approx(union, abs=0.01)
    rules_sum = sum(r.area for r in res.rules)                               # counts x 50–80, y 40–100 twice
    assert rules_sum == pytest.approx(net.net + 30 * 60)
    text = render_report(res)
    assert f"{net.net:,.2f}" in text and f"{rules_sum:,.2f}" in text and "每平方米只计一次" in text
    assert re.search(r"<td>A</td><td>生态保护红线 5,000.00；永久基本农田 4,800.00</td>", text)
    # A has two conflicts but one map; B one map; the overview names every layer
    assert text.count("<svg") == 1 + 2
    assert "生态保护红线</span>" in text and "永久基本农田</span>" in text
    assert "调出" in text and "核减" in text                                   # 处理建议 from review_actions.csv


def test_boundary_tolerance_marks_small_overlaps_to_verify():
    red = gpd.GeoDataFrame({"BSM": ["E1"]}, geometry=[b(-2, 0, 0.08, 100)], crs=4524)   # 8 m² on A
    res = check_masterplan(_plots(), ecological_redline=red)
    assert res.plots.set_index("DKBH").loc["A", "SCJL"] == "不合规"
    assert "边界容差：</b>" not in render_report(res) and "边界容差：未启用" in render_report(res)
    res = check_masterplan(_plots(), ecological_redline=red, boundary_tolerance=10.0)
    assert res.plots.set_index("DKBH").loc["A", "SCJL"] == "需核实"
    row = res.conflicts.iloc[0]
    assert row["YZCD"] == "警告" and "疑似边界误差" in row["SM"] and "10" in row["SM"]
    text = render_report(res)
    assert "边界容差：</b>10" in text and "需核实（疑似边界误差）" in text and "核实边界误差" in text
    assert net_areas(res).verify == pytest.approx(8.0) and net_areas(res).fail == 0
    # an overlap above the tolerance stays 不合规
    res = check_masterplan(_plots(), ecological_redline=red, boundary_tolerance=7.9)
    assert res.plots.set_index("DKBH").loc["A", "SCJL"] == "不合规"


def test_a_plot_under_the_boundary_tolerance_is_not_set_apart():
    """Later steps read 不合规 from the CT_ fields (algorithms/planstate.py): a 需核实（疑似边界误差） plot writes none."""
    from algorithms.planstate import plan_state

    red = gpd.GeoDataFrame({"BSM": ["E1", "E2"]}, geometry=[b(-2, 0, 0.08, 100), b(250, 0, 350, 100)], crs=4524)
    res = check_masterplan(_plots(), ecological_redline=red, boundary_tolerance=10.0)
    out = res.plots.set_index("DKBH")
    assert out.loc["A", "CT_STHX"] == 0 and out.loc["B", "CT_STHX"] == pytest.approx(5000.0)
    state = plan_state(res.plots)
    assert list(state.blocked) == [False, True, False] and list(state.verify) == [True, False, False]
    assert res.rules[0].area == pytest.approx(5000.0)


def test_net_total_counts_land_of_overlapping_plots_once():
    """Two plots that overlap each other (bad data) and both meet the red line: per plot each its own part, the
    total the union (the overlap of the two conflict parts once); a third plot apart adds its area."""
    plots = gpd.GeoDataFrame({"DKBH": ["A", "B", "C"], "YDYHFLDM": ["1001"] * 3},
                             geometry=[b(0, 0, 100, 100), b(60, 0, 160, 100), b(400, 0, 500, 100)], crs=4524)
    red = gpd.GeoDataFrame({"BSM": ["E1", "E2"]}, geometry=[b(50, 0, 120, 100), b(450, 0, 470, 100)], crs=4524)
    net = net_areas(check_masterplan(plots, ecological_redline=red))
    per = dict(zip(net.per_plot["DKBH"], net.per_plot["net"]))
    assert per == pytest.approx({"A": 50 * 100, "B": 60 * 100, "C": 20 * 100})
    assert net.fail == pytest.approx(70 * 100 + 20 * 100) and net.net == pytest.approx(net.fail)


def test_overview_of_many_plots_is_drawn_in_paths_qt_can_read():
    """The overview writes all plots as a few paths (none over Qt's 32 767 points) with every plot's ring."""
    from algorithms.report.svgmap import View, bulk_path

    n = 20_000
    x = (np.arange(n) % 150) * 10.0
    y = (np.arange(n) // 150) * 10.0
    geoms = shapely.box(X0 + x, Y0 + y, X0 + x + 8, Y0 + y + 8)
    view = View(shapely.total_bounds(geoms), 680)
    paths = bulk_path(view, geoms)
    points = [p.count("M") + p.count("L") for p in paths]
    assert len(paths) > 1 and max(points) <= 32_767
    assert sum(p.count("M") for p in paths) == n and sum(p.count("Z") for p in paths) == n


def test_report_reuses_the_checks_dissolved_conflict():
    """A plot under two overlapping red-line features: the check dissolves its two rows (CheckResult.dissolved),
    the report's net area takes that union, and without it (dissolved again in the report) gets the same."""
    red = gpd.GeoDataFrame({"BSM": ["E1", "E2"]}, geometry=[b(50, -50, 150, 150), b(20, 0, 70, 100)], crs=4524)
    res = check_masterplan(_plots(), ecological_redline=red)
    assert list(res.dissolved["MP-ECO"]) == ["A"]
    expect = _plots().geometry[0].intersection(red.geometry[0].union(red.geometry[1])).area   # x 20–100: 8 000
    assert expect == pytest.approx(8000.0)
    with_known = net_areas(res)
    res.dissolved = {}
    again = net_areas(res)
    assert with_known.fail == pytest.approx(expect) and again.fail == pytest.approx(expect)
    assert dict(zip(with_known.per_plot["DKBH"], with_known.per_plot["net"])) == pytest.approx({"A": expect})
