"""一张图 check: conflicts with exactly known areas (hand-computed), in GK coordinates with the zone prefix."""
import os

import algorithms  # noqa: F401  (PROJ data directory before pyproj loads)

import geopandas as gpd
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
import shapely
from shapely.geometry import MultiPolygon, Polygon, box

from algorithms.checks import ConstraintSpec, check_masterplan
from algorithms.checks.overlay import overlay, per_plot_union, split_complex, to_local

X0, Y0 = 36_400_000.0, 3_400_000.0   # EPSG:4524, CGCS2000 GK zone 36 (x carries the zone prefix)
GK = "EPSG:4524"


def b(x0, y0, x1, y1):
    return box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def poly(*pts):
    return Polygon([(X0 + x, Y0 + y) for x, y in pts])


def plots_frame(crs=GK):
    rows = [
        ("P1", "1001", b(0, 0, 100, 100)),          # half under red line E1
        ("P2", "1001", b(200, 0, 300, 100)),        # farmland triangle F1 inside
        ("P3", "1001", b(400, 0, 500, 100)),        # only touches E2 along x=500
        ("P4", "1001", b(700, 0, 800, 100)),        # 0.5 m² sliver of F2 (below tolerance 1)
        ("P5", "1001", b(0, 300, 100, 400)),        # wholly outside the urban boundary
        ("P6", "1001", b(200, 300, 300, 400)),      # half inside the urban boundary
        ("P7", "1001", b(400, 300, 500, 400)),      # two overlapping red-line polygons, outside UGB
        ("P8", "0101", b(600, 300, 700, 400)),      # farmland use under red line: not construction
        ("P9", "1001", MultiPolygon([b(0, 600, 100, 700), b(200, 600, 300, 700)])),  # multipart
        ("P10", "1001", b(400, 600, 500, 700)),     # invalid (bow-tie) farmland polygon
        ("P11", None, b(600, 600, 700, 700)),       # no land-use code, half under red line
    ]
    return gpd.GeoDataFrame({"DKBH": [r[0] for r in rows], "YDYHFLDM": [r[1] for r in rows]},
                            geometry=[r[2] for r in rows], crs=GK).to_crs(crs)


def redline():
    return gpd.GeoDataFrame({"BSM": ["E1", "E2", "E3", "E4", "E5", "E6"], "MC": ["红线一", "", "", "", "", ""]},
                            geometry=[b(50, -50, 150, 150), b(500, 0, 550, 100), b(400, 300, 480, 400),
                                      b(440, 300, 500, 350), b(590, 290, 710, 410), b(600, 600, 650, 700)], crs=GK)


def farmland():
    bowtie = poly((400, 600), (500, 700), (500, 600), (400, 700))
    return gpd.GeoDataFrame({"BSM": ["F1", "F2", "F3", "F4"]},
                            geometry=[poly((220, 20), (280, 20), (220, 80)), b(799.995, 0, 900, 100),
                                      b(50, 600, 250, 650), bowtie], crs=GK)


def ugb():
    return gpd.GeoDataFrame({"BSM": ["U1", "U2"]},
                            geometry=[b(-10, -100, 1000, 200), b(200, 250, 250, 450)], crs=GK)


def run(plots=None, **kw):
    args = dict(ecological_redline=ConstraintSpec(redline(), id_field="BSM", name_field="MC"),
                farmland=ConstraintSpec(farmland(), id_field="BSM"), urban_boundary=ugb(), tolerance=1.0)
    args.update(kw)
    return check_masterplan(plots_frame() if plots is None else plots, **args)


def by_plot(res, field):
    return dict(zip(res.plots["DKBH"], res.plots[field]))


def conflicts(res, rule):
    c = res.conflicts[res.conflicts["GZBH"] == rule]
    return sorted((r.DKBH, r.YSBH, round(r.CTMJ, 3)) for r in c.itertuples())


