"""Layout engine: exact-area cuts, units along roads, plots on the cadastral base, hierarchy checks.

Expected values are computed by hand in the comments; property tests (hypothesis) check the invariants of
issue 3 on random concave polygons with holes and multiparts.
"""
import math

import geopandas as gpd
import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from algorithms.errors import ZutuanError
from algorithms.geometry import polygonal_part
from algorithms.layout import assign_codes, check_hierarchy, subdivide_plots, subdivide_units
from algorithms.layout.split import _edges, area_left, cut_offset, frame_of

CRS = "+proj=tmerc +lat_0=22.5 +lon_0=114 +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs"  # a city's local grid (独立坐标系, metres)


def gdf(geoms, crs=CRS, **cols):
    return gpd.GeoDataFrame(cols, geometry=list(geoms), crs=crs)


def rule_ids(findings):
    return sorted(f.rule_id for f in findings)


# ---------------------------------------------------------------------------------------------- exact cuts
def test_area_left_and_cut_offset_on_a_triangle():
    tri = shapely.Polygon([(0, 0), (10, 0), (0, 10)])
    f = frame_of(shapely.box(0, 0, 10, 10))          # axis-parallel frame, origin (5, 5)
    assert (f.ux, f.uy, f.ox, f.oy) == (1.0, 0.0, 5.0, 5.0)
    e = _edges(tri, f, 0)
    # area left of local x = t - 5 is ∫0^t (10 - x) dx = 10 t - t²/2
    for t in (0.0, 2.0, 7.5, 10.0):
        assert area_left(e, [t - 5])[0] == pytest.approx(10 * t - t * t / 2, abs=1e-9)
    t, lo, hi = cut_offset(e, 0.5)                   # 10 t - t²/2 = 25  ->  t = 10 - √50
    assert t + 5 == pytest.approx(10 - math.sqrt(50), abs=1e-9) and (lo, hi) == (-5.0, 5.0)


def test_cut_offset_with_a_hole():
    # 100 x 10 box with a 10 x 10... hole 40..60 x 2..8 (area 120): total 880; half = 440 at x where
    # 10 x = 440 for x ≤ 40 -> x = 44 is inside the hole span: 400 + 4·(x-40) = 440 -> x = 50
    poly = shapely.Polygon([(0, 0), (100, 0), (100, 10), (0, 10)], [[(40, 2), (60, 2), (60, 8), (40, 8)]])
    f = frame_of(poly)
    t, _, _ = cut_offset(_edges(poly, f, 0), 0.5)
    assert t + f.ox == pytest.approx(50.0, abs=1e-9)


# ---------------------------------------------------------------------------------------------- plots
def test_rectangle_unit_gives_exact_rectangles_and_codes():
    units = gdf([shapely.box(0, 0, 200, 100)], DYBH=["Z01-01"], ZTBH=["Z01"], CYL=["冷链"])
    plots, findings, q = subdivide_plots(units, target_area=5000, min_area=2500, max_area=10000)
    assert len(plots) == 4                                           # 20000 / 5000
    assert np.allclose(plots["YDMJ"], 5000.0, atol=1e-6)
    assert q["rectangularity_mean"] == pytest.approx(1.0, abs=1e-9)
    assert q["share_within_target_band"] == 1.0 and q["count"] == 4
    assert sorted(plots["DKBH"]) == ["Z01-01-01", "Z01-01-02", "Z01-01-03", "Z01-01-04"]
    assert set(plots["DYBH"]) == {"Z01-01"} and set(plots["ZTBH"]) == {"Z01"} and set(plots["CYL"]) == {"冷链"}
    assert set(plots["GDZT"]) == {"未供地"}
    assert plots["MJMU"].sum() == pytest.approx(20000 / 10000 * 15)
    # a 200 x 100 block in 4: first cut across the long side (x = 100), then each 100 x 100 half in two
    xs = sorted({round(b, 6) for g in plots.geometry for b in g.bounds[::2]})
    assert 100.0 in xs
    assert not [f for f in findings if f.severity in ("error", "warning")]


