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


def _reference_net(res):
    """The net areas by their definition, GEOS throughout: per plot the union of its 不合规 parts and of its 需核实
    parts outside them (every part made valid), the totals the union over all plots."""
    from algorithms.geometry import exact_area, polygonal
    from algorithms.report.netarea import AREA_KINDS

    kinds = {r.rule_id: r.kind for r in res.rules}
    c = res.conflicts
    c = c[c["GZBH"].map(kinds).isin(AREA_KINDS) & c.geometry.notna() & (c["CTMJ"] > 0)
          & c["YZCD"].isin(["错误", "警告"])]
    geoms = polygonal(shapely.make_valid(c.geometry.to_numpy()))
    per, fails, verifies = {}, [], []
    for code in c["DKBH"].astype(str).unique():
        mine = (c["DKBH"].astype(str) == code).to_numpy()
        fail = shapely.union_all(geoms[mine & (c["YZCD"] == "错误").to_numpy()])
        verify = shapely.difference(shapely.union_all(geoms[mine & (c["YZCD"] == "警告").to_numpy()]), fail)
        fails.append(fail)
        verifies.append(verify)
        per[code] = tuple(exact_area(polygonal(np.array([fail, verify], dtype=object))))
    fail_u = shapely.union_all(fails)
    totals = exact_area(polygonal(np.array([fail_u, shapely.difference(shapely.union_all(verifies), fail_u)],
                                           dtype=object)))
    return per, totals


def _mixed_case():
    """Plots where each path of the net area matters: A one red-line row; B two overlapping red-line features (the
    check dissolves them); C red line and farmland overlapping (two rules: a union here); D and E overlap each other
    (bad data), both under the red line; G 不合规 farmland and a red-line overlap below the boundary tolerance
    (需核实（疑似边界误差）): both results on one plot; H no land-use code (需核实 only); K apart."""
    plots = gpd.GeoDataFrame(
        {"DKBH": list("ABCDEGHK"), "YDYHFLDM": ["1001"] * 6 + [None, "1001"]},
        geometry=[b(0, 0, 100, 100), b(200, 0, 300, 100), b(400, 0, 500, 100), b(600, 0, 700, 100),
                  b(650, 0, 750, 100), b(800, 0, 900, 100), b(1000, 0, 1100, 100), b(1200, 0, 1300, 100)], crs=4524)
    red = gpd.GeoDataFrame({"BSM": [f"E{i}" for i in range(6)]},
                           geometry=[b(50, -50, 150, 150), b(220, 10, 280, 90), b(250, 0, 320, 100),
                                     b(430, 0, 480, 100), b(640, 20, 720, 80), b(897, 0, 900, 2)], crs=4524)
    red = gpd.GeoDataFrame({"BSM": list(red["BSM"]) + ["E6"]},
                           geometry=list(red.geometry) + [b(1050, 0, 1150, 100)], crs=4524)
    farm = gpd.GeoDataFrame({"BSM": ["F1", "F2"]}, geometry=[b(460, 50, 600, 150), b(820, 0, 880, 100)],
                            crs=4524)
    return check_masterplan(plots, ecological_redline=red, farmland=farm, boundary_tolerance=10.0)


def test_net_area_fast_paths_equal_the_definition():
    """One row, the check's dissolved union, two rules, overlapping plots, both results on a plot: the net areas
    (which take the check's own figures where a plot's rows come from one rule) equal the union by definition."""
    res = _mixed_case()
    assert list(res.dissolved["MP-ECO"]) == ["B"]                    # B takes the check's union
    sev = res.conflicts.groupby("DKBH")["YZCD"].agg(set).to_dict()
    assert sev["G"] == {"错误", "警告"} and sev["H"] == {"警告"}
    net = net_areas(res)
    per, (fail_t, verify_t) = _reference_net(res)
    got = {k: (f, v) for k, f, v in zip(net.per_plot["DKBH"], net.per_plot["fail"], net.per_plot["verify"])}
    assert set(got) == set(per) == set("ABCDEGH")
    for code in per:
        assert got[code] == pytest.approx(per[code], abs=1e-6), code
    assert net.fail == pytest.approx(fail_t, abs=1e-6) and net.verify == pytest.approx(verify_t, abs=1e-6)
    # by hand: the red-line parts of D and E overlap on x 650–700, y 20–80 (in the total once)
    assert sum(f for f, _ in got.values()) - net.fail == pytest.approx(50 * 60)
    assert per["C"][0] == pytest.approx(50 * 100 + 20 * 50)     # E3 x 430–480; F1 x 460–500, y 50–100 beside it
    assert got["G"] == pytest.approx((60 * 100, 3 * 2))         # F2 不合规; E5 6 m² below the tolerance 需核实