def test_exact_areas_per_rule():
    res = run()
    eco = by_plot(res, "CT_STHX")
    assert eco["P1"] == pytest.approx(5000.0, abs=0.01)
    assert eco["P3"] == 0.0                                   # edge-touching only
    assert eco["P7"] == pytest.approx(9000.0, abs=0.01)       # union, not 8000 + 3000
    assert eco["P8"] == 0.0                                   # 耕地 plot: not construction land
    assert eco["P11"] == pytest.approx(5000.0, abs=0.01)
    farm = by_plot(res, "CT_JBNT")
    assert farm["P2"] == pytest.approx(1800.0, abs=0.01)      # triangle 60×60/2
    assert farm["P4"] == 0.0                                  # 0.5 m² < tolerance
    assert farm["P9"] == pytest.approx(5000.0, abs=0.01)      # 2 × 50×50 over both parts
    assert farm["P10"] == pytest.approx(5000.0, abs=0.01)     # repaired bow-tie = two triangles of 2500
    out = by_plot(res, "CT_KFBJ")
    assert out["P5"] == pytest.approx(10000.0, abs=0.01)
    assert out["P6"] == pytest.approx(5000.0, abs=0.01)
    assert out["P7"] == pytest.approx(10000.0, abs=0.01)
    assert out["P9"] == pytest.approx(20000.0, abs=0.01)
    assert out["P1"] == 0.0 and out["P8"] == 0.0


def test_conflict_rows_and_status():
    res = run()
    assert conflicts(res, "MP-ECO") == [("P1", "E1", 5000.0), ("P11", "E6", 5000.0),
                                        ("P7", "E3", 8000.0), ("P7", "E4", 3000.0)]
    assert conflicts(res, "MP-FARM") == [("P10", "F4", 5000.0), ("P2", "F1", 1800.0), ("P9", "F3", 5000.0)]
    row = res.conflicts[(res.conflicts.DKBH == "P1") & (res.conflicts.GZBH == "MP-ECO")].iloc[0]
    assert row.ZDBL == pytest.approx(50.0) and row.YSMC == "红线一" and row.YZCD == "错误"
    assert row.geometry.area == pytest.approx(5000.0, abs=0.01)
    assert row.geometry.bounds[0] == pytest.approx(X0 + 50)  # back in real coordinates
    st = by_plot(res, "SCJL")
    assert st["P3"] == "合规" and st["P4"] == "合规" and st["P8"] == "合规"
    assert st["P1"] == "不合规" and st["P5"] == "不合规" and st["P10"] == "不合规"
    assert st["P11"] == "需核实"                              # unknown land use → warning only
    assert by_plot(res, "WTSL")["P7"] == 3                    # E3, E4, outside UGB
    repaired = [f for f in res.findings if f.rule_id == "GEOM-REPAIRED"]
    assert len(repaired) == 1 and "永久基本农田" in repaired[0].message
    assert any("几何" in n or "repaired" in n for r in res.rules for n in r.notes)


def test_plots_in_4490_against_constraints_in_gk_zone():
    res = run(plots=plots_frame("EPSG:4490"))
    assert res.crs.to_epsg() == 4545                           # CM 108E, no zone prefix
    assert by_plot(res, "CT_STHX")["P7"] == pytest.approx(9000.0, abs=0.01)
    assert by_plot(res, "CT_JBNT")["P2"] == pytest.approx(1800.0, abs=0.01)
    assert by_plot(res, "CT_KFBJ")["P6"] == pytest.approx(5000.0, abs=0.01)
    assert {"CRS-GEOGRAPHIC", "CRS-REPROJECTED"} <= {f.rule_id for f in res.findings}
    assert conflicts(res, "MP-FARM") == [("P10", "F4", 5000.0), ("P2", "F1", 1800.0), ("P9", "F3", 5000.0)]


