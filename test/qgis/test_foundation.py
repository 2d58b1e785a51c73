"""The plugin in real QGIS 3.22: loading, provider, bridge behaviour on good and bad input, qgis_process."""
import os
import subprocess

import pytest
from conftest import MODULES_AFTER_LOAD, PLUGINS, ROOT
from helpers import memory_layer
from qgis.core import QgsApplication, QgsProcessingException, QgsVectorLayer

import processing

RECT = "POLYGON((500000 2440000, 500100 2440000, 500100 2440200, 500000 2440200, 500000 2440000))"


def test_loading_the_plugin_imports_no_heavy_module(plugin):
    heavy = {m.split(".")[0] for m in MODULES_AFTER_LOAD} & {"geopandas", "rasterio", "pandas", "fiona", "pyogrio"}
    assert heavy == set(), f"classFactory/initProcessing imported {heavy}"


def test_provider_registered_with_groups(plugin):
    provider = QgsApplication.processingRegistry().providerById("zutuan")
    assert provider is not None
    assert provider.name() == "小组团滚动开发"
    assert "Cluster rolling development" in provider.longName()
    algs = {a.id(): a for a in provider.algorithms()}
    assert {"zutuan:calcarea", "zutuan:createplan"} <= set(algs)
    assert {a.groupId() for a in algs.values()} <= {"layout", "controls", "review", "export", "feasibility", "monitoring", "models"}
    assert algs["zutuan:calcarea"].group() == "指标"


def test_calcarea_projected_exact(plugin):
    vl = memory_layer([RECT])
    res = processing.run("zutuan:calcarea", {"INPUT": vl, "OUTPUT": "memory:"})
    f = next(res["OUTPUT"].getFeatures())
    assert f["YDMJ"] == pytest.approx(20000.0, abs=1e-6)
    assert f["MJGQ"] == pytest.approx(2.0, abs=1e-9)
    assert f["MJMU"] == pytest.approx(30.0, abs=1e-9)
    assert res["TOTAL_MU"] == pytest.approx(30.0)
    assert vl.featureCount() == 1 and "YDMJ" not in vl.fields().names()  # input untouched
    assert res["OUTPUT"].fields().field("YDMJ").typeName().lower() in ("double", "real")


def test_bridge_fields_carry_schema_aliases_and_types(plugin):
    import pandas as pd
    from zutuan.plugin.bridge import qgs_fields

    fields = qgs_fields(pd.DataFrame({"DKBH": ["a"], "YDMJ": [1.5], "KFFQ": pd.array([1], dtype="Int64"),
                                      "other": [2]}))
    assert [f.alias() for f in fields] == ["地块编号", "用地面积", "开发分期", ""]
    assert fields.field("DKBH").length() == 30 and fields.field("other").typeName() == "integer64"


def test_calcarea_degrees_measured_in_gk_zone_not_square_degrees(plugin):
    from pyproj import Geod

    wkt = "POLYGON((106.70 22.10, 106.71 22.10, 106.71 22.11, 106.70 22.11, 106.70 22.10))"
    res = processing.run("zutuan:calcarea", {"INPUT": memory_layer([wkt], crs="EPSG:4490"), "OUTPUT": "memory:"})
    area = next(res["OUTPUT"].getFeatures())["YDMJ"]
    geod_area = abs(Geod(ellps="GRS80").polygon_area_perimeter([106.70, 106.71, 106.71, 106.70],
                                                                [22.10, 22.10, 22.11, 22.11])[0])
    assert "CM 108E" in res["USED_CRS"]
    # Gauss-Krüger scale error 1.25° from the central meridian is < 0.05 % in area
    assert area == pytest.approx(geod_area, rel=5e-4)
    assert res["OUTPUT"].crs().authid() == "EPSG:4490"  # output stays in the input CRS


@pytest.mark.parametrize("bad, words", [
    ("nocrs", ["坐标参考系", "coordinate reference system"]),
    ("empty", ["没有要素", "has no features"]),
    ("allnull", ["几何", "empty geometry"]),
])
def test_calcarea_refuses_bad_layers_with_bilingual_message(plugin, bad, words):
    if bad == "nocrs":
        vl = memory_layer([RECT], crs=None)
    elif bad == "empty":
        vl = memory_layer([])
    else:
        vl = memory_layer([None, None])
    with pytest.raises(QgsProcessingException) as err:
        processing.run("zutuan:calcarea", {"INPUT": vl, "OUTPUT": "memory:"})
    for w in words:
        assert w in str(err.value)
    assert "Traceback" not in str(err.value)