def _many_plots_check():
    """A realistic zone: 400 jittered plots (one in ten overlapping its neighbour), red-line blobs that overlap each
    other and farmland blobs over them, unknown land-use codes and a boundary tolerance."""
    rng = np.random.default_rng(5)
    i = np.arange(400)
    x, y = (i % 20) * 80.0 + rng.uniform(0, 3, 400), (i // 20) * 80.0 + rng.uniform(0, 3, 400)
    w = np.where(rng.random(400) < 0.1, 110.0, 70.0)                       # wide plots overlap the next one
    plots = gpd.GeoDataFrame({"DKBH": [f"P{k:03d}" for k in i],
                              "YDYHFLDM": np.where(rng.random(400) < 0.1, None, "1001")},
                             geometry=shapely.box(X0 + x, Y0 + y, X0 + x + w, Y0 + y + 70), crs=4524)

    def blobs(n, prefix):
        cx, cy = rng.uniform(0, 1600, n), rng.uniform(0, 1600, n)
        ang = np.linspace(0, 2 * np.pi, 60, endpoint=False)
        r = rng.uniform(20, 120, n)[:, None] * (1 + 0.2 * np.sin(5 * ang + rng.uniform(0, 6, (n, 1))))
        ring = np.stack([X0 + cx[:, None] + r * np.cos(ang), Y0 + cy[:, None] + r * np.sin(ang)], axis=2)
        return gpd.GeoDataFrame({"BSM": [f"{prefix}{k}" for k in range(n)]}, geometry=shapely.polygons(ring),
                                crs=4524)

    return check_masterplan(plots, ecological_redline=blobs(40, "E"), farmland=blobs(40, "F"),
                            boundary_tolerance=5.0)


def test_net_area_of_many_plots_equals_the_definition():
    """The net areas of a realistic zone (:func:`_many_plots_check`) equal the union by definition."""
    res = _many_plots_check()
    assert len(res.dissolved["MP-ECO"]) > 5 and (res.conflicts["YZCD"] == "警告").any()
    net = net_areas(res)
    per, (fail_t, verify_t) = _reference_net(res)
    assert len(net.per_plot) == len(per) > 100
    for code, f, v in zip(net.per_plot["DKBH"], net.per_plot["fail"], net.per_plot["verify"]):
        assert (f, v) == pytest.approx(per[code], abs=1e-6), code
    assert net.fail == pytest.approx(fail_t, abs=1e-6) and net.verify == pytest.approx(verify_t, abs=1e-6)


def _grid_check(named=True):
    """A 20 × 20 grid of plots (some codes repeated, some missing) under a red line and farmland that overlap."""
    k = np.arange(400)
    x, y = (k % 20) * 60.0, (k // 20) * 60.0
    codes = [f"P{i:03d}" for i in k]
    codes[5] = codes[230] = "P005"                                 # one code, two plots
    codes[17] = "P024"                                             # and a plot without conflicts before P024
    codes[40] = None
    plots = gpd.GeoDataFrame({"DKBH": codes, "YDYHFLDM": ["1001"] * 400},
                             geometry=shapely.box(X0 + x, Y0 + y, X0 + x + 55, Y0 + y + 55), crs=4524)
    if not named:
        plots = plots.drop(columns="DKBH")
    red = gpd.GeoDataFrame({"BSM": ["E1", "E2"]}, geometry=[shapely.Point(X0 + 300, Y0 + 300).buffer(250),
                                                             b(700, 0, 1000, 1200)], crs=4524)
    farm = gpd.GeoDataFrame({"BSM": ["F1"]}, geometry=[shapely.Point(X0 + 500, Y0 + 400).buffer(300)], crs=4524)
    return check_masterplan(plots, ecological_redline=red, farmland=farm)


def test_plot_index_finds_plots_as_a_dict_of_the_codes():
    """DKBH → plot through one pandas hash table: the same plots, results and maps as a dict of all codes (the last
    plot of a repeated code), also for plots named by feature id."""
    from algorithms.report import sections

    class DictIndex(sections.PlotIndex):                      # the plain way: a dict of every code
        def positions(self, codes):
            last = dict(zip(self.codes, range(len(self.codes))))
            return np.array([last.get(c, -1) for c in codes], dtype=np.int64)

    rng = np.random.default_rng(3)
    for named in (True, False):
        res = _grid_check(named)
        index = sections.PlotIndex(res)
        codes = np.concatenate([index.codes, ["nowhere", "#7", "P005"]])[rng.permutation(len(index.codes) + 3)]
        assert (index.positions(codes) == DictIndex(res).positions(codes)).all()
        got = render_report(res, max_rows=60, max_maps=8)
        fast, sections.PlotIndex = sections.PlotIndex, DictIndex
        try:
            import algorithms.report.html as report_html
            report_html.PlotIndex = DictIndex
            want = render_report(res, max_rows=60, max_maps=8)
        finally:
            sections.PlotIndex = report_html.PlotIndex = fast
        cut = re.compile(r"生成时间 [^·]*·")
        assert cut.sub("", got) == cut.sub("", want) and got.count("<svg") == 9
    res = _grid_check()
    assert (sections.PlotIndex(res).positions(["P005", "P017", "P024"]) == [230, -1, 24]).all()
    assert res.plots["SCJL"][17] != res.plots["SCJL"][24] and net_areas(res).per_plot["DKBH"][0] == "P024"


def test_codes_differing_after_a_nul_stay_two_plots():
    """Plot codes "A" and "A\\x00B" (a NUL inside a code, as a broken export may leave) are two plots in the check and
    in the report's net areas (pandas 1.5's string factorize would make them one)."""
    plots = gpd.GeoDataFrame({"DKBH": ["A", "A\x00B"], "YDYHFLDM": ["1001"] * 2},
                             geometry=[b(0, 0, 100, 100), b(200, 0, 300, 100)], crs=4524)
    red = gpd.GeoDataFrame({"BSM": ["E1"]}, geometry=[b(50, -50, 250, 150)], crs=4524)
    res = check_masterplan(plots, ecological_redline=red)
    assert sorted(res.conflicts["DKBH"]) == ["A", "A\x00B"]
    net = net_areas(res)
    got = dict(zip(net.per_plot["DKBH"], net.per_plot["net"]))
    assert got == {"A": pytest.approx(5000.0), "A\x00B": pytest.approx(5000.0)}


def test_box_pairs_are_the_pairs_of_an_strtree_query():
    """The sort by minx finds exactly the pairs of boxes an STRtree query of the boxes against themselves gives:
    boxes touching at an edge or a corner, equal boxes, points and lines as boxes, empty geometries (none)."""
    from algorithms.report.netarea import box_pairs

    rng = np.random.default_rng(3)
    x, y = rng.integers(0, 60, (2, 3000)).astype(float)           # on a grid: many boxes share edges
    w, h = rng.integers(0, 4, (2, 3000)).astype(float)            # 0: a point or a line
    geoms = shapely.box(x, y, x + w, y + h)
    geoms[::97] = shapely.Polygon()
    geoms[5] = geoms[6]
    i, j = shapely.STRtree(geoms).query(geoms)
    want = {(min(p, q), max(p, q)) for p, q in zip(i.tolist(), j.tolist()) if p != q}
    got_i, got_j = box_pairs(shapely.bounds(geoms), 10**7)
    got = [(min(p, q), max(p, q)) for p, q in zip(got_i.tolist(), got_j.tolist())]
    assert set(got) == want and len(want) > 3000
    assert box_pairs(shapely.bounds(geoms), 10) is None
    points = shapely.points(rng.integers(0, 40, (3000, 2)) * 1000.0)     # boxes of no size, far apart
    i, j = shapely.STRtree(points).query(points)
    got_i, got_j = box_pairs(shapely.bounds(points), 10**7)
    assert ({(min(p, q), max(p, q)) for p, q in zip(got_i.tolist(), got_j.tolist())}
            == {(min(p, q), max(p, q)) for p, q in zip(i.tolist(), j.tolist()) if p != q})


def test_the_checks_dissolved_areas_are_the_areas_of_its_unions():
    """The report takes the check's areas of its dissolved conflicts (CheckResult.dissolved_area) instead of
    measuring the unions again: each is the exact area of that union as the report measured it, to the bit, and the
    net areas with them are those without them (measured here), field by field."""
    from algorithms.geometry import exact_area, polygonal

    res = _many_plots_check()
    for rule_id, by_code in res.dissolved.items():
        areas = res.dissolved_area[rule_id]
        assert set(areas) == set(by_code)                       # (multi)polygons, all of them here
        geoms = polygonal(np.array(list(by_code.values()), dtype=object))
        assert [areas[c] for c in by_code] == exact_area(geoms).tolist()
    assert sum(len(v) for v in res.dissolved_area.values()) > 10
    reused = net_areas(res)
    res.dissolved_area = {}
    measured = net_areas(res)
    assert reused.per_plot.equals(measured.per_plot)
    assert (reused.fail, reused.verify, reused.net) == (measured.fail, measured.verify, measured.net)
