"""Data as delivered (issue 15): coordinates vs CRS, area-faithful measurement, datum shifts, layers that do not
meet the plots, rules that need only their own fields. Expected values are computed by hand in the tests."""
import math

import algorithms  # noqa: F401  (PROJ data directory before pyproj loads)

import geopandas as gpd
import numpy as np
import pytest
import shapely
from pyproj import CRS, Proj, Transformer
from shapely.geometry import box

from algorithms.checks import ConstraintSpec, check_masterplan
from algorithms.crs import AREA_SCALE_LIMIT, areal_scale_error, check_coordinates, measurement_crs
from algorithms.datum import datum_shift, user_transformer
from algorithms.errors import CrsError, InputError
from algorithms.layers import area_table, prepare_layer

X0, Y0 = 36_393_000.0, 2_440_000.0        # EPSG:4524 (CGCS2000 GK zone 36 with prefix), near 凭祥, Guangxi


def b(x0, y0, x1, y1, dx=X0, dy=Y0):
    return box(dx + x0, dy + y0, dx + x1, dy + y1)


def frame(geoms, crs, **cols):
    return gpd.GeoDataFrame(cols or {"DKBH": [f"P{i + 1}" for i in range(len(geoms))]}, geometry=geoms, crs=crs)


def square_in(epsg):
    """The same 100 m × 100 m square (exactly 1 ha in EPSG:4524) with its corners moved into ``epsg``."""
    sq = frame([b(0, 0, 100, 100)], "EPSG:4524")
    return sq if epsg == 4524 else sq.to_crs(epsg)


# ------------------------------------------------------------------------------ coordinates vs CRS
@pytest.mark.parametrize("epsg, bounds, words", [
    (4545, (X0, Y0, X0 + 100, Y0 + 100), ["8 位", "zone prefix 36", "zone 36 with prefix → EPSG:4524"]),
    (4524, (393_000, Y0, 393_100, Y0 + 100), ["6 位", "without prefix → EPSG:4545"]),
    (4524, (35_500_000, Y0, 35_500_100, Y0 + 100), ["zone 35 with prefix → EPSG:4523"]),
    (2360, (393_000, Y0, 393_100, Y0 + 100), ["Xian 1980 / 3-degree Gauss-Kruger CM 108E", "EPSG:2381"]),
    (4545, (106.90, 22.05, 106.91, 22.06), ["经纬度", "degrees", "EPSG:4490"]),
    (4490, (X0, Y0, X0 + 100, Y0 + 100), ["不是经纬度", "not degrees", "zone 36 with prefix → EPSG:4524"]),
    (4326, (393_000, Y0, 393_100, Y0 + 100), ["projected metres"]),
    (4490, (22.05, 106.90, 22.06, 106.91), ["对调", "swapped"]),
    (4545, (393_000, -10, 393_100, 100), ["适用范围", "area of use"]),
])
def test_impossible_coordinates_stop_with_the_layer_the_look_and_the_fix(epsg, bounds, words):
    with pytest.raises(CrsError) as err:
        check_coordinates(CRS.from_epsg(epsg), bounds, layer="地块 A")
    assert err.value.code == "E_COORDS_CRS"
    text = err.value.bilingual()
    assert "地块 A" in text and "'地块 A'" in text
    for w in words:
        assert w in text, (w, text)


@pytest.mark.parametrize("epsg, bounds", [(4524, (X0, Y0, X0 + 100, Y0 + 100)), (4545, (393_000, Y0, 393_100, Y0 + 100)),
                                          (4490, (106.9, 22.05, 106.91, 22.06)), (3857, (11_900_000, 2_520_000,
                                                                                          11_900_100, 2_520_100))])
def test_plausible_coordinates_pass(epsg, bounds):
    check_coordinates(CRS.from_epsg(epsg), bounds, layer="x")


def test_mislabelled_plots_stop_the_masterplan_check():
    plots = frame([b(0, 0, 100, 100)], "EPSG:4545", DKBH=["P1"], YDYHFLDM=["1001"])  # X has the prefix: 4524
    red = frame([b(50, -50, 150, 150)], "EPSG:4524")
    with pytest.raises(CrsError) as err:
        check_masterplan(plots, ecological_redline=red)
    assert "EPSG:4524" in err.value.message_en and "地块" in err.value.message_zh


def test_mislabelled_constraint_layer_stops_too_never_a_pass():
    plots = frame([b(0, 0, 100, 100)], "EPSG:4524", DKBH=["P1"], YDYHFLDM=["1001"])
    red = frame([b(50, -50, 150, 150)], "EPSG:4545")
    with pytest.raises(CrsError) as err:
        check_masterplan(plots, ecological_redline=ConstraintSpec(red, name="红线"))
    assert "红线" in err.value.message_zh