def test_empty_and_unreadable_layers_are_not_checked(tmp_path):
    empty = redline().iloc[:0]
    res = run(ecological_redline=empty, farmland=str(tmp_path / "missing.gpkg"))
    stat = {r.rule_id: r.status for r in res.rules}
    assert stat == {"MP-ECO": "not_checked", "MP-FARM": "not_checked", "MP-UGB": "checked"}
    nc = [f for f in res.findings if f.severity == "not_checked"]
    assert {f.rule_id for f in nc} == {"MP-ECO", "MP-FARM"}
    st = by_plot(res, "SCJL")
    assert "合规" not in set(st.values())                     # never a silent pass
    assert st["P1"] == "需核实" and st["P5"] == "不合规"
    assert "生态保护红线" in by_plot(res, "WJCGZ")["P1"]
    assert np.isnan(by_plot(res, "CT_STHX")["P1"])


def test_zoning_compatibility():
    z = gpd.GeoDataFrame({"GHFQ": ["工业发展区", "生态控制区", "外星区"]},
                         geometry=[b(0, -100, 300, 200), b(300, -100, 650, 200), b(650, -100, 1000, 200)], crs=GK)
    plots = gpd.GeoDataFrame({"DKBH": ["A", "B", "C", "D", "E"], "YDYHFLDM": ["1001", "100101", "0301", "1001", "0901"]},
                             geometry=[b(0, 0, 100, 100), b(250, 0, 350, 100), b(500, 0, 600, 100),
                                       b(700, 0, 800, 100), b(120, 0, 220, 100)], crs=GK)
    res = check_masterplan(plots, zoning=z, zone_field="GHFQ")
    zone = by_plot(res, "CT_GHFQ")
    assert zone == {"A": 0.0, "B": pytest.approx(5000.0, abs=0.01), "C": 0.0, "D": 0.0, "E": 0.0}
    st = by_plot(res, "SCJL")
    assert st == {"A": "合规", "B": "不合规", "C": "合规", "D": "需核实", "E": "需核实"}
    assert any("外星区" in n for r in res.rules for n in r.notes)


def test_other_rule_touching_warns_and_must_lie_inside():
    heritage = gpd.GeoDataFrame({"MC": ["古城墙"]}, geometry=[b(100, 0, 150, 100)], crs=GK)
    park = gpd.GeoDataFrame(geometry=[b(0, 0, 60, 100)], crs=GK)
    plots = gpd.GeoDataFrame({"DKBH": ["A", "B"], "YDYHFLDM": ["1001", "1001"]},
                             geometry=[b(0, 0, 100, 100), b(300, 0, 400, 100)], crs=GK)
    res = check_masterplan(plots, others=[ConstraintSpec(heritage, rule="touch", name="历史文化保护线", name_field="MC"),
                                          ConstraintSpec(park, rule="within", name="产业园区范围")])
    assert by_plot(res, "SCJL") == {"A": "不合规", "B": "不合规"}
    c = res.conflicts
    t = c[c.GZBH == "MP-OTH-1"]
    assert list(t.DKBH) == ["A"] and t.iloc[0].CTMJ == 0.0 and t.iloc[0].YZCD == "警告"
    assert by_plot(res, "CT_QT2") == {"A": pytest.approx(4000.0, abs=0.01), "B": pytest.approx(10000.0, abs=0.01)}


def test_split_complex_pieces_keep_exact_area():
    circle = shapely.Point(X0 + 500, Y0 + 500).buffer(400, quad_segs=400)   # 1600 vertices
    _, loc = to_local([circle])
    pieces, parent = split_complex(loc, max_vertices=100)
    assert len(pieces) > 4 and set(parent) == {0}
    assert shapely.area(pieces).sum() == pytest.approx(circle.area, abs=1e-6)
    # 30×30 grid of 40 m plots over the circle: overlay areas equal direct intersections
    plots = np.array([box(x, y, x + 40, y + 40) for x in range(0, 1200, 40) for y in range(0, 1200, 40)])
    res = overlay(plots, loc, max_vertices=100)
    tot, _ = per_plot_union(len(plots), res.plot, res.area, res.geometry)
    direct = shapely.area(shapely.intersection(plots, loc[0]))
    assert np.abs(tot - direct).max() < 1e-6
    assert res.n_contained > 0 and res.n_intersected < len(plots)


