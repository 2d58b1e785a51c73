"""zutuan:checkmasterplan and zutuan:checkstandards in real QGIS: processing.run and qgis_process.bin."""
import os

import pytest
from conftest import SAMPLE
from helpers import memory_layer

import processing
from qgis.core import QgsVectorLayer

X0, Y0 = 36_400_000, 3_400_000
FIELDS = (("DKBH", "string"), ("YDYHFLDM", "string"))


def _sq(x0, y0, x1, y1):
    return (f"POLYGON(({X0 + x0} {Y0 + y0}, {X0 + x1} {Y0 + y0}, {X0 + x1} {Y0 + y1}, {X0 + x0} {Y0 + y1}, "
            f"{X0 + x0} {Y0 + y0}))")


def _plots():
    return memory_layer([_sq(0, 0, 100, 100), _sq(200, 0, 300, 100), _sq(400, 0, 500, 100)], crs="EPSG:4524",
                        fields=FIELDS, attrs=[("A", "1001"), ("B", "1001"), ("C", "0101")])


def test_checkmasterplan_processing_run(plugin, tmp_path):
    red = memory_layer([_sq(50, -50, 150, 150), _sq(60, 0, 100, 100)], crs="EPSG:4524",
                       fields=(("MC", "string"),), attrs=[("红线甲",), ("红线乙",)])
    farm_empty = memory_layer([], crs="EPSG:4524", fields=(("BH", "string"),))
    ugb = memory_layer([_sq(-10, -10, 250, 110)], crs="EPSG:4524", fields=(("BH", "string"),), attrs=[("U",)])
    report = str(tmp_path / "report.html")
    res = processing.run("zutuan:checkmasterplan", {
        "INPUT": _plots(), "ECOLOGICAL_REDLINE": red, "FARMLAND": farm_empty, "URBAN_BOUNDARY": ugb,
        "OUTPUT": "memory:", "CONFLICTS": "memory:", "REPORT": report})
    out = {f["DKBH"]: f for f in res["OUTPUT"].getFeatures()}
    assert out["A"]["CT_STHX"] == pytest.approx(5000.0, abs=0.01)       # two overlapping red-line polygons, once
    assert out["B"]["CT_KFBJ"] == pytest.approx(5000.0, abs=0.01)       # half outside the boundary
    assert out["A"]["SCJL"] == "不合规" and out["C"]["SCJL"] == "需核实"  # farmland layer empty → 未检查
    assert "永久基本农田" in out["C"]["WJCGZ"]
    conf = sorted((f["DKBH"], f["GZBH"], round(f["CTMJ"], 2)) for f in res["CONFLICTS"].getFeatures())
    assert conf == [("A", "MP-ECO", 4000.0), ("A", "MP-ECO", 5000.0), ("B", "MP-UGB", 5000.0)]
    # the layer's MC field is picked up as the constraint feature's name
    assert sorted(f["YSMC"] for f in res["CONFLICTS"].getFeatures() if f["GZBH"] == "MP-ECO") == ["红线乙", "红线甲"]
    text = open(report, encoding="utf-8").read()
    assert "一张图" in text and "未检查的规则" in text and "<svg" in text
    assert res["N_FAIL"] == 2 and res["N_VERIFY"] == 1


def test_report_saved_only_with_both_layers(plugin, tmp_path):
    """The report renders on a second thread while the layers are written; it is saved only when both are written:
    a conflicts destination that cannot be written stops the run with no report left behind."""
    from qgis.core import QgsProcessingException

    red = memory_layer([_sq(50, -50, 150, 150)], crs="EPSG:4524", fields=(("MC", "string"),), attrs=[("红线甲",)])
    report = tmp_path / "report.html"
    with pytest.raises(QgsProcessingException):
        processing.run("zutuan:checkmasterplan", {
            "INPUT": _plots(), "ECOLOGICAL_REDLINE": red, "OUTPUT": str(tmp_path / "plots.gpkg"),
            "CONFLICTS": str(tmp_path / "no" / "such" / "dir" / "conflicts.shp"), "REPORT": str(report)})
    assert not report.exists() and not (tmp_path / "report.html.tmp").exists()
    res = processing.run("zutuan:checkmasterplan", {
        "INPUT": _plots(), "ECOLOGICAL_REDLINE": red, "OUTPUT": str(tmp_path / "plots.gpkg"),
        "CONFLICTS": str(tmp_path / "conflicts.gpkg"), "REPORT": str(report)})
    assert res["REPORT"] == str(report) and "红线甲" in report.read_text(encoding="utf-8")