# ------------------------------------------------------------------------------ area-faithful measurement
def test_web_mercator_is_not_used_for_measuring():
    sq = square_in(3857)
    bounds = tuple(sq.total_bounds)
    assert areal_scale_error(CRS.from_epsg(3857), bounds) == pytest.approx(1 / math.cos(math.radians(22.05)) ** 2 - 1,
                                                                          abs=2e-3)
    assert measurement_crs(CRS.from_epsg(3857), bounds=bounds).to_epsg() == 4545
    prep = prepare_layer(sq, layer="webmerc")
    assert area_table(prep.measured)["ha"][0] == pytest.approx(1.0, abs=1e-4)
    notes = [f for f in prep.findings if f.rule_id == "CRS-AREA-SCALE"]
    assert len(notes) == 1 and notes[0].value == pytest.approx(100 * areal_scale_error(CRS.from_epsg(3857), bounds))
    assert "CGCS2000 / 3-degree Gauss-Kruger CM 108E" in notes[0].message


def test_same_square_same_area_in_four_crs():
    areas = {e: area_table(prepare_layer(square_in(e), layer=str(e)).measured)["m2"][0] for e in (3857, 4326, 4490, 4524)}
    assert areas[4524] == pytest.approx(10_000.0, abs=1e-6)
    for e, a in areas.items():
        assert abs(a - areas[4524]) <= 0.01, (e, a)


def test_gk_zone_kept_when_its_scale_error_is_small():
    bounds = (X0, Y0, X0 + 100, Y0 + 100)
    err = areal_scale_error(CRS.from_epsg(4524), bounds)
    lon, lat = Transformer.from_crs(4524, 4490, always_xy=True).transform(X0, Y0)   # farthest from the CM
    f = Proj(CRS.from_epsg(4524)).get_factors(lon, lat)
    assert err == pytest.approx(f.areal_scale - 1, rel=1e-3) and 0 < err < AREA_SCALE_LIMIT
    assert measurement_crs(CRS.from_epsg(4524), bounds=bounds).to_epsg() == 4524


# ------------------------------------------------------------------------------ datums
def test_xian80_to_cgcs2000_is_ballpark_with_unknown_accuracy():
    shift = datum_shift(CRS.from_epsg(2360), CRS.from_epsg(4524), (X0, Y0, X0 + 100, Y0 + 100))
    assert shift is not None and shift.accuracy is None and shift.uncertain
    assert "Ballpark" in shift.description
    assert datum_shift(CRS.from_epsg(4490), CRS.from_epsg(4524)) is None


def _east_shift(e_m, lon):
    """ECEF translation that moves a point at longitude ``lon`` by ``e_m`` metres due east."""
    lam = math.radians(lon)
    return f"{-e_m * math.sin(lam):.9f},{e_m * math.cos(lam):.9f},0,0,0,0,0"


def test_user_bursa_wolf_moves_a_point_by_the_hand_computed_amount():
    x, y = X0 + 50.0, Y0 + 50.0
    lon, lat = Transformer.from_crs(2360, CRS.from_epsg(2360).geodetic_crs, always_xy=True).transform(x, y)
    t0, _ = user_transformer("0,0,0,0,0,0,0", CRS.from_epsg(2360), CRS.from_epsg(4524))
    t1, desc = user_transformer(_east_shift(10.0, lon), CRS.from_epsg(2360), CRS.from_epsg(4524))
    (ax, ay), (bx, by) = t0.transform(x, y), t1.transform(x, y)
    f = Proj(CRS.from_epsg(4524)).get_factors(lon, lat)
    k, gamma = f.meridional_scale, math.radians(f.meridian_convergence)
    assert math.hypot(bx - ax, by - ay) == pytest.approx(10.0 * k, abs=1e-4)      # 10 m east, grid scale k
    assert bx - ax == pytest.approx(10.0 * k * math.cos(gamma), abs=1e-4)
    assert abs(by - ay) == pytest.approx(10.0 * k * abs(math.sin(gamma)), abs=1e-4)
    assert "Bursa-Wolf" in desc


@pytest.mark.parametrize("text", ["1,2", "a,b,c", "1,2,3,4,5,6,7,8", "+proj=nonsense"])
def test_bad_user_transformation_is_a_clear_error(text):
    with pytest.raises(InputError) as err:
        user_transformer(text, CRS.from_epsg(2360), CRS.from_epsg(4524))
    assert err.value.code == "E_BAD_PARAMETER" and "DATUM_TRANSFORM" in err.value.message_en