def _write_dem(path, crs, transform, z):
    import rasterio
    with rasterio.open(path, "w", driver="GTiff", width=z.shape[1], height=z.shape[0], count=1, dtype="float64",
                       crs=crs, transform=transform, nodata=-9999) as dst:
        dst.write(z, 1)


def test_slope_share_projected_dem(tmp_path):
    from rasterio.transform import from_origin
    t = np.tan(np.radians(30.0))
    xs = np.arange(0, 1000, 10) + 5.0                       # cell centres, 10 m cells
    z = np.tile(np.where(xs < 500, xs * t, 500 * t), (60, 1))
    dem = str(tmp_path / "dem.tif")
    _write_dem(dem, GK, from_origin(X0, Y0 + 600, 10, 10), z)
    plots = gpd.GeoDataFrame({"DKBH": ["S", "F", "H"], "YDYHFLDM": ["1001"] * 3},
                             geometry=[b(100, 100, 200, 200), b(700, 100, 800, 200), b(450, 100, 550, 200)], crs=GK)
    res = check_masterplan(plots, dem=dem, slope_limit=25.0)
    share = by_plot(res, "PD_ZB")
    # H: cell centres 455…545; Horn windows fully on the 30° plane for 455–485 → 4 of 10 columns
    assert share == {"S": 100.0, "F": 0.0, "H": 40.0}
    assert by_plot(res, "SCJL") == {"S": "需核实", "F": "合规", "H": "需核实"}
    msg = res.conflicts[(res.conflicts.GZBH == "MP-SLOPE") & (res.conflicts.DKBH == "S")].SM.tolist()
    assert len(msg) == 1 and "30.0°" in msg[0]


def test_slope_geographic_dem_uses_metres_per_degree(tmp_path):
    from rasterio.transform import from_origin
    from algorithms.checks.slope import metres_per_degree
    lat0, lon0, res_deg = 30.70, 107.00, 0.0001
    rows = np.arange(200)
    lat = lat0 - (rows + 0.5) * res_deg
    _, my = metres_per_degree(lat0)
    z = np.tile(((lat0 - lat) * my * np.tan(np.radians(35.0)))[:, None], (1, 200))   # 35° towards south
    dem = str(tmp_path / "dem4490.tif")
    _write_dem(dem, "EPSG:4490", from_origin(lon0, lat0, res_deg, res_deg), z)
    plot = box(lon0 + 0.005, lat0 - 0.015, lon0 + 0.015, lat0 - 0.005)
    plots = gpd.GeoDataFrame({"DKBH": ["G"], "YDYHFLDM": ["1001"]}, geometry=[plot], crs="EPSG:4490")
    res = check_masterplan(plots, dem=dem, slope_limit=34.9)
    assert by_plot(res, "PD_ZB")["G"] == 100.0
    msg = res.conflicts[res.conflicts.GZBH == "MP-SLOPE"].SM.tolist()
    assert len(msg) == 1 and "最大 35.0°" in msg[0]
    res2 = check_masterplan(plots, dem=dem, slope_limit=35.1)
    assert by_plot(res2, "PD_ZB")["G"] == 0.0


def test_missing_dem_is_not_checked(tmp_path):
    res = check_masterplan(plots_frame(), dem=str(tmp_path / "nope.tif"))
    assert [r.status for r in res.rules] == ["not_checked"]
    assert set(res.plots.SCJL) == {"需核实"}


def test_missing_landuse_field_leaves_the_control_lines_checked_with_conflicts_to_verify():
    res = check_masterplan(plots_frame().drop(columns="YDYHFLDM"), ecological_redline=redline())
    assert res.rules[0].status == "checked" and "YDYHFLDM" in res.rules[0].notes[0]
    assert set(res.plots.SCJL) == {"需核实", "合规"}      # no land-use code: a conflict cannot be 不合规
    assert by_plot(res, "CT_STHX")["P1"] == pytest.approx(5000.0)