def test_conflicts_file_built_beside_is_dropped_when_the_plots_cannot_be_written(plugin, tmp_path):
    """The conflicts' GeoPackage is built on the report's thread while the plots are written; when the plots output
    fails the run stops and neither the conflicts file nor its temporary file is left behind. When all goes well the
    conflicts layer is there, whole."""
    from qgis.core import QgsProcessingException

    red = memory_layer([_sq(50, -50, 150, 150)], crs="EPSG:4524", fields=(("MC", "string"),), attrs=[("红线甲",)])
    params = {"INPUT": _plots(), "ECOLOGICAL_REDLINE": red, "CONFLICTS": str(tmp_path / "conflicts.gpkg"),
              "REPORT": str(tmp_path / "report.html")}
    with pytest.raises(QgsProcessingException):
        processing.run("zutuan:checkmasterplan", {**params, "OUTPUT": str(tmp_path / "no" / "such" / "plots.shp")})
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    res = processing.run("zutuan:checkmasterplan", {**params, "OUTPUT": str(tmp_path / "plots.gpkg")})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["conflicts.gpkg", "plots.gpkg", "report.html"]
    got = QgsVectorLayer(res["CONFLICTS"], "c", "ogr")
    assert [round(f["CTMJ"], 2) for f in got.getFeatures()] == [5000.0]