def test_cadastre_supplied_parcel_kept_and_boundaries_respected():
    units = gdf([shapely.box(0, 0, 300, 100)], DYBH=["Z01-01"])
    supplied = shapely.box(0, 0, 60, 100)                           # 6000 m², never cut
    parcel = shapely.box(60, 0, 170, 100)                           # 11000 m², boundary at x = 170
    cad = gdf([supplied, parcel], GDZT=["已供地", "未供地"])
    plots, findings, q = subdivide_plots(units, cad, target_area=5000, min_area=2500, max_area=10000)
    sup = plots[plots["GDZT"] == "已供地"]
    assert len(sup) == 1 and sup.geometry.iloc[0].symmetric_difference(supplied).area < 1e-9
    assert q["supplied_plots"] == 1
    new = plots[plots["GDZT"] == "未供地"]
    for g in new.geometry:
        inside = g.intersection(parcel).area
        assert inside < 1e-6 or abs(inside - g.area) < 1e-6, "a new plot crosses the parcel boundary x = 170"
    # parcel 11000 -> 2 plots of 5500; rest 130 x 100 = 13000 -> 3 plots of 4333.3
    assert sorted(np.round(new["YDMJ"], 3)) == [4333.333] * 3 + [5500.0] * 2
    # a supplied flag passed as a mask (an evaluated expression) does the same
    plots2, _, _ = subdivide_plots(units, cad.drop(columns="GDZT"), supplied=[True, False], target_area=5000,
                                   min_area=2500, max_area=10000)
    assert (plots2["GDZT"] == "已供地").sum() == 1


def test_frontage_every_plot_touches_the_road_when_the_shape_allows():
    # a deep unit (100 wide, 300 deep) with its road along the south side only
    units = gdf([shapely.box(0, 0, 100, 300)], DYBH=["Z01-01"])
    road = gdf([shapely.box(-50, -20, 150, 0)])
    plots, findings, q = subdivide_plots(units, roads=road, target_area=5000, min_area=2500, max_area=10000)
    assert len(plots) == 6
    assert q["share_with_frontage"] == 1.0 and q["frontage_basis"] == "roads"
    assert "LAYOUT-NO-FRONTAGE" not in rule_ids(findings)
    # with an aspect limit of 4 the strips cannot all reach the road: the rest are reported
    plots, findings, q = subdivide_plots(units, roads=road, target_area=5000, min_area=2500, max_area=10000,
                                         max_aspect=4)
    n_no = rule_ids(findings).count("LAYOUT-NO-FRONTAGE")
    assert n_no > 0 and q["share_with_frontage"] == pytest.approx(1 - n_no / len(plots))


def test_unit_smaller_than_min_is_one_plot_with_warning():
    units = gdf([shapely.box(0, 0, 40, 50), shapely.box(100, 0, 300, 100)], DYBH=["Z01-01", "Z01-02"])
    plots, findings, q = subdivide_plots(units, target_area=5000, min_area=2500)
    small = plots[plots["DYBH"] == "Z01-01"]
    assert len(small) == 1 and small["YDMJ"].iloc[0] == pytest.approx(2000.0)
    assert "LAYOUT-UNIT-SMALL" in rule_ids(findings)
    assert len(plots[plots["DYBH"] == "Z01-02"]) == 4


def test_per_unit_override_fields():
    units = gdf([shapely.box(0, 0, 200, 100), shapely.box(300, 0, 500, 100)], DYBH=["Z01-01", "Z01-02"],
                DKMBMJ=[None, 10000.0], DKZXMJ=[None, 8000.0], DKZDMJ=[None, 20000.0])
    plots, _, _ = subdivide_plots(units, target_area=5000, min_area=2500, max_area=10000)
    assert (plots["DYBH"] == "Z01-01").sum() == 4 and (plots["DYBH"] == "Z01-02").sum() == 2


def test_bad_input_errors():
    units = gdf([shapely.box(0, 0, 200, 100)], DYBH=["Z01-01"])
    with pytest.raises(ZutuanError) as e:
        subdivide_plots(units, target_area=0)
    assert e.value.code == "E_BAD_PARAMETER" and "目标面积" in e.value.message_zh
    with pytest.raises(ZutuanError) as e:      # NaN minimum unit area: no piece would ever be merged
        subdivide_units(gdf([shapely.box(0, 0, 200, 100)], ZTBH=["Z01"]), min_unit_area=float("nan"))
    assert e.value.code == "E_BAD_PARAMETER"
    with pytest.raises(ZutuanError) as e:
        subdivide_plots(units, target_area=-5)
    assert e.value.code == "E_BAD_PARAMETER"
    lines = gdf([shapely.LineString([(0, 0), (100, 0)])])
    with pytest.raises(ZutuanError) as e:
        subdivide_plots(lines, target_area=5000)
    assert e.value.code == "E_NOT_POLYGON"
    with pytest.raises(ZutuanError) as e:
        subdivide_units(lines)
    assert e.value.code == "E_NOT_POLYGON"
    with pytest.raises(ZutuanError) as e:
        subdivide_units(gdf([shapely.box(0, 0, 10, 10)]), gdf([shapely.box(0, 0, 5, 5)]))
    assert e.value.code == "E_NOT_LINE" and "道路中心线" in e.value.message_zh