def _xian80_case():
    plots = frame([b(0, 0, 100, 100), b(200, 0, 300, 100), b(500, 0, 600, 100), b(1000, 0, 1100, 100)], "EPSG:4524",
                  DKBH=["A", "B", "C", "D"], YDYHFLDM=["1001"] * 4)
    # the red line in Xian 1980 / GK zone 36 (EPSG:2360): A 50 m deep in it, B a 2 m sliver, C 3 m away, D far
    red = frame([b(-1000, -1000, 50, 1100), b(298, -50, 400, 150), b(603, -50, 700, 150)], "EPSG:2360",
                BSM=["E1", "E2", "E3"])
    return plots, red


def _status(res):
    return dict(zip(res.plots.DKBH, res.plots.SCJL))


def test_xian80_red_line_ballpark_makes_its_conflicts_verify():
    plots, red = _xian80_case()
    res = check_masterplan(plots, ecological_redline=red)
    assert _status(res) == {"A": "需核实", "B": "需核实", "C": "合规", "D": "合规"}
    rule = res.rules[0]
    assert rule.status == "checked" and any("精度未知" in n and "ballpark" in n for n in rule.notes)
    assert any(f.rule_id == "CRS-DATUM" and f.severity == "warning" for f in res.findings)
    conf = res.conflicts[res.conflicts.GZBH == "MP-ECO"]
    assert set(conf.YZCD) == {"警告"} and all("需核实" in m for m in conf.SM)


def test_xian80_red_line_with_an_assumed_accuracy_verifies_only_near_the_boundary():
    plots, red = _xian80_case()
    res = check_masterplan(plots, ecological_redline=red, datum_accuracy=5.0)
    assert _status(res) == {"A": "不合规", "B": "需核实", "C": "需核实", "D": "合规"}
    assert any("5 米" in n for n in res.rules[0].notes)


def test_user_bursa_wolf_moves_the_conflict_area_by_the_hand_computed_amount():
    plots, red = _xian80_case()
    lon, lat = Transformer.from_crs(2360, CRS.from_epsg(2360).geodetic_crs, always_xy=True).transform(X0 + 50, Y0 + 50)
    base = check_masterplan(plots, ecological_redline=red.iloc[:1], datum_transform="0,0,0,0,0,0,0")
    moved = check_masterplan(plots, ecological_redline=red.iloc[:1], datum_transform=_east_shift(10.0, lon))
    f = Proj(CRS.from_epsg(4524)).get_factors(lon, lat)
    expected = 100.0 * 10.0 * f.meridional_scale * math.cos(math.radians(f.meridian_convergence))
    a0 = dict(zip(base.plots.DKBH, base.plots.CT_STHX))["A"]
    a1 = dict(zip(moved.plots.DKBH, moved.plots.CT_STHX))["A"]
    assert a1 - a0 == pytest.approx(expected, abs=0.05)
    assert _status(moved)["A"] == "不合规"               # a user transformation: no ballpark doubt
    assert any("Bursa-Wolf" in n for n in moved.rules[0].notes)


# ------------------------------------------------------------------------------ layers that do not meet
def test_layer_that_does_not_meet_the_plots_is_not_checked_unless_declared_elsewhere():
    plots = frame([b(0, 0, 100, 100)], "EPSG:4524", DKBH=["P1"], YDYHFLDM=["1001"])
    far = frame([b(50_000, 0, 50_100, 100)], "EPSG:4524")
    res = check_masterplan(plots, farmland=far)
    assert res.rules[0].status == "not_checked"
    assert "图层范围与地块不相交，请核对坐标系/图层" in res.rules[0].reason and "does not meet" in res.rules[0].reason
    assert _status(res) == {"P1": "需核实"}
    res = check_masterplan(plots, farmland=ConstraintSpec(far, elsewhere=True))
    assert res.rules[0].status == "checked" and _status(res) == {"P1": "合规"}


# ------------------------------------------------------------------------------ only the fields a rule needs
def test_missing_landuse_field_disables_only_the_rules_that_need_it():
    plots = frame([b(0, 0, 100, 100), b(300, 0, 400, 100)], "EPSG:4524", DKBH=["P1", "P2"])
    red = frame([b(50, -50, 150, 150)], "EPSG:4524")
    zones = gpd.GeoDataFrame({"GHFQ": ["工业发展区"]}, geometry=[b(-100, -100, 500, 200)], crs="EPSG:4524")
    res = check_masterplan(plots, ecological_redline=red, zoning=zones, zone_field="GHFQ")
    rules = {r.rule_id: r for r in res.rules}
    assert rules["MP-ECO"].status == "checked" and rules["MP-ZONE"].status == "not_checked"
    assert "YDYHFLDM" in rules["MP-ZONE"].reason
    assert dict(zip(res.plots.DKBH, res.plots.CT_STHX))["P1"] == pytest.approx(5000.0)
    assert _status(res) == {"P1": "需核实", "P2": "需核实"}   # P1 conflict (code unknown), P2 zoning unchecked