def test_run_pauses_the_garbage_collector_and_restores_it(plugin, tmp_path):
    """During a run the cyclic collector is off (algorithms/gcpause.py: no heap scans while rows are built), seen from
    the run's own feedback; after it, and after a run that stops on bad input, it is on again."""
    import gc

    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class Seen(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.states = []

        def pushInfo(self, info):  # noqa: N802 - QGIS's name
            self.states.append((info, gc.isenabled()))
            super().pushInfo(info)

    red = memory_layer([_sq(50, -50, 150, 150)], crs="EPSG:4524", fields=(("MC", "string"),), attrs=[("红线甲",)])
    seen = Seen()
    assert gc.isenabled()
    res = processing.run("zutuan:checkmasterplan", {"INPUT": _plots(), "ECOLOGICAL_REDLINE": red,
                                                    "OUTPUT": str(tmp_path / "plots.gpkg")}, feedback=seen)
    assert res["N_FAIL"] == 1
    last = max(k for k, (info, _) in enumerate(seen.states) if info.startswith("合规 "))   # the run's last message
    assert not any(on for _, on in seen.states[:last + 1])
    assert gc.isenabled()
    lonlat = memory_layer(["POLYGON((100 30, 100.001 30, 100.001 30.001, 100 30))"], crs="EPSG:4524",
                          fields=FIELDS, attrs=[("A", "1001")])     # degrees labelled as GK metres: a clear stop
    with pytest.raises(QgsProcessingException, match="cannot belong to its CRS"):
        processing.run("zutuan:checkmasterplan", {"INPUT": lonlat, "ECOLOGICAL_REDLINE": red, "OUTPUT": "memory:"})
    assert gc.isenabled()


def test_checkstandards_processing_run(plugin, tmp_path):
    fields = FIELDS + (("HYDM", "string"), ("RJLXX", "double"), ("JZXS", "double"))
    plots = memory_layer([_sq(0, 0, 100, 100), _sq(200, 0, 300, 100)], crs="EPSG:4524", fields=fields,
                         attrs=[("Z01-01-01", "1001", "C26", 0.5, 30.0), ("Z01-01-02", "1001", "C26", 0.8, 35.0)])
    res = processing.run("zutuan:checkstandards", {"INPUT": plots, "OUTPUT": "memory:", "CONFLICTS": "memory:",
                                                   "REPORT": str(tmp_path / "std.html")})
    out = {f["DKBH"]: f for f in res["OUTPUT"].getFeatures()}
    assert out["Z01-01-01"]["SCJL"] == "不合规" and out["Z01-01-01"]["BZ_RJLXX"] == pytest.approx(0.6)
    assert out["Z01-01-02"]["SCJL"] == "需核实"        # 投资强度 etc. have no standard value / no plot value
    assert [f["GZBH"] for f in res["CONFLICTS"].getFeatures()] == ["STD-RJLXX"]
    assert "用地标准审查报告" in open(tmp_path / "std.html", encoding="utf-8").read()


def test_checkmasterplan_qgis_process_on_sample(run_qgis_process, tmp_path):
    g = SAMPLE
    dem = os.path.join(os.path.dirname(SAMPLE), "dem.tif")
    rc, data, text = run_qgis_process("zutuan:checkmasterplan", {
        "INPUT": f"{g}|layername=zutuan", "CODE_FIELD": "ZTBH", "DEFAULT_LANDUSE": "1001",
        "ECOLOGICAL_REDLINE": f"{g}|layername=stbhhx", "FARMLAND": f"{g}|layername=yjjbnt",
        "URBAN_BOUNDARY": f"{g}|layername=czkfbj", "ZONING": f"{g}|layername=ghfq", "ZONE_FIELD": "GHFQMC",
        "DEM": dem, "OUTPUT": str(tmp_path / "out.gpkg"), "CONFLICTS": str(tmp_path / "conf.gpkg"),
        "REPORT": str(tmp_path / "sample.html")})
    res = data["results"]
    assert res["N_FAIL"] == 4
    assert os.path.exists(tmp_path / "sample.html") and os.path.exists(tmp_path / "conf.gpkg")
    import pyogrio
    conf = pyogrio.read_dataframe(str(tmp_path / "conf.gpkg"))
    rules = set(zip(conf.DKBH, conf.GZBH))
    assert {("Z04", "MP-ECO"), ("Z03", "MP-FARM"), ("Z02", "MP-UGB"), ("Z01", "MP-ZONE"), ("Z01", "MP-SLOPE")} <= rules


def test_checkstandards_qgis_process(run_qgis_process, tmp_path):
    from conftest import ROOT  # noqa: F401
    import geopandas as gpd
    from shapely.geometry import box
    gdf = gpd.GeoDataFrame({"DKBH": ["Z01-01-01"], "YDYHFLDM": ["1001"], "HYDM": ["C26"], "RJLXX": [0.5]},
                           geometry=[box(X0, Y0, X0 + 100, Y0 + 100)], crs="EPSG:4524")
    path = str(tmp_path / "p.gpkg")
    gdf.to_file(path, layer="dikuai")
    rc, data, text = run_qgis_process("zutuan:checkstandards", {"INPUT": path, "OUTPUT": str(tmp_path / "o.gpkg"),
                                                                "REPORT": str(tmp_path / "s.html")})
    assert data["results"]["N_FAIL"] == 1 and os.path.exists(tmp_path / "s.html")


def test_checkmasterplan_other_layers_and_rules(plugin):
    heritage = memory_layer([_sq(100, 0, 150, 100)], crs="EPSG:4524", fields=(("MC", "string"),), attrs=[("古城墙",)])
    flood = memory_layer([_sq(150, 0, 250, 100)], crs="EPSG:4524", fields=(("MC", "string"),), attrs=[("洪涝区",)])
    res = processing.run("zutuan:checkmasterplan", {
        "INPUT": _plots(), "OTHER": [heritage, flood], "OTHER_RULES": "touch,forbid",
        "OTHER_NAMES": "历史文化保护线,洪涝风险控制线", "OUTPUT": "memory:", "CONFLICTS": "memory:"})
    out = {f["DKBH"]: f for f in res["OUTPUT"].getFeatures()}
    assert out["A"]["SCJL"] == "需核实"                      # touches the heritage line only
    assert out["B"]["CT_QT2"] == pytest.approx(5000.0, abs=0.01) and out["B"]["SCJL"] == "不合规"
    names = sorted({f["GZMC"] for f in res["CONFLICTS"].getFeatures()})
    assert names == ["历史文化保护线", "洪涝风险控制线"]