# ---------------------------------------------------------------------------------------------- units
def _cross():
    clusters = gdf([shapely.box(0, 0, 1000, 1000)], ZTBH=["Z01"], CYL=["冷链"])
    roads = gdf([shapely.LineString([(-50, 500), (1050, 500)]), shapely.LineString([(500, -50), (500, 1050)])],
                DLDJ=["主干路", "次干路"], HXKD=[None, None])
    return clusters, roads


def test_units_between_crossing_roads():
    clusters, roads = _cross()
    units, corr, findings, q = subdivide_units(clusters, roads)
    # 主干路 40 m: y 480–520; 次干路 30 m: x 485–515.  Corridors 1000·40 + 1000·30 − 40·30 = 68 800 m²
    assert corr["YDMJ"].sum() == pytest.approx(68800.0, abs=1e-6)
    assert sorted(corr["HXKD"]) == [30.0, 40.0]
    # the wider road keeps the crossing: 40 000 and 30 000 − 1 200
    assert sorted(np.round(corr["YDMJ"], 6)) == [28800.0, 40000.0]
    assert sorted(np.round(corr["DLCD"], 6)) == [1000.0, 1000.0]
    assert len(units) == 4 and np.allclose(units["YDMJ"], 485 * 480)
    assert sorted(units["DYBH"]) == ["Z01-01", "Z01-02", "Z01-03", "Z01-04"]
    assert set(units["CYL"]) == {"冷链"} and set(units["ZTBH"]) == {"Z01"}
    assert abs(q["balance_error"]) < 1e-6 and q["count"] == 4
    assert not findings


def test_units_split_by_max_area_and_codes_along_main_axis():
    clusters = gdf([shapely.box(0, 0, 1000, 400)], ZTBH=["Z03"])
    units, corr, _, q = subdivide_units(clusters, min_unit_area=10000, max_unit_area=100000)
    assert len(corr) == 0 and len(units) == 4 and np.allclose(units["YDMJ"], 100000.0)
    # codes run along the long (x) axis
    xs = [g.centroid.x for g in units.sort_values("DYBH").geometry]
    assert xs == sorted(xs) and list(units.sort_values("DYBH")["DYBH"]) == ["Z03-01", "Z03-02", "Z03-03", "Z03-04"]
    assert q["rectangularity_mean"] == pytest.approx(1.0)


def test_l_junction_and_short_end_leave_no_slivers():
    clusters = gdf([shapely.box(0, 0, 600, 600)], ZTBH=["Z01"])
    # an L of two 支路 sharing the end (300, 300), and a 次干路 stopping 6 m short of the cluster edge
    roads = gdf([shapely.LineString([(300, -10), (300, 300)]), shapely.LineString([(300, 300), (610, 300)]),
                 shapely.LineString([(-10, 450), (594, 450)])], DLDJ=["支路", "支路", "次干路"])
    units, corr, findings, q = subdivide_units(clusters, roads, min_unit_area=5000)
    assert units["YDMJ"].min() > 5000
    assert abs(q["balance_error"]) < 0.01 * 36
    # the corner of the L is filled: corridors form one polygon with no hole near (300, 300)
    u = shapely.union_all(corr.geometry.values)
    assert shapely.Point(305, 305).within(u) or shapely.Point(295, 295).within(u)
    assert all(len(g.interiors) == 0 for g in shapely.get_parts(u))
    # the short end was extended to the edge: the strip north of the 次干路 is its own unit
    assert (units.geometry.centroid.y > 465).sum() == 1


