"""zutuan:checkstandards on the sample zone with its project table, in real QGIS (processing.run and qgis_process.bin).

The plots are made as scripts/demo.sh makes them (steps 2, 3, 5, 6); resources/sample/data/projects.csv plants one
violation of each kind on plots of that chain. The report's counts must be this check's own, not the 一张图 check's.
"""
import os
import re

import pytest
from conftest import SAMPLE

import processing
from qgis.core import QgsProcessingContext

DATA = os.path.dirname(SAMPLE)
PROJECTS = os.path.join(DATA, "projects.csv")
LOCAL = os.path.join(DATA, "local_profile.yaml")
#: (plot, rule) → a piece of the citation that must be in the finding (see the 备注 column of projects.csv)
PLANTED = {
    ("Z01-03-03", "PRJ-TZQD"): "出让公告 投资强度≥250万元/亩",
    ("Z02-01-02", "PRJ-RJLXX"): "2008表2 行业21",
    ("Z04-01-03", "PRJ-LDLSX"): "绿地率条",
    ("Z04-02-02", "PRJ-XZBGBL"): "行政办公及生活服务设施条",
    ("Z04-03-01", "PRJ-JZXS"): "建筑系数条",
    ("Z04-03-01", "PRJ-JZMDXX"): "出让公告 建筑密度≥35%",
    ("Z02-02-05", "PRJ-CCQD"): "出让公告 产出强度≥400万元/亩",
    ("Z02-02-05", "PRJ-DJSS"): "出让公告 地均税收≥20万元/亩",
    ("Z01-04-03", "PRJ-RJLSX"): "出让公告 容积率≤1.8",
}


@pytest.fixture(scope="module")
def checked_plots(plugin, tmp_path_factory):
    """The demo's plots after assigncontrols and the 一张图 check (a GeoPackage path)."""
    d = tmp_path_factory.mktemp("sample_chain")
    z = f"{SAMPLE}|layername=zutuan"
    ctx = QgsProcessingContext()   # no invalid-geometry filter, as in qgis_process: the engine repairs the bow-tie

    def run(alg, params):
        return processing.run(alg, params, context=ctx)
    u = run("zutuan:subdivideunits", {
        "INPUT": z, "ROADS": f"{SAMPLE}|layername=daolu", "CLASS_FIELD": "DLDJ", "WIDTH_FIELD": "HXKD",
        "OUTPUT": str(d / "units.gpkg"), "OUTPUT_ROADS": str(d / "roads.gpkg")})
    p = run("zutuan:subdivideplots", {
        "INPUT": u["OUTPUT"], "CADASTRE": f"{SAMPLE}|layername=zongdi", "ROADS": u["OUTPUT_ROADS"],
        "OUTPUT": str(d / "plots.gpkg")})
    c = run("zutuan:assigncontrols", {
        "INPUT": p["OUTPUT"], "UNITS": u["OUTPUT"], "CLUSTERS": z, "LOCAL_PROFILE": LOCAL,
        "OUTPUT": str(d / "plots_controls.gpkg")})
    m = run("zutuan:checkmasterplan", {
        "INPUT": c["OUTPUT"], "ECOLOGICAL_REDLINE": f"{SAMPLE}|layername=stbhhx",
        "FARMLAND": f"{SAMPLE}|layername=yjjbnt", "URBAN_BOUNDARY": f"{SAMPLE}|layername=czkfbj",
        "ZONING": f"{SAMPLE}|layername=ghfq", "ZONE_FIELD": "GHFQMC", "DEM": os.path.join(DATA, "dem.tif"),
        "OUTPUT": str(d / "plots_checked.gpkg")})
    return m["OUTPUT"], m["N_FAIL"]


def _own_counts(layer):
    own, prev = {}, {}
    for f in layer.getFeatures():
        own[f["BZSCJL"]] = own.get(f["BZSCJL"], 0) + 1
        prev[f["QXSCJL"]] = prev.get(f["QXSCJL"], 0) + 1
    return own, prev


def test_planted_project_violations_found_with_their_clauses(checked_plots, tmp_path):
    plots, masterplan_fail = checked_plots
    report = str(tmp_path / "用地标准审查报告.html")
    res = processing.run("zutuan:checkstandards", {
        "INPUT": plots, "LOCAL_PROFILE": LOCAL, "PROJECTS": PROJECTS, "OUTPUT": "memory:", "CONFLICTS": "memory:",
        "REPORT": report})
    conf = {(f["DKBH"], f["GZBH"]): f for f in res["CONFLICTS"].getFeatures()}
    assert set(conf) == set(PLANTED)
    for key, clause in PLANTED.items():
        assert clause in conf[key]["SM"], (key, conf[key]["SM"])
    own, prev = _own_counts(res["OUTPUT"])
    # this check's own counts: the 7 plots with a planted violation; the logistics project is 需核实 (no limits)
    assert own["不合规"] == 7 == res["N_FAIL"] and own["需核实"] == 1 == res["N_VERIFY"]
    assert res["N_OK"] == own["合规"]
    assert prev["不合规"] == masterplan_fail and masterplan_fail != res["N_FAIL"]
    text = open(report, encoding="utf-8").read()
    assert re.search(r"不合规<b>7</b>", text) and not re.search(rf"不合规<b>{masterplan_fail}</b>", text)
    assert f"不合规 {masterplan_fail}" in text and "前序审查结论（非本次审查）" in text
    for (code, rule), clause in PLANTED.items():
        assert code in text and rule in text and clause in text
    assert "Z05-01-01" in text and "不在地块图层中" in text       # the row with a wrong plot code
    out = {f["DKBH"]: f for f in res["OUTPUT"].getFeatures()}
    assert out["Z01-03-03"]["XM_TZQD"] == pytest.approx(2600 / (out["Z01-03-03"].geometry().area() / 1e4), rel=1e-6)
    assert out["Z01-01-03"]["BZSCJL"] == "合规" and out["Z03-01-01"]["BZSCJL"] == "需核实"


def test_qgis_process_with_the_project_table(checked_plots, run_qgis_process, tmp_path):
    plots, _ = checked_plots
    report = tmp_path / "s.html"
    rc, data, text = run_qgis_process("zutuan:checkstandards", {
        "INPUT": plots, "LOCAL_PROFILE": LOCAL, "PROJECTS": PROJECTS, "OUTPUT": str(tmp_path / "o.gpkg"),
        "REPORT": str(report)})
    assert (data["results"]["N_FAIL"], data["results"]["N_VERIFY"]) == (7, 1)
    html = report.read_text(encoding="utf-8")
    assert "PRJ-TZQD 投资强度（1 处）" in html and "Z01-03-03" in html


def test_qgis_process_bad_table_stops_naming_row_and_column(checked_plots, run_qgis_process, tmp_path):
    plots, _ = checked_plots
    bad = tmp_path / "bad.csv"
    bad.write_text("地块编号,固定资产投资（万元）\nZ01-01-03,5500\nZ01-03-03,约2600\n", encoding="gbk")
    out = tmp_path / "o.gpkg"
    rc, data, text = run_qgis_process("zutuan:checkstandards", {
        "INPUT": plots, "PROJECTS": str(bad), "OUTPUT": str(out), "REPORT": str(tmp_path / "s.html")}, check=False)
    assert rc != 0
    assert "第 3 行" in text and "固定资产投资（万元）" in text and "约2600" in text and "line 3" in text
    assert not out.exists() and not (tmp_path / "s.html").exists()