def test_missing_code_field_names_plots_by_feature_id():
    plots = frame([b(0, 0, 100, 100)], "EPSG:4524", YDYHFLDM=["1001"])
    red = frame([b(50, -50, 150, 150)], "EPSG:4524")
    res = check_masterplan(plots, ecological_redline=red)
    assert list(res.conflicts.DKBH) == ["#0"] and list(res.plots.SCJL) == ["不合规"]
    assert np.isclose(res.plots.CT_STHX.iloc[0], 5000.0)


def test_qgis_project_choice_is_used_both_ways_and_a_ballpark_choice_stays_uncertain():
    tm = "+proj=tmerc +lat_0=0 +lon_0=108 +k=1 +y_0=0 +x_0=36500000"
    pipe = (f"+proj=pipeline +step +inv {tm} +ellps=IAU76 +step +proj=push +v_3 +step +proj=cart +ellps=IAU76 "
            f"+step +proj=helmert +x=10 +y=0 +z=0 +step +inv +proj=cart +ellps=GRS80 +step +proj=pop +v_3 "
            f"+step {tm} +ellps=GRS80")
    ops = {("EPSG:2360", "EPSG:4524"): (pipe, 0.5, "省级七参数")}
    fwd = datum_shift(CRS.from_epsg(2360), CRS.from_epsg(4524), project_ops=ops)
    assert (fwd.origin, fwd.accuracy, fwd.uncertain, fwd.inverse) == ("project", 0.5, False, False)
    x, y = fwd.transform(X0, Y0)
    assert (x, y) == Transformer.from_pipeline(pipe).transform(X0, Y0)
    back = datum_shift(CRS.from_epsg(4524), CRS.from_epsg(2360), project_ops=ops)
    assert back.inverse and back.transform(x, y) == pytest.approx((X0, Y0), abs=1e-6)
    ballpark = {("EPSG:2360", "EPSG:4524"): ("+proj=noop", None, "Ballpark geographic offset")}
    assert datum_shift(CRS.from_epsg(2360), CRS.from_epsg(4524), project_ops=ballpark).uncertain


def test_zone_prefix_slip_is_refused_even_in_a_crs_without_an_area_of_use():
    custom = CRS.from_proj4("+proj=tmerc +lat_0=0 +lon_0=108 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m")
    assert custom.area_of_use is None
    with pytest.raises(CrsError) as err:
        check_coordinates(custom, (X0, Y0, X0 + 100, Y0 + 100), layer="L")
    assert "zone prefix 36" in err.value.message_en
    check_coordinates(custom, (0.0, 0.0, 100.0, 100.0), layer="L")      # a local grid near its origin: not judged


def _circles_gpkg(path, radii):
    """Curve polygons (full circles as CIRCULARSTRING) of the given radii in EPSG:4524, written with OGR."""
    from osgeo import ogr, osr

    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4524)
    lyr = ds.CreateLayer("hx", srs, ogr.wkbCurvePolygon)
    for k, r in enumerate(radii):
        x, y = X0 + 10_000 * k, Y0
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"CURVEPOLYGON(CIRCULARSTRING({x - r} {y},{x + r} {y},{x - r} {y}))"))
        lyr.CreateFeature(f)
    ds = None
    return [(X0 + 10_000 * k, Y0) for k in range(len(radii))]


def test_engine_reads_linearise_curves_within_the_stated_deviation(tmp_path):
    """The engine's own GDAL reads (the scaled run's sources, a constraint given as a path) linearise arcs within
    CURVE_TOLERANCE_M, as the plugin's bridge does — GDAL's default 4° step leaves 0.06 m on a 100 m radius."""
    from algorithms.checks.constraints import _read
    from algorithms.geometry import CURVE_TOLERANCE_M
    from algorithms.scale.sources import parse_source

    radii = (5.0, 100.0, 2000.0, 20_000.0)
    centres = _circles_gpkg(tmp_path / "c.gpkg", radii)
    for gdf in (parse_source(f"{tmp_path}/c.gpkg|layername=hx").read(), _read(f"{tmp_path}/c.gpkg|layername=hx")):
        for g, r, (cx, cy) in zip(gdf.geometry, radii, centres):
            xy = shapely.get_coordinates(g) - (cx, cy)
            mid = (xy[1:] + xy[:-1]) / 2                           # chord midpoints: the farthest from the arc
            assert r - np.hypot(mid[:, 0], mid[:, 1]).min() <= CURVE_TOLERANCE_M, r
