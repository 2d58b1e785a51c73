"""Data as it is delivered (issue 15), in real QGIS 3.22 through processing.run AND qgis_process.bin: CRS slips,
Web Mercator areas, Xian 1980 red lines, user datum parameters, curves, layers that do not meet the plots, misspelt
expression fields, File Geodatabases, Chinese/space/quote names. The cases are listed in
test/data/bad_input/catalogue.csv (and README's bad-input section); every test data file is built here with GDAL."""
import csv
import math
import os

import pytest
from conftest import ROOT
from helpers import Capture
from osgeo import gdal, ogr, osr
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsProcessingContext,
                       QgsProcessingException, QgsVectorLayer)

import processing

gdal.UseExceptions()
X0, Y0 = 36_393_000.0, 2_440_000.0          # EPSG:4524 (CGCS2000 GK zone 36 with prefix), near 凭祥
CATALOGUE = os.path.join(ROOT, "test", "data", "bad_input", "catalogue.csv")


def box(x0, y0, x1, y1, dx=X0, dy=Y0):
    x0, y0, x1, y1 = x0 + dx, y0 + dy, x1 + dx, y1 + dy
    return f"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"


def write(path, layer, epsg, wkts, fields=None, *, driver="GPKG", geom=ogr.wkbPolygon, options=()):
    """A layer of ``wkts`` with string ``fields`` {name: values} written by GDAL; returns the QGIS source."""
    drv = ogr.GetDriverByName(driver)
    ds = drv.Open(path, 1) if os.path.exists(path) else drv.CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    lyr = ds.CreateLayer(layer, srs, geom, options=list(options))
    for name in fields or {}:
        fd = ogr.FieldDefn(name, ogr.OFTString)
        fd.SetWidth(40)
        lyr.CreateField(fd)
    for i, wkt in enumerate(wkts):
        feat = ogr.Feature(lyr.GetLayerDefn())
        for k, values in enumerate((fields or {}).values()):
            feat.SetField(k, values[i])
        feat.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lyr.CreateFeature(feat)
    real = lyr.GetName()
    ds = None
    return path if driver == "ESRI Shapefile" else f"{path}|layername={real}"


@pytest.fixture(params=["processing.run", "qgis_process"])
def run(request, plugin):
    """``run(alg, params, context=None)`` → (results or None, log text, error text or None) by either route."""
    def go(alg, params, context=None):
        if request.param == "processing.run":
            fb = Capture()
            try:
                res = processing.run(alg, params, context=context or QgsProcessingContext(), feedback=fb)
            except QgsProcessingException as err:
                return None, "\n".join(fb.lines), str(err)
            return res, "\n".join(fb.lines), None
        rc, data, text = request.getfixturevalue("run_qgis_process")(alg, params, check=False)
        if rc != 0 or data is None:
            return None, text, text
        return data["results"], text, None
    go.route = request.param
    return go


def features(path, layer=None):
    vl = QgsVectorLayer(path if layer is None else f"{path}|layername={layer}", "o", "ogr")
    assert vl.isValid(), path
    return list(vl.getFeatures())


def plots_and_red(tmp_path, plots_epsg=4524, red_epsg=4524, red=None):
    src = str(tmp_path / "data.gpkg")
    plots = write(src, "plots", plots_epsg, [box(0, 0, 100, 100), box(1000, 0, 1100, 100)],
                  {"DKBH": ["A", "D"], "YDYHFLDM": ["1001", "1001"]})
    red = write(src, "red", red_epsg, red or [box(50, -50, 150, 150)], {"BSM": ["E1"] * len(red or [1])})
    return plots, red


# ------------------------------------------------------------------------------------------ the cases
def test_gk_prefix_with_a_no_prefix_crs_stops_naming_the_fix(run, tmp_path):
    plots, red = plots_and_red(tmp_path, plots_epsg=4545)          # 8-digit X labelled EPSG:4545
    res, _, err = run("zutuan:checkmasterplan", {"INPUT": plots, "ECOLOGICAL_REDLINE": red,
                                                 "OUTPUT": str(tmp_path / "out.gpkg")})
    assert res is None
    for words in ("坐标", "EPSG:4545", "zone 36 with prefix → EPSG:4524", "plots"):
        assert words in err, words
    assert "Traceback" not in err


