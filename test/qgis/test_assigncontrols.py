"""zutuan:assigncontrols in real QGIS (processing.run and qgis_process.bin) and the .qml styles loading in 3.22."""
import os

import pytest
from conftest import ROOT
from helpers import memory_layer
from qgis.core import (QgsCoordinateTransformContext, QgsProcessingException, QgsVectorFileWriter,
                       QgsVectorLayer)

import processing
from algorithms.controls import parse_sources

STYLES = os.path.join(ROOT, "resources", "styles")
FIELDS = (("DKBH", "string"), ("DYBH", "string"), ("YDYHFLDM", "string"), ("HYDM", "string"))


def _sq(i, size=100):
    x = 500000 + i * 200
    y = 2440000
    return f"POLYGON(({x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}))"


def _plots():
    rows = [("Z01-01-01", "Z01-01", "100101", "C2611"), ("Z01-01-02", "Z01-01", "1001", None),
            ("Z01-01-03", "Z01-01", "1009", "13"), ("Z01-01-04", "Z01-01", "0701", None)]
    return memory_layer([_sq(i) for i in range(4)], crs="EPSG:4545", fields=FIELDS, attrs=rows)


def _by_code(layer):
    return {f["DKBH"]: f for f in layer.getFeatures()}


def test_assigncontrols_processing_run(plugin, tmp_path):
    ov = tmp_path / "ov.csv"
    ov.write_text("DKBH,JZXG,TZQD_MU\nZ01-01-01,24,300\n", encoding="utf-8")
    res = processing.run("zutuan:assigncontrols", {"INPUT": _plots(), "REGION_CLASS": 3, "OVERRIDES": str(ov),
                                                   "OUTPUT": "memory:", "OUTPUT_FINDINGS": "memory:"})
    out = _by_code(res["OUTPUT"])
    a = out["Z01-01-01"]
    assert a["RJLXX"] == pytest.approx(0.6) and a["JZXS"] == pytest.approx(30) and a["JZXG"] == pytest.approx(24)
    assert a["TZQD"] == pytest.approx(4500.0)                       # 300 万元/亩 × 15
    assert a["YDMJ"] == pytest.approx(10000.0) and a["ZDTZE"] == pytest.approx(4500.0)
    assert a["JRJZMJ"] == pytest.approx(6000.0)
    assert "RJLXX:2008表2 行业26" in a["ZBLY"] and "TZQD:覆盖表 第2行(DKBH)" in a["ZBLY"]
    b = out["Z01-01-02"]
    assert b["RJLXX"] is None or b["RJLXX"] != b["RJLXX"] or str(b["RJLXX"]) == "NULL"
    zb = parse_sources(b["ZBLY"])                 # industrial plot without HYDM: no per-industry value
    assert zb["RJLXX"] == zb["TZQD"] == "未赋值：无标准值（缺行业代码）" and zb["JZXG"] == "未赋值：无限高来源"
    d = parse_sources(out["Z01-01-04"]["ZBLY"])     # housing: the 2008 standard does not apply, every control says so
    assert str(out["Z01-01-04"]["JZXS"]) == "NULL" and d["JZXS"] == "未赋值：2008标准不适用于城镇住宅用地(0701)"
    assert out["Z01-01-01"]["YDYHFLMC"] == "一类工业用地"
    rules = [f["GZBH"] for f in res["OUTPUT_FINDINGS"].getFeatures()]
    assert "STD-LANDUSE-UNKNOWN" in rules and "STD-HYDM-MISSING" in rules and "STD-NO-VALUE" in rules
    unknown = next(f for f in res["OUTPUT_FINDINGS"].getFeatures() if f["GZBH"] == "STD-LANDUSE-UNKNOWN")
    assert "1001" in unknown["SM"] and unknown["YZCD"] == "错误" and not unknown.geometry().isNull()
    assert res["TOTAL_JRJZMJ"] == pytest.approx(6000.0) and res["NOT_CHECKED"] >= 2