def test_calcarea_repairs_invalid_and_skips_null(plugin):
    bowtie = "POLYGON((500000 2440000, 500010 2440010, 500010 2440000, 500000 2440010, 500000 2440000))"
    vl = memory_layer([bowtie, None, RECT])
    res = processing.run("zutuan:calcarea", {"INPUT": vl, "OUTPUT": "memory:"})
    areas = sorted(f["YDMJ"] for f in res["OUTPUT"].getFeatures())
    assert areas == pytest.approx([50.0, 20000.0], abs=1e-6)  # two 25 m² triangles; null skipped


def test_calcarea_multipart_z_is_planimetric(plugin):
    wkt = ("MultiPolygonZ(((500000 2440000 10, 500100 2440000 20, 500100 2440100 30, 500000 2440000 10)),"
           "((500200 2440000 5, 500300 2440000 5, 500300 2440100 5, 500200 2440100 5, 500200 2440000 5)))")
    res = processing.run("zutuan:calcarea", {"INPUT": memory_layer([wkt], geom="MultiPolygonZ"), "OUTPUT": "memory:"})
    assert next(res["OUTPUT"].getFeatures())["YDMJ"] == pytest.approx(5000.0 + 10000.0, abs=1e-6)


def _gbk_shapefile(folder, with_cpg):
    """A shapefile whose DBF holds GBK bytes, as written by Chinese desktop GIS software."""
    from osgeo import ogr, osr

    name = "凭祥红木加工有限公司"
    path = os.path.join(folder, "gbk_plots.shp")
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4545)
    lyr = ds.CreateLayer("gbk_plots", srs, ogr.wkbPolygon, options=["ENCODING=UTF-8"])
    fd = ogr.FieldDefn("YXQY", ogr.OFTString)
    fd.SetWidth(40)
    lyr.CreateField(fd)
    feat = ogr.Feature(lyr.GetLayerDefn())
    feat.SetField("YXQY", name)
    feat.SetGeometry(ogr.CreateGeometryFromWkt(RECT))
    lyr.CreateFeature(feat)
    ds = None
    dbf = path[:-4] + ".dbf"
    raw = open(dbf, "rb").read()
    utf8, gbk = name.encode("utf-8"), name.encode("gbk")
    assert utf8 in raw
    raw = raw.replace(utf8, gbk + b" " * (len(utf8) - len(gbk)))  # same field width, space padded
    raw = raw[:29] + b"\x00" + raw[30:]  # no code-page mark (LDID) in the header
    open(dbf, "wb").write(raw)
    cpg = path[:-4] + ".cpg"
    if with_cpg:
        open(cpg, "w").write("GBK")
    elif os.path.exists(cpg):
        os.remove(cpg)
    return path


@pytest.mark.parametrize("with_cpg", [True, False])
def test_gbk_shapefile_reads_chinese_attributes(plugin, tmp_path, with_cpg):
    path = _gbk_shapefile(str(tmp_path), with_cpg)
    res = processing.run("zutuan:calcarea", {"INPUT": path, "OUTPUT": "memory:"})
    f = next(res["OUTPUT"].getFeatures())
    assert f["YXQY"] == "凭祥红木加工有限公司"
    assert f["YDMJ"] == pytest.approx(20000.0)


def test_createplan_writes_schema_layers_and_metadata(plugin, tmp_path):
    out = str(tmp_path / "plan.gpkg")
    clusters = memory_layer([RECT], fields=(("ZTBH", "string"), ("CYL", "string")), attrs=[("Z01", "红木加工")])
    res = processing.run("zutuan:createplan", {"PROJECT_NAME": "凭祥边合区", "CLUSTERS": clusters, "OUTPUT": out})
    assert res["OUTPUT"] == out
    for name in ("zutuan", "danyuan", "dikuai"):
        vl = QgsVectorLayer(f"{out}|layername={name}", name, "ogr")
        assert vl.isValid(), name
        assert vl.crs().authid() == "EPSG:4545"
    z = QgsVectorLayer(f"{out}|layername=zutuan", "z", "ogr")
    f = next(z.getFeatures())
    assert (f["ZTBH"], f["CYL"], f["YDMJ"]) == ("Z01", "红木加工", pytest.approx(20000.0))
    assert "DKBH" in QgsVectorLayer(f"{out}|layername=dikuai", "d", "ogr").fields().names()
    meta = QgsVectorLayer(f"{out}|layername=plan_metadata", "m", "ogr")
    kv = {f["JM"]: f["JZ"] for f in meta.getFeatures()}
    import datetime
    year = datetime.date.today().year
    assert kv["XMMC"] == "凭祥边合区" and kv["ZBXT"] == "EPSG:4545"
    assert (kv["BZNF"], kv["JZNF"]) == (str(year), str(year - 1))


