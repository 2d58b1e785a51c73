"""What a 图则 draws and prints besides the controls (algorithms/export/sheet_geometry.py, atlas.py, sheet_content.py):
界址点 numbering and coordinates, edge lengths, setbacks, no-opening stretches, pages, review lines."""
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from pyproj import CRS

from algorithms.errors import InputError
from algorithms.export.atlas import load_road_rules, plan_pages, review_lines
from algorithms.export.sheet_content import SheetInputs, map_scale, sheet_content
from algorithms.export.sheet_geometry import (RoadRule, boundary_edges, boundary_points, no_opening_segments,
                                              road_redlines, setback_lines, survey_crs)
from algorithms.export.sheets import plot_sheet_table

X0, Y0 = 36_369_100.0, 2_444_000.0          # the sample zone's origin, CGCS2000 GK zone 36 (EPSG:4524)
RULES = {"主干路": RoadRule("主干路", 10.0, 80.0, "示意", "test"), "支路": RoadRule("支路", 5.0, None, "示意", "test")}


def _plots(boxes, codes=None, crs=4524):
    codes = codes or [f"Z01-01-{k + 1:02d}" for k in range(len(boxes))]
    return gpd.GeoDataFrame({"DKBH": codes}, geometry=[shapely.box(*b) for b in boxes], crs=crs)


def test_survey_crs_is_cgcs2000_in_the_plans_zone():
    b = (X0, Y0, X0 + 100, Y0 + 100)
    assert survey_crs(CRS(4524), b).to_epsg() == 4524          # CGCS2000 zone 36, with prefix: kept
    assert survey_crs(CRS(4545), (500000, 2444000, 500100, 2444100)).to_epsg() == 4545   # CM 108E: kept
    assert survey_crs(CRS(4490), (106.75, 22.1, 106.76, 22.11)).to_epsg() == 4524        # degrees → zone 36
    assert survey_crs(CRS(32648), (700000, 2444000, 700100, 2444100)).to_epsg() == 4524  # UTM 48N → CGCS2000 36


def test_points_clockwise_from_the_north_west_with_northing_first():
    pts = boundary_points(_plots([(X0, Y0, X0 + 100, Y0 + 50)]))        # shapely's box runs counter-clockwise
    assert list(pts["JZDH"]) == ["J1", "J2", "J3", "J4"]
    xy = list(zip(pts["Y"], pts["X"]))                                    # (easting, northing)
    assert xy == [(X0, Y0 + 50), (X0 + 100, Y0 + 50), (X0 + 100, Y0), (X0, Y0)]   # NW, NE, SE, SW
    assert pts["T_X"].iloc[0] == f"{Y0 + 50:.3f}" and pts["T_Y"].iloc[1] == f"{X0 + 100:.3f}"
    edges = boundary_edges(pts)
    assert list(edges["BC"]) == pytest.approx([100, 50, 100, 50])
    assert list(edges["T_BC"]) == ["100.00", "50.00", "100.00", "50.00"]
    assert list(zip(edges["QD"], edges["ZD"]))[-1] == ("J4", "J1")       # the ring closes


def test_points_keep_every_vertex_but_merge_duplicates():
    ring = [(X0, Y0), (X0, Y0 + 40), (X0 + 20, Y0 + 40), (X0 + 20.0004, Y0 + 40), (X0 + 40, Y0 + 40.5), (X0 + 40, Y0)]
    pts = boundary_points(gpd.GeoDataFrame({"DKBH": ["A"]}, geometry=[shapely.Polygon(ring)], crs=4524))
    assert len(pts) == 5                                 # the 0.4 mm duplicate is one point, the others all kept
    # a plot with a hole: the hole's points continue the numbering on ring 2
    holed = shapely.box(X0, Y0, X0 + 100, Y0 + 100).difference(shapely.box(X0 + 40, Y0 + 40, X0 + 60, Y0 + 60))
    pts = boundary_points(gpd.GeoDataFrame({"DKBH": ["B"]}, geometry=[holed], crs=4524))
    assert list(pts["HH"]) == [1] * 4 + [2] * 4 and pts["JZDH"].iloc[-1] == "J8"