def test_self_intersecting_cluster_is_repaired_and_reported():
    bowtie = shapely.Polygon([(0, 0), (400, 400), (400, 0), (0, 400)])
    units, corr, findings, q = subdivide_units(gdf([bowtie], ZTBH=["Z01"]), min_unit_area=1000)
    assert "GEOM-REPAIRED" in rule_ids(findings)
    assert units.geometry.is_valid.all() and units["YDMJ"].sum() == pytest.approx(80000.0)


def test_deterministic():
    clusters, roads = _cross()
    a = subdivide_units(clusters, roads, max_unit_area=60000)
    b = subdivide_units(clusters, roads, max_unit_area=60000)
    assert list(a[0]["DYBH"]) == list(b[0]["DYBH"])
    assert all(x.equals_exact(y, 0) for x, y in zip(a[0].geometry, b[0].geometry))
    p1 = subdivide_plots(a[0], roads=a[1], target_area=8000)
    p2 = subdivide_plots(b[0], roads=b[1], target_area=8000)
    assert list(p1[0]["DKBH"]) == list(p2[0]["DKBH"])
    assert all(x.equals_exact(y, 0) for x, y in zip(p1[0].geometry, p2[0].geometry))


# ---------------------------------------------------------------------------------------------- hierarchy
def test_clean_hierarchy_has_no_findings_and_broken_one_has_each():
    clusters, roads = _cross()
    units, corr, _, _ = subdivide_units(clusters, roads)
    plots, _, _ = subdivide_plots(units, target_area=20000)
    assert check_hierarchy(clusters, units, plots) == []
    bad = plots.copy()
    bad.loc[bad.index[1], "DKBH"] = bad["DKBH"].iloc[0]                       # duplicate
    bad.loc[bad.index[2], "DKBH"] = "Z01/01/03"                               # malformed
    bad.loc[bad.index[3], "geometry"] = bad.geometry.iloc[3].buffer(3)        # overlaps + crosses
    bad = bad.drop(index=bad.index[5])                                        # gap
    extra = gdf([shapely.box(2000, 2000, 2100, 2100)], DKBH=["Z01-01-99"], DYBH=["Z01-01"])
    bad = gpd.GeoDataFrame(np.concatenate([bad.values, extra.reindex(columns=bad.columns).values]),
                           columns=bad.columns, geometry="geometry", crs=CRS)
    ids = set(rule_ids(check_hierarchy(clusters, units, bad)))
    assert {"LAYOUT-CODE-DUPLICATE", "LAYOUT-CODE-MALFORMED", "LAYOUT-OVERLAP", "LAYOUT-CROSSES", "LAYOUT-GAP",
            "LAYOUT-OUTSIDE"} <= ids
    wrong_parent = plots.copy()
    wrong_parent.loc[wrong_parent.index[0], "DKBH"] = "Z09-09-01"
    assert "LAYOUT-CODE-PARENT" in rule_ids(check_hierarchy(clusters, units, wrong_parent))


def test_assign_codes_for_hand_drawn_layers():
    clusters = gdf([shapely.box(0, 0, 100, 100), shapely.box(200, 0, 300, 100)])
    units = gdf([shapely.box(200, 0, 250, 100), shapely.box(250, 0, 300, 100), shapely.box(0, 0, 100, 100)])
    plots = gdf([shapely.box(250, 0, 300, 50), shapely.box(250, 50, 300, 100), shapely.box(0, 0, 100, 100)])
    c, u, p = assign_codes(clusters, units, plots)
    assert list(c["ZTBH"]) == ["Z01", "Z02"]
    assert list(u["DYBH"]) == ["Z02-01", "Z02-02", "Z01-01"] and list(u["ZTBH"]) == ["Z02", "Z02", "Z01"]
    assert sorted(p["DKBH"][:2]) == ["Z02-02-01", "Z02-02-02"] and p["DKBH"].iloc[2] == "Z01-01-01"
    assert list(p["ZTBH"]) == ["Z02", "Z02", "Z01"]
    # unit Z02-01 (x 200–250) has no plot: the one finding, with or without gaps measured against the clusters
    for found in (check_hierarchy(c, u, p, gaps_against_clusters=True), check_hierarchy(c, u, p)):
        assert [(f.rule_id, f.code) for f in found] == [("LAYOUT-GAP", "Z02-01")]