def test_createplan_unwritable_target_leaves_nothing(plugin, tmp_path):
    target = tmp_path / "no_such_dir" / "plan.gpkg"
    with pytest.raises(QgsProcessingException) as err:
        processing.run("zutuan:createplan", {"CRS": "EPSG:4545", "OUTPUT": str(target)})
    assert "无法写入" in str(err.value) and "Cannot write" in str(err.value)
    assert not target.exists()


def test_createplan_refuses_geographic_crs(plugin, tmp_path):
    with pytest.raises(QgsProcessingException) as err:
        processing.run("zutuan:createplan", {"CRS": "EPSG:4490", "OUTPUT": str(tmp_path / "p.gpkg")})
    assert "不是米" in str(err.value)


def test_qgis_process_lists_and_runs(run_qgis_process, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=PLUGINS)
    listing = subprocess.run(["qgis_process.bin", "list"], capture_output=True, text=True, env=env, timeout=120).stdout
    assert "zutuan:calcarea" in listing and "zutuan:createplan" in listing
    plan = str(tmp_path / "plan.gpkg")
    _, data, _ = run_qgis_process("zutuan:createplan", {"CRS": "EPSG:4545", "OUTPUT": plan})
    assert os.path.exists(plan)
    src = str(tmp_path / "in.gpkg")
    from osgeo import ogr, osr

    ds = ogr.GetDriverByName("GPKG").CreateDataSource(src)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4545)
    lyr = ds.CreateLayer("plots", srs, ogr.wkbPolygon)
    feat = ogr.Feature(lyr.GetLayerDefn())
    feat.SetGeometry(ogr.CreateGeometryFromWkt(RECT))
    lyr.CreateFeature(feat)
    ds = None
    _, data, _ = run_qgis_process("zutuan:calcarea", {"INPUT": src, "OUTPUT": str(tmp_path / "out.gpkg")})
    assert data["results"]["TOTAL_M2"] == pytest.approx(20000.0)
    out = QgsVectorLayer(str(tmp_path / "out.gpkg"), "o", "ogr")
    assert next(out.getFeatures())["MJMU"] == pytest.approx(30.0)


def test_qgis_process_bad_input_is_a_message_not_a_crash(run_qgis_process, tmp_path):
    rc, _, text = run_qgis_process("zutuan:createplan", {"CRS": "EPSG:4490", "OUTPUT": str(tmp_path / "p.gpkg")},
                                   check=False)
    assert rc != 0
    assert "坐标系单位" in text and "Traceback" not in text and "Aborted" not in text


def test_root_readme_commands_exist():
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    assert "bash scripts/setup.sh && bash scripts/demo.sh" in readme
    assert "bash scripts/setup.sh && bash scripts/test.sh" in readme
    ci = open(os.path.join(ROOT, ".ci", "run"), encoding="utf-8").read()
    assert "bash scripts/setup.sh && bash scripts/test.sh" in ci


def test_sample_zone_opens_in_qgis(plugin):
    from conftest import SAMPLE
    from qgis.core import QgsRasterLayer

    expected = {"zutuan": 4, "zongdi": None, "daolu": None, "stbhhx": None, "yjjbnt": None, "czkfbj": None,
                "ghfq": None}
    for name, count in expected.items():
        vl = QgsVectorLayer(f"{SAMPLE}|layername={name}", name, "ogr")
        assert vl.isValid(), name
        assert vl.crs().authid() == "EPSG:4524", name
        assert vl.featureCount() > 0 and (count is None or vl.featureCount() == count), name
    dem = QgsRasterLayer(os.path.join(os.path.dirname(SAMPLE), "dem.tif"), "dem")
    assert dem.isValid() and dem.crs().authid() == "EPSG:4524"
    stats = dem.dataProvider().bandStatistics(1)
    assert 150 < stats.minimumValue < stats.maximumValue < 600  # metres above sea level, karst relief


def test_calcarea_on_sample_parcels_reports_the_bowtie(plugin):
    from conftest import SAMPLE
    from helpers import Capture
    from qgis.core import QgsProcessingContext

    fb = Capture()
    res = processing.run("zutuan:calcarea", {"INPUT": f"{SAMPLE}|layername=zongdi", "OUTPUT": "memory:"},
                         context=QgsProcessingContext(), feedback=fb)
    assert any("451481101002JA00005" in w and "GEOM-REPAIRED" in w for w in fb.warnings), fb.warnings
    assert res["OUTPUT"].featureCount() == QgsVectorLayer(f"{SAMPLE}|layername=zongdi", "z", "ogr").featureCount()
