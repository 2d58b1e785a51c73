"""The sample zone (resources/sample/): regenerates identically, and every deliberate conflict is really there."""
import importlib.util
import os

from algorithms import schema  # first: points pyproj at the PROJ database

import numpy as np
import pandas as pd
import pyogrio
import pytest
import rasterio
import shapely

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SAMPLE = os.path.join(ROOT, "resources", "sample")
DATA = os.path.join(SAMPLE, "data")
GPKG = os.path.join(DATA, "sample_zone.gpkg")
DEM = os.path.join(DATA, "dem.tif")
LAYERS = ["ghfw", "zutuan", "zongdi", "daolu", "stbhhx", "yjjbnt", "czkfbj", "ghfq"]


def _load_generator():
    spec = importlib.util.spec_from_file_location("sample_generate", os.path.join(SAMPLE, "generate.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    figures = _load_generator().generate(str(out))
    return str(out), figures


def _read(layer, path=GPKG):
    return pyogrio.read_dataframe(path, layer=layer)


def _one(layer, column, value):
    df = _read(layer)
    return shapely.union_all(df.geometry.values[(df[column] == value).values])


def _dem():
    with rasterio.open(DEM) as src:
        return src.read(1), src.transform, src.crs, src.nodata, src.dtypes[0]


# ------------------------------------------------------------------------------------------------ determinism
def test_regenerates_identically(regenerated):
    out, _ = regenerated
    new = os.path.join(out, "sample_zone.gpkg")
    assert sorted(pyogrio.list_layers(new)[:, 0]) == sorted(LAYERS)
    assert sorted(pyogrio.list_layers(GPKG)[:, 0]) == sorted(LAYERS)
    for layer in LAYERS:
        a, b = _read(layer), _read(layer, new)
        assert len(a) == len(b), layer
        pd.testing.assert_frame_equal(a.drop(columns="geometry"), b.drop(columns="geometry"))
        same = shapely.equals_exact(a.geometry.values, b.geometry.values, tolerance=1e-6)
        assert same.all(), f"{layer}: rows {np.flatnonzero(~same)[:5]} differ"
    with rasterio.open(DEM) as s1, rasterio.open(os.path.join(out, "dem.tif")) as s2:
        assert s1.transform == s2.transform and s1.crs == s2.crs and s1.nodata == s2.nodata
        assert np.allclose(s1.read(1), s2.read(1), atol=0.011, rtol=0)


# ------------------------------------------------------------------------------------------------ shape of it
def test_crs_and_zone_size():
    for layer in LAYERS:
        assert pyogrio.read_info(GPKG, layer=layer)["crs"] == "EPSG:4524", layer
    _, transform, crs, _, _ = _dem()
    assert crs.to_epsg() == 4524
    zone = _read("ghfw").geometry.values[0]
    assert 5e6 <= zone.area <= 10e6
    xmin, _, xmax, _ = zone.bounds
    assert 36_300_000 < xmin < xmax < 36_400_000        # 3-degree zone 36 with the zone prefix
    clusters = _read("zutuan").geometry.values
    assert shapely.covered_by(clusters, zone).all()


def test_required_fields_and_values():
    zt = _read("zutuan")
    assert list(schema.CLUSTER.fields) == [c for c in zt.columns if c != "geometry"]
    assert zt.ZTBH.tolist() == ["Z01", "Z02", "Z03", "Z04"]
    assert zt.HYDM.str.fullmatch(r"\d{2}").all() and zt.CYL.str.len().gt(0).all()
    assert np.allclose(zt.YDMJ, shapely.area(zt.geometry.values), atol=0.01)
    zd = _read("zongdi")
    for col in ("ZDDM", "GDZT", "TDSYQR", "YT", "YTMC", "YDMJ"):
        assert col in zd.columns
    assert zd.ZDDM.is_unique and zd.ZDDM.str.fullmatch(r"451481\d{6}(GB|JA)\d{5}").all()
    assert set(zd.GDZT) == {"已供地", "未供地"}
    supplied = zd.GDZT == "已供地"
    assert (zd.TDSYQR[supplied].str.len() > 0).all() and (zd.TDSYQR[~supplied] == "").all()
    rd = _read("daolu")
    widths = dict(zip(rd.DLDJ, rd.HXKD))
    assert widths == {"主干路": 40.0, "次干路": 30.0, "支路": 20.0}
    assert rd.DLMC.is_unique
    gh = _read("ghfq")
    assert {"工业发展区", "物流仓储区", "商业商务区", "居住生活区", "农田保护区", "生态保护区", "生态控制区"} \
        <= set(gh.GHFQMC)
    assert _read("stbhhx").HXMC.str.len().gt(0).all() and _read("yjjbnt").TBBH.is_unique


def test_clusters_irregular_and_crossed_by_roads():
    g = _read("zutuan").geometry.values
    hull_ratio = shapely.area(g) / shapely.area(shapely.convex_hull(g))
    assert (hull_ratio < 0.95).any()                                 # at least one concave
    rect = shapely.area(g) / shapely.area(shapely.oriented_envelope(g))
    assert (rect < 0.95).sum() >= 3                                  # not rectangles
    sizes = [max(b[2] - b[0], b[3] - b[1]) for b in shapely.bounds(g)]
    assert all(300 <= s <= 1600 for s in sizes)
    a, b = shapely.STRtree(g).query(g, predicate="intersects")
    assert (shapely.area(shapely.intersection(g[a[a < b]], g[b[a < b]])) == 0).all()
    roads = _read("daolu").geometry.values
    for poly in g:
        assert shapely.crosses(roads, poly).sum() >= 2


def test_parcels_cover_most_of_zone_without_overlaps():
    zd = _read("zongdi")
    assert 300 <= len(zd) <= 800
    valid = zd.geometry.values[shapely.is_valid(zd.geometry.values)]
    zone = _read("ghfw").geometry.values[0]
    assert shapely.area(valid).sum() / zone.area > 0.8
    a, b = shapely.STRtree(valid).query(valid, predicate="intersects")
    m = a < b
    assert shapely.area(shapely.intersection(valid[a[m]], valid[b[m]])).max() < 1e-6
    assert np.allclose(zd.YDMJ[shapely.is_valid(zd.geometry.values)], shapely.area(valid), atol=0.01)
    clusters = shapely.union_all(_read("zutuan").geometry.values)
    inside = shapely.within(shapely.centroid(zd.geometry.values), clusters)
    assert ((zd.GDZT == "已供地").values & inside).sum() >= 20


def test_ghfq_partitions_its_extent():
    g = _read("ghfq").geometry.values
    union = shapely.union_all(g)
    assert abs(shapely.area(g).sum() - union.area) < 1.0
    with rasterio.open(DEM) as src:
        extent = shapely.box(*src.bounds)
    assert abs(union.area - extent.area) < 1.0


# ------------------------------------------------------------------------------------------------ conflicts
def test_conflict_cluster_in_ecological_red_line():
    area = shapely.intersection(_one("zutuan", "ZTBH", "Z04"), shapely.union_all(_read("stbhhx").geometry.values)).area
    assert area > 10_000
    for other in ("Z01", "Z02", "Z03"):
        assert shapely.intersection(_one("zutuan", "ZTBH", other),
                                    shapely.union_all(_read("stbhhx").geometry.values)).area == 0


def test_conflict_cluster_on_permanent_farmland():
    assert shapely.intersection(_one("zutuan", "ZTBH", "Z03"), _one("yjjbnt", "TBBH", "451481-0001")).area > 10_000


def test_conflict_cluster_outside_urban_boundary():
    czkfbj = shapely.union_all(_read("czkfbj").geometry.values)
    z02 = _one("zutuan", "ZTBH", "Z02")
    outside = shapely.difference(z02, czkfbj)
    assert outside.area > 10_000
    # the part outside is not red line or farmland: a pure 城镇开发边界 conflict, in 生态控制区
    assert shapely.intersection(outside, _one("ghfq", "GHFQMC", "生态控制区")).area > 0.99 * outside.area


def test_conflict_cluster_in_residential_zone():
    assert shapely.intersection(_one("zutuan", "ZTBH", "Z01"), _one("ghfq", "GHFQMC", "居住生活区")).area > 10_000


def test_tolerance_cases_sliver_and_touch():
    z01 = _one("zutuan", "ZTBH", "Z01")
    sliver = shapely.intersection(z01, _one("yjjbnt", "TBBH", "451481-0005"))
    assert sliver.area == pytest.approx(0.005 * 100, abs=1e-3)    # 0.005 m × 100 m
    touch_patch = _one("yjjbnt", "TBBH", "451481-0004")
    assert shapely.touches(z01, touch_patch)
    edge = shapely.intersection(z01, touch_patch)
    assert edge.area == 0 and edge.length == pytest.approx(100.0, abs=1e-6)


def test_conflict_bowtie_parcel():
    zd = _read("zongdi")
    bad = ~shapely.is_valid(zd.geometry.values)
    assert bad.sum() == 1
    assert shapely.is_valid_reason(zd.geometry.values[bad][0]).startswith("Self-intersection")
    assert "蝴蝶结" in zd.BZ[bad].iloc[0]


def test_conflict_commercial_parcel_in_industrial_cluster():
    zd = _read("zongdi")
    z02 = _one("zutuan", "ZTBH", "Z02")
    hit = (zd.GDZT == "已供地").values & zd.YT.str.startswith("09").values
    assert hit.sum() == 1
    parcel = zd.geometry.values[hit][0]
    assert shapely.intersection(parcel, z02).area > 0.9 * parcel.area
    assert _read("zutuan").set_index("ZTBH").loc["Z02", "HYDM"] == "21"   # a manufacturing cluster


def test_dem_relief_and_steep_hill_in_z01():
    z, transform, _, nodata, dtype = _dem()
    assert dtype == "float32" and nodata is not None and not (z == nodata).any()
    assert transform.a == 10.0 and transform.e == -10.0
    assert os.path.getsize(DEM) < 2_000_000
    assert 200 <= z.min() < 260 and 400 < z.max() <= 500
    gy, gx = np.gradient(z.astype("float64"), 10.0)
    slope = np.degrees(np.arctan(np.hypot(gx, gy)))
    rows, cols = np.indices(z.shape)
    xs = transform.c + (cols + 0.5) * transform.a
    ys = transform.f + (rows + 0.5) * transform.e
    clusters = _read("zutuan").set_index("ZTBH").geometry
    in_z01 = shapely.contains_xy(clusters["Z01"], xs, ys)
    assert (slope[in_z01] > 25).sum() >= 20
    for code in ("Z02", "Z03"):                                       # the others are buildable valley floor
        assert slope[shapely.contains_xy(clusters[code], xs, ys)].max() < 3


def test_generator_reports_the_same_figures(regenerated):
    _, fig = regenerated
    assert fig["sliver_Z01_m2"] == pytest.approx(0.5, abs=1e-6)
    assert fig["touch_Z01"] == "LineString"
    assert len(fig["bowtie"]) == 1 and len(fig["commercial"]) == 1


def test_readme_names_the_planted_parcels():
    zd = _read("zongdi")
    with open(os.path.join(SAMPLE, "README.md"), encoding="utf-8") as fh:
        readme = fh.read()
    planted = zd.ZDDM[zd.BZ.str.startswith("示例冲突")].tolist()
    assert len(planted) == 2
    for code in planted:
        assert code in readme
