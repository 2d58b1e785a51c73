"""One plan, one truth (issue 14): the whole demo chain, then every output file read back against every other.

The demo (scripts/demo.sh, qgis_process.bin step by step) runs into a folder of its own; reconcile.problems reads
the GeoPackages, workbooks, CSV and reports and lists every disagreement. A tampered copy shows the checker fails.
"""
import os
import shutil
import subprocess

import pandas as pd
import pytest

from reconcile import ROOT, problems


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory):
    out = str(tmp_path_factory.mktemp("demo") / "out")
    env = dict(os.environ, ZUTUAN_DEMO_OUT=out)
    proc = subprocess.run(["bash", os.path.join(ROOT, "scripts", "demo.sh")], env=env, capture_output=True, text=True,
                          timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return out


def test_every_output_agrees(demo_out):
    assert problems(demo_out) == []


def test_the_check_catches_a_disagreement(demo_out, tmp_path):
    import pyogrio

    copy = str(tmp_path / "out")
    shutil.copytree(demo_out, copy)
    roads = pyogrio.read_dataframe(os.path.join(copy, "road_corridors.gpkg"))
    roads.loc[roads.index[0], "DLCD"] += 100.0  # 100 m of road the phasing and the cash flow did not see
    pyogrio.write_dataframe(roads, os.path.join(copy, "road_corridors.gpkg"))
    found = problems(copy)
    assert any(p.startswith("road length (km): road_corridors.gpkg vs 分期表.xlsx") for p in found), found
    assert any(p.startswith("road cost (万元)") for p in found), found


def _set_cell(path, sheet, header, row, change):
    """Change one cell of a workbook: the column whose header starts with ``header``, data row ``row`` (0 = first)."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    j = next(c.column for c in ws[1] if str(c.value).startswith(header))
    ws.cell(row=row + 2, column=j).value = change(ws.cell(row=row + 2, column=j).value)
    book.save(path)


def test_the_check_catches_monitoring_disagreements(demo_out, tmp_path):
    """The monitoring outputs: a plot's 亩 on the 亩均 map that is not the plan's, a 飞地 party's tax that is not its
    part of the whole, and a target passed on a total the statistics leave incomplete."""
    import pyogrio

    copy = str(tmp_path / "out")
    shutil.copytree(demo_out, copy)
    mu = pyogrio.read_dataframe(os.path.join(copy, "亩均效益.gpkg"))
    mu.loc[mu.index[0], "MJMU"] += 1.0   # 1 亩 the plan's plot does not have
    pyogrio.write_dataframe(mu, os.path.join(copy, "亩均效益.gpkg"))
    _set_cell(os.path.join(copy, "飞地核算.xlsx"), "分地区统计", "税收", 0, lambda v: v + 1.0)   # 2023, first party
    track = os.path.join(copy, "目标跟踪.xlsx")
    verdicts = pd.read_excel(track, sheet_name="目标跟踪")["结论"].astype(str)
    _set_cell(track, "目标跟踪", "结论", int(verdicts.index[verdicts.str.startswith("需核实")][0]), lambda v: "按计划 / on track")
    found = problems(copy)
    assert any(p.startswith("plot area (亩): 亩均效益.gpkg MJMU vs plots_phased") for p in found), found
    assert any(p.startswith("plot area (亩): 亩均效益.gpkg MJMU vs 亩均效益排名.xlsx") for p in found), found
    assert any(p.startswith("飞地 tax 2023: Σ 分地区统计 parties vs 核对表 合计") for p in found), found
    assert any(p.startswith("target 产业规模（年产值）") and "on a sum that lacks" in p for p in found), found


def test_the_check_catches_a_plot_far_the_cash_flow_did_not_use(demo_out, tmp_path):
    import pyogrio

    copy = str(tmp_path / "out")
    shutil.copytree(demo_out, copy)
    plots = pyogrio.read_dataframe(os.path.join(copy, "plots_reviewed.gpkg"))
    row = plots.index[(plots["SCJL"] == "合规") & (plots["GDZT"] == "未供地") & plots["YDYHFLDM"].str.startswith("1001")][0]
    plots.loc[row, "RJLXX"] = float(plots.loc[row, "RJLXX"]) + 0.5   # a FAR the standard factories were not costed at
    pyogrio.write_dataframe(plots, os.path.join(copy, "plots_reviewed.gpkg"))
    assert any(p.startswith("standard factories (万元)") for p in problems(copy))


def test_the_suggested_plan_passes_both_checks(demo_out, plugin, tmp_path):
    """Issue 20: the demo's first suggestion (plots_adjusted.gpkg, a new plan version) checked again like the plan:
    no plot fails that did not fail before, and the plots whose use changed pass."""
    import processing
    import pyogrio

    sample = os.path.join(ROOT, "resources", "sample", "data", "sample_zone.gpkg")
    before = pyogrio.read_dataframe(os.path.join(demo_out, "plots_reviewed.gpkg")).set_index("DKBH")
    adjusted = os.path.join(demo_out, "plots_adjusted.gpkg")
    changed = pyogrio.read_dataframe(adjusted).set_index("DKBH")
    moved = changed.index[changed["YDYHFLDM"] != before["YDYHFLDM"].reindex(changed.index)]
    assert len(moved), "the demo's first suggestion changes some plot's use"
    master = processing.run("zutuan:checkmasterplan", {
        "INPUT": adjusted, "ECOLOGICAL_REDLINE": f"{sample}|layername=stbhhx", "FARMLAND": f"{sample}|layername=yjjbnt",
        "URBAN_BOUNDARY": f"{sample}|layername=czkfbj", "ZONING": f"{sample}|layername=ghfq", "ZONE_FIELD": "GHFQMC",
        "DEM": os.path.join(ROOT, "resources", "sample", "data", "dem.tif"), "BOUNDARY_TOLERANCE": 50,   # as the demo
        "OUTPUT": str(tmp_path / "m.gpkg")})
    std = processing.run("zutuan:checkstandards", {
        "INPUT": master["OUTPUT"], "OUTPUT": str(tmp_path / "s.gpkg"),
        "LOCAL_PROFILE": os.path.join(ROOT, "resources", "sample", "data", "local_profile.yaml")})
    after = pyogrio.read_dataframe(std["OUTPUT"]).set_index("DKBH")
    failed_before = set(before.index[before["SCJL"] == "不合规"])
    failed_after = set(after.index[after["SCJL"] == "不合规"])
    assert failed_after == failed_before
    assert not (set(moved) & failed_after)
    assert (after.loc[moved, "CT_GHFQ"].fillna(0) == 0).all()      # the new uses are allowed in their zones
