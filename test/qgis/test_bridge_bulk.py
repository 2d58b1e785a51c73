"""The bridge's bulk GeoPackage path (issue 18) in real QGIS 3.22: it gives the same frames and the same output files
as the feature-by-feature path (ZUTUAN_BULK_IO=0), and selections, subset strings, virtual fields, memory layers and
other destinations still take the general path."""
import os
import sqlite3

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from conftest import SAMPLE
from helpers import Capture, memory_layer
from test_bridge_blobs import _varied_plots
from osgeo import gdal, ogr, osr
from qgis.core import (
    QgsField,
    QgsProcessingContext,
    QgsProcessingFeatureSource,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

import processing

gdal.UseExceptions()
X0, Y0 = 36_393_000.0, 2_440_000.0
READ, WRITTEN = "批量读取", "批量写入"


def _sq(x0, y0, x1, y1):
    return f"(({X0 + x0} {Y0 + y0}, {X0 + x1} {Y0 + y0}, {X0 + x1} {Y0 + y1}, {X0 + x0} {Y0 + y1}, {X0 + x0} {Y0 + y0}))"


#: (name, OGR type, subtype) of the typed layer; a boolean and a date-time field are added on request (not read in
#: bulk: GDAL 3.6's Arrow booleans come out shifted, date-times would need QDateTime's time zone rules)
SPECS = [("DKBH", ogr.OFTString, ogr.OFSTNone), ("N", ogr.OFTInteger, ogr.OFSTNone),
         ("L", ogr.OFTInteger64, ogr.OFSTNone), ("R", ogr.OFTReal, ogr.OFSTNone),
         ("D", ogr.OFTDate, ogr.OFSTNone), ("名称", ogr.OFTString, ogr.OFSTNone)]
MORE = [("B", ogr.OFTInteger, ogr.OFSTBoolean), ("T", ogr.OFTDateTime, ogr.OFSTNone)]
ROWS = [  # values of SPECS, then the geometry (WKT or None)
    (("Z01-01-01", 1, 2 ** 40, 1.25, "2024/03/01", "工业用地"), f"POLYGON{_sq(0, 0, 100, 100)}"),
    ((None,) * 6, f"MULTIPOLYGON({_sq(200, 0, 300, 100)}, {_sq(400, 0, 450, 50)})"),
    (("Z01-01-03", 0, 0, 0.0, None, ""), None),
    (("Z01-01-04", -5, -(2 ** 40), -1e-9, "1999/12/31", "含 'quote' \"双\""),
     f"CURVEPOLYGON(CIRCULARSTRING({X0 + 600} {Y0}, {X0 + 650} {Y0 + 50}, {X0 + 700} {Y0}, {X0 + 650} {Y0 - 50}, "
     f"{X0 + 600} {Y0}))"),
    (("Z01-01-05", 7, 8, 9.5, "2000/01/01", "é"), f"MULTIPOLYGON({_sq(800, 0, 900, 100)})"),
]


def typed_gpkg(path, *, more=False, dates=True, curves=True):
    """A GeoPackage layer (MultiPolygon) holding a single polygon, a multipolygon, a null geometry, a curve and every
    field type read in bulk, with nulls (``dates``: with the date field; the feature sink cannot write dates, a
    limitation of bridge.qgs_fields, bulk or not; ``curves``: the curve polygon, else a square and every geometry multi); returns its QGIS
    source."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4524)
    lyr = ds.CreateLayer("地块 plots", srs, ogr.wkbMultiPolygon)
    for name, kind, sub in SPECS + (MORE if more else []):
        if name == "D" and not dates:
            continue
        fd = ogr.FieldDefn(name, kind)
        fd.SetSubType(sub)
        lyr.CreateField(fd)
    for values, wkt in ROWS:
        feat = ogr.Feature(lyr.GetLayerDefn())
        for (name, *_), v in zip(SPECS, values):
            if v is not None and (dates or name != "D"):
                feat.SetField(name, v)
        if more and values[0]:
            feat.SetField("B", len(values[0]) % 2)
            feat.SetField("T", "2024/01/02 03:04:05")
        if wkt:
            geom = ogr.CreateGeometryFromWkt(wkt if curves or not wkt.startswith("CURVE")
                                             else f"POLYGON{_sq(600, -50, 700, 50)}")
            feat.SetGeometry(geom if curves else ogr.ForceToMultiPolygon(geom))
        lyr.CreateFeature(feat)
    ds = None
    return f"{path}|layername=地块 plots"


def both_paths(layer, **kw):
    """(bulk frame, feature-loop frame) of the same layer through bridge.source_to_gdf."""
    from zutuan.plugin import bridge

    bulk = bridge.source_to_gdf(layer, layer="t", **kw)
    loop = bridge.source_to_gdf(QgsProcessingFeatureSource(layer, QgsProcessingContext()), layer="t", **kw)
    return bulk, loop


def assert_same_frames(a, b):
    pd.testing.assert_frame_equal(pd.DataFrame(a.drop(columns="geometry")), pd.DataFrame(b.drop(columns="geometry")))
    assert list(shapely.to_wkb(a.geometry.values)) == list(shapely.to_wkb(b.geometry.values))
    assert a.crs == b.crs and a.attrs["linearised"] == b.attrs["linearised"]


def test_bulk_read_gives_the_feature_loop_frame(plugin, tmp_path):
    vl = QgsVectorLayer(typed_gpkg(str(tmp_path / "typed.gpkg")), "t", "ogr")
    assert vl.isValid()
    bulk, loop = both_paths(vl)
    assert bulk.attrs["bulk"] and not loop.attrs["bulk"]
    assert_same_frames(bulk, loop)
    assert list(bulk.columns[:7]) == ["fid", *[s[0] for s in SPECS]] and len(bulk) == len(ROWS)
    assert bulk.attrs["linearised"] == 1 and bulk.geometry.iloc[2] is None
    assert bulk.loc[1, "D"].isoformat() == "2024-03-01" and bulk.loc[4, "名称"].startswith("含")
    sub_bulk, sub_loop = both_paths(vl, fields=["名称", "fid", "L"])
    assert sub_bulk.attrs["bulk"] and list(sub_bulk.columns) == ["名称", "fid", "L", "geometry"]
    assert_same_frames(sub_bulk, sub_loop)


@pytest.mark.parametrize("layer_type, wkts", [
    (ogr.wkbPolygon, [f"POLYGON{_sq(0, 0, 10, 10)}", f"POLYGON{_sq(20, 0, 30, 10)}"]),
    (ogr.wkbMultiPolygon, [f"MULTIPOLYGON({_sq(0, 0, 10, 10)})", f"MULTIPOLYGON({_sq(20, 0, 30, 10)})"]),
    (ogr.wkbMultiPolygon, [f"MULTIPOLYGON({_sq(0, 0, 10, 10)})", f"POLYGON{_sq(20, 0, 30, 10)}"]),
    (ogr.wkbUnknown, [f"POLYGON{_sq(0, 0, 10, 10)}", f"MULTIPOLYGON({_sq(20, 0, 30, 10)})"])])
def test_layers_without_null_geometries_give_the_feature_loop_geometries(plugin, tmp_path, layer_type, wkts):
    """Without null geometries the bulk read looks at each distinct WKB type once: single parts in a multi layer
    are still made multi, as QGIS does."""
    path = str(tmp_path / "g.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4524)
    lyr = ds.CreateLayer("g", srs, layer_type)
    for wkt in wkts:
        feat = ogr.Feature(lyr.GetLayerDefn())
        feat.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lyr.CreateFeature(feat)
    ds = None
    bulk, loop = both_paths(QgsVectorLayer(f"{path}|layername=g", "g", "ogr"))
    assert bulk.attrs["bulk"]
    assert_same_frames(bulk, loop)
    multi = layer_type == ogr.wkbMultiPolygon
    assert set(bulk.geom_type) == ({"MultiPolygon"} if multi else {shapely.from_wkt(w).geom_type for w in wkts})


def test_a_field_not_read_in_bulk_takes_the_feature_loop(plugin, tmp_path):
    vl = QgsVectorLayer(typed_gpkg(str(tmp_path / "more.gpkg"), more=True), "t", "ogr")
    bulk, loop = both_paths(vl)
    assert not bulk.attrs["bulk"]                                    # boolean, date-time: feature by feature
    assert_same_frames(bulk, loop)
    assert bulk["B"].tolist() == [True, None, True, True, True]
    for field in ("B", "T"):
        assert not both_paths(vl, fields=["DKBH", field])[0].attrs["bulk"]
    sub, _ = both_paths(vl, fields=["DKBH", "N"])
    assert sub.attrs["bulk"]                                         # not asked for: read in bulk


def _calcarea(source, out, monkeypatch=None, bulk=True):
    if monkeypatch is not None:
        monkeypatch.setenv("ZUTUAN_BULK_IO", "1" if bulk else "0")
    fb = Capture()
    res = processing.run("zutuan:calcarea", {"INPUT": source, "OUTPUT": out}, feedback=fb)
    return res, "\n".join(fb.lines)


def test_selection_subset_virtual_fields_and_memory_layers_take_the_general_path(plugin, tmp_path):
    src = typed_gpkg(str(tmp_path / "sel.gpkg"), dates=False)
    vl = QgsVectorLayer(src, "sel", "ogr")
    QgsProject.instance().addMapLayer(vl)
    try:
        vl.selectByIds([1, 5])
        res, log = _calcarea(QgsProcessingFeatureSourceDefinition(vl.id(), True), "memory:")
        assert READ not in log and sorted(f["DKBH"] for f in res["OUTPUT"].getFeatures()) == ["Z01-01-01", "Z01-01-05"]
        res, log = _calcarea(vl, "memory:")                              # the same layer, whole: in bulk
        assert READ in log and res["OUTPUT"].featureCount() == 4        # the null geometry is skipped
    finally:
        QgsProject.instance().removeMapLayer(vl.id())
    subset = QgsVectorLayer(src, "sub", "ogr")
    subset.setSubsetString('"N" = 7')
    res, log = _calcarea(subset, "memory:")
    assert READ not in log and [f["DKBH"] for f in res["OUTPUT"].getFeatures()] == ["Z01-01-05"]
    virtual = QgsVectorLayer(src, "virt", "ogr")
    virtual.addExpressionField('"N" * 2', QgsField("N2", QVariant.Int))
    res, log = _calcarea(virtual, "memory:")
    assert READ not in log and sorted(f["N2"] for f in res["OUTPUT"].getFeatures() if f["N2"]) == [-10, 2, 14]
    res, log = _calcarea(memory_layer([f"POLYGON{_sq(0, 0, 10, 10)}"], crs="EPSG:4524"), str(tmp_path / "m.gpkg"))
    assert READ not in log and WRITTEN in log
    assert [round(f["YDMJ"], 6) for f in QgsVectorLayer(res["OUTPUT"], "m", "ogr").getFeatures()] == [100.0]


# ------------------------------------------------------------------------------------------------ output files
def dump(path):
    """Everything QGIS and SQLite see of a written GeoPackage, but the time it was written."""
    from zutuan.plugin.bridge import _py

    vl = QgsVectorLayer(path, "o", "ogr")
    assert vl.isValid(), path
    layer = {"fields": [(f.name(), f.type(), f.typeName(), f.length(), f.precision()) for f in vl.fields()],
             "features": [(f.id(), [_py(v) for v in f.attributes()],
                           None if f.geometry().isNull() else bytes(f.geometry().asWkb())) for f in vl.getFeatures()],
             "crs": vl.crs().authid(), "type": vl.wkbType(), "extent": vl.extent().toString(12),
             "sublayers": vl.dataProvider().subLayers()}
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        layer["schema"] = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").fetchall()
        # the R-tree's entries (its node layout may differ: the bulk path packs it), each one checked by SQLite
        layer["rows"] = {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables
                         if t != "gpkg_contents" and not t.startswith("rtree_") or t.endswith("_geom")}
        layer["rtreecheck"] = [con.execute(f"SELECT rtreecheck('{t}')").fetchone()[0] for t in tables
                               if t.startswith("rtree_") and t.endswith("_geom")]
        layer["contents"] = con.execute("SELECT table_name, data_type, identifier, description, min_x, min_y, max_x, "
                                        "max_y, srs_id FROM gpkg_contents").fetchall()
    finally:
        con.close()
    return layer


def assert_same_files(a, b):
    """Two dumps equal, part by part (tables one by one) so that a difference names its place."""
    assert a.keys() == b.keys()
    for key in a:
        if key == "rows":
            assert a[key].keys() == b[key].keys()
            for table in a[key]:
                assert a[key][table] == b[key][table], table
        elif key == "features":
            assert len(a[key]) == len(b[key])
            for fa, fb in zip(a[key], b[key]):
                assert fa == fb
        else:
            assert a[key] == b[key], key


def assert_valid_geopackage(path):
    """GDAL's GeoPackage validator (osgeo_utils.samples.validate_gpkg) with its checks of the table content, warnings
    counted as errors."""
    from osgeo_utils.samples import validate_gpkg

    assert validate_gpkg.check(path, extra_checks=True, warning_as_error=True, abort_at_first_error=False) == []


def test_bulk_written_geopackage_is_the_feature_sink_one(plugin, tmp_path, monkeypatch):
    src = typed_gpkg(str(tmp_path / "in.gpkg"), dates=False)
    outs = {}
    for bulk in (True, False):
        folder = tmp_path / ("bulk" if bulk else "sink")
        folder.mkdir()
        res, log = _calcarea(src, str(folder / "面积 结果.v1.gpkg"), monkeypatch, bulk)
        assert (WRITTEN in log) == bulk and (READ in log) == bulk
        outs[bulk] = dump(res["OUTPUT"])
    assert_same_files(outs[True], outs[False])
    assert [n for n, *_ in outs[True]["fields"]][:3] == ["fid", "DKBH", "N"] and len(outs[True]["features"]) == 4
    assert_valid_geopackage(str(tmp_path / "bulk" / "面积 结果.v1.gpkg"))
    assert outs[True]["rtreecheck"] == ["ok"]
    assert outs[True]["sublayers"][0].split("!!::!!")[1] == "面积 结果"      # the table: the file's base name


def test_sample_zone_check_is_identical_in_bulk_and_feature_by_feature(plugin, tmp_path, monkeypatch):
    layers = {"ECOLOGICAL_REDLINE": "stbhhx", "FARMLAND": "yjjbnt", "URBAN_BOUNDARY": "czkfbj", "ZONING": "ghfq"}
    outs, counts = {}, {}
    for bulk in (True, False):
        monkeypatch.setenv("ZUTUAN_BULK_IO", "1" if bulk else "0")
        folder = tmp_path / str(bulk)
        folder.mkdir()
        fb = Capture()
        res = processing.run("zutuan:checkmasterplan", {
            "INPUT": f"{SAMPLE}|layername=zongdi", "CODE_FIELD": "ZDDM", "LANDUSE_FIELD": "YT",
            "ZONE_FIELD": "GHFQMC", **{k: f"{SAMPLE}|layername={v}" for k, v in layers.items()},
            "OUTPUT": str(folder / "plots.gpkg"), "CONFLICTS": str(folder / "conflicts.gpkg"),
            "REPORT": str(folder / "report.html")}, feedback=fb)
        log = "\n".join(fb.lines)
        assert (log.count(READ) == 5 and log.count(WRITTEN) == 2) if bulk else (READ not in log and WRITTEN not in log)
        outs[bulk] = (dump(res["OUTPUT"]), dump(res["CONFLICTS"]))
        counts[bulk] = (res["N_OK"], res["N_FAIL"], res["N_VERIFY"])
    for bulk_file, sink_file in zip(outs[True], outs[False]):
        assert_same_files(bulk_file, sink_file)
    assert counts[True] == counts[False]
    plots, conflicts = outs[True]
    assert len(plots["features"]) == 436 and len(conflicts["features"]) > 50
    assert plots["rtreecheck"] == conflicts["rtreecheck"] == ["ok"]
    for name in ("plots.gpkg", "conflicts.gpkg"):
        assert_valid_geopackage(str(tmp_path / "True" / name))
    assert {"SCJL", "CT_STHX", "ZDDM"} <= {f[0] for f in plots["fields"]}


def test_output_loads_on_completion_with_its_name(plugin, tmp_path):
    src = typed_gpkg(str(tmp_path / "in.gpkg"), dates=False)
    dest = str(tmp_path / "loaded.gpkg")
    context = QgsProcessingContext()
    out = QgsProcessingOutputLayerDefinition(dest, QgsProject.instance())
    out.destinationName = "面积"
    res = processing.run("zutuan:calcarea", {"INPUT": src, "OUTPUT": out}, context=context)
    assert res["OUTPUT"] == dest and context.willLoadLayerOnCompletion(dest)
    details = context.layerToLoadOnCompletionDetails(dest)
    assert details.name == "面积" and details.outputName == "OUTPUT" and details.project is QgsProject.instance()


def test_cancelled_bulk_io_leaves_nothing(plugin, tmp_path):
    from zutuan.algorithms.errors import CancelledError
    from zutuan.plugin import bridge
    from zutuan.plugin.bridge import gpkg_write

    class Cancelled(Capture):
        def isCanceled(self):  # noqa: N802
            return True

    vl = QgsVectorLayer(typed_gpkg(str(tmp_path / "c.gpkg")), "t", "ogr")
    with pytest.raises(CancelledError):
        bridge.source_to_gdf(vl, layer="t", feedback=Cancelled())
    gdf = bridge.source_to_gdf(vl, layer="t", fields=["DKBH", "R"])
    fields = bridge.qgs_fields(gdf)
    dest = str(tmp_path / "cancelled.gpkg")
    with pytest.raises(CancelledError):
        gpkg_write.write_geopackage(dest, gdf, fields, 6, vl.crs(), [bridge._column_values(gdf, f.name()) for f in fields],
                                   Cancelled())
    assert sorted(os.listdir(tmp_path)) == ["c.gpkg"]
    assert gpkg_write.write_geopackage(dest, gdf, fields, 6, vl.crs(),
                                      [bridge._column_values(gdf, f.name()) for f in fields], Capture())
    assert QgsVectorLayer(dest, "d", "ogr").featureCount() == 5            # the null geometry too


@pytest.mark.parametrize("n", [1, 2, 51, 52, 2602, 5000])
@pytest.mark.parametrize("gaps", [True, False])
def test_packed_rtree_holds_what_sqlite_inserts_would(plugin, tmp_path, n, gaps):
    import numpy as np
    from zutuan.plugin.bridge.rtree import pack

    rng = np.random.default_rng(n)
    x0, y0 = rng.uniform(36_390_000, 36_392_000, n), rng.uniform(-1_000, 1_000, n)     # negative y rounds too
    w, h = rng.uniform(0, 500, n), rng.uniform(0, 500, n)
    # ids with gaps go in row by row; ids without (feature ids 1…n, here from 7) in one JSON statement
    ids = rng.permutation(np.arange(1, 3 * n + 1))[:n] if gaps else rng.permutation(np.arange(7, n + 7))
    con = sqlite3.connect(str(tmp_path / "r.sqlite"), isolation_level=None)
    con.execute("CREATE VIRTUAL TABLE packed USING rtree(id, minx, maxx, miny, maxy)")
    con.execute("CREATE VIRTUAL TABLE inserted USING rtree(id, minx, maxx, miny, maxy)")
    con.execute("BEGIN")
    assert pack(con, "packed", ids, x0, x0 + w, y0, y0 + h)
    con.executemany("INSERT INTO inserted VALUES (?, ?, ?, ?, ?)",
                    zip(ids.tolist(), x0.tolist(), (x0 + w).tolist(), y0.tolist(), (y0 + h).tolist()))
    con.execute("COMMIT")
    con.close()
    con = sqlite3.connect(str(tmp_path / "r.sqlite"))            # a new connection reads the packed nodes
    assert con.execute("SELECT rtreecheck('packed')").fetchone()[0] == "ok"
    rows = [con.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in ("packed", "inserted")]
    assert rows[0] == rows[1] and len(rows[0]) == n
    nodes = dict(con.execute("SELECT rowid, nodeno FROM packed_rowid"))            # the shadow tables agree
    parents = dict(con.execute("SELECT nodeno, parentnode FROM packed_parent"))
    assert sorted(nodes) == sorted(ids.tolist()) and set(nodes.values()) | set(parents.values()) <= \
        {r[0] for r in con.execute("SELECT nodeno FROM packed_node")}
    found = 0
    for qx, qy in zip(rng.uniform(36_390_000, 36_392_000, 20), rng.uniform(-1_000, 1_000, 20)):
        window = (qx - 300, qx + 300, qy - 300, qy + 300)
        hits = [sorted(r[0] for r in con.execute(f"SELECT id FROM {t} WHERE maxx >= ? AND minx <= ? AND maxy >= ? "
                                                 "AND miny <= ?", (window[0], window[1], window[2], window[3])))
                for t in ("packed", "inserted")]
        assert hits[0] == hits[1]
        found += len(hits[0])
    assert found >= min(n, 20)


def test_gbk_shapefiles_and_postgis_layers_take_the_feature_loop(plugin, tmp_path):
    import sys

    from conftest import ROOT
    from qgis.core import QgsDataSourceUri
    from test_foundation import _gbk_shapefile

    sys.path.insert(0, os.path.join(ROOT, "test"))
    import postgis

    res, log = _calcarea(_gbk_shapefile(str(tmp_path), False), str(tmp_path / "gbk.gpkg"))
    assert READ not in log and WRITTEN in log                     # read feature by feature, GBK repaired
    assert [f["YXQY"] for f in QgsVectorLayer(res["OUTPUT"], "g", "ogr").getFeatures()] == ["凭祥红木加工有限公司"]
    postgis.setup_database(tmp_path)
    gpkg = str(tmp_path / "pg.gpkg")
    typed_gpkg(gpkg, dates=False, curves=False)               # PostGIS's MultiPolygon column takes no curve
    uri = QgsDataSourceUri()
    uri.setConnection("", "", "", "", "")
    uri.setParam("service", postgis.SERVICE)
    uri.setDataSource("yzt", "bulk_plots", "geom", "", "fid")
    postgis.load(gpkg, "地块 plots", "bulk_plots")
    pg = QgsVectorLayer(f"service='{postgis.SERVICE}' " + uri.uri(False).strip(), "pg", "postgres")
    assert pg.isValid() and pg.providerType() == "postgres"
    res, log = _calcarea(pg, "memory:")
    assert READ not in log
    from_file, _ = _calcarea(f"{gpkg}|layername=地块 plots", "memory:")
    areas = [sorted((f["DKBH"] or "", round(f["YDMJ"], 6)) for f in r["OUTPUT"].getFeatures()) for r in (res, from_file)]
    assert areas[0] == areas[1] and len(areas[0]) == 4


def test_bulk_file_with_varied_shapes_and_one_value_columns_is_the_sink_one(plugin, tmp_path, monkeypatch):
    """Columns whose values are all one (text, integer, empty text, null) are bound once a statement; shapes taking
    the NumPy writer and GEOS's: the file is the feature sink's."""
    geoms, rng = _varied_plots()
    src = str(tmp_path / "varied.gpkg")
    gdf = gpd.GeoDataFrame({"DKBH": [f"Z{k:04d}" for k in range(len(geoms))], "YT": "工业用地", "N": 3, "E": "",
                            "K": None, "R": rng.uniform(0, 9, len(geoms))}, geometry=list(geoms), crs="EPSG:4524")
    gdf.to_file(src, layer="plots", driver="GPKG")
    outs = {}
    for bulk in (True, False):
        folder = tmp_path / ("bulk" if bulk else "sink")
        folder.mkdir()
        res, log = _calcarea(f"{src}|layername=plots", str(folder / "out.gpkg"), monkeypatch, bulk)
        assert (WRITTEN in log) == bulk
        outs[bulk] = dump(res["OUTPUT"])
    assert_same_files(outs[True], outs[False])
    assert len(outs[True]["features"]) == len(geoms) and outs[True]["rtreecheck"] == ["ok"]
    assert_valid_geopackage(str(tmp_path / "bulk" / "out.gpkg"))