# ---------------------------------------------------------------------------------------------- properties
@st.composite
def concave_polygons(draw):
    """A star-shaped (concave) polygon, optionally with a hole and a second part."""
    n = draw(st.integers(5, 14))
    radii = draw(st.lists(st.floats(0.45, 1.0), min_size=n, max_size=n))
    scale = draw(st.floats(150, 600))
    rot = draw(st.floats(0, math.pi))
    ang = rot + np.linspace(0, 2 * math.pi, n, endpoint=False)
    pts = np.column_stack([np.cos(ang) * radii, np.sin(ang) * radii]) * scale + 500000.0
    poly = shapely.Polygon(pts)
    if draw(st.booleans()):
        h = scale * draw(st.floats(0.08, 0.25))
        c = shapely.get_coordinates(poly.centroid)[0]
        hole = shapely.box(c[0] - h, c[1] - h, c[0] + h, c[1] + h)
        if hole.within(poly):
            poly = poly.difference(hole)
    if draw(st.booleans()):
        poly = shapely.union(poly, shapely.affinity.translate(shapely.box(0, 0, scale * 0.6, scale * 0.4),
                                                               pts[:, 0].max() + 30, pts[:, 1].min()))
    return shapely.make_valid(poly)


def _tiles(parent, pieces, tol_per_ha=0.01):
    """Pieces tile ``parent``: equal total area, no gap, no overlap (overlays snap-rounded on a 1 µm grid, as
    a checker must do with pieces whose edges nearly coincide)."""
    total = sum(p.area for p in pieces)
    assert abs(total - parent.area) <= tol_per_ha * max(parent.area / 10000, 1), (total, parent.area)
    u = polygonal_part(shapely.union_all(pieces, grid_size=1e-6))
    assert shapely.difference(parent, u, grid_size=1e-6).area <= 0.01
    tree = shapely.STRtree(pieces)
    i, j = tree.query(pieces)
    m = i < j
    if m.any():
        ov = shapely.area(shapely.intersection(np.asarray(pieces)[i[m]], np.asarray(pieces)[j[m]], grid_size=1e-6))
        assert ov.max() <= 0.01


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(concave_polygons(), st.integers(1, 25))
def test_property_plots_tile_their_unit(poly, k):
    target = poly.area / k
    lo, hi = target * 0.5, target * 2.0
    units = gdf([poly], DYBH=["Z01-01"])
    plots, findings, q = subdivide_plots(units, target_area=target, min_area=lo, max_area=hi)
    g = list(plots.geometry)
    assert all(x.is_valid and x.geom_type == "Polygon" for x in g)
    _tiles(poly, g)
    # only a reported, kept offcut may leave the band: each plot outside it is one of the LAYOUT-OFFCUT-KEPT findings
    kept = [f.value for f in findings if f.rule_id == "LAYOUT-OFFCUT-KEPT"]
    for a in plots["YDMJ"]:
        if not lo * (1 - 1e-6) <= a <= hi * (1 + 1e-6):
            match = next((v for v in kept if abs(v - a) <= 1e-6 * max(a, 1.0)), None)
            assert match is not None, (a, kept)
            kept.remove(match)
    assert q["count"] == len(plots) and len(set(plots["DKBH"])) == len(plots)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(concave_polygons(), st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1), st.floats(0, math.pi),
                                              st.sampled_from(["主干路", "次干路", "支路"])), min_size=0, max_size=4))
def test_property_units_and_corridors_fill_the_cluster(poly, lines):
    x0, y0, x1, y1 = poly.bounds
    d = max(x1 - x0, y1 - y0) * 1.5
    geoms = []
    for fx, fy, a, _ in lines:
        cx, cy = x0 + fx * (x1 - x0), y0 + fy * (y1 - y0)
        geoms.append(shapely.LineString([(cx - d * math.cos(a), cy - d * math.sin(a)),
                                         (cx + d * math.cos(a), cy + d * math.sin(a))]))
    roads = gdf(geoms, DLDJ=[c for *_, c in lines]) if geoms else None
    units, corr, findings, q = subdivide_units(gdf([poly], ZTBH=["Z01"]), roads, min_unit_area=2000,
                                               max_unit_area=60000)
    pieces = list(units.geometry) + list(corr.geometry)
    assert all(x.is_valid for x in pieces)
    _tiles(poly, pieces)
    assert len(set(units["DYBH"])) == len(units)