def test_data_files_name_their_source():
    from algorithms.checks.tables import CONSTRUCTION_CODES_CSV, ZONING_CSV, load_zoning_table, read_header
    for p in (CONSTRUCTION_CODES_CSV, ZONING_CSV):
        assert os.path.exists(p)
        assert any("自然资" in line for line in read_header(p))
    t = load_zoning_table()
    assert t["工业发展区"].judge("1001") == "ok" and t["生态保护区"].judge("1001") == "fail"


def test_sample_zone_deliberate_conflicts_are_found():
    """resources/sample: the planted 一张图 conflicts of the README table (#1–#5, #8, #9) on the 组团 layer."""
    root = os.path.join(os.path.dirname(__file__), "..", "..", "resources", "sample", "data")
    gpkg = os.path.join(root, "sample_zone.gpkg")

    def r(layer):
        return gpd.read_file(gpkg, layer=layer)
    res = check_masterplan(r("zutuan"), code_field="ZTBH", landuse_field=None, default_landuse="1001",
                           ecological_redline=ConstraintSpec(r("stbhhx"), name_field="HXMC"),
                           farmland=ConstraintSpec(r("yjjbnt"), id_field="TBBH"), urban_boundary=r("czkfbj"),
                           zoning=r("ghfq"), zone_field="GHFQMC", dem=os.path.join(root, "dem.tif"))
    c = res.conflicts
    ha = {(row.DKBH, row.GZBH): row.CTMJ / 1e4 for row in c.itertuples()}
    assert ha[("Z04", "MP-ECO")] == pytest.approx(7.09, abs=0.01)            # 1
    assert ha[("Z03", "MP-FARM")] == pytest.approx(8.19, abs=0.01)           # 2
    assert ha[("Z02", "MP-UGB")] == pytest.approx(2.53, abs=0.01)            # 3
    zone = c[(c.DKBH == "Z01") & (c.GZBH == "MP-ZONE")]
    assert list(zone.YSMC) == ["居住生活区"] and zone.iloc[0].CTMJ / 1e4 == pytest.approx(9.67, abs=0.01)  # 4
    ct = dict(zip(res.plots.ZTBH, res.plots.CT_GHFQ))
    assert ct["Z01"] == pytest.approx(zone.iloc[0].CTMJ, abs=1e-6)   # the 0.5 m² sliver (#8) is excluded
    assert ha[("Z01", "MP-SLOPE")] == pytest.approx(3.1, abs=0.1)            # 5
    assert ("Z01", "MP-FARM") not in ha                                      # 8: 0.5 m² < 1 m²; 9: edge only
    assert set(res.plots.SCJL) == {"不合规"}


