"""zutuan:subdivideunits / subdivideplots / buildhierarchy in real QGIS (processing.run and qgis_process.bin)."""
import pytest
from conftest import SAMPLE
from helpers import memory_layer
from qgis.core import QgsProcessingException

import processing

CRS = "EPSG:4547"


def _box(x0, y0, x1, y1):
    return f"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"


def _cross():
    clusters = memory_layer([_box(500000, 2500000, 501000, 2501000)], crs=CRS,
                            fields=(("ZTBH", "string"), ("CYL", "string")), attrs=[("Z01", "冷链")], name="组团")
    roads = memory_layer(["LINESTRING(499950 2500500, 501050 2500500)", "LINESTRING(500500 2499950, 500500 2501050)"],
                         crs=CRS, geom="LineString", fields=(("DLDJ", "string"), ("HXKD", "double")),
                         attrs=[("主干路", None), ("次干路", None)], name="道路")
    return clusters, roads


def test_subdivideunits_between_crossing_roads(plugin):
    clusters, roads = _cross()
    res = processing.run("zutuan:subdivideunits", {"INPUT": clusters, "ROADS": roads, "MAX_UNIT_AREA": 300000, "OUTPUT": "memory:",
                                                   "OUTPUT_ROADS": "memory:", "OUTPUT_FINDINGS": "memory:"})
    units = list(res["OUTPUT"].getFeatures())
    # 主干路 40 m (y 2500480–520) and 次干路 30 m (x 500485–515): four units of 485 × 480 m
    assert len(units) == 4 and res["N_UNITS"] == 4
    assert sorted(f["DYBH"] for f in units) == ["Z01-01", "Z01-02", "Z01-03", "Z01-04"]
    assert all(f["YDMJ"] == pytest.approx(485 * 480) and f["CYL"] == "冷链" for f in units)
    assert res["ROAD_AREA"] == pytest.approx(68800.0)
    assert sorted(f["HXKD"] for f in res["OUTPUT_ROADS"].getFeatures()) == [30.0, 40.0]


def test_subdivideplots_and_buildhierarchy(plugin):
    clusters, roads = _cross()
    u = processing.run("zutuan:subdivideunits", {"INPUT": clusters, "ROADS": roads, "MAX_UNIT_AREA": 300000, "OUTPUT": "memory:",
                                                 "OUTPUT_ROADS": "memory:"})
    p = processing.run("zutuan:subdivideplots", {"INPUT": u["OUTPUT"], "ROADS": u["OUTPUT_ROADS"],
                                                 "TARGET_AREA": 20000, "MIN_AREA": 10000, "MAX_AREA": 40000,
                                                 "OUTPUT": "memory:", "OUTPUT_FINDINGS": "memory:"})
    plots = list(p["OUTPUT"].getFeatures())
    # each 232 800 m² unit → round(11.64) = 12 plots of 19 400 m²
    assert len(plots) == 48 and p["N_PLOTS"] == 48
    assert all(f["YDMJ"] == pytest.approx(19400.0) for f in plots)
    assert {f["DKBH"][:6] for f in plots} == {"Z01-01", "Z01-02", "Z01-03", "Z01-04"}
    assert p["RECTANGULARITY"] == pytest.approx(1.0)
    h = processing.run("zutuan:buildhierarchy", {"CLUSTERS": clusters, "UNITS": u["OUTPUT"], "PLOTS": p["OUTPUT"],
                                                 "ASSIGN": False, "OUTPUT_FINDINGS": "memory:"})
    assert h["N_ERRORS"] == 0 and h["N_WARNINGS"] == 0
    # a duplicated code is found and located
    layer = p["OUTPUT"]
    first = next(layer.getFeatures())
    layer.startEditing()
    second = list(layer.getFeatures())[1]
    layer.changeAttributeValue(second.id(), layer.fields().indexOf("DKBH"), first["DKBH"])
    layer.commitChanges()
    h = processing.run("zutuan:buildhierarchy", {"UNITS": u["OUTPUT"], "PLOTS": layer, "ASSIGN": False,
                                                 "OUTPUT_FINDINGS": "memory:"})
    rules = [f["GZBH"] for f in h["OUTPUT_FINDINGS"].getFeatures()]
    assert rules == ["LAYOUT-CODE-DUPLICATE"] and h["N_ERRORS"] == 1


def test_supplied_expression_and_bad_input(plugin):
    units = memory_layer([_box(500000, 2500000, 500300, 2500100)], crs=CRS, fields=(("DYBH", "string"),),
                         attrs=[("Z01-01",)])
    cad = memory_layer([_box(500000, 2500000, 500060, 2500100), _box(500060, 2500000, 500170, 2500100)], crs=CRS,
                       fields=(("ZT", "string"),), attrs=[("yes",), ("no",)])
    res = processing.run("zutuan:subdivideplots", {"INPUT": units, "CADASTRE": cad, "SUPPLIED": "\"ZT\" = 'yes'",
                                                   "TARGET_AREA": 5000, "MIN_AREA": 2500, "MAX_AREA": 10000,
                                                   "OUTPUT": "memory:"})
    sup = [f for f in res["OUTPUT"].getFeatures() if f["GDZT"] == "已供地"]
    assert len(sup) == 1 and sup[0]["YDMJ"] == pytest.approx(6000.0)
    with pytest.raises(QgsProcessingException, match="目标面积"):
        processing.run("zutuan:subdivideplots", {"INPUT": units, "TARGET_AREA": 0, "MIN_AREA": 0, "MAX_AREA": 10,
                                                 "OUTPUT": "memory:"})


def test_layout_chain_in_qgis_process(run_qgis_process, tmp_path):
    units = str(tmp_path / "units.gpkg")
    roads = str(tmp_path / "roads.gpkg")
    plots = str(tmp_path / "plots.gpkg")
    rc, data, text = run_qgis_process("zutuan:subdivideunits", {
        "INPUT": f"{SAMPLE}|layername=zutuan", "ROADS": f"{SAMPLE}|layername=daolu", "MIN_UNIT_AREA": 10000,
        "MAX_UNIT_AREA": 150000, "OUTPUT": units, "OUTPUT_ROADS": roads})
    assert data["results"]["N_UNITS"] >= 20
    rc, data, text = run_qgis_process("zutuan:subdivideplots", {
        "INPUT": units, "CADASTRE": f"{SAMPLE}|layername=zongdi", "ROADS": roads, "TARGET_AREA": 10000,
        "MIN_AREA": 5000, "MAX_AREA": 30000, "OUTPUT": plots})
    assert data["results"]["N_PLOTS"] > 150
    rc, data, text = run_qgis_process("zutuan:buildhierarchy", {
        "UNITS": units, "PLOTS": plots, "ASSIGN": "false", "OUTPUT_FINDINGS": str(tmp_path / "f.gpkg")})
    assert data["results"]["N_ERRORS"] == 0