def test_constraint_layer_that_does_not_meet_the_plots_is_not_checked(run, tmp_path):
    plots, far = plots_and_red(tmp_path, red=[box(50_000, 0, 50_100, 100)])
    out = str(tmp_path / "out.gpkg")
    res, log, err = run("zutuan:checkmasterplan", {"INPUT": plots, "FARMLAND": far, "OUTPUT": out})
    assert err is None and (res["N_OK"], res["N_VERIFY"]) == (0, 2)
    assert "图层范围与地块不相交，请核对坐标系/图层" in log
    assert {f["WJCGZ"] for f in features(out)} == {"永久基本农田"}
    res, _, _ = run("zutuan:checkmasterplan", {"INPUT": plots, "FARMLAND": far, "ELSEWHERE": [1],
                                               "OUTPUT": str(tmp_path / "out2.gpkg")})
    assert (res["N_OK"], res["N_VERIFY"]) == (2, 0)


def test_web_mercator_square_measures_one_hectare(run, tmp_path):
    src = str(tmp_path / "sq.gpkg")
    geom = ogr.CreateGeometryFromWkt(box(0, 0, 100, 100))
    a, b = osr.SpatialReference(), osr.SpatialReference()
    a.ImportFromEPSG(4524)
    b.ImportFromEPSG(3857)
    for s in (a, b):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    geom.Transform(osr.CoordinateTransformation(a, b))
    layer = write(src, "sq", 3857, [geom.ExportToWkt()])
    res, log, err = run("zutuan:calcarea", {"INPUT": layer, "OUTPUT": str(tmp_path / "o.gpkg")})
    assert err is None
    assert res["TOTAL_HA"] == pytest.approx(1.0, abs=1e-4)
    assert "CM 108E" in res["USED_CRS"] and "面积变形" in log and "Pseudo-Mercator" in log


def test_same_square_in_four_crs_gives_one_area(plugin):
    from helpers import memory_layer
    from qgis.core import QgsCoordinateTransform, QgsGeometry, QgsProject

    areas = {}
    for epsg in (3857, 4326, 4490, 4524):
        g = QgsGeometry.fromWkt(box(0, 0, 100, 100))
        g.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4524"),
                                           QgsCoordinateReferenceSystem(f"EPSG:{epsg}"), QgsProject.instance()))
        res = processing.run("zutuan:calcarea", {"INPUT": memory_layer([g.asWkt(17)], crs=f"EPSG:{epsg}"),
                                                 "OUTPUT": "memory:"})
        areas[epsg] = res["TOTAL_M2"]
    assert areas[4524] == pytest.approx(10_000.0, abs=1e-6)
    assert max(areas.values()) - min(areas.values()) <= 0.01, areas


def _xian80(tmp_path):
    src = str(tmp_path / "x80.gpkg")
    plots = write(src, "plots", 4524, [box(0, 0, 100, 100), box(200, 0, 300, 100), box(500, 0, 600, 100),
                                       box(1000, 0, 1100, 100)],
                  {"DKBH": ["A", "B", "C", "D"], "YDYHFLDM": ["1001"] * 4})
    red = write(src, "red_xian80", 2360, [box(-1000, -1000, 50, 1100), box(298, -50, 400, 150),
                                          box(603, -50, 700, 150)], {"BSM": ["E1", "E2", "E3"]})
    return plots, red