def test_points_of_plots_in_degrees_are_in_the_gk_zone_with_prefix():
    g = _plots([(X0, Y0, X0 + 100, Y0 + 50)]).to_crs(4490)
    pts = boundary_points(g)
    assert pts["T_Y"].iloc[0].startswith("36") and len(pts["T_Y"].iloc[0].split(".")[1]) == 3
    assert pts["Y"].iloc[0] == pytest.approx(X0, abs=1e-3) and pts["X"].iloc[0] == pytest.approx(Y0 + 50, abs=1e-3)


def _road(y, cls, width, name="经一路", x=(X0 - 200, X0 + 400)):
    return shapely.LineString([(x[0], y), (x[1], y)]), cls, width, name


def test_setback_line_lies_at_the_class_distance_inside_the_plot():
    plots = _plots([(X0, Y0, X0 + 100, Y0 + 50), (X0, Y0 + 200, X0 + 100, Y0 + 250)])
    line, cls, width, name = _road(Y0 + 60, "主干路", 20.0)            # red line from Y0+50 to Y0+70
    red = road_redlines(gpd.GeoDataFrame({"W": [width]}, geometry=[line], crs=4524), width_field="W")
    assert red[0].bounds[1] == pytest.approx(Y0 + 50)
    sb = setback_lines(plots, red, np.array([cls]), np.array([name]), RULES)
    assert list(sb["DKBH"]) == ["Z01-01-01"]                            # the far plot has no setback from it
    geom = sb.geometry.iloc[0]
    assert geom.length == pytest.approx(100.0, abs=0.01)
    assert shapely.distance(geom, red[0]) == pytest.approx(10.0, abs=1e-6)
    assert sb["TX"].iloc[0] == 10.0 and sb["ZT"].iloc[0] == "示意"
    # a class the table does not know: a row without a line, saying why (never a guessed distance)
    sb = setback_lines(plots, red, np.array(["快速路"]), np.array([name]), RULES)
    assert sb.geometry.iloc[0] is None and np.isnan(sb["TX"].iloc[0]) and sb["ZT"].iloc[0] == "未赋值"


def test_no_width_no_red_line():
    roads = gpd.GeoDataFrame({"W": [np.nan, 0.0]}, geometry=[_road(Y0, "支路", 0)[0]] * 2, crs=4524)
    assert list(road_redlines(roads, width_field="W")) == [None, None]


def test_no_opening_stretch_near_an_intersection():
    # a plot in the corner south-east of the crossing of a 主干路 (E–W, 40 m) and a 支路 (N–S, 20 m)
    ew = shapely.LineString([(X0 - 300, Y0 + 200), (X0 + 300, Y0 + 200)])
    ns = shapely.LineString([(X0, Y0 - 300), (X0, Y0 + 500)])
    cls, widths = np.array(["主干路", "支路"]), np.array([40.0, 20.0])
    red = road_redlines(gpd.GeoDataFrame({"W": widths}, geometry=[ew, ns], crs=4524), width_field="W")
    plots = _plots([(X0 + 10, Y0, X0 + 210, Y0 + 180)])
    op = no_opening_segments(plots, np.array([ew, ns], dtype=object), red, cls, widths, RULES)
    assert list(op["DLDJ"]) == ["主干路"]                               # the 支路 has no no-opening distance
    seg = op.geometry.iloc[0]
    # along the plot's north edge (y = Y0+180), within 80 m of the 支路's red line (x = X0+10) → 80 m long (plus at
    # most the 1 m of the west edge that lies within the 1 m gap of the red line, at the corner)
    assert 80.0 - 1e-6 <= seg.length <= 81.0 + 1e-6
    assert seg.bounds[1] == pytest.approx(Y0 + 180) and seg.bounds[2] == pytest.approx(X0 + 90, abs=0.5)