def test_rotated_edge_touching_and_random_plots_match_geos():
    """Shared edges that are not axis-aligned stay zero-area touches; random convex and concave plots against a
    wobbly 1 500-vertex polygon agree with GEOS on local coordinates to 1e-6 m²."""
    ang = np.radians(33.0)
    c, s = np.cos(ang), np.sin(ang)

    def rot(pts):
        return Polygon([(X0 + 1000 + x * c - y * s, Y0 + 1000 + x * s + y * c) for x, y in pts])
    cons = rot([(0, 0), (100, 0), (100, 100), (0, 100)])
    plots = np.array([rot([(100, 0), (200, 0), (200, 100), (100, 100)]),      # shares the rotated edge
                      rot([(50, 50), (150, 50), (150, 150), (50, 150)])], dtype=object)   # quarter overlap
    _, pl, cl = to_local(plots, [cons])
    res = overlay(pl, cl)
    assert list(res.plot) == [1] and res.area[0] == pytest.approx(2500.0, abs=1e-6)
    assert list(res.touch_plot) == [0]
    rng = np.random.default_rng(3)
    t = np.linspace(0, 2 * np.pi, 1500, endpoint=False)
    r = 300 * (1 + 0.2 * np.sin(7 * t) + 0.05 * np.sin(31 * t))
    hole = shapely.Point(X0 + 500, Y0 + 500).buffer(120, quad_segs=64)
    blob = shapely.reverse(Polygon(np.column_stack([X0 + 500 + r * np.cos(t), Y0 + 500 + r * np.sin(t)]),
                                   [hole.exterior.coords]))            # clockwise shell, with a hole
    cx, cy = rng.uniform(100, 900, 400), rng.uniform(100, 900, 400)
    quads = [Polygon([(X0 + x + rng.uniform(-30, -5), Y0 + y + rng.uniform(-30, -5)),
                      (X0 + x + rng.uniform(5, 30), Y0 + y + rng.uniform(-30, -5)),
                      (X0 + x + rng.uniform(5, 30), Y0 + y + rng.uniform(5, 30)),
                      (X0 + x + rng.uniform(-30, -5), Y0 + y + rng.uniform(5, 30))]) for x, y in zip(cx, cy)]
    concave = [Polygon([(X0 + x, Y0 + y), (X0 + x + 40, Y0 + y), (X0 + x + 20, Y0 + y + 10), (X0 + x + 40, Y0 + y + 40),
                        (X0 + x, Y0 + y + 40)]) for x, y in zip(cx[:50], cy[:50])]
    arr = np.array(quads + concave, dtype=object)
    _, pl, cl = to_local(arr, [blob])
    res = overlay(pl, cl)
    got = np.zeros(len(pl))
    got[res.plot] = res.area
    want = shapely.area(shapely.intersection(pl, cl[0]))
    assert np.abs(got - want).max() < 1e-6
    assert (want > 0).sum() > 100 and ((want > 0) & (want < shapely.area(pl) - 1e-6)).sum() > 20
    ok = res.geometry is not None and all(shapely.is_valid(g) for g in res.geometry)
    assert ok and np.abs(shapely.area(res.geometry) - res.area).max() < 1e-6
    # the conflict polygons are GEOS's intersection, multi-part and holed results (clipped near the plot) included
    sym = shapely.area(shapely.symmetric_difference(res.geometry, shapely.intersection(pl[res.plot], cl[0])))
    assert sym.max() < 1e-6
    assert ((shapely.get_num_geometries(res.geometry) > 1) | (shapely.get_num_interior_rings(res.geometry) > 0)).any()
    # the same on the raw zone-prefixed coordinates (x ≈ 36 400 000): still exact
    raw = overlay(arr, np.array([blob], dtype=object))
    got_raw = np.zeros(len(arr))
    got_raw[raw.plot] = raw.area
    assert np.abs(got_raw - want).max() < 1e-6


def test_clip_to_boxes_falls_back_where_geos_rectangle_clipping_fails():
    """A valid sample-zone zoning polygon on which GEOS's clip_by_rect raises (ring of 3 points; the polygon only
    touches this plot's box along a line): the exact intersection with the box is used instead."""
    from algorithms.checks.overlay import clip_to_boxes

    g = shapely.from_wkb(
    "01060000000300000001030000000100000022000000000000E08957814100000000A8A44241000000E08957814100000000"
    "06A6424100000070955781410000000006A64241000000709557814122DEBFBAFCA54241908902F6965781419F91AB8AF0A5"
    "4241000000008D57814100000000EDA54241000000008D57814100000000DAA4424100000070A457814100000000DAA44241"
    "039C7682A35781410DFE0A278CA54241C4FB57E7A85781410000000061A5424100000090D95781410000000061A542410000"
    "0090D957814100000000F3A4424100000050EC57814100000000F3A4424148F6A4EFEC578141A7E6770978A542414D00A97D"
    "045881414ADA89B9E0A54241ED7B11BA05588141FA51E2581FA6424100000050055881410000000006A64241000000101858"
    "814100000000EDA5424100000010185881410000000032A742413B0EE49A0B5881416FF1392D49A74241FCDE33160E588141"
    "4B425BEAC6A742412674650E0A5881419F52C3D749A9424100000040105881410000000058A9424100000080165881410000"
    "000084AA4241000000200D588141000000007EAB424100000080FD578141000000001AAB424140B299A9FA578141C00AF3EE"
    "A0AA4241635C713CF157814114AE1A1EF7AA4241D9F005A4BB578141A6A86FE5DDAA4241CB809F66AE5781413B283CFA73AA"
    "4241D8505EA3B457814100000000B0AB4241000000A01958814100000000B0AB4241000000A01958814100000000A8A44241"
    "000000E08957814100000000A8A4424101030000000100000005000000000000609657814100000000BCA94241F656FE489E"
    "5781416FBCD51ED7A942410000007095578141596E256F2EA842410000006096578141596E256F5BA8424100000060965781"
    "4100000000BCA9424101030000000100000004000000CB809F66AE5781413B283CFA73AA4241CB809F66AE57814138283CFA"
    "73AA424100000040AC5781410000000007AA4241CB809F66AE5781413B283CFA73AA4241")
    box = (36369800.0410269, 2446321.733203026, 36370015.71795346, 2446531.7569406787)
    with pytest.raises(shapely.errors.GEOSException):
        shapely.clip_by_rect(g, *box)
    got = clip_to_boxes([g], [box])[0]
    want = shapely.intersection(g, shapely.box(*box))
    assert got.is_valid and got.geom_type in ("Polygon", "MultiPolygon")    # polygonal part only
    assert shapely.area(shapely.symmetric_difference(got, want)) < 1e-6 and got.area == want.area == 0.0