def test_xian80_red_line_is_reported_with_its_accuracy_and_boundary_conflicts_verify(run, tmp_path):
    plots, red = _xian80(tmp_path)
    out, report = str(tmp_path / "out.gpkg"), str(tmp_path / "report.html")
    res, log, err = run("zutuan:checkmasterplan", {"INPUT": plots, "ECOLOGICAL_REDLINE": red, "OUTPUT": out,
                                                   "REPORT": report})
    assert err is None and (res["N_FAIL"], res["N_VERIFY"], res["N_OK"]) == (0, 2, 2)
    assert "Xian 1980" in log and "精度未知" in log and "ballpark" in log
    html = open(report, encoding="utf-8").read()
    assert "精度未知" in html and "Xian 1980" in html
    assert {f["DKBH"]: f["SCJL"] for f in features(out)} == {"A": "需核实", "B": "需核实", "C": "合规", "D": "合规"}
    res, _, _ = run("zutuan:checkmasterplan", {"INPUT": plots, "ECOLOGICAL_REDLINE": red, "DATUM_ACCURACY": 5,
                                               "OUTPUT": str(tmp_path / "out5.gpkg")})
    assert (res["N_FAIL"], res["N_VERIFY"], res["N_OK"]) == (1, 2, 1)


def test_large_layers_on_another_datum_are_checked_in_one_piece(plugin, tmp_path):
    """Over 2 × PARTITION_SIZE plots the check runs in partitions, which cut the constraint layers to windows where
    the datum and extent rules cannot be judged: a layer on another datum sends the run to the one-piece check."""
    src = str(tmp_path / "big.gpkg")
    filler = [box(2000 + (i % 20) * 20, 1000 + (i // 20) * 20, 2010 + (i % 20) * 20, 1010 + (i // 20) * 20)
              for i in range(196)]
    plots = write(src, "plots", 4524, [box(0, 0, 100, 100), box(200, 0, 300, 100), box(500, 0, 600, 100),
                                       box(1000, 0, 1100, 100)] + filler,
                  {"DKBH": ["A", "B", "C", "D"] + [f"F{i}" for i in range(196)], "YDYHFLDM": ["1001"] * 200})
    red = write(src, "red_xian80", 2360, [box(-1000, -1000, 50, 1100), box(298, -50, 400, 150),
                                          box(603, -50, 700, 150)], {"BSM": ["E1", "E2", "E3"]})
    out, fb = str(tmp_path / "out.gpkg"), Capture()
    processing.run("zutuan:checkmasterplan", {"INPUT": plots, "ECOLOGICAL_REDLINE": red, "WORKERS": 2,
                                              "PARTITION_SIZE": 100, "OUTPUT": out}, feedback=fb)
    log = "\n".join(fb.lines)
    assert "不分区审查" in log and "分区并行审查" not in log
    got = {f["DKBH"]: f["SCJL"] for f in features(out) if f["DKBH"] in ("A", "B", "C", "D")}
    assert got == {"A": "需核实", "B": "需核实", "C": "合规", "D": "合规"}   # as test_xian80_… in one piece


def _east_shift(e_m, lon):
    """ECEF translation moving a point at longitude ``lon`` ``e_m`` metres due east (position vector)."""
    lam = math.radians(lon)
    return f"{-e_m * math.sin(lam):.9f},{e_m * math.cos(lam):.9f},0,0,0,0,0"


def _hand_area_change(e_m):
    """A boundary running north-south across a 100 m high plot, moved e_m metres east: the overlap grows by
    100 · e_m · k · cos γ (grid scale k and meridian convergence γ of EPSG:4524 at the boundary)."""
    from pyproj import CRS, Proj, Transformer

    lon, lat = Transformer.from_crs(2360, CRS.from_epsg(2360).geodetic_crs, always_xy=True).transform(X0 + 50, Y0 + 50)
    f = Proj(CRS.from_epsg(4524)).get_factors(lon, lat)
    return lon, 100.0 * e_m * f.meridional_scale * math.cos(math.radians(f.meridian_convergence))


def test_user_bursa_wolf_moves_the_conflict_by_the_hand_computed_amount(run, tmp_path):
    plots, red = _xian80(tmp_path)
    lon, expected = _hand_area_change(10.0)
    area = {}
    for name, params in (("zero", "0,0,0,0,0,0,0"), ("east", _east_shift(10.0, lon))):
        out = str(tmp_path / f"{name}.gpkg")
        res, log, err = run("zutuan:checkmasterplan", {"INPUT": plots, "ECOLOGICAL_REDLINE": red,
                                                       "DATUM_TRANSFORM": params, "OUTPUT": out})
        assert err is None and "Bursa-Wolf" in log
        area[name] = {f["DKBH"]: f["CT_STHX"] for f in features(out)}["A"]
    assert area["east"] - area["zero"] == pytest.approx(expected, abs=0.05)


def _project_transform_context(lon):
    """A transform context whose EPSG:2360 → EPSG:4524 operation moves points 10 m east (a Helmert shift)."""
    dx, dy = (float(v) for v in _east_shift(10.0, lon).split(",")[:2])
    tm = "+proj=tmerc +lat_0=0 +lon_0=108 +k=1 +y_0=0"
    pipe = (f"+proj=pipeline +step +inv {tm} +x_0=36500000 +ellps=IAU76 +step +proj=push +v_3 +step +proj=cart "
            f"+ellps=IAU76 +step +proj=helmert +x={dx!r} +y={dy!r} +z=0 +step +inv +proj=cart +ellps=GRS80 "
            f"+step +proj=pop +v_3 +step {tm} +x_0=36500000 +ellps=GRS80")
    tc = QgsCoordinateTransformContext()
    assert tc.addCoordinateOperation(QgsCoordinateReferenceSystem("EPSG:2360"),
                                     QgsCoordinateReferenceSystem("EPSG:4524"), pipe)
    return tc


def test_project_datum_transformation_choice_is_honoured(run, tmp_path):
    """Project ▸ Properties ▸ Transformations: the project's operation moves the red line (processing.run: the
    context's transform context; qgis_process.bin: a project file given with --PROJECT_PATH)."""
    from qgis.core import QgsProject

    plots, red = _xian80(tmp_path)
    lon, expected = _hand_area_change(10.0)
    tc = _project_transform_context(lon)
    params = {"INPUT": plots, "ECOLOGICAL_REDLINE": red, "OUTPUT": str(tmp_path / "moved.gpkg")}
    context = None
    if run.route == "processing.run":
        context = QgsProcessingContext()
        context.setTransformContext(tc)
    else:
        project = QgsProject()
        project.setTransformContext(tc)
        assert project.write(str(tmp_path / "project.qgs"))
        params["--PROJECT_PATH"] = str(tmp_path / "project.qgs")
    _, log, err = run("zutuan:checkmasterplan", params, context=context)
    assert err is None and "QGIS 工程的基准转换设置" in log
    _, _, err = run("zutuan:checkmasterplan", {"INPUT": plots, "ECOLOGICAL_REDLINE": red, "DATUM_TRANSFORM":
                                               "0,0,0,0,0,0,0", "OUTPUT": str(tmp_path / "base.gpkg")})
    a = {f["DKBH"]: f["CT_STHX"] for f in features(str(tmp_path / "moved.gpkg"))}["A"]
    a0 = {f["DKBH"]: f["CT_STHX"] for f in features(str(tmp_path / "base.gpkg"))}["A"]
    assert a - a0 == pytest.approx(expected, abs=0.05)


@pytest.mark.parametrize("kind, wkt, true_area, arc_length", [
    ("CurvePolygon", f"CURVEPOLYGON(CIRCULARSTRING({X0 - 50} {Y0}, {X0 + 50} {Y0}, {X0 - 50} {Y0}))",
     math.pi * 50 ** 2, 2 * math.pi * 50),
    ("MultiSurface", f"MULTISURFACE(CURVEPOLYGON(COMPOUNDCURVE(CIRCULARSTRING({X0 - 50} {Y0}, {X0} {Y0 + 50}, "
                     f"{X0 + 50} {Y0}), ({X0 + 50} {Y0}, {X0 - 50} {Y0}))))", math.pi * 50 ** 2 / 2, math.pi * 50),
])
def test_curves_are_linearised_within_the_stated_deviation(run, tmp_path, kind, wkt, true_area, arc_length):
    geom = ogr.wkbCurvePolygon if kind == "CurvePolygon" else ogr.wkbMultiSurface
    layer = write(str(tmp_path / "c.gpkg"), "c", 4524, [wkt], geom=geom)
    # an engine read through pyogrio first: it turns GDAL's curve support off for the whole process (and then
    # QGIS would get GDAL's 4° arc steps instead of our deviation) — the bridge must turn it back on
    import pyogrio
    assert pyogrio.read_dataframe(str(tmp_path / "c.gpkg")).geom_type.iloc[0] in ("Polygon", "MultiPolygon")
    for tol in (0.01, 0.001):
        res, log, err = run("zutuan:calcarea", {"INPUT": layer, "CURVE_TOLERANCE": tol,
                                                "OUTPUT": str(tmp_path / f"o{tol}.gpkg")})
        assert err is None, err
        # chords inscribed in the arc: the area lost is less than the band of width tol along the arc
        assert 0 < true_area - res["TOTAL_M2"] <= tol * arc_length
        assert f"1 个曲线要素已线性化（最大偏差 {tol:g} 米）" in log


def test_misspelt_field_in_the_supplied_expression_stops_with_its_error(run, tmp_path):
    src = str(tmp_path / "layout.gpkg")
    units = write(src, "units", 4545, [box(0, 0, 300, 100, dx=500_000)], {"DYBH": ["Z01-01"]})
    cad = write(src, "宗地 'cad'", 4545, [box(0, 0, 60, 100, dx=500_000), box(60, 0, 170, 100, dx=500_000)],
                {"供地 状态": ["已供地", "未供地"]})
    common = {"INPUT": units, "CADASTRE": cad, "TARGET_AREA": 5000, "MIN_AREA": 2500, "MAX_AREA": 10000}
    res, _, err = run("zutuan:subdivideplots", dict(common, SUPPLIED="\"供地状态\" = '已供地'",
                                                    OUTPUT=str(tmp_path / "bad.gpkg")))
    assert res is None and "供地状态" in err and "SUPPLIED" in err and "Traceback" not in err
    out = str(tmp_path / "ok.gpkg")
    res, _, err = run("zutuan:subdivideplots", dict(common, SUPPLIED="\"供地 状态\" = '已供地'", OUTPUT=out))
    assert err is None
    sup = [f for f in features(out) if f["GDZT"] == "已供地"]
    assert len(sup) == 1 and sup[0]["YDMJ"] == pytest.approx(6000.0)


def _check_named(run, tmp_path, plots, red, code, landuse):
    out = str(tmp_path / "named_out.gpkg")
    res, _, err = run("zutuan:checkmasterplan", {"INPUT": plots, "ECOLOGICAL_REDLINE": red, "CODE_FIELD": code,
                                                 "LANDUSE_FIELD": landuse, "OUTPUT": out})
    assert err is None, err
    assert (res["N_FAIL"], res["N_OK"]) == (1, 1)
    got = {f[code]: (f["SCJL"], f["CT_STHX"]) for f in features(out)}
    assert got["地块甲"] == ("不合规", pytest.approx(5000.0)) and got["地块乙"][0] == "合规"


def test_file_geodatabase_with_chinese_layer_and_field_names(run, tmp_path):
    gdb = str(tmp_path / "一张图.gdb")
    plots = write(gdb, "地块_A", 4524, [box(0, 0, 100, 100), box(1000, 0, 1100, 100)],
                  {"地块编号": ["地块甲", "地块乙"], "用地代码": ["1001", "1001"]}, driver="OpenFileGDB")
    red = write(gdb, "生态保护红线", 4524, [box(50, -50, 150, 150)], {"名称": ["红线一"]}, driver="OpenFileGDB")
    assert os.path.isdir(gdb) and "layername=地块_A" in plots
    _check_named(run, tmp_path, plots, red, "地块编号", "用地代码")


def test_geopackage_names_with_spaces_and_quotes(run, tmp_path):
    src = str(tmp_path / "名称 测试.gpkg")
    plots = write(src, "地块 'A' 1", 4524, [box(0, 0, 100, 100), box(1000, 0, 1100, 100)],
                  {"地块 编号": ["地块甲", "地块乙"], "用地 \"代码\"": ["1001", "1001"]})
    red = write(src, "红线 \"2023\"", 4524, [box(50, -50, 150, 150)], {"BSM": ["E1"]})
    _check_named(run, tmp_path, plots, red, "地块 编号", "用地 \"代码\"")


def test_shapefile_with_chinese_field_names(run, tmp_path):
    # QGIS sets GDAL's SHAPE_ENCODING to "" once its OGR provider has opened a shapefile, which would make GDAL
    # ignore ENCODING below: write as Chinese desktop GIS does, in GBK (CP936) with a .cpg file
    before = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", "CP936")
    try:
        plots = write(str(tmp_path / "地块.shp"), "地块", 4524, [box(0, 0, 100, 100), box(1000, 0, 1100, 100)],
                      {"地块编号": ["地块甲", "地块乙"], "用地代码": ["1001", "1001"]}, driver="ESRI Shapefile",
                      options=["ENCODING=CP936"])
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", before)
    assert "用地代码".encode("gbk") in open(str(tmp_path / "地块.dbf"), "rb").read()
    assert open(str(tmp_path / "地块.cpg")).read().strip().upper() in ("CP936", "936")
    red = write(str(tmp_path / "red.gpkg"), "red", 4524, [box(50, -50, 150, 150)], {"BSM": ["E1"]})
    _check_named(run, tmp_path, plots, red, "地块编号", "用地代码")


def test_missing_landuse_field_disables_only_the_zoning_rule(run, tmp_path):
    src = str(tmp_path / "nolu.gpkg")
    plots = write(src, "plots", 4524, [box(0, 0, 100, 100), box(1000, 0, 1100, 100)], {"DKBH": ["A", "D"]})
    red = write(src, "red", 4524, [box(50, -50, 150, 150)], {"BSM": ["E1"]})
    zones = write(src, "zones", 4524, [box(-100, -100, 1200, 200)], {"GHFQ": ["工业发展区"]})
    out = str(tmp_path / "out.gpkg")
    res, log, err = run("zutuan:checkmasterplan", {"INPUT": plots, "ECOLOGICAL_REDLINE": red, "ZONING": zones,
                                                   "ZONE_FIELD": "GHFQ", "OUTPUT": out})
    assert err is None, err
    got = {f["DKBH"]: (f["WJCGZ"], f["CT_STHX"]) for f in features(out)}
    assert got["A"] == ("规划分区", pytest.approx(5000.0)) and got["D"] == ("规划分区", 0.0)
    assert "MP-ECO 生态保护红线: 已检查" in log and "MP-ZONE 规划分区: 未检查" in log


# ------------------------------------------------------------------------------------------ the catalogue
def test_bad_input_catalogue_names_real_tests_and_readme_lists_every_case():
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    rows = list(csv.DictReader(open(CATALOGUE, encoding="utf-8")))
    assert len(rows) >= 20 and len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert f"| {r['input']} |" in readme, r["id"]
        for node in r["tests"].split(";"):
            path, func = node.strip().split("::")
            text = open(os.path.join(ROOT, path), encoding="utf-8").read()
            assert f"def {func}(" in text, (r["id"], node)


def test_supplied_expression_loop_honours_cancel(plugin, tmp_path):
    from qgis.core import QgsProcessingFeedback
    from zutuan.algorithms.errors import CancelledError
    from zutuan.plugin import bridge
    from zutuan.plugin.algs.subdivideplots import SubdividePlots

    cad = write(str(tmp_path / "cad.gpkg"), "cad", 4545, [box(0, 0, 60, 100, dx=500_000)], {"GDZT": ["已供地"]})
    alg = SubdividePlots()
    alg.initAlgorithm()
    params, context = {"CADASTRE": cad, "SUPPLIED": "\"GDZT\" = '已供地'"}, QgsProcessingContext()
    gdf = bridge.source_to_gdf(alg.parameterAsSource(params, "CADASTRE", context), layer="cad")
    assert alg._supplied(params, context, gdf, QgsProcessingFeedback()) == [True]
    cancelled = QgsProcessingFeedback()
    cancelled.cancel()
    with pytest.raises(CancelledError):
        alg._supplied(params, context, gdf, cancelled)