def test_road_rules_file(tmp_path):
    rules, header = load_road_rules()
    assert rules["主干路"].setback_m == 10 and all(r.status == "示意" for r in rules.values())
    assert any("不是标准值" in h for h in header)
    bad = tmp_path / "bad.csv"
    bad.write_text("road_class,setback_m,no_opening_m,status,source\n主干路,-3,,地方规定,x\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_road_rules(str(bad))
    assert "setback_m" in e.value.bilingual()


def test_pages_small_plots_to_a_list_and_the_index_points_at_pages():
    table = pd.DataFrame({"DKBH": ["A", "B", "C", "D"], "YDMJ": [500.0, 33.0, 1200.0, np.nan]})
    plan = plan_pages(table, min_area=100.0, prefix="TZ-")
    assert list(plan.sheets["DKBH"]) == ["A", "C"] and list(plan.sheets["YM"]) == [3, 4]
    assert list(plan.sheets["TH"]) == ["TZ-001", "TZ-002"]
    assert list(plan.small["DKBH"]) == ["B", "D"] and set(plan.small["YM"]) == {5}   # an unknown area is listed
    assert [p[0] for p in plan.pages] == ["cover", "index", "sheet", "sheet", "list"] and plan.count == 5
    idx = plan.index.set_index("DKBH")
    assert idx.loc["C", "YM"] == 4 and idx.loc["B", "YM"] == 5 and idx.loc["B", "TH"] == "见小地块清单"


def test_review_lines_count_overlapping_rows_once():
    a, b = shapely.box(0, 0, 10, 10), shapely.box(5, 0, 15, 10)       # 100 + 100 m², 50 m² shared
    conf = gpd.GeoDataFrame({"DKBH": ["A", "A"], "GZBH": ["MP-ECO"] * 2, "GZMC": ["生态保护红线"] * 2,
                             "CTMJ": [100.0, 100.0], "ZDBL": [10.0, 10.0], "YZCD": ["错误", "错误"]},
                            geometry=[a, b])
    lines = review_lines(["A", "B"], conf, sources={"MP-ECO": "某文件第 1 条"}, actions={"MP-ECO": "调出"})
    assert lines["B"] == [] and len(lines["A"]) == 1
    assert "150.00 ㎡" in lines["A"][0] and "某文件第 1 条" in lines["A"][0] and "建议：调出" in lines["A"][0]


def test_map_scale_is_the_smallest_that_fits():
    assert map_scale((0, 0, 50, 50)) == 500           # 75 m with margins on 232 mm → 1:323 → 1:500
    assert map_scale((0, 0, 300, 100)) == 2000        # 450 m on 232 mm → 1:1940 → 1:2000
    assert map_scale((0, 0, 10_000_000, 10)) == 100000


def test_content_of_a_sheet():
    plots = _plots([(X0, Y0, X0 + 100, Y0 + 50), (X0 + 120, Y0, X0 + 125, Y0 + 5)])
    plots["SCJL"] = ["不合规", "合规"]
    plots["CT_STHX"] = [12.5, 0.0]
    table = plot_sheet_table(plots)
    line, cls, width, name = _road(Y0 + 60, "主干路", 20.0)
    roads = gpd.GeoDataFrame({"DLMC": [name], "DLDJ": [cls], "HXKD": [width]}, geometry=[line], crs=4524)
    inp = SheetInputs(roads=roads, road_name="DLMC", road_class="DLDJ", road_width="HXKD", road_rules=RULES)
    c = sheet_content(plots, table, inp, info={"project": "测试"}, min_area=100.0)
    sheet = c.coverage[c.coverage["YMLX"] == "sheet"].iloc[0]
    assert sheet["DKBH"] == "Z01-01-01" and sheet["TH"] == "TZ-001" and sheet["ZS"] == len(c.coverage) == 4
    assert "生态保护红线：12.50 ㎡" in sheet["T_SCYJ"] and "不合规" in sheet["T_SCYJ"]
    assert "经一路（主干路）10 m（示意）" in sheet["T_TXSM"]
    assert list(c.small["DKBH"]) == ["Z01-01-02"] and len(c.points) == 8   # small plots keep their 界址点 (CSV)
    assert set(c.units["DYBH"]) == {"Z01-01"} and set(c.clusters["ZTBH"]) == {"Z01"}   # dissolved from the plots


def test_review_line_of_a_rule_whose_geometry_is_the_whole_plot_uses_its_area():
    plot = shapely.box(0, 0, 100, 100)                              # the slope rule draws the plot, CTMJ = steep part
    conf = gpd.GeoDataFrame({"DKBH": ["A"], "GZBH": ["MP-SLOPE"], "GZMC": ["坡度＞25°"], "CTMJ": [1234.5],
                             "ZDBL": [12.3], "YZCD": ["警告"]}, geometry=[plot])
    assert "1,234.50 ㎡" in review_lines(["A"], conf, sources={})["A"][0]