def test_exact_area_mixed_geometries_on_zone_prefixed_coordinates():
    """Hole-free polygons (numpy shoelace), single-part multipolygons, holes, multiparts, empty and missing."""
    from algorithms.checks.overlay import exact_area

    b = shapely.box(X0, Y0, X0 + 10.1, Y0 + 9.7)
    geoms = np.array([b, shapely.Polygon(), None, shapely.MultiPolygon([b]), b.difference(shapely.box(X0 + 2, Y0 + 2,
                      X0 + 3, Y0 + 3)), shapely.MultiPolygon([shapely.box(X0, Y0, X0 + 1, Y0 + 1),
                                                              shapely.box(X0 + 5, Y0, X0 + 7, Y0 + 1)])], dtype=object)
    got = exact_area(geoms)
    # reference: GEOS on the same floats moved by the exactly representable (X0, Y0) — the subtraction is exact
    ref = shapely.area(shapely.transform(geoms, lambda c: c - np.array([X0, Y0])))
    assert np.isnan(got[2]) and np.isnan(ref[2])
    keep = [0, 1, 3, 4, 5]
    assert np.abs(got[keep] - ref[keep]).max() < 1e-9 and got[keep] == pytest.approx([97.97, 0, 97.97, 96.97, 3], abs=1e-6)


def test_threads_split_pairs_by_feature_and_give_the_same_overlay(monkeypatch):
    """With the array work split over threads (threshold lowered so this small case splits), the overlay and the
    validity checks give exactly what one thread gives; no feature's pairs are cut between two threads (a
    prepared feature is used by one thread only)."""
    from algorithms import threads
    from algorithms.checks import overlay as ov

    assert [(s.start, s.stop) for s in threads.slices(10, 3, breaks=[0, 0, 0, 1, 1, 1, 1, 2, 2, 2])] == [(0, 3), (3, 10)]
    assert [(s.start, s.stop) for s in threads.slices(6, 2, breaks=[4, 4, 4, 4, 4, 4])] == [(0, 6)]
    rng = np.random.default_rng(5)
    cx, cy = rng.uniform(0, 2000, 3000), rng.uniform(0, 2000, 3000)
    plots = shapely.box(cx, cy, cx + rng.uniform(5, 60, 3000), cy + rng.uniform(5, 60, 3000))
    t = np.linspace(0, 2 * np.pi, 600, endpoint=False)
    feats = np.array([Polygon(np.column_stack([x + 250 * (1 + 0.2 * np.sin(9 * t)) * np.cos(t),
                                               y + 250 * (1 + 0.2 * np.sin(9 * t)) * np.sin(t)]))
                      for x, y in ((400, 400), (1500, 500), (900, 1500), (1000, 1000))], dtype=object)
    token = threads.THREADS.set(1)
    one = overlay(plots, feats)
    threads.THREADS.reset(token)
    seen = []
    real = ov._settle

    def spy(p, f, qi, fj):
        order = np.argsort(fj, kind="stable")
        parts = threads.slices(len(qi), threads.PER_THREAD * threads.n_threads(), breaks=fj[order])
        seen.append([set(fj[order[s]].tolist()) for s in parts])
        return real(p, f, qi, fj)
    monkeypatch.setattr(threads, "MIN_SPLIT", 10)
    monkeypatch.setattr(ov, "_settle", spy)
    token = threads.THREADS.set(2)
    two = overlay(plots, feats)
    valid = threads.split_map(shapely.is_valid, plots)
    threads.THREADS.reset(token)
    assert len(seen[0]) == 4 and all(not (a & b) for k, a in enumerate(seen[0]) for b in seen[0][k + 1:])
    assert valid.all() and len(valid) == len(plots)
    assert np.array_equal(one.plot, two.plot) and np.array_equal(one.feature, two.feature)
    assert np.array_equal(one.area, two.area) and np.array_equal(one.touch_plot, two.touch_plot)
    assert shapely.equals_exact(one.geometry, two.geometry).all() and len(one.plot) > 100