def test_looser_local_profile_refused(plugin, tmp_path):
    local = tmp_path / "local.yaml"
    local.write_text("base: gongye_2008\nname: 某县\nlimits:\n  JZXS: 25\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException) as e:
        processing.run("zutuan:assigncontrols", {"INPUT": _plots(), "LOCAL_PROFILE": str(local),
                                                 "OUTPUT": "memory:"})
    assert "第 4 行" in str(e.value) and "宽于国家约束性指标" in str(e.value) and "looser" in str(e.value)


def test_qgis_process_headless(plugin, run_qgis_process, tmp_path):
    gpkg = str(tmp_path / "plots.gpkg")
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV2(_plots(), gpkg, QgsCoordinateTransformContext(), opts)
    assert err[0] == QgsVectorFileWriter.NoError
    out = str(tmp_path / "out.gpkg")
    rc, data, text = run_qgis_process("zutuan:assigncontrols", {"INPUT": gpkg, "PROFILE": 0, "OUTPUT": out})
    assert rc == 0, text
    assert data["results"]["TOTAL_JRJZMJ"] == pytest.approx(6000.0)
    vl = QgsVectorLayer(out, "o", "ogr")
    assert _by_code(vl)["Z01-01-01"]["RJLXX"] == pytest.approx(0.6)


@pytest.mark.parametrize("name", ["plots_ydyh_level1", "plots_ydyh_level2", "clusters", "units", "roads",
                                  "findings", "findings_point"])
def test_styles_load(plugin, name):
    geom = "Point" if name == "findings_point" else "Polygon"
    vl = QgsVectorLayer(f"{geom}?crs=EPSG:4545&field=YDYHFLDM:string&field=DKBH:string&field=YZCD:string", "s",
                        "memory")
    msg, ok = vl.loadNamedStyle(os.path.join(STYLES, name + ".qml"))
    assert ok, msg
    assert vl.renderer() is not None


def _pixel(layer, code):
    """Render the plot with YDYHFLDM ``code`` alone on black and return the colour at its centre."""
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    feat = next(f for f in layer.getFeatures() if f["YDYHFLDM"] == code)
    layer.setSubsetString("")
    layer.setLabelsEnabled(False)
    ms = QgsMapSettings()
    ms.setLayers([layer])
    ms.setDestinationCrs(layer.crs())
    ms.setExtent(feat.geometry().boundingBox().buffered(-20))
    ms.setOutputSize(QSize(40, 40))
    ms.setBackgroundColor(QColor("black"))
    job = QgsMapRendererSequentialJob(ms)
    job.start()
    job.waitForFinished()
    return QColor(job.renderedImage().pixel(20, 20)).getRgb()[:3]


def test_plot_style_categories_and_colours(plugin):
    vl = _plots()
    msg, ok = vl.loadNamedStyle(os.path.join(STYLES, "plots_ydyh_level2.qml"))
    assert ok, msg
    r = vl.renderer()
    cats = {c.value(): c for c in r.categories()}
    assert len(cats) == 112 and cats["1001"].label() == "1001 工业用地"
    assert cats["1001"].symbol().color().getRgb()[:3] == (187, 150, 116)
    assert _pixel(vl, "100101") == (187, 150, 116)      # 三级 code drawn with its 二级 class colour
    assert _pixel(vl, "0701") == (255, 255, 45)
    setup = vl.editorWidgetSetup(vl.fields().indexOf("YDYHFLDM"))
    assert setup.type() == "ValueMap"
    assert {"100101 一类工业用地": "100101"} in setup.config()["map"]
    l1 = QgsVectorLayer("Polygon?crs=EPSG:4545&field=YDYHFLDM:string", "l1", "memory")
    l1.loadNamedStyle(os.path.join(STYLES, "plots_ydyh_level1.qml"))
    assert len(l1.renderer().categories()) == 25
    assert {c.label() for c in l1.renderer().categories()} >= {"10 工矿用地", "07 居住用地"}