# ---------------------------------------------------------------------------------------------- more cases
def test_frontage_from_centre_lines_uses_half_the_red_line_width():
    units = gdf([shapely.box(0, 0, 100, 300)], DYBH=["Z01-01"])
    # a 30 m road whose centre line runs 15 m south of the unit: its red line touches the unit's south side
    roads = gdf([shapely.LineString([(-50, -15), (150, -15)])], HXKD=[30.0])
    plots, findings, q = subdivide_plots(units, roads=roads, target_area=5000)
    assert q["share_with_frontage"] == 1.0 and q["frontage_basis"] == "roads"
    # the same line 40 m away (red line 25 m short of the unit): no plot fronts it
    far = gdf([shapely.LineString([(-50, -40), (150, -40)])], HXKD=[30.0])
    _, findings, q = subdivide_plots(units, roads=far, target_area=5000)
    assert q["share_with_frontage"] == 0.0 and rule_ids(findings).count("LAYOUT-NO-FRONTAGE") == 6


def test_supplied_parcel_fragment_over_the_unit_boundary_is_not_a_plot():
    units = gdf([shapely.box(0, 0, 200, 100), shapely.box(200, 0, 400, 100)], DYBH=["Z01-01", "Z01-02"])
    # a supplied parcel of 60 x 100 in unit 1 that pokes 0.5 m into unit 2 (50 m² fragment)
    cad = gdf([shapely.box(140, 0, 200.5, 100)], GDZT=["已供地"])
    plots, findings, q = subdivide_plots(units, cad, target_area=5000, min_area=2500, max_area=10000)
    sup = plots[plots["GDZT"] == "已供地"]
    assert len(sup) == 1 and sup["DYBH"].iloc[0] == "Z01-01" and sup["YDMJ"].iloc[0] == pytest.approx(6000.0)
    assert "LAYOUT-SUPPLIED-CROSSES-UNIT" in rule_ids(findings)
    # the fragment went into a new plot of unit 2: unit 2 is still fully tiled and has no plot below the minimum
    u2 = plots[plots["DYBH"] == "Z01-02"]
    assert u2["YDMJ"].sum() == pytest.approx(20000.0) and u2["YDMJ"].min() >= 2500


def test_progress_logs_quality_and_cancel_stops():
    from algorithms.errors import CancelledError
    from algorithms.progress import Progress

    units = gdf([shapely.box(0, 0, 200, 100)], DYBH=["Z01-01"])
    logged = []
    subdivide_plots(units, target_area=5000, progress=Progress(log=logged.append))
    assert any("count=4" in m and "rectangularity_mean=1" in m for m in logged)
    with pytest.raises(CancelledError):
        subdivide_plots(units, target_area=5000, progress=Progress(is_cancelled=lambda: True))


def test_check_hierarchy_invalid_geometry_and_sliver():
    units = gdf([shapely.box(0, 0, 100, 100)], DYBH=["Z01-01"])
    bowtie = shapely.Polygon([(0, 0), (50, 50), (50, 0), (0, 50)])
    plots = gdf([bowtie, shapely.box(60, 0, 100, 100), shapely.box(50, 0, 50.2, 100)],
                DKBH=["Z01-01-01", "Z01-01-02", "Z01-01-03"])
    ids = rule_ids(check_hierarchy(None, units, plots))
    assert "LAYOUT-INVALID" in ids and "LAYOUT-SLIVER" in ids and "LAYOUT-GAP" in ids


def test_offcut_merges_through_a_piece_already_merged():
    """A small piece whose only free neighbour was itself merged into a big plot follows it there (it used to be
    judged by that neighbour's own small area and kept as an offcut)."""
    from algorithms.layout.common import merge_small

    boxes = [shapely.box(-100, 0, 0, 10), shapely.box(0, 0, 5, 10), shapely.box(5, 0, 8, 10), shapely.box(8, 0, 108, 10)]
    # supplied parcel L | small i (50 m², parcel T) | small j (30 m², parcel T) | plot M (1 000 m², parcel U)
    merged, kept, isolated = merge_small(boxes, [0, 0, 0, 0], np.array([False, True, True, False]),
                                         locked=np.array([True, False, False, False]), tags=["X", "T", "T", "U"])
    assert isolated == [] and sorted(kept) == [0, 3]
    assert sorted(shapely.area(np.asarray(merged, dtype=object))) == pytest.approx([1000.0, 1080.0])