def test_norm_column_is_normalise_code_on_every_value():
    """The column normalisation (one regular-expression pass when nothing changes, else once per distinct text, else
    value by value) gives normalise_code of every value, as a new array."""
    import pandas as pd

    from algorithms.checks.tables import norm_column, normalise_code

    tricky = ["1001", " 1001", "1001 ", "1001\u3000", "\xa01001", "10\x0001", "1001\x1c", "nan", "NaN", "None",
              "NULL", "nul", "nanx", "xnan", " null ", "", "  ", "A0101", "0101\n", "\n", "1001\x00nan", "nan\x00"]
    columns = [["1001", "1002", "0101", "Z01-01-01"] * 50, tricky, tricky + [None, float("nan"), 1001.0, 7],
               [np.str_("1001"), "1002"], ["1001"] * 3 + [" 1001"]]
    columns += [[t] for t in tricky] + [["x", t] for t in tricky] + [[t, "x"] for t in tricky]
    for values in columns:
        s = pd.Series(values, dtype=object)
        got = norm_column(s)
        assert got.tolist() == [normalise_code(v) for v in values], values
        assert [type(v) for v in got.tolist()] == [str] * len(values)
        got[:] = "changed"
        assert s.tolist() == values or values != values          # the input is not touched


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet=" \t\n\x1c\u3000\xa0\x00nNaAuUlLoOeE10x", max_size=6), min_size=1, max_size=6))
def test_norm_column_fast_test_never_misses_a_change(texts):
    """The one-pass test of norm_column says "no change" only when normalise_code changes no text."""
    from algorithms.checks.tables import _some_change, normalise_code

    if not _some_change(texts):
        assert [normalise_code(t) for t in texts] == texts


@pytest.mark.parametrize("kw", [{"tolerance": float("nan")}, {"tolerance": -1.0}, {"tolerance": None},
                                {"boundary_tolerance": float("nan")}, {"datum_accuracy": float("nan")}])
def test_nan_or_negative_tolerances_stop_the_check(kw):
    """A NaN tolerance would make every ``area >= tolerance`` false, every plot 合规: it stops the run like a negative
    one, naming the parameter in both languages."""
    from algorithms.errors import InputError

    plots = gpd.GeoDataFrame({"DKBH": ["A"], "YDYHFLDM": ["1001"]}, geometry=[box(0, 0, 100, 100)], crs="EPSG:4545")
    red = gpd.GeoDataFrame(geometry=[box(50, 0, 150, 100)], crs="EPSG:4545")
    with pytest.raises(InputError) as e:
        check_masterplan(plots, ecological_redline=red, **kw)
    name = next(iter(kw)).upper()
    assert e.value.code == "E_BAD_PARAMETER" and name in e.value.message_zh and name in e.value.message_en
    bad = kw[next(iter(kw))]
    assert ("不是数值" if bad is None or bad != bad else "不能为负") in e.value.message_zh
